"""In a real browser, with axe on every page: a social manager enters the ingredients of a
complex, compares the complexes, imports another project's benchmark document and sees
where the complex stands."""

import json

import pytest

from magicmix.conftest import assert_accessible, log_in

from .conftest import build_world
from .test_benchmark_import import other_project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def test_enter_ingredients_compare_import_and_see_the_percentile(page, tmp_path) -> None:
    world = build_world()
    log_in(page, world.manager.email)
    page.goto(f"/complexes/{world.complex.pk}/monitoring/")
    page.get_by_role("link", name="Ingrediënten", exact=True).click()
    assert page.get_by_text("Eenheden in gebruik").is_visible()
    page.get_by_label("selectie met motivatiebrief").check()
    page.get_by_label("selectie met gesprek").check()
    page.get_by_label("bijdragenorm (uren per maand)").fill("16")
    page.get_by_label("model voor sociaal beheer").select_option("gangmakers")
    page.get_by_label("sociaal beheer (uren per week)").fill("8")
    page.get_by_label("begeleidingsmodel").select_option("on_site")
    assert_accessible(page)
    page.get_by_role("button", name="Ingrediënten opslaan").click()
    assert page.get_by_text("De ingrediënten zijn opgeslagen.").is_visible()
    page.screenshot(path="/tmp/monitoring-ingredients.png", full_page=True)

    page.get_by_role("link", name="Ingrediënten naast uitkomsten").first.click()
    table = page.get_by_role("table")
    assert table.get_by_text("gangmakers per gang, 8,0 u/week").is_visible()
    assert table.get_by_text("motivatiebrief, gesprek").is_visible()
    page.get_by_label("Sociaal beheer").select_option("self_management")
    page.get_by_role("button", name="Filteren").click()
    assert page.get_by_text("Geen complex dat u mag zien heeft deze ingrediënten.").is_visible()
    page.get_by_role("link", name="Alles tonen").click()
    assert page.get_by_text("nooit een bewijs", exact=False).is_visible()
    assert_accessible(page)
    page.screenshot(path="/tmp/monitoring-comparison.png", full_page=True)

    document = tmp_path / "zonnehoek.json"
    document.write_text(
        json.dumps(other_project("Verzonnen project Zonnehoek", {"occupancy": 92.5}))
    )
    page.goto(f"/complexes/{world.complex.pk}/benchmark/")
    assert page.get_by_text("Er is nog geen benchmarkdocument").is_visible()
    page.get_by_role("link", name="Een document importeren").click()
    assert_accessible(page)
    page.get_by_label("Benchmarkdocument (JSON)").set_input_files(str(document))
    page.get_by_role("button", name="Importeren").click()
    assert page.get_by_text("Verzonnen project Zonnehoek (2026-Q3) is geïmporteerd.").is_visible()
    # 12 of 12 units let: 100 %, above the one other project's 92.5 %.
    assert page.get_by_text("Percentiel 100 van 1 ander project").is_visible()
    page.set_viewport_size(PHONE)
    assert page.locator("svg.mm-chart").count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page)
    page.screenshot(path="/tmp/monitoring-benchmark-phone.png", full_page=True)
