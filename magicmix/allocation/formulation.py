"""The aggregated integer programme, solved by HiGHS.

Instead of one binary per (applicant, unit) the model has
  x[a, t]    1 if applicant a is placed in preference target t (a complex, cluster or unit),
  z[k, t, c] how many applicants of class k placed via target t land in cell c,
where a class k is (profile, eligible unit kinds): applicants of one class are
interchangeable for every bound and every rule. Linking rows
  sum_{a in k} x[a, t] = sum_c z[k, t, c]
carry applicants from their choices to cells; capacity rows cap each cell and
bound rows count the z of matching classes in a scope. Any integral solution
splits back into applicants per unit, because units in a cell and applicants in
a class are interchangeable. The model has one row per applicant and few other
rows, and its LP relaxation is usually integral, so HiGHS proves optimality at
or near the root.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import highspy
import numpy as np
from scipy.sparse import csc_matrix

from .farkas import Refuter
from .problem import BoundState, Candidate, Option, Problem, Profile, counts

Value = Callable[[Candidate, int], float]
_local = threading.local()


@dataclass(frozen=True)
class Solution:
    feasible: bool
    placement: dict[int, int]  # candidate index -> cell index
    objective: float
    dual_bound: float
    gap: float


@dataclass(frozen=True)
class State:
    """What is still open: applicants, vacancies per cell, residents already counted per bound."""

    candidates: Sequence[Candidate]
    capacity: Sequence[int]
    fixed: Sequence[int]  # per bound index: residents counted before these candidates
    # Applicants who must be placed within a given option, in any of its cells: the serial
    # modes commit an applicant to the option they got and lay out the units at the end.
    required: Sequence[tuple[Candidate, Option]] = ()
    designation_cost: float = 0.0  # per applicant in a soft-designated unit meant for others


def initial_state(problem: Problem) -> State:
    return State(
        problem.candidates, [c.capacity for c in problem.cells], [b.before for b in problem.bounds]
    )


LinkKey = tuple[Profile, frozenset[int], str]


def link_of(candidate: Candidate, option: Option) -> LinkKey:
    """The link an applicant is placed through: applicants of one link are interchangeable."""
    return (candidate.profile, option.kinds, option.target)


_link = link_of


@dataclass
class _Model:
    matrix: csc_matrix
    cost: np.ndarray
    upper: np.ndarray
    row_lo: np.ndarray
    row_hi: np.ndarray
    # Applicant columns are the first len(x_who): per column, the candidate index and link row.
    x_who: np.ndarray
    x_link: np.ndarray
    # Seat columns: per column, its link row, its cell and its index in the model.
    z_link: np.ndarray
    z_cell: np.ndarray
    z: np.ndarray
    links: dict[LinkKey, int]  # link -> row
    required: dict[int, list[int]]  # link row -> candidates who must be placed through it
    capacity_rows: list[int]  # per cell
    bound_rows: dict[int, list[int]]  # per bound index

    @property
    def width(self) -> int:
        return len(self.cost)

    def seat_columns(self) -> np.ndarray:
        """Columns that must be whole numbers: applicants (x) and seat counts (z)."""
        return np.concatenate([np.arange(len(self.x_who), dtype=np.int64), self.z])

    def lp(
        self, columns: np.ndarray | None = None, fixed: np.ndarray | None = None
    ) -> highspy.HighsLp:
        """The model for HiGHS, on `columns` only (default all); `fixed` holds the value of every
        other column, whose share of each row moves into the row bounds."""
        matrix, cost, upper = self.matrix, self.cost, self.upper
        row_lo, row_hi = self.row_lo, self.row_hi
        if columns is not None:
            assert fixed is not None
            rest = np.setdiff1d(np.arange(self.width), columns)
            used = matrix[:, rest] @ fixed[rest]
            row_lo, row_hi = row_lo - used, row_hi - used
            matrix, cost, upper = matrix[:, columns], cost[columns], upper[columns]
        lp = highspy.HighsLp()
        lp.num_col_, lp.num_row_ = len(cost), len(row_lo)
        lp.col_cost_ = cost
        lp.col_lower_ = np.zeros(len(cost))
        lp.col_upper_ = upper
        lp.row_lower_ = row_lo
        lp.row_upper_ = row_hi
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = matrix.indptr
        lp.a_matrix_.index_ = matrix.indices
        lp.a_matrix_.value_ = matrix.data
        return lp


def _build(
    problem: Problem,
    candidates: Sequence[Candidate],
    state: State,
    value: Value | None,
    hard: Sequence[BoundState],
    softs: Sequence[BoundState],
    extra_links: Iterable[LinkKey] = (),
) -> _Model:
    # Column j holds the matrix entries rows[starts[j]:starts[j + 1]] (all ones except where
    # `vals` says otherwise); the arrays are handed to HiGHS as numpy arrays in one go.
    cost: list[float] = []
    upper: list[float] = []
    rows: list[int] = []
    vals: list[float] = []
    counts_per_col: list[int] = []
    row_lo: list[float] = []
    row_hi: list[float] = []

    # A link is (profile, eligible kinds in the target, target): its applicants are interchangeable there.
    links: dict[LinkKey, int] = {}
    x_who: list[int] = []
    x_link: list[int] = []
    for candidate in candidates:
        if not candidate.options:
            continue
        applicant_row = len(row_lo)
        row_lo.append(0.0)
        row_hi.append(1.0)
        profile = candidate.profile
        for option in candidate.options:
            key = (profile, option.kinds, option.target)
            link = links.get(key)
            if link is None:
                link = links[key] = len(row_lo)
                row_lo.append(0.0)
                row_hi.append(0.0)
            x_who.append(candidate.index)
            x_link.append(link)
            cost.append(-value(candidate, option.rank) if value is not None else 0.0)
            rows.append(applicant_row)
            rows.append(link)
            vals.append(1.0)
            vals.append(1.0)
            counts_per_col.append(2)
    upper.extend([1.0] * len(cost))
    for key in extra_links:  # links no applicant here names yet (see Warm)
        if key not in links:
            links[key] = len(row_lo)
            row_lo.append(0.0)
            row_hi.append(0.0)
    # Required placements have no column: each adds one seat the link's z must supply.
    required: dict[int, list[int]] = defaultdict(list)
    for candidate, option in state.required:
        key = (candidate.profile, option.kinds, option.target)
        link = links.get(key)
        if link is None:
            link = links[key] = len(row_lo)
            row_lo.append(0.0)
            row_hi.append(0.0)
        row_lo[link] -= 1.0
        row_hi[link] -= 1.0
        required[link].append(candidate.index)

    def column(c: float, ub: float, entries: list[tuple[int, float]]) -> int:
        j = len(cost)
        cost.append(c)
        upper.append(ub)
        for r, v in entries:
            rows.append(r)
            vals.append(v)
        counts_per_col.append(len(entries))
        return j

    def row(lo: float, hi: float) -> int:
        row_lo.append(lo)
        row_hi.append(hi)
        return len(row_lo) - 1

    capacity_rows = [row(-np.inf, float(state.capacity[c.index])) for c in problem.cells]
    bound_rows: dict[int, list[int]] = defaultdict(list)  # bound index -> its rows
    for b in hard:
        lo = -np.inf if b.lo is None else b.lo - state.fixed[b.index]
        hi = np.inf if b.hi is None else b.hi - state.fixed[b.index]
        bound_rows[b.index].append(row(lo, hi))
    for b in softs:
        if b.lo is not None:
            r = row(b.lo - state.fixed[b.index], np.inf)
            bound_rows[b.index].append(r)
            column(b.bound.penalty, np.inf, [(r, 1.0)])
        if b.hi is not None:
            r = row(-np.inf, b.hi - state.fixed[b.index])
            bound_rows[b.index].append(r)
            column(b.bound.penalty, np.inf, [(r, -1.0)])

    matching: dict[Profile, set[int]] = {}
    cell_rows: dict[
        tuple[Profile, int], list[int]
    ] = {}  # capacity row, then bound rows counting the profile
    z_link: list[int] = []
    z_cell: list[int] = []
    z: list[int] = []
    capacity = state.capacity
    cells = problem.cells
    for (profile, kinds, target), link in links.items():
        if profile not in matching:
            matching[profile] = {
                bi for bi in bound_rows if counts(problem.bounds[bi].bound, profile)
            }
        match = matching[profile]
        for c in problem.target_cells[target]:
            if capacity[c] == 0 or cells[c].kind_id not in kinds:
                continue
            entries = cell_rows.get((profile, c))
            if entries is None:
                entries = cell_rows[(profile, c)] = [capacity_rows[c]] + [
                    r for bi in problem.cell_bounds[c] if bi in match for r in bound_rows[bi]
                ]
            z_link.append(link)
            z_cell.append(c)
            z.append(len(cost))
            miss = state.designation_cost and problem.soft_miss(profile, c)
            cost.append(state.designation_cost if miss else 0.0)
            upper.append(float(capacity[c]))
            rows.append(link)
            vals.append(-1.0)
            rows.extend(entries)
            vals.extend([1.0] * len(entries))
            counts_per_col.append(1 + len(entries))

    n_cols = len(cost)
    col_of = np.repeat(np.arange(n_cols, dtype=np.int64), np.array(counts_per_col, dtype=np.int64))
    matrix = csc_matrix(
        (np.array(vals), (np.array(rows, dtype=np.int64), col_of)), shape=(len(row_lo), n_cols)
    )
    return _Model(
        matrix,
        np.array(cost),
        np.array(upper),
        np.array(row_lo),
        np.array(row_hi),
        np.array(x_who, dtype=np.int64),
        np.array(x_link, dtype=np.int64),
        np.array(z_link, dtype=np.int64),
        np.array(z_cell, dtype=np.int64),
        np.array(z, dtype=np.int64),
        links,
        dict(required),
        capacity_rows,
        dict(bound_rows),
    )


def _run(
    lp: highspy.HighsLp,
    whole: np.ndarray | None,
    time_limit: float | None,
    presolve: bool = True,
    start: np.ndarray | None = None,
) -> highspy.Highs | None:
    """Solve `lp`, as a MIP when `whole` names the integer columns; None if nothing feasible was found."""
    if whole is not None:
        flags = np.full(lp.num_col_, highspy.HighsVarType.kContinuous)
        flags[whole] = highspy.HighsVarType.kInteger
        lp.integrality_ = flags.tolist()
    # One HiGHS instance per thread, cleared between solves: a fresh one per solve leaves a
    # reference cycle (its callbacks) that only the cyclic collector frees, and on large
    # rounds those collections cost seconds. Callers read a solve before starting the next.
    highs: highspy.Highs | None = getattr(_local, "highs", None)
    if highs is None:
        highs = _local.highs = highspy.Highs()  # type: ignore[no-untyped-call]
    else:
        highs.clear()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("random_seed", 0)
    highs.setOptionValue("mip_rel_gap", 0.0)
    # Probing in presolve costs minutes on large rounds and buys nothing: the LP is nearly integral.
    highs.setOptionValue("presolve_rule_off", 32768)
    if whole is None and not presolve:
        # The optimal mode's LP solves in a few thousand dual simplex iterations; presolve
        # costs more than it saves there (measured: 2.3 s -> 1.0 s on an M round). The
        # witness LPs keep it: their presolved vertex needs far fewer re-solves later.
        highs.setOptionValue("presolve", "off")
    until = getattr(_local, "until", None)
    if until is not None:  # one deadline for every HiGHS run of a solve
        time_limit = max(1e-3, until - time.monotonic())
    if time_limit is not None:
        highs.setOptionValue("time_limit", float(time_limit))
    highs.passModel(lp)
    if start is not None:
        solution = highspy.HighsSolution()
        solution.col_value = start.tolist()
        highs.setSolution(solution)
    highs.run()
    if highs.getModelStatus() == highspy.HighsModelStatus.kTimeLimit:
        _local.hit = True
    ok = highs.getModelStatus() in (
        highspy.HighsModelStatus.kOptimal,
        highspy.HighsModelStatus.kTimeLimit,
    )
    return highs if ok and highs.getInfo().primal_solution_status == 2 else None


def _starting_set(
    problem: Problem, candidates: Sequence[Candidate], state: State, value: Value
) -> list[Candidate]:
    """Per link, the applicants who value it most, a few times as many as it has seats."""
    members: dict[LinkKey, list[tuple[float, int]]] = defaultdict(list)
    for candidate in candidates:
        for option in candidate.options:
            members[_link(candidate, option)].append(
                (-value(candidate, option.rank), candidate.index)
            )
    chosen: set[int] = set()
    for (_, kinds, target), entries in members.items():
        seats = sum(
            state.capacity[c]
            for c in problem.target_cells[target]
            if problem.cells[c].kind_id in kinds
        )
        entries.sort()
        chosen.update(index for _, index in entries[: 2 * seats + 5])
    return [c for c in candidates if c.index in chosen]


def solve(
    problem: Problem,
    state: State,
    value: Value | None,
    bounds: Sequence[BoundState] | None = None,
    soft: bool = True,
    time_limit: float | None = None,
    presolve: bool = True,
    deadline: bool = True,
) -> Solution:
    """Maximise the sum of `value` (None = feasibility only) subject to `bounds` (default: all).

    Soft bounds enter with their penalty when `soft` is true and are left out otherwise.
    With `deadline`, the solve gets at most the time left before the problem's deadline
    (`Problem.start_clock`) and marks the problem timed out if HiGHS stops on it.

    With an objective, most applicants cannot matter (far more apply than there
    are seats), so we solve for a starting set of applicants and add the others
    only while LP duality says one of them could improve the LP (column
    generation with exact pricing). When no applicant prices out, the LP bound
    holds for the whole round; an integral LP solution is then proven optimal.
    """
    if deadline and time_limit is None:
        time_limit = problem.remaining()
        if time_limit is not None and time_limit <= 0:
            return Solution(False, {}, 0.0, 0.0, 0.0)  # past the deadline: not even started
    _local.hit = False
    _local.until = None if time_limit is None else time.monotonic() + time_limit
    try:
        return _solve(problem, state, value, bounds, soft, time_limit, presolve)
    finally:
        _local.until = None
        if _local.hit:
            problem.timed_out = True


def _solve(
    problem: Problem,
    state: State,
    value: Value | None,
    bounds: Sequence[BoundState] | None,
    soft: bool,
    time_limit: float | None,
    presolve: bool,
) -> Solution:
    candidates, hard, softs = _inputs(problem, state, bounds, soft)
    if value is None:
        return _integer(_build(problem, candidates, state, None, hard, softs), time_limit, None)
    model, relaxed = _relaxation(
        problem, candidates, state, value, hard, softs, time_limit, presolve
    )
    if relaxed is None:
        return (
            _integer(model, time_limit, None)
            if model.width == 0
            else Solution(False, {}, 0.0, 0.0, 0.0)
        )
    bound = -relaxed.getInfo().objective_function_value
    values = np.array(relaxed.getSolution().col_value)
    if np.all(np.abs(values - np.rint(values)) < 1e-7):
        return Solution(True, _split(np.rint(values), model), bound, bound, 0.0)
    whole = _whole_seats(model, values, time_limit)
    if whole is not None and _gap(bound, -float(model.cost @ whole)) <= 1e-9:
        return Solution(True, _split(whole, model), -float(model.cost @ whole), bound, 0.0)
    return _integer(model, time_limit, bound, whole)


def upper_bound(problem: Problem, state: State, value: Value, soft: bool = True) -> float | None:
    """The LP bound on the objective `solve` would reach (None if no allocation meets the hard bounds)."""
    candidates, hard, softs = _inputs(problem, state, None, soft)
    model, relaxed = _relaxation(problem, candidates, state, value, hard, softs, None, True)
    if relaxed is None:
        return 0.0 if _integer(model, None, None).feasible else None
    return float(-relaxed.getInfo().objective_function_value)


def _inputs(
    problem: Problem, state: State, bounds: Sequence[BoundState] | None, soft: bool
) -> tuple[list[Candidate], list[BoundState], list[BoundState]]:
    """Applicants with any option, hard bounds, and soft bounds (none unless `soft`); default all bounds."""
    bounds = problem.bounds if bounds is None else bounds
    hard = [b for b in bounds if b.bound.hard]
    softs = [b for b in bounds if not b.bound.hard] if soft else []
    return [c for c in state.candidates if c.options], hard, softs


def _relaxation(
    problem: Problem,
    candidates: list[Candidate],
    state: State,
    value: Value,
    hard: Sequence[BoundState],
    softs: Sequence[BoundState],
    time_limit: float | None,
    presolve: bool,
) -> tuple[_Model, highspy.Highs | None]:
    """The LP optimum over all `candidates`, by column generation from a starting set.

    Returns the last model and its solved LP; the LP is None when the model is
    empty or infeasible with every candidate in it."""
    chosen = _starting_set(problem, candidates, state, value)
    while True:
        model = _build(problem, chosen, state, value, hard, softs)
        relaxed = _run(model.lp(), None, time_limit, presolve) if model.width else None
        if relaxed is None:
            if len(chosen) == len(candidates):
                return model, None
            chosen = candidates  # the starting set may lack applicants a minimum needs
            continue
        duals = relaxed.getSolution().row_dual
        inside = {c.index for c in chosen}
        priced = [
            c
            for c in candidates
            if c.index not in inside
            and any(
                _link(c, o) not in model.links
                or value(c, o.rank) + duals[model.links[_link(c, o)]] > 1e-7
                for o in c.options
            )
        ]
        if not priced or getattr(_local, "hit", False):
            return model, relaxed
        chosen = chosen + priced


def _whole_seats(model: _Model, values: np.ndarray, time_limit: float | None) -> np.ndarray | None:
    """Keep the applicants the LP placed and solve for whole seat counts.

    On large rounds the LP optimum's fractions sit in the seat counts z (how
    many of a link's applicants land in which cell), not in the applicants x.
    With x fixed only soft-bound penalties can move the objective, so a whole
    split usually meets the LP bound and is then proven optimal. The MIP left
    over is small: the placed applicants' columns become constants. None when
    x is fractional too or no whole split exists.
    """
    x = np.arange(len(model.x_who), dtype=np.int64)
    if np.any(np.abs(values[x] - np.rint(values[x])) > 1e-7):
        return None
    whole = values.copy()
    whole[x] = np.rint(values[x])
    rest = np.setdiff1d(np.arange(model.width), x)
    z = model.z
    highs = _run(model.lp(rest, whole), np.searchsorted(rest, z), time_limit)
    if highs is None:
        return None
    whole[rest] = highs.getSolution().col_value
    whole[z] = np.rint(whole[z])
    return whole


def _gap(bound: float, objective: float) -> float:
    return max(0.0, (bound - objective) / max(1.0, abs(bound)))


def _integer(
    model: _Model, time_limit: float | None, bound: float | None, start: np.ndarray | None = None
) -> Solution:
    if model.width == 0:
        return Solution(bool(np.all((model.row_lo <= 0) & (model.row_hi >= 0))), {}, 0.0, 0.0, 0.0)
    highs = _run(model.lp(), model.seat_columns(), time_limit, start=start)
    if highs is None:
        return Solution(False, {}, 0.0, 0.0, 0.0)
    info = highs.getInfo()
    objective = -info.objective_function_value
    best = -info.mip_dual_bound if bound is None else min(bound, -info.mip_dual_bound)
    x = np.rint(np.array(highs.getSolution().col_value))
    return Solution(True, _split(x, model), objective, best, _gap(best, objective))


def _split(
    x: np.ndarray, model: _Model, required: dict[int, list[int]] | None = None
) -> dict[int, int]:
    """Hand each link's required (default: the model's) and chosen applicants the cells its
    z counts name."""
    chosen: dict[int, list[int]] = defaultdict(list)
    for link, indices in (model.required if required is None else required).items():
        chosen[link].extend(indices)
    placed = np.flatnonzero(x[: len(model.x_who)] > 0.5)
    for link, index in zip(
        model.x_link[placed].tolist(), model.x_who[placed].tolist(), strict=True
    ):
        chosen[link].append(index)
    seats: dict[int, list[int]] = defaultdict(list)
    used = np.flatnonzero(x[model.z] > 0.5)
    for link, c, n in zip(
        model.z_link[used].tolist(),
        model.z_cell[used].tolist(),
        x[model.z[used]].tolist(),
        strict=True,
    ):
        seats[link].extend([c] * int(n))
    placement: dict[int, int] = {}
    for link, applicants in chosen.items():
        placement.update(zip(applicants, seats[link], strict=True))
    return placement


class Warm:
    """The serial modes' programmes over one round, kept in one HiGHS instance so that each
    solve only changes bounds and starts from the last basis.

    The serial modes solve many programmes in a round (`reachability.py`): witnesses and
    relayouts, over the same applicants minus those served, with other vacancies, counts,
    committed applicants and bounds. Building each model anew cost more than solving it (the
    scarce M round: hundreds of builds). Here the model holds a column per applicant it was
    built on and a link row (with its seat columns) for every link of the round; a solve sets
    the upper bounds of applicants left out to 0, each link's required seats, each cell's
    vacancies and each bound's room (a bound left out is unbounded). A whole LP optimum is the
    answer and an infeasible LP proves that none exists; anything else (a fractional vertex,
    another status) goes to the cold path, `solve`, which makes it whole.
    """

    def __init__(self, problem: Problem, candidates: Sequence[Candidate], value: Value) -> None:
        self.problem, self.value = problem, value
        self.hard = [b for b in problem.bounds if b.bound.hard]
        self.members = frozenset(c.index for c in candidates)
        full = State(
            candidates, [c.capacity for c in problem.cells], [b.before for b in problem.bounds]
        )
        # In the order of the round (a set's order would change the vertex from run to run).
        every_link = dict.fromkeys(_link(c, o) for c in problem.candidates for o in c.options)
        model = self.model = _build(
            problem, [c for c in candidates if c.options], full, value, self.hard, [], every_link
        )
        columns: dict[int, list[int]] = defaultdict(list)
        for j, index in enumerate(model.x_who.tolist()):
            columns[index].append(j)
        self.columns = {i: np.array(js, dtype=np.int64) for i, js in columns.items()}
        self.z = model.z
        self.z_cell = model.z_cell
        self.link_rows = np.array(list(model.links.values()), dtype=np.int64)
        self.rows = np.concatenate(
            [
                self.link_rows,
                model.capacity_rows,
                [model.bound_rows[b.index][0] for b in self.hard],
            ]
        ).astype(np.int32)
        self.lo = np.array([-np.inf if b.lo is None else b.lo for b in self.hard])
        self.hi = np.array([np.inf if b.hi is None else b.hi for b in self.hard])
        self.bound_index = np.array([b.index for b in self.hard], dtype=np.int64)
        self.refuter = Refuter(model.matrix)
        self.runs = 0  # solves HiGHS ran (the others were refuted by a kept certificate)
        self.highs = highspy.Highs()  # type: ignore[no-untyped-call]
        self.highs.setOptionValue("output_flag", False)
        self.highs.setOptionValue("random_seed", 0)
        self.highs.passModel(model.lp())

    def covers(self, candidates: Iterable[Candidate]) -> bool:
        return all(c.index in self.members for c in candidates)

    def solve(
        self,
        state: State,
        bounds: Sequence[BoundState] | None = None,
        deadline: bool = False,
    ) -> Solution:
        """What `solve(problem, state, value, bounds, soft=False, deadline=deadline)` answers;
        the applicants of `state` must be among those the model was built on."""
        problem, model = self.problem, self.model
        limit = problem.remaining() if deadline else None
        if limit is not None and limit <= 0:
            return Solution(False, {}, 0.0, 0.0, 0.0)  # past the deadline: not even started
        upper = np.zeros(model.width)
        chosen = [self.columns[c.index] for c in state.candidates if c.index in self.columns]
        if chosen:
            upper[np.concatenate(chosen)] = 1.0
        seats = np.asarray(state.capacity, dtype=np.float64)
        upper[self.z] = seats[self.z_cell]
        required: dict[int, list[int]] = defaultdict(list)
        for candidate, option in state.required:
            required[model.links[_link(candidate, option)]].append(candidate.index)
        demand = np.zeros(len(model.row_lo))
        for row, indices in required.items():
            demand[row] = -len(indices)
        counted = np.asarray(state.fixed, dtype=np.float64)[self.bound_index]
        lo, hi = self.lo - counted, self.hi - counted
        if bounds is not None:
            kept = np.zeros(len(problem.bounds), dtype=bool)
            kept[[b.index for b in bounds if b.bound.hard]] = True
            left_out = ~kept[self.bound_index]
            lo[left_out], hi[left_out] = -np.inf, np.inf
        links = demand[self.link_rows]
        row_lo = np.concatenate([links, np.full(len(seats), -np.inf), lo])
        row_hi = np.concatenate([links, seats, hi])
        every_lo, every_hi = model.row_lo.copy(), model.row_hi.copy()
        every_lo[self.rows], every_hi[self.rows] = row_lo, row_hi
        if self.refuter.refutes(upper, every_lo, every_hi):
            return Solution(False, {}, 0.0, 0.0, 0.0)
        self.runs += 1
        highs = self.highs
        highs.changeColsBounds(
            model.width, np.arange(model.width, dtype=np.int32), np.zeros(model.width), upper
        )
        # In highspy 1.15's binding, not in its stubs (which have only changeRowBounds).
        highs.changeRowsBounds(len(self.rows), self.rows, row_lo, row_hi)  # type: ignore[attr-defined]
        highs.setOptionValue("time_limit", np.inf if limit is None else float(limit))
        highs.run()
        status = highs.getModelStatus()
        if status == highspy.HighsModelStatus.kTimeLimit:
            problem.timed_out = True
            return Solution(False, {}, 0.0, 0.0, 0.0)
        if status == highspy.HighsModelStatus.kInfeasible:
            # In highspy 1.15's binding, not in its stubs.
            _, found, ray = highs.getDualRay()  # type: ignore[attr-defined]
            if found:
                self.refuter.learn(np.asarray(ray), upper, every_lo, every_hi)
            return Solution(False, {}, 0.0, 0.0, 0.0)
        if status == highspy.HighsModelStatus.kOptimal:
            values = np.array(highs.getSolution().col_value)
            if np.all(np.abs(values - np.rint(values)) < 1e-7):
                objective = -highs.getInfo().objective_function_value
                placement = _split(np.rint(values), model, required)
                return Solution(True, placement, objective, objective, 0.0)
        return solve(problem, state, self.value, bounds, soft=False, deadline=deadline)
