"""A resident's personal link to their own pages: only the token's hash is stored, and it expires.

Like an applicant's private link (`selection`), so a resident needs no account.
"""

from __future__ import annotations

import datetime
import secrets

from django.db import models
from django.utils import timezone

from magicmix.people.models import Person
from magicmix.selection.models.application import hash_token

LINK_DAYS = 180


class LinkQuerySet(models.QuerySet["ResidentLink"]):
    def by_token(self, token: str) -> LinkQuerySet:
        return self.filter(token_hash=hash_token(token), expires_at__gt=timezone.now())


class ResidentLink(models.Model):
    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="resident_link")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(editable=False)

    objects = LinkQuerySet.as_manager()

    def __str__(self) -> str:
        return str(self.person)


def issue_link(person: Person) -> str:
    """A fresh personal link for `person`; an older link stops working."""
    token = secrets.token_urlsafe(32)
    ResidentLink.objects.update_or_create(
        person=person,
        defaults={
            "token_hash": hash_token(token),
            "expires_at": timezone.now() + datetime.timedelta(days=LINK_DAYS),
        },
    )
    return token
