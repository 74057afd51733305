"""The change history of a record (django-simple-history), as rows a person can read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from itertools import zip_longest
from typing import Any

from django.db import models
from django.utils.formats import date_format, number_format, time_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

_KIND = {"+": "created", "~": "changed", "-": "deleted"}


@dataclass(frozen=True)
class Change:
    when: datetime
    who: str
    kind: str  # created / changed / deleted
    fields: list[tuple[str, str, str]]  # (label, old, new)


def changes_of(instance: models.Model, limit: int = 50) -> list[Change]:
    """Newest first: who changed what and when."""
    history: models.Manager[Any] = getattr(instance, "history")  # noqa: B009  # added by simple-history
    records = list(
        history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    changes = []
    for record, previous in zip_longest(records, records[1:]):
        fields: list[tuple[str, str, str]] = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous)
            fields = [
                (
                    _label(instance, c.field),
                    _show(instance, c.field, c.old),
                    _show(instance, c.field, c.new),
                )
                for c in delta.changes
            ]
        changes.append(
            Change(
                when=record.history_date,
                who=str(record.history_user) if record.history_user else _("system"),
                kind=_KIND[record.history_type],
                fields=fields,
            )
        )
    return changes[:limit]


def _label(instance: models.Model, name: str) -> str:
    return str(concrete_field(instance, name).verbose_name)


def _show(instance: models.Model, name: str, value: Any) -> str:
    """A value as the person saw it in the form: choice labels, related records by name, "ja" /
    "nee", dates and amounts written the Dutch way, "—" for nothing."""
    if value is None or value == "":
        return "—"
    field = concrete_field(instance, name)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation and field.related_model is not None:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else str(value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime):
        return date_format(localtime(value), "j F Y H:i")
    if isinstance(value, date):
        return date_format(value, "j F Y")
    if isinstance(value, time):
        return time_format(value, "H:i")
    if isinstance(value, Decimal | float):
        return number_format(value)
    return str(value)


def concrete_field(model: models.Model | type[models.Model], name: str) -> models.Field[Any, Any]:
    """A concrete field: history records only the model's own columns, never reverse relations."""
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)
    return field
