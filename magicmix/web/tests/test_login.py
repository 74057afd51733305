from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.conftest import assert_accessible, log_in
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


def test_pages_need_a_login(client: Client) -> None:
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_login_with_email_lands_on_the_start_page_and_shows_own_complexes_only(
    client: Client,
) -> None:
    member = factories.user(full_name="Lotte Verhuur")
    org = member.memberships.get().organisation
    factories.complex(org, name="Startblok Riekerhaven")
    factories.complex(name="Complex van een ander")
    response = client.post(
        reverse("login"), {"username": member.email, "password": factories.PASSWORD}, follow=True
    )
    assert response.context["user"] == member
    assert "Welkom, Lotte Verhuur" in response.text
    response = client.get(reverse("housing:complex_list"))
    assert "Startblok Riekerhaven" in response.text
    assert "Complex van een ander" not in response.text


def test_repeated_failures_lock_the_account(client: Client) -> None:
    member = factories.user()
    for _ in range(5):
        client.post(reverse("login"), {"username": member.email, "password": "wrong"})
    response = client.post(
        reverse("login"), {"username": member.email, "password": factories.PASSWORD}
    )
    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.text


def test_responses_carry_a_strict_content_security_policy(client: Client) -> None:
    response = client.get(reverse("login"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_login_in_a_browser_is_accessible(page: Any) -> None:
    member = factories.user(full_name="Lotte Verhuur")
    page.goto("/login/")
    assert_accessible(page)
    log_in(page, member.email)
    assert page.get_by_role("heading", name="Welkom, Lotte Verhuur").is_visible()
    assert_accessible(page)
