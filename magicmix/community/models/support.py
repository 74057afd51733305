"""Support arrangements: which partner supports a resident, how much, until when, and what next.

For a nominated resident the offer flow's contract names the partner, hours and end of support;
the arrangement linked to that contract is the living record, with its reviews and its history.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from magicmix.accounts.models import Organisation
from magicmix.rounds.models import Contract
from magicmix.tenancies.models import Tenancy

from ..access import managing, partner

if TYPE_CHECKING:
    from magicmix.accounts.models import User

# "Ending soon" on the start and day pages.
ENDING_SOON_MONTHS = 3


class NextStep(models.TextChoices):
    UNDECIDED = "undecided", _("not decided yet")
    LEASE_TRANSFER = "lease_transfer", _("the lease moves to the resident's own name")
    CONTINUES = "continues", _("support continues")
    MOVES_ON = "moves_on", _("the resident moves on")


class ArrangementQuerySet(models.QuerySet["SupportArrangement"]):
    def visible_to(self, user: User) -> ArrangementQuerySet:
        """The complex's social management and letting staff; the supporting partner."""
        return self.filter(
            Q(tenancy__unit__complex__organisation_id__in=managing(user))
            | Q(partner_id__in=partner(user))
        )

    def editable_by(self, user: User) -> ArrangementQuerySet:
        return self.visible_to(user)

    def running(self) -> ArrangementQuerySet:
        return self.filter(ended_on__isnull=True)

    def ending_between(self, first: datetime.date, last: datetime.date) -> ArrangementQuerySet:
        return self.running().filter(planned_end__gte=first, planned_end__lte=last)


class SupportArrangement(models.Model):
    tenancy = models.ForeignKey(
        Tenancy, on_delete=models.PROTECT, related_name="support_arrangements"
    )
    contract = models.OneToOneField(
        Contract,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="support_arrangement",
        verbose_name=_("contract"),
    )
    partner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="supported_arrangements",
        limit_choices_to={"kind": Organisation.Kind.PARTNER},
        verbose_name=_("supporting partner"),
    )
    hours_per_week = models.DecimalField(
        _("hours per week"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(40)],
    )
    start_date = models.DateField(_("start date"))
    planned_end = models.DateField(_("planned end"))
    next_step = models.CharField(
        _("planned next step"), max_length=20, choices=NextStep.choices, default=NextStep.UNDECIDED
    )
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    history = HistoricalRecords()

    objects = ArrangementQuerySet.as_manager()

    class Meta:
        ordering = ["planned_end", "id"]
        verbose_name = _("support arrangement")
        verbose_name_plural = _("support arrangements")
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_end__gte=models.F("start_date")),
                name="support_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.partner}: {self.tenancy.person}"


class SupportReview(models.Model):
    arrangement = models.ForeignKey(
        SupportArrangement, on_delete=models.CASCADE, related_name="reviews"
    )
    held_on = models.DateField(_("held on"))
    notes = models.TextField(_("notes"), max_length=4000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self) -> str:
        return f"{self.arrangement} ({self.held_on})"
