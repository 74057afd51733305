from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def euro(amount: Decimal | None) -> str:
    """Money in Dutch notation: € 1.234,56."""
    if amount is None:
        return "—"
    return f"€\u00a0{number_format(amount, 2, force_grouping=True)}"


@register.filter
def item(mapping: dict[object, object], key: object) -> object:
    return mapping.get(key, "")
