"""Who lives in which unit, and for which period."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from magicmix.housing.models import Unit, tenancy_runs_on
from magicmix.people.models import Person


class TenancyQuerySet(models.QuerySet["Tenancy"]):
    def current(self, day: datetime.date | None = None) -> TenancyQuerySet:
        return self.filter(tenancy_runs_on(day))

    def overlapping(self, start: datetime.date, end: datetime.date | None) -> TenancyQuerySet:
        overlaps = Q(end_date__isnull=True) | Q(end_date__gte=start)
        if end is not None:
            overlaps &= Q(start_date__lte=end)
        return self.filter(overlaps)


class Tenancy(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="tenancies")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="tenancies")
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    history = HistoricalRecords()

    objects = TenancyQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("tenancy")
        verbose_name_plural = _("tenancies")
        constraints = [
            # The database itself refuses a second open-ended tenancy on a unit, whatever the
            # application does; overlaps of dated periods are checked under a row lock.
            models.UniqueConstraint(
                fields=["unit"],
                condition=Q(end_date__isnull=True),
                name="one_open_tenancy_per_unit",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="tenancy_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.unit}"
