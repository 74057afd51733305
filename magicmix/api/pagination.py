"""A page of a list with links to the first, previous, next and last page and the total, and
the one way every list endpoint filters and sorts by its query parameters (`listing`).

The links keep every other query parameter (filters, sort), so following `next` continues the
same question. Only the page's rows are read; the total is one COUNT.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

from .schemas import PageQuery

# A filter of a list: the lookup its query parameter's value goes to (`"role"`,
# `"unit__complex_id"`), or a function that narrows the rows by the value.
Filter = str | Callable[[Any, Any], Any]
# A sort of a list: the model field it orders by, or a function that orders the rows ascending
# (its descending order is the reverse).
Sort = str | Callable[[Any], Any]


def _href(request: HttpRequest, page: int, size: int) -> dict[str, str]:
    query = request.GET.copy()
    query["page"] = str(page)
    query["pageSize"] = str(size)
    return {"href": f"{request.path}?{query.urlencode()}"}


def paginate(
    request: HttpRequest, rows: QuerySet[Any] | Sequence[Any], paging: PageQuery
) -> dict[str, Any]:
    total = rows.count() if isinstance(rows, QuerySet) else len(rows)
    size = paging.page_size
    pages = max(1, math.ceil(total / size))
    number = paging.page
    start = (number - 1) * size
    links: dict[str, Any] = {
        "self": _href(request, number, size),
        "first": _href(request, 1, size),
        "last": _href(request, pages, size),
    }
    if number > 1:
        links["prev"] = _href(request, min(number - 1, pages), size)
    if number < pages:
        links["next"] = _href(request, number + 1, size)
    return {
        "_links": links,
        "totalCount": total,
        "page": number,
        "pageSize": size,
        "pageCount": pages,
        "results": list(rows[start : start + size]),
    }


def ordered(rows: QuerySet[Any], sort: str, fields: Mapping[str, Sort]) -> QuerySet[Any]:
    """Order by the camelCase `sort` key (a leading "-" for descending), then by id; or by the
    key's own ordering function, reversed for descending."""
    descending = sort.startswith("-")
    field = fields[sort.removeprefix("-")]
    if callable(field):
        by = field(rows)
        return by.reverse() if descending else by
    return rows.order_by(f"-{field}" if descending else field, "-id" if descending else "id")


def listing(
    request: HttpRequest,
    rows: QuerySet[Any],
    query: PageQuery,
    filters: Mapping[str, Filter] | None = None,
    sorts: Mapping[str, Sort] | None = None,
) -> dict[str, Any]:
    """A page of `rows`, narrowed by every filter of `query` that is given (`filters`: the
    query's field name → its `Filter`) and, with `sorts` (the sort keys → their `Sort`),
    ordered by the query's `sort`; without, in the order `rows` already have."""
    for name, narrow in (filters or {}).items():
        value = getattr(query, name)
        if value is None or value == "":
            continue
        rows = rows.filter(**{narrow: value}) if isinstance(narrow, str) else narrow(rows, value)
    sort = getattr(query, "sort", None)
    if sorts is not None and sort is not None:
        rows = ordered(rows, sort, sorts)
    return paginate(request, rows, query)
