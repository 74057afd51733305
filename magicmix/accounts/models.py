"""Organisations, users and their roles: the basis of who may see what."""

from __future__ import annotations

import base64
import secrets
from functools import cached_property
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_link_code() -> str:
    """60 random bits as 12 base32 characters in groups of four, e.g. "K7QD-2M4X-PLAE"."""
    code = base64.b32encode(secrets.token_bytes(10)).decode()[:12]
    return "-".join(code[i : i + 4] for i in range(0, 12, 4))


def normal_link_code(typed: str) -> str:
    """A link code as typed (any case, spaces or dashes) in its stored form."""
    plain = "".join(char for char in typed.upper() if char.isalnum())
    return "-".join(plain[i : i + 4] for i in range(0, len(plain), 4))


class Organisation(models.Model):
    class Kind(models.TextChoices):
        CORPORATION = "corporation", _("housing corporation")
        MUNICIPALITY = "municipality", _("municipality")
        PARTNER = "partner", _("care or social partner")
        RESIDENTS = "residents", _("residents' organisation")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    # What a partner hands to a corporation that wants to add it to a complex: knowing the name
    # alone must not be enough, or anyone could test which organisations use this installation.
    link_code = models.CharField(
        _("link code"), max_length=14, unique=True, default=new_link_code, editable=False
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    """What a member does for an organisation; decides which data they may see."""

    APPLICATION_MANAGER = "application_manager", _("application manager")
    LETTING = "letting", _("letting")
    SOCIAL_MANAGER = "social_manager", _("social management")
    PARTNER_CASEWORKER = "partner_caseworker", _("partner caseworker")
    POLICY_OFFICER = "policy_officer", _("municipal policy officer")
    RESIDENT_PANEL = "resident_panel", _("resident panel member")


# Roles of corporation staff: they see the people in their own organisation's complexes.
STAFF_ROLES = frozenset({Role.APPLICATION_MANAGER, Role.LETTING, Role.SOCIAL_MANAGER})
# Roles that may change the housing stock and let units.
LETTING_ROLES = frozenset({Role.APPLICATION_MANAGER, Role.LETTING})
# Roles that only ever see aggregates of a complex, never a name.
AGGREGATE_ROLES = frozenset({Role.POLICY_OFFICER, Role.RESIDENT_PANEL})


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: object) -> User:
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> User:
        return self.create_user(email, password, is_staff=True, is_superuser=True, **extra)


class User(AbstractUser):
    """A person who logs in with an e-mail address."""

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("name"), max_length=200)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []
    # Our manager creates users by e-mail; the stubs expect the username-based one.
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    def __str__(self) -> str:
        return self.full_name or self.email

    @cached_property
    def roles_held(self) -> list[tuple[int, str]]:
        """(organisation id, role) of every membership, read once per user instance. Django
        loads the user anew for every request, so this lives for one request; a membership
        saved or deleted with this instance as its `user` clears it (`Membership.save`)."""
        return list(self.memberships.values_list("organisation_id", "role"))

    def forget_memberships(self) -> None:
        self.__dict__.pop("roles_held", None)

    def organisation_ids(self, roles: frozenset[str] | set[str] | None = None) -> set[int]:
        """Ids of the organisations in which this user holds one of `roles` (any role if None)."""
        if not self.is_authenticated:
            return set()
        return {org for org, role in self.roles_held if roles is None or role in roles}

    def has_role(self, *roles: str) -> bool:
        return any(role in roles for _org, role in self.roles_held)


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="unique_membership_role"
            )
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} — {self.organisation} ({self.get_role_display()})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        self._forget_on_user()

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        self._forget_on_user()
        return super().delete(*args, **kwargs)

    def _forget_on_user(self) -> None:
        # Only the user instance this membership was given or loaded with: no query for it.
        user = self._state.fields_cache.get("user")
        if user is not None:
            user.forget_memberships()
