"""Models → the engine's dataclasses, and the engine's result → plain JSON to store.

The one place that knows both sides. Ids the engine sees are the ones people read in its
explanations: the complex's name, a cluster's path ("Gebouw A / Gang 2B"), a unit's code, and
an application's primary key. Target groups and supporting partners it knows by code and id
only, and bounds by "bound-<pk>", so its reasons are rendered again here with their names and
a conflict's bounds described as the policy page shows them (`Names`) before they are stored.
Units of the complex that are neither a vacancy of this run nor occupied nor reserved by a
pending offer are left out, so the engine never fills them.

The block at the end (`complex_as_on`, `policy_of`) serves the policy simulation of
`magicmix.finance`: the whole complex as it stands and its mix policy.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from magicmix import allocation as engine
from magicmix.accounts.models import Organisation
from magicmix.housing.models import (
    PATH_SEPARATOR,
    Cluster,
    Complex,
    DesignatedRole,
    Designation,
    Unit,
)
from magicmix.legal.checks import Rulebook
from magicmix.legal.contracts import ContractType
from magicmix.legal.models import Kind
from magicmix.people.models import TargetGroup
from magicmix.selection.models import Application, age_on
from magicmix.selection.models.scoring import breakdowns
from magicmix.tenancies.models import Tenancy

from .models import Dimension, PolicyBound, Round
from .models.policy import limits_text, value_label


@dataclass(frozen=True)
class Profile:
    """What the mix policy counts of a resident or candidate."""

    group: str
    role: engine.Role
    support: engine.SupportLevel
    partner: str | None

    @property
    def occupant(self) -> engine.Occupant:
        return engine.Occupant(self.group, self.role, self.support, self.partner)


def profile_of(application: Application) -> Profile:
    """A nominated candidate is supported, with the nomination's support level and partner."""
    nomination = getattr(application, "nomination", None)
    if nomination is None:
        return Profile(
            application.target_group.code,
            engine.Role(application.target_group.default_role),
            engine.SupportLevel.NONE,
            None,
        )
    return Profile(
        application.target_group.code,
        engine.Role.SUPPORTED,
        engine.SupportLevel(nomination.support_need),
        str(nomination.support_organisation_id),
    )


@dataclass(frozen=True)
class Input:
    """An engine round with the way back to the models."""

    round: engine.Round
    units: Mapping[str, Unit]  # engine unit id (the code) → unit
    applications: Mapping[str, Application]  # engine applicant id → application
    scores: Mapping[str, Decimal | None]
    policy: dict[str, Any]  # the policy and eligibility as used, for the record
    names: Names


@dataclass(frozen=True)
class Names:
    """What people call what the engine knows by code: target groups by their catalogue name,
    supporting partners (by organisation id) by the organisation's name, "any vacancy" by the
    complex's name."""

    groups: Mapping[str, str]
    partners: Mapping[str, str]
    # A round has one complex, so a choice of "any vacancy" (the engine's ANY) is the complex.
    anywhere: str
    # The bounds of the run by engine id, as stored with it (`_bound_record`).
    bounds: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def of(self, dimension: str, value: str) -> str:
        if dimension == Dimension.GROUP:
            return self.groups.get(value, value)
        if dimension == Dimension.PARTNER:
            return self.partners.get(value, value)
        return value

    def label(self, dimension: str, value: str) -> str:
        """A bound's value as the policy page shows it: also roles and support levels."""
        return value_label(dimension, value, self.groups, self.partners)

    def bound(self, record: Mapping[str, Any]) -> str:
        """A bound as stored with a run (`_bound_record`), described in the active language:
        "‘doelgroep Statushouder ≥ 3’ in Gang A"."""
        minimum, maximum = record["minimum"], record["maximum"]
        return _("‘%(counts)s %(value)s %(limits)s’ in %(scope)s") % {
            "counts": Dimension(record["dimension"]).label,
            "value": self.label(record["dimension"], record["value"]),
            "limits": limits_text(
                None if minimum is None else Decimal(minimum),
                None if maximum is None else Decimal(maximum),
                record["share"],
            ),
            "scope": record["scope"],
        }

    def said(self, reason: engine.Reason, language: str) -> str:
        """The reason in `language` with names; a conflict's bounds described (`bound`)."""
        shown = self.readable(reason)
        if "bounds" in shown.params:
            # The engine joins the ids of a conflict with ", "; ids are "bound-<pk>".
            ids = str(shown.params["bounds"]).split(", ")
            with translation.override(language):
                described = ", ".join(
                    self.bound(self.bounds[i]) if i in self.bounds else i for i in ids
                )
            shown = engine.Reason(shown.code, {**shown.params, "bounds": described})
        return shown.nl if language == "nl" else shown.en

    def readable(self, reason: engine.Reason) -> engine.Reason:
        """The reason with groups and partners named; the stored params keep the codes."""
        params = dict(reason.params)
        if "dimension" in params:
            params["value"] = self.of(str(params["dimension"]), str(params["value"]))
        if "group" in params:  # the applicant's own group
            params["group"] = self.groups.get(str(params["group"]), params["group"])
        if params.get("target") == engine.ANY:
            params["target"] = self.anywhere
        return engine.Reason(reason.code, params)


