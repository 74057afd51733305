"""Every role lands on its own start page: what it has to do, with counts and links."""

from __future__ import annotations

from typing import Any

import pytest

from magicmix.accounts.models import Role
from magicmix.conftest import assert_accessible, log_in

from .scene import scene

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EXPECTED = {
    Role.APPLICATION_MANAGER: ["2 Wettelijke waarden ontbreken", "1 Toetsen te beoordelen"],
    Role.LETTING: ["1 Aanbiedingen die bijna verlopen", "2 Vrije woningen zonder ronde"],
    Role.SOCIAL_MANAGER: ["1 Huurcontracten die binnen 3 maanden eindigen"],
    Role.RESIDENT_PANEL: ["1 Adviezen te geven"],
    Role.PARTNER_CASEWORKER: [],
    Role.POLICY_OFFICER: [],
}


def test_each_role_sees_its_own_tasks(browser: Any, live_server: Any) -> None:
    scene_ = scene()
    for role, tasks in EXPECTED.items():
        context = browser.new_context(base_url=live_server.url, locale="nl-NL")
        page = context.new_page()
        log_in(page, scene_.users[role].email)
        links = page.locator(".mm-tasks a")
        shown = [" ".join(text.split()) for text in links.all_inner_texts()]
        assert set(tasks) <= set(shown), (role, shown)
        if not tasks:
            assert shown == []
            assert page.get_by_text("Er wacht nu niets op u.").is_visible()
        assert_accessible(page)
        page.screenshot(path=f"/tmp/intake/start-{role}.png", full_page=True)
        if tasks:
            links.first.click()
            page.wait_for_load_state()
            assert_accessible(page)
        context.close()
