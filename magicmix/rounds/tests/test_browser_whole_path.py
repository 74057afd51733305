"""The whole path of one applicant, in the browser: apply, score, interview, coöptatie advice,
shortlist, mix policy, round, approve, accept, and the tenancy on the person page and in the
composition picture."""

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from magicmix.accounts.models import Organisation, Role
from magicmix.conftest import assert_accessible, log_in
from magicmix.selection.models import Application
from magicmix.selection.tests.browser_steps import (
    apply_publicly,
    give_panel_advice,
    hold_interview,
    score_next_letter,
    set_rubric,
    shortlist,
)
from magicmix.tenancies.models import Tenancy
from magicmix.testing import factories

from .helpers import work

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def link_in_mail(to: str, pattern: str) -> str:
    """The path of the newest link matching `pattern` in the e-mails to `to`."""
    message = next(m for m in reversed(mail.outbox) if m.to == [to])
    return re.search(pattern, str(message.body)).group(0)


@pytest.fixture
def elsewhere(browser: Any, live_server: Any) -> Iterator[Callable[[], Any]]:
    """New pages, each in a browser context of its own: other people at other computers."""
    contexts: list[Any] = []

    def new_page() -> Any:
        contexts.append(browser.new_context(base_url=live_server.url, locale="nl-NL"))
        return contexts[-1].new_page()

    yield new_page
    for context in contexts:
        context.close()


def apply(page: Any) -> None:
    apply_publicly(
        page,
        "Werving Gangenhuis",
        "Wubbo",
        "Zwanenburg",
        "wubbo@example.nl",
        "30000",
        "Ik start een moestuin op de gang.",
    )
    page.goto(link_in_mail("wubbo@example.nl", r"/apply/status/\S+/"))
    page.get_by_text("Status: ontvangen").wait_for()
    assert_accessible(page)


def test_from_application_to_tenancy_and_the_new_composition(
    page: Any, elsewhere: Callable[[], Any]
) -> None:
    corporation = factories.organisation(name="De Woonstichting")
    letting = factories.user(corporation, Role.LETTING, full_name="Lotte Verhuur")
    scorer = factories.user(corporation, Role.SOCIAL_MANAGER, full_name="Sam Scoort")
    complex_ = factories.complex(corporation, name="Gangenhuis")
    gang_a = factories.cluster(complex_, name="Gang A")
    gang_b = factories.cluster(complex_, name="Gang B")
    vacant = factories.unit(gang_a, code="A01")
    factories.tenancy(factories.unit(gang_a, code="A02"), factories.person(corporation, "starter"))
    factories.tenancy(factories.unit(gang_b, code="B01"), factories.person(corporation, "student"))
    intake = factories.intake(complex_, title="Werving Gangenhuis")
    residents = factories.organisation(Organisation.Kind.RESIDENTS, name="Bewonerspanel")
    factories.partner(complex_, residents)
    member = factories.user(residents, Role.RESIDENT_PANEL)

    cache.clear()  # the public form's rate limit counts in the cache, which outlives a test
    candidate = elsewhere()
    apply(candidate)
    application = Application.objects.get()

    log_in(page, letting.email)
    page.goto(f"/complexes/{complex_.pk}/mix/")
    assert page.get_by_title("A01: leeg").count() == 1
    assert_accessible(page)
    set_rubric(page, intake)
    score_next_letter(page, "Ik start een moestuin op de gang.", "Zwanenburg", "4")

    second_scorer = elsewhere()
    log_in(second_scorer, scorer.email)
    score_next_letter(second_scorer, "Ik start een moestuin op de gang.", "Zwanenburg", "5")

    hold_interview(page, intake, application, "8", "Wil de gang laten tuinieren.")
    shortlist(page, intake, application)

    panel = elsewhere()
    log_in(panel, member.email)
    give_panel_advice(
        panel, "Wubbo", "Zwanenburg", "Wil de gang laten tuinieren.", "Past goed bij gang A."
    )
    assert "30000" not in panel.content()

    page.reload()
    row = page.locator(f"#application-{application.pk}")
    # Letter: two scorers, (4 + 5) / 2 of 5; interview 8 of 10: (2 × 0,9 + 1 × 0,8) / 3 = 86,7
    assert "86,7" in row.inner_text() and "voor: 1" in row.inner_text()

    page.goto(f"/complexes/{complex_.pk}/policy/")
    assert_accessible(page)
    page.get_by_label("telt").select_option(label="Student")
    page.get_by_label("minimum").fill("1")
    page.get_by_role("button", name="Toevoegen").click()
    page.get_by_text("De grens is toegevoegd.").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Nieuwe ronde").click()
    page.get_by_label("titel").fill("Zomerronde")
    page.get_by_label("kandidaten uit werving").select_option(str(intake.pk))
    page.get_by_label(re.compile("^A01 ")).check()
    page.get_by_label("ingang van de huur").fill(timezone.localdate().isoformat())
    assert_accessible(page)
    page.get_by_role("button", name="Ronde uitvoeren").click()
    page.get_by_role("progressbar").wait_for()
    assert_accessible(page)
    # The in-memory SQLite test database cannot wait for locks: the page's progress polls are
    # held in the browser while the worker writes (the route is only served between calls).
    page.route("**/progress/", lambda route: route.continue_())
    work()
    page.get_by_role("heading", name="Voorstel: 1 van 1 woningen").wait_for(timeout=10_000)
    assert_accessible(page)
    assert page.get_by_text("Geplaatst in woning").count() >= 1
    assert "Wubbo Zwanenburg" in page.content()
    page.get_by_role("link", name="Goedkeuren en aanbiedingen versturen").click()
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("^Ja, .* versturen$")).click()
    page.get_by_text("Aanbiedingen verstuurd: 1.").wait_for()
    assert_accessible(page)

    candidate.goto(link_in_mail("wubbo@example.nl", r"/offer/\S+/"))
    assert_accessible(candidate)
    candidate.get_by_role("button", name="Ik aanvaard dit aanbod").click()
    candidate.get_by_role("heading", name="Uw huurcontract").wait_for()
    assert_accessible(candidate)

    tenancy = Tenancy.objects.get(unit=vacant)
    page.goto(f"/persons/{tenancy.person_id}/")
    tenancies = page.locator("section[aria-labelledby=tenancies-heading]")
    tenancies.get_by_role("cell", name="A01", exact=True).wait_for()
    assert "Gangenhuis" in tenancies.inner_text() and "Zwanenburg" in page.content()
    assert_accessible(page)

    page.goto(f"/complexes/{complex_.pk}/mix/")
    assert page.get_by_title("A01: leeg").count() == 0
    assert page.get_by_title(re.compile("^A01: Student")).count() == 1
    assert_accessible(page)
