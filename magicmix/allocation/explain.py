"""One explanation per applicant, in the words a letting officer reads out at the counter.

Placed applicants hear where, and why not higher on their list; applicants
left out hear the binding reason for each choice: an eligibility rule (value
against limit), a bound (where and how full), or being out-ranked (their place
against the last placed applicant of their group there).
"""

from __future__ import annotations

from collections import defaultdict

from .modes.outcome import Closed, Outcome, Why
from .policy_report import after_counts
from .problem import Candidate, Option, Problem, counts
from .result import Explanation, Reason, reason


class Explainer:
    def __init__(self, problem: Problem, outcome: Outcome) -> None:
        self.problem = problem
        self.outcome = outcome
        # Per cell and group: the latest place (in the mode's order) of anyone placed there.
        self.last: dict[tuple[int, str], int] = defaultdict(lambda: -1)
        self.latest: dict[tuple[int, str], int] = {}  # cache of _last_in
        self.full: dict[tuple[int, object], tuple[int, ...] | None] = {}  # cache of _full_maximum
        self.names: dict[str, str] = {}  # cache of _name
        self.after = after_counts(problem, outcome.units)
        for index, unit in outcome.units.items():
            key = (problem.unit_cell[unit], problem.candidates[index].applicant.group)
            self.last[key] = max(self.last[key], outcome.positions[index])

    def explain(self, candidate: Candidate) -> Explanation:
        unit = self.outcome.units.get(candidate.index)
        rank = (
            None if unit is None else self.problem.rank_of(candidate, self.problem.unit_cell[unit])
        )
        closed = {(c.rank, c.target): c for c in self.outcome.closed.get(candidate.index, [])}
        limit = len(candidate.applicant.preferences) if rank is None else rank
        reasons: list[tuple[int, Reason]] = []
        for r, target, kind in candidate.closed_targets:
            if r >= limit:
                continue
            failure = None if kind is None else self.problem.failure(candidate, kind)
            if failure is None:
                reasons.append((r, reason("no_vacancy", rank=r + 1, target=self._name(target))))
            else:
                reasons.append(
                    (
                        r,
                        reason(
                            "ineligible",
                            rank=r + 1,
                            target=self._name(target),
                            rule=failure.rule,
                            value=failure.value,
                            limit=failure.limit,
                        ),
                    )
                )
        for option in candidate.options:
            if option.rank < limit:
                reasons.append(
                    (
                        option.rank,
                        self._passed_over(
                            candidate, option, closed.get((option.rank, option.target))
                        ),
                    )
                )
        body = tuple(r for _, r in sorted(reasons, key=lambda pair: pair[0]))
        if unit is None:
            headline = reason("not_placed")
            if not body:
                body = (reason("no_choices"),)
        else:
            assert rank is not None
            complex_id = self.problem.unit_chain[unit][0]
            headline = reason("placed", unit=unit, complex=self._name(complex_id), rank=rank + 1)
            designation = self.problem.units[unit].designation
            if designation is not None:
                body = (
                    reason(
                        "designated_hard" if designation.hard else "designated_soft",
                        dimension=designation.dimension.value,
                        value=designation.value,
                    ),
                    *body,
                )
        return Explanation(
            candidate.applicant.id, unit, None if rank is None else rank + 1, (headline, *body)
        )

    def _passed_over(self, candidate: Candidate, option: Option, closed: Closed | None) -> Reason:
        target = self._name(option.target)
        position = self.outcome.positions[candidate.index]
        if closed is not None and closed.why is not Why.TAKEN:
            if closed.bound is None:
                return reason("minimum_unnamed", rank=option.rank + 1, target=target)
            if closed.why is Why.MAXIMUM and (len(closed.bounds) > 1 or closed.full_elsewhere):
                return self._maxima(option, closed.bounds, closed.full_elsewhere)
            b = self.problem.bounds[closed.bound]
            code = "maximum" if closed.why is Why.MAXIMUM else "minimum"
            limit = b.hi if closed.why is Why.MAXIMUM else b.lo
            return reason(
                code,
                rank=option.rank + 1,
                target=target,
                bound=b.bound.id,
                dimension=b.bound.dimension.value,
                value=b.bound.value,
                scope=self._name(b.bound.scope),
                count=closed.count,
                limit=limit if limit is not None else 0,
            )
        group = candidate.applicant.group
        last = self._last_in(option, group)
        full = None
        if not self.outcome.serial:
            key = (id(option.cells), candidate.profile)  # cell tuples are shared between applicants
            if key not in self.full:
                self.full[key] = self._full_maximum(candidate, option)
            full = self.full[key]
        if full is not None and len(full) > 1:
            return self._maxima(option, full, False)
        if full is not None:
            b = self.problem.bounds[full[0]]
            return reason(
                "maximum",
                rank=option.rank + 1,
                target=target,
                bound=b.bound.id,
                dimension=b.bound.dimension.value,
                value=b.bound.value,
                scope=self._name(b.bound.scope),
                count=self.after[full[0]],
                limit=b.hi if b.hi is not None else 0,
            )
        if not self.outcome.serial:
            return reason(
                "optimised_away",
                rank=option.rank + 1,
                target=target,
                position=position + 1,
                last=last + 1 if last >= 0 else "-",
            )
        if last < 0:
            return reason(
                "outranked_no_group",
                rank=option.rank + 1,
                target=target,
                position=position + 1,
                group=group,
            )
        return reason(
            "outranked",
            rank=option.rank + 1,
            target=target,
            position=position + 1,
            group=group,
            last=last + 1,
        )

    def _maxima(self, option: Option, bounds: tuple[int, ...], full_elsewhere: bool) -> Reason:
        """Every cell of the option was full or at a hard maximum: name all of those maxima."""
        first = self.problem.bounds[bounds[0]].bound
        scopes = ", ".join(
            f"{self._name(b.bound.scope)}: {self.after[bi]}/{b.hi}"
            for bi in bounds
            for b in [self.problem.bounds[bi]]
        )
        return reason(
            "maximum_each_full" if full_elsewhere else "maximum_each",
            rank=option.rank + 1,
            target=self._name(option.target),
            bounds=",".join(self.problem.bounds[bi].bound.id for bi in bounds),
            dimension=first.dimension.value,
            value=first.value,
            scopes=scopes,
        )

    def _full_maximum(self, candidate: Candidate, option: Option) -> tuple[int, ...] | None:
        """The hard maxima, full after the round, that shut the applicant out of every cell of the
        option (one per cell, each named once)."""
        found: list[int] = []
        for cell in option.cells:
            full = [
                bi
                for bi in self.problem.cell_bounds[cell]
                if (b := self.problem.bounds[bi]).bound.hard
                and b.hi is not None
                and self.after[bi] >= b.hi
                and counts(b.bound, candidate.profile)
            ]
            if not full:
                return None
            if full[0] not in found:
                found.append(full[0])
        return tuple(found) if found else None

    def _last_in(self, option: Option, group: str) -> int:
        key = (id(option.cells), group)  # cell tuples are shared between applicants
        if key not in self.latest:
            self.latest[key] = max((self.last[(c, group)] for c in option.cells), default=-1)
        return self.latest[key]

    def _name(self, target: str) -> str:
        name = self.names.get(target)
        if name is None:
            name = self.names[target] = self._scope_name(target)
        return name

    def _scope_name(self, target: str) -> str:
        scope = self.problem.scopes.get(target)
        if scope is None:
            return target if target != "*" else "*"
        return scope.name if scope.name == scope.id else f"{scope.name} [{scope.id}]"


def explain_all(problem: Problem, outcome: Outcome) -> tuple[Explanation, ...]:
    explainer = Explainer(problem, outcome)
    return tuple(explainer.explain(c) for c in problem.candidates)
