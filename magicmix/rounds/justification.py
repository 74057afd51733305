"""The justification of a round, as sections of rows: what a corporation shows its board, the
municipality or a complaints committee. Rendered as CSV and as PDF by `views.export`.

For an auditor: times in local time (Europe/Amsterdam), numbers with the decimal comma of the
active language, labels instead of codes. The full candidate table (every reason, every check)
goes to the CSV; the PDF gets one line per candidate (`in_pdf`, `in_csv`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from magicmix.accounts.models import Organisation
from magicmix.people.models import Role, SupportNeed, TargetGroup
from magicmix.selection.models import Application, EligibilityOutcome

from .forms import ranking_label
from .models import CandidateOutcome, Dimension, Offer, Override, Round
from .templatetags.rounds_extras import said


@dataclass(frozen=True)
class Section:
    title: str
    header: list[str]
    rows: list[list[str]]
    in_csv: bool = True
    in_pdf: bool = True
    # Shares of the page width for a table of one line per row in the PDF (no wrapping).
    widths: tuple[float, ...] | None = None


def _when(value: datetime.datetime | None) -> str:
    return formats.date_format(timezone.localtime(value), "j F Y H:i") if value else ""


def _number(value: object) -> str:
    """ "72,5" in Dutch: the spreadsheet reads it as a number, not as text or a date."""
    if value in (None, ""):
        return ""
    return formats.number_format(Decimal(str(value)), use_l10n=True)


RULES = {
    "daeb_income": gettext_lazy("DAEB income limit"),
    "passend_toewijzen": gettext_lazy("passend toewijzen"),
    "youth_contract_age": gettext_lazy("age for a youth contract"),
    "contract_target_group": gettext_lazy("target group of the contract"),
    "household_size": gettext_lazy("household size"),
}
RESULTS = dict(EligibilityOutcome._meta.get_field("status").choices or [])


def _check(check: dict[str, Any]) -> str:
    rule = str(RULES.get(check["rule"], check["rule"]))
    return f"{rule}: {RESULTS.get(check['status'], check['status'])}"


def _eligibility(outcome: CandidateOutcome, language: str) -> str:
    parts = []
    for check in outcome.eligibility:
        detail = check["outcome"]
        text = detail.get("text", {}).get(language) or detail.get("text", {}).get("nl", "")
        versions = ", ".join(f"#{p['id']} {p['valid_from']}" for p in detail.get("parameters", []))
        parts.append(f"{_check(check)} — {text}" + (f" [{versions}]" if versions else ""))
    return " | ".join(parts)


def _value_labels(round_: Round) -> dict[tuple[str, str], str]:
    """(dimension, code) → what people read: a group's name, a role, a partner's name."""
    labels: dict[tuple[str, str], str] = {}
    for code, name in TargetGroup.objects.filter(
        organisation=round_.complex.organisation
    ).values_list("code", "name"):
        labels["group", code] = name
    labels |= {("role", v): str(label) for v, label in Role.choices}
    labels |= {("support", v): str(label) for v, label in SupportNeed.choices}
    for pk, name in Organisation.objects.filter(
        pk__in=round_.complex.partners.values("organisation_id")
    ).values_list("pk", "name"):
        labels["partner", str(pk)] = name
    return labels


def labelled_report(round_: Round, report: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A run's policy report as people read it: what a bound counts and its value by name
    ("rol: vragend"), not the codes the engine works with; the scope is already a cluster path."""
    values = _value_labels(round_)
    return [
        row
        | {
            "dimension": str(Dimension(row["dimension"]).label),
            "value": values.get((row["dimension"], row["value"]), row["value"]),
        }
        for row in report
    ]


