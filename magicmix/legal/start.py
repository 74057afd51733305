"""The legal parameters' task on the start page: values missing today, for those who enter them."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from magicmix.accounts.models import Role, User
from magicmix.web.start import Task

from .models import Parameter


def tasks(user: User) -> list[Task]:
    if not user.has_role(Role.APPLICATION_MANAGER):
        return []
    missing = Parameter.objects.missing_on(timezone.localdate())
    return [Task(_("Legal values missing"), len(missing), reverse("legal:current"), urgent=True)]
