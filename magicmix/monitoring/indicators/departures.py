"""Where residents went after their tenancy ended: the community app's departures (doorstroom)."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext_lazy as _

from magicmix.community.models import Departure, Destination

from . import Context, Expectation, Series, distribution, indicator

YEAR = datetime.timedelta(days=365)


@indicator(
    "destinations",
    _("Where residents went after the contract"),
    Expectation.INTEGRATION,
    _("Destinations of the residents whose tenancy ended in the last twelve months."),
)
def destinations(context: Context) -> Series:
    found = Departure.objects.filter(
        tenancy__unit__complex=context.complex,
        tenancy__end_date__gt=context.today - YEAR,
        tenancy__end_date__lte=context.today,
    )
    if context.persons is not None:
        found = found.filter(tenancy__person__in=context.persons)
    went = list(found.values_list("destination", flat=True))
    return Series(
        "%",
        distribution([(str(label), went.count(code)) for code, label in Destination.choices]),
        maximum=100,
        note=_("Regular social rent, private rent and owner-occupied homes are onward housing."),
    )
