"""The path a letting officer and a candidate walk: policy, round, review, approve, accept;
and a decline that sends the unit to the next candidate."""

import re

import pytest
from django.core import mail

from magicmix.conftest import assert_accessible, log_in
from magicmix.rounds.models import Offer

from .helpers import SITE, approved, scene, work

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def offer_path(email: str) -> str:
    message = next(m for m in reversed(mail.outbox) if m.to == [email])
    return re.search(r"/offer/[^\s]+/", str(message.body)).group(0)


def test_policy_round_review_approve_accept_and_the_new_composition(page) -> None:
    s = scene(vacancies=2, students=2, statushouders=1)
    log_in(page, s.staff.email)
    page.goto(f"/complexes/{s.complex.pk}/policy/")
    assert_accessible(page)
    page.get_by_label("telt").select_option(label="Statushouder")
    page.get_by_label("minimum").fill("1")
    page.get_by_role("button", name="Toevoegen").click()
    page.get_by_text("De grens is toegevoegd.").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Nieuwe ronde").click()
    page.get_by_label("titel").fill("Voorjaarsronde")
    page.get_by_label("kandidaten uit werving").select_option(str(s.intake.pk))
    page.get_by_label("ingang van de huur").fill("2030-01-01")
    # All free units at once; what was typed stays. (A native submit button, so the keyboard
    # reaches it too; a key press sent by the test was lost now and then under load.)
    page.get_by_role("button", name="Alle vrije eenheden kiezen").click()
    page.wait_for_url("**all_units=all**")
    for unit in s.units:
        assert page.get_by_label(re.compile(f"^{unit.code} ")).is_checked()
    assert page.get_by_label("titel").input_value() == "Voorjaarsronde"
    assert page.get_by_label("ingang van de huur").input_value() == "2030-01-01"
    assert_accessible(page)
    page.get_by_role("button", name="Ronde uitvoeren").click()
    page.get_by_role("progressbar").wait_for()
    assert_accessible(page)
    # The shared in-memory SQLite test database cannot wait for locks: hold the page's polls
    # in the browser while the worker writes, then let them through.
    page.route("**/progress/", lambda route: route.continue_())
    work()
    page.get_by_role("heading", name="Voorstel: 2 van 2 woningen").wait_for(timeout=10_000)
    assert_accessible(page)
    assert page.get_by_text("Geplaatst in woning").count() >= 2
    page.get_by_role("link", name="Goedkeuren en aanbiedingen versturen").click()
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("^Ja, .* versturen$")).click()
    page.get_by_text("Aanbiedingen verstuurd: 2.").wait_for()
    assert_accessible(page)

    statushouder = s.applications[-1]
    page.goto(offer_path(statushouder.email))
    assert_accessible(page)
    page.get_by_role("button", name="Ik aanvaard dit aanbod").click()
    page.get_by_role("heading", name="Uw huurcontract").wait_for()
    assert_accessible(page)

    page.goto(f"/rounds/{Offer.objects.get(application=statushouder).round_id}/")
    page.get_by_role("link", name="huurovereenkomst").wait_for()
    # On the move-in date the statushouder lives there (the mix page shows only groups present).
    move_in = Offer.objects.get(application=statushouder).tenancy.start_date
    page.goto(f"/complexes/{s.complex.pk}/mix/?on={move_in.isoformat()}")
    assert_accessible(page)
    assert "Statushouder" in page.content()


def test_a_declined_offer_goes_to_the_next_candidate(page) -> None:
    s = scene(vacancies=1, students=2, statushouders=0)
    round_ = approved(s)
    [offer] = Offer.objects.filter(round=round_)
    token = offer.application.issue_link()
    offer.application.save()
    page.goto(f"/offer/{token}/")
    assert_accessible(page)
    page.get_by_label("waarom wijst u het aanbod af?").fill("Ik heb al een kamer gevonden.")
    page.get_by_role("button", name="Ik wijs dit aanbod af").click()
    page.get_by_text("U hebt het aanbod afgewezen.").wait_for()
    assert_accessible(page)

    log_in(page, s.staff.email)
    page.goto(f"/rounds/{round_.pk}/")
    assert_accessible(page)
    nxt = next(a for a in s.applications if a != offer.application)
    row = (
        page.get_by_role("row").filter(has_text=nxt.full_name).filter(has_text="wacht op antwoord")
    )
    row.wait_for()
    assert page.get_by_role("row").filter(has_text="Ik heb al een kamer gevonden.").count() == 1
    assert SITE  # links in the e-mails point at the site given by the request
