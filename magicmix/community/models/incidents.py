"""Incidents in a complex and the follow-up actions they need, with owners and dates.

Special data: only the complex's social management and letting staff see an incident. A
partner caseworker sees the incidents of their own supported client on that resident's page,
without the other residents involved.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from magicmix.housing.models import Complex
from magicmix.people.models import Person

from ..access import managing

if TYPE_CHECKING:
    from magicmix.accounts.models import User


class IncidentQuerySet(models.QuerySet["Incident"]):
    def visible_to(self, user: User) -> IncidentQuerySet:
        return self.filter(complex__organisation_id__in=managing(user))

    def open(self) -> IncidentQuerySet:
        return self.filter(closed_on__isnull=True)

    def needing_action(self, day: datetime.date) -> IncidentQuerySet:
        """Open incidents with a follow-up action due by `day`, or with no action at all."""
        due = FollowUp.objects.filter(incident=OuterRef("pk"), done_on__isnull=True)
        any_action = FollowUp.objects.filter(incident=OuterRef("pk"))
        return self.open().filter(Exists(due.filter(due_on__lte=day)) | ~Exists(any_action))


class Incident(models.Model):
    class Kind(models.TextChoices):
        NOISE = "noise", _("noise")
        NUISANCE = "nuisance", _("nuisance")
        CONFLICT = "conflict", _("conflict between residents")
        DAMAGE = "damage", _("damage")
        SAFETY = "safety", _("safety")
        NEIGHBOUR_COMPLAINT = "neighbour_complaint", _("neighbour complaint")
        CARE_SIGNAL = "care_signal", _("care signal")

    class Severity(models.IntegerChoices):
        LOW = 1, _("low")
        MEDIUM = 2, _("medium")
        HIGH = 3, _("high")

    complex = models.ForeignKey(
        Complex, on_delete=models.PROTECT, related_name="incidents", verbose_name=_("complex")
    )
    occurred_on = models.DateField(_("date"))
    kind = models.CharField(_("type"), max_length=30, choices=Kind.choices)
    severity = models.PositiveSmallIntegerField(_("severity"), choices=Severity.choices)
    description = models.TextField(_("what happened"), max_length=4000)
    involved = models.ManyToManyField(
        Person, related_name="incidents", blank=True, verbose_name=_("residents involved")
    )
    police_involved = models.BooleanField(_("police involved"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    history = HistoricalRecords()

    objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        indexes = [models.Index(fields=["complex", "closed_on", "occurred_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.occurred_on})"


class FollowUp(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="actions")
    what = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["done_on", "due_on", "id"]
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")

    def __str__(self) -> str:
        return self.what
