import pytest
from django.utils import timezone

from magicmix.accounts.models import Role
from magicmix.conftest import assert_accessible, log_in
from magicmix.testing import factories


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_manager_adds_next_years_value_and_sees_it(page) -> None:
    next_year = timezone.localdate().year + 1
    manager = factories.user(role=Role.APPLICATION_MANAGER)
    log_in(page, manager.email)
    page.goto("/legal/")
    assert page.get_by_role("heading", name="Wettelijke parameters").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Gedateerde waarden beheren").click()
    assert_accessible(page)
    page.get_by_role(
        "link", name="Gedateerde waarde toevoegen — DAEB-huurgrens (huurtoeslaggrens)"
    ).click()
    assert_accessible(page)
    page.get_by_label("Geldig vanaf").fill(f"{next_year}-01-01")
    page.get_by_label("Waarde").fill("965.40")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/legal/manage/")
    section = page.get_by_role("region", name="DAEB-huurgrens (huurtoeslaggrens)")
    row = section.get_by_role("row", name=f"1 januari {next_year}")
    assert "€ 965,40" in row.inner_text() and "toekomstig" in row.inner_text()
    assert_accessible(page)
    page.goto("/legal/")
    assert (
        f"€ 965,40 (vanaf 1 januari {next_year})"
        in page.get_by_role("row").filter(has_text="DAEB-huurgrens").inner_text()
    )
