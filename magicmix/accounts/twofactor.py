"""Two-factor login for every role, through django-otp.

A code from an authenticator app (TOTP, RFC 6238) is asked after the password; ten recovery
codes, each usable once, stand in when the phone is lost. Who holds a role in
TWO_FACTOR_ROLES and has not set it up yet is sent to the setup page before anything else;
pages without login (the public application form, password reset) are never stopped.
`settings.TWO_FACTOR_REQUIRED` turns the requirement off, for the test suite only.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import Role, User

# Every role: aggregate roles see no names, but an account that sees a complex's figures or a
# panel's candidates is worth taking over, and one rule is easier to audit than two.
TWO_FACTOR_ROLES = frozenset(Role)
RECOVERY_CODES = 10


def needs_two_factor(user: Any) -> bool:
    return bool(
        settings.TWO_FACTOR_REQUIRED and user.is_authenticated and user.has_role(*TWO_FACTOR_ROLES)
    )


def pending_device(user: User) -> TOTPDevice:
    """The authenticator being set up: a new secret until a code from it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def secret_of(device: TOTPDevice) -> str:
    """The key as authenticator apps ask for it when typed in: base32, in groups of four."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """The authenticator's otpauth:// link as a QR code, an SVG drawn here (no image service)."""
    buffer = io.BytesIO()
    code = segno.make(device.config_url, error="m")
    title = _("QR code for the authenticator app")
    code.save(buffer, kind="svg", xmldecl=False, scale=5, border=2, title=title, svgclass="mm-qr")
    return buffer.getvalue().decode()


def confirm(request: HttpRequest, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the authenticator with a code from it; returns fresh recovery codes, or None
    when the code is wrong. Earlier authenticators of the user are removed."""
    if not device.verify_token(token):
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save()
        codes = new_recovery_codes(device.user)
    otp_login(request, device)
    return codes


def new_recovery_codes(user: User) -> list[str]:
    """Ten new recovery codes; the old ones stop working."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name="recovery")
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def verify(request: HttpRequest, token: str) -> bool:
    """A code from the authenticator or an unused recovery code (used up by this)."""
    token = "".join(token.split())
    # Each kind of code goes to its own device: a recovery code tried on the authenticator
    # would count as a failed attempt there and throttle the user's next real code.
    kind = TOTPDevice if len(token) == 6 and token.isdigit() else StaticDevice
    devices = kind.objects.devices_for_user(request.user)
    device = next((found for found in devices if found.verify_token(token)), None)
    if device is None:
        return False
    otp_login(request, device)
    return True


def exempt[V: Callable[..., HttpResponse]](view: V) -> V:
    """A view that a user who still has to give a code may open (setup, verify, log out)."""
    view.two_factor_exempt = True  # type: ignore[attr-defined]
    return view


class TwoFactorMiddleware:
    """Sends a user who needs two-factor login to the setup or code page first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        if not getattr(view, "login_required", True) or getattr(view, "two_factor_exempt", False):
            return None
        user: Any = request.user
        if not needs_two_factor(user) or user.is_verified():
            return None
        page = (
            "accounts:two_factor_verify" if user_has_device(user) else "accounts:two_factor_setup"
        )
        return redirect(f"{reverse(page)}?{urlencode({'next': request.get_full_path()})}")
