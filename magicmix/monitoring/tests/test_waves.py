"""Planning a wave, who is asked, the invitations and reminders."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from magicmix.monitoring import services
from magicmix.monitoring.models import Invitation, Wave, hash_token
from magicmix.testing import factories

from .conftest import build_world, link_for, open_wave

pytestmark = pytest.mark.django_db


def tokens_in(outbox) -> list[str]:
    return [re.search(r"/survey/([\w-]+)/", m.body).group(1) for m in outbox]


def test_invitations_go_to_every_current_resident_with_a_private_link(
    world, django_capture_on_commit_callbacks
) -> None:
    moved_out = factories.person(world.corporation, email="weg@example.nl")
    factories.tenancy(
        factories.unit(factories.cluster(world.complex)),
        moved_out,
        start_date=datetime.date(2023, 1, 1),
        end_date=datetime.date(2024, 1, 1),
    )
    no_mail = factories.person(world.corporation, email="")
    factories.tenancy(factories.unit(factories.cluster(world.complex)), no_mail)
    wave = open_wave(world)
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.invite(wave, link_for)
    assert (sent.invited, sent.without_email) == (12, 1)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in world.residents)
    tokens = tokens_in(mail.outbox)
    assert len(set(tokens)) == 12 and all(len(t) >= 40 for t in tokens)
    stored = set(Invitation.objects.values_list("token_hash", flat=True))
    assert stored == {hash_token(t) for t in tokens}  # only hashes are kept
    assert not stored & set(tokens)
    invitation = Invitation.objects.by_token(tokens[0]).get()
    assert invitation.link_expires_at.date() == wave.closes_on
    # Sending again invites nobody twice.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.invite(wave, link_for).invited == 0


def test_a_link_stops_working_when_the_wave_has_closed(
    world, django_capture_on_commit_callbacks
) -> None:
    wave = open_wave(world)
    with django_capture_on_commit_callbacks(execute=True):
        services.invite(wave, link_for)
    token = tokens_in(mail.outbox)[0]
    Invitation.objects.update(link_expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert not Invitation.objects.by_token(token).exists()


def test_the_moment_decides_who_is_asked() -> None:
    today = timezone.localdate()
    world = build_world(students=2, statushouders=0, start=today - datetime.timedelta(days=30))
    gang = factories.cluster(world.complex)
    half_year = factories.person(world.corporation)
    factories.tenancy(
        factories.unit(gang), half_year, start_date=today - datetime.timedelta(days=190)
    )
    old = factories.person(world.corporation)
    factories.tenancy(factories.unit(gang), old, start_date=today - datetime.timedelta(days=800))
    asked = {
        moment: set(open_wave(world, moment=moment).population()) for moment in Wave.Moment.values
    }
    assert asked[Wave.Moment.INTAKE] == set(world.residents)
    assert asked[Wave.Moment.SIX_MONTHS] == {half_year}
    assert asked[Wave.Moment.YEARLY] == {*world.residents, half_year, old}


def test_reminders_go_to_those_who_have_not_answered_with_a_fresh_link(
    world, django_capture_on_commit_callbacks
) -> None:
    wave = open_wave(world)
    with django_capture_on_commit_callbacks(execute=True):
        services.invite(wave, link_for)
    first = tokens_in(mail.outbox)
    answered = Invitation.objects.by_token(first[0]).get()
    services.answer(answered, {"djg6": {"q3": "nee"}})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.remind(wave, link_for) == 11
    assert answered.person.email not in [m.to[0] for m in mail.outbox]
    assert "Herinnering" in mail.outbox[0].subject
    # The old link of a reminded resident no longer works; the new one does.
    assert not Invitation.objects.by_token(first[1]).exists()
    assert all(Invitation.objects.by_token(t).exists() for t in tokens_in(mail.outbox))
    # Not twice within three days.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.remind(wave, link_for) == 0


def test_answers_are_checked_scored_and_replaced_on_a_second_answer(world) -> None:
    wave = open_wave(world)
    services.invite(wave, link_for)
    invitation = wave.invitations.all()[0]
    lonely = dict.fromkeys(["q3", "q9", "q10"], "ja") | {"q4": "nee", "q7": "nee"}
    services.answer(invitation, {"djg6": lonely, "who5": {}})
    djg6 = invitation.responses.get(instrument__code="djg6")
    assert djg6.scores == {"total": 5, "emotional": 3, "social": None, "band": "severe"}
    assert invitation.responses.get(instrument__code="who5").scores["raw"] is None
    services.answer(invitation, {"djg6": {"q3": "nee"}})  # five unanswered now
    djg6.refresh_from_db()
    assert djg6.scores["total"] is None and djg6.answers["q3"] == "nee"
    with pytest.raises(services.scoring.InvalidAnswer):
        services.answer(invitation, {"djg6": {"q3": "misschien"}})
    with pytest.raises(services.scoring.InvalidAnswer):
        services.answer(invitation, {"zrm": {"finances": "3"}})


def test_a_closed_wave_takes_no_answers(world) -> None:
    today = timezone.localdate()
    wave = open_wave(world)
    services.invite(wave, link_for)
    Wave.objects.filter(pk=wave.pk).update(closes_on=today - datetime.timedelta(days=1))
    invitation = Invitation.objects.all()[0]
    with pytest.raises(services.SurveyClosed):
        services.answer(invitation, {"djg6": {"q3": "ja"}})


def test_the_start_page_tells_the_social_manager_who_has_not_answered(world) -> None:
    from magicmix.web.start import tasks_for

    wave = open_wave(world)
    assert tasks_for(world.manager) == []  # planned, not sent
    services.invite(wave, link_for)
    services.answer(wave.invitations.all()[0], {"djg6": {"q3": "ja"}})
    [task] = tasks_for(world.manager)
    assert task.count == 11 and task.url == f"/waves/{wave.pk}/"
    assert tasks_for(factories.user(world.corporation, factories.Role.LETTING)) == []
