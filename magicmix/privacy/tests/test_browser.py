"""In a browser: an application manager checks the retention periods, exports everything about
a former resident, erases them after reading the consequences, and finds both in the log."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

from magicmix.accounts.models import Role
from magicmix.conftest import assert_accessible, log_in
from magicmix.testing import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/tmp/i11-shots")


def test_export_then_erase_a_former_resident_and_see_the_log(page: Any) -> None:
    SHOTS.mkdir(exist_ok=True)
    org = factories.organisation(name="Portaal")
    person = factories.person(org, first_name="Yusuf", last_name="Demir")
    unit = factories.unit(factories.cluster(factories.complex(org)))
    factories.tenancy(
        unit, person, start_date=datetime.date(2023, 1, 1), end_date=datetime.date(2025, 6, 30)
    )
    manager = factories.user(org, Role.APPLICATION_MANAGER, full_name="Anna Beheer")
    log_in(page, manager.email)

    page.get_by_role("link", name="Bewaartermijnen").click()
    page.get_by_role("heading", name="Wat de volgende run doet (proefrun)").wait_for()
    assert_accessible(page)
    page.screenshot(path=SHOTS / "retention.png", full_page=True)

    page.goto(person.get_absolute_url())
    with page.expect_download() as download:
        page.get_by_role("link", name="Alles downloaden (JSON)").click()
    export = json.loads(Path(download.value.path()).read_text())
    assert export["onderdelen"][0]["gegevens"][0]["voornaam"] == "Yusuf"

    page.get_by_role("link", name="Wissen…").click()
    page.get_by_role("heading", name="Wat wissen doet").wait_for()
    assert_accessible(page)
    page.screenshot(path=SHOTS / "erase.png", full_page=True)
    page.get_by_label("Ik heb de gevolgen gelezen; wis deze gegevens nu.").check()
    page.get_by_role("button", name="Wissen").click()
    page.get_by_text("De gegevens zijn gewist; het wissen staat in het logboek.").wait_for()
    assert_accessible(page)
    log = page.locator("section[aria-labelledby=processing-heading]").inner_text()
    assert "gewist" in log and "geëxporteerd" in log and "Anna Beheer" in log
    assert "Yusuf" not in page.content()
    page.screenshot(path=SHOTS / "erased.png", full_page=True)
