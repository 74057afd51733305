"""The benchmark document, version 1.0: its format, its JSON Schema and its validation with
errors that name the field in Dutch."""

from __future__ import annotations

import datetime
import json
import uuid
from collections.abc import Sequence
from typing import Annotated, Any, Final, Literal

from django.utils.translation import gettext as _
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from magicmix.housing.models import Complex
from magicmix.legal.contracts import ContractType

from ..ingredients.derived import SelectionMethod
from ..ingredients.models import SocialManagement, SupportModel

FORMAT: Final = "magicmix-benchmark"
VERSION: Final = "1.0"
SCHEMA_ID = "https://magicmix.nl/schema/benchmark-1.0.schema.json"
MAX_BYTES = 1_000_000
ROUNDING = 5  # every count is a multiple of this, and at least this

# A count of people or units: suppressed (absent) below 5, and rounded to a multiple of 5 so
# that no two counts differ by fewer than 5.
Count = Annotated[int, Field(ge=ROUNDING, multiple_of=ROUNDING, le=1_000_000)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Project(Strict):
    id: uuid.UUID = Field(description="Stable id of the project; never a database id.")
    name: str = Field(min_length=1, max_length=200)
    municipality: str = Field(default="", max_length=100)


class Ingredients(Strict):
    units: Count | None = Field(description="Units in use, rounded to a multiple of 5.")
    share_supporting: Annotated[float, Field(ge=0, le=100)] | None = Field(
        description="Percentage dragend among the residents; null when dragend or vragend "
        "residents number fewer than 5."
    )
    placement: Complex.PlacementStyle
    selection: list[SelectionMethod] = Field(max_length=3)
    contribution_hours: Annotated[int, Field(ge=0, le=744)] | None
    social_management: SocialManagement | None
    social_management_hours: Annotated[float, Field(ge=0, le=1000)] | None
    support_model: SupportModel | None
    temporary: bool
    years_in_use: Annotated[float, Field(ge=0, le=200)]
    contract_types: list[ContractType] = Field(max_length=len(ContractType))


class Indicator(Strict):
    code: str = Field(pattern=r"^[a-z0-9_]{1,50}$")
    unit: str = Field(max_length=10)
    value: float | None = Field(
        ge=-1_000_000, le=1_000_000, description="null when it rests on fewer than 5."
    )
    n: Count | None = Field(description="What the value rests on, rounded to a multiple of 5.")


class Document(Strict):
    format: Literal["magicmix-benchmark"]
    version: Literal["1.0"]
    project: Project
    period: str = Field(pattern=r"^\d{4}-Q[1-4]$", description="The quarter it describes.")
    exported_on: datetime.date
    ingredients: Ingredients
    indicators: list[Indicator] = Field(max_length=100)


class DocumentError(Exception):
    """The upload is not a benchmark document; `problems` holds one Dutch message each."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


def json_schema() -> dict[str, Any]:
    schema = Document.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def parse(raw: bytes) -> Document:
    if len(raw) > MAX_BYTES:
        raise DocumentError([_("The file is larger than 1 MB.")])
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        where = getattr(error, "lineno", None)
        raise DocumentError(
            [
                _("The file is not valid JSON (line %(line)s).") % {"line": where}
                if where
                else _("The file is not valid JSON.")
            ]
        ) from None
    try:
        return Document.model_validate(data)
    except ValidationError as error:
        raise DocumentError([_problem(e) for e in error.errors()[:20]]) from None


def _path(loc: Sequence[int | str]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part.startswith(("literal[", "function-", "int", "float", "constrained-")):
            continue  # a branch of a union or constraint, not a field
        else:
            text += f".{part}" if text else part
    return text or _("the document")


def _problem(error: Any) -> str:
    kind, context = error["type"], error.get("ctx", {})
    if kind == "missing":
        problem = _("is missing")
    elif kind == "extra_forbidden":
        problem = _("is not part of this format")
    elif kind in {"literal_error", "enum"}:
        problem = _("is not one of the allowed values (%(allowed)s)") % {
            "allowed": context.get("expected", "")
        }
    elif kind == "multiple_of":
        problem = _("must be a multiple of %(step)s: counts are rounded, and null below 5") % {
            "step": context.get("multiple_of")
        }
    elif kind in {"greater_than_equal", "greater_than"}:
        problem = _("must be at least %(limit)s") % {"limit": context.get("ge", context.get("gt"))}
    elif kind in {"less_than_equal", "less_than"}:
        problem = _("must be at most %(limit)s") % {"limit": context.get("le", context.get("lt"))}
    elif kind in {"string_too_long", "too_long"}:
        problem = _("is too long (at most %(limit)s)") % {"limit": context.get("max_length")}
    elif kind == "string_too_short":
        problem = _("is empty")
    elif kind == "string_pattern_mismatch":
        problem = _("does not have the form %(pattern)s") % {"pattern": context.get("pattern")}
    elif kind.startswith("uuid"):
        problem = _("is not a UUID")
    elif kind.startswith("date"):
        problem = _("is not a date (YYYY-MM-DD)")
    elif kind.endswith(("_type", "_parsing")):
        problem = _("has the wrong type")
    else:
        problem = _("is not valid")
    return _("Field “%(field)s”: %(problem)s.") % {"field": _path(error["loc"]), "problem": problem}
