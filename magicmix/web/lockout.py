"""How long django-axes locks a login: by username and address together, longer each time.

Locking the username alone lets anyone who knows a staff e-mail address lock that person out;
locking the address alone locks a whole office behind one proxy. The combination (settings:
AXES_LOCKOUT_PARAMETERS) only stops the one who keeps guessing. The first lock, after
AXES_FAILURE_LIMIT failures, lasts FIRST_LOCK; every further round of failures (tries during
a lock count too) doubles it, up to LONGEST_LOCK.
"""

from __future__ import annotations

import datetime
from math import ceil
from typing import Any

from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .client_ip import client_ip

FIRST_LOCK = datetime.timedelta(minutes=15)
LONGEST_LOCK = datetime.timedelta(hours=24)


def lock_for(failures: int) -> datetime.timedelta:
    rounds = max(0, failures - settings.AXES_FAILURE_LIMIT) // settings.AXES_FAILURE_LIMIT
    return min(FIRST_LOCK * 2 ** min(rounds, 10), LONGEST_LOCK)


def cool_off(request: HttpRequest | None) -> datetime.timedelta:
    """AXES_COOLOFF_TIME: the lock for the failures so far of this username at this address."""
    if request is None:
        return FIRST_LOCK
    failures = getattr(request, "axes_failures_since_start", None)
    if failures is None:
        username = get_client_username(request, getattr(request, "axes_credentials", None))
        failures = AccessAttempt.objects.filter(
            username=username, ip_address=client_ip(request)
        ).aggregate(most=Max("failures_since_start"))["most"]
    return lock_for(failures or 0)


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict[str, Any]
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: a page in the user's language that says what to do."""
    minutes = ceil(cool_off(request).total_seconds() / 60)
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    return render(request, "registration/locked_out.html", context, status=429)
