"""In the browser, with axe on every page: a resident signs up and logs hours on a phone; a
social manager records an incident, issues a first and a second warning and sees the ladder,
and ends a tenancy with its destination."""

import datetime
from typing import Any

import pytest
from django.utils import timezone

from magicmix.conftest import assert_accessible, log_in

from ..models import (
    Activity,
    Departure,
    LoggedHours,
    SupportArrangement,
    Warning,
    issue_link,
)
from .scene import scene

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


def test_a_resident_signs_up_and_logs_hours_on_a_phone(page: Any) -> None:
    s = scene()
    resident = s.residents[1]
    Activity.objects.create(
        complex=s.complex,
        title="Taalcafé",
        kind="language_cafe",
        day=timezone.localdate() + datetime.timedelta(days=3),
        starts_at=datetime.time(19, 30),
        place="Huiskamer",
    )
    token = issue_link(resident)
    page.set_viewport_size(PHONE)
    page.goto(f"/community/me/{token}/")
    assert_accessible(page)
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_text("U bent aangemeld voor Taalcafé.").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Uren schrijven").click()
    assert_accessible(page)
    page.get_by_label("uren").fill("2.5")
    page.get_by_label("wat hebt u gedaan?").fill("Koken voor de gang")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Dank u! Uw uren zijn opgeslagen.").wait_for()
    assert "Deze maand: 2,5 van 16 uur." in page.locator("#hours-this-month").inner_text()
    assert LoggedHours.objects.get().what == "Koken voor de gang"
    assert resident.attendances.count() == 1


def test_a_social_manager_climbs_the_ladder_and_ends_a_tenancy(page: Any) -> None:
    s = scene()
    offender = s.residents[2]
    log_in(page, s.manager.email)
    page.goto(f"/community/complexes/{s.complex.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Incident vastleggen").first.click()
    page.get_by_label("soort incident").select_option(label="geluidsoverlast")
    page.get_by_label("ernst").select_option(label="middel")
    page.get_by_label("wat er gebeurde").fill("Harde muziek tot 02.00 uur.")
    page.get_by_label("betrokken bewoners").select_option(label=offender.full_name)
    page.get_by_label("eerste vervolgactie").fill("Gesprek plannen")
    page.get_by_label("eigenaar van de actie").select_option(label="Fenna Beheer")
    page.get_by_label("actie klaar op").fill(timezone.localdate().isoformat())
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Het incident is vastgelegd.").wait_for()
    assert_accessible(page)
    for reason, language in (("Eerste keer lawaai.", "Nederlands"), ("Again noise.", "English")):
        page.get_by_role("link", name="waarschuwing geven").click()
        page.get_by_label("reden").fill(reason)
        page.get_by_label("taal van de brief").select_option(label=language)
        assert_accessible(page)
        page.get_by_role("button", name="Opslaan").click()
        page.locator(".cm-letter").wait_for()
        assert reason in page.locator(".cm-letter").inner_text()
        assert_accessible(page)
        page.go_back()
        page.go_back()
        page.reload()
    assert [w.step for w in Warning.objects.order_by("id")] == [
        "gesprek",
        "eerste schriftelijke waarschuwing",
    ]
    page.goto(f"/community/residents/{offender.pk}/")
    assert (
        "Vandaag tellen 2 waarschuwingen, van 4 stappen."
        in page.locator("#ladder-place").inner_text()
    )
    assert page.locator(".cm-ladder__step--taken").count() == 2
    assert (
        "tweede schriftelijke waarschuwing" in page.locator(".cm-ladder__step--next").inner_text()
    )
    assert_accessible(page)
    page.get_by_role("link", name="Huur beëindigen met bestemming").click()
    page.get_by_label("einddatum").fill("2026-12-31")
    page.get_by_label("reden").select_option(label="de bewoner zegde op")
    page.get_by_label("verhuisd naar").select_option(label="reguliere sociale huur")
    page.get_by_label("huuropzegging gedaan op").fill("2026-10-15")
    page.get_by_label("nieuwe woonplek vanaf").fill("2027-01-01")
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Het einde van de huur en de bestemming zijn opgeslagen.").wait_for()
    assert "Woonde 2 maanden na de opzegging elders." in page.content()
    departure = Departure.objects.get()
    assert departure.destination == "social_rent" and departure.tenancy.end_date == datetime.date(
        2026, 12, 31
    )
    paths = ["gangs/", "incidents/", "activities/", "contract-ends/", "house-rules/"]
    for path in [*paths, "neighbourhood/", "neighbourhood/new/", "activities/new/"]:
        page.goto(f"/community/complexes/{s.complex.pk}/{path}")
        assert_accessible(page)
    page.goto("/community/")
    assert_accessible(page)


def test_the_caseworker_sees_their_clients_arrangement_ending_soon(page: Any) -> None:
    s = scene()
    today = timezone.localdate()
    SupportArrangement.objects.create(
        tenancy=s.tenancies[-1],
        partner=s.partner,
        hours_per_week=3,
        start_date=today - datetime.timedelta(days=1000),
        planned_end=today + datetime.timedelta(days=40),
    )
    log_in(page, s.caseworker.email)
    page.get_by_role("link", name="Samenleven").click()
    row = page.get_by_role("row").filter(has_text=s.client.full_name)
    assert "eindigt binnenkort" in row.inner_text()
    assert s.residents[0].full_name not in page.content()
    assert_accessible(page)
    row.get_by_role("link").click()
    page.get_by_role("heading", name="Begeleiding").wait_for()
    assert_accessible(page)
