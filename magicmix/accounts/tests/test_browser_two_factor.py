"""In a browser: a letting officer scans the QR code of the setup page as a phone would, logs
in with a code from it, and later with a recovery code."""

from __future__ import annotations

import base64
import io
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import zxingcpp
from django_otp.oath import totp
from PIL import Image

from magicmix.accounts.models import Role
from magicmix.conftest import assert_accessible, log_in
from magicmix.testing import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.two_factor,
    pytest.mark.django_db(transaction=True),
]


def _code_for(secret: str, drift: int = 0) -> str:
    """What the phone shows: TOTP over the key the page gave (RFC 6238)."""
    plain = secret.replace(" ", "")
    key = base64.b32decode(plain + "=" * (-len(plain) % 8))
    return f"{totp(key, drift=drift):06d}"


def test_set_up_log_in_with_a_code_and_with_a_recovery_code(page: Any) -> None:
    officer = factories.user(role=Role.LETTING)
    log_in(page, officer.email)
    assert "/account/two-factor/setup/" in page.url
    assert_accessible(page)
    # Scan the QR code from the rendered page, as the authenticator app does.
    picture = Image.open(io.BytesIO(page.locator("svg.mm-qr").screenshot()))
    (link,) = [found.text for found in zxingcpp.read_barcodes(picture)]
    assert link.startswith("otpauth://totp/")
    secret = parse_qs(urlparse(link).query)["secret"][0]
    assert secret == page.locator("#secret").inner_text().replace(" ", "")
    page.get_by_label("Code").fill(_code_for(secret))
    page.get_by_role("button", name="Bevestigen").click()
    page.get_by_role("heading", name="Herstelcodes").wait_for()
    assert_accessible(page)
    codes = page.locator(".mm-codes code").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="Verder").click()
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, officer.email)
    assert "/account/two-factor/" in page.url
    assert_accessible(page)
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: "two-factor" not in url)
    assert page.get_by_role("link", name="Uw account").is_visible()
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, officer.email)  # the code of the next half minute: each code works once
    page.get_by_label("Code").fill(_code_for(secret, drift=1))
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: "two-factor" not in url)
    assert page.get_by_role("link", name="Uw account").is_visible()
