"""The stored explanations name target groups and supporting partners as the catalogue and
the organisation do, and a choice of any vacancy as the complex, in Dutch and English, while
their params keep the engine's codes."""

from __future__ import annotations

from typing import Any

import pytest

from magicmix.accounts.models import Organisation
from magicmix.housing.models import DesignatedBy, Designation
from magicmix.people.models import TargetGroup
from magicmix.rounds.models import CandidateOutcome, Round
from magicmix.rounds.services import runs

from .helpers import Scene, new_round, policy, scene

pytestmark = pytest.mark.django_db


def _reasons(round_: Round) -> dict[str, list[dict[str, Any]]]:
    """Every stored reason by code, the headline 'placed'/'not placed' left out."""
    found: dict[str, list[dict[str, Any]]] = {}
    for outcome in CandidateOutcome.objects.filter(run=round_.latest_run()):
        for reason in outcome.explanation[1:] if not outcome.unit_id else outcome.explanation:
            found.setdefault(reason["code"], []).append(reason)
    return found


def _rename(s: Scene, code: str, name: str) -> None:
    TargetGroup.objects.filter(organisation=s.corporation, code=code).update(name=name)


def test_a_designation_and_an_outranked_candidate_read_the_groups_name() -> None:
    s = scene(vacancies=1, students=1, statushouders=1)
    _rename(s, "statushouder", "Vergunninghouder (COA)")
    unit = s.units[0]
    unit.designation, unit.designated_for = Designation.SOFT, (DesignatedBy.GROUP, "statushouder")
    unit.save()
    round_ = new_round(s)
    runs.execute(round_.pk)
    reasons = _reasons(round_)
    [soft] = reasons["designated_soft"]
    assert soft["params"]["value"] == "statushouder"
    assert soft["nl"] == "Deze woning gaat bij voorrang naar doelgroep Vergunninghouder (COA)."
    assert soft["en"] == "This unit goes to target group Vergunninghouder (COA) first."
    [outranked] = reasons.get("outranked", []) + reasons.get("outranked_no_group", [])
    name = {"student": "Student", "statushouder": "Vergunninghouder (COA)"}[
        str(outranked["params"]["group"])
    ]
    assert f"uw groep ({name})" in str(outranked["nl"])
    assert f"your group ({name})" in str(outranked["en"])


def test_the_limits_of_a_group_and_a_partner_read_their_names() -> None:
    s = scene(vacancies=3, students=3, statushouders=2)
    _rename(s, "student", "Studerende")
    partner = Organisation.objects.get(name="COA Test")
    policy(s, value="student", minimum=None, maximum=1)
    policy(s, dimension="partner", value=str(partner.pk), minimum=None, maximum=1)
    round_ = new_round(s)
    runs.execute(round_.pk)
    limits = {str(r["params"]["dimension"]): r for r in _reasons(round_)["maximum"]}
    assert "de grens voor doelgroep Studerende in Startblok Test" in str(limits["group"]["nl"])
    assert "the limit for target group Studerende in" in str(limits["group"]["en"])
    assert "de grens voor zorgpartner COA Test in" in str(limits["partner"]["nl"])
    assert "the limit for support partner COA Test in" in str(limits["partner"]["en"])
    assert limits["partner"]["params"]["value"] == str(partner.pk)
    # A choice of any vacancy reads as the complex, not as the engine's "*".
    assert str(limits["group"]["nl"]).startswith("Keuze 1 (Startblok Test): de grens")
    assert limits["group"]["params"]["target"] == "*"
