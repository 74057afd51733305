"""One form of address: every public page and every e-mail an applicant or candidate meets on
the way from applying to a home (or to "not selected") says "u", never "je", "jouw" or "jij".

The pages and e-mails are the real ones, rendered in Dutch along the whole path; the error
pages are those a candidate with an old link or an expired form sees."""

import datetime
import html as html_lib
import json
import re
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from django.views.defaults import permission_denied

from magicmix.accounts.models import Role
from magicmix.community.models import Activity, issue_link
from magicmix.community.services.residents import give_link
from magicmix.community.tests.scene import scene as community_scene
from magicmix.monitoring import services as monitoring
from magicmix.monitoring.models import Invitation
from magicmix.monitoring.scoring.definition import INSTRUMENTS_DIR
from magicmix.monitoring.tests.conftest import build_world, keeping, open_wave
from magicmix.rounds.models import Offer
from magicmix.rounds.services import offers
from magicmix.selection.models import CheckResult, Stage
from magicmix.selection.services import applications, eligibility, interviews, judgements
from magicmix.testing import factories
from magicmix.web.views import server_error

from .helpers import SITE, approved, link_of, scene

pytestmark = pytest.mark.django_db

INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)


def readable(html: str) -> str:
    """The text a reader meets, with labels and titles, without scripts and styles."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.DOTALL)
    attributes = " ".join(re.findall(r'(?:aria-label|title|placeholder|alt)="([^"]*)"', html))
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", html) + " " + attributes)


def test_the_words_below_are_informal() -> None:
    assert INFORMAL.search("Bedankt voor je aanmelding") and INFORMAL.search("Jouw advies")
    assert not INFORMAL.search("Bedankt voor uw aanmelding; jeugd, jongeren")


def test_public_pages_and_emails_say_u(
    client: Client, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.DEBUG = False
    s = scene(vacancies=4, students=5, statushouders=0)
    pages: dict[str, str] = {}

    def read(path: str) -> None:
        response = client.get(path)
        assert response.status_code in (200, 302, 404), (path, response.status_code)
        if response.status_code != 302:  # a decided application's edit page leads to its status
            pages[path] = readable(response.content.decode())

    manager = factories.user(s.corporation, Role.APPLICATION_MANAGER)
    invited, _ = factories.application(s.intake, stage=Stage.ASSESSING)
    rejected, rejected_token = factories.application(
        s.intake, stage=Stage.REVIEW, check_result=CheckResult.PENDING
    )
    passed_over, passed_over_token = factories.application(s.intake, stage=Stage.ASSESSING)
    capture = django_capture_on_commit_callbacks
    with capture(execute=True):
        status = SITE + reverse("selection:status", args=[rejected_token])
        applications.send_confirmation(rejected, status)
        tomorrow = timezone.now() + datetime.timedelta(days=1)
        interviews.invite(invited, tomorrow, "Kantoor", manager)
        eligibility.decide(rejected, approve=False, reason="Inkomen te hoog.", by=manager)
        judgements.decide_many([passed_over], Stage.NOT_SELECTED, "Geen plek.", manager)
        round_ = approved(s)  # four offers, and one candidate not placed
    taker, decliner, late, leaver = Offer.objects.filter(round=round_).order_by("unit__code")
    today = timezone.localdate()
    with capture(execute=True):
        Offer.objects.filter(pk=taker.pk).update(deadline=today + datetime.timedelta(days=1))
        offers.remind_due(SITE, today)
    links = {link_of(m.body) for m in mail.outbox if "/offer/" in m.body}
    for link in links:
        read(link)  # open offers
    with capture(execute=True):
        offers.accept(taker)
        offers.decline(decliner, "Te klein.", SITE)
        Offer.objects.filter(pk=late.pk).update(deadline=datetime.date(2020, 1, 1))
        leaver.application.withdraw("Elders gevonden.")
        offers.expire_due(SITE)
    for link in {link_of(m.body) for m in mail.outbox if "/offer/" in m.body}:
        read(link)  # answered, expired and withdrawn offers, and the refills
    intake = s.intake.pk
    for path in (
        reverse("selection:public_intakes"),
        reverse("selection:public_intake", args=[intake]),
        reverse("selection:apply", args=[intake]),
        reverse("selection:thanks", args=[intake]),
        "/apply/status/een-oude-link/",  # the 404 that explains a replaced link
    ):
        read(path)
    for token in (*s.tokens.values(), rejected_token, passed_over_token):
        for name in ("status", "status_edit", "status_withdraw"):
            read(reverse(f"selection:{name}", args=[token]))
    strict = Client(enforce_csrf_checks=True)
    expired = strict.post(reverse("login"), {"username": "a@example.nl", "password": "x"})
    pages["csrf"] = readable(expired.content.decode())
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    pages["403"] = readable(permission_denied(request, exception=Exception()).content.decode())
    pages["500"] = readable(server_error(RequestFactory().get("/")).content.decode())

    subjects = " | ".join(str(m.subject) for m in mail.outbox)
    for kind in ("aanmelding", "gesprek", "aanbod", "Herinnering", "aanvaard", "afwijzing"):
        assert kind.lower() in subjects.lower(), (kind, subjects)
    assert "verlopen" in subjects and "ingetrokken" in subjects and "geen woning" in subjects
    assert sum("niet gekozen" in m.body for m in mail.outbox) == 2  # rejected and passed over
    texts = pages | {f"e-mail “{m.subject}”": f"{m.subject}\n{m.body}" for m in mail.outbox}
    informal = {
        f"{where}: {match.group(0)} in “{text[max(0, match.start() - 40) : match.end() + 40]}”"
        for where, text in texts.items()
        for match in INFORMAL.finditer(text)
    }
    assert not informal, "\n".join(sorted(informal))


def instrument_wordings() -> list[str]:
    """The Dutch wordings of the survey instruments: fixed, validated texts kept as they are."""
    texts: list[str] = []

    def collect(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("nl"), str):
                texts.append(node["nl"])
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    for path in INSTRUMENTS_DIR.glob("*.json"):
        collect(json.loads(path.read_text(encoding="utf-8")))
    return sorted(texts, key=len, reverse=True)


def test_a_residents_phone_pages_and_the_survey_say_u(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    s = community_scene()
    token = issue_link(s.residents[0])
    activity = Activity.objects.create(
        complex=s.complex,
        title="Taalcafé",
        kind="meal",
        day=timezone.localdate(),
        starts_at=datetime.time(23, 59),
        place="Zaal",
    )
    texts: dict[str, str] = {}
    for name, args in (
        ("resident_home", [token]),
        ("resident_hours", [token]),
        ("resident_plan", [token]),
    ):
        response = client.get(reverse(f"community:{name}", args=args), HTTP_ACCEPT_LANGUAGE="nl")
        texts[name] = readable(response.content.decode())
    signed = client.post(
        reverse("community:resident_sign_up", args=[token, activity.pk]), follow=True
    )
    texts["sign up"] = readable(signed.content.decode())
    world = build_world(students=1, statushouders=1)
    wave = open_wave(world, ("djg6", "who5", "satisfaction", "contact"))
    tokens: list[str] = []
    s.residents[1].email = "bewoner@example.nl"
    with django_capture_on_commit_callbacks(execute=True):
        give_link(s.residents[1], SITE)
        monitoring.invite(wave, keeping(tokens))
        Invitation.objects.update(reminded_at=None)
        monitoring.remind(wave, keeping(tokens))
    for path in (f"/survey/{tokens[-1]}/", f"/survey/{tokens[-1]}/answers/"):
        texts[path] = readable(client.get(path, HTTP_ACCEPT_LANGUAGE="nl").content.decode())
    texts |= {f"e-mail “{m.subject}”": f"{m.subject}\n{m.body}" for m in mail.outbox}
    subjects = [str(m.subject) for m in mail.outbox]
    assert len(subjects) == 5 and sum("Herinnering" in s for s in subjects) == 2, subjects
    for wording in instrument_wordings():
        texts = {where: text.replace(wording, " ") for where, text in texts.items()}
    informal = {
        f"{where}: {match.group(0)} in “{text[max(0, match.start() - 40) : match.end() + 40]}”"
        for where, text in texts.items()
        for match in INFORMAL.finditer(text)
    }
    assert not informal, "\n".join(sorted(informal))
