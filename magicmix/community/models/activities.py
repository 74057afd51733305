"""Activities of a complex and who came: contact across groups is counted from attendance.

Neighbours who come are counted, never named.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from magicmix.housing.models import Cluster, Complex
from magicmix.people.models import Person


class ActivityQuerySet(models.QuerySet["Activity"]):
    def between(self, first: datetime.date, last: datetime.date) -> ActivityQuerySet:
        return self.filter(day__gte=first, day__lte=last)

    def with_counts(self) -> ActivityQuerySet:
        """Annotate `residents` (attended) and `groups` (different target groups among them)."""
        came = Q(attendances__attended=True)
        return self.annotate(
            residents=Count("attendances", filter=came),
            groups=Count("attendances__person__target_group", filter=came, distinct=True),
        )


class Activity(models.Model):
    class Kind(models.TextChoices):
        MEAL = "meal", _("meal")
        SPORT = "sport", _("sport")
        LANGUAGE_CAFE = "language_cafe", _("language café")
        ODD_JOBS = "odd_jobs", _("klusdag (odd-jobs day)")
        GANG_MEETING = "gang_meeting", _("gang meeting")
        NEIGHBOURHOOD = "neighbourhood", _("neighbourhood activity")

    complex = models.ForeignKey(Complex, on_delete=models.CASCADE, related_name="activities")
    cluster = models.ForeignKey(
        Cluster,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("for gang or floor"),
    )
    title = models.CharField(_("title"), max_length=120)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    day = models.DateField(_("date"))
    starts_at = models.TimeField(_("starts at"))
    place = models.CharField(_("place"), max_length=120)
    organiser = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organised_activities",
        verbose_name=_("organised by (resident)"),
    )
    open_to_neighbourhood = models.BooleanField(_("open to the neighbourhood"), default=False)
    neighbours_came = models.PositiveSmallIntegerField(
        _("neighbours who came"), default=0, validators=[MaxValueValidator(1000)]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["day", "starts_at", "id"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [models.Index(fields=["complex", "day"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.day})"


class Attendance(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="attendances")
    attended = models.BooleanField(_("came"), default=False)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(fields=["activity", "person"], name="one_sign_up_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.activity}"
