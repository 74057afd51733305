from collections.abc import Iterator

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_rate_limit() -> Iterator[None]:
    """The rate limit counts in the cache, which outlives a test: start every test at zero."""
    cache.clear()
    yield
    cache.clear()
