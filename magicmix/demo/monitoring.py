"""Two survey waves per demo complex with believable answers, former tenants for a year of
moves, and ZRM ratings of the supported residents.

Loneliness is drawn per resident from their group (statushouders and people from the
opvang lonelier at first, as evaluations of Plan Einstein and Startblok describe) and eases a
little between the waves; wellbeing moves against it; contact across groups drops after the
start, as the evaluations expect. Everything is written in bulk, with scores from the same
scoring code as the app. One invitation of the open wave has the fixed token `DEMO_TOKEN`
(printed by `manage.py demo`), so the resident's survey can be tried: only in the demo.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from magicmix.housing.models import Complex
from magicmix.monitoring import scoring
from magicmix.monitoring.loading import load_definitions
from magicmix.monitoring.models import (
    Assessment,
    FactSheet,
    Instrument,
    Invitation,
    ManagementCosts,
    RentArrears,
    Response,
    Wave,
    hash_token,
)
from magicmix.monitoring.services import refresh_snapshots
from magicmix.people.models import Person
from magicmix.tenancies.models import Tenancy

from .bulk import Writer
from .complexes import save_persons
from .residents import PersonMaker

DEMO_TOKEN = "demo-enquete"
RESPONSE = 0.62  # share of invited residents who answer
WAVE_INSTRUMENTS = ("djg6", "who5", "cohesion", "satisfaction", "contact")
# Chance of a "lonely" answer on an item, by group, in the first wave.
# Means of a normal spread (sd SPREAD) over the residents of a group; with these about 1 in 5
# statushouders and 1 in 17 of the others score as severely lonely in the first wave.
LONELINESS = {"statushouder": 0.48, "uitstroom-mo": 0.5, "uitstroom-ggz": 0.5, "oudere": 0.35}
DEFAULT_LONELINESS = 0.28
SPREAD = 0.22
DJG6_KEYED = {"q3": "ja", "q9": "ja", "q10": "ja", "q4": "nee", "q7": "nee", "q8": "nee"}
DJG6_OPPOSITE = {"ja": "nee", "nee": "ja"}
YEARS_BEFORE = datetime.timedelta(days=800)  # a former tenant registered before moving in


def build_monitoring(complexes: list[Complex], maker: PersonMaker, writer: Writer) -> None:
    load_definitions()
    instruments = {i.code: i for i in Instrument.objects.all()}
    today = maker.today
    for n, complex_ in enumerate(complexes):
        _former_tenants(complex_, maker, writer)
        spring = _wave(complex_, "Voorjaar", today - datetime.timedelta(days=200), 21, instruments)
        autumn = _wave(complex_, "Najaar", today - datetime.timedelta(days=12), 30, instruments)
        _answers(complex_, [spring, autumn], instruments, maker.rng, today, demo_link=n == 0)
        _ratings(complex_, instruments["zrm"], maker.rng, today)
        _administration(complex_, maker.rng, today)
    # What the nightly `refresh_indicators` does, so the portfolio and reports show at once;
    # the first complex's public fact sheet is on.
    refresh_snapshots(complexes, today)
    if complexes:
        FactSheet.objects.create(complex=complexes[0], public=True)


def _administration(complex_: Complex, rng: random.Random, today: datetime.date) -> None:
    """A year of rent arrears and two years of management costs, as a letting officer would
    import them from the corporation's administration."""
    units = complex_.units.count()
    month = today.replace(day=1)
    for _ in range(12):
        month = (month - datetime.timedelta(days=1)).replace(day=1)
        RentArrears.objects.create(
            complex=complex_,
            month=month,
            amount=Decimal(units * rng.randrange(8, 30)),
            households=rng.randrange(3, 10) + units // 40,
        )
    for year in (today.year - 2, today.year - 1):
        ManagementCosts.objects.create(
            complex=complex_,
            year=year,
            costs=Decimal(units * rng.randrange(380, 520)),
            social_management_hours=Decimal(units * rng.randrange(8, 16)),
        )


def _wave(
    complex_: Complex,
    title: str,
    opens: datetime.date,
    days: int,
    instruments: dict[str, Instrument],
) -> Wave:
    wave = Wave.objects.create(
        complex=complex_,
        title=f"{title} {opens.year}",
        moment=Wave.Moment.YEARLY,
        opens_on=opens,
        closes_on=opens + datetime.timedelta(days=days),
        invited_at=timezone.make_aware(datetime.datetime.combine(opens, datetime.time(9))),
    )
    wave.instruments.set([instruments[code] for code in WAVE_INSTRUMENTS])
    return wave


def _former_tenants(complex_: Complex, maker: PersonMaker, writer: Writer) -> None:
    """Before every tenancy that began in the last year, a former tenant who moved out a few
    weeks earlier, so that turnover and vacancy days have a year to show."""
    recent = list(
        Tenancy.objects.filter(
            unit__complex=complex_, start_date__gt=maker.today - datetime.timedelta(days=365)
        )
        .select_related("person__target_group", "unit")
        .order_by("pk")  # the same draws on every database
    )
    former = [
        maker.make(t.person.target_group.code, registered_before=t.start_date - YEARS_BEFORE)
        for t in recent
    ]
    saved = save_persons(former, writer, maker)
    leases = []
    for tenancy, person in zip(recent, saved, strict=True):
        ended = tenancy.start_date - datetime.timedelta(days=maker.rng.randrange(5, 60))
        began = ended - datetime.timedelta(days=maker.rng.randrange(200, 700))
        leases.append(Tenancy(unit=tenancy.unit, person=person, start_date=began, end_date=ended))
    writer.create(leases)


