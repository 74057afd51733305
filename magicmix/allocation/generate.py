"""Seedable generator of realistic rounds, for benchmarks and examples.

Shapes follow the projects in docs (Startblok Riekerhaven: 565 places in 28
gangen; Place2BU: ¾ dragend; gangen of 10-30). Sizes:
  S: one complex of 565 units in 28 gangen, 120 vacancies, 2,000 applicants
  M: 20 complexes, about 4,400 vacancies, 50,000 applicants, up to 5 ranked complexes
  L: 100 complexes, about 20,000 vacancies, 250,000 applicants
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from .model import (
    AgeRange,
    Applicant,
    Bound,
    Cluster,
    Complex,
    Dimension,
    Eligibility,
    IncomeLimit,
    Occupant,
    Policy,
    Role,
    Round,
    SupportLevel,
    Unit,
)

# (group, share of applicants, role, support weights none/light/intensive, partner)
GROUPS = (
    ("jongere", 0.40, Role.SUPPORTING, (1.0, 0.0, 0.0), None),
    ("student", 0.15, Role.SUPPORTING, (1.0, 0.0, 0.0), None),
    ("statushouder", 0.30, Role.SUPPORTED, (0.6, 0.4, 0.0), "COA"),
    ("uitstroom", 0.15, Role.SUPPORTED, (0.0, 0.6, 0.4), "Tussenvoorziening"),
)
ROUND_DATE = dt.date(2026, 3, 1)


@dataclass(frozen=True)
class Size:
    complexes: int
    units: tuple[int, int]  # range of units per complex
    vacancies: int  # per complex, on average
    applicants: int
    max_choices: int


SIZES = {
    "S": Size(1, (565, 565), 120, 2_000, 1),
    "M": Size(20, (400, 520), 220, 50_000, 5),
    "L": Size(100, (400, 520), 200, 250_000, 5),
}


def _occupant(rng: random.Random) -> Occupant:
    group, _, role, support, partner = rng.choices(GROUPS, weights=(45, 15, 28, 12))[0]
    level = rng.choices(list(SupportLevel), weights=support)[0]
    return Occupant(group, role, level, partner if role is Role.SUPPORTED else None)


def _complex(rng: random.Random, number: int, size: Size) -> Complex:
    n_units = rng.randint(*size.units)
    vacancy_rate = size.vacancies / n_units
    young = number % 2 == 0  # half the complexes let on jongerencontracten
    contract = "jongerencontract" if young else "onbepaalde_tijd"
    rent = {
        "studio": rng.uniform(480, 620),
        "room": rng.uniform(380, 460),
        "flat": rng.uniform(700, 800),
    }
    area = {"studio": 23.0, "room": 16.0, "flat": 58.0}
    buildings: list[Cluster] = []
    gang_size = max(1, n_units // 28) if size.complexes == 1 else rng.randint(14, 24)
    made = 0
    b = 0
    while made < n_units:
        gangs = []
        for g in range(rng.randint(3, 6)):
            units = []
            for _ in range(min(gang_size, n_units - made)):
                kind = rng.choices(("studio", "room", "flat"), weights=(70, 22, 8))[0]
                vacant = rng.random() < vacancy_rate
                units.append(
                    Unit(
                        id=f"c{number}-u{made}",
                        unit_type=kind,
                        floor_area=area[kind],
                        max_occupants=3 if kind == "flat" else 1,
                        self_contained=kind != "room",
                        accessible=rng.random() < 0.06,
                        rent=round(rent[kind], 2),
                        contract_type=contract,
                        occupant=None if vacant else _occupant(rng),
                    )
                )
                made += 1
            if units:
                gangs.append(
                    Cluster(f"c{number}-b{b}-g{g}", f"Gang {b}.{g}", "gang", units=tuple(units))
                )
            if made >= n_units:
                break
        buildings.append(
            Cluster(f"c{number}-b{b}", f"Gebouw {b}", "building", clusters=tuple(gangs))
        )
        b += 1
    return Complex(f"c{number}", f"Complex {number}", tuple(buildings))


def _policy(complexes: list[Complex]) -> Policy:
    bounds: list[Bound] = []
    for c in complexes:
        bounds += [
            Bound(
                f"{c.id}-statushouders",
                c.id,
                Dimension.GROUP,
                "statushouder",
                minimum=0.25,
                maximum=0.5,
                share=True,
            ),
            Bound(
                f"{c.id}-dragend",
                c.id,
                Dimension.ROLE,
                Role.SUPPORTING.value,
                minimum=0.5,
                share=True,
                hard=False,
                penalty=50.0,
            ),
            Bound(f"{c.id}-partner", c.id, Dimension.PARTNER, "Tussenvoorziening", maximum=60),
        ]
        for building in c.clusters:
            for gang in building.clusters:
                bounds.append(
                    Bound(
                        f"{gang.id}-intensief",
                        gang.id,
                        Dimension.SUPPORT,
                        SupportLevel.INTENSIVE.value,
                        maximum=2,
                    )
                )
    eligibility = Eligibility(
        age_ranges=(AgeRange("jongerencontract", 18, 27),),
        income_limits=(
            IncomeLimit(51_537, 1, 1, dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
            IncomeLimit(56_910, 2, None, dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
        ),
        max_rent_to_income=0.45,
    )
    return Policy(tuple(bounds), eligibility)


def _applicant(
    rng: random.Random, number: int, complexes: list[Complex], popularity: list[float], size: Size
) -> Applicant:
    group, _, role, support, partner = rng.choices(GROUPS, weights=[g[1] for g in GROUPS])[0]
    level = rng.choices(list(SupportLevel), weights=support)[0]
    k = rng.randint(1, min(size.max_choices, len(complexes)))
    chosen: list[str] = []
    while len(chosen) < k:
        pick = rng.choices(complexes, weights=popularity)[0].id
        if pick not in chosen:
            chosen.append(pick)
    if size.complexes == 1 and rng.random() < 0.3:
        # Some applicants name a favourite building first, then the whole complex.
        chosen.insert(0, rng.choice(complexes[0].clusters).id)
    household = rng.choices((1, 2, 3), weights=(88, 8, 4))[0]
    return Applicant(
        id=f"a{number:06d}",
        group=group,
        role=role,
        support=level,
        partner=partner if role is Role.SUPPORTED else None,
        household_size=household,
        age=rng.randint(18, 26) if rng.random() < 0.8 else rng.randint(27, 45),
        income=round(rng.uniform(13_000, 48_000)),
        registration_date=ROUND_DATE - dt.timedelta(days=rng.randint(0, 3650)),
        accessibility_need=rng.random() < 0.03,
        unit_types=("studio", "room") if household == 1 and rng.random() < 0.2 else (),
        preferences=tuple(chosen),
        urgency=1 if rng.random() < 0.05 else 0,
        selection_score=round(rng.uniform(0, 10), 1) if role is Role.SUPPORTING else 0.0,
        lottery_number=rng.randrange(10**9),
    )


def generate(size: str | Size, seed: int = 0, applicants: int | None = None) -> Round:
    """A realistic round of `size` ("S", "M", "L" or a Size); `applicants` overrides the count."""
    shape = SIZES[size] if isinstance(size, str) else size
    rng = random.Random(seed)
    complexes = [_complex(rng, i, shape) for i in range(shape.complexes)]
    popularity = [1.0 / (i + 1) ** 0.7 for i in range(len(complexes))]
    count = shape.applicants if applicants is None else applicants
    people = tuple(_applicant(rng, i, complexes, popularity, shape) for i in range(count))
    return Round(
        f"generated-{size if isinstance(size, str) else 'custom'}-{seed}",
        ROUND_DATE,
        tuple(complexes),
        people,
        _policy(complexes),
    )
