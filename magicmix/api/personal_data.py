"""The one seam through which every API call that reads or changes personal data passes.

Each endpoint that returns or changes persons, role changes, tenancies, applications,
nominations, candidates' explanations or offers calls `processed` with what it touched. Until
the processing log of `magicmix.privacy` exists it writes a structured log line (which token,
which organisation, which action, which records); the privacy app replaces the body, not the
callers.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db.models import Model
from django.http import HttpRequest

from .auth import token_of

logger = logging.getLogger(__name__)


def processed(request: HttpRequest, action: str, records: Iterable[Model]) -> None:
    """Record that this call did `action` ("read", "create", "change") on `records`."""
    rows = list(records)
    if not rows:
        return
    token = token_of(request)
    logger.info(
        "api token %s (%s, %s) %s %s %s",
        token.pk,
        token.organisation_id,
        token.role,
        action,
        rows[0]._meta.label,
        [row.pk for row in rows],
    )
