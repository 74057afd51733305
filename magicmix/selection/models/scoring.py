"""Scoring an application: letter scores per rubric criterion by several scorers, a short
interview with its own points, and the advice of the resident panel (coöptatie).

One selection score per application (`selection_score`): per criterion the mean of its points
over the scorers, as a share of the criterion's maximum, weighted by the criterion's weight;
0–100. Criteria nobody scored yet are left out of the weights. The panel's advice is recorded
next to the score and deliberately not counted in it: coöptatie advises, the corporation decides.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

INTERVIEW_MINUTES = 10


class Rubric(models.Model):
    intake = models.OneToOneField(
        "selection.Intake", on_delete=models.CASCADE, related_name="rubric"
    )
    blind = models.BooleanField(
        _("blind scoring"),
        default=True,
        help_text=_("Scorers see the letter without name, age or origin."),
    )
    scorers_per_letter = models.PositiveSmallIntegerField(_("scorers per letter"), default=2)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rubric")
        verbose_name_plural = _("rubrics")

    def __str__(self) -> str:
        return str(self.intake)


class Criterion(models.Model):
    class Stage(models.TextChoices):
        LETTER = "letter", _("motivation letter")
        INTERVIEW = "interview", _("interview")

    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="criteria")
    stage = models.CharField(_("scored in"), max_length=20, choices=Stage.choices)
    name = models.CharField(_("criterion"), max_length=200)
    guidance = models.TextField(_("guidance for scorers"), blank=True)
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal(0))],
    )
    max_points = models.PositiveSmallIntegerField(_("maximum points"), default=5)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["stage", "position", "id"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.CheckConstraint(condition=Q(max_points__gte=1), name="criterion_max_min_1"),
        ]

    def __str__(self) -> str:
        return self.name


class LetterScore(models.Model):
    application = models.ForeignKey(
        "selection.Application", on_delete=models.CASCADE, related_name="letter_scores"
    )
    criterion = models.ForeignKey(
        Criterion,
        on_delete=models.PROTECT,
        related_name="letter_scores",
        limit_choices_to={"stage": Criterion.Stage.LETTER},
    )
    scorer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    points = models.PositiveSmallIntegerField(_("points"))
    note = models.TextField(_("note"), blank=True)
    scored_at = models.DateTimeField(_("scored at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("letter score")
        verbose_name_plural = _("letter scores")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "criterion", "scorer"], name="one_letter_score_per_scorer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.application_id} {self.criterion}: {self.points}"


class Interview(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")
        NO_SHOW = "no_show", _("did not come")
        CANCELLED = "cancelled", _("cancelled")

    application = models.ForeignKey(
        "selection.Application", on_delete=models.CASCADE, related_name="interviews"
    )
    starts_at = models.DateTimeField(_("starts at"))
    minutes = models.PositiveSmallIntegerField(_("minutes"), default=INTERVIEW_MINUTES)
    location = models.CharField(_("location"), max_length=200, blank=True)
    interviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="+", blank=True, verbose_name=_("interviewers")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    # What the resident panel reads: no income, health or support details belong here.
    summary = models.TextField(_("summary for the resident panel"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")

    def __str__(self) -> str:
        return f"{self.application} {self.starts_at:%Y-%m-%d %H:%M}"


class InterviewScore(models.Model):
    """One answer of the interview's points questionnaire (a criterion of stage INTERVIEW)."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        Criterion,
        on_delete=models.PROTECT,
        related_name="interview_scores",
        limit_choices_to={"stage": Criterion.Stage.INTERVIEW},
    )
    points = models.PositiveSmallIntegerField(_("points"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("interview score")
        verbose_name_plural = _("interview scores")
        constraints = [
            models.UniqueConstraint(
                fields=["interview", "criterion"], name="one_interview_score_per_criterion"
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.points}"


class CooptationAdvice(models.Model):
    class Advice(models.TextChoices):
        IN_FAVOUR = "in_favour", _("in favour")
        NEUTRAL = "neutral", _("no preference")
        AGAINST = "against", _("against")

    application = models.ForeignKey(
        "selection.Application", on_delete=models.CASCADE, related_name="advices"
    )
    panel_member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("panel member"),
    )
    advice = models.CharField(_("advice"), max_length=20, choices=Advice.choices)
    motivation = models.TextField(_("motivation"))
    given_at = models.DateTimeField(_("given at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("coöptation advice")
        verbose_name_plural = _("coöptation advice")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "panel_member"], name="one_advice_per_panel_member"
            )
        ]

    def __str__(self) -> str:
        return f"{self.application}: {self.get_advice_display()}"


def weighted_score(points: Iterable[tuple[Criterion, int]]) -> Decimal | None:
    """0–100 from (criterion, points) pairs; several pairs of one criterion are averaged."""
    given: dict[Criterion, list[int]] = defaultdict(list)
    for criterion, value in points:
        given[criterion].append(value)
    total_weight = sum((criterion.weight for criterion in given), Decimal(0))
    if not given or total_weight == 0:
        return None
    weighted = sum(
        (
            criterion.weight * Decimal(sum(values)) / len(values) / criterion.max_points
            for criterion, values in given.items()
        ),
        Decimal(0),
    )
    return (100 * weighted / total_weight).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class Breakdown:
    """An application's scores: letter and interview apart, and the selection score of both."""

    letter: Decimal | None = None
    interview: Decimal | None = None
    total: Decimal | None = None
    scorers: int = 0


def breakdowns(application_ids: Iterable[int]) -> dict[int, Breakdown]:
    """The breakdown of each application, in three queries however many applications."""
    ids = list(application_ids)
    letters: dict[int, list[tuple[Criterion, int]]] = defaultdict(list)
    scorers: dict[int, set[int]] = defaultdict(set)
    for score in LetterScore.objects.filter(application_id__in=ids).select_related("criterion"):
        letters[score.application_id].append((score.criterion, score.points))
        scorers[score.application_id].add(score.scorer_id)
    talks: dict[int, list[tuple[Criterion, int]]] = defaultdict(list)
    held = InterviewScore.objects.filter(
        interview__application_id__in=ids, interview__status=Interview.Status.HELD
    ).select_related("criterion", "interview")
    for answer in held:
        talks[answer.interview.application_id].append((answer.criterion, answer.points))
    return {
        pk: Breakdown(
            letter=weighted_score(letters[pk]),
            interview=weighted_score(talks[pk]),
            total=weighted_score(letters[pk] + talks[pk]),
            scorers=len(scorers[pk]),
        )
        for pk in ids
    }


def selection_score(application_id: int) -> Decimal | None:
    """The one score an application ends with: its letter and interview points together."""
    return breakdowns([application_id])[application_id].total
