"""Survey workflows: plan a wave, invite its residents, remind them, take their answers;
record a ZRM rating; compute the indicator snapshots ahead (`refresh_snapshots`). Each runs in one transaction and sends its e-mails after the commit.

The e-mail carries the only copy of a resident's private token (only its hash is stored), so
a reminder issues a fresh link and the earlier one stops working.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from magicmix.accounts.models import Organisation, User
from magicmix.housing.models import Complex
from magicmix.people.models import Person

from . import scoring
from .indicators import Context, registered
from .models import Assessment, IndicatorSnapshot, Instrument, Invitation, Response, Wave

# Link for a token, e.g. lambda token: request.build_absolute_uri(reverse(...)).
LinkFor = Callable[[str], str]
# Between two reminders to the same resident.
REMINDER_INTERVAL = datetime.timedelta(days=3)


class SurveyClosed(Exception):
    """The wave is not open (yet, or any more): answers are not taken."""


@dataclass(frozen=True)
class Sent:
    invited: int
    without_email: int


@transaction.atomic
def plan_wave(
    complex_: Complex,
    *,
    title: str,
    moment: str,
    opens_on: datetime.date,
    closes_on: datetime.date,
    instruments: Iterable[Instrument],
    by: User | None,
) -> Wave:
    wave = Wave.objects.create(
        complex=complex_,
        title=title,
        moment=moment,
        opens_on=opens_on,
        closes_on=closes_on,
        created_by=by,
    )
    wave.instruments.set(instruments)
    return wave


@transaction.atomic
def invite(wave: Wave, link_for: LinkFor) -> Sent:
    """Invite every resident of the wave's population not yet invited, by e-mail. Residents
    without an e-mail address are counted, not invited (they are asked on paper)."""
    Wave.objects.select_for_update().filter(pk=wave.pk).first()
    already = wave.invitations.values("person_id")
    population = wave.population().exclude(pk__in=already).select_related("target_group")
    now = timezone.now()
    messages = []
    skipped = 0
    for person in population:
        if not person.email:
            skipped += 1
            continue
        invitation = Invitation(
            wave=wave,
            person=person,
            target_group=person.target_group,
            role=person.role,
            sent_at=now,
        )
        token = invitation.issue_link()
        invitation.save()
        messages.append(_message(invitation, person, link_for(token), "invitation"))
    wave.invited_at = wave.invited_at or now
    wave.save(update_fields=["invited_at"])
    transaction.on_commit(lambda: send_mass_mail(messages))
    return Sent(len(messages), skipped)


@transaction.atomic
def remind(wave: Wave, link_for: LinkFor) -> int:
    """Remind those who have not answered, at most once per REMINDER_INTERVAL, while the wave
    is open; each reminder carries a fresh link."""
    if not wave.is_open():
        return 0
    now = timezone.now()
    due = (
        wave.invitations.awaiting()
        .exclude(reminded_at__gt=now - REMINDER_INTERVAL)
        .select_related("person", "wave__complex__organisation")
        .select_for_update(of=("self",))
    )
    messages = []
    for invitation in due:
        token = invitation.issue_link()
        invitation.reminded_at = now
        invitation.reminders += 1
        invitation.save(update_fields=["token_hash", "link_expires_at", "reminded_at", "reminders"])
        messages.append(_message(invitation, invitation.person, link_for(token), "reminder"))
    transaction.on_commit(lambda: send_mass_mail(messages))
    return len(messages)


def _message(
    invitation: Invitation, person: Person, link: str, kind: str
) -> tuple[str, str, None, list[str]]:
    context = {"invitation": invitation, "wave": invitation.wave, "person": person, "link": link}
    with translation.override("nl"):
        subject = render_to_string(f"monitoring/email/{kind}_subject.txt", context).strip()
        body = render_to_string(f"monitoring/email/{kind}.txt", context)
    return subject, body, None, [person.email]


@transaction.atomic
def answer(invitation: Invitation, answers: Mapping[str, Mapping[str, str | None]]) -> None:
    """Store a resident's answers (instrument code → item code → answer) with their scores;
    answering again while the wave is open replaces the earlier answers. Raises
    scoring.InvalidAnswer, before anything is saved, for an answer off the scale."""
    wave = invitation.wave
    if not wave.is_open():
        raise SurveyClosed
    instruments = {i.code: i for i in wave.instruments.all()}
    if set(answers) - set(instruments):
        raise scoring.InvalidAnswer("this wave does not ask these instruments")
    checked = {code: instruments[code].spec.check(given) for code, given in answers.items()}
    for code, given in checked.items():
        instrument = instruments[code]
        Response.objects.update_or_create(
            invitation=invitation,
            instrument=instrument,
            defaults={"answers": given, "scores": scoring.score(instrument.spec, given)},
        )
    invitation.completed_at = timezone.now()
    invitation.save(update_fields=["completed_at"])


@transaction.atomic
def assess(
    person: Person,
    *,
    levels: Mapping[str, str | None],
    assessed_on: datetime.date,
    organisation: Organisation,
    by: User | None,
) -> Assessment:
    """Record a ZRM rating of `person` by a professional of `organisation`."""
    instrument = Instrument.objects.get(code="zrm")
    checked = instrument.spec.check(levels)
    return Assessment.objects.create(
        person=person,
        instrument=instrument,
        assessed_on=assessed_on,
        organisation=organisation,
        assessed_by=by,
        answers=checked,
        scores=scoring.score(instrument.spec, checked),
    )


def refresh_snapshots(complexes: Iterable[Complex], today: datetime.date) -> int:
    """Compute every registered indicator of each complex as on `today` and store it; the
    texts in English, to be translated when shown. Returns the number of snapshots."""
    stored = 0
    with translation.override("en"):
        for complex_ in complexes:
            context = Context(complex_, today)
            with transaction.atomic():
                for code, indicator in registered().items():
                    series = indicator.compute(context)
                    IndicatorSnapshot.objects.update_or_create(
                        complex=complex_,
                        code=code,
                        defaults={
                            "computed_on": today,
                            "unit": str(series.unit),
                            "maximum": series.maximum,
                            "points": [
                                {
                                    "label": p.label,
                                    "value": p.value,
                                    "n": p.n if p.value is not None else None,
                                    "reason": str(p.reason),
                                }
                                for p in series.points
                            ],
                        },
                    )
                    stored += 1
    return stored
