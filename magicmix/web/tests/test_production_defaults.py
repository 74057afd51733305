"""Hole 9: production defaults. With DEBUG off magicmix is HTTPS-only, `check --deploy` is
clean, pages with personal data are not cached, and the client's address is the one the
configured proxy saw."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from magicmix.testing import factories
from magicmix.web.client_ip import client_ip

PRODUCTION = {
    "SECRET_KEY": "a-long-random-production-key-" + "k3Y" * 20,
    "ALLOWED_HOSTS": "magicmix.example.nl",
}


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    dropped = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}  # the last one set by pytest
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env={**clean, **PRODUCTION, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_nothing_with_the_production_environment() -> None:
    checked = _manage("check", "--deploy", "--fail-level", "WARNING")
    assert checked.returncode == 0, checked.stderr
    assert "System check identified no issues" in checked.stdout


def test_production_redirects_to_https_with_hsts_and_trusts_only_a_configured_proxy() -> None:
    show = (
        "from django.conf import settings as s;"
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_PRELOAD,"
        " getattr(s, 'SECURE_PROXY_SSL_HEADER', None))"
    )
    direct = _manage("shell", "-v", "0", "-c", show)
    assert direct.stdout.split() == ["True", "31536000", "True", "None"], direct.stderr
    behind = _manage("shell", "-v", "0", "-c", show, TRUSTED_PROXY_COUNT="1")
    assert "('HTTP_X_FORWARDED_PROTO', 'https')" in behind.stdout


def test_the_csp_comes_from_django_itself_and_django_csp_is_gone() -> None:
    assert "csp" not in settings.INSTALLED_APPS
    assert "django.middleware.csp.ContentSecurityPolicyMiddleware" in settings.MIDDLEWARE
    requirements = (settings.BASE_DIR / "requirements.txt").read_text()
    assert "django-csp" not in requirements


@pytest.mark.django_db
def test_pages_with_personal_data_are_not_stored_by_browsers_or_proxies(client: Client) -> None:
    member = factories.user()
    client.force_login(member)
    for url in (reverse("home"), reverse("people:person_list"), reverse("login")):
        response = client.get(url)
        assert "no-store" in response["Cache-Control"], url
        assert "private" in response["Cache-Control"], url


@pytest.mark.django_db
@override_settings(
    TRUSTED_PROXY_COUNT=1, SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")
)
def test_behind_the_proxy_requests_are_https_and_the_address_is_the_clients() -> None:
    request = RequestFactory().get(
        "/",
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7",  # a forged first hop, then the real one
        HTTP_X_FORWARDED_PROTO="https",
    )
    assert client_ip(request) == "198.51.100.7"
    assert request.is_secure()
    assert client_ip(RequestFactory().get("/", REMOTE_ADDR="10.0.0.2")) == "10.0.0.2"


def test_without_a_proxy_a_forwarded_header_is_ignored() -> None:
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert client_ip(request) == "198.51.100.7"
