"""A round compiled for the modes: cells of interchangeable vacancies, applicants' options, bounds.

Vacancies under the same parent cluster with the same `UnitKind` are
interchangeable for every rule, bound and preference, so the modes work on
*cells* (groups of such vacancies with a capacity) instead of single units. A
unit that some applicant names in a preference gets a cell of its own.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from .eligibility import Failure, UnitKind, check
from .model import ANY, Applicant, Bound, Cluster, Complex, Dimension, Role, Round, SupportLevel, Unit
from .ranking import priority_order

Profile = tuple[str, Role, SupportLevel, str | None]  # group, role, support, partner


@dataclass(frozen=True)
class Scope:
    id: str
    name: str
    kind: str
    complex_id: str
    places: int
    vacancies: int


@dataclass(frozen=True)
class Cell:
    index: int
    chain: tuple[str, ...]  # complex id, then cluster ids down to the unit's parent
    kind: UnitKind
    units: tuple[str, ...]  # vacant unit ids, sorted
    named: bool  # a single unit named in some applicant's preferences

    @property
    def capacity(self) -> int:
        return len(self.units)

    def within(self, target: str) -> bool:
        return target == ANY or target in self.chain or (self.named and target == self.units[0])


@dataclass(frozen=True)
class Option:
    rank: int  # 0 = first preference
    target: str
    cells: tuple[int, ...]  # eligible cells in target not already offered at a better rank


@dataclass(frozen=True)
class Candidate:
    index: int
    applicant: Applicant
    profile: Profile
    position: int  # 0 = first in the round's ranking rule
    options: tuple[Option, ...]
    eligible_kinds: frozenset[UnitKind]
    # Why a preference offers nothing: ineligible for every vacancy in it, or no vacancy at all.
    closed_targets: tuple[tuple[int, str, Failure | None], ...]


def profile_of(group: str, role: Role, support: SupportLevel, partner: str | None) -> Profile:
    return (group, role, support, partner)


def counts(bound: Bound, profile: Profile) -> bool:
    group, role, support, partner = profile
    if bound.dimension is Dimension.GROUP:
        return group == bound.value
    if bound.dimension is Dimension.ROLE:
        return role.value == bound.value
    if bound.dimension is Dimension.SUPPORT:
        return support.value == bound.value
    return partner == bound.value


@dataclass(frozen=True)
class BoundState:
    """A bound turned into whole numbers of residents for this round."""

    index: int
    bound: Bound
    places: int
    before: int  # matching residents in scope before the round
    target_min: int | None
    target_max: int | None
    lo: int | None  # effective minimum: capped at what the vacancies in scope can reach
    hi: int | None  # effective maximum: never below `before` (do not make it worse)
    cells: frozenset[int]

    @property
    def exceeded_before(self) -> bool:
        return self.target_max is not None and self.before > self.target_max

    @property
    def min_capped(self) -> bool:
        return self.target_min is not None and self.lo is not None and self.lo < self.target_min


def _walk(complex_: Complex) -> Iterator[tuple[tuple[str, ...], Unit]]:
    def visit(chain: tuple[str, ...], clusters: tuple[Cluster, ...], units: tuple[Unit, ...]) -> Iterator[tuple[tuple[str, ...], Unit]]:
        for unit in units:
            yield chain, unit
        for cluster in clusters:
            yield from visit(chain + (cluster.id,), cluster.clusters, cluster.units)

    yield from visit((complex_.id,), complex_.clusters, complex_.units)


def _scopes(complex_: Complex, located: list[tuple[tuple[str, ...], Unit]]) -> Iterator[Scope]:
    places: dict[str, int] = defaultdict(int)
    vacant: dict[str, int] = defaultdict(int)
    for chain, unit in located:
        for scope_id in chain:
            places[scope_id] += 1
            vacant[scope_id] += unit.occupant is None
    yield Scope(complex_.id, complex_.name, "complex", complex_.id, places[complex_.id], vacant[complex_.id])

    def visit(clusters: tuple[Cluster, ...]) -> Iterator[Scope]:
        for cluster in clusters:
            yield Scope(cluster.id, cluster.name, cluster.kind, complex_.id, places[cluster.id], vacant[cluster.id])
            yield from visit(cluster.clusters)

    yield from visit(complex_.clusters)


class Problem:
    """Everything the modes share, computed once per round."""

    def __init__(self, round_: Round, with_bounds: bool = True) -> None:
        self.round = round_
        located = [pair for complex_ in round_.complexes for pair in _walk(complex_)]
        by_complex: dict[str, list[tuple[tuple[str, ...], Unit]]] = defaultdict(list)
        for pair in located:
            by_complex[pair[0][0]].append(pair)
        self.scopes = {s.id: s for c in round_.complexes for s in _scopes(c, by_complex[c.id])}
        self.unit_chain = {unit.id: chain for chain, unit in located}
        self.units = {unit.id: unit for _, unit in located}
        self.cells = self._cells(located)
        self.unit_cell = {u: cell.index for cell in self.cells for u in cell.units}
        self.bounds = self._bounds(located) if with_bounds else []
        self.cell_bounds: list[list[int]] = [[] for _ in self.cells]
        for state in self.bounds:
            for cell_index in state.cells:
                self.cell_bounds[cell_index].append(state.index)
        self.candidates = self._candidates()

    def _cells(self, located: list[tuple[tuple[str, ...], Unit]]) -> list[Cell]:
        named = {p for a in self.round.applicants for p in a.preferences if p in self.units}
        groups: dict[tuple[tuple[str, ...], UnitKind, str], list[str]] = defaultdict(list)
        for chain, unit in located:
            if unit.occupant is None:
                groups[(chain, UnitKind.of(unit), unit.id if unit.id in named else "")].append(unit.id)
        return [
            Cell(i, chain, kind, tuple(sorted(units)), bool(name))
            for i, ((chain, kind, name), units) in enumerate(sorted(groups.items()))
        ]

    def _bounds(self, located: list[tuple[tuple[str, ...], Unit]]) -> list[BoundState]:
        residents: dict[str, Counter[Profile]] = defaultdict(Counter)
        for chain, unit in located:
            if unit.occupant is not None:
                o = unit.occupant
                for scope_id in chain:
                    residents[scope_id][profile_of(o.group, o.role, o.support, o.partner)] += 1
        scope_cells: dict[str, list[int]] = defaultdict(list)
        for cell in self.cells:
            for scope_id in cell.chain:
                scope_cells[scope_id].append(cell.index)
        states = []
        for index, bound in enumerate(sorted(self.round.policy.bounds, key=lambda b: b.id)):
            scope = self.scopes[bound.scope]
            before = sum(n for profile, n in residents[bound.scope].items() if counts(bound, profile))
            target_max = target_min = None
            if bound.maximum is not None:
                target_max = math.floor(bound.maximum * scope.places + 1e-9) if bound.share else int(bound.maximum)
            if bound.minimum is not None:
                target_min = math.ceil(bound.minimum * scope.places - 1e-9) if bound.share else int(bound.minimum)
            hi = None if target_max is None else max(target_max, before)
            lo = None if target_min is None else min(target_min, before + scope.vacancies)
            cells = frozenset(scope_cells[bound.scope])
            states.append(BoundState(index, bound, scope.places, before, target_min, target_max, lo, hi, cells))
        return states

    def _candidates(self) -> list[Candidate]:
        ordered = priority_order(self.round.applicants, self.round.ranking)
        position = {a.id: i for i, a in enumerate(ordered)}
        target_cells: dict[str, list[Cell]] = defaultdict(list)
        for cell in self.cells:
            for scope_id in cell.chain:
                target_cells[scope_id].append(cell)
            if cell.named:
                target_cells[cell.units[0]].append(cell)
        target_cells[ANY] = list(self.cells)
        self.target_cells = {t: tuple(c.index for c in cells) for t, cells in target_cells.items()}
        self.target_kinds = {t: frozenset(c.kind for c in cells) for t, cells in target_cells.items()}
        rules, on = self.round.policy.eligibility, self.round.date
        candidates = []
        for index, applicant in enumerate(sorted(self.round.applicants, key=lambda a: a.id)):
            verdicts: dict[UnitKind, Failure | None] = {}
            offered: set[int] = set()
            options: list[Option] = []
            closed: list[tuple[int, str, Failure | None]] = []
            for rank, target in enumerate(applicant.preferences):
                cells = target_cells.get(target, [])
                for cell in cells:
                    if cell.kind not in verdicts:
                        verdicts[cell.kind] = check(applicant, cell.kind, rules, on)
                fresh = tuple(c.index for c in cells if verdicts[c.kind] is None and c.index not in offered)
                if fresh:
                    options.append(Option(rank, target, fresh))
                    offered.update(fresh)
                elif not any(verdicts[c.kind] is None for c in cells):
                    failure = next((verdicts[c.kind] for c in cells), None)
                    closed.append((rank, target, failure))
            candidates.append(
                Candidate(
                    index,
                    applicant,
                    profile_of(applicant.group, applicant.role, applicant.support, applicant.partner),
                    position[applicant.id],
                    tuple(options),
                    frozenset(k for k, v in verdicts.items() if v is None),
                    tuple(closed),
                )
            )
        return candidates

    def score(self, candidate: Candidate, rank: int) -> float:
        """What placing `candidate` at preference `rank` adds to the optimal mode's objective."""
        w = self.round.policy.weights
        n = len(self.candidates)
        return (
            w.placement
            - w.preference * rank
            + w.priority * (n - candidate.position) / n
            + w.selection_score * candidate.applicant.selection_score
        )

    def rank_of(self, candidate: Candidate, cell_index: int) -> int | None:
        for option in candidate.options:
            if cell_index in option.cells:
                return option.rank
        return None
