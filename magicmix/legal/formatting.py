"""Money in the notation of the active language: € 49.669,00 in Dutch, € 49,669.00 in English."""

from decimal import Decimal

from django.utils.formats import number_format


def euro(amount: Decimal) -> str:
    return f"€ {number_format(amount, 2, use_l10n=True, force_grouping=True)}"
