"""Occupancy and turnover measured from tenancies beside the plan, and the re-forecast."""

import datetime

import pytest
from django.test import Client

from magicmix.accounts.models import Organisation, User
from magicmix.finance.actuals import actuals, reforecast
from magicmix.finance.models import Scenario
from magicmix.housing.models import Complex
from magicmix.testing import factories

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2025, 6, 15)


@pytest.fixture
def let(corporation: Organisation) -> Complex:
    """Four units: one let since 2023, one from July 2024, one from 2022 to March 2024, one
    never; the case starts in 2016, so 2024 is its year 8."""
    place = factories.complex(corporation)
    gang = factories.cluster(place)
    units = [factories.unit(gang) for _ in range(4)]
    for unit, start, end in [
        (units[0], datetime.date(2023, 1, 1), None),
        (units[1], datetime.date(2024, 7, 1), None),
        (units[2], datetime.date(2022, 1, 1), datetime.date(2024, 3, 31)),
    ]:
        factories.tenancy(unit, factories.person(corporation), start_date=start, end_date=end)
    return place


def test_occupancy_and_turnover_per_year(let: Complex) -> None:
    scenario = Scenario.objects.create(complex=let, name="Plan", document=_document(let))
    rows = {r.calendar_year: r for r in actuals(let, scenario.case, TODAY)}
    assert rows[2021].occupancy is None  # before the first tenancy: unknown, not empty
    assert rows[2022].occupancy == 0.25
    assert rows[2023].occupancy == 0.5
    # 12 + 6 + 3 let months of 48.
    assert rows[2024].occupancy == pytest.approx(21 / 48)
    assert rows[2024].turnover == 0.25 and rows[2023].turnover == 0
    assert rows[2024].year == 8 and rows[2024].complete
    assert rows[2025].occupancy == 0.5 and not rows[2025].complete  # January to June
    assert rows[2026].occupancy is None


def test_reforecast_measures_the_past_and_re_estimates_the_rest(let: Complex) -> None:
    scenario = Scenario.objects.create(complex=let, name="Plan", document=_document(let))
    document = reforecast(scenario.document, actuals(let, scenario.case, TODAY))
    assert document is not None
    assert document["vacancy"]["observed"] == [
        {"year": 6, "occupancy": 0.25},
        {"year": 7, "occupancy": 0.5},
        {"year": 8, "occupancy": 0.4375},
    ]
    turnover = 0.25 / 3
    assert document["unit_types"][0]["rents"][0]["turnover_rate"] == pytest.approx(
        turnover, abs=1e-6
    )
    empty = 1 - (0.25 + 0.5 + 0.4375) / 3
    assert document["vacancy"]["loss_rate"] == pytest.approx(empty - turnover / 12, abs=1e-6)


def test_page_and_saving_the_reforecast(client: Client, let: Complex, letting: User) -> None:
    scenario = Scenario.objects.create(complex=let, name="Plan", document=_document(let))
    client.force_login(letting)
    url = f"/complexes/{let.pk}/finance/{scenario.pk}/actuals/"
    page = client.get(url)
    assert page.status_code == 200
    assert "43,8 %" in page.text  # 2024, measured
    assert client.post(url).status_code == 302
    saved = Scenario.objects.exclude(pk=scenario.pk).get()
    assert saved.name.startswith("Plan, herprognose van")
    assert saved.case.vacancy.observed


def _document(complex_: Complex) -> dict:
    from magicmix.finance.defaults import document_for

    data = document_for(complex_)
    data["vacancy"]["months_per_turnover"] = 1.0
    return data
