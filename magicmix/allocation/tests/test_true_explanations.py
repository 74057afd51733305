"""A refusal names the binding reason for the round as a whole, and it is true of the result.

"In every gang of Startblok the limit of one intensive resident was reached" when
that is so; never one arbitrary gang while units elsewhere were free. Every
stated maximum is checked against the policy report (at its limit after the
round), and every vacancy of the refused option is either let or inside a named
maximum's scope.
"""

from __future__ import annotations

from magicmix.allocation.engine import allocate
from magicmix.allocation.model import (
    Bound,
    Cluster,
    Complex,
    Dimension,
    Mode,
    Policy,
    Round,
    SupportLevel,
)
from magicmix.allocation.problem import Problem
from magicmix.allocation.result import Result

from .factories import DATE, applicant, nested_round, unit


def _startblok() -> Round:
    gangs = tuple(
        Cluster(f"g{i}", f"Gang {i}", "gang", units=(unit(f"u{i}a"), unit(f"u{i}b")))
        for i in range(1, 4)
    )
    intensive = SupportLevel.INTENSIVE
    people = (
        *(applicant(f"i{k}", ("sb",), urgency=9 - k, support=intensive) for k in range(3)),
        applicant("late", ("sb",), urgency=5, support=intensive),
        applicant("other", ("sb",)),
    )
    bounds = tuple(
        Bound(f"{g.id}-intensief", g.id, Dimension.SUPPORT, "intensive", maximum=1) for g in gangs
    )
    return Round("startblok", DATE, (Complex("sb", "Startblok", gangs),), people, Policy(bounds))


def test_a_refusal_names_every_gang_at_its_limit_not_one() -> None:
    result = allocate(_startblok(), Mode.PRIORITY)
    late = next(e for e in result.explanations if e.applicant_id == "late")
    assert late.unit_id is None
    why = late.reasons[1]
    assert why.code == "maximum_each"
    assert why.params["bounds"] == "g1-intensief,g2-intensief,g3-intensief"
    assert "Gang 1 [g1]: 1/1" in why.nl and "Gang 3 [g3]: 1/1" in why.en
    assert "other" in {a.applicant_id for a in result.assignments}


def _check(round_: Round, result: Result) -> list[str]:
    problem = Problem(round_)
    report = {r.bound_id: r for r in result.policy}
    let = {a.unit_id for a in result.assignments}
    by_id = {c.applicant.id: c for c in problem.candidates}
    wrong = []
    for explanation in result.explanations:
        candidate = by_id[explanation.applicant_id]
        for why in explanation.reasons[1:]:
            option = next(
                (o for o in candidate.options if o.rank + 1 == why.params.get("rank")), None
            )
            if option is None:
                continue
            units = {u for c in option.cells for u in problem.cells[c].units}
            if why.code in ("maximum", "maximum_each", "maximum_each_full"):
                named = str(why.params.get("bound") or why.params["bounds"]).split(",")
                scopes = set()
                for bound_id in named:
                    r = report[bound_id]
                    if r.effective_max is None or r.after < r.effective_max:
                        wrong.append(f"{explanation.applicant_id}: {bound_id} not at its limit")
                    scopes.add(r.scope)
                free = [u for u in units - let if not scopes.intersection(problem.unit_chain[u])]
                if free:
                    wrong.append(f"{explanation.applicant_id}: {free} free outside {named}")
            elif why.code in ("outranked", "outranked_no_group") and units - let:
                wrong.append(f"{explanation.applicant_id}: {sorted(units - let)} left free")
    return wrong


def test_stated_reasons_match_the_result_on_nested_rounds() -> None:
    wrong = []
    codes: set[str] = set()
    for seed in range(120):
        round_ = nested_round(seed, applicants=9)
        for mode in (Mode.PRIORITY, Mode.LOTTERY):
            result = allocate(round_, mode, seed)
            if result.feasible:
                wrong += _check(round_, result)
                codes |= {r.code for e in result.explanations for r in e.reasons}
    assert not wrong, wrong[:5]
    # The rounds do exercise each kind of refusal checked above.
    assert {"maximum", "maximum_each", "outranked"} <= codes, codes
