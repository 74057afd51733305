"""The proposal shows the building before and after, with a warning next to a candidate."""

import pytest

from magicmix.conftest import assert_accessible, log_in
from magicmix.rounds.services import runs

from .helpers import new_round, policy, scene, work

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_proposal_pictures_the_building_before_and_after(page) -> None:
    s = scene(vacancies=2, students=1, statushouders=1)
    policy(
        s, cluster=s.units[0].cluster, dimension="role", value="supported", minimum=None, maximum=1
    )
    round_ = new_round(s)
    runs.start(round_)
    work()
    log_in(page, s.staff.email)
    page.goto(f"/rounds/{round_.pk}/")
    section = page.locator("section[aria-labelledby=picture-heading]")
    section.get_by_role("heading", name="Het gebouw voor en na").wait_for()
    before, after = section.locator(".mm-picture").all()
    assert before.get_by_title("A01: leeg").count() == 1
    assert before.get_by_title("A02: leeg").count() == 1
    assert after.locator("[title$=': leeg']").count() == 0
    assert after.get_by_title("Statushouder, vragend", exact=False).count() == 1
    assert after.get_by_title("Student, dragend", exact=False).count() == 2
    # Beside the picture, the mix per cluster before and after against the policy.
    gang = section.get_by_role("table", name="Gang A — 3 plaatsen")
    row = gang.get_by_role("row", name="vragend")
    assert row.locator("td").all_inner_texts() == ["0", "1", "≤ 1"]
    candidates = page.locator("section[aria-labelledby=candidates-heading]")
    assert candidates.get_by_text("geen selectiescore").count() == 2
    assert_accessible(page)
