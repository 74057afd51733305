"""A round compiled for the modes: cells of interchangeable vacancies, applicants' options, bounds.

Vacancies under the same parent cluster with the same `UnitKind` are
interchangeable for every rule, bound and preference, so the modes work on
*cells* (groups of such vacancies with a capacity) instead of single units. A
unit that some applicant names in a preference gets a cell of its own.
"""

from __future__ import annotations

import functools
import math
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from .eligibility import Applicants, Failure, UnitKind, failure
from .model import (
    ANY,
    Applicant,
    Bound,
    Cluster,
    Complex,
    Dimension,
    Role,
    Round,
    SupportLevel,
    Unit,
)
from .ranking import priority_order

Profile = tuple[str, Role, SupportLevel, str | None]  # group, role, support, partner
_TRAIT = {d.value: i for i, d in enumerate(Dimension)}  # Dimension -> position in Profile


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
    kind_id: int  # index into Problem.kinds
    units: tuple[str, ...]  # vacant unit ids, sorted
    named: bool  # a single unit named in some applicant's preferences

    @property
    def capacity(self) -> int:
        return len(self.units)

    def within(self, target: str) -> bool:
        return target == ANY or target in self.chain or (self.named and target == self.units[0])


@dataclass(frozen=True, slots=True)
class Option:
    rank: int  # 0 = first preference
    target: str
    cells: tuple[int, ...]  # eligible cells in target not already offered at a better rank
    kinds: frozenset[int]  # unit kinds in target the applicant is eligible for


@dataclass(frozen=True, slots=True)
class Candidate:
    index: int
    applicant: Applicant
    profile: Profile
    position: int  # 0 = first in the round's ranking rule
    options: tuple[Option, ...]
    # Preferences that offer nothing: (rank, target, a unit kind there the applicant is
    # ineligible for, or None if the target has no vacancy at all).
    closed_targets: tuple[tuple[int, str, int | None], ...]


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
    def visit(
        chain: tuple[str, ...], clusters: tuple[Cluster, ...], units: tuple[Unit, ...]
    ) -> Iterator[tuple[tuple[str, ...], Unit]]:
        for unit in units:
            yield chain, unit
        for cluster in clusters:
            yield from visit((*chain, cluster.id), cluster.clusters, cluster.units)

    yield from visit((complex_.id,), complex_.clusters, complex_.units)


