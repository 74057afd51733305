"""An intake: the period in which a complex takes applications for a number of places."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from magicmix.accounts.models import LETTING_ROLES, STAFF_ROLES, Role
from magicmix.housing.models import Complex
from magicmix.legal.contracts import ContractType
from magicmix.people.models import TargetGroup

if TYPE_CHECKING:
    from magicmix.accounts.models import User

# How long the applicant's private link keeps working after the intake closes.
LINK_VALID_AFTER_CLOSE = datetime.timedelta(days=183)

DEFAULT_WARNING_RULE = _(
    "Living here means being a good neighbour. If that goes wrong, you first get a conversation "
    "and then a written warning. After a second warning we may ask you to leave."
)


class IntakeQuerySet(models.QuerySet["Intake"]):
    def open_on(self, day: datetime.date) -> IntakeQuerySet:
        """Intakes that take applications on `day`: the public sees only these."""
        return self.filter(status=Intake.Status.OPEN, opens_on__lte=day, closes_on__gte=day)

    def editable_by(self, user: User) -> IntakeQuerySet:
        """Intakes of complexes whose owning corporation the user lets for."""
        return self.filter(complex__organisation_id__in=user.organisation_ids(LETTING_ROLES))

    def scored_by(self, user: User) -> IntakeQuerySet:
        """Intakes whose letters and interviews the user may score (staff of the owner)."""
        return self.filter(complex__organisation_id__in=user.organisation_ids(STAFF_ROLES))

    def nominatable_by(self, user: User) -> IntakeQuerySet:
        """Open intakes of complexes where the user's partner organisation may nominate."""
        return self.filter(
            status=Intake.Status.OPEN,
            complex__partners__organisation_id__in=user.organisation_ids({Role.PARTNER_CASEWORKER}),
            complex__partners__may_nominate=True,
        ).distinct()


class Intake(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    complex = models.ForeignKey(
        Complex, on_delete=models.PROTECT, related_name="intakes", verbose_name=_("complex")
    )
    title = models.CharField(_("title"), max_length=200)
    opens_on = models.DateField(_("open from"))
    closes_on = models.DateField(_("open until"), help_text=_("The last day to apply."))
    places = models.PositiveSmallIntegerField(_("places offered"))
    contract_type = models.CharField(
        _("contract type"),
        max_length=30,
        choices=ContractType.choices,
        default=ContractType.INDEFINITE,
    )
    checks_income = models.BooleanField(
        _("social rent: check the DAEB income limit"),
        default=True,
        help_text=_("Applicants with an income above the limit are told so at once."),
    )
    contribution_hours = models.PositiveSmallIntegerField(
        _("contribution (hours per month)"),
        default=0,
        help_text=_("What every resident commits to do for the community."),
    )
    house_rules = models.TextField(_("house rules"), blank=True)
    warning_rule = models.TextField(_("warnings"), default=DEFAULT_WARNING_RULE)
    target_groups = models.ManyToManyField(
        TargetGroup,
        related_name="intakes",
        verbose_name=_("target groups that may apply"),
        help_text=_("Other groups come in through nominations by partners."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    history = HistoricalRecords()

    objects = IntakeQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_on", "title"]
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="intake_closes_after_open"
            ),
            models.CheckConstraint(condition=Q(places__gte=1), name="intake_places_min_1"),
        ]

    def __str__(self) -> str:
        return f"{self.complex}: {self.title}"

    def clean(self) -> None:
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("The intake must close after it opens.")})

    def is_open(self, day: datetime.date | None = None) -> bool:
        day = day or timezone.localdate()
        return self.status == self.Status.OPEN and self.opens_on <= day <= self.closes_on

    def link_expires_at(self) -> datetime.datetime:
        end = datetime.datetime.combine(self.closes_on, datetime.time.max)
        return timezone.make_aware(end) + LINK_VALID_AFTER_CLOSE
