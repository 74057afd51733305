"""What an applicant is told when staff decide they are not selected: after an eligibility
check is rejected, or a shortlist decision (one or many) says "not selected".

Sent after the decision commits, so a rolled-back decision sends nothing. A declined or
expired offer has its own message in `rounds`, so those moves send nothing here. The staff's
reason stays in the log: it is written for colleagues, not for the applicant.
"""

from __future__ import annotations

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from ..models import Application
from .interviews import recipient


def tell_not_selected(application: Application) -> None:
    address = recipient(application)
    if not address:
        return
    context = {"application": application, "intake": application.intake}
    with translation.override("nl"):  # Dutch first; the applicant's language is not known
        subject = _("Your application for %(name)s") % {"name": application.intake.complex.name}
        body = render_to_string("selection/email/not_selected.txt", context)
    send_mail(subject, body, None, [address])
