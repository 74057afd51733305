"""The order in which applicants are served: the round's ranking rule or a seeded lottery."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from .model import Applicant, PriorityKey


def _key(applicant: Applicant, keys: Sequence[PriorityKey]) -> tuple[object, ...]:
    parts: list[object] = []
    for key in keys:
        if key is PriorityKey.URGENCY:
            parts.append(-applicant.urgency)
        elif key is PriorityKey.SELECTION_SCORE:
            parts.append(-applicant.selection_score)
        elif key is PriorityKey.REGISTRATION_DATE:
            parts.append(applicant.registration_date.toordinal())
        else:
            parts.append(applicant.lottery_number)
    # The id breaks remaining ties so the order never depends on input order.
    parts.append(applicant.id)
    return tuple(parts)


def priority_order(applicants: Sequence[Applicant], keys: Sequence[PriorityKey]) -> list[Applicant]:
    return sorted(applicants, key=lambda a: _key(a, keys))


def lottery_order(applicants: Sequence[Applicant], seed: int) -> list[Applicant]:
    """A random order that depends only on the seed and the applicant ids, not on input order."""

    def draw(applicant: Applicant) -> tuple[bytes, str]:
        digest = hashlib.sha256(f"{seed}:{applicant.id}".encode()).digest()
        return digest, applicant.id

    return sorted(applicants, key=draw)
