"""Bearer tokens for the API, and the account a call acts as.

`acting_as(request, scope)` is how every endpoint starts: it refuses (403) a token whose scopes
do not cover the call and returns the token's system account, which the endpoint hands to the
same `visible_to` / `editable_by` querysets the pages use. A record outside them is a 404.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from magicmix.accounts.models import User

from . import services
from .models import ApiToken
from .problems import Forbidden


class TokenAuth(HttpBearer):
    openapi_description = "An API token issued by an application manager (`mm_…`)."

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = services.authenticate(token)
        if found is not None:
            # Code that asks for the request's user (the processing log) sees the account.
            request.user = found.account
        return found


def token_of(request: HttpRequest) -> ApiToken:
    token: Any = getattr(request, "auth", None)
    assert isinstance(token, ApiToken), "the API authenticates every endpoint"
    return token


def acting_as(request: HttpRequest, *scopes: str) -> User:
    """The token's account, if its scopes include one of `scopes`; else 403."""
    token = token_of(request)
    if not any(token.allows(scope) for scope in scopes):
        raise Forbidden(
            _("This token lacks the scope “%(scope)s”.") % {"scope": _(" or ").join(scopes)}
        )
    return token.account
