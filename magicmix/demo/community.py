"""A year of living together in every demo complex: agreements with gangmakers and buddies,
activities with attendance across groups, a handful of incidents and warnings, support
arrangements starting and ending, and tenancies that ended with a destination.

Bulk inserts wherever nothing has to be computed per row; warnings and departures go through
the community services, so their letters and end dates are made exactly as in the app.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.db.models import QuerySet
from django.urls import reverse

from magicmix.accounts.models import Role, User
from magicmix.community.models import (
    Activity,
    Attendance,
    ContributionAgreement,
    Destination,
    FollowUp,
    Incident,
    NextStep,
    Reason,
    ResidentRole,
    SupportArrangement,
    Warning,
    issue_link,
)
from magicmix.community.services.departures import record_departure
from magicmix.community.services.ladder import issue_warning
from magicmix.housing.models import Cluster, Complex
from magicmix.legal.contracts import ContractType
from magicmix.people.models import Role as PersonRole
from magicmix.rounds.contracts import TERMS, term
from magicmix.rounds.models import Contract, ContributionRole
from magicmix.tenancies.models import Tenancy, add_months

from .bulk import Writer

# Contract types by target group outside the jongerencontract complex.
GROUP_CONTRACTS = {
    "student": ContractType.CAMPUS,
    "statushouder": ContractType.TEMPORARY,
}

ACTIONS = [
    "Gesprek met de betrokken bewoners",
    "Terugkoppeling aan de melder",
    "Overleg met de begeleider",
    "Schade laten herstellen",
]
KINDS = [
    ("meal", "Gangdiner", "Gemeenschappelijke keuken"),
    ("language_cafe", "Taalcafé", "Huiskamer"),
    ("sport", "Voetbal op het veld", "Trapveld"),
    ("odd_jobs", "Klusdag", "Fietsenstalling"),
    ("neighbourhood", "Buurtbarbecue", "Binnentuin"),
]


def build(
    complex_: Complex,
    today: datetime.date,
    rng: random.Random,
    writer: Writer,
    youth_contracts: bool = False,
) -> None:
    """`youth_contracts`: the complex lets with jongerencontracten (else by target group)."""
    manager = User.objects.filter(
        memberships__organisation=complex_.organisation, memberships__role=Role.SOCIAL_MANAGER
    ).first()
    tenancies = list(
        Tenancy.objects.current(today)
        .filter(unit__complex=complex_)
        .select_related("person__supporting_partner", "person__target_group", "unit__cluster")
    )
    contracts = _contracts(tenancies, youth_contracts, writer)
    _agreements(tenancies, contracts, today, rng, writer)
    _activities(complex_, tenancies, today, rng, writer)
    _support(tenancies, contracts, today, rng, writer)
    if manager is not None:
        _incidents(complex_, tenancies, today, rng, manager)
        _departures(tenancies, today, rng, manager)


def resident_link(complex_name: str) -> str | None:
    """A fresh personal link of a complex's first gangmaker (printed by the demo command)."""
    agreement = (
        ContributionAgreement.objects.filter(
            role=ResidentRole.GANGMAKER, tenancy__unit__complex__name=complex_name
        )
        .select_related("tenancy__person")
        .order_by("pk")
        .first()
    )
    if agreement is None:
        return None
    return reverse("community:resident_home", args=[issue_link(agreement.tenancy.person)])


def remove(complexes: QuerySet[Complex]) -> None:
    """Delete the community records that protect the demo's residents and complexes."""
    Warning.objects.filter(complex__in=complexes).delete()
    Incident.objects.filter(complex__in=complexes).delete()
    ContributionAgreement.objects.filter(tenancy__unit__complex__in=complexes).delete()
    SupportArrangement.objects.filter(tenancy__unit__complex__in=complexes).delete()


def _contract_type(tenancy: Tenancy, youth: bool) -> str:
    if youth:
        return ContractType.YOUTH
    return GROUP_CONTRACTS.get(tenancy.person.target_group.code, ContractType.INDEFINITE)


