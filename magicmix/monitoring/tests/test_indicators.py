"""Each indicator recomputed from the raw records on generated data, written here without the
indicator code: day by day, respondent by respondent."""

import datetime
import random
from decimal import Decimal

import pytest
from django.utils import timezone

from magicmix.housing.models import Unit
from magicmix.monitoring import services
from magicmix.monitoring.indicators import Context, registered
from magicmix.monitoring.models import Assessment, Instrument, Response
from magicmix.tenancies.models import Tenancy
from magicmix.testing import factories

from .conftest import build_world, link_for, open_wave
from .test_score_djg6 import published

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 5, 20)
QUARTERS = [  # label, first day, last day (cut off at TODAY)
    ("2025 K3", datetime.date(2025, 7, 1), datetime.date(2025, 9, 30)),
    ("2025 K4", datetime.date(2025, 10, 1), datetime.date(2025, 12, 31)),
    ("2026 K1", datetime.date(2026, 1, 1), datetime.date(2026, 3, 31)),
    ("2026 K2", datetime.date(2026, 4, 1), TODAY),
]


def days(first: datetime.date, last: datetime.date):
    while first <= last:
        yield first
        first += datetime.timedelta(days=1)


@pytest.fixture(scope="module")
def seeds() -> list[int]:
    return [3, 11, 29]


def generated_stock(seed: int):
    """40 units in use and 2 withdrawn, each let in turns with gaps since early 2025."""
    rng = random.Random(seed)
    org = factories.organisation()
    complex_ = factories.complex(org)
    gang = factories.cluster(complex_)
    units = [factories.unit(gang) for _ in range(40)]
    units += [factories.unit(gang, status=Unit.Status.WITHDRAWN) for _ in range(2)]
    for unit in units:
        day = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randrange(60))
        while day < TODAY:
            length = rng.randrange(20, 400)
            end = day + datetime.timedelta(days=length)
            person = factories.person(org)
            open_ended = end >= TODAY and rng.random() < 0.7
            factories.tenancy(unit, person, start_date=day, end_date=None if open_ended else end)
            if open_ended:
                break
            day = end + datetime.timedelta(days=rng.randrange(1, 45))
    return complex_


def lets_on(complex_, day: datetime.date) -> set[int]:
    return {
        t.unit_id
        for t in Tenancy.objects.filter(unit__complex=complex_, unit__status=Unit.Status.IN_USE)
        if t.start_date <= day and (t.end_date is None or day <= t.end_date)
    }


def test_occupancy_vacancy_days_and_turnover(seeds) -> None:
    indicators = registered()
    for seed in seeds:
        complex_ = generated_stock(seed)
        context = Context(complex_, TODAY)
        in_use = 40
        occupancy = indicators["occupancy"].compute(context).points
        vacancy = indicators["vacancy_days"].compute(context).points
        turnover = indicators["turnover"].compute(context).points
        for i, (label, first, last) in enumerate(QUARTERS):
            assert occupancy[i].label == label
            occupied = len(lets_on(complex_, last))
            assert occupancy[i].value == pytest.approx(100 * occupied / in_use)
            vacant_days = sum(
                1
                for unit in Unit.objects.filter(complex=complex_, status=Unit.Status.IN_USE)
                for day in days(first, last)
                if unit.pk not in lets_on_cache(complex_, day)
            )
            assert vacancy[i].value == pytest.approx(vacant_days / in_use)
            ended = Tenancy.objects.filter(
                unit__complex=complex_,
                unit__status=Unit.Status.IN_USE,
                end_date__gte=first,
                end_date__lte=last,
            ).count()
            let = len(lets_on(complex_, first))
            if ended < 5:
                assert turnover[i].value is None and turnover[i].reason
            else:
                assert turnover[i].value == pytest.approx(100 * ended / let)
        _cache.clear()


_cache: dict = {}


def lets_on_cache(complex_, day):
    if (complex_.pk, day) not in _cache:
        _cache[(complex_.pk, day)] = lets_on(complex_, day)
    return _cache[(complex_.pk, day)]


ANSWERS = ["ja", "min of meer", "nee", None]


def generated_waves(seed: int):
    """Two waves; in each, a random part of 50 residents answers DJG-6, WHO-5, contact and
    cohesion at random (some items skipped)."""
    rng = random.Random(seed)
    world = build_world(students=25, statushouders=25)
    today = timezone.localdate()
    waves = []
    for n in range(2):
        wave = open_wave(
            world,
            ("djg6", "who5", "contact", "cohesion"),
            title=f"Golf {n}",
            opens_on=today - datetime.timedelta(days=1 - n),
        )
        services.invite(wave, link_for)
        for invitation in wave.invitations.all():
            if rng.random() < 0.3:
                continue
            services.answer(
                invitation,
                {
                    "djg6": {q: rng.choice(ANSWERS) for q in ["q3", "q4", "q7", "q8", "q9", "q10"]},
                    "who5": {
                        f"q{i}": rng.choice(["0", "1", "2", "3", "4", "5", "5", None])
                        for i in range(1, 6)
                    },
                    "contact": {"contacts": rng.choice([None, "0", "2", "5", "12"])},
                    "cohesion": {
                        c: rng.choice(["helemaal_eens", "eens", "neutraal", "oneens", None])
                        for c in ["c1", "c2", "c3", "c4"]
                    },
                },
            )
        waves.append(wave)
    return world, waves


