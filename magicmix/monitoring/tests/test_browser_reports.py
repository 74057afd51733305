"""In a real browser, with axe on every page: a policy officer opens the council report and
sees the suppressed cells, then the portfolio dashboard on a phone; letting staff import rent
arrears (a wrong file first) and switch on the public fact sheet, which anyone can open."""

import pytest
from django.utils import timezone

from magicmix.accounts.models import Organisation, Role
from magicmix.conftest import assert_accessible, log_in
from magicmix.monitoring.services import refresh_snapshots
from magicmix.testing import factories

from .conftest import build_world
from .test_reports import neighbourhood_life

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def test_a_policy_officer_reads_the_council_report_and_the_portfolio_on_a_phone(page) -> None:
    world = build_world()
    neighbourhood_life(world)
    municipality = factories.organisation(Organisation.Kind.MUNICIPALITY)
    factories.partner(world.complex, municipality)
    officer = factories.user(municipality, Role.POLICY_OFFICER)
    log_in(page, officer.email)
    page.goto("/monitoring/")
    page.get_by_role("link", name="Raadsrapportage").click()
    page.wait_for_url("**/council/")
    assert_accessible(page)
    around = page.get_by_role("table", name="De buurt (laatste twaalf maanden)")
    row = around.get_by_role("row", name="Activiteiten open voor de buurt")
    assert row.get_by_role("cell").inner_text() == "<5"  # 3 activities: suppressed
    assert (
        around.get_by_role("row", name="Klachten van buren").get_by_role("cell").inner_text() == "7"
    )
    assert page.get_by_role("cell", name="n te klein").first.is_visible()
    page.screenshot(path="/tmp/monitoring-council.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.goto("/monitoring/portfolio/")
    assert page.get_by_role("row", name=world.complex.name).first.is_visible()
    page.get_by_label("Indicator", exact=True).select_option("severely_lonely")
    page.get_by_role("button", name="Tonen").click()
    page.wait_for_url("**indicator=severely_lonely")
    assert page.get_by_role("heading", name="Sterk eenzaam (DJG-6)").is_visible()
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path="/tmp/monitoring-portfolio-phone.png", full_page=True)


def test_letting_imports_arrears_and_publishes_the_fact_sheet(page, tmp_path) -> None:
    world = build_world()
    refresh_snapshots([world.complex], timezone.localdate())
    letting = factories.user(world.corporation, Role.LETTING)
    log_in(page, letting.email)
    page.goto(f"/complexes/{world.complex.pk}/monitoring/")
    page.get_by_role("link", name="Cijfers uit de administratie").click()
    assert_accessible(page)
    month = timezone.localdate().strftime("%Y-%m")
    wrong = tmp_path / "achterstand.csv"
    wrong.write_text(f"maand;huurachterstand;huishoudens\n{month};veel;6\n")
    page.get_by_label("Bestand (CSV of XLSX)").first.set_input_files(str(wrong))
    page.get_by_role("button", name="Huurachterstand importeren").click()
    assert page.get_by_text("Rij 2, huurachterstand: 'veel' is geen bedrag").is_visible()
    assert_accessible(page)
    right = tmp_path / "achterstand-goed.csv"
    right.write_text(f"maand;huurachterstand;huishoudens\n{month};1250,50;6\n")
    page.get_by_label("Bestand (CSV of XLSX)").first.set_input_files(str(right))
    page.get_by_role("button", name="Huurachterstand importeren").click()
    assert page.get_by_text("Import klaar: 1 rijen toegevoegd").is_visible()
    page.get_by_role("button", name="Feitenblad aanzetten").click()
    link = page.get_by_role("link", name="/feiten/")
    address = link.get_attribute("href")
    assert address
    page.context.clear_cookies()
    page.set_viewport_size(PHONE)
    page.goto(address)
    assert page.get_by_role("heading", name=f"Feitenblad {world.complex.name}").is_visible()
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path="/tmp/monitoring-fact-sheet-phone.png", full_page=True)