def _scopes(complex_: Complex, located: list[tuple[tuple[str, ...], Unit]]) -> Iterator[Scope]:
    places: dict[str, int] = defaultdict(int)
    vacant: dict[str, int] = defaultdict(int)
    for chain, unit in located:
        for scope_id in chain:
            places[scope_id] += 1
            vacant[scope_id] += unit.occupant is None
    yield Scope(
        complex_.id, complex_.name, "complex", complex_.id, places[complex_.id], vacant[complex_.id]
    )

    def visit(clusters: tuple[Cluster, ...]) -> Iterator[Scope]:
        for cluster in clusters:
            yield Scope(
                cluster.id,
                cluster.name,
                cluster.kind,
                complex_.id,
                places[cluster.id],
                vacant[cluster.id],
            )
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
        self.unit_chain = {unit.id: (*chain, unit.id) for chain, unit in located}
        self.scope_chain = {
            scope_id: chain[: chain.index(scope_id) + 1]
            for chain, _ in located
            for scope_id in chain
        }
        self.units = {unit.id: unit for _, unit in located}
        self.cells = self._cells(located)
        self.unit_cell = {u: cell.index for cell in self.cells for u in cell.units}
        self.bounds = self._bounds(located) if with_bounds else []
        self.cell_bounds: list[list[int]] = [[] for _ in self.cells]
        for state in self.bounds:
            for cell_index in state.cells:
                self.cell_bounds[cell_index].append(state.index)
        self.candidates = self._candidates()
        # Cells of soft-designated units: (dimension index in Profile, value).
        self.soft: dict[int, tuple[int, str]] = {
            c.index: (_TRAIT[c.kind.designation[0]], c.kind.designation[1])
            for c in self.cells
            if c.kind.designation[0] and not c.kind.designation[2]
        }
        self._counting: dict[Profile, frozenset[int]] = {}
        self.deadline: float | None = None  # time.monotonic() by which the solves must end
        self.timed_out = False  # a solve was cut short by the deadline

    def start_clock(self, seconds: float | None) -> None:
        self.deadline = None if seconds is None else time.monotonic() + seconds
        self.timed_out = False

    def counting(self, profile: Profile) -> frozenset[int]:
        """The bounds (indices) that count residents with `profile`."""
        found = self._counting.get(profile)
        if found is None:
            found = self._counting[profile] = frozenset(
                b.index for b in self.bounds if counts(b.bound, profile)
            )
        return found

    def soft_miss(self, profile: Profile, cell: int) -> bool:
        """Whether `cell` is soft-designated for residents `profile` does not count as."""
        designated = self.soft.get(cell)
        if designated is None:
            return False
        trait = profile[designated[0]]
        return (
            str(trait.value if isinstance(trait, Role | SupportLevel) else trait) != designated[1]
        )

    def soft_order(self, profile: Profile, cells: tuple[int, ...]) -> tuple[int, ...]:
        """`cells` in the order the serial modes try them: soft-designated units for this
        applicant's own group first, units designated for others last."""
        if not self.soft or not any(c in self.soft for c in cells):
            return cells
        return tuple(sorted(cells, key=lambda c: (self.soft_miss(profile, c), c not in self.soft)))

    def remaining(self) -> float | None:
        """Seconds left before the deadline (None without one); marks the run timed out at 0."""
        if self.deadline is None:
            return None
        left = self.deadline - time.monotonic()
        if left <= 0:
            self.timed_out = True
        return max(left, 0.0)

    def _cells(self, located: list[tuple[tuple[str, ...], Unit]]) -> list[Cell]:
        named = {p for a in self.round.applicants for p in a.preferences if p in self.units}
        groups: dict[tuple[tuple[str, ...], UnitKind, str], list[str]] = defaultdict(list)
        for chain, unit in located:
            if unit.occupant is None:
                groups[(chain, UnitKind.of(unit), unit.id if unit.id in named else "")].append(
                    unit.id
                )
        self.kinds = sorted({kind for _, kind, _ in groups})
        kind_id = {kind: i for i, kind in enumerate(self.kinds)}
        return [
            Cell(i, chain, kind, kind_id[kind], tuple(sorted(units)), bool(name))
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
            before = sum(
                n for profile, n in residents[bound.scope].items() if counts(bound, profile)
            )
            target_max = target_min = None
            if bound.maximum is not None:
                target_max = (
                    math.floor(bound.maximum * scope.places + 1e-9)
                    if bound.share
                    else int(bound.maximum)
                )
            if bound.minimum is not None:
                target_min = (
                    math.ceil(bound.minimum * scope.places - 1e-9)
                    if bound.share
                    else int(bound.minimum)
                )
            hi = None if target_max is None else max(target_max, before)
            lo = None if target_min is None else min(target_min, before + scope.vacancies)
            cells = frozenset(scope_cells[bound.scope])
            states.append(
                BoundState(
                    index, bound, scope.places, before, target_min, target_max, lo, hi, cells
                )
            )
        return states

    def _candidates(self) -> list[Candidate]:
        applicants = sorted(self.round.applicants, key=lambda a: a.id)
        ordered = priority_order(applicants, self.round.ranking, self.round.missing)
        position = {a.id: i for i, a in enumerate(ordered)}
        rules, on = self.round.policy.eligibility, self.round.date
        table = self._table = Applicants(applicants, rules, on)
        self._first_failure: dict[int, list[int]] = {}
        # Per target: its cells grouped by unit kind.
        grouped: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        for cell in self.cells:
            targets = [*cell.chain, ANY] + ([cell.units[0]] if cell.named else [])
            for target in targets:
                grouped[target][cell.kind_id].append(cell.index)
        self.target_cells = {
            t: tuple(sorted(c for cells in g.values() for c in cells)) for t, g in grouped.items()
        }
        # Per target used in a preference: of the applicants who name it, those eligible for the
        # same kinds there share one answer, found with numpy over those applicants at once.
        naming: dict[str, list[int]] = defaultdict(list)
        for index, applicant in enumerate(applicants):
            for target in applicant.preferences:
                if target in grouped:
                    naming[target].append(index)
        answer: dict[str, list[tuple[frozenset[int], tuple[int, ...]]]] = {}
        pattern: dict[str, dict[int, int]] = {}  # target -> applicant index -> answer
        for target, rows in sorted(naming.items()):
            kinds = sorted(grouped[target])
            table_t = np.column_stack(
                [table.eligible(self.kinds[k], np.array(rows)) for k in kinds]
            )
            codes = np.packbits(table_t, axis=1, bitorder="little")
            words = codes.view(np.uint8).astype(np.uint64) << (
                8 * np.arange(codes.shape[1], dtype=np.uint64)
            )
            if codes.shape[1] <= 8:
                _, first, inverse = np.unique(
                    words.sum(axis=1), return_index=True, return_inverse=True
                )
            else:  # more than 64 kinds in one target (e.g. "any" in a large round)
                _, first, inverse = np.unique(codes, axis=0, return_index=True, return_inverse=True)
            pattern[target] = dict(zip(rows, inverse.reshape(-1).tolist(), strict=True))
            answer[target] = []
            for row in table_t[first].tolist():
                ok = frozenset(k for k, flag in zip(kinds, row, strict=True) if flag)
                answer[target].append(
                    (ok, tuple(sorted(c for k in ok for c in grouped[target][k])))
                )
        complexes = {c.id for c in self.round.complexes}
        candidates = []
        # Distinct complexes never share a vacancy, so for lists of complexes only (the usual
        # case) an option depends on (rank, target, eligibility pattern) alone: build each once
        # and share the immutable objects. Other lists take the general path with overlap checks.
        disjoint_of: dict[tuple[str, ...], bool] = {}
        parts: dict[
            tuple[int, str, int], tuple[Option | None, tuple[int, str, int | None] | None]
        ] = {}
        for index, applicant in enumerate(applicants):
            prefs = applicant.preferences
            disjoint = disjoint_of.get(prefs)
            if disjoint is None:
                disjoint = disjoint_of[prefs] = complexes.issuperset(prefs)
            if disjoint:
                options: list[Option] = []
                closed: list[tuple[int, str, int | None]] = []
                for rank, target in enumerate(prefs):
                    at = pattern.get(target)
                    if at is None:
                        closed.append((rank, target, None))
                        continue
                    key = (rank, target, at[index])
                    part = parts.get(key)
                    if part is None:
                        ok, cells = answer[target][at[index]]
                        part = parts[key] = (
                            Option(rank, target, cells, ok) if cells else None,
                            (rank, target, min(grouped[target])) if not cells and not ok else None,
                        )
                    if part[0] is not None:
                        options.append(part[0])
                    elif part[1] is not None:
                        closed.append(part[1])
                shared = (tuple(options), tuple(closed))
            else:
                shared = self._options(prefs, index, answer, pattern, grouped, complexes)
            candidates.append(
                Candidate(
                    index,
                    applicant,
                    profile_of(
                        applicant.group, applicant.role, applicant.support, applicant.partner
                    ),
                    position[applicant.id],
                    shared[0],
                    shared[1],
                )
            )
        return candidates

    def _options(
        self,
        preferences: tuple[str, ...],
        index: int,
        answer: dict[str, list[tuple[frozenset[int], tuple[int, ...]]]],
        pattern: dict[str, dict[int, int]],
        grouped: dict[str, dict[int, list[int]]],
        complexes: set[str],
    ) -> tuple[tuple[Option, ...], tuple[tuple[int, str, int | None], ...]]:
        # Distinct complexes never share a vacancy; only other lists need the overlap check.
        disjoint = complexes.issuperset(preferences)
        options: list[Option] = []
        closed: list[tuple[int, str, int | None]] = []
        for rank, target in enumerate(preferences):
            if target not in answer:
                closed.append((rank, target, None))
                continue
            ok, cells = answer[target][pattern[target][index]]
            if not disjoint and any(self._overlap(target, o.target) for o in options):
                taken = {c for o in options for c in o.cells}
                cells = tuple(c for c in cells if c not in taken)
            if cells:
                options.append(Option(rank, target, cells, ok))
            elif not ok:
                closed.append((rank, target, min(grouped[target])))
        return tuple(options), tuple(closed)

    @functools.cache  # noqa: B019 - one Problem per round, few distinct target pairs
    def _overlap(self, a: str, b: str) -> bool:
        """Whether preference targets `a` and `b` can share a vacancy (one holds the other)."""
        if ANY in (a, b):
            return True
        return a in self.unit_chain.get(b, self.scope_chain.get(b, ())) or b in self.unit_chain.get(
            a, self.scope_chain.get(a, ())
        )

    def failure(self, candidate: Candidate, kind_id: int) -> Failure | None:
        """The first eligibility rule `candidate` fails for units of kind `kind_id`."""
        if kind_id not in self._first_failure:
            self._first_failure[kind_id] = self._table.first_failure(self.kinds[kind_id]).tolist()
        rule = self._first_failure[kind_id][candidate.index]
        return failure(
            rule,
            candidate.applicant,
            self.kinds[kind_id],
            self.round.policy.eligibility,
            self.round.date,
        )

    def score(self, candidate: Candidate, rank: int) -> float:
        """What placing `candidate` at preference `rank` adds to the optimal mode's objective."""
        w = self.round.policy.weights
        n = len(self.candidates)
        return (
            w.placement
            - w.preference * rank
            + w.priority * (n - candidate.position) / n
            + w.selection_score * (candidate.applicant.selection_score or 0.0)
        )

    def rank_of(self, candidate: Candidate, cell_index: int) -> int | None:
        for option in candidate.options:
            if cell_index in option.cells:
                return option.rank
        return None
