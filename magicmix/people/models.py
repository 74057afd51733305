"""Target groups, persons and the history of their role (dragend / vragend)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connections, models, transaction
from django.db.models import OuterRef, Q, Subquery
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from magicmix.accounts.models import STAFF_ROLES, Organisation
from magicmix.accounts.models import Role as MemberRole
from magicmix.housing.models import DesignatedBy, Unit

from .renaming import group_code_changed

if TYPE_CHECKING:
    from magicmix.accounts.models import User


class Role(models.TextChoices):
    SUPPORTING = "supporting", _("supporting")
    SUPPORTED = "supported", _("supported")


class SupportNeed(models.TextChoices):
    NONE = "none", _("none")
    LIGHT = "light", _("light")
    INTENSIVE = "intensive", _("intensive")


# Colours of the building picture's palette: indexes 0..PALETTE_SIZE-1.
PALETTE_SIZE = 12
# A registered person is at least this old and at most that old: anything else is a typing error.
AGE_RANGE = (15, 110)

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

    def managed_by(self, user: User) -> TargetGroupQuerySet:
        """The catalogues of the corporations where the user is staff."""
        return self.filter(organisation_id__in=user.organisation_ids(STAFF_ROLES))

    def visible_to(self, user: User) -> TargetGroupQuerySet:
        """Groups of the user's own catalogues and of the persons they may see."""
        partner = user.organisation_ids({MemberRole.PARTNER_CASEWORKER})
        clients = Person.objects.filter(
            Q(nominating_partner_id__in=partner) | Q(supporting_partner_id__in=partner)
        )
        return self.filter(
            Q(organisation_id__in=user.organisation_ids(STAFF_ROLES))
            | Q(pk__in=clients.values("target_group_id"))
        )


