"""Scoring rules: a definition names one and gives its parameters.

Every rule returns a value for each of the instrument's scores, None where the rule says the
score is missing. Answers must have been checked against the scale first
(`Instrument.check`), so a rule only meets answer codes of the scale or None.
"""

from __future__ import annotations

from collections.abc import Callable

from .definition import Answers, Instrument, InvalidDefinition

Score = int | float | bool | str | None
Scores = dict[str, Score]


def keyed_count(instrument: Instrument, answers: Answers) -> Scores:
    """Count the keyed answers per subscale (De Jong Gierveld). A subscale is missing when any
    of its items is; the total when more than `total_max_missing` items are, otherwise it is
    the count over the answered items (not prorated)."""
    parameters = instrument.parameters
    scores: Scores = {}
    total = missing = 0
    for name, subscale in parameters["subscales"].items():
        given = [answers.get(code) for code in subscale["items"]]
        points = sum(answer in subscale["keyed"] for answer in given if answer is not None)
        gaps = given.count(None)
        scores[name] = None if gaps else points
        total += points
        missing += gaps
    scores["total"] = None if missing > parameters["total_max_missing"] else total
    return scores


def summed(instrument: Instrument, answers: Answers) -> Scores:
    """The raw sum of the item values, missing when any item is (WHO-5), an index of
    `multiplier` × raw, and `poor` when raw is below `poor_below`."""
    parameters = instrument.parameters
    given = [answers.get(code) for code in instrument.item_codes]
    if None in given:
        return {"raw": None, "index": None, "poor": None}
    raw = sum(instrument.scale.value(answer) for answer in given if answer is not None)
    return {
        "raw": raw,
        "index": parameters["multiplier"] * raw,
        "poor": raw < parameters["poor_below"],
    }


def mean_mapped(instrument: Instrument, answers: Answers) -> Scores:
    """The mean item value (reversed items mirrored on the scale), mapped linearly from the
    scale's range onto another one (social cohesion: 1–5 onto 0–10, a documented parameter)."""
    parameters = instrument.parameters
    values = [option.value for option in instrument.scale.options if option.value is not None]
    low, high = min(values), max(values)
    given: list[int] = []
    for code in instrument.item_codes:
        answer = answers.get(code)
        if answer is not None:
            value = instrument.scale.value(answer)
            given.append(low + high - value if code in parameters["reversed"] else value)
    name = parameters["score"]
    if not given or len(instrument.items) - len(given) > parameters["max_missing"]:
        return {name: None}
    (from_low, from_high), (to_low, to_high) = (
        parameters["mapping"]["from"],
        parameters["mapping"]["to"],
    )
    mean = sum(given) / len(given)
    mapped = to_low + (mean - from_low) * (to_high - to_low) / (from_high - from_low)
    return {name: round(mapped, parameters["decimals"])}


def per_item(instrument: Instrument, answers: Answers) -> Scores:
    """Each item is a score of its own: its value (a mark, a count, a ZRM level)."""
    return {
        code: None if (answer := answers.get(code)) is None else instrument.scale.value(answer)
        for code in instrument.item_codes
    }


RULES: dict[str, Callable[[Instrument, Answers], Scores]] = {
    "keyed_count": keyed_count,
    "sum": summed,
    "mean_mapped": mean_mapped,
    "per_item": per_item,
}


def score(instrument: Instrument, answers: Answers) -> Scores:
    """The instrument's scores for checked `answers`, in the order the definition lists them,
    with the band when the instrument has bands."""
    try:
        rule = RULES[instrument.rule]
    except KeyError as error:
        raise InvalidDefinition(f"{instrument.code}: unknown scoring rule {error}") from error
    scores = rule(instrument, answers)
    if instrument.banded:
        value = scores[instrument.banded]
        band = instrument.band_of(value if isinstance(value, int) else None)
        scores["band"] = band.code if band else None
    return {code: scores[code] for code in instrument.score_codes}
