"""Two rounds over the same units, both computed before either is approved: the first sends
its offers, the second says it is out of date, naming the unit, and after a re-run offers only
what is still free. No unit is offered twice, and a new round finds nothing left to offer."""

import datetime
import re

import pytest
from django.db.models import Count

from magicmix.conftest import assert_accessible, log_in
from magicmix.rounds.models import Offer, Round
from magicmix.rounds.services import runs

from .helpers import new_round, scene, work

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def approve_in_browser(page, n: int) -> None:
    page.get_by_role("link", name="Goedkeuren en aanbiedingen versturen").click()
    assert_accessible(page)
    page.get_by_role("button", name=re.compile(f"^Ja, {n} aanbieding(en)? versturen$")).click()
    page.get_by_text(f"Aanbiedingen verstuurd: {n}.").wait_for()
    assert_accessible(page)


def test_the_second_of_two_overlapping_rounds_refuses_then_reruns(page) -> None:
    s = scene(vacancies=3, students=4, statushouders=0)
    a01, a02, _a03 = s.units
    move_in = datetime.date(2030, 1, 1)
    first = new_round(s, title="Ronde 1", move_in=move_in)
    first.units.set([a01, a02])
    runs.start(first)

    log_in(page, s.staff.email)
    page.goto(f"/complexes/{s.complex.pk}/rounds/new/")
    page.get_by_label("titel").fill("Ronde 2")
    page.get_by_label("kandidaten uit werving").select_option(str(s.intake.pk))
    page.get_by_label("ingang van de huur").fill(move_in.isoformat())
    page.get_by_text("Woningen die op 1 januari 2030 vrij zijn").wait_for()
    page.get_by_label(re.compile("^A02 ")).check()
    page.get_by_label(re.compile("^A03 ")).check()
    assert_accessible(page)
    page.get_by_role("button", name="Ronde uitvoeren").click()
    page.get_by_role("progressbar").wait_for()
    # The in-memory SQLite test database cannot wait for locks: hold the page's polls while
    # the worker writes.
    page.route("**/progress/", lambda route: route.continue_())
    work()
    second = Round.objects.get(title="Ronde 2")
    page.get_by_role("heading", name="Voorstel: 2 van 2 woningen").wait_for(timeout=10_000)

    page.goto(f"/rounds/{first.pk}/")
    approve_in_browser(page, 2)

    page.goto(f"/rounds/{second.pk}/")
    alert = page.get_by_role("status").filter(has_text="Dit voorstel is verouderd.")
    alert.wait_for()
    assert "A02" in alert.inner_text() and "A03" not in alert.inner_text()
    assert page.get_by_role("link", name="Goedkeuren en aanbiedingen versturen").count() == 0
    assert_accessible(page)
    page.get_by_role("button", name="Ronde opnieuw berekenen").click()
    page.get_by_role("progressbar").wait_for()
    work()
    page.get_by_role("heading", name="Voorstel: 1 van 1 woningen").wait_for(timeout=10_000)
    assert_accessible(page)
    approve_in_browser(page, 1)
    page.get_by_role("link", name=re.compile("^Versie 1: voorstel")).click()
    page.get_by_role("heading", name="Voorstel: 2 van 2 woningen").wait_for()
    assert_accessible(page)

    offers = Offer.objects.filter(status=Offer.Status.PENDING)
    assert sorted(offers.values_list("unit__code", flat=True)) == ["A01", "A02", "A03"]
    assert not offers.values("application").annotate(n=Count("id")).filter(n__gt=1).exists()

    page.goto(f"/complexes/{s.complex.pk}/rounds/new/?move_in=2030-01-01")
    page.get_by_text("Op deze datum is geen woning vrij.").wait_for()
    assert_accessible(page)
