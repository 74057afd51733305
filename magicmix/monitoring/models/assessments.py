"""Ratings by a trained professional (the ZRM), per supported resident and date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from magicmix.accounts.models import Organisation, Role
from magicmix.people.models import Person

from .instruments import Instrument

if TYPE_CHECKING:
    from magicmix.accounts.models import User


class AssessmentQuerySet(models.QuerySet["Assessment"]):
    def recorded_by_partners_of(self, user: User) -> AssessmentQuerySet:
        """Ratings of the clients of the user's partner organisation (its caseworkers record
        and read them); corporation staff see only aggregates."""
        partner = user.organisation_ids({Role.PARTNER_CASEWORKER})
        return self.filter(
            Q(person__supporting_partner_id__in=partner)
            | Q(person__nominating_partner_id__in=partner)
        )


class Assessment(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="assessments")
    instrument = models.ForeignKey(
        Instrument,
        on_delete=models.PROTECT,
        related_name="assessments",
        limit_choices_to={"respondent": Instrument.Respondent.PROFESSIONAL},
    )
    assessed_on = models.DateField(_("assessed on"))
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("by partner")
    )
    assessed_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answers = models.JSONField()
    scores = models.JSONField()
    history = HistoricalRecords()

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["person", "-assessed_on"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self) -> str:
        return f"{self.instrument.code} {self.assessed_on}"
