"""Pages carry personal data (names, support needs, letters): no browser or proxy keeps them."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control


def no_store(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[..., HttpResponse]:
    """`Cache-Control: no-store, private` on every response the app itself makes. Static files
    are served before this (WhiteNoise) with their own long cache lifetime."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, no_store=True, private=True)
        return response

    return middleware
