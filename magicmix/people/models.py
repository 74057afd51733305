"""Target groups, persons and the history of their role (dragend / vragend)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from magicmix.accounts.models import STAFF_ROLES, Organisation, Role as MemberRole

if TYPE_CHECKING:
    from magicmix.accounts.models import User


class Role(models.TextChoices):
    SUPPORTING = "supporting", _("supporting")
    SUPPORTED = "supported", _("supported")


class SupportNeed(models.TextChoices):
    NONE = "none", _("none")
    LIGHT = "light", _("light")
    INTENSIVE = "intensive", _("intensive")


# The Dutch catalogue every organisation starts with: (code, name, default role).
DEFAULT_TARGET_GROUPS: list[tuple[str, str, str]] = [
    ("statushouder", "Statushouder", Role.SUPPORTED),
    ("student", "Student", Role.SUPPORTING),
    ("werkende-jongere", "Werkende jongere", Role.SUPPORTING),
    ("starter", "Starter", Role.SUPPORTING),
    ("arbeidsmigrant", "Arbeidsmigrant", Role.SUPPORTING),
    ("kenniswerker", "Kenniswerker", Role.SUPPORTING),
    ("spoedzoeker", "Gescheiden / spoedzoeker", Role.SUPPORTING),
    ("uitstroom-ggz", "Uitstromer beschermd wonen / GGZ", Role.SUPPORTED),
    ("uitstroom-mo", "Uitstromer maatschappelijke opvang", Role.SUPPORTED),
    ("oudere", "Oudere", Role.SUPPORTING),
    ("zzp", "Zzp-er", Role.SUPPORTING),
]


class TargetGroupQuerySet(models.QuerySet["TargetGroup"]):
    def seed_defaults(self, organisation: Organisation) -> None:
        for code, name, role in DEFAULT_TARGET_GROUPS:
            self.get_or_create(
                organisation=organisation, code=code, defaults={"name": name, "default_role": role}
            )


class TargetGroup(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="target_groups"
    )
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=100)
    default_role = models.CharField(_("default role"), max_length=20, choices=Role.choices)
    colour = models.PositiveSmallIntegerField(
        _("colour"), default=0, help_text=_("Index in the palette of the building picture.")
    )

    objects = TargetGroupQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="unique_target_group")
        ]

    def __str__(self) -> str:
        return self.name


class PersonQuerySet(models.QuerySet["Person"]):
    def visible_to(self, user: User) -> PersonQuerySet:
        """Corporation staff see their organisation's persons; partners see only their clients."""
        own = user.organisation_ids(STAFF_ROLES)
        partner = user.organisation_ids({MemberRole.PARTNER_CASEWORKER})
        return self.filter(
            Q(organisation_id__in=own)
            | Q(nominating_partner_id__in=partner)
            | Q(supporting_partner_id__in=partner)
        )

    def editable_by(self, user: User) -> PersonQuerySet:
        """Only the registering corporation's staff change a person's record."""
        return self.filter(organisation_id__in=user.organisation_ids(STAFF_ROLES))


class Person(models.Model):
    """A resident or applicant. Deliberately no BSN: an optional external reference instead."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="persons",
        verbose_name=_("registered by"),
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=150)
    date_of_birth = models.DateField(_("date of birth"))
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    household_size = models.PositiveSmallIntegerField(_("household size"), default=1)
    annual_income = models.DecimalField(
        _("annual income (€)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    income_year = models.PositiveSmallIntegerField(_("income year"), null=True, blank=True)
    target_group = models.ForeignKey(
        TargetGroup, on_delete=models.PROTECT, related_name="persons", verbose_name=_("target group")
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=Role.choices,
        help_text=_("The current role; every change is kept in the role history."),
    )
    support_need = models.CharField(
        _("support need"), max_length=20, choices=SupportNeed.choices, default=SupportNeed.NONE
    )
    nominating_partner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominated_persons",
        verbose_name=_("nominating partner"),
    )
    supporting_partner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supported_persons",
        verbose_name=_("supporting partner"),
    )
    registration_date = models.DateField(_("registration date"), default=datetime.date.today)
    external_reference = models.CharField(_("external reference"), max_length=50, blank=True)
    history = HistoricalRecords()

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        indexes = [models.Index(fields=["organisation", "last_name", "first_name"])]
        constraints = [
            models.CheckConstraint(condition=Q(household_size__gte=1), name="household_min_1"),
            models.CheckConstraint(
                condition=Q(annual_income__isnull=True) | Q(income_year__isnull=False),
                name="income_has_year",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def age_on(self, day: datetime.date) -> int:
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def role_on(self, day: datetime.date) -> str | None:
        change = self.role_changes.filter(valid_from__lte=day).order_by("-valid_from", "-id").first()
        return change.role if change else None

    @transaction.atomic
    def change_role(
        self, role: str, valid_from: datetime.date, reason: str, by: User | None
    ) -> RoleChange:
        """Record a new role; the current role follows the latest change that has started."""
        change = RoleChange.objects.create(
            person=self, role=role, valid_from=valid_from, reason=reason, recorded_by=by
        )
        current = self.role_on(datetime.date.today())
        if current and current != self.role:
            self.role = current
            self.save(update_fields=["role"])
        return change


class RoleChange(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="role_changes")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    valid_from = models.DateField(_("valid from"))
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-valid_from", "-id"]
        verbose_name = _("role change")
        verbose_name_plural = _("role history")

    def __str__(self) -> str:
        return f"{self.person}: {self.get_role_display()} ({self.valid_from})"