def names_of(
    complex_: Complex,
    bounds: Iterable[PolicyBound],
    records: Iterable[Mapping[str, Any]] = (),
) -> Names:
    groups = TargetGroup.objects.filter(organisation=complex_.organisation_id)
    partner_ids = [
        int(b.value) for b in bounds if b.dimension == Dimension.PARTNER and b.value.isdigit()
    ]
    partners = Organisation.objects.filter(pk__in=partner_ids)
    return Names(
        dict(groups.values_list("code", "name")),
        {str(pk): name for pk, name in partners.values_list("pk", "name")},
        complex_.name,
        {record["id"]: record for record in records},
    )


def build(
    round_: Round,
    vacancies: Iterable[Unit],
    candidates: Iterable[Application],
    reserved: Mapping[int, Application] | None = None,
) -> Input:
    """The engine round for `round_` with `vacancies` open to `candidates`; units in `reserved`
    (unit id → application with a pending offer) count as occupied by that application."""
    day = round_.move_in
    complex_ = round_.complex
    vacant = {unit.pk for unit in vacancies}
    occupants = _occupants(round_, day) | {
        unit_id: profile_of(application).occupant
        for unit_id, application in (reserved or {}).items()
    }
    clusters = list(Cluster.objects.filter(complex=complex_).order_by("position", "name", "id"))
    paths = _paths(clusters)
    units_by_cluster: dict[int, list[engine.Unit]] = {}
    by_code: dict[str, Unit] = {}
    for unit in Unit.objects.filter(complex=complex_, status=Unit.Status.IN_USE).order_by("code"):
        if unit.pk not in vacant and unit.pk not in occupants:
            continue
        by_code[unit.code] = unit
        units_by_cluster.setdefault(unit.cluster_id, []).append(
            _unit(
                unit, round_.intake.contract_type, None if unit.pk in vacant else occupants[unit.pk]
            )
        )
    children: dict[int | None, list[Cluster]] = {}
    for cluster in clusters:
        children.setdefault(cluster.parent_id, []).append(cluster)

    def tree(parent: int | None) -> tuple[engine.Cluster, ...]:
        return tuple(
            engine.Cluster(
                paths[c.pk], paths[c.pk], c.kind, tree(c.pk), tuple(units_by_cluster.get(c.pk, ()))
            )
            for c in children.get(parent, [])
        )

    applications = {str(a.pk): a for a in candidates}
    totals = breakdowns(a.pk for a in applications.values())  # the selection scores, in bulk
    scores = {key: totals[a.pk].total for key, a in applications.items()}
    preferences = _preferences(applications.values(), paths)
    applicants = tuple(
        _applicant(key, a, day, scores[key], preferences.get(a.pk, ()))
        for key, a in applications.items()
    )
    bounds = list(PolicyBound.objects.filter(policy__complex=complex_).select_related("cluster"))
    eligibility, parameters = _eligibility(round_, day)
    scope_of = {b.pk: paths[b.cluster_id] if b.cluster_id else complex_.name for b in bounds}
    engine_round = engine.Round(
        id=f"round-{round_.pk}",
        date=day,
        complexes=(engine.Complex(complex_.name, complex_.name, tree(None)),),
        applicants=applicants,
        policy=engine.Policy(tuple(_bound(b, scope_of[b.pk]) for b in bounds), eligibility),
        ranking=tuple(engine.PriorityKey(key) for key in round_.ranking),
        missing=tuple(_missing(key, rule) for key, rule in sorted(round_.missing_keys.items())),
        time_limit=settings.ALLOCATION_TIME_LIMIT,  # no solve runs unbounded in the worker
    )
    policy = {
        "bounds": [_bound_record(b, scope_of[b.pk]) for b in bounds],
        "parameters": parameters,
        "ranking": list(round_.ranking),
        "missing_keys": dict(round_.missing_keys),
    }
    return Input(
        engine_round,
        by_code,
        applications,
        scores,
        policy,
        names_of(complex_, bounds, policy["bounds"]),
    )


