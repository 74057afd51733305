"""An application manager issues a token in the browser, a script uses it, the manager sees
"last used" and revokes it, and the script is refused from then on."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from magicmix.accounts.models import Role
from magicmix.conftest import assert_accessible, log_in
from magicmix.testing import factories


def _script(base_url: str, secret: str) -> tuple[int, dict]:
    """What an outside system does: one GET with the token, over real HTTP."""
    request = urllib.request.Request(
        f"{base_url}/api/v1/complexes", headers={"Authorization": f"Bearer {secret}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_issue_use_see_last_used_and_revoke(page, live_server) -> None:
    corporation = factories.organisation(name="Mitros")
    factories.complex(corporation, name="MIXIT")
    manager = factories.user(corporation, Role.APPLICATION_MANAGER)
    log_in(page, manager.email)

    page.get_by_role("link", name="API-tokens").click()
    assert_accessible(page)
    page.get_by_role("link", name="Token uitgeven").click()
    page.get_by_label("Naam").fill("ERP Tobias")
    page.get_by_label("Namens organisatie").select_option(label="Mitros")
    page.get_by_label("In de rol van").select_option(label="verhuur")
    page.get_by_label("woningvoorraad lezen (complexen, clusters, eenheden)").check()
    assert_accessible(page)
    page.get_by_role("button", name="Uitgeven").click()
    secret = page.get_by_label("Token").input_value()
    assert secret.startswith("mm_")
    assert_accessible(page)

    status, body = _script(live_server.url, secret)
    assert status == 200 and [c["name"] for c in body["results"]] == ["MIXIT"]

    page.get_by_role("link", name="Terug naar de tokens").click()
    last_used = page.get_by_test_id("last-used").inner_text()
    assert last_used != "nooit" and "20" in last_used
    page.get_by_role("button", name="Intrekken ERP Tobias").click()
    assert "is ingetrokken" in page.get_by_role("status").first.inner_text()
    assert page.get_by_role("cell", name="ingetrokken").is_visible()
    assert_accessible(page)

    status, body = _script(live_server.url, secret)
    assert status == 401 and body["status"] == 401
