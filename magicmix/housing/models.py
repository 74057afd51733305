"""Complexes, their nested clusters (site → building → floor → gang) and units."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from magicmix.accounts.models import (
    AGGREGATE_ROLES,
    LETTING_ROLES,
    STAFF_ROLES,
    Organisation,
    Role,
)

from .postcode import normalise_postcode, validate_postcode

if TYPE_CHECKING:
    from magicmix.accounts.models import User

# Between the cluster names of a path, as in "Gebouw A / Verdieping 2 / Gang 2B".
PATH_SEPARATOR = " / "
# Site / building / wing / floor / gang needs five levels; ten leaves room and keeps every page
# that draws the tree, and every walk over it, small.
MAX_CLUSTER_DEPTH = 10


class ComplexQuerySet(models.QuerySet["Complex"]):
    def visible_to(self, user: User) -> ComplexQuerySet:
        """Complexes of the user's corporation, or where their organisation is a partner."""
        own = user.organisation_ids(STAFF_ROLES)
        partner = user.organisation_ids(AGGREGATE_ROLES | {Role.PARTNER_CASEWORKER})
        return self.filter(
            Q(organisation_id__in=own) | Q(partners__organisation_id__in=partner)
        ).distinct()

    def with_names_visible_to(self, user: User) -> ComplexQuerySet:
        """Complexes in which the user may see who lives where (corporation staff only)."""
        return self.filter(organisation_id__in=user.organisation_ids(STAFF_ROLES))

    def editable_by(self, user: User) -> ComplexQuerySet:
        """Complexes whose stock (clusters, units, tenancies) the user may change."""
        return self.filter(organisation_id__in=user.organisation_ids(LETTING_ROLES))

    def with_unit_counts(self, day: datetime.date | None = None) -> ComplexQuerySet:
        """Annotate `unit_count` (every unit) and `vacant_count` (units in use without a
        current tenancy): the same counts as the mix page's units and vacant places."""
        units = Unit.objects.filter(complex=OuterRef("pk")).order_by().values("complex")
        count = Count("pk")
        return self.annotate(
            unit_count=Coalesce(
                Subquery(units.annotate(n=count).values("n"), output_field=IntegerField()), 0
            ),
            vacant_count=Coalesce(
                Subquery(
                    units.filter(~_current_tenancy(day), status=Unit.Status.IN_USE)
                    .annotate(n=count)
                    .values("n"),
                    output_field=IntegerField(),
                ),
                0,
            ),
        )


class Complex(models.Model):
    class PlacementStyle(models.TextChoices):
        SPECKLED = "speckled", _("speckled (alternating units)")
        CLUSTERED = "clustered", _("clustered (per gang or floor)")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="complexes",
        limit_choices_to={"kind": Organisation.Kind.CORPORATION},
        verbose_name=_("corporation"),
    )
    name = models.CharField(_("name"), max_length=200)
    street = models.CharField(_("street"), max_length=200)
    house_number = models.CharField(_("house number"), max_length=20)
    postcode = models.CharField(_("postcode"), max_length=7, validators=[validate_postcode])
    city = models.CharField(_("city"), max_length=100)
    municipality = models.CharField(_("municipality"), max_length=100)
    exploitation_start = models.DateField(_("start of exploitation"))
    exploitation_end = models.DateField(
        _("planned end of exploitation"),
        null=True,
        blank=True,
        help_text=_("Leave empty for a permanent complex."),
    )
    concept = models.TextField(_("concept"), blank=True)
    placement_style = models.CharField(
        _("placement style"), max_length=20, choices=PlacementStyle.choices
    )
    history = HistoricalRecords()

    objects = ComplexQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("complex")
        verbose_name_plural = _("complexes")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_complex_name")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors: dict[str, ValidationError] = {}
        if self.postcode:
            try:
                self.postcode = normalise_postcode(self.postcode)
            except ValidationError as error:
                errors["postcode"] = error
        if (
            self.exploitation_start
            and self.exploitation_end
            and self.exploitation_end <= self.exploitation_start
        ):
            errors["exploitation_end"] = ValidationError(
                _("The planned end must lie after the start.")
            )
        if errors:
            raise ValidationError(errors)


