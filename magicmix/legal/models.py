"""Dated legal parameters: income, rent and age limits and contract terms, each valid from a date.

A parameter is never changed once it may have been used: a correction is a new record with the
same kind and valid-from date, and the newest record wins. Checks keep the id of the record they
used, so an old outcome still points at the exact figure it was judged against.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from itertools import zip_longest

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .formatting import euro


class Measure(models.TextChoices):
    EURO_PER_YEAR = "euro_year", _("€ per year")
    EURO_PER_MONTH = "euro_month", _("€ per month")
    YEARS = "years", _("years")
    MONTHS = "months", _("months")
    AGE_BAND = "age_band", _("age band")
    TARGET_GROUPS = "target_groups", _("target group codes")


class Kind(models.TextChoices):
    DAEB_INCOME_SINGLE = "daeb_income_single", _("DAEB income limit, 1 person")
    DAEB_INCOME_MULTI = "daeb_income_multi", _("DAEB income limit, more persons")
    DAEB_RENT = "daeb_rent", _("DAEB rent limit (huurtoeslaggrens)")
    PASSEND_INCOME_SINGLE = "passend_income_single", _("passend toewijzen income limit, 1 person")
    PASSEND_INCOME_MULTI = "passend_income_multi", _("passend toewijzen income limit, more persons")
    PASSEND_INCOME_OLDER_SINGLE = (
        "passend_income_older_single",
        _("passend toewijzen income limit, 1 person at AOW age"),
    )
    PASSEND_INCOME_OLDER_MULTI = (
        "passend_income_older_multi",
        _("passend toewijzen income limit, more persons at AOW age"),
    )
    AOW_AGE = "aow_age", _("AOW age")
    CAP_RENT_SMALL = "cap_rent_small", _("aftoppingsgrens, 1–2 persons")
    CAP_RENT_LARGE = "cap_rent_large", _("aftoppingsgrens, 3 or more persons")
    YOUNG_RENT = "young_rent", _("young-person rent limit")
    TEMPORARY_MAX_MONTHS = "temporary_max_months", _("temporary contract: maximum term")
    TEMPORARY_GROUPS = "temporary_groups", _("temporary contract: target groups")
    YOUTH_AGE = "youth_age", _("youth contract: age at signing")
    YOUTH_TERM_MONTHS = "youth_term_months", _("youth contract: term")
    YOUTH_EXTENSION_MONTHS = "youth_extension_months", _("youth contract: optional extension")
    CAMPUS_GROUPS = "campus_groups", _("campus contract: target groups")
    CAMPUS_PROOF_INTERVAL_MONTHS = (
        "campus_proof_interval_months",
        _("campus contract: proof of enrolment every"),
    )
    CAMPUS_PROOF_GRACE_MONTHS = (
        "campus_proof_grace_months",
        _("campus contract: time to provide the proof"),
    )


MEASURES: dict[str, str] = {
    Kind.DAEB_INCOME_SINGLE: Measure.EURO_PER_YEAR,
    Kind.DAEB_INCOME_MULTI: Measure.EURO_PER_YEAR,
    Kind.DAEB_RENT: Measure.EURO_PER_MONTH,
    Kind.PASSEND_INCOME_SINGLE: Measure.EURO_PER_YEAR,
    Kind.PASSEND_INCOME_MULTI: Measure.EURO_PER_YEAR,
    Kind.PASSEND_INCOME_OLDER_SINGLE: Measure.EURO_PER_YEAR,
    Kind.PASSEND_INCOME_OLDER_MULTI: Measure.EURO_PER_YEAR,
    Kind.AOW_AGE: Measure.YEARS,
    Kind.CAP_RENT_SMALL: Measure.EURO_PER_MONTH,
    Kind.CAP_RENT_LARGE: Measure.EURO_PER_MONTH,
    Kind.YOUNG_RENT: Measure.EURO_PER_MONTH,
    Kind.TEMPORARY_MAX_MONTHS: Measure.MONTHS,
    Kind.TEMPORARY_GROUPS: Measure.TARGET_GROUPS,
    Kind.YOUTH_AGE: Measure.AGE_BAND,
    Kind.YOUTH_TERM_MONTHS: Measure.MONTHS,
    Kind.YOUTH_EXTENSION_MONTHS: Measure.MONTHS,
    Kind.CAMPUS_GROUPS: Measure.TARGET_GROUPS,
    Kind.CAMPUS_PROOF_INTERVAL_MONTHS: Measure.MONTHS,
    Kind.CAMPUS_PROOF_GRACE_MONTHS: Measure.MONTHS,
}
# A rent limit that holds only for an age band, stored with the value because the band moves too.
BANDED_KINDS = frozenset({Kind.YOUNG_RENT})


def value_fields(kind: str) -> frozenset[str]:
    """Which parts a kind's value has: "amount", "band" (age_from/age_below), "target_groups"."""
    measure = MEASURES[kind]
    if measure == Measure.TARGET_GROUPS:
        return frozenset({"target_groups"})
    if measure == Measure.AGE_BAND:
        return frozenset({"band"})
    return frozenset({"amount", "band"} if kind in BANDED_KINDS else {"amount"})


