"""In a real browser: build a scenario, change an input, see NPV and tornado follow, save,
compare; axe on every page."""

from typing import Any

import pytest
from playwright.sync_api import expect

from magicmix.accounts.models import User
from magicmix.conftest import assert_accessible, log_in
from magicmix.finance.models import Scenario
from magicmix.housing.models import Complex
from magicmix.testing import factories
from magicmix.testing.tasks import work

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_build_change_and_compare(page: Any, complex_: Complex, letting: User) -> None:
    log_in(page, letting.email)
    page.goto("/finance/")
    assert_accessible(page)
    page.get_by_role("link", name="Startblok Test").click()
    assert_accessible(page)
    page.get_by_role("link", name="Nieuw scenario").click()
    page.wait_for_url("**/finance/new/")
    assert_accessible(page)

    npv = page.locator('#results [data-figure="npv"]')
    before = npv.inner_text()
    top_input = page.locator("#tornado tbody tr th").first.inner_text()
    assert "Investering per eenheid" in top_input
    rent = page.get_by_label("Kale huur per maand (€)").first
    rent.fill("900")
    rent.dispatch_event("change")
    expect(npv).not_to_have_text(before)  # htmx swapped in the new result
    assert page.locator("#tornado svg rect").count() == 20  # ten inputs, lower and higher
    assert not Scenario.objects.exists()  # a preview saves nothing
    assert_accessible(page)

    page.get_by_label("Naam van het scenario").fill("Hoge huur")
    page.get_by_role("button", name="Scenario opslaan").click()
    page.wait_for_url("**/finance/*/")
    assert page.get_by_role("heading", name="Hoge huur", level=1).is_visible()
    assert page.locator('[data-figure="npv"]').inner_text() == npv_after(page)
    assert page.get_by_role("img", name="Tornadodiagram van de NCW").is_visible()
    assert page.get_by_role("img", name="Netto kasstroom van de corporatie per jaar").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Plan en werkelijkheid").click()
    assert page.get_by_role("heading", name="Herprognose").is_visible()
    assert_accessible(page)

    page.goto(f"/complexes/{complex_.pk}/finance/import/")
    assert_accessible(page)
    page.goto(f"/complexes/{complex_.pk}/finance/")
    page.get_by_role("button", name="Naast elkaar vergelijken").click()
    assert page.get_by_role("heading", name="Scenario's naast elkaar").is_visible()
    assert_accessible(page)


def npv_after(page: Any) -> str:
    from magicmix.finance.charts import euro

    return euro(Scenario.objects.get(name="Hoge huur").result().npv).replace("\xa0", " ")


def test_start_a_simulation_follow_it_and_compare(
    page: Any, complex_: Complex, letting: User, corporation: Any
) -> None:
    """Start a simulation of two policies, see its progress while nobody works on it, let the
    database worker run it, and compare the policies; axe on every page."""
    for i, unit in enumerate(complex_.units.order_by("code")[:10]):
        group = "statushouder" if i % 2 else "student"
        factories.tenancy(unit, factories.person(corporation, group))
    log_in(page, letting.email)
    page.goto(f"/complexes/{complex_.pk}/finance/")
    page.get_by_role("link", name="Beleidssimulaties: vergelijk mixbeleid over de jaren").click()
    assert_accessible(page)
    page.get_by_role("link", name="Nieuwe simulatie").click()
    assert_accessible(page)
    page.get_by_label("50/50, gespikkeld (hoogstens de helft vragend in elk cluster)").check()
    page.get_by_label("Twee derde dragend, geclusterd (in het complex)").check()
    page.get_by_label("Looptijd (jaren)").fill("3")
    page.get_by_label("Runs per beleid").fill("3")
    page.get_by_label("Statushouder: nieuwe woningzoekenden per maand").fill("1")
    page.get_by_label("Student: nieuwe woningzoekenden per maand").fill("2")
    page.get_by_role("button", name="Simulatie starten").click()
    page.wait_for_url("**/simulations/*/")
    expect(page.get_by_text("Runs klaar: 0 van 6")).to_be_visible()
    assert_accessible(page)

    work()  # the database worker; the page polls and reloads itself when all runs are done
    expect(page.get_by_role("heading", name="Vergeleken beleid")).to_be_visible(timeout=15_000)
    expect(page.get_by_text("Runs klaar: 6 van 6")).to_be_visible()
    assert page.get_by_role("img", name="Aandeel verhuurde eenheden per jaar").is_visible()
    table = page.locator('.mm-table-wrap[aria-labelledby="fill-heading"]')
    assert "Twee derde dragend, geclusterd" in table.inner_text()
    assert page.get_by_role(
        "heading", name="Mix per cluster: aandeel vragende bewoners"
    ).is_visible()
    assert_accessible(page)
