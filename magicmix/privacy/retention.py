"""How long the processing log itself is kept (the privacy registry).

The log is append-only for everyone else; the retention job alone prunes the entries older than
the organisation's period (docs/privacy.md, "Retention"). An entry belongs to the organisation
it was written for: a corporation's staff, or a partner's caseworker for the partner. The
pruning is logged like every erasure — one entry per data subject, ids only — except the
pruning of entries that were themselves such records, so that pruning never feeds itself.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.translation import gettext_lazy as _

from . import registry
from .models import Processing, SubjectType, prune

OPERATION = "retention:processing_log"


def expired(organisation_id: int, cutoff: datetime.date) -> Any:
    return Processing.objects.filter(organisation_id=organisation_id, at__date__lt=cutoff)


registry.category(
    registry.Category(
        code="processing_log",
        label=_("Processing log"),
        starts=_("after the processing"),
        default_months=36,
        anonymises=False,
        expired=expired,
        subject_type=SubjectType.PERSON,
        subject_path="subject_id",
        subject_type_path="subject_type",
        apply=prune,
        logged=lambda rows: rows.exclude(operation=OPERATION),
    )
)
