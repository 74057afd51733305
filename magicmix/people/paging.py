"""Pages of a long list without counting it: a COUNT(*) over 100,000 rows is not needed to page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

PAGE_SIZE = 50
# Deeper pages mean larger OFFSETs; past 10,000 rows a search or filter finds faster.
LAST_PAGE = 200


@dataclass(frozen=True)
class Page:
    items: list[Any]
    number: int
    has_next: bool
    truncated: bool  # more rows exist beyond the last page that may be opened

    @property
    def has_previous(self) -> bool:
        return self.number > 1


def page_of(rows: QuerySet[Any], number: str | None, size: int = PAGE_SIZE) -> Page:
    """Page `number` (1-based; nonsense means 1) of an ordered queryset, fetching one key extra.

    The keys come first, so the database can find and order them inside an index; only the
    rows shown are then read in full, with the queryset's select_related and prefetches.
    """
    try:
        page = min(max(int(number or 1), 1), LAST_PAGE)
    except ValueError:
        page = 1
    start = (page - 1) * size
    keys = list(rows.values_list("pk", flat=True)[start : start + size + 1])
    shown = rows.in_bulk(keys[:size])
    more = len(keys) > size
    return Page(
        items=[shown[key] for key in keys[:size]],
        number=page,
        has_next=more and page < LAST_PAGE,
        truncated=more and page == LAST_PAGE,
    )
