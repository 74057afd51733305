from collections import Counter
from typing import Any

import pytest

from magicmix.demo import intake, showcase
from magicmix.rounds.models import MixPolicy, Round
from magicmix.selection.models import (
    Application,
    ApplicationEvent,
    CooptationAdvice,
    EligibilityOutcome,
    Intake,
    Interview,
    InterviewScore,
    LetterScore,
    Nomination,
    Route,
    Stage,
    breakdowns,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def test_the_young_people_complex_has_an_open_intake_with_letters_and_nominations() -> None:
    intake_ = Intake.objects.get()
    assert intake_.complex.name == showcase.YOUNG_PEOPLE.name
    assert intake_.status == Intake.Status.OPEN
    applications = intake_.applications.all()
    assert 60 <= applications.count() <= 120
    assert all(len(a.motivation) > 40 for a in applications)
    assert len({a.motivation for a in applications}) > applications.count() * 0.8
    nominated = Counter(
        n.organisation.name for n in Nomination.objects.select_related("organisation")
    )
    assert nominated == {showcase.NAMES["coa"]: 7, showcase.NAMES["shelter"]: 3}
    # Submitted through the selection's workflow: outcomes and the first event of each.
    assert (
        EligibilityOutcome.objects.values("application").distinct().count() == applications.count()
    )
    first = ApplicationEvent.objects.filter(
        kind__in=[ApplicationEvent.Kind.SUBMITTED, ApplicationEvent.Kind.NOMINATED]
    )
    assert first.count() == applications.count()


def test_most_letters_are_scored_by_two_scorers_and_some_are_left_to_score() -> None:
    public = Application.objects.filter(route=Route.PUBLIC).exclude(stage=Stage.REVIEW)
    scores = breakdowns(a.pk for a in public)
    scorers = Counter(b.scorers for b in scores.values())
    assert scorers[2] >= 0.6 * public.count()
    assert scorers[1] > 0 and scorers[0] > 0
    assert LetterScore.objects.values("scorer").distinct().count() == 2
    assert Application.objects.filter(stage=Stage.REVIEW).count() == intake.LEFT_IN_REVIEW


def test_interviews_advice_and_a_shortlist() -> None:
    held = Interview.objects.filter(status=Interview.Status.HELD)
    assert held.count() == intake.HELD + intake.NOMINEE_TALKS
    assert Interview.objects.filter(status=Interview.Status.PLANNED).count() == intake.PLANNED
    assert all(i.summary for i in held)
    talks = intake.HELD + intake.NOMINEE_TALKS
    assert InterviewScore.objects.count() == talks * len(intake.INTERVIEW_CRITERIA)
    shortlisted = Application.objects.filter(stage=Stage.SHORTLISTED)
    assert shortlisted.count() == intake.SHORTLISTED + 4
    advices = CooptationAdvice.objects.all()
    assert advices.count() == intake.ADVISED
    assert all(a.application.stage == Stage.SHORTLISTED for a in advices)
    assert {a.panel_member.email for a in advices} == {f"bewonerspanel@{showcase.DOMAIN}"}


def test_a_policy_and_a_round_with_a_proposal_to_review() -> None:
    policy = MixPolicy.objects.get()
    assert policy.bounds.filter(cluster=None, value="statushouder", hard=True).exists()
    assert policy.bounds.count() == 1 + 2 * 28
    round_ = Round.objects.get()
    assert round_.status == Round.Status.DONE
    run = round_.latest_run()
    assert run is not None
    placed = run.outcomes.exclude(unit=None).count()
    assert 0 < placed <= round_.units.count()
    # Nominees carry a score from their kennismakingsgesprek, so the om-en-om complex's round
    # places statushouders too (it placed none when they ranked last without one).
    nominees = run.outcomes.filter(application__nomination__isnull=False)
    assert nominees.exclude(selection_score=None).count() == intake.NOMINEE_TALKS
    assert (
        run.outcomes.exclude(unit=None)
        .filter(application__target_group__code="statushouder")
        .exists()
    )


def test_the_missing_legal_value_waits_on_the_application_managers_start_page() -> None:
    from magicmix.accounts.models import User
    from magicmix.selection.models import CheckResult
    from magicmix.web.start import tasks_for

    manager = User.objects.get(email=f"applicatiebeheer@{showcase.DOMAIN}")
    tasks = {str(task.label): (task.count, task.urgent) for task in tasks_for(manager)}
    assert tasks["Wettelijke waarden ontbreken"] == (2, True)
    assert tasks["Toetsen te beoordelen"] == (intake.LEFT_IN_REVIEW, False)
    # Approved by hand with a reason, and only those that passed or were approved are in a round.
    approved = Application.objects.filter(check_result=CheckResult.APPROVED)
    assert approved.exists()
    assert all(
        a.events.filter(kind=ApplicationEvent.Kind.ELIGIBILITY, reason__contains=intake.REVIEWED)
        for a in approved
    )
    from magicmix.rounds.models import CandidateOutcome

    in_round = Application.objects.filter(pk__in=CandidateOutcome.objects.values("application"))
    assert in_round.exists()
    assert not in_round.exclude(check_result__in=[CheckResult.PASSED, CheckResult.APPROVED])


def test_the_om_en_om_round_keeps_the_pattern_through_designated_units() -> None:
    from magicmix.housing.models import Complex, Designation

    complex_ = Complex.objects.get(name=showcase.YOUNG_PEOPLE.name)
    gangs: dict[int, list[Any]] = {}
    for unit in complex_.units.order_by("code"):
        gangs.setdefault(unit.cluster_id, []).append(unit)
    for units in gangs.values():  # dragend, statushouder, dragend, ... in every gang
        for position, unit in enumerate(units):
            assert unit.designation == Designation.HARD
            assert unit.designated_for == (
                ("group", "statushouder") if position % 2 else ("role", "supporting")
            )
    run = Round.objects.get().latest_run()
    assert run is not None
    placed = run.outcomes.exclude(unit=None).select_related("unit", "application__target_group")
    assert {o.unit.designated_value for o in placed} == {"statushouder", "supporting"}
    for outcome in placed:
        newcomer = outcome.application.target_group.code == "statushouder"
        assert newcomer == (outcome.unit.designated_value == "statushouder"), outcome.unit.code
    report = {row["value"]: row for row in run.metrics["designations"]}
    assert all(row["filled_by_them"] == row["filled"] > 0 for row in report.values())
    assert sum(row["filled"] for row in report.values()) == placed.count()
