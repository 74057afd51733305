"""A complex described as a plan (buildings → floors → gangs, a mix, a placement style), built
in bulk together with its residents, their first role and their tenancies.

Placement follows the complex's style. Gespikkeld: within every gang, each next unit goes to
the share of the mix that lags furthest behind its target, so a 50/50 mix alternates unit by
unit (om-en-om). Geclusterd: within every building the shares fill consecutive units, so each
share ends up on its own gangs and floors.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal

from magicmix.accounts.models import Organisation
from magicmix.housing.models import Cluster, Complex, Designation, Unit
from magicmix.people.models import Person, Role, RoleChange, SupportNeed
from magicmix.tenancies.models import Tenancy

from .bulk import Writer
from .residents import PersonMaker, random_day, years_after, years_before


@dataclass(frozen=True)
class Share:
    """A part of the residents: its share of the units and the groups (with weights) in it."""

    share: float
    groups: dict[str, float]

    def draw(self, rng: random.Random) -> str:
        return rng.choices(list(self.groups), weights=list(self.groups.values()))[0]


@dataclass(frozen=True)
class UnitKind:
    type: str
    floor_area: Decimal
    basic_rent: Decimal
    service_costs: Decimal
    rooms: int = 1
    max_occupants: int = 1
    self_contained: bool = True


@dataclass(frozen=True)
class ComplexPlan:
    name: str
    street: str
    house_number: str
    postcode: str
    city: str
    exploitation_start: datetime.date
    exploitation_end: datetime.date | None
    concept: str
    placement_style: str
    buildings: list[list[list[int]]]  # per building, per floor: the sizes of its gangs
    mix: tuple[Share, ...]
    unit_kind: UnitKind
    vacancy: float = 0.07
    ages: tuple[int, int] | None = None  # e.g. (18, 27) for a jongerencontract complex
    role_changes: int = 0  # residents whose role changed since they came (dragend ↔ vragend)
    # Per share of the mix, the (dimension, value) its units are designated for (bestemming),
    # hard: om-en-om kept by the allocation itself. None: no unit is designated.
    designations: tuple[tuple[str, str], ...] | None = None

    @property
    def size(self) -> int:
        return sum(sum(sum(floor) for floor in building) for building in self.buildings)


@dataclass
class Built:
    complex: Complex
    units: list[Unit] = field(default_factory=list)
    residents: list[Person] = field(default_factory=list)


def speckled(sizes: list[int], mix: tuple[Share, ...]) -> list[int]:
    """Share index per unit, gang by gang: the next unit goes to the share most behind."""
    slots: list[int] = []
    for size in sizes:
        placed = [0] * len(mix)
        for position in range(size):
            lag = [s.share * (position + 1) - placed[i] for i, s in enumerate(mix)]
            chosen = lag.index(max(lag))
            placed[chosen] += 1
            slots.append(chosen)
    return slots


def clustered(count: int, mix: tuple[Share, ...]) -> list[int]:
    """Share index per unit of one building: each share fills a consecutive run of units."""
    bounds, total = [], 0.0
    for share in mix:
        total += share.share
        bounds.append(total)
    return [
        next((i for i, bound in enumerate(bounds) if (n + 0.5) / count < bound), len(mix) - 1)
        for n in range(count)
    ]


def build_complex(
    plan: ComplexPlan,
    organisation: Organisation,
    maker: PersonMaker,
    writer: Writer,
) -> Built:
    rng, today = maker.rng, maker.today
    complex_ = writer.create(
        [
            Complex(
                organisation=organisation,
                name=plan.name,
                street=plan.street,
                house_number=plan.house_number,
                postcode=plan.postcode,
                city=plan.city,
                municipality=plan.city,
                exploitation_start=plan.exploitation_start,
                exploitation_end=plan.exploitation_end,
                concept=plan.concept,
                placement_style=plan.placement_style,
            )
        ]
    )[0]
    built = Built(complex_)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    buildings = writer.create(
        [
            Cluster(
                complex=complex_,
                name=f"Gebouw {letters[b]}",
                kind=Cluster.Kind.BUILDING,
                position=b,
            )
            for b in range(len(plan.buildings))
        ]
    )
    floors = writer.create(
        [
            Cluster(
                complex=complex_,
                parent=buildings[b],
                name=f"Verdieping {f}" if f else "Begane grond",
                kind=Cluster.Kind.FLOOR,
                position=f,
            )
            for b, building in enumerate(plan.buildings)
            for f in range(len(building))
        ]
    )
    floor_of = iter(floors)
    gangs: list[tuple[Cluster, str, int]] = []  # gang, unit code prefix, size
    new_gangs: list[Cluster] = []
    for b, building in enumerate(plan.buildings):
        for f, gang_sizes in enumerate(building):
            floor = next(floor_of)
            for g, size in enumerate(gang_sizes, start=1):
                prefix = f"{letters[b]}{f}.{g}"
                new_gangs.append(
                    Cluster(
                        complex=complex_,
                        parent=floor,
                        name=f"Gang {prefix}",
                        kind=Cluster.Kind.GANG,
                        position=g,
                    )
                )
                gangs.append((new_gangs[-1], prefix, size))
    writer.create(new_gangs)

    kind = plan.unit_kind
    slots = _slots(plan, [size for _, _, size in gangs])
    designated = [plan.designations[slot] if plan.designations else ("", "") for slot in slots]
    built.units = writer.create(
        [
            Unit(
                complex=complex_,
                cluster=gang,
                code=f"{prefix}.{n:02d}",
                type=kind.type,
                floor_area=kind.floor_area,
                rooms=kind.rooms,
                max_occupants=kind.max_occupants,
                self_contained=kind.self_contained,
                # Ground-floor units are step-free; one in ten of them suits a wheelchair.
                accessibility=(
                    Unit.Accessibility.NONE
                    if not prefix[1:].startswith("0.")
                    else Unit.Accessibility.WHEELCHAIR
                    if n % 10 == 1
                    else Unit.Accessibility.GROUND_FLOOR
                ),
                basic_rent=kind.basic_rent,
                service_costs=kind.service_costs,
                status=Unit.Status.RENOVATION if rng.random() < 0.01 else Unit.Status.IN_USE,
                designation=Designation.HARD if dimension else Designation.NONE,
                designated_dimension=dimension,
                designated_value=value,
            )
            for (gang, prefix, n), (dimension, value) in zip(
                ((gang, prefix, n) for gang, prefix, size in gangs for n in range(1, size + 1)),
                designated,
                strict=True,
            )
        ]
    )

    residents: list[Person] = []
    starts: list[datetime.date] = []
    let_units: list[Unit] = []
    for unit, slot in zip(built.units, slots, strict=True):
        if unit.status != Unit.Status.IN_USE or rng.random() < plan.vacancy:
            continue
        start = random_day(rng, plan.exploitation_start, today)
        person = maker.make(
            plan.mix[slot].draw(rng),
            registered_before=start,
            ages=plan.ages,
            max_household=unit.max_occupants,
        )
        residents.append(person)
        starts.append(max(start, years_after(person.date_of_birth, 18), person.registration_date))
        let_units.append(unit)
    built.residents = save_persons(residents, writer, maker, plan.role_changes)
    writer.create(
        [
            Tenancy(unit=unit, person=person, start_date=start)
            for unit, person, start in zip(let_units, built.residents, starts, strict=True)
        ]
    )
    return built


def _slots(plan: ComplexPlan, gang_sizes: list[int]) -> list[int]:
    if plan.placement_style == Complex.PlacementStyle.SPECKLED:
        return speckled(gang_sizes, plan.mix)
    slots: list[int] = []
    for building in plan.buildings:
        slots += clustered(sum(sum(floor) for floor in building), plan.mix)
    return slots


def save_persons(
    persons: list[Person], writer: Writer, maker: PersonMaker, role_changes: int = 0
) -> list[Person]:
    """Insert persons with their first role (bulk_create skips the signal that records it).

    `role_changes` of them changed role since: a former opvang resident who became dragend, a
    dragend resident who lost a job and now needs support, in turn.
    """
    first_roles = [p.role for p in persons]
    later = _change_roles(persons, role_changes, maker.rng, maker.today)
    persons = writer.create(persons)
    writer.create(
        [
            RoleChange(person=p, role=role, valid_from=p.registration_date)
            for p, role in zip(persons, first_roles, strict=True)
        ]
        + later
    )
    return persons


def _change_roles(
    persons: list[Person], count: int, rng: random.Random, today: datetime.date
) -> list[RoleChange]:
    settled = [p for p in persons if p.registration_date <= years_before(today, 1)]
    # A former opvang resident becoming dragend is the story practitioners tell most.
    supported = sorted(
        (p for p in settled if p.role == Role.SUPPORTED),
        key=lambda p: p.target_group.code != "uitstroom-mo",
    )
    supporting = [p for p in settled if p.role == Role.SUPPORTING]
    rng.shuffle(supporting)
    changes = []
    for n in range(count):
        pool, new_role, reason = (
            (supported, Role.SUPPORTING, "Begeleiding afgerond; nu dragend bewoner")
            if n % 2 == 0
            else (supporting, Role.SUPPORTED, "Baan verloren; tijdelijk extra ondersteuning")
        )
        if not pool:
            continue
        person = pool.pop(0)
        person.role = new_role
        person.support_need = SupportNeed.NONE if new_role == Role.SUPPORTING else SupportNeed.LIGHT
        valid_from = random_day(rng, years_after(person.registration_date, 1), today)
        changes.append(
            RoleChange(person=person, role=new_role, valid_from=valid_from, reason=reason)
        )
    return changes
