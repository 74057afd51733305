"""Application managers date new values; a value in effect is corrected by a new version."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from magicmix.accounts.models import Role
from magicmix.legal.forms import ParameterForm
from magicmix.legal.models import Kind, Parameter
from magicmix.testing import factories

pytestmark = pytest.mark.django_db

NEXT_YEAR = datetime.date(timezone.localdate().year + 1, 1, 1)


@pytest.fixture
def manager(client: Client) -> Client:
    client.force_login(factories.user(role=Role.APPLICATION_MANAGER))
    return client


@pytest.fixture
def future() -> Parameter:
    return Parameter.objects.create(kind=Kind.DAEB_RENT, valid_from=NEXT_YEAR, amount=Decimal(960))


def _form(**fields: object) -> dict[str, object]:
    data: dict[str, object] = {
        "kind": Kind.DAEB_RENT,
        "valid_from": NEXT_YEAR.isoformat(),
        "amount": "",
        "age_from": "",
        "age_below": "",
        "target_groups": "",
        "source_url": "",
        "note": "",
    }
    return data | fields


@pytest.mark.parametrize("role", [Role.LETTING, Role.SOCIAL_MANAGER, Role.POLICY_OFFICER])
def test_others_cannot_manage(client: Client, role: str) -> None:
    client.force_login(factories.user(role=role))
    record = Parameter.objects.filter(kind=Kind.DAEB_RENT).first()
    assert record is not None
    assert client.get(reverse("legal:manage")).status_code == 404
    assert client.get(reverse("legal:add")).status_code == 404
    assert client.post(reverse("legal:add"), _form(amount="1")).status_code == 404
    assert client.post(reverse("legal:change", args=[record.pk]), _form()).status_code == 404
    assert Parameter.objects.filter(valid_from=NEXT_YEAR).count() == 0


def test_everybody_logged_in_reads_the_values_in_effect(client: Client) -> None:
    client.force_login(factories.user(role=Role.RESIDENT_PANEL))
    response = client.get(reverse("legal:current"))
    assert response.status_code == 200
    assert "€ 932,93" in response.text  # DAEB rent limit 2026
    assert reverse("legal:manage") not in response.text


def test_manager_adds_next_years_indexation(manager: Client) -> None:
    response = manager.post(reverse("legal:add"), _form(amount="965.40"))
    assert response.status_code == 302
    added = Parameter.objects.get(kind=Kind.DAEB_RENT, valid_from=NEXT_YEAR)
    assert added.amount == Decimal("965.40")
    assert Parameter.objects.value_on(Kind.DAEB_RENT, NEXT_YEAR) == added
    assert added.history.count() == 1


def test_a_future_value_is_changed_in_place(manager: Client, future: Parameter) -> None:
    response = manager.post(
        reverse("legal:change", args=[future.pk]), _form(kind="", amount="965.40")
    )
    assert response.status_code == 302
    future.refresh_from_db()
    assert future.amount == Decimal("965.40")
    assert future.history.count() == 2
    assert Parameter.objects.filter(kind=Kind.DAEB_RENT, valid_from=NEXT_YEAR).count() == 1


def test_a_value_in_effect_is_corrected_by_a_new_version(manager: Client) -> None:
    old = Parameter.objects.get(kind=Kind.CAP_RENT_SMALL, valid_from=datetime.date(2026, 1, 1))
    response = manager.post(
        reverse("legal:change", args=[old.pk]),
        # kind and valid_from are fixed: posted values are ignored.
        _form(kind=Kind.DAEB_RENT, valid_from="2030-01-01", amount="713.00"),
    )
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.amount is None
    new = Parameter.objects.value_on(Kind.CAP_RENT_SMALL, datetime.date(2026, 6, 1))
    assert new is not None and new.pk != old.pk
    assert (new.kind, new.valid_from, new.amount) == (
        Kind.CAP_RENT_SMALL,
        datetime.date(2026, 1, 1),
        Decimal("713.00"),
    )


def test_a_future_value_cannot_be_moved_into_the_past(manager: Client, future: Parameter) -> None:
    response = manager.post(
        reverse("legal:change", args=[future.pk]), _form(valid_from="2025-06-01", amount="1")
    )
    assert response.status_code == 200
    assert "valid_from" in response.context["form"].errors
    future.refresh_from_db()
    assert future.valid_from == NEXT_YEAR


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"amount": ""}, "amount"),
        ({"amount": "-1"}, "amount"),
        ({"amount": "900", "target_groups": "student"}, "target_groups"),
        ({"kind": Kind.YOUNG_RENT, "amount": "500"}, "age_below"),
        (
            {"kind": Kind.YOUNG_RENT, "amount": "500", "age_from": "21", "age_below": "18"},
            "age_below",
        ),
        (
            {"kind": Kind.TEMPORARY_GROUPS, "target_groups": "student, niet geldig!"},
            "target_groups",
        ),
        ({"kind": "no-such-kind", "amount": "1"}, "kind"),
        ({"valid_from": "31-31-2027", "amount": "1"}, "valid_from"),
    ],
)
def test_invalid_values_are_refused(fields: dict[str, str], error_field: str) -> None:
    form = ParameterForm(_form(**fields))
    assert not form.is_valid()
    assert error_field in form.errors


def test_unknown_record_is_404(manager: Client) -> None:
    assert manager.get(reverse("legal:change", args=[999999])).status_code == 404


def test_pages_render_with_history(manager: Client) -> None:
    record = Parameter.objects.get(kind=Kind.YOUNG_RENT, valid_from=datetime.date(2026, 1, 1))
    assert manager.get(reverse("legal:manage")).status_code == 200
    add = manager.get(reverse("legal:add"), {"kind": Kind.YOUNG_RENT})
    assert add.context["form"]["kind"].value() == Kind.YOUNG_RENT
    correct = manager.get(reverse("legal:change", args=[record.pk]))
    assert correct.status_code == 200
    assert correct.context["form"]["amount"].value() == Decimal("498.20")
    assert "changes" in correct.context
