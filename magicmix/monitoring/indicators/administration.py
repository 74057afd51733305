"""Indicators from the corporation's administration, imported per complex (`imports`): rent
arrears per month, management costs and social management hours per year, each per unit in use.

Units in use are counted as they are now: the stock of a complex seldom changes, and the
import carries no unit count of its own. Arrears are shown only when 5 or more households are
in arrears: the amount of one or two households is theirs.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from magicmix.composition.disclosure import THRESHOLD
from magicmix.housing.models import Unit

from ..models import ManagementCosts, RentArrears
from . import Context, Expectation, Point, Series, indicator, not_shown
from .periods import months, years


def _units(context: Context) -> int:
    return Unit.objects.filter(complex=context.complex, status=Unit.Status.IN_USE).count()


NOT_FOR_CLIENTS = _("Figures of the whole complex: not shown for own clients only.")


@indicator(
    "rent_arrears",
    _("Rent arrears per unit"),
    Expectation.FEASIBLE,
    _("Rent arrears at the end of the month, per unit in use (imported)."),
)
def rent_arrears(context: Context) -> Series:
    periods = months(context.today)
    if context.persons is not None:
        return Series("€", [], note=NOT_FOR_CLIENTS)
    units = _units(context)
    found = {
        row.month: row
        for row in RentArrears.objects.filter(
            complex=context.complex, month__gte=periods[0].start, month__lte=periods[-1].end
        )
    }
    points = []
    for period in periods:
        row = found.get(period.start)
        if row is None:
            points.append(Point(period.label, None, 0, _("not imported")))
        elif row.households < THRESHOLD or not units:
            points.append(not_shown(period.label, row.households))
        else:
            points.append(Point(period.label, float(row.amount) / units, row.households))
    return Series("€", points)


def _yearly(context: Context, field: str, unit: str) -> Series:
    if context.persons is not None:
        return Series(unit, [], note=NOT_FOR_CLIENTS)
    units = _units(context)
    found = dict(
        ManagementCosts.objects.filter(
            complex=context.complex, year__in=years(context.today)
        ).values_list("year", field)
    )
    points = []
    for year in years(context.today):
        value = found.get(year)
        if value is None or not units:
            points.append(Point(str(year), None, units, _("not imported")))
        else:
            points.append(Point(str(year), float(value) / units, units))
    return Series(unit, points)


@indicator(
    "management_costs",
    _("Management costs per unit"),
    Expectation.LOWER_COSTS,
    _("Management costs of the year per unit in use (imported)."),
)
def management_costs(context: Context) -> Series:
    return _yearly(context, "costs", "€")


@indicator(
    "social_management_hours",
    _("Social management hours per unit"),
    Expectation.LOWER_COSTS,
    _("Hours of social management in the year per unit in use (imported)."),
)
def social_management_hours(context: Context) -> Series:
    return _yearly(context, "social_management_hours", str(_("hours")))