class ComplexPartner(models.Model):
    """An organisation that works in a complex, and what it may do there."""

    complex = models.ForeignKey(Complex, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="partnerships"
    )
    may_nominate = models.BooleanField(_("may nominate residents"), default=False)
    provides_support = models.BooleanField(_("provides support"), default=False)
    description = models.CharField(_("description"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(
                fields=["complex", "organisation"], name="unique_complex_partner"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} @ {self.complex}"


def linked_partners(organisation_ids: Iterable[int]) -> models.QuerySet[Organisation]:
    """The partner organisations that work in a complex of one of these organisations: the only
    ones a person of theirs may be handed to, and the only ones their forms list."""
    return Organisation.objects.filter(
        kind=Organisation.Kind.PARTNER,
        pk__in=ComplexPartner.objects.filter(
            complex__organisation_id__in=list(organisation_ids)
        ).values("organisation_id"),
    )


class Cluster(models.Model):
    """A part of a complex; clusters nest to any depth."""

    class Kind(models.TextChoices):
        SITE = "site", _("site")
        BUILDING = "building", _("building")
        WING = "wing", _("wing")
        FLOOR = "floor", _("floor")
        GANG = "gang", _("gang (corridor)")

    complex = models.ForeignKey(Complex, on_delete=models.CASCADE, related_name="clusters")
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
    )
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    position = models.PositiveIntegerField(_("position"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        constraints = [
            models.UniqueConstraint(
                fields=["complex", "parent", "name"],
                name="unique_cluster_name",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if PATH_SEPARATOR.strip() in self.name:
            # Import files name a cluster by its path "Gebouw A / Verdieping 2 / Gang 2B".
            raise ValidationError({"name": _("A cluster name cannot contain a slash (/).")})
        ancestor, depth = self.parent, 1
        while ancestor is not None:
            if ancestor.complex_id != self.complex_id:
                raise ValidationError({"parent": _("A cluster must lie in the same complex.")})
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A cluster cannot lie inside itself.")})
            depth += 1
            if depth > MAX_CLUSTER_DEPTH:
                break
            ancestor = ancestor.parent
        if depth + self._height() > MAX_CLUSTER_DEPTH:
            raise ValidationError(
                {
                    "parent": _("Clusters nest at most %(max)d levels deep.")
                    % {"max": MAX_CLUSTER_DEPTH}
                }
            )

    def _height(self) -> int:
        """How many levels of sub-clusters lie below this one (0 for a new cluster)."""
        if not self.pk:
            return 0
        parents = dict(
            Cluster.objects.filter(complex_id=self.complex_id).values_list("pk", "parent_id")
        )
        level, height = {self.pk}, 0
        while height <= MAX_CLUSTER_DEPTH:
            level = {pk for pk, parent in parents.items() if parent in level}
            if not level:
                break
            height += 1
        return height


def tenancy_runs_on(day: datetime.date | None, via: str = "") -> Q:
    """A tenancy runs on `day` (today by default). `via` reaches tenancies through a relation
    (`"tenancies__"` from a unit); `tenancies` uses this rule for its own rows, so the rule is
    written once and housing needs no import of tenancies, which depends on housing."""
    day = day or timezone.localdate()
    return Q(**{f"{via}start_date__lte": day}) & (
        Q(**{f"{via}end_date__isnull": True}) | Q(**{f"{via}end_date__gte": day})
    )


def _current_tenancy(day: datetime.date | None) -> Exists:
    return Exists(Unit.objects.filter(tenancy_runs_on(day, "tenancies__"), pk=OuterRef("pk")))


class UnitQuerySet(models.QuerySet["Unit"]):
    def with_occupancy(self, day: datetime.date | None = None) -> UnitQuerySet:
        """Annotate `occupied`: whether the unit has a tenancy on `day` (today by default)."""
        return self.annotate(occupied=_current_tenancy(day))

    def vacant(self, day: datetime.date | None = None) -> UnitQuerySet:
        return self.filter(~_current_tenancy(day))

    def occupied(self, day: datetime.date | None = None) -> UnitQuerySet:
        return self.filter(_current_tenancy(day))


class Designation(models.TextChoices):
    """How strictly a unit is meant for its group or role (bestemming)."""

    NONE = "", _("none")
    HARD = "hard", _("only for")
    SOFT = "soft", _("first for")


class DesignatedBy(models.TextChoices):
    """What a designation names: a target group (by code) or a role."""

    GROUP = "group", _("target group")
    ROLE = "role", _("role")


class DesignatedRole(models.TextChoices):
    """The roles a unit can be designated for: people's `Role`, spelled again here because
    housing imports nothing above it (decision 10); a test keeps the two the same."""

    SUPPORTING = "supporting", _("supporting")
    SUPPORTED = "supported", _("supported")


class Unit(models.Model):
    class Type(models.TextChoices):
        ROOM = "room", _("room")
        STUDIO = "studio", _("studio")
        APARTMENT = "apartment", _("apartment")

    class Accessibility(models.TextChoices):
        NONE = "none", _("no special accessibility")
        GROUND_FLOOR = "ground_floor", _("step-free access")
        WHEELCHAIR = "wheelchair", _("wheelchair accessible")

    class Status(models.TextChoices):
        IN_USE = "in_use", _("in use")
        RENOVATION = "renovation", _("under renovation")
        WITHDRAWN = "withdrawn", _("withdrawn")

    complex = models.ForeignKey(Complex, on_delete=models.CASCADE, related_name="units")
    cluster = models.ForeignKey(
        Cluster, on_delete=models.PROTECT, related_name="units", verbose_name=_("cluster")
    )
    code = models.CharField(_("code"), max_length=30)
    type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    floor_area = models.DecimalField(_("floor area (m²)"), max_digits=6, decimal_places=1)
    rooms = models.PositiveSmallIntegerField(_("rooms"), default=1)
    max_occupants = models.PositiveSmallIntegerField(_("maximum occupants"), default=1)
    self_contained = models.BooleanField(_("self-contained"), default=True)
    accessibility = models.CharField(
        _("accessibility"), max_length=20, choices=Accessibility.choices, default=Accessibility.NONE
    )
    basic_rent = models.DecimalField(_("basic rent (€/month)"), max_digits=8, decimal_places=2)
    service_costs = models.DecimalField(
        _("service costs (€/month)"), max_digits=8, decimal_places=2, default=0
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_USE
    )
    # Bestemming: the unit is meant for a target group (by its code) or a role, as om-en-om is
    # done in practice. The group is stored by code, as the allocation engine reads it, so housing
    # needs no import of people (decision 10); forms list the groups through the reverse relation.
    designation = models.CharField(
        _("designation"),
        max_length=10,
        choices=Designation.choices,
        blank=True,
        default=Designation.NONE,
        help_text=_(
            "Hard: only the chosen group or role may get the unit; it stays empty otherwise. "
            "Soft: they come first, someone else only when no other unit of their choice is free."
        ),
    )
    designated_dimension = models.CharField(
        _("designated for (kind)"), max_length=10, choices=DesignatedBy.choices, blank=True
    )
    designated_value = models.CharField(_("designated for"), max_length=40, blank=True)
    history = HistoricalRecords()

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints = [
            models.UniqueConstraint(fields=["complex", "code"], name="unique_unit_code"),
            models.CheckConstraint(condition=Q(floor_area__gt=0), name="unit_floor_area_positive"),
            models.CheckConstraint(condition=Q(max_occupants__gte=1), name="unit_occupants_min_1"),
            models.CheckConstraint(condition=Q(basic_rent__gte=0), name="unit_rent_not_negative"),
            models.CheckConstraint(
                condition=(
                    Q(designation="", designated_dimension="", designated_value="")
                    | (~Q(designation="") & ~Q(designated_dimension="") & ~Q(designated_value=""))
                ),
                name="unit_designation_whole",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.complex} {self.code}"

    @property
    def gross_rent(self):
        return self.basic_rent + self.service_costs

    @property
    def may_be_deleted(self) -> bool:
        """Only a unit that was never let may go; a let unit is part of someone's history."""
        return not self.tenancies.exists()

    @property
    def designated(self) -> bool:
        return bool(self.designation)

    @property
    def designated_for(self) -> tuple[str, str]:
        """(dimension, value): ("group", code), ("role", value), or ("", "")."""
        return (self.designated_dimension, self.designated_value)

    @designated_for.setter
    def designated_for(self, target: tuple[str, str]) -> None:
        self.designated_dimension, self.designated_value = target

    def designated_for_name(self) -> str:
        """The group's name or the role's label the unit is designated for ("" if none)."""
        if self.designated_dimension == DesignatedBy.ROLE:
            return str(
                dict(DesignatedRole.choices).get(self.designated_value, self.designated_value)
            )
        if self.designated_dimension == DesignatedBy.GROUP:
            names = self.complex.organisation.target_groups.filter(code=self.designated_value)
            return names.values_list("name", flat=True).first() or self.designated_value
        return ""

    def clean(self) -> None:
        if self.cluster_id and self.complex_id and self.cluster.complex_id != self.complex_id:
            raise ValidationError({"cluster": _("The cluster must lie in the same complex.")})
