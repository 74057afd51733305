"""Who lives in which unit, and for which period."""

from __future__ import annotations

import calendar
import datetime
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from magicmix.housing.models import Complex, Unit, tenancy_runs_on
from magicmix.people.models import Person

if TYPE_CHECKING:
    from magicmix.accounts.models import User


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day if it is shorter (31 Jan → 30 Apr)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


class TenancyQuerySet(models.QuerySet["Tenancy"]):
    def visible_to(self, user: User) -> TenancyQuerySet:
        """The tenancies of the persons the user may see (the people app's rule)."""
        return self.filter(person__in=Person.objects.visible_to(user))

    def editable_by(self, user: User) -> TenancyQuerySet:
        """The tenancies in the complexes the user lets: those they may end."""
        return self.filter(unit__complex__in=Complex.objects.editable_by(user))

    def ending_within(self, day: datetime.date, months: int) -> TenancyQuerySet:
        """Tenancies with a planned end from `day` up to `months` months later."""
        return self.filter(end_date__gte=day, end_date__lte=add_months(day, months))

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