@dataclass(frozen=True)
class Allocation:
    """An engine run of a round: what it was given and what it gave back."""

    input: Input
    result: engine.Result


def allocate(
    round_: Round,
    vacancies: Iterable[Unit],
    candidates: Iterable[Application],
    reserved: Mapping[int, Application] | None = None,
    *,
    mode: engine.Mode | None = None,
    with_max_fill: bool = True,
) -> Allocation:
    """Build the engine round and allocate it, in the round's own mode unless `mode` is given.
    The one way every run goes: the background run, the refill after a decline and the policy
    editor's trial; `with_max_fill=False` skips proving the most any allocation could fill."""
    data = build(round_, vacancies, candidates, reserved)
    result = engine.allocate(
        data.round, mode or engine.Mode(round_.mode), round_.seed, with_max_fill=with_max_fill
    )
    return Allocation(data, result)


def conflict(result: engine.Result, data: Input) -> dict[str, str] | None:
    """Why the hard bounds cannot hold together, in both languages; None if they can. The engine
    names the bounds by id ("bound-12"); they are described here as the policy page shows them."""
    if result.conflict is None:
        return None
    return {
        language: data.names.said(result.conflict.reason, language) for language in ("nl", "en")
    }


def _occupants(round_: Round, day: datetime.date) -> dict[int, engine.Occupant]:
    tenancies = (
        Tenancy.objects.current(day)
        .filter(unit__complex=round_.complex)
        .select_related("person__target_group")
    )
    return {
        t.unit_id: engine.Occupant(
            t.person.target_group.code,
            engine.Role(t.person.role),
            engine.SupportLevel(t.person.support_need),
            str(t.person.supporting_partner_id) if t.person.supporting_partner_id else None,
        )
        for t in tenancies
    }


def _paths(clusters: list[Cluster]) -> dict[int, str]:
    by_id = {c.pk: c for c in clusters}
    paths: dict[int, str] = {}

    def path(cluster: Cluster) -> str:
        if cluster.pk not in paths:
            parent = by_id.get(cluster.parent_id) if cluster.parent_id else None
            paths[cluster.pk] = (
                cluster.name if parent is None else path(parent) + PATH_SEPARATOR + cluster.name
            )
        return paths[cluster.pk]

    for cluster in clusters:
        path(cluster)
    return paths


def _unit(unit: Unit, contract_type: str, occupant: engine.Occupant | None) -> engine.Unit:
    return engine.Unit(
        id=unit.code,
        unit_type=unit.type,
        floor_area=float(unit.floor_area),
        max_occupants=unit.max_occupants,
        self_contained=unit.self_contained,
        accessible=unit.accessibility != Unit.Accessibility.NONE,
        rent=float(unit.gross_rent),
        contract_type=contract_type,
        occupant=occupant,
        designation=designation_of(unit),
    )


def designation_of(unit: Unit) -> engine.Designation | None:
    """The unit's bestemming as the engine reads it: a group by its code, a role by its value."""
    if not unit.designation:
        return None
    return engine.Designation(
        engine.Dimension(unit.designated_dimension),
        unit.designated_value,
        hard=unit.designation == Designation.HARD,
    )


