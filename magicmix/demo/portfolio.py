"""A portfolio at scale for load tests: many complexes of realistic, varied size and shape.

Each complex copies the mix and the units of one of the demo plans or of two more public
examples (a generational mix like Genderhof, a 50/35/15 neighbourhood profile like Openbaar
Belang), laid out in gangen of about twenty, two per floor, at most six floors per building.
All belongs to one corporation: its staff see every person, the heaviest case for a page.
History is not written (see `bulk`), so the generator stays fast at a million persons.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, replace
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from magicmix.accounts.models import Organisation
from magicmix.housing.models import Unit

from .bulk import Writer
from .complexes import ComplexPlan, Share, UnitKind, build_complex, save_persons
from .showcase import (
    PARTNERS,
    STUDIOS,
    SUPPORTED_HOUSING,
    YOUNG_PEOPLE,
    create_organisations,
    draw_applicants,
    link_partners,
    person_maker,
)

GENERATIONS = replace(
    SUPPORTED_HOUSING,
    name="generations",
    mix=(
        Share(0.8, {"oudere": 0.35, "starter": 0.25, "student": 0.2, "arbeidsmigrant": 0.2}),
        Share(0.2, {"uitstroom-mo": 1.0}),
    ),
    unit_kind=UnitKind(
        Unit.Type.APARTMENT,
        Decimal("45.0"),
        Decimal("655.00"),
        Decimal("40.00"),
        rooms=2,
        max_occupants=2,
    ),
)
NEIGHBOURHOOD = replace(
    STUDIOS,
    name="neighbourhood",
    mix=(
        Share(0.5, {"starter": 0.4, "spoedzoeker": 0.3, "kenniswerker": 0.15, "zzp": 0.15}),
        Share(0.35, {"statushouder": 0.5, "uitstroom-ggz": 0.5}),
        Share(0.15, {"werkende-jongere": 1.0}),
    ),
)
TEMPLATES: list[tuple[ComplexPlan, list[tuple[str, bool, bool, str]]]] = [
    (YOUNG_PEOPLE, PARTNERS[YOUNG_PEOPLE.name]),
    (SUPPORTED_HOUSING, PARTNERS[SUPPORTED_HOUSING.name]),
    (STUDIOS, PARTNERS[STUDIOS.name]),
    (GENERATIONS, PARTNERS[SUPPORTED_HOUSING.name]),
    (NEIGHBOURHOOD, PARTNERS[STUDIOS.name]),
]
CITIES = [  # city, first two digits of its postcodes
    ("Amsterdam", "10"),
    ("Rotterdam", "30"),
    ("Den Haag", "25"),
    ("Utrecht", "35"),
    ("Eindhoven", "56"),
    ("Groningen", "97"),
    ("Tilburg", "50"),
    ("Zwolle", "80"),
    ("Nijmegen", "65"),
    ("Arnhem", "68"),
    ("Haarlem", "20"),
    ("Leiden", "23"),
]
STREETS = ["Havenstraat", "Stationsweg", "Kanaalkade", "Fabriekslaan", "Parkweg", "Dijkstraat"]
NAMES_OF = {
    "corporation": "Woonstichting Schaaltest {seed}",
    "municipality": "Gemeente Schaaltest {seed}",
    "coa": "COA (schaaltest {seed})",
    "ggz": "GGZ-partner Schaaltest {seed}",
    "shelter": "Opvangpartner Schaaltest {seed}",
    "residents": "Bewonersraad Schaaltest {seed}",
}
CHUNK = 20_000  # applicants per insert round: bounds memory at a million persons


@dataclass(frozen=True)
class Counts:
    complexes: int
    units: int
    residents: int
    applicants: int


def names(seed: int) -> dict[str, str]:
    return {key: name.format(seed=seed) for key, name in NAMES_OF.items()}


def split(total: int, weights: list[float]) -> list[int]:
    """`total` split in proportion to `weights`, each part at least 1, summing exactly."""
    scale = sum(weights)
    parts = [max(1, int(total * w / scale)) for w in weights]
    order = sorted(range(len(parts)), key=lambda i: -weights[i])
    n = 0
    while sum(parts) != total:
        i = order[n % len(order)]
        if sum(parts) < total:
            parts[i] += 1
        elif parts[i] > 1:
            parts[i] -= 1
        n += 1
    return parts


def layout(size: int, rng: random.Random) -> list[list[list[int]]]:
    """Buildings → floors → gang sizes for `size` units: gangen of ≈20, two per floor."""
    gangs = split(size, [rng.uniform(0.7, 1.3) for _ in range(max(1, round(size / 20)))])
    floors = [gangs[i : i + 2] for i in range(0, len(gangs), 2)]
    return [floors[i : i + 6] for i in range(0, len(floors), 6)]


@transaction.atomic
def generate(
    complexes: int, units: int, persons: int, seed: int, today: datetime.date | None = None
) -> Counts:
    if not 1 <= complexes <= units <= persons:
        raise ValueError("Need 1 ≤ complexes ≤ units ≤ persons.")
    rng = random.Random(seed)
    orgs = create_organisations(names(seed), "", f"schaaltest-{seed}.example")
    maker = person_maker(orgs, seed, today or timezone.localdate())
    writer = Writer(history=False)
    residents = 0
    # Lognormal sizes: many complexes of a few hundred units, a few very large sites.
    sizes = split(units, [rng.lognormvariate(0, 0.6) for _ in range(complexes)])
    for n, size in enumerate(sizes, start=1):
        template, links = rng.choice(TEMPLATES)
        city, postcode = rng.choice(CITIES)
        start = datetime.date(rng.randint(2010, 2023), rng.randint(1, 12), 1)
        plan = replace(
            template,
            name=f"Complex {n:04d} {city}",
            street=rng.choice(STREETS),
            house_number=str(rng.randint(1, 250)),
            postcode=f"{postcode}{rng.randint(10, 99)} {rng.choice('BCEGHJKLMNPRTVWXZ')}"
            f"{rng.choice('BCEGHJKLMNPRTVWXZ')}",
            city=city,
            exploitation_start=start,
            exploitation_end=start.replace(year=start.year + 15) if rng.random() < 0.6 else None,
            buildings=layout(size, rng),
            role_changes=size // 100,
        )
        built = build_complex(plan, orgs["corporation"], maker, writer)
        link_partners(built.complex, orgs, links, writer)
        residents += len(built.residents)
    for first in range(0, persons - residents, CHUNK):
        count = min(CHUNK, persons - residents - first)
        save_persons(draw_applicants(maker, count), writer, maker, role_changes=count // 100)
    return Counts(complexes, units, residents, persons - residents)


def exists(seed: int) -> bool:
    return Organisation.objects.filter(name=names(seed)["corporation"]).exists()
