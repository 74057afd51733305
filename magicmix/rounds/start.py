"""The rounds' tasks on the start page (see `magicmix.web.start`): offers about to expire, and
units free that no round is letting yet."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from magicmix.accounts.models import LETTING_ROLES, User
from magicmix.housing.models import Complex, Unit
from magicmix.tenancies.models import Tenancy
from magicmix.web.start import Task

from .models import Offer, Round

# An offer whose deadline falls within this many days is "about to expire".
EXPIRING_DAYS = 3
LIVE_OFFERS = [Offer.Status.PENDING, Offer.Status.ACCEPTED]
# A unit in a round with one of these statuses is being let already.
UNFINISHED = [
    Round.Status.DRAFT,
    Round.Status.QUEUED,
    Round.Status.RUNNING,
    Round.Status.DONE,
    Round.Status.FAILED,
]


def tasks(user: User) -> list[Task]:
    if not user.organisation_ids(LETTING_ROLES):
        return []
    rounds = Round.objects.visible_to(user)
    today = timezone.localdate()
    expiring = Offer.objects.filter(
        round__in=rounds,
        status=Offer.Status.PENDING,
        deadline__lte=today + datetime.timedelta(days=EXPIRING_DAYS),
    )
    return [
        Task(
            _("Offers about to expire"),
            expiring.count(),
            reverse("rounds:round_list"),
            urgent=True,
        ),
        Task(
            _("Units free without a round"),
            free_without_round(user, today).count(),
            reverse("housing:complex_list"),
        ),
    ]


def free_without_round(user: User, day: datetime.date) -> models.QuerySet[Unit]:
    """Units in use, with no tenancy from `day` on, no live offer and no round still at work."""
    still_let = Tenancy.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gte=day), unit=OuterRef("pk")
    )
    return (
        Unit.objects.filter(
            complex__in=Complex.objects.editable_by(user), status=Unit.Status.IN_USE
        )
        .exclude(Exists(still_let))
        .exclude(Exists(Offer.objects.filter(unit=OuterRef("pk"), status__in=LIVE_OFFERS)))
        .exclude(Exists(Round.objects.filter(units=OuterRef("pk"), status__in=UNFINISHED)))
    )
