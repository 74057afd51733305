"""What a letting officer needs to judge a proposal; computes, writes nothing.

- `warnings`: per candidate, what should make a reviewer look twice (no selection score,
  panel advice against, a missed interview, eligibility approved by hand);
- `changes_since`: what changed after the run that the proposal did not see (scores,
  withdrawals, panel advice, new candidates), so the page can say it is out of date;
- `before_after`: the building on the move-in day before and after the proposal, drawn by
  `composition.picture` so it looks like the mix page, and per cluster the groups and roles
  before and after next to the policy's bounds.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from magicmix.composition.census import take_census
from magicmix.composition.mix import MixNode, Resident, roll_up
from magicmix.composition.picture import Colouring, Picture, draw, palette, present_groups
from magicmix.housing.cluster_tree import cluster_tree
from magicmix.people.models import Role, TargetGroup
from magicmix.selection.models import (
    Application,
    CheckResult,
    CooptationAdvice,
    Interview,
    breakdowns,
)

from .engine_adapter import profile_of
from .models import CANDIDATE_STAGES, CandidateOutcome, Dimension, PolicyBound, Round, Run

# The page has h1, then h2 sections and an h3 per picture; top-level clusters are h4.
PICTURE_TOP_HEADING = 4


def warnings(outcomes: list[CandidateOutcome]) -> dict[int, list[str]]:
    """Application id → the warnings to show next to the candidate."""
    ids = [o.application_id for o in outcomes]
    against = Counter(
        CooptationAdvice.objects.filter(
            application_id__in=ids, advice=CooptationAdvice.Advice.AGAINST
        ).values_list("application_id", flat=True)
    )
    missed = set(
        Interview.objects.filter(
            application_id__in=ids, status=Interview.Status.NO_SHOW
        ).values_list("application_id", flat=True)
    )
    by_hand = set(
        Application.objects.filter(pk__in=ids, check_result=CheckResult.APPROVED).values_list(
            "pk", flat=True
        )
    )
    result: dict[int, list[str]] = {}
    for outcome in outcomes:
        found = []
        if outcome.selection_score is None:
            found.append(_("no selection score"))
        if against[outcome.application_id]:
            found.append(
                ngettext(
                    "%(n)s panel advice against",
                    "%(n)s panel advices against",
                    against[outcome.application_id],
                )
                % {"n": against[outcome.application_id]}
            )
        if outcome.application_id in missed:
            found.append(_("did not come to the interview"))
        if outcome.application_id in by_hand:
            found.append(_("eligibility approved by hand"))
        if found:
            result[outcome.application_id] = found
    return result


def changes_since(run: Run) -> list[str]:
    """What the run did not see: each change as a sentence, with the candidates named."""
    outcomes = list(run.outcomes.select_related("application"))
    by_id = {o.application_id: o for o in outcomes}
    now = breakdowns(by_id)
    rescored = sorted(
        o.application.full_name
        for o in outcomes
        if now[o.application_id].total != o.selection_score
    )
    advised = sorted(
        {
            by_id[pk].application.full_name
            for pk in CooptationAdvice.objects.filter(
                application_id__in=by_id, given_at__gt=run.finished_at
            ).values_list("application_id", flat=True)
        }
    )
    gone = sorted(
        o.application.full_name for o in outcomes if o.application.stage not in CANDIDATE_STAGES
    )
    new = run.round.candidates().exclude(pk__in=by_id).count()
    changes = []
    if rescored:
        changes.append(_("Selection score changed: %(names)s.") % {"names": ", ".join(rescored)})
    if advised:
        changes.append(_("New panel advice: %(names)s.") % {"names": ", ".join(advised)})
    if gone:
        changes.append(
            _("No longer a candidate (withdrawn, offered or decided): %(names)s.")
            % {"names": ", ".join(gone)}
        )
    if new:
        changes.append(
            ngettext(
                "%(n)s new candidate since the run.", "%(n)s new candidates since the run.", new
            )
            % {"n": new}
        )
    return changes


@dataclass(frozen=True)
class MixLine:
    """One group or role in one place: how many live there before and after the proposal,
    and the policy's bound on it there, if any."""

    label: str
    before: int
    after: int
    bound: str  # "≥ 50 %", "≤ 2", "2 – 4" or "" for none
    outside: bool  # after the proposal the count breaks the bound


