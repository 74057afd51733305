import pytest

from .concurrency import begin_waits


@pytest.fixture
def sqlite_begin_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    begin_waits(monkeypatch)
