"""Incremental check that the hard minimums stay reachable while seats are handed out.

The priority and per-vacancy modes hand out one seat at a time. A seat may only
be given if the applicants still waiting can fill the remaining vacancies so
that every hard minimum is met without breaking a hard maximum. Solving that
question from scratch for every seat would cost a MIP each time, so we keep a
*witness*: one completion that meets all bounds. A placement that agrees with
the witness, or differs from it by one local repair (evict one witness
applicant from the cell, possibly into the seat the newcomer leaves), is
checked in O(bounds per cell). Only when no repair works do we re-solve the
MIP for the remaining applicants, which then yields a new witness.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from . import formulation
from .problem import Candidate, Option, Problem, counts


class Unreachable(Exception):
    """The hard bounds cannot all be met by any allocation of the round."""


class Reachability:
    def __init__(self, problem: Problem, order: Iterable[Candidate]) -> None:
        """`order`: the applicants in the order they will be served."""
        self.problem = problem
        self.pool = {c.index: c for c in order}
        self.turn = {index: turn for turn, index in enumerate(self.pool)}
        self.capacity = [c.capacity for c in problem.cells]
        self.vacancies = sum(self.capacity)
        self.fixed = [b.before for b in problem.bounds]
        self.room = [
            sum(self.capacity[c] for c in b.cells) for b in problem.bounds
        ]  # vacancies left in scope
        self.hard = [b for b in problem.bounds if b.bound.hard]
        self.hard_at: list[list[int]] = [
            [bi for bi in at if problem.bounds[bi].bound.hard] for at in problem.cell_bounds
        ]
        self.maxima_at: list[list[tuple[int, int]]] = [
            [(bi, hi) for bi in at if (hi := problem.bounds[bi].hi) is not None]
            for at in self.hard_at
        ]
        self.supplies, self.supply = self._supplies()
        self.hopeless: set[tuple[int, frozenset[int]]] = (
            set()
        )  # see _admits; emptied when the state changes
        # Without a minimum above today's count, an empty completion always works.
        self.active = any(b.lo is not None and b.lo > b.before for b in self.hard)
        self.witness: dict[int, int] = {}
        self.members: list[set[int]] = [set() for _ in problem.cells]
        self.total = list(self.fixed)
        # The applicants served so far: the option each is committed to, and the cell the
        # current layout puts them in (a relayout may move them within their option).
        self.chosen: dict[int, Option] = {}
        self.layout: dict[int, int] = {}
        self.seated: list[set[int]] = [set() for _ in problem.cells]  # the layout per cell
        self.solves = 0  # integer programmes solved (witnesses and relayouts)
        self.relayouts = 0  # of those, relayouts
        self._refuted = 0  # answered by certificates of warm models since replaced
        # Monotone facts: serving only adds commitments, so a link (profile, kinds, target)
        # proven closed by capacity or by hard maxima stays closed for the whole round.
        self.closed_links: set[formulation.LinkKey] = set()
        # Links the whole-round programme proved closed to an applicant who then left without a
        # seat: closed to every applicant of the link served later (`refused`). Pending per
        # applicant until their turn ends: if they are seated, the proof does not carry over.
        self.refused: set[formulation.LinkKey] = set()
        self._proven: dict[int, list[formulation.LinkKey]] = {}
        # Per scope, committed applicants whose option lies wholly inside it (and per bound,
        # those it counts): a lower bound on its count in every layout.
        self._scope_cells = {
            s: frozenset(c for c in range(len(problem.cells)) if s in problem.cells[c].chain)
            for s in problem.scopes
        }
        self._locked: dict[str, int] = dict.fromkeys(problem.scopes, 0)
        self._locked_cell = [0] * len(problem.cells)
        self.sealed: set[int] = set()  # cells no layout can give a free seat any more
        self.inside = [b.before for b in problem.bounds]
        # Per bound: committed applicants it counts whose option reaches into its scope (an
        # upper bound on how many of them any layout puts there).
        self.could = [0] * len(problem.bounds)
        self._touches: dict[object, frozenset[int]] = {}  # option cells -> bounds there
        self._heads: dict[int, tuple[str, ...]] = {}  # id(option cells) -> scopes holding all
        # Changes whenever a capacity or a count does, not when an applicant only leaves the
        # pool: what modes.priority.refusal reads off the layout stays valid until then.
        self.version = 0
        self._warm: formulation.Warm | None = None  # the witness programme, see _complete
        if self.active and not self._resolve():
            raise Unreachable

    def exceeds_maximum(self, candidate: Candidate, cell: int) -> int | None:
        """The hard maximum that taking `cell` would break right now, if any."""
        return self.maximum_reached(self.problem.counting(candidate.profile), cell)

    def maximum_reached(self, mine: frozenset[int], cell: int) -> int | None:
        """The first hard maximum in `cell` that is full and counts a resident counted by the
        bounds `mine`, if any."""
        fixed = self.fixed
        for bi, hi in self.maxima_at[cell]:
            if fixed[bi] >= hi and bi in mine:
                return bi
        return None

    def place(self, candidate: Candidate, cell: int, option: Option | None = None) -> bool:
        """Put `candidate` in `cell` if the hard minimums stay reachable; report whether it did.

        With `option`, the applicant is committed to that option and a later relayout may move
        them to another of its cells; without, they stay in `cell`."""
        if self.active:
            if not self._repair(candidate, cell) and not self._admits(candidate, cell):
                return False
        else:
            self._add_total(candidate, cell, +1)  # `total` = layout + witness, kept for repairs
        self._served(candidate)
        self._fill(cell)
        for bi in self.hard_at[cell]:
            if counts(self.problem.bounds[bi].bound, candidate.profile):
                self.fixed[bi] += 1
        self._commit_option(candidate, option, cell)
        return True

    def _commit_option(self, candidate: Candidate, option: Option | None, cell: int) -> None:
        self._proven.pop(candidate.index, None)  # seated: their refusals stay their own
        self.layout[candidate.index] = cell
        self.seated[cell].add(candidate.index)
        if option is None:
            self.chosen[candidate.index] = Option(
                -1, self.problem.cells[cell].units[0], (cell,), frozenset()
            )
            cells: tuple[int, ...] = (cell,)
        else:
            self.chosen[candidate.index] = option
            cells = option.cells
        problem = self.problem
        if len(cells) == 1:
            self._locked_cell[cells[0]] += 1
            if self._locked_cell[cells[0]] >= problem.cells[cells[0]].capacity:
                self.sealed.add(cells[0])
        head = self._head(cells)
        for scope in head:
            self._locked[scope] += 1
            if self._locked[scope] >= problem.scopes[scope].vacancies:
                self.sealed.update(self._scope_cells[scope])
        for bi in problem.cell_bounds[cells[0]]:
            b = problem.bounds[bi]
            if b.bound.scope in head and counts(b.bound, candidate.profile):
                self.inside[bi] += 1
        for bi in self._touched(cells) & problem.counting(candidate.profile):
            self.could[bi] += 1

    def _head(self, cells: tuple[int, ...]) -> tuple[str, ...]:
        """The scopes that hold every cell of `cells`: the common head of their chains."""
        if len(cells) == 1:
            return self.problem.cells[cells[0]].chain
        key = id(cells)  # cell tuples are shared between applicants and live with the round
        head = self._heads.get(key)
        if head is None:
            head = self.problem.cells[cells[0]].chain
            for c in cells[1:]:
                chain = self.problem.cells[c].chain
                n = 0
                while n < min(len(head), len(chain)) and head[n] == chain[n]:
                    n += 1
                head = head[:n]
            self._heads[key] = head
        return head

    def _touched(self, cells: tuple[int, ...]) -> frozenset[int]:
        # Option cell tuples are shared between applicants and live with the round; a single
        # cell may come in a tuple made on the spot (`place` without an option), keyed by value.
        key: object = cells if len(cells) == 1 else id(cells)
        found = self._touches.get(key)
        if found is None:
            found = self._touches[key] = frozenset(
                bi for c in cells for bi in self.problem.cell_bounds[c]
            )
        return found

    def _starved(self, candidate: Candidate, option: Option) -> int | None:
        """A hard minimum that no layout can meet once `candidate` is committed to `option`,
        by counting: residents, committed applicants it counts whose option reaches its scope,
        and the waiting applicants it could count, at most as many as there is room."""
        problem = self.problem
        mine = problem.counting(candidate.profile)
        inside_all = self._touched(option.cells)
        for bi in self.supplies[candidate.index] if candidate.index in self.pool else ():
            if bi in inside_all:
                continue  # the option may count towards it
            b = problem.bounds[bi]
            room = problem.scopes[b.bound.scope].vacancies - self._locked[b.bound.scope]
            if (
                b.lo is not None
                and b.before + self.could[bi] + min(self.supply[bi] - 1, room) < b.lo
            ):
                return bi
        for bi in inside_all - mine:
            b = problem.bounds[bi]
            if b.lo is None or not b.bound.hard or not set(option.cells) <= b.cells:
                continue
            waiting = self.supply[bi]
            room = problem.scopes[b.bound.scope].vacancies - self._locked[b.bound.scope] - 1
            if b.before + self.could[bi] + min(waiting, room) < b.lo:
                return bi
        return None

    def _shut(self, candidate: Candidate, option: Option) -> bool:
        """Whether counting alone proves that no layout gives `candidate` a seat in `option`:
        each of its cells is sealed, or a hard maximum there counting them is filled by
        applicants committed inside its scope."""
        for cell in option.cells:
            if cell in self.sealed:
                continue
            for bi in self.hard_at[cell]:
                b = self.problem.bounds[bi]
                if (
                    b.hi is not None
                    and self.inside[bi] >= b.hi
                    and counts(b.bound, candidate.profile)
                ):
                    break
            else:
                return False
        return True

    def augment(self, candidate: Candidate, option: Option) -> tuple[int | None, bool]:
        """Make room in a full cell of `option` by moving committed applicants along a chain,
        each to another cell of the option they were committed to, ending in a cell with room.

        Returns (the cell `candidate` gets, or None; whether capacity alone shuts the option:
        the cells reachable this way are all full, so they hold at least as many committed
        applicants as seats, Hall's condition)."""
        problem = self.problem
        came: dict[int, tuple[int, int] | None] = {}  # cell -> (previous cell, applicant moved)
        frontier: list[int] = []
        for cell in option.cells:
            if self.capacity[cell] > 0:
                if self.exceeds_maximum(candidate, cell) is None:
                    return None, False  # room, but the witness could not absorb it: not ours
                continue
            came[cell] = None
            frontier.append(cell)
        if not frontier:
            return None, False
        ends: list[int] = []
        room = False
        for cell in frontier:  # grows while it is read: breadth first
            for index in sorted(self.seated[cell]):
                for nxt in self.chosen[index].cells:
                    if nxt in came:
                        continue
                    came[nxt] = (cell, index)
                    if self.capacity[nxt] > 0:
                        room = True
                        if len(self.members[nxt]) < self.capacity[nxt]:
                            ends.append(nxt)
                    else:
                        frontier.append(nxt)
        if not room and all(self.capacity[c] <= 0 for c in option.cells):
            return None, True
        old = self.witness.get(candidate.index)
        for end in ends[:16]:
            moves: list[tuple[int, int, int]] = []  # applicant, from, to
            cell = end
            step = came[cell]
            while step is not None:
                before, index = step
                moves.append((index, before, cell))
                cell = before
                step = came[cell]
            delta: Counter[int] = Counter()  # the layout's change
            self._delta(candidate, cell, +1, delta)
            for index, src, dst in moves:
                who = problem.candidates[index]
                self._delta(who, src, -1, delta)
                self._delta(who, dst, +1, delta)
            trial = delta.copy()
            if old is not None:
                self._delta(candidate, old, -1, trial)
            if not self._fits(trial):
                continue
            if old is not None:
                self._unwitness(candidate.index)
            self._served(candidate)
            for index, src, dst in moves:
                self.seated[src].discard(index)
                self.seated[dst].add(index)
                self.layout[index] = dst
            for bi, change in delta.items():
                self.total[bi] += change
                self.fixed[bi] += change
            self._fill(end)
            self._commit_option(candidate, option, cell)
            return cell, False
        return None, False

    def relayout(self, candidate: Candidate, option: Option) -> int | None:
        """Commit `candidate` to `option` if some layout of everyone served so far, with a
        completion by the applicants still waiting, meets every hard bound; the cell they get
        in that layout, which becomes the current one. None if no layout does."""
        key = formulation.link_of(candidate, option)
        if key in self.closed_links:
            return None
        cell, full = self.augment(candidate, option)
        if cell is not None:
            return cell
        if full or self._shut(candidate, option):
            self.closed_links.add(key)
            return None
        # The proofs below are this applicant's own: they count on who else is still waiting
        # (a like applicant with other choices may fit later), so they close nothing for others.
        if self._starved(candidate, option) is not None:
            return None
        left = self.problem.remaining()
        if left is not None and left <= 0:
            return None  # past the time limit: refused without proof (the result says so)
        # First only the complexes of the option, everything elsewhere kept as it is: enough to
        # find room. Only the whole round can prove there is none.
        region = {self.problem.cells[c].chain[0] for c in option.cells}
        if candidate.index in self.witness:  # leaving the witness changes counts there too
            region.add(self.problem.cells[self.witness[candidate.index]].chain[0])
        attempts: list[set[str] | None] = [region, None]
        if len(region) == len(self.problem.round.complexes):
            attempts = [None]
        for attempt in attempts:
            cell = self._layout(candidate, option, attempt)
            if cell is not None:
                return cell
        if not self.problem.timed_out:
            self._proven.setdefault(candidate.index, []).append(key)
        return None

    def is_refused(self, candidate: Candidate, option: Option) -> bool:
        """Whether `option` is closed to `candidate` without looking further: every vacancy of
        the round is committed to an applicant served before (each holds one seat in every
        layout), or the whole-round programme proved it closed to an earlier applicant of the
        same link who then left without a seat.

        That earlier applicant's programme had every applicant still waiting now (and
        `candidate`) in its pool, and everyone committed since then could have taken their
        option in it; a layout with `candidate` in the option would be one with the earlier
        applicant in their place, who left and holds no seat now. So none exists."""
        return (
            len(self.chosen) >= self.vacancies
            or formulation.link_of(candidate, option) in self.refused
        )

    def _layout(self, candidate: Candidate, option: Option, region: set[str] | None) -> int | None:
        """Solve for a layout with `candidate` in `option`, moving only applicants in the complexes
        of `region` (None: all); adopt it and return the candidate's cell, or None."""
        problem = self.problem
        inside = [region is None or c.chain[0] in region for c in problem.cells]
        served = list(self.chosen)  # in the order they were served
        layout = {i: self.layout[i] for i in served if not inside[self.layout[i]]}
        required = [(problem.candidates[i], self.chosen[i]) for i in served if i not in layout]
        required.append((candidate, option))
        bounds = [b for b in self.hard if b.cells and inside[next(iter(b.cells))]]
        short = [b.bound for b in bounds if b.lo is not None and b.lo > b.before]
        needed = {
            p: any(counts(b, p) for b in short) for p in {c.profile for c in self.pool.values()}
        }
        witness = {i: c for i, c in self.witness.items() if not inside[c] and i != candidate.index}
        # Only applicants with a choice inside the region can help there.
        reach_in: dict[int, bool] = {}

        def inside_choice(c: Candidate) -> bool:
            if region is None:
                return True
            for o in c.options:
                key = id(o.cells)  # cell tuples are shared between applicants
                hit = reach_in.get(key)
                if hit is None:
                    hit = reach_in[key] = any(inside[x] for x in o.cells)
                if hit:
                    return True
            return False

        pool = [
            c
            for i, c in self.pool.items()
            if i != candidate.index and needed[c.profile] and i not in witness and inside_choice(c)
        ]
        state = formulation.State(
            pool,
            [c.capacity if inside[c.index] else 0 for c in problem.cells],
            [b.before for b in problem.bounds],
            required,
        )
        self.solves += 1
        self.relayouts += 1
        solution = self._solver(pool).solve(state, bounds, deadline=True)
        if not solution.feasible:
            return None
        cell = solution.placement[candidate.index]
        for who, _ in required:
            layout[who.index] = solution.placement[who.index]
        witness.update((i, c) for i, c in solution.placement.items() if i not in layout)
        self._served(candidate)
        self.capacity = [c.capacity for c in problem.cells]
        self.fixed = [b.before for b in problem.bounds]
        self.room = [sum(self.capacity[c] for c in b.cells) for b in problem.bounds]
        self.layout = {}
        self.seated = [set() for _ in problem.cells]
        for index, placed in sorted(layout.items()):
            self.layout[index] = placed
            self.seated[placed].add(index)
            self._fill(placed)
            for bi in self.hard_at[placed]:
                if counts(problem.bounds[bi].bound, problem.candidates[index].profile):
                    self.fixed[bi] += 1
        for index in list(self.witness):
            self._unwitness(index)
        self.total = list(self.fixed)
        for index, placed in sorted(witness.items()):
            self._witness(problem.candidates[index], placed)
        self._commit_option(candidate, option, cell)
        return cell

    def leave(self, candidate: Candidate) -> None:
        """`candidate` leaves without a seat (their turn is over)."""
        self.refused.update(self._proven.pop(candidate.index, ()))
        in_witness = candidate.index in self.witness
        if in_witness:
            self._unwitness(candidate.index)
        self._served(candidate)
        if in_witness and not self._resolve():
            raise Unreachable

    def close(self, cell: int) -> None:
        """One vacancy of `cell` stays empty for good."""
        self._fill(cell)
        while len(self.members[cell]) > self.capacity[cell]:
            self._unwitness(max(self.members[cell]))
            if not self._resolve():
                raise Unreachable

    def _fill(self, cell: int) -> None:
        self.version += 1
        self.hopeless.clear()
        self.capacity[cell] -= 1
        for bi in self.problem.cell_bounds[cell]:
            self.room[bi] -= 1

    def _supplies(self) -> tuple[dict[int, list[int]], list[int]]:
        """Per applicant, the hard minimums they could count towards (they match it and name a
        vacancy in its scope); per bound, how many waiting applicants could."""
        problem = self.problem
        within: dict[
            int, set[int]
        ] = {}  # id of an option's cells -> minimums whose scope holds one
        supplies: dict[int, list[int]] = {}
        supply = [0] * len(problem.bounds)
        for candidate in self.pool.values():
            found: set[int] = set()
            for option in candidate.options:
                key = id(option.cells)  # cell tuples are shared between applicants
                if key not in within:
                    within[key] = {
                        bi
                        for c in option.cells
                        for bi in self.hard_at[c]
                        if problem.bounds[bi].lo is not None
                    }
                found |= within[key]
            supplies[candidate.index] = mine = [
                bi for bi in found if counts(problem.bounds[bi].bound, candidate.profile)
            ]
            for bi in mine:
                supply[bi] += 1
        return supplies, supply

    def _served(self, candidate: Candidate) -> None:
        self.hopeless.clear()
        if self.pool.pop(candidate.index, None) is not None:
            for bi in self.supplies[candidate.index]:
                self.supply[bi] -= 1

    def _starves(self, candidate: Candidate, cell: int) -> bool:
        """Whether `candidate` in `cell` leaves a hard minimum short even if every applicant still
        waiting who could count towards it got a vacancy there: a refusal without solving."""
        mine = self.supplies[candidate.index]
        for bi in {*self.hard_at[cell], *mine}:
            b = self.problem.bounds[bi]
            if b.lo is None:
                continue
            here = bi in self.hard_at[cell]
            count = self.fixed[bi] + (here and counts(b.bound, candidate.profile))
            if count + min(self.supply[bi] - (bi in mine), self.room[bi] - here) < b.lo:
                return True
        return False

    def tight_minimums(self, candidate: Candidate, cell: int) -> list[int]:
        """Hard minimums with no slack left that `candidate` in `cell` would not count towards."""
        return [
            b.index
            for b in self.hard
            if b.lo is not None
            and self.total[b.index] <= b.lo
            and not (b.index in self.hard_at[cell] and counts(b.bound, candidate.profile))
        ]

    def blame(self, tight: list[int]) -> tuple[int | None, int]:
        """The bound to name when a seat is refused for a minimum, with its count so far."""
        return (tight[0], self.fixed[tight[0]]) if tight else (None, 0)

    def _delta(self, who: Candidate, cell: int, sign: int, into: Counter[int]) -> None:
        for bi in self.hard_at[cell]:
            if counts(self.problem.bounds[bi].bound, who.profile):
                into[bi] += sign

    def _fits(self, delta: Counter[int]) -> bool:
        for bi, change in delta.items():
            b = self.problem.bounds[bi]
            value = self.total[bi] + change
            if (b.lo is not None and value < b.lo) or (b.hi is not None and value > b.hi):
                return False
        return True

    def _repair(self, candidate: Candidate, cell: int) -> bool:
        old = self.witness.get(candidate.index)
        if old == cell:
            self._unwitness(candidate.index)
            self._add_total(candidate, cell, +1)
            return True
        delta: Counter[int] = Counter()
        if old is not None:
            self._delta(candidate, old, -1, delta)
        self._delta(candidate, cell, +1, delta)
        if len(self.members[cell]) < self.capacity[cell]:
            if not self._fits(delta):
                return False
            self._commit(candidate, cell, None, None)
            return True
        # The cell is full in the witness: evict one of its applicants, lowest priority first,
        # trying one per profile, into the seat the newcomer leaves if they accept it.
        tried: set[object] = set()
        for evicted in sorted(self.members[cell], key=lambda i: -self.turn[i]):
            other = self.pool[evicted]
            moves = self._moves(other, cell, old)
            for move in moves:
                if (other.profile, move) in tried:
                    continue
                tried.add((other.profile, move))
                trial = delta.copy()
                self._delta(other, cell, -1, trial)
                if move is not None:
                    self._delta(other, move, +1, trial)
                if self._fits(trial):
                    self._commit(candidate, cell, other, move)
                    return True
        return False

    def _moves(self, who: Candidate, cell: int, freed: int | None) -> list[int | None]:
        """Where an evicted witness applicant may go: the seat just freed, a cell with room, or out.

        Cells with room are tried nearest first (the choice that holds `cell`, then the
        others): a move within the same complex keeps its minimums met."""
        moves: list[int | None] = []
        if freed is not None and self.problem.rank_of(who, freed) is not None:
            moves.append(freed)
        options = sorted(who.options, key=lambda o: cell not in o.cells)
        moves.extend(
            c
            for o in options
            for c in o.cells
            if c not in (cell, freed) and len(self.members[c]) < self.capacity[c]
        )
        moves.append(None)
        return moves

    def _commit(
        self, candidate: Candidate, cell: int, evicted: Candidate | None, move: int | None
    ) -> None:
        if candidate.index in self.witness:
            self._unwitness(candidate.index)
        if evicted is not None:
            self._unwitness(evicted.index)
            if move is not None:
                self._witness(evicted, move)
        self._add_total(candidate, cell, +1)

    def _add_total(self, who: Candidate, cell: int, sign: int) -> None:
        self.version += 1
        for bi in self.hard_at[cell]:
            if counts(self.problem.bounds[bi].bound, who.profile):
                self.total[bi] += sign

    def _witness(self, who: Candidate, cell: int) -> None:
        self.witness[who.index] = cell
        self.members[cell].add(who.index)
        self._add_total(who, cell, +1)

    def _unwitness(self, index: int) -> None:
        cell = self.witness.pop(index)
        self.members[cell].discard(index)
        self._add_total(self.problem.candidates[index], cell, -1)

    def _lean(self, candidate: Candidate, rank: int) -> float:
        """Witness objective: place as few applicants as the minimums need, preferring those served
        last, so the witness leaves room for the applicants served before them."""
        return -1.0 - (len(self.problem.candidates) - self.turn[candidate.index]) / len(
            self.problem.candidates
        )

    def _admits(self, candidate: Candidate, cell: int) -> bool:
        """Whether a completion exists with `candidate` in `cell`; if so it becomes the witness.

        Refusals are found without solving where possible: by counting (`_starves`),
        or because an earlier solve showed the candidate cannot be spared from the
        completion even if their seat cost no vacancy. That holds for every cell
        where the same bounds count them, until the state changes."""
        credit = frozenset(
            bi
            for bi in self.hard_at[cell]
            if counts(self.problem.bounds[bi].bound, candidate.profile)
        )
        if self._starves(candidate, cell) or (candidate.index, credit) in self.hopeless:
            return False
        if self._resolve(candidate, cell):
            return True
        if not self._complete(candidate, cell, seat=False)[0].feasible:
            self.hopeless.add((candidate.index, credit))
        return False

    def _resolve(self, candidate: Candidate | None = None, cell: int | None = None) -> bool:
        """Solve for a new witness, with `candidate` fixed in `cell` if given."""
        solution, fixed = self._complete(candidate, cell)
        self.solves += 1
        if not solution.feasible:
            return False
        for index in list(self.witness):
            self._unwitness(index)
        self.total = fixed
        for index, placed in sorted(solution.placement.items()):
            self._witness(self.problem.candidates[index], placed)
        return True

    def _complete(
        self, candidate: Candidate | None, cell: int | None, seat: bool = True
    ) -> tuple[formulation.Solution, list[int]]:
        """A completion by the applicants still waiting, with `candidate` counted in `cell` if given
        (taking a vacancy there when `seat`); also the resulting counts per bound."""
        capacity = list(self.capacity)
        fixed = list(self.fixed)
        if candidate is not None and cell is not None:
            capacity[cell] -= seat
            for bi in self.hard_at[cell]:
                if counts(self.problem.bounds[bi].bound, candidate.profile):
                    fixed[bi] += 1
        # Only applicants who count towards a minimum not yet met can help: leaving anyone
        # else out of a completion keeps it valid, so the witness is solved without them.
        short = [b.bound for b in self.hard if b.lo is not None and b.lo > fixed[b.index]]
        needed = {
            p: any(counts(b, p) for b in short) for p in {c.profile for c in self.pool.values()}
        }
        pool = [
            c
            for i, c in self.pool.items()
            if needed[c.profile] and (candidate is None or i != candidate.index)
        ]
        # Witness solves keep the hard bounds safe and are small: they run to the end even
        # past the time limit, which only stops the relayouts that could prove refusals.
        return self._solver(pool).solve(formulation.State(pool, capacity, fixed)), fixed

    def _solver(self, pool: list[Candidate]) -> formulation.Warm:
        """The warm model of this round's witnesses and relayouts, built on the first pool (the
        applicants who count towards a minimum not met by today's residents: every later pool
        is among them) and rebuilt only if a pool holds someone it lacks."""
        if self._warm is None or not self._warm.covers(pool):
            self._refuted = self.refuted
            self._warm = formulation.Warm(self.problem, pool, self._lean)
        return self._warm

    @property
    def refuted(self) -> int:
        """Programmes answered by a kept certificate of infeasibility (`farkas.py`), no solve."""
        return self._refuted + (0 if self._warm is None else self._warm.refuter.refuted)
