"""Shared fixtures. Browser tests drive Debian's Chromium through Playwright and check axe-core."""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from typing import Any

import pytest

from magicmix.testing import factories

# Playwright runs an event loop in the test thread; Django's ORM is used synchronously next to it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    # Real hashing is deliberately slow; tests log in hundreds of times.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _two_factor(request: pytest.FixtureRequest, settings: Any) -> None:
    """Tests log in with force_login and a password; two-factor login is tested where it is
    marked `two_factor` (magicmix/accounts/tests)."""
    settings.TWO_FACTOR_REQUIRED = request.node.get_closest_marker("two_factor") is not None


@pytest.fixture(autouse=True)
def _legal_parameters(request: pytest.FixtureRequest) -> None:
    """A transactional test flushes every table, also the legal parameters a data migration
    seeds; put them back so that no test depends on the order in which tests run."""
    if request.node.get_closest_marker("django_db") is None:
        return
    from django.apps import apps

    from magicmix.legal.models import Parameter

    if not Parameter.objects.exists():
        importlib.import_module("magicmix.legal.migrations.0002_seed_2025_2026").seed(apps, None)
        importlib.import_module("magicmix.legal.migrations.0004_dutch_notes").translate(apps, None)


@pytest.fixture
def sqlite_begin_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Concurrency tests: SQLite's in-memory test database waits for its write lock."""
    from magicmix.testing.concurrency import begin_waits

    begin_waits(monkeypatch)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


def assert_accessible(page: Any) -> None:
    """Fail on any serious or critical axe-core finding on the current page."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import Error

    for attempt in range(3):
        # A click that submits a form or follows a link may still be navigating: axe then
        # finds no document, or its context is destroyed. Check the page that arrives.
        page.wait_for_load_state("load")
        try:
            results = Axe().run(page)
            break
        except Error:
            if attempt == 2:
                raise
    violations = [
        v for v in results.response["violations"] if v["impact"] in {"serious", "critical"}
    ]
    assert not violations, [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in violations
    ]


def log_in(page: Any, email: str, password: str = factories.PASSWORD) -> None:
    page.goto("/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: "/login/" not in url)
