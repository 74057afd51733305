"""A letting officer corrects an applicant's phone number and e-mail address from the
application page, sees a wrong address refused in Dutch, and the change in the history."""

import pytest

from magicmix.accounts.models import Role
from magicmix.conftest import assert_accessible, log_in
from magicmix.selection.models import Application
from magicmix.testing import factories


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_letting_officer_corrects_an_application(page) -> None:
    intake = factories.intake(factories.complex(factories.organisation(), name="Riekerhaven"))
    application, _token = factories.application(intake, first_name="Noor", phone="0611111111")
    officer = factories.user(intake.complex.organisation, Role.LETTING)
    log_in(page, officer.email)

    page.goto(f"/applications/{application.pk}/")
    page.get_by_role("link", name="Gegevens van de aanmelder verbeteren").click()
    page.wait_for_url(f"**/applications/{application.pk}/correct/")
    assert_accessible(page)
    page.get_by_label("E-mailadres").fill("geen-adres")
    page.get_by_role("button", name="Opslaan").click()
    assert "Voer een geldig e-mailadres in." in page.locator("main").inner_text()
    assert_accessible(page)

    page.get_by_label("E-mailadres").fill("noor@example.nl")
    page.get_by_label("Telefoon").fill("0622222222")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"**/applications/{application.pk}/")
    assert page.get_by_text("De gegevens van de aanmelder zijn verbeterd.").is_visible()
    assert_accessible(page)
    stored = Application.objects.get(pk=application.pk)
    assert (stored.email, stored.phone) == ("noor@example.nl", "0622222222")
