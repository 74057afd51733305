"""The justification of a round, as sections of rows: what a corporation shows its board, the
municipality or a complaints committee. Rendered as CSV and as PDF by `views.export`."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import formats, translation
from django.utils.translation import gettext as _

from magicmix.selection.models import Application

from .forms import ranking_label
from .models import CandidateOutcome, Offer, Override, Round


@dataclass(frozen=True)
class Section:
    title: str
    header: list[str]
    rows: list[list[str]]


def _when(value: object) -> str:
    return formats.date_format(value, "j F Y H:i") if value else ""  # type: ignore[arg-type]


def _eligibility(outcome: CandidateOutcome, language: str) -> str:
    parts = []
    for check in outcome.eligibility:
        detail = check["outcome"]
        text = detail.get("text", {}).get(language) or detail.get("text", {}).get("nl", "")
        versions = ", ".join(f"#{p['id']} {p['valid_from']}" for p in detail.get("parameters", []))
        parts.append(
            f"{check['rule']}: {check['status']} — {text}" + (f" [{versions}]" if versions else "")
        )
    return " | ".join(parts)


def sections(round_: Round) -> list[Section]:
    language = translation.get_language() or "nl"
    runs = list(round_.runs.all())
    first = next((run for run in runs if not run.failed), None)
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
                b["dimension_label"],
                b["value"],
                b["minimum"] or "",
                b["maximum"] or "",
                _("yes") if b["share"] else _("no"),
                _("yes") if b["hard"] else _("no"),
                b["penalty"],
            ]
            for b in (first.policy.get("bounds", []) if first else [])
        ]
        + [
            [_("parameter"), p["label"], p["value"], p["valid_from"], f"#{p['id']}", "", "", ""]
            for p in (first.policy.get("parameters", []) if first else [])
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
                "" if o.selection_score is None else str(o.selection_score),
                o.engine_unit.code if o.engine_unit else "",
                o.unit.code if o.unit else "",
                str(o.choice or ""),
                o.text(language),
            ]
            for o in outcomes
        ],
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
    return [summary, policy, versions, candidates, overrides, offers]