class TargetGroup(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="target_groups"
    )
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=100)
    default_role = models.CharField(_("default role"), max_length=20, choices=Role.choices)
    colour = models.PositiveSmallIntegerField(
        _("colour"),
        default=0,
        validators=[MaxValueValidator(PALETTE_SIZE - 1)],
        help_text=_("Index in the palette of the building picture."),
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

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Save; a new code is carried to every row that names the group by its old code (unit
        designations here, a higher app's rows through `group_code_changed`), in the same
        transaction, so a rename never leaves a hard designation pointing at no group."""
        with transaction.atomic():
            stored = None if self._state.adding else TargetGroup.objects.filter(pk=self.pk)
            old = stored.values_list("code", flat=True).first() if stored is not None else None
            super().save(*args, **kwargs)
            if old is None or old == self.code:
                return
            designated = Unit.objects.filter(
                complex__organisation_id=self.organisation_id,
                designated_dimension=DesignatedBy.GROUP,
                designated_value=old,
            )
            for unit in designated:
                # One save per unit (not an update) so the unit's history records the change.
                unit.designated_value = self.code
                unit.save(update_fields=["designated_value"])
            group_code_changed.send(sender=TargetGroup, group=self, old_code=old)


_FULL_TEXT = "SELECT rowid FROM people_person_fts WHERE people_person_fts MATCH %s"
SEARCHED = ("last_name", "first_name", "email", "external_reference")


class _SearchText(models.Func):
    """The searched columns joined by spaces: the expression of the trigram index of migration
    0005. One index over one text gives the planner one condition per word that it can estimate;
    a word holds no space, so it never matches across two columns."""

    template = "(%(expressions)s)"
    arg_joiner = " || ' ' || "
    output_field = models.TextField()


class _Unindexed(models.Func):
    """A text column as an expression that sorts the same but that no index provides."""

    template = "(%(expressions)s || '')"
    output_field = models.TextField()


# Words of this length or longer have trigrams, so the trigram index serves them.
TRIGRAM = 3
# Marks a search that the trigram index serves (see `PersonQuerySet.by_name`).
_INDEXED_SEARCH = "indexed_search"


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

    def search(self, text: str) -> PersonQuerySet:
        """Every word must occur in the name, the e-mail address or the external reference.

        On SQLite a word matches at the start of a word ("vries" finds "de Vries"), from the
        full-text index of migration 0004; PostgreSQL matches anywhere, from its trigram index
        (0005).
        """
        if connections[self.db].vendor == "sqlite":
            # Each word a quoted phrase (so no word is read as FTS syntax), matched as a prefix.
            phrases = " ".join('"' + word.replace('"', '""') + '"*' for word in text.split())
            if not phrases:
                return self
            return self.filter(pk__in=RawSQL(_FULL_TEXT, [phrases]))
        words = text.split()
        found = self.alias(search_text=_SearchText(*SEARCHED))
        for word in words:
            found = found.filter(search_text__icontains=word)
        if any(len(word) >= TRIGRAM for word in words):
            found = found.alias(**{_INDEXED_SEARCH: models.Value(True)})
        return found

    def by_name(self) -> PersonQuerySet:
        """By last name, first name and id.

        The name index gives this order, and PostgreSQL walks it and tests each person until a
        page is full, thinking the matches of a search lie evenly along it. For a word far down
        the alphabet that walk reads most persons (2 s at a million, bench/api/RESULTS.md). A
        search the trigram index serves sorts its matches instead, so its time follows the
        matches, not the persons. A shorter word matches many persons: the walk suits it.
        """
        if _INDEXED_SEARCH in self.query.annotations:
            return self.order_by(_Unindexed("last_name"), _Unindexed("first_name"), "pk")
        return self.order_by("last_name", "first_name", "pk")

    def with_role_due(self, day: datetime.date) -> PersonQuerySet:
        """Persons whose stored role differs from the role their history gives for `day`."""
        latest = RoleChange.objects.filter(person=OuterRef("pk"), valid_from__lte=day).order_by(
            "-valid_from", "-id"
        )
        return (
            self.annotate(due_role=Subquery(latest.values("role")[:1]))
            .exclude(due_role__isnull=True)
            .exclude(due_role=models.F("role"))
        )

    def apply_role_changes(self, day: datetime.date) -> int:
        """Store the role each person's history gives for `day`; saved one by one for the history."""
        due = list(self.with_role_due(day))
        for person in due:
            person.role = person.due_role  # type: ignore[attr-defined]
            person.save(update_fields=["role"])
        return len(due)


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
    household_size = models.PositiveSmallIntegerField(
        _("household size"), default=1, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    annual_income = models.DecimalField(
        _("annual income (€)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    income_year = models.PositiveSmallIntegerField(_("income year"), null=True, blank=True)
    target_group = models.ForeignKey(
        TargetGroup,
        on_delete=models.PROTECT,
        related_name="persons",
        verbose_name=_("target group"),
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
        limit_choices_to={"kind": Organisation.Kind.PARTNER},
        verbose_name=_("nominating partner"),
    )
    supporting_partner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supported_persons",
        limit_choices_to={"kind": Organisation.Kind.PARTNER},
        verbose_name=_("supporting partner"),
    )
    registration_date = models.DateField(_("registration date"), default=datetime.date.today)
    external_reference = models.CharField(
        _("external reference"),
        max_length=50,
        blank=True,
        help_text=_(
            "For example the client number at the partner or in your own system. Never a BSN: "
            "magicmix stores no citizen service numbers (data minimisation)."
        ),
    )
    history = HistoricalRecords()

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        indexes = [
            # Serves the person list in name order and lets a search test every searched
            # column inside the index (an index-only scan), visiting the table only for the
            # rows shown.
            models.Index(
                fields=[
                    "organisation",
                    "last_name",
                    "first_name",
                    "id",
                    "email",
                    "external_reference",
                ],
                name="person_search",
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(household_size__gte=1), name="household_min_1"),
            models.CheckConstraint(
                condition=Q(annual_income__isnull=True) | Q(income_year__isnull=False),
                name="income_has_year",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("people:person_detail", args=[self.pk])

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def clean(self) -> None:
        today = timezone.localdate()
        errors: dict[str, object] = {}
        if self.date_of_birth:
            youngest, oldest = AGE_RANGE
            if self.date_of_birth > today:
                errors["date_of_birth"] = _("The date of birth lies in the future.")
            elif not youngest <= self.age_on(today) <= oldest:
                errors["date_of_birth"] = _(
                    "Enter a date of birth for an age between %(youngest)s and %(oldest)s."
                ) % {"youngest": youngest, "oldest": oldest}
        if self.annual_income is not None and self.income_year is None:
            errors["income_year"] = _("Give the year the income applies to.")
        if self.income_year is not None and not 2000 <= self.income_year <= today.year + 1:
            errors["income_year"] = _("Enter a year between 2000 and next year.")
        if (
            self.target_group_id
            and self.organisation_id
            and self.target_group.organisation_id != self.organisation_id
        ):
            errors["target_group"] = _("Choose a target group of the registering organisation.")
        if errors:
            raise ValidationError(errors)

    def age_on(self, day: datetime.date) -> int:
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def role_on(self, day: datetime.date) -> str | None:
        change = (
            self.role_changes.filter(valid_from__lte=day).order_by("-valid_from", "-id").first()
        )
        return change.role if change else None

    @transaction.atomic
    def change_role(
        self, role: str, valid_from: datetime.date, reason: str, by: User | None
    ) -> RoleChange:
        """Record a new role; the current role follows the latest change that has started."""
        # Changes of one person take turns: each then derives the current role from every
        # committed change, not only its own, and the last to commit cannot store a stale role.
        self.role = (
            Person.objects.select_for_update().values_list("role", flat=True).get(pk=self.pk)
        )
        change = RoleChange.objects.create(
            person=self, role=role, valid_from=valid_from, reason=reason, recorded_by=by
        )
        current = self.role_on(timezone.localdate())
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
