import pytest
from django.utils import timezone

from magicmix.accounts.models import Role
from magicmix.conftest import assert_accessible, log_in
from magicmix.selection.models import Application
from magicmix.testing import factories

HEADER = "referentie;voornaam;achternaam;geboortedatum;e-mail;jaarinkomen;inkomensjaar;doelgroep;motivatie\n"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_import_applications_into_an_intake_from_a_file(page, tmp_path) -> None:
    intake = factories.intake(factories.complex(factories.organisation(), name="Riekerhaven"))
    officer = factories.user(intake.complex.organisation, Role.LETTING)
    year = timezone.localdate().year - 1
    wrong, good = tmp_path / "fout.csv", tmp_path / "aanmeldingen.csv"
    wrong.write_text(HEADER + f"R-1;Yusuf;;31-02-1999;y@example.nl;1;{year};astronaut;Hoi\n")
    good.write_text(HEADER + f"R-1;Yusuf;Demir;02-04-1999;y@example.nl;1;{year};starter;Hoi\n")
    log_in(page, officer.email)

    page.goto(f"/intakes/{intake.pk}/")
    page.get_by_role("link", name="Aanmeldingen importeren of exporteren").click()
    page.get_by_label("Bestand (CSV of XLSX)").set_input_files(str(wrong))
    page.get_by_role("button", name="Importeren").click()
    alert = page.get_by_role("alert").inner_text()
    assert "Er is niets geïmporteerd" in alert
    assert "Rij 2, achternaam: is verplicht" in alert
    assert "Rij 2, geboortedatum: '31-02-1999' is geen datum" in alert
    page.set_viewport_size({"width": 390, "height": 844})
    assert_accessible(page)
    page.screenshot(path="/tmp/fix14-application-import-phone.png", full_page=True)

    page.get_by_label("Bestand (CSV of XLSX)").set_input_files(str(good))
    page.get_by_role("button", name="Importeren").click()
    assert page.get_by_text("Import klaar: 1 aangemaakt, 0 bijgewerkt, 0 ongewijzigd.").is_visible()
    assert page.get_by_role("link", name="Yusuf Demir").is_visible()
    assert Application.objects.get(external_reference="R-1").intake == intake
