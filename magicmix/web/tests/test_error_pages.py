"""Error pages in Dutch and English that explain an expired or replaced link; the 500 page
needs no database."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.defaults import permission_denied

from magicmix.testing import factories
from magicmix.web.views import server_error

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _production(settings: object) -> None:
    settings.DEBUG = False  # type: ignore[attr-defined]


def test_an_old_offer_or_status_link_explains_itself_in_both_languages(client: Client) -> None:
    response = client.get("/apply/status/een-oude-link/")
    assert response.status_code == 404
    text = response.text
    assert "vervangen door een nieuwere link" in text
    assert "replaced by a newer one" in text
    assert '<section lang="en"' in text
    assert "Not Found" not in text


def test_an_expired_form_says_nothing_was_saved() -> None:
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("login"), {"username": "a@example.nl", "password": "x"})
    assert response.status_code == 403
    assert "Dit formulier is verlopen" in response.text
    assert "This form has expired" in response.text


def test_a_permission_error_asks_to_log_in_again() -> None:
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    response = permission_denied(request, exception=Exception())
    assert response.status_code == 403
    assert "Log opnieuw in" in response.content.decode()


def test_the_500_page_renders_without_touching_the_database(
    django_assert_num_queries: object,
) -> None:
    factories.organisation()
    with django_assert_num_queries(0):  # type: ignore[operator]
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    page = response.content.decode()
    assert "Er ging bij ons iets mis" in page and "Something went wrong" in page
