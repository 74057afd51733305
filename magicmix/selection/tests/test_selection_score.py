from decimal import Decimal

import pytest

from magicmix.accounts.models import Role
from magicmix.selection.models import (
    Criterion,
    Interview,
    InterviewScore,
    LetterScore,
    Rubric,
    selection_score,
)
from magicmix.testing import factories

from .helpers import open_intake

pytestmark = pytest.mark.django_db


def test_scores_of_several_scorers_and_the_interview_make_one_weighted_score() -> None:
    intake = open_intake()
    application, _ = factories.application(intake)
    rubric = Rubric.objects.create(intake=intake)
    letter = rubric.criteria.create(
        stage=Criterion.Stage.LETTER, name="Inzet", weight=2, max_points=5
    )
    talk = rubric.criteria.create(
        stage=Criterion.Stage.INTERVIEW, name="Gesprek", weight=1, max_points=10
    )
    org = intake.complex.organisation
    for scorer, points in (
        (factories.user(org, Role.LETTING), 5),
        (factories.user(org, Role.LETTING), 3),
    ):
        LetterScore.objects.create(
            application=application, criterion=letter, scorer=scorer, points=points
        )
    assert selection_score(application.pk) == Decimal("80.0")  # mean 4 of 5
    interview = Interview.objects.create(application=application, starts_at="2026-12-01T10:00Z")
    InterviewScore.objects.create(interview=interview, criterion=talk, points=5)
    assert selection_score(application.pk) == Decimal("80.0")  # planned, not held: not counted
    interview.status = Interview.Status.HELD
    interview.save()
    # (2 × 0.8 + 1 × 0.5) / 3 = 0.7
    assert selection_score(application.pk) == Decimal("70.0")


def test_no_scores_no_score() -> None:
    application, _ = factories.application(open_intake())
    assert selection_score(application.pk) is None
