"""The shape of every API body: camelCase fields, ISO 8601 dates, pages with links and totals."""

from __future__ import annotations

from typing import Any

from ninja import Schema
from pydantic import ConfigDict, Field, create_model
from pydantic.alias_generators import to_camel

MAX_PAGE_SIZE = 100
# Ids fit a 32-bit signed integer on every database; larger ones are invalid input, not a 500.
MAX_ID = 2**31 - 1
DEFAULT_PAGE_SIZE = 20


class ApiSchema(Schema):
    """Python names in code, camelCase on the wire (in and out)."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)


def example(**values: Any) -> ConfigDict:
    """The example a schema shows in the OpenAPI document (checked against it by Spectral)."""
    return ConfigDict(
        alias_generator=to_camel, populate_by_name=True, json_schema_extra={"examples": [values]}
    )


def text_filter(max_length: int, description: str) -> Any:
    """An optional text filter; a NUL character is refused (400), as the pages' forms refuse
    it, rather than reaching PostgreSQL, which cannot store or compare it."""
    return Field(None, max_length=max_length, pattern=r"^[^\x00]*$", description=description)


def id_filter() -> Any:
    """An optional filter on the id of a related record."""
    return Field(None, ge=1, le=MAX_ID)


class Link(ApiSchema):
    href: str


class Links(ApiSchema):
    self_: Link = Field(alias="self")
    first: Link
    prev: Link | None = None
    next: Link | None = None
    last: Link


class PageQuery(ApiSchema):
    page: int = Field(1, ge=1, le=10_000, description="Page number, from 1.")
    page_size: int = Field(
        DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Results per page."
    )


_pages: dict[type[ApiSchema], type[ApiSchema]] = {}


def page_of(item: type[ApiSchema]) -> type[ApiSchema]:
    """The page schema for a list of `item`: HAL-style `_links`, totals and the results."""
    if item not in _pages:
        extra = item.model_config.get("json_schema_extra")
        item_examples = extra.get("examples", []) if isinstance(extra, dict) else []
        link = {"href": "/api/v1/…?page=1&pageSize=20"}
        config = example(
            _links={"self": link, "first": link, "last": link},
            totalCount=1,
            page=1,
            pageSize=DEFAULT_PAGE_SIZE,
            pageCount=1,
            results=item_examples[:1] if isinstance(item_examples, list) else [],
        )
        _pages[item] = create_model(
            f"{item.__name__.removesuffix('Out')}Page",
            __base__=ApiSchema,
            links=(Links, Field(alias="_links")),
            total_count=(int, ...),
            page=(int, ...),
            page_size=(int, ...),
            page_count=(int, ...),
            results=(list[item], ...),  # type: ignore[valid-type]
        )
        _pages[item].model_config.update(config)
        _pages[item].model_rebuild(force=True)
    return _pages[item]
