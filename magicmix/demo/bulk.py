"""Inserting generated rows in bulk, with or without a first history record.

The demo keeps history (`bulk_create_with_history`): its pages then show who made each record,
like any record made in the user interface, at a cost of milliseconds for a thousand rows.
The load-test portfolio does not: history rows would double a million-row insert, and the
pages under test read current data only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from django.contrib.auth.hashers import make_password
from django.db import models
from simple_history.utils import bulk_create_with_history

from magicmix.accounts.models import Membership, Organisation, User

M = TypeVar("M", bound=models.Model)

BATCH_SIZE = 2000
CHANGE_REASON = "Gegenereerde demonstratiegegevens"


class Writer:
    def __init__(self, history: bool) -> None:
        self.history = history

    def create(self, objs: Sequence[M]) -> list[M]:
        if not objs:
            return []
        model = type(objs[0])
        if self.history and hasattr(model, "history"):
            created: list[M] = bulk_create_with_history(
                list(objs), model, batch_size=BATCH_SIZE, default_change_reason=CHANGE_REASON
            )
            return created
        return model._default_manager.bulk_create(objs, batch_size=BATCH_SIZE)


def create_users(users: Sequence[tuple[str, str, Organisation, str]], password: str) -> None:
    """Users (e-mail, name, organisation, role) sharing one password, hashed once: hashing is
    slow on purpose."""
    hashed = make_password(password)
    created = User.objects.bulk_create(
        [User(email=email, full_name=name, password=hashed) for email, name, _o, _r in users]
    )
    Membership.objects.bulk_create(
        [
            Membership(user=user, organisation=organisation, role=role)
            for user, (_e, _n, organisation, role) in zip(created, users, strict=True)
        ]
    )