@dataclass(frozen=True)
class ClusterMix:
    path: str
    places: int
    lines: list[MixLine]


@dataclass(frozen=True)
class BeforeAfter:
    before: Picture
    after: Picture
    clusters: list[ClusterMix]


def before_after(round_: Round, run: Run) -> BeforeAfter:
    """The building on the move-in day as it is, and with the proposed candidates moved in:
    as pictures, and as counts per cluster next to the policy's bounds."""
    census = take_census(round_.complex, round_.move_in)
    placed = {
        o.unit_id: o.application
        for o in run.outcomes.filter(unit__isnull=False).select_related(
            "application__target_group", "application__nomination"
        )
    }
    arriving = {}
    for unit_id, application in placed.items():
        profile = profile_of(application)
        arriving[unit_id] = Resident(
            application.target_group_id, profile.role.value, profile.support.value
        )
    after = _moved_in(census.root, arriving)
    groups = census.groups
    # Everyone living there before still lives there after: one palette for both pictures.
    colours = palette(present_groups(after, groups))

    def picture(root: MixNode) -> Picture:
        return draw(round_.complex_id, root, groups, Colouring.GROUP, PICTURE_TOP_HEADING, colours)

    return BeforeAfter(
        picture(census.root), picture(after), _per_cluster(round_, census.root, after, groups)
    )


def _per_cluster(
    round_: Round, before: MixNode, after: MixNode, groups: list[TargetGroup]
) -> list[ClusterMix]:
    """Every place with residents or a bound: its groups and both roles, before and after."""
    policy = getattr(round_.complex, "mix_policy", None)
    bounds = {
        (b.cluster_id, b.dimension, b.value): b
        for b in (policy.bounds.all() if policy else [])
        if b.dimension in (Dimension.GROUP, Dimension.ROLE)
    }
    paths = cluster_tree(round_.complex).paths()
    earlier = {node.key: node.tally for node in before.walk()}
    result = []
    for node in after.walk():
        then, now = earlier[node.key], node.tally
        counted = [
            (Dimension.GROUP, g.code, g.name, then.groups[g.pk], now.groups[g.pk]) for g in groups
        ] + [
            (Dimension.ROLE, value, str(label), then.roles[value], now.roles[value])
            for value, label in Role.choices
        ]
        lines = []
        for dimension, value, label, was, becomes in counted:
            bound = bounds.get((node.key, dimension, value))
            if bound or was or becomes:
                lines.append(_line(label, was, becomes, bound, now.places))
        if lines and any(line.bound or line.after for line in lines):
            path = paths.get(node.key, "") if node.key else str(_("the whole complex"))
            result.append(ClusterMix(path, now.places, lines))
    return result


def _line(label: str, before: int, after: int, bound: PolicyBound | None, places: int) -> MixLine:
    if bound is None:
        return MixLine(label, before, after, "", False)

    def count(limit: Decimal) -> Decimal:
        return limit * places / 100 if bound.share else limit

    low = bound.minimum is not None and after < count(bound.minimum)
    high = bound.maximum is not None and after > count(bound.maximum)
    return MixLine(label, before, after, bound.limits(), low or high)


def _moved_in(root: MixNode, arriving: dict[int | None, Resident]) -> MixNode:
    clusters = [node.cluster for node in root.walk() if node.cluster is not None]
    units = [
        replace(unit, residents=(*unit.residents, arriving[unit.id]))
        if unit.id in arriving
        else unit
        for node in root.walk()
        for unit in node.units
    ]
    return roll_up(clusters, units)
