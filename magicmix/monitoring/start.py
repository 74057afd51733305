"""Start-page tasks of monitoring: open survey waves whose residents have not all answered."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from magicmix.accounts.models import User
from magicmix.web.start import Task

from .models import Wave


def tasks(user: User) -> list[Task]:
    today = timezone.localdate()
    waves = (
        Wave.objects.managed_by(user)
        .filter(opens_on__lte=today, closes_on__gte=today, invited_at__isnull=False)
        .select_related("complex")
        .annotate(awaiting=Count("invitations", filter=Q(invitations__completed_at__isnull=True)))
    )
    return [
        Task(
            _("%(wave)s in %(complex)s: residents yet to answer")
            % {"wave": wave.title, "complex": wave.complex.name},
            wave.awaiting,
            reverse("monitoring:wave_detail", args=[wave.pk]),
        )
        for wave in waves
    ]
