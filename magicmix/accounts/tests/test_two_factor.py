"""Two-factor login with django-otp on Django 6.1: setup, a code, a recovery code, and a staff
member without it is sent to set it up first."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from magicmix.accounts.models import Organisation, Role, User
from magicmix.testing import factories

pytestmark = [pytest.mark.django_db, pytest.mark.two_factor]


def _code(device: TOTPDevice, drift: int = 0) -> str:
    return f"{totp(device.bin_key, drift=drift):06d}"


def _log_in(client: Client, user: User) -> str:
    response = client.post(
        reverse("login"), {"username": user.email, "password": factories.PASSWORD}
    )
    assert response.status_code == 302
    home = client.get(reverse("home"))
    return home["Location"] if home.status_code == 302 else reverse("home")


def _set_up(client: Client, user: User) -> list[str]:
    _log_in(client, user)
    page = client.get(reverse("accounts:two_factor_setup"))
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert page.context["secret"].replace(" ", "") in device.config_url
    done = client.post(reverse("accounts:two_factor_setup"), {"code": _code(device), "next": "/"})
    assert done.status_code == 302
    codes = client.get(done["Location"]).context["codes"]
    assert len(codes) == 10
    return codes


@pytest.mark.parametrize("role", list(Role))
def test_every_role_without_two_factor_is_sent_to_set_it_up_first(
    client: Client, role: str
) -> None:
    # Policy officers and resident panels too: they see no names, but their accounts are
    # still worth taking over (a complex's figures, a panel's candidates).
    user = factories.user(role=role)
    assert _log_in(client, user).startswith(reverse("accounts:two_factor_setup"))
    assert client.get(reverse("people:person_list")).status_code == 302


def test_setup_then_a_code_from_the_app_logs_in(client: Client) -> None:
    user = factories.user(role=Role.LETTING)
    _set_up(client, user)
    assert client.get(reverse("people:person_list")).status_code == 200
    client.post(reverse("logout"))

    assert _log_in(client, user).startswith(reverse("accounts:two_factor_verify"))
    wrong = client.post(reverse("accounts:two_factor_verify"), {"code": "000000"})
    assert "Deze code klopt niet" in wrong.text
    device = TOTPDevice.objects.get(user=user)
    device.throttling_failure_count = 0  # the wrong code made the next try wait
    device.throttling_failure_timestamp = None
    device.save()
    right = client.post(
        reverse("accounts:two_factor_verify"), {"code": _code(device, drift=1), "next": "/persons/"}
    )
    assert right["Location"] == "/persons/"
    assert client.get(reverse("people:person_list")).status_code == 200


def test_a_recovery_code_works_once(client: Client) -> None:
    user = factories.user(role=Role.LETTING)
    codes = _set_up(client, user)
    client.post(reverse("logout"))
    _log_in(client, user)
    used = client.post(reverse("accounts:two_factor_verify"), {"code": codes[0]})
    assert used.status_code == 302
    assert not StaticToken.objects.filter(token=codes[0]).exists()
    assert StaticToken.objects.filter(device__user=user).count() == 9
    client.post(reverse("logout"))
    _log_in(client, user)
    again = client.post(reverse("accounts:two_factor_verify"), {"code": codes[0]})
    assert again.status_code == 200


def test_public_pages_are_not_stopped() -> None:
    anonymous = Client()
    assert anonymous.get(reverse("password_reset")).status_code == 200
    assert anonymous.get(reverse("selection:public_intakes")).status_code == 200


def test_the_setup_page_draws_the_key_as_a_qr_code_of_its_own(client: Client) -> None:
    municipality = factories.organisation(Organisation.Kind.MUNICIPALITY)
    _log_in(client, factories.user(municipality, Role.POLICY_OFFICER))
    page = client.get(reverse("accounts:two_factor_setup")).text
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert 'class="mm-qr"' in svg and "<title>QR-code voor de authenticator-app</title>" in svg
    assert "<image" not in svg and "http" not in svg.replace("http://www.w3.org/2000/svg", "")
