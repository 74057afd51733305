"""A simple limit on public submissions per IP address, in Django's cache (no outside service).

The address is hashed before it becomes a cache key: nothing readable about a visitor is kept,
and the count disappears with the window. The cache is the database (settings.CACHES), so the
count holds across worker processes; behind a reverse proxy the address is the visitor's as the
configured proxies report it (magicmix.web.client_ip).
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpRequest

from magicmix.web.client_ip import client_ip

WINDOW_SECONDS = 60 * 60
# Generous enough for a household sharing one connection, far too few for a spam run.
LIMIT = 10


def allow(request: HttpRequest, scope: str) -> bool:
    """Count one attempt; False once the address made more than LIMIT in the window."""
    address = client_ip(request)
    key = f"selection:{scope}:{hashlib.sha256(address.encode()).hexdigest()}"
    if cache.add(key, 1, WINDOW_SECONDS):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, WINDOW_SECONDS)
        return True
    return count <= LIMIT
