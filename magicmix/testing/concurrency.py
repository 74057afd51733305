"""Running workflows at the same moment in threads, on SQLite and PostgreSQL alike.

The shared in-memory SQLite test database answers "locked" at once where a file database (its
busy timeout) or PostgreSQL waits for the lock. `together` waits here as they would: at the
start of every transaction (BEGIN IMMEDIATE), so a workflow of two transactions (a decline,
then the refill) is never half retried, and around a whole action for reads outside one.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.db import OperationalError, connection
from django.db.backends.sqlite3.base import DatabaseWrapper

WAIT = 10.0


def waiting_for_sqlite_lock(action: Callable[[], Any]) -> Any:
    deadline = time.monotonic() + WAIT
    while True:
        try:
            return action()
        except OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


def begin_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make SQLite's BEGIN IMMEDIATE wait for the write lock (see the module docstring)."""
    begin = DatabaseWrapper._start_transaction_under_autocommit  # type: ignore[attr-defined]

    def waiting_begin(self: DatabaseWrapper) -> None:
        waiting_for_sqlite_lock(lambda: begin(self))

    monkeypatch.setattr(DatabaseWrapper, "_start_transaction_under_autocommit", waiting_begin)


def together(actions: list[Callable[[], Any]]) -> list[Any]:
    """Run `actions` in threads released at the same moment; returns results or exceptions."""
    barrier = threading.Barrier(len(actions))
    results: list[Any] = [None] * len(actions)

    def run(index: int) -> None:
        barrier.wait()
        try:
            results[index] = waiting_for_sqlite_lock(actions[index])
        except Exception as error:
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(actions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
