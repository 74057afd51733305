"""In a real browser, with axe on every page: a resident answers on a phone; a social
manager plans a wave, sends it and sees the response rate; a policy officer reads the
dashboard."""

import datetime

import pytest
from django.utils import timezone

from magicmix.accounts.models import Organisation, Role
from magicmix.conftest import assert_accessible, log_in
from magicmix.monitoring import services
from magicmix.monitoring.models import Invitation, Wave
from magicmix.testing import factories

from .conftest import build_world, keeping, open_wave

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def test_a_resident_fills_the_survey_on_a_phone(page) -> None:
    world = build_world()
    wave = open_wave(world, ("djg6", "who5", "satisfaction", "contact"))
    tokens: list[str] = []
    services.invite(wave, keeping(tokens))
    page.set_viewport_size(PHONE)
    page.goto(f"/survey/{tokens[0]}/")
    assert_accessible(page)
    for legend in [
        "Ik ervaar een leegte om me heen.",
        "Ik mis mensen om me heen.",
        "Vaak voel ik me in de steek gelaten.",
    ]:
        page.get_by_role("group", name=legend).get_by_label("ja", exact=True).check()
    for legend in [
        "Er zijn genoeg mensen op wie ik in geval van narigheid kan terugvallen.",
        "Ik heb veel mensen op wie ik volledig kan vertrouwen.",
    ]:
        page.get_by_role("group", name=legend).get_by_label("nee", exact=True).check()
    page.get_by_role("group", name="Hoe tevreden ben je met je woning?").get_by_label(
        "8", exact=True
    ).check()
    page.get_by_label("Met hoeveel bewoners uit een andere doelgroep").fill("3")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path="/tmp/monitoring-survey-phone.png", full_page=True)
    page.get_by_role("button", name="Verstuur mijn antwoorden").click()
    page.wait_for_url("**/answers/")
    assert page.get_by_text("Dank u wel! Uw antwoorden zijn opgeslagen.").is_visible()
    assert page.get_by_text("sterk eenzaam").is_visible()  # 5 of the 6 items answered: 5
    assert_accessible(page)
    scores = (
        Invitation.objects.by_token(tokens[0]).get().responses.get(instrument__code="djg6").scores
    )
    assert scores == {"total": 5, "emotional": 3, "social": None, "band": "severe"}


def test_a_social_manager_plans_a_wave_sends_it_and_sees_the_response_rate(page) -> None:
    world = build_world()
    log_in(page, world.manager.email)
    page.goto(f"/complexes/{world.complex.pk}/waves/")
    assert_accessible(page)
    page.get_by_role("link", name="Ronde plannen").click()
    today = timezone.localdate()
    page.get_by_label("Titel").fill("Najaar")
    page.get_by_label("Moment").select_option("yearly")
    page.get_by_label("Opent op").fill(today.isoformat())
    page.get_by_label("Sluit op").fill((today + datetime.timedelta(days=21)).isoformat())
    page.get_by_label("Eenzaamheidsschaal van De Jong Gierveld, 6 items").check()
    page.get_by_label("WHO-5 welbevinden").check()
    assert_accessible(page)
    page.get_by_role("button", name="Ronde plannen").click()
    page.wait_for_url("**/waves/*/")
    assert page.get_by_text("12 bewoners gevraagd", exact=False).is_visible()
    page.get_by_role("button", name="Verstuur de uitnodigingen").click()
    assert page.get_by_text("12 bewoners uitgenodigd").is_visible()
    wave = Wave.objects.get(title="Najaar")
    for invitation in wave.invitations.all()[:6]:
        services.answer(invitation, {"djg6": {"q3": "nee"}})
    page.reload()
    assert page.locator(".mm-response-rate").inner_text() == "Respons: 50%"
    assert_accessible(page)
    page.get_by_role("button", name="Herinner wie nog niet invulde").click()
    assert page.get_by_text("6 herinneringen verstuurd.").is_visible()


def test_a_policy_officer_reads_the_dashboard_with_small_counts_hidden(page) -> None:
    world = build_world()
    wave = open_wave(world)
    services.invite(wave, keeping([]))
    for invitation in wave.invitations.all()[:8]:
        services.answer(invitation, {"who5": dict.fromkeys(["q1", "q2", "q3", "q4", "q5"], "2")})
    municipality = factories.organisation(Organisation.Kind.MUNICIPALITY)
    factories.partner(world.complex, municipality)
    log_in(page, factories.user(municipality, Role.POLICY_OFFICER).email)
    page.set_viewport_size(PHONE)
    page.goto(f"/complexes/{world.complex.pk}/monitoring/")
    assert page.get_by_role("heading", name="Verwachting: uit het isolement").is_visible()
    assert page.get_by_text("<5").first.is_visible()
    assert page.locator("svg.mm-chart").count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert "de Vries" not in page.content()
    assert_accessible(page)
