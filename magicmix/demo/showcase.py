"""The demo portfolio: three complexes shaped after public examples, with fictitious names.

- a 565-place young-people complex, 28 gangen of about 20 in three buildings, half statushouders
  (nominated by COA) and half Dutch young people, placed om-en-om (like Startblok Riekerhaven);
- a 64-home complex, half dragend and half ex-homeless residents nominated and supported by an
  opvang partner (like Majella Wonen);
- a 490-studio complex of four buildings with gangen of 18–30, about ¾ dragend, its vragende
  residents clustered on the upper floors (like Place2BU, which in reality mixes per gang).

Plus partners, a municipality, a residents' organisation, a pool of applicants and one user
for each role (a caseworker at COA and at the opvang partner), all sharing one printed demo
password. The young-people complex has an intake in progress (`intake`), a mix policy and a
round with a proposal to review (`allocation`); every complex has two survey waves, a year of
moves and ZRM ratings (`monitoring`), and the ingredients of its concept; four fictional
projects' benchmark documents are imported (`benchmark`).
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from magicmix.accounts.models import Membership, Organisation, Role, User
from magicmix.housing.models import Complex, ComplexPartner, DesignatedBy, Unit
from magicmix.people.models import DEFAULT_TARGET_GROUPS, Person, TargetGroup
from magicmix.rounds.models import Contract, Offer, Round
from magicmix.selection.models import Application, Intake
from magicmix.tenancies.models import Tenancy

from . import community
from .allocation import build_policy, build_round
from .benchmark import build_benchmark
from .bulk import Writer, create_users
from .complexes import ComplexPlan, Share, UnitKind, build_complex, save_persons
from .finance import build_business_cases, build_policy_comparison
from .intake import Team, build_intake
from .monitoring import build_monitoring
from .residents import Partners, PersonMaker

PASSWORD = "magicmix-demo-wachtwoord"
KINDS = {
    "corporation": Organisation.Kind.CORPORATION,
    "municipality": Organisation.Kind.MUNICIPALITY,
    "coa": Organisation.Kind.PARTNER,
    "ggz": Organisation.Kind.PARTNER,
    "shelter": Organisation.Kind.PARTNER,
    "residents": Organisation.Kind.RESIDENTS,
}
NAMES = {
    "corporation": "Woonstichting De Sleutel (demo)",
    "municipality": "Gemeente Utrecht (demo)",
    "coa": "COA (demo)",
    "ggz": "GGZ-partner Demo",
    "shelter": "Opvangpartner Demo",
    "residents": "Bewonersraad De Sleutel (demo)",
}
STAFF = [  # mailbox, name, organisation, role
    ("applicatiebeheer", "Anouk de Wit", "corporation", Role.APPLICATION_MANAGER),
    ("verhuur", "Ruben Jansen", "corporation", Role.LETTING),
    ("sociaalbeheer", "Fenna Bakker", "corporation", Role.SOCIAL_MANAGER),
    ("casemanager", "Mehmet Yildiz", "shelter", Role.PARTNER_CASEWORKER),
    ("casemanager-coa", "Sanne Mulder", "coa", Role.PARTNER_CASEWORKER),
    ("beleid", "Lotte van Dijk", "municipality", Role.POLICY_OFFICER),
    ("bewonerspanel", "Kees Visser", "residents", Role.RESIDENT_PANEL),
]
DOMAIN = "demo.example"

DUTCH_YOUNG = {"werkende-jongere": 0.45, "student": 0.35, "starter": 0.2}
APPLICANT_GROUPS = {
    "werkende-jongere": 25,
    "student": 20,
    "starter": 15,
    "statushouder": 15,
    "uitstroom-mo": 7,
    "uitstroom-ggz": 6,
    "spoedzoeker": 5,
    "oudere": 3,
    "kenniswerker": 2,
    "zzp": 2,
}
APPLICANTS = 250

YOUNG_PEOPLE = ComplexPlan(
    name="Jongerencampus De Havenwerf",
    street="Havenwerf",
    house_number="1",
    postcode="3542 AB",
    city="Utrecht",
    exploitation_start=datetime.date(2019, 7, 1),
    exploitation_end=datetime.date(2029, 7, 1),
    concept="Jonge statushouders en Nederlandse jongeren wonen om-en-om, met een jongerencontract "
    "van vijf jaar. Per gang één of twee gangmakers; een zelfbeheerteam kiest nieuwe "
    "bewoners mee.",
    placement_style=Complex.PlacementStyle.SPECKLED,
    # 28 gangen: five of 21 places and twenty-three of 20, two per floor, in three buildings.
    buildings=[
        [[21, 21], [21, 21], [21, 20], [20, 20], [20, 20]],
        [[20, 20], [20, 20], [20, 20], [20, 20], [20, 20]],
        [[20, 20], [20, 20], [20, 20], [20, 20]],
    ],
    mix=(Share(0.5, DUTCH_YOUNG), Share(0.5, {"statushouder": 1.0})),
    unit_kind=UnitKind(Unit.Type.STUDIO, Decimal("23.0"), Decimal("418.50"), Decimal("52.00")),
    vacancy=0.06,
    ages=(18, 27),
    role_changes=4,
    # Om-en-om as Startblok keeps it: a statushouder's unit goes to a statushouder, the others
    # to dragende young people.
    designations=((DesignatedBy.ROLE, "supporting"), (DesignatedBy.GROUP, "statushouder")),
)
SUPPORTED_HOUSING = ComplexPlan(
    name="Woonhof De Kapelhof",
    street="Kapelhof",
    house_number="2",
    postcode="3531 CK",
    city="Utrecht",
    exploitation_start=datetime.date(2020, 3, 1),
    exploitation_end=None,
    concept="Half dragende bewoners, half mensen uit de maatschappelijke opvang met drie jaar "
    "begeleiding; daarna gaat het huurcontract op hun eigen naam. Zestien uur inzet per "
    "maand staat in het contract.",
    placement_style=Complex.PlacementStyle.SPECKLED,
    buildings=[[[16], [16]], [[16], [16]]],
    mix=(
        Share(
            0.5,
            {
                "werkende-jongere": 0.3,
                "starter": 0.3,
                "spoedzoeker": 0.2,
                "oudere": 0.1,
                "student": 0.1,
            },
        ),
        Share(0.5, {"uitstroom-mo": 1.0}),
    ),
    unit_kind=UnitKind(
        Unit.Type.APARTMENT,
        Decimal("38.0"),
        Decimal("612.40"),
        Decimal("45.00"),
        rooms=2,
        max_occupants=2,
    ),
    vacancy=0.05,
    role_changes=4,
)
STUDIOS = ComplexPlan(
    name="Campus De Vier Torens",
    street="Torenlaan",
    house_number="100",
    postcode="3564 BX",
    city="Utrecht",
    exploitation_start=datetime.date(2017, 9, 1),
    exploitation_end=datetime.date(2028, 9, 1),
    concept="490 studio's in vier gebouwen. Ongeveer driekwart dragende jongeren (motivatiebrief "
    "en gesprek), een kwart statushouders via COA en uitstromers via partners. Twee "
    "gangmakers per gang.",
    placement_style=Complex.PlacementStyle.CLUSTERED,
    # Four buildings, one gang per floor, gangen of 18 to 30 studios.
    buildings=[
        [[24], [26], [22], [30], [20]],
        [[18], [28], [25], [27], [24]],
        [[30], [22], [26], [19], [25]],
        [[23], [29], [21], [27], [24]],
    ],
    mix=(
        Share(0.75, DUTCH_YOUNG),
        Share(0.15, {"statushouder": 1.0}),
        Share(0.10, {"uitstroom-mo": 0.6, "uitstroom-ggz": 0.4}),
    ),
    unit_kind=UnitKind(Unit.Type.STUDIO, Decimal("21.0"), Decimal("500.00"), Decimal("76.00")),
    vacancy=0.08,
    role_changes=2,
)
PLANS = [YOUNG_PEOPLE, SUPPORTED_HOUSING, STUDIOS]
# Who works in a complex of each plan: organisation, nominates, supports, what they do.
PARTNERS: dict[str, list[tuple[str, bool, bool, str]]] = {
    YOUNG_PEOPLE.name: [
        ("coa", True, False, "Voordracht jonge statushouders"),
        ("shelter", True, True, "Voordracht en begeleiding jongeren uit de opvang"),
    ],
    SUPPORTED_HOUSING.name: [("shelter", True, True, "Voordracht en drie jaar begeleiding")],
    STUDIOS.name: [
        ("coa", True, False, "Voordracht statushouders"),
        ("shelter", True, True, "Voordracht en begeleiding uitstromers opvang"),
        ("ggz", True, True, "Voordracht en begeleiding uitstromers beschermd wonen"),
    ],
}
EVERYWHERE = [
    ("municipality", False, False, "Gemeente"),
    ("residents", False, False, "Bewonersorganisatie"),
]


@dataclass(frozen=True)
class Login:
    email: str
    name: str
    organisation: str
    role: str


def exists() -> bool:
    return Organisation.objects.filter(name=NAMES["corporation"]).exists()


def logins(names: dict[str, str] = NAMES) -> list[Login]:
    return [
        Login(m.user.email, m.user.full_name, m.organisation.name, m.get_role_display())
        for m in Membership.objects.filter(organisation__name__in=names.values())
        .select_related("user", "organisation")
        .order_by("id")
    ]


def create_organisations(
    names: dict[str, str], municipality: str, domain: str
) -> dict[str, Organisation]:
    """The organisations of a portfolio, keyed like `KINDS`, with the corporation's target
    groups seeded and coloured apart for the building picture."""
    orgs = {
        key: Organisation.objects.create(name=name, kind=KINDS[key], municipality=municipality)
        for key, name in names.items()
    }
    TargetGroup.objects.seed_defaults(orgs["corporation"])
    for colour, (code, _name, _role) in enumerate(DEFAULT_TARGET_GROUPS):
        TargetGroup.objects.filter(organisation=orgs["corporation"], code=code).update(
            colour=colour
        )
    create_users(
        [(f"{box}@{domain}", name, orgs[key], role) for box, name, key, role in STAFF],
        PASSWORD,
    )
    return orgs


def link_partners(
    complex_: Complex,
    orgs: dict[str, Organisation],
    links: list[tuple[str, bool, bool, str]],
    writer: Writer,
) -> None:
    writer.create(
        [
            ComplexPartner(
                complex=complex_,
                organisation=orgs[key],
                may_nominate=nominates,
                provides_support=supports,
                description=description,
            )
            for key, nominates, supports, description in links + EVERYWHERE
        ]
    )


def person_maker(orgs: dict[str, Organisation], seed: int, today: datetime.date) -> PersonMaker:
    partners = Partners(coa=orgs["coa"], ggz=orgs["ggz"], shelter=orgs["shelter"])
    return PersonMaker(orgs["corporation"], partners, random.Random(seed), today)


def draw_applicants(maker: PersonMaker, count: int) -> list[Person]:
    groups, weights = list(APPLICANT_GROUPS), list(APPLICANT_GROUPS.values())
    return [maker.make(maker.rng.choices(groups, weights)[0]) for _ in range(count)]


def team() -> Team:
    users = {u.email.split("@")[0]: u for u in User.objects.filter(email__endswith=f"@{DOMAIN}")}
    return Team(
        scorers=(users["applicatiebeheer"], users["sociaalbeheer"]),
        letting=users["verhuur"],
        panel=users["bewonerspanel"],
        caseworkers={"coa": users["casemanager-coa"], "shelter": users["casemanager"]},
    )


# The demo's interview invitations stay in memory instead of filling the console.
@override_settings(
    MAILERS={"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
)
@transaction.atomic
def build(seed: int = 1, today: datetime.date | None = None) -> None:
    orgs = create_organisations(NAMES, "Utrecht", DOMAIN)
    maker = person_maker(orgs, seed, today or timezone.localdate())
    writer = Writer(history=True)
    built_complexes = {}
    for plan in PLANS:
        built = build_complex(plan, orgs["corporation"], maker, writer)
        link_partners(built.complex, orgs, PARTNERS[plan.name], writer)
        # Its own random stream, so the residents and applicants stay as they were.
        community.build(
            built.complex,
            maker.today,
            random.Random(f"{seed}-{plan.name}"),
            writer,
            youth_contracts=plan.ages is not None,
        )
        built_complexes[plan.name] = built.complex
    young_people = built_complexes[YOUNG_PEOPLE.name]
    save_persons(draw_applicants(maker, APPLICANTS), writer, maker)
    intake = build_intake(young_people, orgs, maker, team())
    build_policy(young_people)
    build_round(intake, team(), seed, maker.today)
    build_business_cases(
        young_people, built_complexes[SUPPORTED_HOUSING.name], [built_complexes[STUDIOS.name]]
    )
    build_policy_comparison(young_people, maker.today)
    build_monitoring(list(built_complexes.values()), maker, writer)
    build_benchmark(list(built_complexes.values()), maker.today, seed)


@transaction.atomic
@override_settings(SIMPLE_HISTORY_ENABLED=False)
def remove() -> None:
    """Delete everything the demo made, in the order the protecting foreign keys demand.

    Without deletion history: one history row per deleted demo object would take half a minute,
    and the demo's own history is meaningless once it is rebuilt.
    """
    orgs = Organisation.objects.filter(name__in=NAMES.values())
    persons = Person.objects.filter(organisation__in=orgs)
    complexes = Complex.objects.filter(organisation__in=orgs)
    community.remove(complexes)
    Contract.objects.filter(tenancy__unit__complex__in=complexes).delete()
    Offer.objects.filter(round__complex__in=complexes).delete()
    Round.objects.filter(complex__in=complexes).delete()
    Application.objects.filter(intake__complex__in=complexes).delete()
    Intake.objects.filter(complex__in=complexes).delete()
    Tenancy.objects.filter(unit__complex__in=complexes).delete()
    Tenancy.objects.filter(person__in=persons).delete()
    persons.delete()
    Unit.objects.filter(complex__in=complexes).delete()
    complexes.delete()
    User.objects.filter(memberships__organisation__in=orgs).delete()
    orgs.delete()
