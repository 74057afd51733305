"""Figures from the corporation's own administration, imported per complex: rent arrears per
month, and management costs and social management hours per year (`monitoring.imports`)."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from magicmix.housing.models import Complex
from magicmix.web.bounds import FIRST_YEAR, LAST_YEAR


class RentArrears(models.Model):
    complex = models.ForeignKey(Complex, on_delete=models.CASCADE, related_name="rent_arrears")
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    amount = models.DecimalField(_("rent arrears"), max_digits=12, decimal_places=2)
    households = models.PositiveIntegerField(
        _("households in arrears"), validators=[MaxValueValidator(100_000)]
    )

    class Meta:
        ordering = ["complex", "month"]
        verbose_name = _("rent arrears")
        verbose_name_plural = _("rent arrears")
        constraints = [
            models.UniqueConstraint(fields=["complex", "month"], name="one_arrears_per_month"),
            models.CheckConstraint(condition=models.Q(month__day=1), name="arrears_month_start"),
        ]

    def __str__(self) -> str:
        return f"{self.complex}: {self.month:%Y-%m}"


class ManagementCosts(models.Model):
    complex = models.ForeignKey(Complex, on_delete=models.CASCADE, related_name="management_costs")
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    costs = models.DecimalField(_("management costs"), max_digits=12, decimal_places=2)
    social_management_hours = models.DecimalField(
        _("social management hours"), max_digits=8, decimal_places=1
    )

    class Meta:
        ordering = ["complex", "year"]
        verbose_name = _("management costs")
        verbose_name_plural = _("management costs")
        constraints = [
            models.UniqueConstraint(fields=["complex", "year"], name="one_costs_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.complex}: {self.year}"
