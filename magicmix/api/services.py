"""Issue and revoke API tokens.

`issue` creates, in one transaction, the token's system account (a `User` that can never log
in: no usable password and inactive), its single membership and the token row, and returns the
secret once; only its hash is stored. `revoke` takes effect on the next call.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from magicmix.accounts.models import Membership, Organisation, User

from .models import ApiToken, hash_secret, new_secret


@transaction.atomic
def issue(
    *,
    name: str,
    issuer: Organisation,
    organisation: Organisation,
    role: str,
    scopes: Iterable[str],
    expires_on: datetime.date,
    by: User,
) -> tuple[ApiToken, str]:
    """A new token and its secret (shown once)."""
    account = User.objects.create_user(
        email=f"api-{uuid.uuid4().hex}@tokens.invalid",
        full_name=f"API: {name}",
        is_active=False,
    )  # without a password: an unusable one
    Membership.objects.create(user=account, organisation=organisation, role=role)
    secret = new_secret()
    token = ApiToken.objects.create(
        name=name,
        issuer=issuer,
        organisation=organisation,
        role=role,
        scopes=sorted(set(scopes)),
        account=account,
        secret_hash=hash_secret(secret),
        hint=secret[:8],
        expires_on=expires_on,
        created_by=by,
    )
    return token, secret


def revoke(token: ApiToken) -> None:
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())


def authenticate(secret: str) -> ApiToken | None:
    """The usable token with this secret, marked as used; None for anything else."""
    token = (
        ApiToken.objects.usable()
        .select_related("account")
        .filter(secret_hash=hash_secret(secret))
        .first()
    )
    if token is not None:
        token.mark_used()
    return token
