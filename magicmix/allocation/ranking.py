"""The order in which applicants are served: the round's ranking rule or a seeded lottery."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence

from .model import Applicant, Place, PriorityKey, WhenMissing


def key_value(applicant: Applicant, key: PriorityKey) -> float | dt.date | None:
    if key is PriorityKey.URGENCY:
        return applicant.urgency
    if key is PriorityKey.SELECTION_SCORE:
        return applicant.selection_score
    if key is PriorityKey.REGISTRATION_DATE:
        return applicant.registration_date
    return applicant.lottery_number


def _sortable(key: PriorityKey, value: float | dt.date) -> float:
    """Smaller is better: urgency and selection score high first, the others low first."""
    if isinstance(value, dt.date):
        return float(value.toordinal())
    if key in (PriorityKey.URGENCY, PriorityKey.SELECTION_SCORE):
        return -float(value)
    return float(value)


def _key(
    applicant: Applicant, keys: Sequence[PriorityKey], missing: dict[PriorityKey, WhenMissing]
) -> tuple[object, ...]:
    parts: list[object] = []
    for key in keys:
        value = key_value(applicant, key)
        if value is None:
            rule = missing.get(key, WhenMissing(key))
            if rule.place is not Place.VALUE or rule.value is None:
                parts.append((0 if rule.place is Place.FIRST else 2, 0.0))
                continue
            value = rule.value
        parts.append((1, _sortable(key, value)))
    # The id breaks remaining ties so the order never depends on input order.
    parts.append(applicant.id)
    return tuple(parts)


def priority_order(
    applicants: Sequence[Applicant],
    keys: Sequence[PriorityKey],
    missing: Iterable[WhenMissing] = (),
) -> list[Applicant]:
    rules = {rule.key: rule for rule in missing}
    return sorted(applicants, key=lambda a: _key(a, keys, rules))


def lottery_order(applicants: Sequence[Applicant], seed: int) -> list[Applicant]:
    """A random order that depends only on the seed and the applicant ids, not on input order."""

    def draw(applicant: Applicant) -> tuple[bytes, str]:
        digest = hashlib.sha256(f"{seed}:{applicant.id}".encode()).digest()
        return digest, applicant.id

    return sorted(applicants, key=draw)


def lacking(applicants: Iterable[Applicant], keys: Sequence[PriorityKey]) -> dict[str, int]:
    """Per ranking key, how many applicants lack it (keys nobody lacks are left out)."""
    counts = {key.value: 0 for key in keys}
    for applicant in applicants:
        for key in keys:
            if key_value(applicant, key) is None:
                counts[key.value] += 1
    return {key: n for key, n in counts.items() if n}
