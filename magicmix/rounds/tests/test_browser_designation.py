"""A letting officer designates a unit for statushouders, sees it on the unit page and in the
building picture, and the round's proposal names the designation."""

import re

import pytest

from magicmix.conftest import assert_accessible, log_in
from magicmix.rounds.services import runs

from .helpers import new_round, scene

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_designate_a_unit_and_see_it_on_the_proposal(page) -> None:
    s = scene(vacancies=2, students=2, statushouders=1)
    unit = s.units[0]
    log_in(page, s.staff.email)
    page.goto(f"/complexes/{s.complex.pk}/units/{unit.pk}/edit/")
    page.get_by_label(re.compile("^Bestemming")).select_option(label="alleen voor")
    page.get_by_label(re.compile("^Bestemd voor")).select_option(label="Statushouder")
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("alleen voor Statushouder (doelgroep)").wait_for()
    assert_accessible(page)

    page.goto(f"/complexes/{s.complex.pk}/mix/")
    marked = page.locator(".mm-tiles .mm-tile--designated")
    assert marked.count() == 1
    assert "bestemd: alleen voor Statushouder" in (marked.get_attribute("title") or "")
    page.get_by_text("stip: bestemde woning").wait_for()
    assert_accessible(page)

    # Students registered first and would take both units; the designation gives one of them
    # to the statushouder.
    round_ = new_round(s)
    runs.execute(round_.pk)
    page.goto(f"/rounds/{round_.pk}/")
    row = page.get_by_role("row").filter(has_text=unit.code).filter(has_text="Statushouder")
    row.filter(has_text="Deze woning is bestemd voor doelgroep Statushouder.").first.wait_for()
    page.get_by_role("table", name="Bestemde woningen (bestemming)").wait_for()
    assert_accessible(page)
