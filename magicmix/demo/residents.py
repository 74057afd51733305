"""Synthetic but plausible persons: names, ages, households and incomes that fit their group.

Everything is drawn from one seeded `random.Random`, so a seed always gives the same people.
Names come from pools drawn once from Faker nl_NL: drawing them per person would cost more
than the database insert at a million persons.
"""

from __future__ import annotations

import datetime
import random
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from faker import Faker

from magicmix.accounts.models import Organisation
from magicmix.people.models import Person, Role, SupportNeed, TargetGroup

# Transliterated names of the countries most statushouders came from (Syria, Eritrea,
# Afghanistan, Turkey, Yemen): Faker has no locale that writes them in Latin script.
NEWCOMER_FIRST_NAMES = [
    "Ahmad",
    "Mohammed",
    "Omar",
    "Yonas",
    "Semhar",
    "Aziz",
    "Fatima",
    "Rahaf",
    "Hamid",
    "Layla",
    "Tesfay",
    "Selam",
    "Yusuf",
    "Nour",
    "Bilal",
    "Zainab",
    "Khalid",
    "Merhawi",
    "Samira",
    "Farid",
    "Abdullah",
    "Huda",
    "Ali",
    "Amanuel",
    "Mariam",
    "Karim",
    "Rima",
    "Habib",
    "Senait",
    "Hasan",
]
NEWCOMER_LAST_NAMES = [
    "Al-Hassan",
    "Haddad",
    "Tesfamariam",
    "Rahimi",
    "Yilmaz",
    "Mahmoud",
    "Kidane",
    "Ahmadi",
    "Al-Khatib",
    "Ghebremedhin",
    "Sultani",
    "Kaya",
    "Nasser",
    "Berhane",
    "Hosseini",
    "Darwish",
    "Mebrahtu",
    "Karimi",
    "Aydin",
    "Saleh",
    "Habte",
    "Noori",
    "Al-Ali",
    "Weldemichael",
]


@dataclass(frozen=True)
class Profile:
    """What a member of a target group typically looks like: ages, incomes (€/year), household."""

    ages: tuple[int, int]
    income: tuple[int, int]
    max_household: int = 1
    newcomer: bool = False


PROFILES: dict[str, Profile] = {
    "statushouder": Profile((18, 45), (14_000, 19_000), max_household=4, newcomer=True),
    "student": Profile((18, 26), (7_000, 15_000)),
    "werkende-jongere": Profile((19, 27), (21_000, 36_000)),
    "starter": Profile((22, 30), (27_000, 44_000), max_household=2),
    "arbeidsmigrant": Profile((21, 50), (24_000, 34_000)),
    "kenniswerker": Profile((24, 40), (42_000, 68_000), max_household=2),
    "spoedzoeker": Profile((25, 55), (24_000, 45_000), max_household=3),
    "uitstroom-ggz": Profile((20, 55), (15_000, 21_000)),
    "uitstroom-mo": Profile((20, 60), (14_000, 19_000)),
    "oudere": Profile((65, 85), (17_000, 30_000), max_household=2),
    "zzp": Profile((25, 50), (18_000, 52_000)),
}


@dataclass(frozen=True)
class Partners:
    """Who nominates and supports the vragende residents of each group."""

    coa: Organisation | None = None
    ggz: Organisation | None = None
    shelter: Organisation | None = None

    def nominating(self, group: str) -> Organisation | None:
        return {
            "statushouder": self.coa,
            "uitstroom-ggz": self.ggz,
            "uitstroom-mo": self.shelter,
        }.get(group)

    def supporting(self, group: str) -> Organisation | None:
        # COA hands statushouders over to the municipality; it does not support them afterwards.
        return {"uitstroom-ggz": self.ggz, "uitstroom-mo": self.shelter}.get(group)


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum())


def years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


def years_after(day: datetime.date, years: int) -> datetime.date:
    return years_before(day, -years)


def random_day(rng: random.Random, first: datetime.date, last: datetime.date) -> datetime.date:
    if last <= first:
        return first
    return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))


class PersonMaker:
    """Makes unsaved `Person` objects for one organisation."""

    def __init__(
        self,
        organisation: Organisation,
        partners: Partners,
        rng: random.Random,
        today: datetime.date,
    ) -> None:
        self.organisation = organisation
        self.partners = partners
        self.rng = rng
        self.today = today
        self.groups = {g.code: g for g in TargetGroup.objects.filter(organisation=organisation)}
        fake = Faker("nl_NL")
        fake.seed_instance(rng.randrange(2**32))
        self.first_names = sorted({fake.first_name() for _ in range(1500)})
        self.last_names = sorted({fake.last_name() for _ in range(3000)})
        self.serial = 0

    def make(
        self,
        group: str,
        registered_before: datetime.date | None = None,
        ages: tuple[int, int] | None = None,
        max_household: int | None = None,
    ) -> Person:
        """A person of `group`; registered before `registered_before` (default: today)."""
        rng, profile = self.rng, PROFILES[group]
        target_group = self.groups[group]
        low, high = ages or profile.ages
        born = random_day(
            rng,
            years_before(self.today, high + 1) + datetime.timedelta(days=1),
            years_before(self.today, low),
        )
        if profile.newcomer:
            first, last = rng.choice(NEWCOMER_FIRST_NAMES), rng.choice(NEWCOMER_LAST_NAMES)
        else:
            first, last = rng.choice(self.first_names), rng.choice(self.last_names)
        self.serial += 1
        largest = min(profile.max_household, max_household or profile.max_household)
        household = 1 if rng.random() < 0.8 else rng.randint(1, largest)
        # Single incomes plus a bit per extra household member; the year is the last full year.
        income = rng.randint(*profile.income) + (household - 1) * rng.randint(0, 9_000)
        role = target_group.default_role
        latest = registered_before or self.today
        registered = random_day(rng, max(years_after(born, 17), years_before(latest, 6)), latest)
        return Person(
            organisation=self.organisation,
            first_name=first,
            last_name=last,
            date_of_birth=born,
            email=f"{_ascii(first)}.{_ascii(last)}{self.serial}@example.nl",
            phone=f"06-{rng.randrange(10**8):08d}" if rng.random() < 0.9 else "",
            household_size=household,
            annual_income=Decimal(income),
            income_year=self.today.year - 1,
            target_group=target_group,
            role=role,
            support_need=self._support_need(role),
            nominating_partner=self.partners.nominating(group),
            supporting_partner=self.partners.supporting(group),
            registration_date=registered,
            external_reference=f"REF-{self.serial:07d}" if role == Role.SUPPORTED else "",
        )

    def _support_need(self, role: str) -> str:
        if role == Role.SUPPORTING:
            return SupportNeed.NONE
        draw = self.rng.random()
        return (
            SupportNeed.INTENSIVE
            if draw < 0.3
            else SupportNeed.LIGHT
            if draw < 0.85
            else (SupportNeed.NONE)
        )
