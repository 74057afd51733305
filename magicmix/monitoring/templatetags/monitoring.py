"""A protected count in a table: "<5", hidden ("x"), or the count with its share."""

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from magicmix.composition.disclosure import Visibility
from magicmix.composition.templatetags.composition import hidden_count

from ..aggregates import Cell

register = template.Library()


@register.filter
def protected(cell: Cell) -> SafeString:
    if cell.visibility == Visibility.SMALL:
        return SafeString('<span class="mm-small">&lt;5</span>')
    if cell.visibility == Visibility.HIDDEN:
        return hidden_count()
    if cell.share is None:
        return format_html('<span class="mm-count">{}</span>', cell.count)
    return format_html(
        '<span class="mm-count">{}</span> <span class="mm-share">{}%<span class="mm-visually-hidden"> {}</span></span>',
        cell.count,
        number_format(cell.share, 0),
        _("of the row"),
    )


@register.filter
def mean(value: float | None) -> str:
    return "–" if value is None else number_format(value, 1)
