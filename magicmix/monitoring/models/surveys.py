"""Survey waves per complex, a personal invitation per resident, and their responses.

Individual answers are the resident's alone: they are reached only through the resident's
private link (`Invitation.objects.by_token`). No queryset here offers them to staff; staff
pages use `monitoring.aggregates`, which publishes counts of 5 or more only.
"""

from __future__ import annotations

import datetime
import secrets
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from magicmix.accounts.models import Role
from magicmix.housing.models import Complex
from magicmix.people.models import Person, TargetGroup
from magicmix.people.models import Role as PersonRole
from magicmix.selection.models import hash_token  # the private links of applications too

from .instruments import Instrument

if TYPE_CHECKING:
    from magicmix.accounts.models import User

# Who plans waves and sends invitations: the corporation's social management and application
# managers (letting staff see the waves, but do not survey residents).
WAVE_MANAGERS = frozenset({Role.SOCIAL_MANAGER, Role.APPLICATION_MANAGER})
# Tenancies that started this many days before a wave opens count as "at intake" or
# "after six months" (a window of a quarter around the sixth month).
INTAKE_DAYS = 90
SIX_MONTHS_DAYS = (150, 240)


class WaveQuerySet(models.QuerySet["Wave"]):
    def visible_to(self, user: User) -> WaveQuerySet:
        """Waves of the complexes the user may see; what they see of a wave is aggregates."""
        return self.filter(complex__in=Complex.objects.visible_to(user))

    def managed_by(self, user: User) -> WaveQuerySet:
        return self.filter(complex__organisation_id__in=user.organisation_ids(WAVE_MANAGERS))


class Wave(models.Model):
    class Moment(models.TextChoices):
        INTAKE = "intake", _("at intake")
        SIX_MONTHS = "six_months", _("after six months")
        YEARLY = "yearly", _("yearly")

    complex = models.ForeignKey(Complex, on_delete=models.CASCADE, related_name="survey_waves")
    title = models.CharField(_("title"), max_length=120)
    moment = models.CharField(_("moment"), max_length=20, choices=Moment.choices)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    instruments = models.ManyToManyField(
        Instrument,
        related_name="waves",
        verbose_name=_("instruments"),
        limit_choices_to={"respondent": Instrument.Respondent.RESIDENT},
    )
    invited_at = models.DateTimeField(_("invitations sent at"), null=True, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    objects = WaveQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_on", "title"]
        verbose_name = _("survey wave")
        verbose_name_plural = _("survey waves")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="wave_closes_after_opening"
            )
        ]

    def __str__(self) -> str:
        return f"{self.complex}: {self.title}"

    def is_open(self, day: datetime.date | None = None) -> bool:
        day = day or timezone.localdate()
        return self.opens_on <= day <= self.closes_on

    def link_expires_at(self) -> datetime.datetime:
        """The end of the closing day, in the local time zone."""
        end = datetime.datetime.combine(self.closes_on, datetime.time.max)
        return timezone.make_aware(end)

    def population(self) -> models.QuerySet[Person]:
        """The residents this wave asks: current tenants of the complex on the opening day, for
        "at intake" and "after six months" only those whose tenancy began that long ago."""
        day = self.opens_on
        tenancies = Q(tenancies__unit__complex=self.complex, tenancies__start_date__lte=day) & (
            Q(tenancies__end_date__isnull=True) | Q(tenancies__end_date__gte=day)
        )
        if self.moment == self.Moment.INTAKE:
            tenancies &= Q(tenancies__start_date__gt=day - datetime.timedelta(days=INTAKE_DAYS))
        elif self.moment == self.Moment.SIX_MONTHS:
            earliest, latest = SIX_MONTHS_DAYS
            tenancies &= Q(
                tenancies__start_date__gt=day - datetime.timedelta(days=latest),
                tenancies__start_date__lte=day - datetime.timedelta(days=earliest),
            )
        return Person.objects.filter(tenancies).distinct()


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def by_token(self, token: str) -> InvitationQuerySet:
        """The invitation a private link opens: only with the right token, only until expiry."""
        return self.filter(token_hash=hash_token(token), link_expires_at__gt=timezone.now())

    def completed(self) -> InvitationQuerySet:
        return self.filter(completed_at__isnull=False)

    def awaiting(self) -> InvitationQuerySet:
        return self.filter(completed_at__isnull=True)


class Invitation(models.Model):
    """One resident asked in one wave. The target group and role are kept as they were when
    asked, so a wave's response rates do not change when a resident's role does later."""

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="survey_invitations")
    target_group = models.ForeignKey(TargetGroup, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("role"), max_length=20, choices=PersonRole.choices)
    # Only the SHA-256 of the link's token is kept; the token itself is only in the e-mail.
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    link_expires_at = models.DateTimeField(editable=False)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("last reminder"), null=True, blank=True)
    reminders = models.PositiveSmallIntegerField(_("reminders"), default=0)
    completed_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["wave", "id"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(fields=["wave", "person"], name="one_invitation_per_wave")
        ]

    def __str__(self) -> str:
        return f"{self.wave} — {self.pk}"

    def issue_link(self) -> str:
        """A fresh private token; the previous link stops working (save the invitation after)."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        self.link_expires_at = self.wave.link_expires_at()
        return token


class Response(models.Model):
    """A resident's answers to one instrument of a wave, and their scores."""

    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="responses")
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="+")
    answers = models.JSONField()
    scores = models.JSONField()
    submitted_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["invitation", "instrument"]
        constraints = [
            models.UniqueConstraint(
                fields=["invitation", "instrument"], name="one_response_per_instrument"
            )
        ]

    def __str__(self) -> str:
        return f"{self.invitation} {self.instrument.code}"
