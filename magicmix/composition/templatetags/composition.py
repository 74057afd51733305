"""Template helpers of the mix: `{% mix_summary complex %}` for any page, and the rendering of
a (possibly protected) count in Python, since a table of a large complex has hundreds."""

from typing import Any

from django import template
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from magicmix.housing.models import Complex

from ..disclosure import Visibility
from ..report import aggregate_report, mix_report
from ..tables import Cell

register = template.Library()


@register.inclusion_tag("composition/summary.html", takes_context=True)
def mix_summary(context: dict[str, Any], complex_: Complex) -> dict[str, Any]:
    """Renders nothing for a complex the user may not see; protected figures for partners."""
    user = context["request"].user
    visible = Complex.objects.visible_to(user).filter(pk=complex_.pk)
    if not visible.exists():
        return {"summary": None}
    if not visible.with_names_visible_to(user).exists():
        return {"summary": aggregate_report(complex_).summary}
    return {"summary": mix_report(complex_, timezone.localdate(), protected=False).summary}


@register.simple_tag
def hidden_count() -> SafeString:
    """A count hidden so that a small one cannot be worked out: "x", read as "hidden"."""
    return format_html(
        '<span class="mm-hidden" aria-hidden="true">x</span><span class="mm-visually-hidden">{}</span>',
        _("hidden"),
    )


def _percentage(value: float, meaning: str) -> SafeString:
    return format_html(
        '{}%<span class="mm-visually-hidden"> {}</span>', number_format(value, 0), meaning
    )


@register.filter
def mix_cell(cell: Cell) -> SafeString:
    """A count with, below it, its share of the residents and of the places."""
    if cell.visibility == Visibility.SMALL:
        return SafeString('<span class="mm-small">&lt;5</span>')
    if cell.visibility == Visibility.HIDDEN:
        return hidden_count()
    shares = []
    if cell.count and cell.of_residents is not None:
        shares.append(_percentage(cell.of_residents, _("of residents")))
    if cell.count and cell.of_places is not None:
        shares.append(_percentage(cell.of_places, _("of places")))
    share = format_html('<span class="mm-share">{}</span>', SafeString(" · ".join(shares)))
    return format_html('<span class="mm-count">{}</span>{}', cell.count, share if shares else "")
