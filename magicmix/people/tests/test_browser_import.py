import pytest

from magicmix.accounts.models import Role
from magicmix.conftest import assert_accessible, log_in
from magicmix.people.models import Person
from magicmix.testing import factories

HEADER = "referentie;voornaam;achternaam;geboortedatum;doelgroep\n"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_import_persons_then_tenancies_from_files(page, tmp_path) -> None:
    org = factories.organisation(name="Woonstede")
    gang = factories.cluster(factories.complex(org, name="Riekerhaven"))
    factories.unit(gang, code="A-1")
    officer = factories.user(org, Role.LETTING)
    wrong, persons, tenancies = (
        tmp_path / "fout.csv",
        tmp_path / "personen.csv",
        tmp_path / "huur.csv",
    )
    wrong.write_text(HEADER + "K-1;Yusuf;;31-02-1999;astronaut\n")
    persons.write_text(HEADER + "K-1;Yusuf;Demir;02-04-1999;statushouder\n")
    tenancies.write_text(
        "complex;eenheid;referentie;ingangsdatum\nRiekerhaven;A-1;K-1;01-03-2024\n"
    )
    log_in(page, officer.email)

    page.goto("/persons/")
    page.get_by_role("link", name="Personen importeren of exporteren").click()
    page.get_by_label("Bestand (CSV of XLSX)").set_input_files(str(wrong))
    page.get_by_role("button", name="Importeren").click()
    alert = page.get_by_role("alert")
    assert "Er is niets geïmporteerd" in alert.inner_text()
    assert "Rij 2, achternaam: is verplicht" in alert.inner_text()
    assert "Rij 2, geboortedatum: '31-02-1999' is geen datum" in alert.inner_text()
    assert_accessible(page)
    page.screenshot(path="/tmp/i14-person-import-problems.png", full_page=True)

    page.get_by_label("Bestand (CSV of XLSX)").set_input_files(str(persons))
    page.get_by_role("button", name="Importeren").click()
    assert page.get_by_text("Import klaar: 1 aangemaakt, 0 bijgewerkt, 0 ongewijzigd.").is_visible()
    assert page.get_by_role("link", name="Demir, Yusuf").is_visible()

    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("link", name="Huurovereenkomsten importeren of exporteren").click()
    assert_accessible(page)
    page.get_by_label("Bestand (CSV of XLSX)").set_input_files(str(tenancies))
    page.get_by_role("button", name="Importeren").click()
    assert page.get_by_text("Import klaar: 1 aangemaakt, 0 bijgewerkt, 0 ongewijzigd.").is_visible()
    page.screenshot(path="/tmp/i14-tenancy-import-phone.png", full_page=True)
    assert Person.objects.get(external_reference="K-1").tenancies.get().unit.code == "A-1"
