"""Small random rounds for tests: a seed in, a Round out (hypothesis draws the seed)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from magicmix.allocation.model import (
    ANY,
    Applicant,
    Bound,
    Cluster,
    Complex,
    Designation,
    Dimension,
    Eligibility,
    IncomeLimit,
    Occupant,
    Policy,
    Role,
    Round,
    SupportLevel,
    Unit,
    Weights,
)

GROUPS = ("jongere", "statushouder", "uitstroom")
DATE = dt.date(2026, 3, 1)


def unit(uid: str, occupant: Occupant | None = None, **overrides: Any) -> Unit:
    fields: dict[str, object] = {
        "id": uid,
        "unit_type": "studio",
        "floor_area": 23.0,
        "max_occupants": 1,
        "self_contained": True,
        "accessible": False,
        "rent": 500.0,
        "contract_type": "onbepaalde_tijd",
        "occupant": occupant,
    }
    fields.update(overrides)
    return Unit(**fields)  # type: ignore[arg-type]


def applicant(aid: str, preferences: tuple[str, ...] = (ANY,), **overrides: Any) -> Applicant:
    fields: dict[str, object] = {
        "id": aid,
        "group": "jongere",
        "role": Role.SUPPORTING,
        "support": SupportLevel.NONE,
        "household_size": 1,
        "age": 22,
        "income": 20_000.0,
        "registration_date": dt.date(2020, 1, 1),
        "preferences": preferences,
    }
    fields.update(overrides)
    return Applicant(**fields)  # type: ignore[arg-type]


def random_round(
    seed: int,
    applicants: int = 6,
    units: int = 5,
    bounds: bool = True,
    strict_units: bool = False,
    common_priority: bool = True,
) -> Round:
    """A small random round. `strict_units`: applicants rank single units only (strict preferences)."""
    rng = random.Random(seed)
    gangs: list[list[Unit]] = [[], [], []]
    for i in range(units + rng.randint(0, 2)):
        occupied = i >= units
        occupant = None
        if occupied:
            group = rng.choice(GROUPS)
            occupant = Occupant(
                group,
                Role.SUPPORTED if group != "jongere" else Role.SUPPORTING,
                rng.choice(list(SupportLevel)),
            )
        gangs[i % 3].append(
            unit(
                f"u{i}",
                occupant,
                unit_type=rng.choice(("studio", "studio", "room")),
                max_occupants=rng.choice((1, 1, 2)),
                rent=float(rng.choice((400, 500, 650))),
            )
        )
    complex_ = Complex(
        "c1",
        "Complex 1",
        (
            Cluster(
                "b1",
                "Gebouw 1",
                "building",
                (
                    Cluster("g1", "Gang 1", "gang", units=tuple(gangs[0])),
                    Cluster("g2", "Gang 2", "gang", units=tuple(gangs[1])),
                ),
            ),
            Cluster("b2", "Gebouw 2", "building", units=tuple(gangs[2])),
        ),
    )
    unit_ids = [u.id for g in gangs for u in g if u.occupant is None]
    targets = unit_ids if strict_units else [*unit_ids, "g1", "g2", "b1", "b2", "c1", ANY]
    people = []
    for i in range(applicants):
        group = rng.choice(GROUPS)
        prefs = tuple(rng.sample(targets, rng.randint(1, min(4, len(targets)))))
        people.append(
            applicant(
                f"a{i}",
                prefs,
                group=group,
                role=Role.SUPPORTING if group == "jongere" else Role.SUPPORTED,
                support=rng.choice(list(SupportLevel)),
                household_size=rng.choice((1, 1, 1, 2)),
                income=float(rng.choice((14_000, 20_000, 30_000, 60_000))),
                registration_date=dt.date(2015 + rng.randint(0, 10), 1, 1),
                urgency=rng.choice((0, 0, 1)) if not common_priority else 0,
                selection_score=float(rng.randint(0, 10)),
                lottery_number=rng.randrange(10**6),
            )
        )
    policy_bounds: list[Bound] = []
    if bounds:
        for n in range(rng.randint(1, 3)):
            dimension = rng.choice((Dimension.GROUP, Dimension.SUPPORT))
            value = (
                rng.choice(GROUPS)
                if dimension is Dimension.GROUP
                else rng.choice(("none", "intensive"))
            )
            low = rng.choice((None, 1, 2))
            high = rng.choice((None, 1, 2, 3))
            if low is None and high is None:
                high = 1
            if low is not None and high is not None and low > high:
                low, high = high, low
            hard = rng.random() < 0.7
            policy_bounds.append(
                Bound(
                    f"k{n}",
                    rng.choice(("c1", "b1", "g1", "b2")),
                    dimension,
                    value,
                    low,
                    high,
                    hard=hard,
                    penalty=0.0 if hard else 30.0,
                )
            )
    eligibility = Eligibility(
        income_limits=(IncomeLimit(50_000, 1, None, DATE.replace(month=1, day=1), None),),
        max_rent_to_income=0.45,
    )
    return Round(
        f"r{seed}",
        DATE,
        (complex_,),
        tuple(people),
        Policy(tuple(policy_bounds), eligibility, Weights()),
    )


def nested_round(
    seed: int, applicants: int = 7, units: int = 7, designations: bool = False
) -> Round:
    """A small round shaped like an om-en-om complex: gangen in buildings, caps at every level,
    most applicants naming the whole complex (indifferent between its units)."""
    rng = random.Random(seed)
    gang_ids = ("g1", "g2", "g3", "g4")
    gangs: dict[str, list[Unit]] = {g: [] for g in gang_ids}
    for i in range(units + rng.randint(0, 3)):
        occupant = None
        if i >= units:
            group = rng.choice(GROUPS)
            occupant = Occupant(
                group,
                Role.SUPPORTED if group != "jongere" else Role.SUPPORTING,
                rng.choice(list(SupportLevel)),
            )
        designation = None
        if designations and occupant is None and rng.random() < 0.4:
            designation = Designation(Dimension.GROUP, rng.choice(GROUPS), hard=rng.random() < 0.5)
        gangs[gang_ids[rng.randrange(4)]].append(
            unit(
                f"u{i}",
                occupant,
                unit_type=rng.choice(("studio", "studio", "room")),
                designation=designation,
            )
        )
    c1 = Complex(
        "c1",
        "Complex 1",
        (
            Cluster(
                "b1",
                "Gebouw 1",
                "building",
                (
                    Cluster("g1", "Gang 1", "gang", units=tuple(gangs["g1"])),
                    Cluster("g2", "Gang 2", "gang", units=tuple(gangs["g2"])),
                ),
            ),
            Cluster(
                "b2",
                "Gebouw 2",
                "building",
                (
                    Cluster("g3", "Gang 3", "gang", units=tuple(gangs["g3"])),
                    Cluster("g4", "Gang 4", "gang", units=tuple(gangs["g4"])),
                ),
            ),
        ),
    )
    c2 = Complex("c2", "Complex 2", units=(unit("v1"), unit("v2", unit_type="room")))
    vacant = [u.id for g in gang_ids for u in gangs[g] if u.occupant is None]
    targets = ["c1"] * 6 + ["b1", "b2", "g1", "g2", "g3", "g4", "c2", ANY, *vacant[:2]]
    people = []
    for i in range(applicants):
        group = rng.choice(GROUPS)
        prefs: list[str] = []
        for _ in range(rng.randint(1, 3)):
            pick = rng.choice(targets)
            if pick not in prefs:
                prefs.append(pick)
        people.append(
            applicant(
                f"a{i}",
                tuple(prefs),
                group=group,
                role=Role.SUPPORTING if group == "jongere" else Role.SUPPORTED,
                support=rng.choice(
                    (SupportLevel.NONE, SupportLevel.INTENSIVE, SupportLevel.INTENSIVE)
                ),
                unit_types=rng.choice(((), (), ("studio",))),
                registration_date=dt.date(2015 + rng.randint(0, 10), 1, 1),
                lottery_number=rng.randrange(10**6),
            )
        )
    bounds = [
        Bound(f"{g}-intensief", g, Dimension.SUPPORT, "intensive", maximum=rng.choice((0, 1, 1, 2)))
        for g in gang_ids
        if rng.random() < 0.8
    ]
    if rng.random() < 0.5:
        bounds.append(
            Bound("b1-status", "b1", Dimension.GROUP, "statushouder", maximum=rng.choice((1, 2)))
        )
    if rng.random() < 0.4:
        bounds.append(
            Bound("c1-jong", "c1", Dimension.GROUP, "jongere", minimum=rng.choice((1, 2, 3)))
        )
    if rng.random() < 0.3:
        bounds.append(
            Bound(
                "c1-zacht", "c1", Dimension.ROLE, "supported", maximum=2, hard=False, penalty=30.0
            )
        )
    return Round(f"n{seed}", DATE, (c1, c2), tuple(people), Policy(tuple(bounds)))
