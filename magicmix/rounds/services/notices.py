"""What candidates are told, by e-mail, about their offers and rounds.

One function per message; the workflows in `offers` call them through
`transaction.on_commit`, so a rolled-back step never sends anything. Every message says "u",
as the public pages do, and names the unit and the complex. A message that needs the offer
page gets a fresh private link (`Offer.issue_link`); earlier links keep working.
"""

from __future__ import annotations

from typing import Any

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from ..models import CandidateOutcome, Offer, Round

KINDS = ("offer", "reminder", "accepted", "declined", "expired", "withdrawn", "not_placed")


def _send(kind: str, email: str, context: dict[str, Any]) -> None:
    if not email:
        return
    with translation.override("nl"):  # Dutch first; the applicant's language is not known
        subject = render_to_string(f"rounds/email/{kind}_subject.txt", context).strip()
        body = render_to_string(f"rounds/email/{kind}.txt", context)
    send_mail(subject, body, None, [email])


def _about(offer: Offer, site: str, token: str | None = None) -> dict[str, Any]:
    return {
        "offer": offer,
        "application": offer.application,
        "unit": offer.unit,
        "complex": offer.unit.complex,
        "link": site.rstrip("/") + reverse("rounds:offer", args=[token]) if token else "",
    }


def tell(kind: str, offer: Offer, site: str, token: str | None = None) -> None:
    """Offer made, reminder, accepted, declined, expired or withdrawn."""
    assert kind in KINDS
    _send(kind, offer.application.email, _about(offer, site, token))


def not_placed(outcome: CandidateOutcome, round_: Round) -> None:
    """A candidate of an approved round who got no unit, with the engine's plain reason."""
    application = outcome.application
    reason = " ".join(str(r.get("nl", "")) for r in outcome.explanation)
    _send(
        "not_placed",
        application.email,
        {"application": application, "complex": round_.complex, "reason": reason},
    )
