"""The mix policy of a complex: minimum and maximum shares or counts per group, role, support
level or supporting partner, for the whole complex or one cluster, hard or soft."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from magicmix.accounts.models import LETTING_ROLES, Organisation
from magicmix.housing.models import Cluster, Complex
from magicmix.people.models import Role, SupportNeed, TargetGroup

if TYPE_CHECKING:
    from magicmix.accounts.models import User


class Dimension(models.TextChoices):
    """What a bound counts; the values are the engine's `Dimension`."""

    GROUP = "group", _("target group")
    ROLE = "role", _("role")
    SUPPORT = "support", _("support level")
    PARTNER = "partner", _("supporting partner (capacity)")


class MixPolicyQuerySet(models.QuerySet["MixPolicy"]):
    def editable_by(self, user: User) -> MixPolicyQuerySet:
        return self.filter(complex__organisation_id__in=user.organisation_ids(LETTING_ROLES))


class MixPolicy(models.Model):
    complex = models.OneToOneField(Complex, on_delete=models.CASCADE, related_name="mix_policy")
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    history = HistoricalRecords()

    objects = MixPolicyQuerySet.as_manager()

    class Meta:
        verbose_name = _("mix policy")
        verbose_name_plural = _("mix policies")

    def __str__(self) -> str:
        return str(self.complex)


class PolicyBound(models.Model):
    policy = models.ForeignKey(MixPolicy, on_delete=models.CASCADE, related_name="bounds")
    cluster = models.ForeignKey(
        Cluster,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cluster"),
        help_text=_("Leave empty for the whole complex."),
    )
    dimension = models.CharField(_("counts"), max_length=10, choices=Dimension.choices)
    # A target group code, a role, a support level or a partner organisation's id.
    value = models.CharField(_("value"), max_length=40)
    minimum = models.DecimalField(
        _("minimum"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    maximum = models.DecimalField(
        _("maximum"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    share = models.BooleanField(
        _("as a percentage"),
        default=False,
        help_text=_("Minimum and maximum are percentages of the places, not numbers of residents."),
    )
    hard = models.BooleanField(_("hard bound"), default=True)
    penalty = models.DecimalField(
        _("penalty per resident"),
        max_digits=7,
        decimal_places=2,
        default=0,
        help_text=_(
            "Soft bounds only: the cost of each resident below the minimum or above the maximum."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["cluster__position", "cluster__name", "dimension", "value", "id"]
        verbose_name = _("bound")
        verbose_name_plural = _("bounds")
        constraints = [
            models.CheckConstraint(
                condition=Q(minimum__isnull=False) | Q(maximum__isnull=False),
                name="bound_has_a_limit",
            ),
            models.CheckConstraint(
                condition=Q(minimum__isnull=True)
                | Q(maximum__isnull=True)
                | Q(minimum__lte=models.F("maximum")),
                name="bound_min_below_max",
            ),
            # One bound per thing counted and place; the form names the twin first.
            models.UniqueConstraint(
                fields=["policy", "cluster", "dimension", "value"],
                condition=Q(cluster__isnull=False),
                name="one_bound_per_cluster_and_value",
            ),
            models.UniqueConstraint(
                fields=["policy", "dimension", "value"],
                condition=Q(cluster__isnull=True),
                name="one_complex_bound_per_value",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_dimension_display()} {self.value}"

    def value_display(self) -> str:
        """The value as users know it: a group's name, "dragend", a support level, a partner.
        One query for a group or partner; a list of bounds names them with `Names.label`."""
        groups: dict[str, str] = {}
        partners: dict[str, str] = {}
        if self.dimension == Dimension.GROUP:
            owner = self.policy.complex.organisation_id
            named = TargetGroup.objects.filter(organisation_id=owner, code=self.value)
            groups = dict(named.values_list("code", "name"))
        if self.dimension == Dimension.PARTNER and self.value.isdigit():
            partners = {
                str(pk): name
                for pk, name in Organisation.objects.filter(pk=int(self.value)).values_list(
                    "pk", "name"
                )
            }
        return value_label(self.dimension, self.value, groups, partners)

    def limits(self) -> str:
        """ "≥ 45 % ≤ 55 %", "≤ 2": the bound as a reader takes it in at a glance."""
        return limits_text(self.minimum, self.maximum, self.share)

    def clean(self) -> None:
        if self.minimum is None and self.maximum is None:
            raise ValidationError(_("Give a minimum, a maximum or both."))
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValidationError({"maximum": _("The maximum must not lie below the minimum.")})
        if self.share and any(v is not None and v > 100 for v in (self.minimum, self.maximum)):
            raise ValidationError(_("A percentage lies between 0 and 100."))
        if self.cluster is not None and self.cluster.complex_id != self.policy.complex_id:
            raise ValidationError({"cluster": _("The cluster must lie in the same complex.")})


def value_label(
    dimension: str, value: str, groups: Mapping[str, str], partners: Mapping[str, str]
) -> str:
    """A bound's value as users know it; target groups by code and partners by id in the maps."""
    if dimension == Dimension.ROLE and value in Role.values:
        return str(Role(value).label)
    if dimension == Dimension.SUPPORT and value in SupportNeed.values:
        return str(SupportNeed(value).label)
    if dimension == Dimension.GROUP:
        return groups.get(value, value)
    if dimension == Dimension.PARTNER:
        return partners.get(value, value)
    return value


def limits_text(minimum: Decimal | None, maximum: Decimal | None, share: bool) -> str:
    unit = " %" if share else ""
    parts = [f"≥ {floatformat(minimum, -2)}{unit}" if minimum is not None else ""]
    parts.append(f"≤ {floatformat(maximum, -2)}{unit}" if maximum is not None else "")
    return " ".join(p for p in parts if p)


def carry_group_code(group: TargetGroup, old_code: str, **kwargs: object) -> None:
    """Bounds on a renamed target group follow its new code (`people.renaming`)."""
    bounds = PolicyBound.objects.filter(
        policy__complex__organisation_id=group.organisation_id,
        dimension=Dimension.GROUP,
        value=old_code,
    )
    for bound in bounds:
        # One save per bound (not an update) so the bound's history records the change.
        bound.value = group.code
        bound.save(update_fields=["value"])
