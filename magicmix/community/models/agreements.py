"""Contribution agreements: what a resident does for the complex, and the hours they log.

An agreement belongs to one tenancy. When the tenancy came from an offer, it is linked to the
contract, whose contribution clause is what was signed; the agreement is the living record that
a social manager reviews and changes (with its history), starting from that clause.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from magicmix.rounds.models import Contract
from magicmix.tenancies.models import Tenancy

from ..access import clients_of, managing, staff

if TYPE_CHECKING:
    from magicmix.accounts.models import User


class ResidentRole(models.TextChoices):
    GANGMAKER = "gangmaker", _("gangmaker")
    BUDDY = "buddy", _("buddy")
    COMMUNITY_BUILDER = "community_builder", _("community builder")
    COMMISSION_MEMBER = "commission_member", _("commission member")
    NONE = "none", _("no resident role")


class AgreementQuerySet(models.QuerySet["ContributionAgreement"]):
    def visible_to(self, user: User) -> AgreementQuerySet:
        """The corporation's staff; a partner caseworker for their own clients."""
        return self.filter(
            Q(tenancy__unit__complex__organisation_id__in=staff(user))
            | clients_of(user, "tenancy__person__")
        )

    def editable_by(self, user: User) -> AgreementQuerySet:
        return self.filter(tenancy__unit__complex__organisation_id__in=managing(user))

    def review_due(self, day: datetime.date) -> AgreementQuerySet:
        """Agreements of running tenancies whose review date has come."""
        return self.filter(review_on__lte=day, tenancy__in=Tenancy.objects.current(day))


class ContributionAgreement(models.Model):
    tenancy = models.OneToOneField(Tenancy, on_delete=models.PROTECT, related_name="agreement")
    # The signed clause, when the tenancy came from an offer.
    contract = models.OneToOneField(
        Contract,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreement",
        verbose_name=_("contract"),
    )
    hours_per_month = models.PositiveSmallIntegerField(
        _("hours per month"), validators=[MaxValueValidator(80)]
    )
    role = models.CharField(
        _("resident role"), max_length=20, choices=ResidentRole.choices, default=ResidentRole.NONE
    )
    start_date = models.DateField(_("start date"))
    review_on = models.DateField(_("review on"), null=True, blank=True)
    notes = models.TextField(_("notes"), max_length=2000, blank=True)
    history = HistoricalRecords()

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("contribution agreement")
        verbose_name_plural = _("contribution agreements")
        constraints = [
            models.CheckConstraint(
                condition=Q(review_on__isnull=True) | Q(review_on__gte=models.F("start_date")),
                name="agreement_review_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.tenancy.person}: {self.hours_per_month} h"

    def hours_logged(self, since: datetime.date, until: datetime.date) -> Decimal:
        total = self.logged.filter(day__gte=since, day__lte=until).aggregate(total=Sum("hours"))
        return total["total"] or Decimal(0)


class LoggedHours(models.Model):
    """Hours a resident contributed: what, when, how long."""

    agreement = models.ForeignKey(
        ContributionAgreement, on_delete=models.CASCADE, related_name="logged"
    )
    day = models.DateField(_("day"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal(24))],
    )
    what = models.CharField(_("what did you do?"), max_length=200)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-day", "-id"]
        verbose_name = _("contributed hours")
        verbose_name_plural = _("contributed hours")
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=0) & Q(hours__lte=24), name="logged_hours_in_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.day}: {self.hours} h"
