import pytest

from magicmix.accounts.models import Role
from magicmix.conftest import assert_accessible, log_in
from magicmix.testing import factories


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_search_a_person_and_change_the_role(page) -> None:
    org = factories.organisation()
    manager = factories.user(org, Role.SOCIAL_MANAGER, full_name="Fatima Sociaal")
    factories.person(org, "uitstroom-mo", first_name="Karim", last_name="Bouzid")
    factories.person(org, "student", first_name="Lotte", last_name="Jansen")
    log_in(page, manager.email)

    page.goto("/persons/")
    assert_accessible(page)
    page.get_by_role("textbox", name="Zoeken").fill("karim")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Bouzid, Karim").click()
    assert page.get_by_role("heading", name="Karim Bouzid", level=1).is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Rol wijzigen").click()
    assert_accessible(page)
    page.get_by_label("nieuwe rol").select_option(label="dragend")
    page.get_by_label("reden").fill("Werkt als gangmaker")
    page.get_by_role("button", name="Opslaan").click()

    assert page.get_by_text("De rol is nu dragend.").is_visible()
    roles = page.get_by_role("region", name="Rolgeschiedenis")
    assert (
        roles.get_by_role("row")
        .filter(has_text="Werkt als gangmaker")
        .filter(has_text="Fatima Sociaal")
        .is_visible()
    )
    history = page.get_by_role("region", name="Geschiedenis")
    change = history.get_by_role("row").filter(has_text="Fatima Sociaal")
    assert change.get_by_role("listitem").filter(has_text="rol:").is_visible()
    assert_accessible(page)
