"""Offers of a round and the contract an accepted offer ends in.

The database guards the letting itself: a unit has at most one open offer over all rounds and at
most one live (pending or accepted) offer within a round; an application has at most one live
offer, so one applicant gets one home and one person record. The tenancy it leads to is guarded
by the tenancies app (one open tenancy per unit, row lock). Each offer has its own private
link, so a later offer never kills the link of an earlier one.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from magicmix.accounts.models import Organisation
from magicmix.housing.models import Unit
from magicmix.legal.contracts import ContractType
from magicmix.selection.models import Application, hash_token
from magicmix.tenancies.models import Tenancy

from .round import Round, Run


class OfferQuerySet(models.QuerySet["Offer"]):
    def by_token(self, token: str) -> OfferQuerySet:
        """The offer a private offer link opens, whatever its status: an answered, withdrawn or
        expired offer still shows what became of it, so no link the candidate got goes dead."""
        return self.filter(links__token_hash=hash_token(token))

    def live(self) -> OfferQuerySet:
        return self.filter(status__in=[Offer.Status.PENDING, Offer.Status.ACCEPTED])


class Offer(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for an answer")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        EXPIRED = "expired", _("expired")
        WITHDRAWN = "withdrawn", pgettext_lazy("offer status", "withdrawn")

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="offers")
    run = models.ForeignKey(Run, on_delete=models.PROTECT, related_name="offers")
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="offers", verbose_name=_("unit")
    )
    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="offers", verbose_name=_("candidate")
    )
    deadline = models.DateField(_("answer before"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    # Empty when the candidate answered through their private link.
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    tenancy = models.OneToOneField(
        Tenancy, on_delete=models.PROTECT, null=True, blank=True, related_name="offer"
    )
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    created_at = models.DateTimeField(_("offered at"), auto_now_add=True)
    history = HistoricalRecords()

    objects = OfferQuerySet.as_manager()

    class Meta:
        ordering = ["unit__code", "-created_at"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "unit"],
                condition=Q(status__in=["pending", "accepted"]),
                name="one_live_offer_per_unit",
            ),
            models.UniqueConstraint(
                fields=["unit"], condition=Q(status="pending"), name="one_open_offer_per_unit"
            ),
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(status__in=["pending", "accepted"]),
                name="one_live_offer_per_application",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} → {self.application}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.PENDING

    def issue_link(self) -> str:
        """A new private link to this offer alone (the offer e-mail, a reminder); earlier links
        keep working. Only the token's SHA-256 is stored; the token goes in the e-mail."""
        token = secrets.token_urlsafe(32)
        OfferLink.objects.create(offer=self, token_hash=hash_token(token))
        return token


class OfferLink(models.Model):
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="links")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("offer link")
        verbose_name_plural = _("offer links")

    def __str__(self) -> str:
        return f"{self.offer_id}: {self.created_at:%Y-%m-%d}"


class ContributionRole(models.TextChoices):
    NEIGHBOUR = "neighbour", _("good neighbour")
    GANGMAKER = "gangmaker", _("gangmaker")
    BUDDY = "buddy", _("buddy")
    COMMUNITY_BUILDER = "community_builder", _("community builder")
    NONE = "none", _("no contribution role")


class Contract(models.Model):
    """The terms of a tenancy that came from an offer: contract type and term, rent, the
    contribution agreement and, for a supported resident, the support arrangement."""

    tenancy = models.OneToOneField(Tenancy, on_delete=models.PROTECT, related_name="contract")
    contract_type = models.CharField(
        _("contract type"), max_length=30, choices=ContractType.choices
    )
    start_date = models.DateField(_("start date"))
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    extension_until = models.DateField(_("optional extension until"), null=True, blank=True)
    basic_rent = models.DecimalField(_("basic rent (€/month)"), max_digits=8, decimal_places=2)
    service_costs = models.DecimalField(
        _("service costs (€/month)"), max_digits=8, decimal_places=2
    )
    contribution_hours = models.PositiveSmallIntegerField(_("contribution (hours per month)"))
    contribution_role = models.CharField(
        _("contribution role"), max_length=20, choices=ContributionRole.choices
    )
    support_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("support given by"),
    )
    support_hours_per_week = models.DecimalField(
        _("support (hours per week)"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    support_ends_on = models.DateField(_("support ends on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")

    def __str__(self) -> str:
        return f"{self.get_contract_type_display()}: {self.tenancy}"
