"""The rights of a data subject (export, erasure) and the daily retention job, over what every
app registered in `privacy.registry`."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from magicmix.accounts.models import Organisation, User

from . import log, registry
from .models import Action, RetentionPeriod


class ErasureBlocked(Exception):
    def __init__(self, reasons: list[str]) -> None:
        super().__init__(" ".join(reasons))
        self.reasons = reasons


def blocks(subject_type: str, pk: int) -> list[str]:
    return [reason for h in registry.holdings_of(subject_type) for reason in h.blocks(pk)]


def consequences(subject_type: str, pk: int) -> list[str]:
    return [line for h in registry.holdings_of(subject_type) for line in h.consequences(pk)]


def export(subject_type: str, pk: int) -> dict[str, Any]:
    """Everything magicmix keeps about one subject, its processing log included."""
    return {
        "betrokkene": {"soort": subject_type, "id": pk},
        "gemaakt_op": timezone.now().isoformat(timespec="seconds"),
        "onderdelen": [
            {"titel": str(h.title), "gegevens": h.export(pk)}
            for h in registry.holdings_of(subject_type)
        ],
        "verwerkingslog": [
            dict(zip(log.HEADER, row, strict=True)) for row in log.rows_of(subject_type, pk)
        ],
    }


def export_holdings(subject_type: str, pk: int) -> list[dict[str, Any]]:
    """Every app's records about one subject, in one list (for a subject held inside another)."""
    return [record for h in registry.holdings_of(subject_type) for record in h.export(pk)]


def erase_holdings(subject_type: str, pk: int) -> None:
    """Every app's part of erasing one subject, without the checks and the log."""
    for h in registry.holdings_of(subject_type):
        h.erase(pk)


def erase_whole(subject_type: str, pk: int) -> list[tuple[str, int]]:
    """Every app's part of erasing one subject, without the checks; returns the subjects
    erased, this one and those it includes, for the log."""
    included = [
        (kind, other) for h in registry.holdings_of(subject_type) for kind, other in h.includes(pk)
    ]
    erase_holdings(subject_type, pk)
    return [(subject_type, pk), *included]


def _log(
    erased: list[tuple[str, int]],
    organisation_id: int,
    action: str,
    operation: str,
    user: User | None = None,
) -> None:
    for kind in sorted({kind for kind, _pk in erased}):
        ids = [pk for other, pk in erased if other == kind]
        log.entries(kind, ids, organisation_id, action, operation, user)


@transaction.atomic
def erase(subject_type: str, pk: int, organisation_id: int, user: User) -> None:
    """Erase one subject at a user's request, or refuse with the reasons; all or nothing."""
    reasons = blocks(subject_type, pk)
    if reasons:
        raise ErasureBlocked(reasons)
    _log(erase_whole(subject_type, pk), organisation_id, Action.ERASE, "privacy:erase", user)


@dataclass(frozen=True)
class Line:
    """One category of one organisation in the retention report."""

    organisation: Organisation
    category: registry.Category
    months: int
    cutoff: datetime.date
    rows: int
    subjects: int


def months_of(organisation: Organisation) -> dict[str, int]:
    chosen = dict(
        RetentionPeriod.objects.filter(organisation=organisation).values_list("category", "months")
    )
    return {
        code: chosen.get(code, category.default_months)
        for code, category in registry.CATEGORIES.items()
    }


def cutoff_of(today: datetime.date, months: int) -> datetime.date:
    """The day `months` months before `today` (the month's last day if shorter)."""
    month = today.month - 1 - months
    year, month = today.year + month // 12, month % 12 + 1
    return datetime.date(year, month, min(today.day, calendar.monthrange(year, month)[1]))


def _subjects(category: registry.Category, rows: QuerySet[Any]) -> list[tuple[str, int]]:
    """The data subjects of expired rows, as (subject type, id), for the report and the log."""
    if category.logged is not None:
        rows = category.logged(rows)
    if category.subject_type_path:
        pairs = rows.values_list(category.subject_type_path, category.subject_path).distinct()
        return sorted({(kind, pk) for kind, pk in pairs if pk is not None})
    ids = rows.values_list(category.subject_path, flat=True).distinct()
    return sorted({(category.subject_type, pk) for pk in ids if pk is not None})


def report(organisation: Organisation, today: datetime.date | None = None) -> list[Line]:
    """What the retention job would erase or anonymise today: the dry run; writes nothing."""
    today = today or timezone.localdate()
    lines = []
    for code, months in months_of(organisation).items():
        category = registry.CATEGORIES[code]
        cutoff = cutoff_of(today, months)
        rows = category.expired(organisation.pk, cutoff)
        lines.append(
            Line(
                organisation,
                category,
                months,
                cutoff,
                rows.count(),
                len(_subjects(category, rows)),
            )
        )
    return lines


def organisations() -> QuerySet[Organisation]:
    """Every organisation: a corporation's categories find rows only of its own, and the
    processing log holds entries written for partners and municipalities as well."""
    return Organisation.objects.order_by("pk")


def apply_retention(today: datetime.date | None = None) -> list[Line]:
    """Erase or anonymise what expired, per organisation and category in one transaction
    each, and log one entry per data subject it touched."""
    today = today or timezone.localdate()
    done = []
    for organisation in organisations():
        for line in report(organisation, today):
            if not line.rows:
                continue
            category = line.category
            with transaction.atomic():
                rows = category.expired(organisation.pk, line.cutoff)
                subjects = _subjects(category, rows)
                if category.apply is None:
                    erased = [
                        done
                        for kind, pk in subjects
                        if not blocks(kind, pk)
                        for done in erase_whole(kind, pk)
                    ]
                else:
                    category.apply(rows)
                    erased = subjects
                action = Action.ANONYMISE if category.anonymises else Action.ERASE
                _log(erased, organisation.pk, action, f"retention:{category.code}")
            done.append(line)
    return done
