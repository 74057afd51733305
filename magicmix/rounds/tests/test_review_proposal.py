"""A proposal one can judge: warnings next to each candidate, a notice when scores, advice or
the pool changed after the run, the building before and after, and every version readable."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from magicmix.rounds import review
from magicmix.rounds.models import Offer
from magicmix.rounds.services import offers, runs
from magicmix.selection.models import CheckResult, CooptationAdvice, Interview, LetterScore, Stage
from magicmix.selection.tests.helpers import rubric
from magicmix.testing import factories

from .helpers import SITE, approved, new_round, policy, scene, work

pytestmark = pytest.mark.django_db


def ran(s):
    round_ = new_round(s)
    runs.start(round_)
    work()
    round_.refresh_from_db()
    return round_


def test_each_candidate_carries_its_warnings(client: Client) -> None:
    s = scene(vacancies=2, students=3, statushouders=0)
    scored, advised, missed = s.applications
    criterion = rubric(s.intake).criteria.get(stage="letter")
    for application in (advised, missed):
        LetterScore.objects.create(
            application=application, criterion=criterion, scorer=s.staff, points=4
        )
    panel = factories.user(s.corporation, "resident_panel")
    CooptationAdvice.objects.create(
        application=advised, panel_member=panel, advice="against", motivation="Past niet."
    )
    Interview.objects.create(
        application=missed, starts_at=timezone.now(), status=Interview.Status.NO_SHOW
    )
    advised.check_result = CheckResult.APPROVED
    advised.save(update_fields=["check_result"])
    round_ = ran(s)
    run = round_.latest_run()
    found = review.warnings(list(run.outcomes.all()))
    assert found == {
        scored.pk: ["geen selectiescore"],
        advised.pk: ["1 paneladvies tegen", "toets goedgekeurd door medewerker"],
        missed.pk: ["niet op het gesprek gekomen"],
    }
    client.force_login(s.staff)
    page = client.get(reverse("rounds:round_detail", args=[round_.pk])).content.decode()
    assert page.count("paneladvies tegen") >= 1 and "geen selectiescore" in page
    assert "toets goedgekeurd door medewerker" in page


def test_a_proposal_says_what_changed_after_the_run(client: Client) -> None:
    s = scene(vacancies=1, students=3, statushouders=0)
    first, second, third = s.applications
    round_ = ran(s)
    run = round_.latest_run()
    assert review.changes_since(run) == []
    criterion = rubric(s.intake).criteria.get(stage="letter")
    LetterScore.objects.create(application=first, criterion=criterion, scorer=s.staff, points=5)
    CooptationAdvice.objects.create(
        application=second,
        panel_member=factories.user(s.corporation, "resident_panel"),
        advice="in_favour",
        motivation="Goede buur.",
    )
    third.withdraw("Elders gevonden.")
    factories.application(s.intake, "student", stage=Stage.SHORTLISTED)
    changes = review.changes_since(run)
    assert changes == [
        f"Selectiescore gewijzigd: {first.full_name}.",
        f"Nieuw paneladvies: {second.full_name}.",
        f"Geen kandidaat meer (ingetrokken, aangeboden of besloten): {third.full_name}.",
        "1 nieuwe kandidaat sinds de berekening.",
    ]
    client.force_login(s.staff)
    page = client.get(reverse("rounds:round_detail", args=[round_.pk])).content.decode()
    assert "Er is iets veranderd sinds dit voorstel is berekend." in page
    assert "Ronde opnieuw berekenen" in page


def test_the_building_before_and_after_the_proposal() -> None:
    s = scene(vacancies=2, students=1, statushouders=1)
    round_ = ran(s)
    shown = review.before_after(round_, round_.latest_run())
    before, after = shown.before, shown.after
    tiles = {t.code: t.label for band in before.bands for t in band.tiles}
    assert tiles == {"A01": "A01: leeg", "A02": "A02: leeg", "A99": "A99: Student, dragend"}
    later = {t.code: t.label.split(": ", 1)[1] for band in after.bands for t in band.tiles}
    assert later["A99"] == "Student, dragend"
    assert sorted([later["A01"], later["A02"]]) == ["Statushouder, vragend", "Student, dragend"]
    gang = next(band for band in after.bands if band.node.cluster.name == "Gang A")
    assert (gang.node.tally.occupied, gang.node.tally.places) == (3, 3)


def test_after_a_decline_the_versions_keep_their_figures(client: Client) -> None:
    s = scene(vacancies=1, students=2, statushouders=0)
    round_ = approved(s)
    [offer] = Offer.objects.filter(round=round_)
    offers.decline(offer, "Te klein.", SITE, by=s.staff)
    client.force_login(s.staff)
    url = reverse("rounds:round_detail", args=[round_.pk])
    latest = client.get(url).content.decode()
    assert "Uit versie 1, het voorstel waarop deze herberekening voortbouwt." in latest
    assert "woningen gevuld met het beleid" in latest
    first = client.get(url, {"version": 1}).content.decode()
    assert "een eerdere versie; de laatste is versie 2" in first
    assert offer.application.full_name in first


def test_the_mix_per_cluster_before_and_after_against_the_policy() -> None:
    """Worked by hand: Gang A holds one student (dragend) and two vacant units; the proposal
    moves in a student and a statushouder (vragend). The policy asks at most one vragend in
    the gang and, softly, at least 50 % statushouders in the complex: 1.5 of 3 places, which
    the one statushouder in the pool cannot reach."""
    s = scene(vacancies=2, students=1, statushouders=1)
    policy(
        s, cluster=s.units[0].cluster, dimension="role", value="supported", minimum=None, maximum=1
    )
    policy(s, minimum=50, share=True, hard=False, penalty=10)
    round_ = ran(s)
    clusters = review.before_after(round_, round_.latest_run()).clusters
    table = {
        c.path: {
            line.label: (line.before, line.after, line.bound, line.outside) for line in c.lines
        }
        for c in clusters
    }
    expected_gang = {
        "Student": (1, 2, "", False),
        "Statushouder": (0, 1, "", False),
        "dragend": (1, 2, "", False),
        "vragend": (0, 1, "≤ 1", False),
    }
    assert table == {
        "het hele complex": expected_gang
        | {"Statushouder": (0, 1, "≥ 50 %", True), "vragend": (0, 1, "", False)},
        "Gang A": expected_gang,
    }
    assert [c.places for c in clusters] == [3, 3]


def test_each_table_of_the_mix_per_cluster_starts_its_caption_with_a_capital(
    client: Client,
) -> None:
    s = scene(vacancies=2, students=1, statushouders=1)
    policy(s, minimum=50, share=True, hard=False, penalty=10)
    round_ = ran(s)
    client.force_login(s.staff)
    page = client.get(reverse("rounds:round_detail", args=[round_.pk])).content.decode()
    captions = re.findall(r"<caption[^>]*>([^<]*)</caption>", page)
    assert "Het hele complex — 3 plaatsen" in captions
    assert "Gang A — 3 plaatsen" in captions
    assert all(caption[0].isupper() for caption in captions), captions