def _preferences(
    applications: Iterable[Application], paths: Mapping[int, str]
) -> dict[int, tuple[str, ...]]:
    """Preferred clusters first (in the building's order), then any vacancy."""
    through = Application.preferred_clusters.through.objects.filter(
        application_id__in=[a.pk for a in applications]
    ).order_by("cluster__position", "cluster__name")
    named: dict[int, list[str]] = {}
    for application_id, cluster_id in through.values_list("application_id", "cluster_id"):
        if cluster_id in paths:
            named.setdefault(application_id, []).append(paths[cluster_id])
    return {key: tuple(value) for key, value in named.items()}


def _missing(key: str, rule: str | float) -> engine.WhenMissing:
    if isinstance(rule, str):
        return engine.WhenMissing(engine.PriorityKey(key), engine.Place(rule))
    return engine.WhenMissing(engine.PriorityKey(key), engine.Place.VALUE, float(rule))


def _applicant(
    key: str, a: Application, day: datetime.date, score: Decimal | None, named: tuple[str, ...]
) -> engine.Applicant:
    profile = profile_of(a)
    return engine.Applicant(
        id=key,
        group=profile.group,
        role=profile.role,
        support=profile.support,
        partner=profile.partner,
        household_size=a.household_size,
        age=age_on(a.date_of_birth, day),
        income=float(a.annual_income),
        registration_date=a.registered_on,
        unit_types=tuple(a.unit_types),
        preferences=(*named, engine.ANY),
        selection_score=None if score is None else float(score),
        lottery_number=a.lottery_number,
    )


def _bound(b: PolicyBound, scope: str) -> engine.Bound:
    factor = Decimal(100) if b.share else Decimal(1)
    return engine.Bound(
        id=f"bound-{b.pk}",
        scope=scope,
        dimension=engine.Dimension(b.dimension),
        value=b.value,
        minimum=None if b.minimum is None else float(b.minimum / factor),
        maximum=None if b.maximum is None else float(b.maximum / factor),
        share=b.share,
        hard=b.hard,
        penalty=float(b.penalty),
    )


def _bound_record(b: PolicyBound, scope: str) -> dict[str, Any]:
    return {
        "id": f"bound-{b.pk}",
        "scope": scope,
        "dimension": b.dimension,
        "dimension_label": str(Dimension(b.dimension).label),
        "value": b.value,
        "minimum": None if b.minimum is None else str(b.minimum),
        "maximum": None if b.maximum is None else str(b.maximum),
        "share": b.share,
        "hard": b.hard,
        "penalty": str(b.penalty),
    }


def _eligibility(
    round_: Round, day: datetime.date
) -> tuple[engine.Eligibility, list[dict[str, Any]]]:
    """The dated legal limits of the move-in day, and which parameter versions they came from."""
    rules = Rulebook.on(day)
    used = []
    ages: list[engine.AgeRange] = []
    band = rules.get(Kind.YOUTH_AGE)
    if round_.intake.contract_type == ContractType.YOUTH and band is not None:
        ages.append(
            engine.AgeRange(
                ContractType.YOUTH,
                band.age_from,
                None if band.age_below is None else band.age_below - 1,
            )
        )
        used.append(band)
    limits: list[engine.IncomeLimit] = []
    if round_.intake.checks_income:
        for kind, low, high in ((Kind.DAEB_INCOME_SINGLE, 1, 1), (Kind.DAEB_INCOME_MULTI, 2, None)):
            record = rules.get(kind)
            if record is not None and record.amount is not None:
                limits.append(engine.IncomeLimit(float(record.amount), low, high))
                used.append(record)
    parameters = [
        {
            "id": p.pk,
            "kind": p.kind,
            "label": str(Kind(p.kind).label),
            "valid_from": p.valid_from.isoformat(),
            "value": p.value_display(),
        }
        for p in used
    ]
    return engine.Eligibility(tuple(ages), tuple(limits)), parameters


def reasons(explanation: engine.Explanation, names: Names) -> list[dict[str, Any]]:
    """The reasons to store: the engine's code and params, the texts with names."""
    return [
        {
            "code": r.code,
            "params": dict(r.params),
            "nl": names.said(r, "nl"),
            "en": names.said(r, "en"),
        }
        for r in explanation.reasons
    ]