def one_row_shown(counts: list[int], index: int) -> bool:
    """The suppression rule for one row of parts with a total, by hand."""
    small = {i for i, c in enumerate(counts) if c < 5}
    hidden = set(small)
    if sum(counts) < 5:
        return False
    if len(hidden) == 1:
        others = [(counts[i], i) for i in range(len(counts)) if i not in hidden]
        hidden.add(min(others)[1])
    return index not in hidden


def test_survey_indicators(seeds) -> None:
    indicators = registered()
    for seed in seeds[:2]:
        world, waves = generated_waves(seed)
        context = Context(world.complex, timezone.localdate())
        lonely = indicators["severely_lonely"].compute(context)
        poor = indicators["poor_wellbeing"].compute(context)
        contacts = indicators["cross_group_contacts"].compute(context)
        for i, wave in enumerate(waves):
            rows = Response.objects.filter(invitation__wave=wave)
            bands = [published(r.answers)["band"] for r in rows.filter(instrument__code="djg6")]
            bands = [b for b in bands if b is not None]
            counts = [bands.count(b) for b in ["not_lonely", "moderate", "severe"]]
            if one_row_shown(counts, 2):
                assert lonely.points[i].value == pytest.approx(100 * counts[2] / len(bands))
            else:
                assert lonely.points[i].value is None
            raws = [
                sum(int(v) for v in r.answers.values())
                for r in rows.filter(instrument__code="who5")
                if None not in r.answers.values()
            ]
            poor_counts = [sum(r >= 13 for r in raws), sum(r < 13 for r in raws)]
            if one_row_shown(poor_counts, 1):
                assert poor.points[i].value == pytest.approx(100 * poor_counts[1] / len(raws))
            else:
                assert poor.points[i].value is None
            given = [
                int(r.answers["contacts"])
                for r in rows.filter(instrument__code="contact")
                if r.answers["contacts"] is not None
            ]
            assert contacts.points[i].value == pytest.approx(sum(given) / len(given))
            assert contacts.points[i].n == len(given)
        assert [p.label for p in lonely.references] == [
            "15 jaar en ouder (2022, CBS StatLine 85766NED (De Jong Gierveld, 6 items))",
            "15 tot 25 jaar (2022, CBS StatLine 85766NED (De Jong Gierveld, 6 items))",
            "jongvolwassenen 16 tot 26 jaar (2022, GGD'en, Gezondheidsmonitor Jongvolwassenen 2022)",
        ]
        assert {p.value for p in lonely.references} == {10.7, 12.1, 27.0}


def test_social_cohesion_beside_the_national_figure(seeds) -> None:
    world, waves = generated_waves(seeds[0])
    context = Context(world.complex, timezone.localdate())
    series = registered()["social_cohesion"].compute(context)
    values = {"helemaal_eens": 5, "eens": 4, "neutraal": 3, "oneens": 2, "helemaal_oneens": 1}
    for i, wave in enumerate(waves):
        scores = []
        for r in Response.objects.filter(invitation__wave=wave, instrument__code="cohesion"):
            given = {c: values[a] for c, a in r.answers.items() if a is not None}
            if len(given) >= 3:
                if "c1" in given:
                    given["c1"] = 6 - given["c1"]
                scores.append(round((sum(given.values()) / len(given) - 1) * 10 / 4, 1))
        assert series.points[i].value == pytest.approx(sum(scores) / len(scores))
    assert 6.4 in {p.value for p in series.references}


def test_zrm_levels_per_half_year(seeds) -> None:
    rng = random.Random(seeds[0])
    world = build_world(students=0, statushouders=12)
    partner = factories.organisation("partner")
    today = timezone.localdate()
    rated = []
    for person in world.residents:
        for _ in range(3):
            day = today - datetime.timedelta(days=rng.randrange(0, 700))
            level = str(rng.randrange(1, 6))
            services.assess(
                person,
                levels={"work_education": level, "social_network": level},
                assessed_on=day,
                organisation=partner,
                by=None,
            )
            rated.append(day)
    context = Context(world.complex, today)
    series = registered()["zrm_work_education"].compute(context)
    for point in series.points:
        year, half = int(point.label[:4]), int(point.label[-1])
        first = datetime.date(year, 1 if half == 1 else 7, 1)
        last = min(datetime.date(year, 6 if half == 1 else 12, 30 if half == 1 else 31), today)
        latest = {}
        for a in Assessment.objects.order_by("assessed_on", "pk"):
            if first <= a.assessed_on <= last:
                latest[a.person_id] = int(a.answers["work_education"])
        if len(latest) < 5:
            assert point.value is None
        else:
            assert point.value == pytest.approx(sum(latest.values()) / len(latest))


def test_reference_figures_are_dated_and_sourced() -> None:
    from magicmix.monitoring.models import ReferenceFigure

    severe = ReferenceFigure.objects.get(indicator="djg6_severe", population="15 jaar en ouder")
    assert (severe.year, severe.value, severe.source) == (
        2022,
        Decimal("10.70"),
        "CBS StatLine 85766NED (De Jong Gierveld, 6 items)",
    )
    assert ReferenceFigure.objects.get(indicator="djg6_severe", year=2022, value=Decimal("27.0"))
    assert Instrument.objects.count() == 6
