"""Forms to start and end a tenancy."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from itertools import groupby
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from magicmix.housing.cluster_tree import cluster_tree
from magicmix.housing.models import Complex, Unit
from magicmix.people.forms import DATE
from magicmix.web.forms import NLDesignForm

from .availability import free_on
from .models import Tenancy


def _ends_after_start(start: datetime.date | None, end: datetime.date | None) -> None:
    if start and end and end < start:
        raise forms.ValidationError({"end_date": _("A tenancy cannot end before it starts.")})


class StartTenancyForm(NLDesignForm):
    unit = forms.ModelChoiceField(
        label=_("unit"),
        queryset=Unit.objects.none(),
        help_text=_(
            "Units of the complexes you let that are free from today, per complex: no tenant "
            "now or later, no open offer."
        ),
    )
    start_date = forms.DateField(label=_("start date"), widget=DATE)
    end_date = forms.DateField(
        label=_("end date"),
        widget=DATE,
        required=False,
        help_text=_("Only for a temporary contract; leave empty for an open-ended tenancy."),
    )

    def __init__(self, units: Any, data: Any = None) -> None:
        super().__init__(data, initial={"start_date": timezone.localdate()})
        field = self.fields["unit"]
        # Any lettable unit validates (so a unit taken meanwhile gets the clear "occupied" or
        # "offered" message); only the units free from today are offered, as a round lists them.
        field.queryset = units  # type: ignore[attr-defined]
        vacant = free_on(units, timezone.localdate()).select_related("complex")
        field.choices = [("", _("Choose a unit"))] + [  # type: ignore[attr-defined]
            (complex_.name, _labelled(complex_, group))
            for complex_, group in groupby(
                vacant.order_by("complex__name", "complex_id", "code"), key=lambda u: u.complex
            )
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _ends_after_start(data.get("start_date"), data.get("end_date"))
        return data


def _labelled(complex_: Complex, units: Iterable[Unit]) -> list[tuple[int, str]]:
    """Units as "A12 — Gebouw A / Gang 2": two gangs of one name in two buildings differ."""
    paths = cluster_tree(complex_).paths()
    return [(unit.pk, f"{unit.code} — {paths.get(unit.cluster_id, '')}") for unit in units]


class EndTenancyForm(NLDesignForm):
    end_date = forms.DateField(label=_("end date"), widget=DATE)

    def __init__(self, tenancy: Tenancy, *args: Any, **kwargs: Any) -> None:
        self.tenancy = tenancy
        kwargs.setdefault("initial", {"end_date": tenancy.end_date or timezone.localdate()})
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _ends_after_start(self.tenancy.start_date, data.get("end_date"))
        return data
