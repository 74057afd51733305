"""A page of a queryset with links to the first, previous, next and last page and the total.

The links keep every other query parameter (filters, sort), so following `next` continues the
same question. Only the page's rows are read; the total is one COUNT.
"""

from __future__ import annotations

import math
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

from .schemas import PageQuery


def _href(request: HttpRequest, page: int, size: int) -> dict[str, str]:
    query = request.GET.copy()
    query["page"] = str(page)
    query["pageSize"] = str(size)
    return {"href": f"{request.path}?{query.urlencode()}"}


def paginate(request: HttpRequest, rows: QuerySet[Any], paging: PageQuery) -> dict[str, Any]:
    total = rows.count()
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
