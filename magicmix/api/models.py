"""API tokens: how an outside system acts for an organisation in one role, with scopes.

A token does not carry rules of its own. Issuing one creates a system account — a `User` that
cannot log in, with exactly one membership (the organisation, the role) — and every endpoint
asks the same `visible_to` / `editable_by` querysets as the pages do, with that account. The
scopes only narrow which endpoints the token may call. Only the SHA-256 of the token is kept.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from magicmix.accounts.models import Organisation, Role, User

# The prefix tells a leaked secret apart in logs and secret scanners.
TOKEN_PREFIX = "mm_"
# "Last used" is written at most this often: a busy integration must not write on every call.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)


class Scope(models.TextChoices):
    READ_STOCK = "read-stock", _("read the housing stock (complexes, clusters, units)")
    WRITE_STOCK = "write-stock", _("import units")
    READ_PERSONS = "read-persons", _("read persons, role changes and tenancies")
    WRITE_PERSONS = "write-persons", _("import and change persons, record role changes")
    WRITE_TENANCIES = "write-tenancies", _("import, start and end tenancies")
    READ_APPLICATIONS = "read-applications", _("read applications and nominations")
    WRITE_APPLICATIONS = "write-applications", _("import applications")
    NOMINATE = "nominate", _("nominate clients")
    RUN_ROUNDS = "run-rounds", _("create, start and read allocation rounds")
    ANSWER_OFFERS = "answer-offers", _("read and answer offers")
    READ_INDICATORS = "read-indicators", _("read the aggregate indicators of complexes")


# The roles a token may act in, by the kind of organisation it acts for.
TOKEN_ROLES: dict[str, tuple[str, ...]] = {
    Organisation.Kind.CORPORATION: (Role.LETTING, Role.SOCIAL_MANAGER),
    Organisation.Kind.PARTNER: (Role.PARTNER_CASEWORKER,),
}


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_secret() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def managed_by(self, user: User) -> ApiTokenQuerySet:
        """Tokens issued by a corporation in which the user is application manager."""
        return self.filter(issuer_id__in=user.organisation_ids({Role.APPLICATION_MANAGER}))

    def usable(self) -> ApiTokenQuerySet:
        return self.filter(revoked_at__isnull=True, expires_on__gte=timezone.localdate())


class ApiToken(models.Model):
    name = models.CharField(_("name"), max_length=100, help_text=_("Which system uses it."))
    issuer = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("issued by")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("acts for"),
    )
    role = models.CharField(_("acts as"), max_length=30, choices=Role.choices)
    scopes = models.JSONField(_("scopes"), default=list)
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_token"
    )
    secret_hash = models.CharField(max_length=64, unique=True, editable=False)
    hint = models.CharField(_("starts with"), max_length=12, editable=False)
    expires_on = models.DateField(_("valid until"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    created_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return self.name

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.expires_on >= timezone.localdate()

    def allows(self, scope: str) -> bool:
        return scope in self.scopes

    def scope_labels(self) -> list[str]:
        return [str(Scope(code).label) for code in self.scopes if code in Scope.values]

    def mark_used(self) -> None:
        now = timezone.now()
        if self.last_used_at is None or now - self.last_used_at >= LAST_USED_RESOLUTION:
            ApiToken.objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now
