"""The ingredients of a concept that staff enter: what magicmix cannot read from its records."""

from __future__ import annotations

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from magicmix.housing.models import Complex

MONTH_HOURS = 744  # every hour of a 31-day month
# Hours of several staff and paid residents together: a bound against typing errors.
WEEK_HOURS = 1000


class SocialManagement(models.TextChoices):
    NONE = "none", _("no social management model")
    PROFESSIONAL = "professional", _("professional social manager or community builder")
    SELF_MANAGEMENT = "self_management", _("residents' self-management team")
    GANGMAKERS = "gangmakers", _("gangmakers per gang")
    COMBINED = "combined", _("professional together with resident roles")


class SupportModel(models.TextChoices):
    NONE = "none", _("no support arranged by the project")
    ON_SITE = "on_site", _("partner present on site")
    ON_CALL = "on_call", _("partner visits by appointment")
    INDIVIDUAL = "individual", _("each supported resident their own caseworker")


class Ingredients(models.Model):
    complex = models.OneToOneField(
        Complex, on_delete=models.CASCADE, related_name="ingredients", verbose_name=_("complex")
    )
    # The project's id in benchmark documents: stable, and unlike the database id it says
    # nothing about the instance and survives a move to another database.
    project_id = models.UUIDField(_("project id"), default=uuid.uuid4, unique=True, editable=False)
    selects_by_letter = models.BooleanField(_("selection by motivation letter"), default=False)
    selects_by_interview = models.BooleanField(_("selection by interview"), default=False)
    contribution_hours = models.PositiveSmallIntegerField(
        _("contribution norm (hours per month)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MONTH_HOURS)],
        help_text=_("What a resident commits to do for the community; 0 when nothing is asked."),
    )
    social_management = models.CharField(
        _("social management model"), max_length=20, choices=SocialManagement.choices, blank=True
    )
    social_management_hours = models.DecimalField(
        _("social management (hours per week)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(WEEK_HOURS)],
        help_text=_("Paid hours of the social manager or community builder for the complex."),
    )
    support_model = models.CharField(
        _("support model"), max_length=20, choices=SupportModel.choices, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ingredients of the concept")
        verbose_name_plural = _("ingredients of the concept")

    def __str__(self) -> str:
        return str(self.complex)
