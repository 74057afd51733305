"""The portfolio dashboard, the council report, the PDF reports and the public fact sheet: who
gets them (404 outside), what they show, and that small counts stay hidden."""

import datetime
import statistics

import pytest
from django.test import Client
from django.utils import timezone

from magicmix.accounts.models import Role
from magicmix.community.models import Activity, Incident
from magicmix.housing.models import Complex
from magicmix.monitoring.models import FactSheet
from magicmix.monitoring.services import refresh_snapshots
from magicmix.testing import factories

from .test_access import OTHER_CORPORATION, make_user

pytestmark = pytest.mark.django_db


def neighbourhood_life(world) -> list[int]:
    """Seven neighbour complaints (six handled) and three activities open to the
    neighbourhood with 11 neighbours; returns the handling days."""
    today = timezone.localdate()
    handled = [2, 9, 4, 30, 1, 6]
    for n, days in enumerate([*handled, None]):
        received = today - datetime.timedelta(days=40 + n)
        Incident.objects.create(
            complex=world.complex,
            occurred_on=received,
            kind=Incident.Kind.NEIGHBOUR_COMPLAINT,
            severity=1,
            description="Geluid",
            closed_on=received + datetime.timedelta(days=days) if days is not None else None,
        )
    for came in [3, 8, 0]:
        Activity.objects.create(
            complex=world.complex,
            title="Buurtmaaltijd",
            kind=Activity.Kind.NEIGHBOURHOOD,
            day=today - datetime.timedelta(days=10),
            starts_at=datetime.time(18),
            place="Tuin",
            open_to_neighbourhood=True,
            neighbours_came=came,
        )
    refresh_snapshots([world.complex], today)
    return handled


def test_a_policy_officer_sees_the_council_report_with_small_counts_hidden(
    client: Client, world
) -> None:
    handled = neighbourhood_life(world)
    client.force_login(make_user(world, Role.POLICY_OFFICER))
    page = client.get("/monitoring/council/")
    assert page.status_code == 200
    assert world.complex.name in page.text
    # 7 complaints; median of the six handled; 3 activities (<5); 11 neighbours.
    assert ">7</td>" in page.text
    median = statistics.median(handled)
    assert f">{median:g}".replace(".", ",") + "</td>" in page.text
    assert page.text.count("&lt;5") >= 1
    assert ">11</td>" in page.text
    # 12 residents, 6 students (dragend) and 6 statushouders: 50 %.
    assert "50,0 %" in page.text
    pdf = client.get("/monitoring/council/?format=pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_the_council_report_of_another_corporation_shows_nothing(client: Client, world) -> None:
    neighbourhood_life(world)
    client.force_login(make_user(world, OTHER_CORPORATION))
    page = client.get("/monitoring/council/")
    assert page.status_code == 200 and world.complex.name not in page.text


@pytest.mark.parametrize(
    "who", [Role.SOCIAL_MANAGER, Role.POLICY_OFFICER, Role.PARTNER_CASEWORKER, OTHER_CORPORATION]
)
def test_reports_and_portfolio_access(client: Client, world, who) -> None:
    refresh_snapshots([world.complex], timezone.localdate())
    client.force_login(make_user(world, who))
    report = client.get(f"/complexes/{world.complex.pk}/monitoring/report/")
    portfolio = client.get("/monitoring/portfolio/?indicator=occupancy")
    portfolio_pdf = client.get("/monitoring/portfolio/report/")
    assert portfolio.status_code == portfolio_pdf.status_code == 200
    assert portfolio_pdf.content.startswith(b"%PDF")
    if who == OTHER_CORPORATION:
        assert report.status_code == 404
    else:
        assert report.status_code == 200 and report.content.startswith(b"%PDF")
    # A caseworker sees their own clients complex by complex, never the complex as a whole.
    whole = who in (Role.SOCIAL_MANAGER, Role.POLICY_OFFICER)
    assert (world.complex.name in portfolio.text) == whole


def test_the_public_fact_sheet_is_off_until_switched_on(client: Client, world) -> None:
    neighbourhood_life(world)
    letting = factories.user(world.corporation, Role.LETTING)
    for who in (OTHER_CORPORATION, Role.POLICY_OFFICER, Role.SOCIAL_MANAGER):
        client.force_login(make_user(world, who))
        assert (
            client.post(f"/complexes/{world.complex.pk}/fact-sheet/", {"public": "on"}).status_code
            == 404
        )
    assert not FactSheet.objects.filter(public=True).exists()
    client.force_login(letting)
    client.post(f"/complexes/{world.complex.pk}/fact-sheet/", {"public": "on"})
    sheet = FactSheet.objects.get(complex=world.complex, public=True)
    anonymous = Client()
    page = anonymous.get(f"/feiten/{sheet.slug}/")
    assert page.status_code == 200
    assert world.complex.name in page.text and "&lt;5" in page.text
    assert "Bewoner" not in page.text and "Sanne" not in page.text  # no names
    client.post(f"/complexes/{world.complex.pk}/fact-sheet/", {"public": "off"})
    assert anonymous.get(f"/feiten/{sheet.slug}/").status_code == 404
    client.post(f"/complexes/{world.complex.pk}/fact-sheet/", {"public": "on"})
    assert FactSheet.objects.get(complex=world.complex).slug != sheet.slug


def test_snapshots_store_no_count_of_a_hidden_point(world) -> None:
    refresh_snapshots(Complex.objects.filter(pk=world.complex.pk), timezone.localdate())
    for snapshot in world.complex.indicator_snapshots.all():
        for point in snapshot.points:
            assert point["value"] is not None or point["n"] is None, snapshot.code
