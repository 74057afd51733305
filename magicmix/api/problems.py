"""Errors as RFC 9457 problem details (`application/problem+json`), as the NL API Design Rules
ask: a `status`, a `title`, a `detail` for people, and for invalid input the offending fields
in `invalidParams` (name, code, reason)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError, ValidationError
from pydantic.alias_generators import to_camel

from magicmix.web.imports import ImportRejected

if TYPE_CHECKING:
    from ninja import NinjaAPI

PROBLEM_JSON = "application/problem+json"
logger = logging.getLogger(__name__)


class Forbidden(HttpError):
    """The token is valid but its scopes do not cover this call."""

    def __init__(self, detail: str) -> None:
        super().__init__(403, detail)


class Invalid(Exception):
    """Input that passed the schema but breaks a rule of the domain, per field."""

    def __init__(self, detail: str, fields: dict[str, str]) -> None:
        super().__init__(detail)
        self.detail = detail
        self.fields = fields


def form_fields(*forms: BaseForm, rename: dict[str, str] | None = None) -> dict[str, str]:
    """The errors of Django forms by API field name (camelCase, or as `rename` says)."""
    rename = rename or {}
    return {
        "body" if field == "__all__" else rename.get(field, to_camel(field)): " ".join(
            str(error) for error in errors
        )
        for form in forms
        for field, errors in form.errors.items()
    }


def problem(
    status: int, detail: str, invalid: list[dict[str, str]] | None = None, **headers: str
) -> HttpResponse:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if invalid is not None:
        body["invalidParams"] = invalid
    response = HttpResponse(json.dumps(body), status=status, content_type=PROBLEM_JSON)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def _name(location: tuple[Any, ...]) -> str:
    # ("query", "pageSize") -> "pageSize"; ("body", "body", "firstName") -> "firstName"
    # (the second "body" is the view's argument); the whole body when it is not an object.
    parts = [str(part) for part in location[2 if location[:1] == ("body",) else 1 :]]
    return ".".join(parts) or str(location[0])


def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    invalid = [
        {"name": _name(tuple(error.get("loc", ()))), "code": error["type"], "reason": error["msg"]}
        for error in exc.errors
    ]
    return problem(400, _("The request has invalid parameters; see invalidParams."), invalid)


def _domain_invalid(request: HttpRequest, exc: Invalid) -> HttpResponse:
    invalid = [
        {"name": name, "code": "invalid", "reason": reason} for name, reason in exc.fields.items()
    ]
    return problem(400, exc.detail, invalid)


def _rejected_file(request: HttpRequest, exc: ImportRejected) -> HttpResponse:
    invalid = [{"name": "file", "code": "invalid-row", "reason": reason} for reason in exc.problems]
    return problem(
        400, _("The file was not imported: nothing is saved; see invalidParams."), invalid
    )


def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if isinstance(exc, AuthenticationError):
        return problem(
            401,
            _("A valid API token is required (Authorization: Bearer …)."),
            WWW_Authenticate="Bearer",
        )
    return problem(exc.status_code, str(exc))


def _not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem(404, _("No such resource, or not visible with this token."))


def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("API error on %s", request.path, exc_info=exc)
    return problem(500, _("Something went wrong on our side; the error is logged."))


def install(api: NinjaAPI) -> None:
    handlers: list[tuple[type[Exception], Callable[[HttpRequest, Any], HttpResponse]]] = [
        (ValidationError, _invalid),
        (Invalid, _domain_invalid),
        (ImportRejected, _rejected_file),
        (HttpError, _http_error),
        (Http404, _not_found),
        (Exception, _server_error),
    ]
    for exception, handler in handlers:
        api.add_exception_handler(exception, handler)
