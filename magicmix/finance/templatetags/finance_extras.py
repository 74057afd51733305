from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.formats import number_format

from ..charts import euro as _euro

register = template.Library()


@register.filter
def euro(value: float | None) -> str:
    return "—" if value is None else _euro(value)


@register.filter
def percent(value: float | None, digits: int = 1) -> str:
    """A fraction as a percentage, rounded half up as people do (43.75 → 43,8)."""
    if value is None:
        return "—"
    shown = Decimal(repr(value * 100)).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP)
    return number_format(shown, digits) + " %"


@register.filter
def line_of(lines: dict, line: str) -> float:
    return float(lines.get(line, 0.0))


@register.filter
def of_party(year: object, party: str) -> float:
    return float(year.net_of(party))  # type: ignore[attr-defined]
