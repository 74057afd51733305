"""An allocation round: vacancies of a complex, the candidates of an intake, a mode.

Each execution of the engine is a `Run`, kept as a version: a retry after a failure and every
re-run for units left open by a decline add a run and never overwrite an earlier one. A run
stores, per candidate, the engine's explanation and a copy of the candidate's eligibility
outcomes with the parameter versions used (`CandidateOutcome`), so "why not me?" can be
answered months later, after the rules changed.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from magicmix.accounts.models import LETTING_ROLES
from magicmix.housing.models import Complex, Unit
from magicmix.selection.models import Application, Intake

if TYPE_CHECKING:
    from magicmix.accounts.models import User

# The engine's ranking keys (magicmix.allocation.PriorityKey), in Dutch for the form.
RANKING_KEYS = [
    ("urgency", _("urgency")),
    ("selection_score", _("selection score")),
    ("registration_date", _("registration date")),
    ("lottery_number", _("lottery number")),
]
DEFAULT_RANKING = ["urgency", "selection_score", "registration_date", "lottery_number"]


class Mode(models.TextChoices):
    """The engine's modes (magicmix.allocation.Mode)."""

    PRIORITY = "priority", _("strict priority")
    OPTIMAL = "optimal", _("optimal")
    LOTTERY = "lottery", _("lottery")
    PER_VACANCY = "per-vacancy", _("per vacancy (comparison)")


class RoundQuerySet(models.QuerySet["Round"]):
    def visible_to(self, user: User) -> RoundQuerySet:
        """Rounds are run and seen by the letting staff of the owning corporation only."""
        return self.filter(complex__organisation_id__in=user.organisation_ids(LETTING_ROLES))


class Round(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("ready for review")
        FAILED = "failed", _("failed")
        APPROVED = "approved", _("approved")

    complex = models.ForeignKey(
        Complex, on_delete=models.PROTECT, related_name="rounds", verbose_name=_("complex")
    )
    intake = models.ForeignKey(
        Intake,
        on_delete=models.PROTECT,
        related_name="rounds",
        verbose_name=_("candidates from intake"),
    )
    title = models.CharField(_("title"), max_length=200)
    units = models.ManyToManyField(Unit, related_name="rounds", verbose_name=_("vacancies"))
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices, default=Mode.PRIORITY)
    ranking = models.JSONField(_("ranking rule"), default=list)
    # Per ranking key, where candidates lacking it go: "first", "last" (the engine's default)
    # or a number they are treated as having (magicmix.allocation.WhenMissing).
    missing_keys = models.JSONField(_("candidates without a ranking key"), default=dict, blank=True)
    seed = models.PositiveIntegerField(_("lottery seed"), default=0)
    move_in = models.DateField(_("start of the tenancies"))
    offer_days = models.PositiveSmallIntegerField(_("days to answer an offer"), default=7)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["progress"])

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("allocation round")
        verbose_name_plural = _("allocation rounds")

    def __str__(self) -> str:
        return self.title

    @property
    def is_busy(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    def candidates(self) -> models.QuerySet[Application]:
        return self.intake.applications.eligible().filter(stage__in=CANDIDATE_STAGES)

    def latest_run(self) -> Run | None:
        return self.runs.filter(failed=False, finished_at__isnull=False).order_by("-number").first()

    def offer_deadline(self, day: datetime.date) -> datetime.date:
        return day + datetime.timedelta(days=self.offer_days)


# Applications that take part in a round: past the eligibility review, not yet offered or final.
CANDIDATE_STAGES = ("submitted", "assessing", "interview", "shortlisted")


class Run(models.Model):
    """One execution of the engine for a round: a version, never overwritten."""

    class Kind(models.TextChoices):
        PROPOSAL = "proposal", _("proposal")
        REFILL = "refill", _("re-run for open units")

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="runs")
    number = models.PositiveSmallIntegerField(_("version"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PROPOSAL)
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices)
    seed = models.PositiveIntegerField(_("lottery seed"))
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    failed = models.BooleanField(_("failed"), default=False)
    error = models.TextField(_("error"), blank=True)
    # What the engine was given and gave back, as plain JSON (see engine_adapter).
    policy = models.JSONField(_("policy used"), default=dict)
    report = models.JSONField(_("policy report"), default=list)
    metrics = models.JSONField(_("figures"), default=dict)
    price = models.JSONField(_("price of the mix"), default=dict)
    comparison = models.JSONField(_("modes compared"), default=dict)

    class Meta:
        ordering = ["round", "number"]
        verbose_name = _("run")
        verbose_name_plural = _("runs")
        constraints = [
            models.UniqueConstraint(fields=["round", "number"], name="unique_run_version"),
        ]

    def __str__(self) -> str:
        return f"{self.round} v{self.number}"


class CandidateOutcome(models.Model):
    """One candidate in one run: the proposal (after overrides) and the engine's why."""

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="outcomes")
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveIntegerField(_("place in the ranking"))
    selection_score = models.DecimalField(
        _("selection score"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    engine_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, null=True, related_name="+")
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed unit"),
    )
    choice = models.PositiveSmallIntegerField(_("choice"), null=True, blank=True)
    # [{"code", "params", "nl", "en"}, ...]: the first is the headline.
    explanation = models.JSONField(_("explanation"), default=list)
    # Copies of the application's eligibility outcomes (value, limit, parameter versions).
    eligibility = models.JSONField(_("eligibility"), default=list)

    class Meta:
        ordering = ["run", "position"]
        verbose_name = _("candidate outcome")
        verbose_name_plural = _("candidate outcomes")
        constraints = [
            models.UniqueConstraint(fields=["run", "application"], name="one_outcome_per_run"),
            models.UniqueConstraint(fields=["run", "unit"], name="one_candidate_per_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.run}: {self.application_id}"

    def text(self, lang: str) -> str:
        return " ".join(
            str(reason.get(lang) or reason.get("nl", "")) for reason in self.explanation
        )

    @property
    def headline(self) -> dict[str, Any]:
        return self.explanation[0] if self.explanation else {}

    @property
    def designation_note(self) -> dict[str, Any]:
        """The engine's "this unit is designated for ..." of a placed candidate, if any."""
        return next(
            (r for r in self.explanation if r.get("code", "").startswith("designated_")), {}
        )


class Override(models.Model):
    """Staff changed the proposal for a unit; never without a written reason."""

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="overrides")
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    replaced = models.ForeignKey(
        Application,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed candidate"),
    )
    chosen = models.ForeignKey(
        Application,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("chosen candidate"),
    )
    reason = models.TextField(_("reason"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("override")
        verbose_name_plural = _("overrides")
        constraints = [
            models.CheckConstraint(condition=~models.Q(reason=""), name="override_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.reason[:40]}"
