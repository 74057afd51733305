"""Give a resident their personal link: a fresh token (an older link stops working), e-mailed
after the commit when the resident has an address, and shown once to the staff member who
asked for it, to pass on by text message or on paper."""

from __future__ import annotations

from functools import partial

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from magicmix.people.models import Person

from ..models import issue_link


@transaction.atomic
def give_link(person: Person, site: str) -> str:
    """The link's full address; the e-mail goes out only once the token is stored."""
    link = site.rstrip("/") + reverse("community:resident_home", args=[issue_link(person)])
    if person.email:
        transaction.on_commit(partial(_send, person, link))
    return link


def _send(person: Person, link: str) -> None:
    with translation.override("nl"):  # Dutch first, with English below in the same message
        body = render_to_string("community/email/link.txt", {"person": person, "link": link})
    send_mail("Uw persoonlijke link / Your personal link", body, None, [person.email])
