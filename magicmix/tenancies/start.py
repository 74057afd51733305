"""The tenancies' task on the start page (see `magicmix.web.start`): tenancies that end soon."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from magicmix.accounts.models import User
from magicmix.web.start import Task

from .models import Tenancy

ENDING_MONTHS = 3


def tasks(user: User) -> list[Task]:
    ending = Tenancy.objects.visible_to(user).ending_within(timezone.localdate(), ENDING_MONTHS)
    return [
        Task(
            _("Tenancies ending in the next 3 months"), ending.count(), reverse("tenancies:ending")
        )
    ]