def _contracts(tenancies: list[Tenancy], youth: bool, writer: Writer) -> dict[int, Contract]:
    """Contracts for the tenancies let since the contract types' parameters hold (1 July 2024);
    older tenancies were let before magicmix and have none."""
    contracts = []
    for tenancy in tenancies:
        kind = _contract_type(tenancy, youth)
        planned_end, extension = term(kind, tenancy.start_date)
        if kind in TERMS and planned_end is None:
            continue
        partner = tenancy.person.supporting_partner
        contracts.append(
            Contract(
                tenancy=tenancy,
                contract_type=kind,
                start_date=tenancy.start_date,
                planned_end=planned_end,
                extension_until=extension,
                basic_rent=tenancy.unit.basic_rent,
                service_costs=tenancy.unit.service_costs,
                contribution_hours=_hours(tenancy),
                contribution_role=ContributionRole.NONE if partner else ContributionRole.NEIGHBOUR,
                support_organisation=partner,
                support_hours_per_week=Decimal(2) if partner else None,
                support_ends_on=add_months(tenancy.start_date, 36) if partner else None,
            )
        )
    return {contract.tenancy_id: contract for contract in writer.create(contracts)}


def _hours(tenancy: Tenancy) -> int:
    return 2 if tenancy.person.role == PersonRole.SUPPORTED else 16


def _review_on(start: datetime.date, today: datetime.date) -> datetime.date:
    """The first anniversary of the start from six weeks ago on: a few reviews are overdue."""
    years = 1
    while (review := add_months(start, 12 * years)) < today - datetime.timedelta(days=42):
        years += 1
    return review


def _agreements(
    tenancies: list[Tenancy],
    contracts: dict[int, Contract],
    today: datetime.date,
    rng: random.Random,
    writer: Writer,
) -> None:
    by_gang: dict[int, list[Tenancy]] = {}
    for tenancy in tenancies:
        by_gang.setdefault(tenancy.unit.cluster_id, []).append(tenancy)
    agreements = []
    for number, gang in enumerate(by_gang.values()):
        supporting = [t for t in gang if t.person.role == PersonRole.SUPPORTING]
        # Every seventh gang has lost its gangmaker: the day page should show one.
        makers = set() if number % 7 == 3 else {t.pk for t in supporting[: rng.choice((1, 2))]}
        for tenancy in gang:
            supported = tenancy.person.role == PersonRole.SUPPORTED
            role = ResidentRole.GANGMAKER if tenancy.pk in makers else ResidentRole.NONE
            if role == ResidentRole.NONE and not supported and rng.random() < 0.15:
                role = rng.choice([ResidentRole.BUDDY, ResidentRole.COMMISSION_MEMBER])
            agreements.append(
                ContributionAgreement(
                    tenancy=tenancy,
                    contract=contracts.get(tenancy.pk),
                    hours_per_month=_hours(tenancy),
                    role=role,
                    start_date=tenancy.start_date,
                    review_on=_review_on(tenancy.start_date, today),
                )
            )
    writer.create(agreements)


def _activities(
    complex_: Complex,
    tenancies: list[Tenancy],
    today: datetime.date,
    rng: random.Random,
    writer: Writer,
) -> None:
    """About two activities a week, from a year ago to a month ahead; past ones have attendance."""
    gangs = list(Cluster.objects.filter(complex=complex_, kind=Cluster.Kind.GANG))
    activities = []
    day = today - datetime.timedelta(days=365)
    while day <= today + datetime.timedelta(days=30):
        kind, title, place = rng.choice(KINDS)
        neighbourhood = kind == "neighbourhood"
        activities.append(
            Activity(
                complex=complex_,
                cluster=rng.choice(gangs) if kind == "meal" and gangs else None,
                title=title,
                kind=kind,
                day=day,
                starts_at=datetime.time(rng.choice((14, 17, 19)), 30),
                place=place,
                open_to_neighbourhood=neighbourhood or rng.random() < 0.2,
                neighbours_came=rng.randint(3, 25) if neighbourhood and day < today else 0,
            )
        )
        day += datetime.timedelta(days=rng.choice((2, 3, 4)))
    created = writer.create(activities)
    attendances = []
    for activity in created:
        if activity.day >= today:
            continue
        # Attendance drops after the first enthusiasm: fewer come later in the year.
        share = 0.06 if (today - activity.day).days > 180 else 0.04
        come = rng.sample(tenancies, k=min(len(tenancies), max(3, int(len(tenancies) * share))))
        attendances += [Attendance(activity=activity, person=t.person, attended=True) for t in come]
    writer.create(attendances)


