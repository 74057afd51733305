"""Living together's tasks on the start page: incidents waiting for an action, agreements to
review, and support arrangements ending within three months (also for the caseworker)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from magicmix.accounts.models import User
from magicmix.tenancies.models import add_months
from magicmix.web.start import Task

from .access import managing, partner
from .models import ContributionAgreement, Incident, SupportArrangement
from .models.support import ENDING_SOON_MONTHS


def tasks(user: User) -> list[Task]:
    if not managing(user) and not partner(user):
        return []
    today = timezone.localdate()
    url = reverse("community:index")
    ending = SupportArrangement.objects.visible_to(user).ending_between(
        today, add_months(today, ENDING_SOON_MONTHS)
    )
    found = [Task(_("Support arrangements ending within 3 months"), ending.count(), url)]
    if managing(user):
        found += [
            Task(
                _("Incidents waiting for an action"),
                Incident.objects.visible_to(user).needing_action(today).count(),
                url,
                urgent=True,
            ),
            Task(
                _("Contribution agreements to review"),
                ContributionAgreement.objects.editable_by(user).review_due(today).count(),
                url,
            ),
        ]
    return found
