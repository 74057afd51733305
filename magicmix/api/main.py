"""The REST API at /api/v1, by the NL API Design Rules 2.1 (see docs/api.md).

The URL patterns are built here rather than taken from django-ninja as they are, so that every
response of the API — also a 404 for an unknown path or one with a trailing slash — carries the
`API-Version` header, is a problem document when it is an error, and is reached without the
login page (the API authenticates by token, not by session).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, path, re_path
from django.utils.translation import gettext as _
from ninja import NinjaAPI

from . import openapi, problems
from .auth import TokenAuth
from .endpoints import applications, imports, indicators, persons, rounds, stock, tenancies


class MagicmixAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix: str | None = None, path_params: Any = None) -> Any:
        document = super().get_openapi_schema(path_prefix="", path_params=path_params)
        return openapi.finish(document)

    def get_openapi_operation_id(self, operation: Any) -> str:
        return operation.view_func.__name__


api = MagicmixAPI(
    title="magicmix API",
    version=openapi.API_VERSION,
    description=(
        "Housing stock, persons, role changes, tenancies, applications, nominations, allocation "
        "rounds, offers and aggregate indicators of Magic Mix complexes, for the systems of corporations and their partners. Every call "
        "needs a token (`Authorization: Bearer mm_…`) that an application manager issues; it "
        "sees exactly what its organisation's role sees in magicmix."
    ),
    openapi_url="/openapi.json",
    docs_url=None,
    auth=TokenAuth(),
    urls_namespace="api-v1",
    openapi_extra={
        "info": {
            "contact": {
                "name": "magicmix",
                "email": "magicmix@example.org",
                "url": "https://github.com/magicmix/magicmix",
            },
            "license": {"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
        }
    },
)
problems.install(api)
api.add_router("", stock.router)
api.add_router("", persons.router)
api.add_router("", tenancies.router)
api.add_router("", indicators.router)
api.add_router("", imports.router)
api.add_router("", applications.router)
api.add_router("", rounds.router)


def _api_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response[openapi.VERSION_HEADER] = openapi.API_VERSION
        return response

    wrapped.login_required = False  # type: ignore[attr-defined]
    wrapped.csrf_exempt = True  # type: ignore[attr-defined]
    return wrapped


@_api_view
def unknown(request: HttpRequest, rest: str = "") -> HttpResponse:
    return problems.problem(404, _("No such resource (paths take no trailing slash)."))


def urlpatterns() -> list[URLPattern]:
    patterns, _app, _namespace = api.urls
    served: list[URLPattern] = []
    for pattern in patterns:
        assert isinstance(pattern, URLPattern)
        if pattern.name == "api-root":
            continue  # the API has no landing page; "/api/v1/" would end in a slash
        served.append(path(str(pattern.pattern), _api_view(pattern.callback), name=pattern.name))
    served.append(re_path(r"^(?P<rest>.*)$", unknown))
    return served
