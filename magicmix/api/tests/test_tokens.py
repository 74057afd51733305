"""Tokens: stored hashed, act as their organisation's role, refused once revoked or expired."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.backends import ModelBackend
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from magicmix.accounts.models import Organisation, Role
from magicmix.api.models import ApiToken, Scope, hash_secret
from magicmix.api.services import revoke
from magicmix.testing import factories

from .conftest import ApiClient, issue

pytestmark = pytest.mark.django_db


def test_only_the_hash_is_stored_and_use_is_recorded():
    corporation = factories.organisation()
    secret = issue(corporation)
    token = ApiToken.objects.get()
    assert secret.startswith("mm_") and len(secret) > 40
    assert token.secret_hash == hash_secret(secret) and secret not in token.secret_hash
    assert token.last_used_at is None
    assert ApiClient(secret).get("/complexes").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_the_token_account_cannot_log_in():
    issue(factories.organisation())
    account = ApiToken.objects.get().account
    assert not account.has_usable_password() and not account.is_active
    assert not ModelBackend().user_can_authenticate(account)


@pytest.mark.parametrize("secret", ["", "mm_guessed", "Basic abc"])
def test_a_wrong_secret_is_401(secret):
    issue(factories.organisation())
    assert ApiClient(secret or None).get("/complexes").status_code == 401


def test_revoked_and_expired_tokens_are_401():
    corporation = factories.organisation()
    secret = issue(corporation)
    revoke(ApiToken.objects.get())
    assert ApiClient(secret).get("/complexes").status_code == 401
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    expired = issue(corporation, expires_on=yesterday)
    assert ApiClient(expired).get("/complexes").status_code == 401


def test_a_missing_scope_is_403_with_the_scope_named():
    corporation = factories.organisation()
    response = ApiClient(issue(corporation, scopes=[Scope.READ_STOCK])).get("/persons")
    assert response.status_code == 403
    assert "read-persons" in response.json()["detail"]


def test_a_manager_issues_for_own_corporation_and_its_partners_only(client: Client):
    corporation = factories.organisation()
    manager = factories.user(corporation, Role.APPLICATION_MANAGER)
    partner = factories.organisation(Organisation.Kind.PARTNER)
    factories.partner(factories.complex(corporation), partner)
    stranger = factories.organisation()
    client.force_login(manager)
    form = {
        "name": "COA koppeling",
        "role": Role.PARTNER_CASEWORKER,
        "scopes": [Scope.NOMINATE],
        "expires_on": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
    }
    refused = client.post(reverse("api:token_create"), form | {"organisation": stranger.pk})
    assert refused.status_code == 200 and not ApiToken.objects.exists()
    wrong_role = client.post(
        reverse("api:token_create"), form | {"organisation": partner.pk, "role": Role.LETTING}
    )
    assert wrong_role.status_code == 200 and not ApiToken.objects.exists()
    issued = client.post(reverse("api:token_create"), form | {"organisation": partner.pk})
    token = ApiToken.objects.get()
    assert (token.organisation, token.issuer, token.role) == (
        partner,
        corporation,
        Role.PARTNER_CASEWORKER,
    )
    assert token.account.memberships.get().organisation == partner
    assert "mm_" in issued.content.decode()


def test_other_managers_and_other_roles_get_404(client: Client):
    corporation = factories.organisation()
    issue(corporation)
    token = ApiToken.objects.get()
    other_manager = factories.user(factories.organisation(), Role.APPLICATION_MANAGER)
    client.force_login(other_manager)
    assert client.post(reverse("api:token_revoke", args=[token.pk])).status_code == 404
    assert token.name not in client.get(reverse("api:token_list")).content.decode()
    client.force_login(factories.user(corporation, Role.LETTING))
    assert client.get(reverse("api:token_list")).status_code == 404
    assert client.get(reverse("api:token_create")).status_code == 404