def _short(text: str, length: int = 110) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def sections(round_: Round) -> list[Section]:
    language = translation.get_language() or "nl"
    runs = list(round_.runs.all())
    first = next((run for run in runs if not run.failed), None)
    values = _value_labels(round_)
    summary = Section(
        _("Round"),
        [_("item"), _("value")],
        [
            [_("round"), round_.title],
            [_("complex"), round_.complex.name],
            [_("intake"), str(round_.intake.title)],
            [_("mode"), round_.get_mode_display()],
            [_("ranking rule"), ranking_label(round_.ranking)],
            [_("lottery seed"), str(round_.seed)],
            [_("status"), round_.get_status_display()],
            [_("approved at"), _when(round_.approved_at)],
            [_("approved by"), str(round_.approved_by or "")],
            [
                _("applications to the intake"),
                str(Application.objects.filter(intake=round_.intake).count()),
            ],
            [_("units in the round"), str(round_.units.count())],
        ]
        + [
            [_("offers: %(status)s") % {"status": label}, str(count)]
            for label, count in _offer_counts(round_)
        ],
    )
    policy = Section(
        _("Policy"),
        [
            _("scope"),
            _("counts"),
            _("value"),
            _("minimum"),
            _("maximum"),
            _("percentage"),
            _("hard"),
            _("penalty"),
        ],
        [
            [
                b["scope"],
                str(Dimension(b["dimension"]).label),
                values.get((b["dimension"], b["value"]), b["value"]),
                _number(b["minimum"]),
                _number(b["maximum"]),
                _("yes") if b["share"] else _("no"),
                _("yes") if b["hard"] else _("no"),
                _number(b["penalty"]),
            ]
            for b in (first.policy.get("bounds", []) if first else [])
        ]
        + [
            [_("parameter"), p["label"], p["value"], p["valid_from"], f"#{p['id']}", "", "", ""]
            for p in (first.policy.get("parameters", []) if first else [])
        ],
    )
    report = Section(
        _("Policy report"),
        [
            _("version"),
            _("where"),
            _("counts"),
            _("value"),
            _("places"),
            _("before"),
            _("after"),
            _("minimum"),
            _("maximum"),
            _("shortfall"),
            _("excess"),
            _("notes"),
        ],
        [
            [
                str(r.number),
                row["scope"],
                row["dimension"],
                row["value"],
                str(row["places"]),
                str(row["before"]),
                str(row["after"]),
                _number(row["min"]),
                _number(row["max"]),
                str(row["shortfall"]),
                str(row["excess"]),
                said(row["notes"], language),
            ]
            for r in runs
            for row in labelled_report(round_, r.report or [])
        ],
    )
    versions = Section(
        _("Runs"),
        [_("version"), _("kind"), _("mode"), _("seed"), _("finished at"), _("filled"), _("error")],
        [
            [
                str(r.number),
                r.get_kind_display(),
                r.get_mode_display(),
                str(r.seed),
                _when(r.finished_at),
                f"{r.metrics.get('filled', '')}/{r.metrics.get('vacancies', '')}",
                r.error,
            ]
            for r in runs
        ],
    )
    outcomes = (
        CandidateOutcome.objects.filter(run__round=round_)
        .select_related("run", "application__target_group", "unit", "engine_unit")
        .order_by("run__number", "position")
    )
    candidates = Section(
        _("Candidates"),
        [
            _("version"),
            _("place"),
            _("name"),
            _("target group"),
            _("eligibility"),
            _("selection score"),
            _("engine proposal"),
            _("proposal after overrides"),
            _("choice"),
            _("explanation"),
        ],
        [
            [
                str(o.run.number),
                str(o.position),
                o.application.full_name,
                str(o.application.target_group),
                _eligibility(o, language),
                _number(o.selection_score),
                o.engine_unit.code if o.engine_unit else "",
                o.unit.code if o.unit else "",
                str(o.choice or ""),
                o.text(language),
            ]
            for o in outcomes
        ],
        in_pdf=False,
    )
    # One line per candidate for the PDF: the headline reason, the checks by name only.
    brief = Section(
        _("Candidates"),
        [
            _("version"),
            _("place"),
            _("name"),
            _("target group"),
            _("selection score"),
            _("eligibility"),
            _("proposal"),
            _("why"),
        ],
        [
            [
                str(o.run.number),
                str(o.position),
                o.application.full_name,
                str(o.application.target_group),
                _number(o.selection_score),
                ", ".join(_check(c) for c in o.eligibility),
                o.unit.code if o.unit else "—",
                _short(str(o.headline.get(language) or o.headline.get("nl", ""))),
            ]
            for o in outcomes
        ],
        in_csv=False,
        widths=(0.04, 0.04, 0.14, 0.09, 0.06, 0.17, 0.06, 0.40),
    )
    overrides = Section(
        _("Overrides"),
        [
            _("when"),
            _("by"),
            _("unit"),
            _("proposed candidate"),
            _("chosen candidate"),
            _("reason"),
        ],
        [
            [
                _when(o.at),
                str(o.by),
                o.unit.code,
                str(o.replaced or ""),
                str(o.chosen or ""),
                o.reason,
            ]
            for o in Override.objects.filter(run__round=round_).select_related(
                "by", "unit", "replaced", "chosen"
            )
        ],
    )
    offers = Section(
        _("Offers"),
        [
            _("unit"),
            _("candidate"),
            _("offered at"),
            _("answer before"),
            _("status"),
            _("reason for declining"),
            _("answered at"),
        ],
        [
            [
                o.unit.code,
                o.application.full_name,
                _when(o.created_at),
                formats.date_format(o.deadline, "j F Y"),
                o.get_status_display(),
                o.decline_reason,
                _when(o.answered_at),
            ]
            for o in Offer.objects.filter(round=round_)
            .select_related("unit", "application")
            .order_by("created_at", "id")
        ],
    )
    return [summary, policy, report, versions, candidates, brief, overrides, offers]


def _offer_counts(round_: Round) -> list[tuple[str, int]]:
    counts = dict(
        Offer.objects.filter(round=round_)
        .values("status")
        .annotate(n=models.Count("id"))
        .values_list("status", "n")
    )
    return [(str(label), counts[value]) for value, label in Offer.Status.choices if value in counts]
