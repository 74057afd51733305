import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction
from django.test import override_settings

from magicmix.demo import showcase

TODAY = datetime.date(2025, 6, 1)


def fast_hashing() -> override_settings:
    """Hashing is slow on purpose; the generators' tests do not test it."""
    return override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])


@pytest.fixture(scope="module")
def demo(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    """The demo portfolio, built once per module and rolled back after it: a longer-lived
    transaction would leak the demo into other apps' tests."""
    with django_db_blocker.unblock(), transaction.atomic(), fast_hashing():
        showcase.build(seed=1, today=TODAY)
        yield
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def hash_fast() -> Iterator[None]:
    with fast_hashing():
        yield