def _answers(
    complex_: Complex,
    waves: list[Wave],
    instruments: dict[str, Instrument],
    rng: random.Random,
    today: datetime.date,
    demo_link: bool,
) -> None:
    residents = list(
        Person.objects.filter(tenancies__unit__complex=complex_, tenancies__end_date__isnull=True)
        .select_related("target_group")
        .order_by("pk")  # the same draws on every database
    )
    lonely = {
        p.pk: rng.gauss(LONELINESS.get(p.target_group.code, DEFAULT_LONELINESS), SPREAD)
        for p in residents
    }
    for n, wave in enumerate(waves):
        assert wave.invited_at is not None
        sent = wave.invited_at
        invitations = []
        # Exactly the response share answers, so every wave's rate is the same on any data.
        answering = set(rng.sample(range(len(residents)), round(RESPONSE * len(residents))))
        for index, person in enumerate(residents):
            invitation = Invitation(
                wave=wave,
                person=person,
                target_group=person.target_group,
                role=person.role,
                token_hash=hash_token(f"demo-{wave.pk}-{person.pk}-{rng.random()}"),
                link_expires_at=wave.link_expires_at(),
                sent_at=wave.invited_at,
            )
            if demo_link and wave.is_open(today):
                invitation.token_hash = hash_token(DEMO_TOKEN)
                demo_link = False
            elif index in answering:
                invitation.completed_at = sent + datetime.timedelta(days=rng.randrange(1, 10))
            invitations.append(invitation)
        Invitation.objects.bulk_create(invitations, batch_size=2000)
        responses = []
        for invitation in invitations:
            if invitation.completed_at is None:
                continue
            # Loneliness eases by the second wave; contact drops after the start.
            chance = lonely[invitation.person_id] - 0.12 * n + rng.uniform(-0.05, 0.05)
            chance = min(0.95, max(0.02, chance))
            for code, answers in _draw(chance, n, rng).items():
                spec = instruments[code].spec
                checked = spec.check(answers)
                responses.append(
                    Response(
                        invitation=invitation,
                        instrument=instruments[code],
                        answers=checked,
                        scores=scoring.score(spec, checked),
                    )
                )
        Response.objects.bulk_create(responses, batch_size=2000)


def _draw(chance: float, wave: int, rng: random.Random) -> dict[str, dict[str, str | None]]:
    """One respondent's answers, from their chance of a lonely answer."""

    def skipped(value: str) -> str | None:
        return None if rng.random() < 0.03 else value

    djg6 = {}
    for item, keyed in DJG6_KEYED.items():
        draw = rng.random()
        answer = (
            keyed
            if draw < chance * 0.7
            else "min of meer"
            if draw < chance
            else DJG6_OPPOSITE[keyed]
        )
        djg6[item] = skipped(answer)
    wellbeing = 4.2 - 3.5 * chance
    who5 = {
        f"q{i}": skipped(str(min(5, max(0, round(rng.gauss(wellbeing, 1.0)))))) for i in range(1, 6)
    }
    agree = ["helemaal_oneens", "oneens", "neutraal", "eens", "helemaal_eens"]
    cohesion = {}
    for item in ("c1", "c2", "c3", "c4"):
        level = min(4, max(0, round(rng.gauss(2.6 - chance, 0.9))))
        cohesion[item] = skipped(agree[4 - level] if item == "c1" else agree[level])
    marks = {
        item: skipped(str(min(10, max(1, round(rng.gauss(mean, 1.2))))))
        for item, mean in (("home", 7.4), ("complex", 7.0 - chance), ("neighbourhood", 6.8))
    }
    contacts = max(0, round(rng.gauss(6 - 2 * wave - 4 * chance, 3)))
    return {
        "djg6": djg6,
        "who5": who5,
        "cohesion": cohesion,
        "satisfaction": marks,
        "contact": {"contacts": skipped(str(min(200, contacts)))},
    }


def _ratings(complex_: Complex, zrm: Instrument, rng: random.Random, today: datetime.date) -> None:
    """Supported residents rated every half year by their supporting partner, mostly a
    little more self-reliant each time."""
    supported = (
        Person.objects.filter(
            tenancies__unit__complex=complex_,
            tenancies__end_date__isnull=True,
            supporting_partner__isnull=False,
        )
        .distinct()
        .order_by("pk")
    )
    ratings = []
    for person in supported:
        assert person.supporting_partner_id is not None
        levels = {item: rng.choice([2, 2, 3, 3, 4]) for item in zrm.spec.item_codes}
        for step in range(3):
            day = today - datetime.timedelta(days=450 - 180 * step + rng.randrange(-40, 40))
            answers: dict[str, str | None] = {item: str(level) for item, level in levels.items()}
            ratings.append(
                Assessment(
                    person=person,
                    instrument=zrm,
                    assessed_on=day,
                    organisation_id=person.supporting_partner_id,
                    answers=answers,
                    scores=scoring.score(zrm.spec, answers),
                )
            )
            levels = {item: min(5, level + (rng.random() < 0.35)) for item, level in levels.items()}
    Assessment.objects.bulk_create(ratings, batch_size=2000)