def _support(
    tenancies: list[Tenancy],
    contracts: dict[int, Contract],
    today: datetime.date,
    rng: random.Random,
    writer: Writer,
) -> None:
    """Three years of support from the start of the tenancy; some ended, with a next step."""
    arrangements = []
    for tenancy in tenancies:
        partner = tenancy.person.supporting_partner
        if partner is None:
            continue
        planned_end = add_months(tenancy.start_date, 36)
        ended = planned_end < today
        soon = (planned_end - today).days < 120
        arrangements.append(
            SupportArrangement(
                tenancy=tenancy,
                contract=contracts.get(tenancy.pk),
                partner=partner,
                hours_per_week=Decimal(rng.choice(("1.5", "2.0", "3.0", "4.0"))),
                start_date=tenancy.start_date,
                planned_end=planned_end,
                ended_on=planned_end if ended else None,
                next_step=(
                    rng.choice([NextStep.LEASE_TRANSFER, NextStep.CONTINUES, NextStep.MOVES_ON])
                    if ended or soon
                    else NextStep.UNDECIDED
                ),
            )
        )
    writer.create(arrangements)


def _incidents(
    complex_: Complex,
    tenancies: list[Tenancy],
    today: datetime.date,
    rng: random.Random,
    manager: User,
) -> None:
    """A handful of incidents a year, a few warnings, one resident at their second warning."""
    count = max(4, len(tenancies) // 40)
    kinds = list(Incident.Kind.values)
    second = rng.choice(tenancies).person
    for n in range(count):
        day = today - datetime.timedelta(days=rng.randint(1, 330))
        involved = [rng.choice(tenancies).person for _ in range(rng.choice((1, 2)))]
        if n < 2:
            involved = [second]
            day = today - datetime.timedelta(days=200 - 120 * n)
        old = (today - day).days > 60
        incident = Incident.objects.create(
            complex=complex_,
            occurred_on=day,
            kind=rng.choice(kinds),
            severity=rng.choice((1, 2, 2, 3)),
            description="Melding van bewoners; gesprek met de betrokkenen volgt.",
            police_involved=rng.random() < 0.1,
            recorded_by=manager,
            # Most incidents are handled within weeks; the last two months' are still open.
            closed_on=day + datetime.timedelta(days=rng.randint(3, 40)) if old else None,
        )
        incident.involved.set(involved)
        FollowUp.objects.create(
            incident=incident,
            what=rng.choice(ACTIONS),
            owner=manager,
            due_on=min(day, today) + datetime.timedelta(days=rng.choice((2, 7, 14))),
            done_on=day + datetime.timedelta(days=2) if old else None,
        )
        if n < 2 or rng.random() < 0.3:
            issue_warning(
                involved[0],
                complex_,
                on=day + datetime.timedelta(days=2),
                reason="Herhaaldelijk geluidsoverlast na 23.00 uur, in strijd met de huisregels.",
                language="nl" if n % 2 == 0 else "en",
                by=manager,
                incident=incident,
            )


def _departures(
    tenancies: list[Tenancy], today: datetime.date, rng: random.Random, manager: User
) -> None:
    """A few residents leave in the coming months, with where they go and how long it took."""
    destinations = list(Destination.values)
    for tenancy in rng.sample(tenancies, k=min(len(tenancies), max(3, len(tenancies) // 60))):
        end = today + datetime.timedelta(days=rng.randint(10, 120))
        notice = end - datetime.timedelta(days=rng.randint(30, 90))
        record_departure(
            tenancy,
            end_date=end,
            reason=rng.choice(list(Reason.values)),
            destination=rng.choice(destinations),
            notice_on=notice,
            housed_on=notice + datetime.timedelta(days=rng.randint(20, 200))
            if rng.random() < 0.7
            else None,
            by=manager,
        )
