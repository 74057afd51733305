"""The address of the person at the other end, also behind a reverse proxy.

`TRUSTED_PROXY_COUNT` (environment, default 0) says how many proxies of our own stand in front
of magicmix. Each appends the address it received the request from to X-Forwarded-For, so the
client is the entry that many places from the right; anything further left was written by the
client and can be forged. With no proxy configured the header is ignored.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    count: int = settings.TRUSTED_PROXY_COUNT
    remote = str(request.META.get("REMOTE_ADDR", ""))
    if count <= 0:
        return remote
    forwarded = [
        hop.strip() for hop in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
    ]
    hops = [hop for hop in forwarded if hop]
    # The last proxy's own peer is REMOTE_ADDR, so the client is `count` entries from the right.
    return hops[-count] if len(hops) >= count else remote