def report(result: engine.Result) -> list[dict[str, Any]]:
    return [
        {
            "bound": r.bound_id,
            "scope": r.scope_name,
            "dimension": r.dimension,
            "value": r.value,
            "hard": r.hard,
            "places": r.places,
            "before": r.before,
            "after": r.after,
            "min": r.target_min,
            "max": r.target_max,
            "shortfall": r.shortfall,
            "excess": r.excess,
            "notes": [{"nl": n.nl, "en": n.en} for n in r.notes],
        }
        for r in result.policy
    ]


def designations(result: engine.Result, names: Names) -> list[dict[str, Any]]:
    """Per designation (group or role, hard or soft): designated vacancies, how many were let
    and how many of those to the group or role they are meant for; `name` as people read it."""
    roles = dict(DesignatedRole.choices)
    return [
        {
            "dimension": d.dimension,
            "value": d.value,
            "name": str(
                names.of(d.dimension, d.value)
                if d.dimension == "group"
                else roles.get(d.value, d.value)
            ),
            "hard": d.hard,
            "vacancies": d.vacancies,
            "filled": d.filled,
            "filled_by_them": d.filled_by_them,
        }
        for d in result.designations
    ]


def metrics(m: engine.Metrics) -> dict[str, Any]:
    return {
        "vacancies": m.vacancies,
        "filled": m.filled,
        "mean_rank": round(m.mean_rank, 2),
        "score": round(m.score, 1),
        "displaced": dict(m.displaced_by_group),
    }


def price(p: engine.PriceOfMix, names: Mapping[str, str]) -> dict[str, Any]:
    return {
        "filled_with": p.filled_with,
        "filled_without": p.filled_without,
        "score_with": round(p.score_with, 1),
        "score_without": round(p.score_without, 1),
        "displaced": [names.get(a, a) for a in p.displaced],
    }


def comparison(c: engine.Comparison) -> dict[str, Any]:
    return {
        "max_fill": c.max_fill,
        "modes": {str(mode): metrics(m) for mode, m in c.metrics.items()},
    }


# --- Policy simulation (finance, #15) ----------------------------------------------------
# The simulator (`magicmix.finance.simulation`) reads a complex as it stands and its mix
# policy here, so that it sees exactly what a round would. Additions only: the functions above
# are the rounds' own.


def complex_as_on(complex_: Complex, day: datetime.date) -> engine.Complex:
    """Every unit in use of `complex_` with its resident on `day` (None: vacant), in the
    complex's cluster tree, with the ids a round uses (cluster paths and unit codes)."""
    occupants = {
        t.unit_id: engine.Occupant(
            t.person.target_group.code,
            engine.Role(t.person.role),
            engine.SupportLevel(t.person.support_need),
            str(t.person.supporting_partner_id) if t.person.supporting_partner_id else None,
        )
        for t in Tenancy.objects.current(day)
        .filter(unit__complex=complex_)
        .select_related("person__target_group")
    }
    clusters = list(Cluster.objects.filter(complex=complex_).order_by("position", "name", "id"))
    paths = _paths(clusters)
    units: dict[int | None, list[engine.Unit]] = {}
    for unit in Unit.objects.filter(complex=complex_, status=Unit.Status.IN_USE).order_by("code"):
        units.setdefault(unit.cluster_id, []).append(
            # Contract types only matter to eligibility rules, which a simulation leaves out.
            _unit(unit, "", occupants.get(unit.pk))
        )

    def tree(parent: int | None) -> tuple[engine.Cluster, ...]:
        return tuple(
            engine.Cluster(paths[c.pk], paths[c.pk], c.kind, tree(c.pk), tuple(units.get(c.pk, ())))
            for c in clusters
            if c.parent_id == parent
        )

    return engine.Complex(complex_.name, complex_.name, tree(None), tuple(units.get(None, ())))


def policy_of(complex_: Complex) -> engine.Policy:
    """The complex's mix bounds as the engine takes them (no eligibility rules: the simulated
    applicants are eligible by construction)."""
    bounds = PolicyBound.objects.filter(policy__complex=complex_).select_related("cluster")
    paths = _paths(list(Cluster.objects.filter(complex=complex_)))
    return engine.Policy(
        tuple(_bound(b, paths[b.cluster_id] if b.cluster_id else complex_.name) for b in bounds)
    )
