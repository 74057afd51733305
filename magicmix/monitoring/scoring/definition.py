"""The shape of an instrument definition, read from its JSON file."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

INSTRUMENTS_DIR = Path(__file__).resolve().parent.parent / "instruments"
RESPONDENTS = ("resident", "professional")

# One respondent's answers: item code → answer code, None for a missing answer.
Answers = Mapping[str, str | None]


class InvalidAnswer(ValueError):
    """An answer that is not on the item's scale."""


class InvalidDefinition(ValueError):
    """A definition file that does not have the shape of an instrument."""


@dataclass(frozen=True)
class Option:
    code: str
    labels: Mapping[str, str]
    value: int | None = None


@dataclass(frozen=True)
class Scale:
    """Either a list of options or a whole number between `minimum` and `maximum`."""

    options: tuple[Option, ...] = ()
    minimum: int | None = None
    maximum: int | None = None

    def parse(self, text: str) -> str:
        """The answer code for `text`: an option's code or any of its labels (any case), or a
        whole number in range. Raises InvalidAnswer with the accepted answers."""
        wanted = " ".join(text.split()).casefold()
        if self.options:
            for option in self.options:
                if wanted in {
                    option.code.casefold(),
                    *(x.casefold() for x in option.labels.values()),
                }:
                    return option.code
            accepted = ", ".join(option.code for option in self.options)
            raise InvalidAnswer(f"{text!r} is not an answer on this scale ({accepted})")
        assert self.minimum is not None and self.maximum is not None
        if not wanted.isdigit() or not self.minimum <= int(wanted) <= self.maximum:
            raise InvalidAnswer(
                f"{text!r} is not a whole number from {self.minimum} to {self.maximum}"
            )
        return str(int(wanted))

    def value(self, code: str) -> int:
        if not self.options:
            return int(code)
        option = next(option for option in self.options if option.code == code)
        if option.value is None:
            raise InvalidDefinition(f"option {code!r} has no value")
        return option.value

    def codes(self) -> list[str]:
        if self.options:
            return [option.code for option in self.options]
        assert self.minimum is not None and self.maximum is not None
        return [str(n) for n in range(self.minimum, self.maximum + 1)]


@dataclass(frozen=True)
class Item:
    code: str
    texts: Mapping[str, str]


@dataclass(frozen=True)
class Translation:
    validated: bool
    note: str


@dataclass(frozen=True)
class Band:
    code: str
    low: int
    high: int
    labels: Mapping[str, str]


@dataclass(frozen=True)
class ScoreField:
    code: str
    labels: Mapping[str, str]


@dataclass(frozen=True)
class Instrument:
    code: str
    version: str
    names: Mapping[str, str]
    respondent: str  # "resident" answers it; a "professional" rates the resident (ZRM)
    source: str
    citation: str
    licence: str
    introduction: Mapping[str, str]
    scale: Scale
    items: tuple[Item, ...]
    translations: Mapping[str, Translation]
    rule: str
    parameters: Mapping[str, Any]
    scores: tuple[ScoreField, ...]
    banded: str | None = None  # the score the bands apply to
    bands: tuple[Band, ...] = ()
    # What a summary of many respondents shows: the distribution of one categorical score
    # (a band, or a yes/no score) and the means of some numeric scores.
    category: str | None = None
    means: tuple[str, ...] = ()

    @property
    def item_codes(self) -> list[str]:
        return [item.code for item in self.items]

    @property
    def score_codes(self) -> list[str]:
        return [field.code for field in self.scores]

    def languages(self) -> list[str]:
        """Languages in which every item has a text."""
        return [lang for lang in self.translations if all(lang in i.texts for i in self.items)]

    def band_of(self, value: int | None) -> Band | None:
        if value is None:
            return None
        return next((band for band in self.bands if band.low <= value <= band.high), None)

    def check(self, answers: Answers) -> dict[str, str | None]:
        """`answers` for every item, unknown items refused, each answer on the scale."""
        unknown = set(answers) - set(self.item_codes)
        if unknown:
            raise InvalidAnswer(f"unknown items: {', '.join(sorted(unknown))}")
        checked: dict[str, str | None] = {}
        for code in self.item_codes:
            answer = answers.get(code)
            checked[code] = None if answer is None else self.scale.parse(answer)
        return checked


def parse(data: Mapping[str, Any]) -> Instrument:
    """An Instrument from the decoded JSON of a definition file."""
    try:
        scale = data["scale"]
        bands = data.get("bands") or {}
        instrument = Instrument(
            code=data["code"],
            version=data["version"],
            names=data["names"],
            respondent=data["respondent"],
            source=data["source"],
            citation=data["citation"],
            licence=data["licence"],
            introduction=data.get("introduction", {}),
            scale=Scale(
                options=tuple(
                    Option(o["code"], o["labels"], o.get("value")) for o in scale.get("options", ())
                ),
                minimum=scale.get("minimum"),
                maximum=scale.get("maximum"),
            ),
            items=tuple(Item(i["code"], i["texts"]) for i in data["items"]),
            translations={
                lang: Translation(t["validated"], t["note"])
                for lang, t in data["translations"].items()
            },
            rule=data["scoring"]["rule"],
            parameters=data["scoring"]["parameters"],
            scores=tuple(ScoreField(s["code"], s["labels"]) for s in data["scores"]),
            banded=bands.get("score"),
            bands=tuple(
                Band(b["code"], b["low"], b["high"], b["labels"]) for b in bands.get("bands", ())
            ),
            category=data.get("summary", {}).get("category"),
            means=tuple(data.get("summary", {}).get("means", ())),
        )
    except (KeyError, TypeError) as error:
        raise InvalidDefinition(f"{data.get('code', '?')}: missing or bad {error}") from error
    if instrument.respondent not in RESPONDENTS:
        raise InvalidDefinition(f"{instrument.code}: respondent must be one of {RESPONDENTS}")
    unknown = {instrument.category, *instrument.means} - {None, *instrument.score_codes}
    if unknown:
        raise InvalidDefinition(f"{instrument.code}: the summary names unknown scores {unknown}")
    if not instrument.scale.options and instrument.scale.minimum is None:
        raise InvalidDefinition(f"{instrument.code}: the scale needs options or a range")
    return instrument


def load(path: Path) -> Instrument:
    return parse(json.loads(path.read_text(encoding="utf-8")))


def load_all(directory: Path = INSTRUMENTS_DIR) -> dict[str, Instrument]:
    """Every shipped instrument by code."""
    found = (load(path) for path in sorted(directory.glob("*.json")))
    return {instrument.code: instrument for instrument in found}


def localised(texts: Mapping[str, str], language: str | None) -> str:
    """The text in `language`, else the Dutch one, else any."""
    return texts.get(language or "nl") or texts.get("nl") or next(iter(texts.values()), "")