class ParameterQuerySet(models.QuerySet["Parameter"]):
    def value_on(self, kind: str, day: datetime.date) -> Parameter | None:
        """The record that says what `kind` is on `day` (the newest version of the latest date)."""
        return self.filter(kind=kind, valid_from__lte=day).order_by("-valid_from", "-id").first()

    def in_effect(self, day: datetime.date) -> dict[str, Parameter]:
        """Every kind's record on `day`, in one query (the table holds a few rows a year)."""
        records: dict[str, Parameter] = {}
        for record in self.filter(valid_from__lte=day).order_by("kind", "valid_from", "id"):
            records[record.kind] = record
        return records

    def missing_on(self, day: datetime.date) -> list[tuple[str, str, Parameter | None]]:
        """(kind, label, record) of every parameter with no usable value on `day`: absent, or
        announced and not entered (record is then the announcement). Checks that need one say
        "parameter missing" and leave the application waiting for review."""
        in_effect = self.in_effect(day)
        return [
            (kind, str(label), in_effect.get(kind))
            for kind, label in Kind.choices
            if kind not in in_effect or in_effect[kind].is_pending
        ]

    def versions(self) -> list[Parameter]:
        """All records, oldest first per kind, each marked `superseded` when a newer version of
        the same date exists."""
        records: list[Parameter] = list(self.order_by("kind", "valid_from", "id"))
        for record, following in zip_longest(records, records[1:]):
            record.superseded = bool(
                following
                and following.kind == record.kind
                and following.valid_from == record.valid_from
            )
        return records


class Parameter(models.Model):
    kind = models.CharField(_("parameter"), max_length=40, choices=Kind.choices)
    valid_from = models.DateField(_("valid from"))
    amount = models.DecimalField(
        _("value"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Euros, years or months, depending on the parameter."),
    )
    age_from = models.PositiveSmallIntegerField(_("from age"), null=True, blank=True)
    age_below = models.PositiveSmallIntegerField(
        _("below age"), null=True, blank=True, help_text=_("The first age that no longer counts.")
    )
    target_groups = models.CharField(
        _("target group codes"),
        max_length=300,
        blank=True,
        help_text=_("Codes separated by commas, for example: student, uitstroom-mo."),
    )
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    history = HistoricalRecords()

    objects = ParameterQuerySet.as_manager()

    superseded = False  # set by ParameterQuerySet.versions()
    shown = ""  # value_display with target group names, set by the page that shows it

    class Meta:
        ordering = ["kind", "valid_from", "id"]
        verbose_name = _("legal parameter")
        verbose_name_plural = _("legal parameters")
        indexes = [models.Index(fields=["kind", "valid_from"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(age_from__isnull=True)
                | Q(age_below__isnull=True)
                | Q(age_from__lt=models.F("age_below")),
                name="parameter_age_band_not_empty",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.valid_from:%Y-%m-%d})"

    @property
    def measure(self) -> str:
        return MEASURES[self.kind]

    @property
    def codes(self) -> list[str]:
        return [code.strip() for code in self.target_groups.split(",") if code.strip()]

    @property
    def is_pending(self) -> bool:
        """Announced but not entered yet: checks must say so instead of using last year's value."""
        used = value_fields(self.kind)
        return (
            ("amount" in used and self.amount is None)
            or ("target_groups" in used and not self.codes)
            or ("band" in used and self.age_from is None and self.age_below is None)
        )

    def is_editable(self, today: datetime.date | None = None) -> bool:
        """Only a value that has not taken effect is changed in place; others get a new version."""
        return self.valid_from > (today or timezone.localdate())

    def covers_age(self, age: int) -> bool:
        return (self.age_from is None or age >= self.age_from) and (
            self.age_below is None or age < self.age_below
        )

    def band_display(self) -> str:
        if self.age_from is not None and self.age_below is not None:
            return _("%(low)s to under %(high)s") % {"low": self.age_from, "high": self.age_below}
        if self.age_below is not None:
            return _("under %(high)s") % {"high": self.age_below}
        if self.age_from is not None:
            return _("%(low)s or older") % {"low": self.age_from}
        return ""

    def value_display(self, names: Mapping[str, str] | None = None) -> str:
        """The value as a sentence part; target groups by their `names` where given."""
        if self.is_pending:
            return str(_("not entered yet"))
        measure = self.measure
        if measure == Measure.TARGET_GROUPS:
            return ", ".join((names or {}).get(code, code) for code in self.codes)
        if measure == Measure.AGE_BAND:
            return self.band_display()
        assert self.amount is not None
        if measure in (Measure.EURO_PER_YEAR, Measure.EURO_PER_MONTH):
            shown = euro(self.amount)
        else:
            unit = _("years") if measure == Measure.YEARS else _("months")
            shown = f"{_whole(self.amount)} {unit}"
        band = self.band_display() if "band" in value_fields(self.kind) else ""
        return f"{shown} ({band})" if band else shown


def _whole(amount: Decimal) -> str:
    return str(int(amount)) if amount == amount.to_integral_value() else number_format(amount, 2)


class Recheck(models.Model):
    """The eligibility checks run again after a value was entered or corrected, in the
    background; the apps that keep outcomes (selection) do the work and report progress here."""

    parameter = models.ForeignKey(
        Parameter, on_delete=models.CASCADE, related_name="rechecks", verbose_name=_("parameter")
    )
    total = models.PositiveIntegerField(_("applications to check"), default=0)
    done = models.PositiveIntegerField(_("applications checked"), default=0)
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("re-check")
        verbose_name_plural = _("re-checks")

    def __str__(self) -> str:
        return f"{self.parameter}: {self.done}/{self.total}"

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.done / self.total)
