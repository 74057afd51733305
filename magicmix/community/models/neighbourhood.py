"""The neighbourhood: buurtklankbordgroep meetings, and the handling time of neighbour complaints.

A neighbour complaint is an incident of the kind "neighbour complaint": received on its date,
handled on the day it is closed. Meetings record who came per organisation (as named by the
social manager: the municipality, the police, the wijkteam, a residents' association), how many
neighbours came (counted, not named) and what was agreed.
"""

from __future__ import annotations

import datetime
import statistics

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from magicmix.housing.models import Complex

from .incidents import Incident, IncidentQuerySet


class NeighbourhoodMeeting(models.Model):
    complex = models.ForeignKey(
        Complex, on_delete=models.CASCADE, related_name="neighbourhood_meetings"
    )
    held_on = models.DateField(_("held on"))
    organisations = models.TextField(
        _("organisations present"),
        max_length=2000,
        help_text=_("One per line, with the number of people, e.g. “Gemeente: 2”."),
    )
    neighbours_came = models.PositiveSmallIntegerField(
        _("neighbours who came"), default=0, validators=[MaxValueValidator(1000)]
    )
    agreements = models.TextField(_("agreements made"), max_length=4000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("buurtklankbordgroep meeting")
        verbose_name_plural = _("buurtklankbordgroep meetings")

    def __str__(self) -> str:
        return f"{self.complex}: {self.held_on}"


def complaints(complex_: Complex) -> IncidentQuerySet:
    return Incident.objects.filter(complex=complex_, kind=Incident.Kind.NEIGHBOUR_COMPLAINT)


def handling_days(incident: Incident) -> int | None:
    """Days from receiving a complaint to closing it; None while it is open."""
    if incident.closed_on is None:
        return None
    return (incident.closed_on - incident.occurred_on).days


def median_handling_days(handled: list[Incident]) -> float | None:
    days = [d for d in (handling_days(i) for i in handled) if d is not None]
    return statistics.median(days) if days else None


def year_before(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=365)
