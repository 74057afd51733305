"""A letting officer imports units in a real browser: first a file with an error, then a good one."""

from __future__ import annotations

import pytest

from magicmix.accounts.models import Role
from magicmix.conftest import assert_accessible, log_in
from magicmix.housing.models import Unit
from magicmix.testing import factories

HEADER = "code;cluster;type;woonoppervlak;kale huur;servicekosten\n"
ROWS = "G-1;Gebouw A / Gang 1;studio;23,5;476,50;60\nG-2;Gebouw A / Gang 1;kamer;14;350;40\n"


def _file(text: str) -> dict[str, object]:
    return {"name": "wooneenheden.csv", "mimeType": "text/csv", "buffer": text.encode()}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_importing_units_in_the_browser(page) -> None:
    corporation = factories.organisation(name="Portaal")
    officer = factories.user(corporation, Role.LETTING)
    complex_ = factories.complex(corporation, name="Place2BU")
    log_in(page, officer.email)

    page.goto("/complexes/")
    assert_accessible(page)
    page.get_by_role("link", name="Place2BU").click()
    assert page.get_by_role("heading", name="Place2BU", level=1).is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Wooneenheden importeren").click()
    assert_accessible(page)
    page.get_by_label("Bestand (CSV of XLSX)").set_input_files(
        _file(HEADER + ROWS + "G-3;Gebouw A / Gang 1;studio;20;12,x;0\n")
    )
    page.get_by_role("button", name="Importeren").click()
    alert = page.get_by_role("alert")
    assert "Er is niets geïmporteerd" in alert.inner_text()
    assert "Rij 4, kale huur: '12,x' is geen bedrag" in alert.inner_text()
    assert not Unit.objects.filter(complex=complex_).exists()
    assert_accessible(page)

    page.get_by_label("Bestand (CSV of XLSX)").set_input_files(_file(HEADER + ROWS))
    page.get_by_role("button", name="Importeren").click()
    page.wait_for_url(f"**/complexes/{complex_.pk}/units/")
    assert "2 wooneenheden aangemaakt" in page.get_by_role("status").first.inner_text()
    assert page.get_by_role("link", name="G-1").is_visible()
    assert page.get_by_role("cell", name="Gebouw A / Gang 1").first.is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="G-1").click()
    assert page.get_by_role("heading", name="Wooneenheid G-1").is_visible()
    assert_accessible(page)

    for path in (
        f"/complexes/{complex_.pk}/units/{Unit.objects.get(code='G-1').pk}/edit/",
        f"/complexes/{complex_.pk}/",
        f"/complexes/{complex_.pk}/partners/",
        f"/complexes/{complex_.pk}/clusters/new/",
        "/complexes/new/",
    ):
        page.goto(path)
        assert_accessible(page)
    assert page.get_by_label("Postcode").is_visible()
