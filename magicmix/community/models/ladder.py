"""House rules and the warning ladder: which warnings a complex gives, and for how long they count.

The ladder is a list of steps; the default is conversation → first written warning → second
written warning → escalation to the partner and the municipality (which may end the tenancy).
A warning counts from the day it is issued through `valid_until`, the day before the same date
`warning_valid_months` later (a warning of 31 August for 6 months counts through 28 or 29
February). A resident's place on the ladder on a day is the number of warnings that count on
that day; the next warning is the step after it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from magicmix.housing.models import Complex
from magicmix.people.models import Person
from magicmix.tenancies.models import add_months

from ..access import clients_of, managing
from .incidents import Incident

if TYPE_CHECKING:
    from django.utils.functional import Promise

    from magicmix.accounts.models import User

DEFAULT_STEPS: list[str | Promise] = [
    _("conversation"),
    _("first written warning"),
    _("second written warning"),
    _("escalation to the partner and the municipality"),
]
DEFAULT_VALID_MONTHS = 12
MAX_STEPS = 8


class HouseRules(models.Model):
    complex = models.OneToOneField(Complex, on_delete=models.CASCADE, related_name="house_rules")
    rules = models.TextField(_("house rules"), max_length=10000, blank=True)
    steps = models.TextField(
        _("warning ladder"),
        max_length=1000,
        blank=True,
        help_text=_("One step per line, lightest first. Leave empty for the default ladder."),
    )
    warning_valid_months = models.PositiveSmallIntegerField(
        _("a warning counts for (months)"),
        default=DEFAULT_VALID_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("house rules")
        verbose_name_plural = _("house rules")

    def __str__(self) -> str:
        return str(self.complex)

    def ladder(self) -> list[str | Promise]:
        lines = [line.strip() for line in self.steps.splitlines() if line.strip()]
        return list(lines) if lines else list(DEFAULT_STEPS)


def rules_of(complex_: Complex) -> HouseRules:
    """The complex's house rules, or unsaved defaults when it has none yet."""
    found = HouseRules.objects.filter(complex=complex_).first()
    return found or HouseRules(complex=complex_)


def valid_until(issued_on: datetime.date, months: int) -> datetime.date:
    return add_months(issued_on, months) - datetime.timedelta(days=1)


class WarningQuerySet(models.QuerySet["Warning"]):
    def visible_to(self, user: User) -> WarningQuerySet:
        """Social management and letting staff; a caseworker for their own clients."""
        return self.filter(
            Q(complex__organisation_id__in=managing(user)) | clients_of(user, "person__")
        )

    def counting_on(self, day: datetime.date) -> WarningQuerySet:
        return self.filter(issued_on__lte=day, valid_until__gte=day)


class Warning(models.Model):
    class Language(models.TextChoices):
        DUTCH = "nl", "Nederlands"
        ENGLISH = "en", "English"

    complex = models.ForeignKey(Complex, on_delete=models.PROTECT, related_name="warnings")
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="warnings", verbose_name=_("resident")
    )
    incident = models.ForeignKey(
        Incident,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="warnings",
        verbose_name=_("incident"),
    )
    position = models.PositiveSmallIntegerField(_("step"), validators=[MinValueValidator(1)])
    step = models.CharField(_("warning"), max_length=200)
    reason = models.TextField(_("reason"), max_length=2000)
    issued_on = models.DateField(_("issued on"))
    valid_until = models.DateField(_("counts until"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("issued by"),
    )
    language = models.CharField(_("language of the letter"), max_length=2, choices=Language.choices)
    letter = models.TextField(_("letter"))
    history = HistoricalRecords()

    objects = WarningQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = _("warning")
        verbose_name_plural = _("warnings")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=models.F("issued_on")), name="warning_counts_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.step}: {self.person} ({self.issued_on})"


@dataclass(frozen=True)
class Standing:
    """Where a resident stands on the ladder on a day."""

    steps: list[str | Promise]
    counting: list[Warning]  # the warnings that count, oldest first

    @property
    def place(self) -> int:
        return len(self.counting)

    @property
    def next_position(self) -> int | None:
        """The step of the next warning, or None when the ladder is used up."""
        return self.place + 1 if self.place < len(self.steps) else None

    @property
    def next_step(self) -> str | Promise | None:
        position = self.next_position
        return self.steps[position - 1] if position else None

    def rungs(self) -> list[tuple[int, str | Promise, Warning | None]]:
        """Every step with the warning that counts for it, for the picture of the ladder."""
        return [
            (i, step, self.counting[i - 1] if i <= self.place else None)
            for i, step in enumerate(self.steps, start=1)
        ]


def standing(person: Person, complex_: Complex, day: datetime.date) -> Standing:
    counting = Warning.objects.filter(person=person, complex=complex_).counting_on(day)
    return Standing(rules_of(complex_).ladder(), list(counting.order_by("issued_on", "id")))
