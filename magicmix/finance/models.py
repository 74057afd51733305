"""Scenarios of a complex's business case, each stored as a case in the exchange format."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from magicmix.housing.models import Complex

from .model import Case, Result, ValueBasis, evaluate
from .model.io import parse_case

if TYPE_CHECKING:
    from magicmix.accounts.models import User


class ScenarioQuerySet(models.QuerySet["Scenario"]):
    def visible_to(self, user: User) -> ScenarioQuerySet:
        """Corporation staff of the complex only: a business case is not shared (yet)."""
        return self.filter(complex__in=Complex.objects.with_names_visible_to(user))

    def editable_by(self, user: User) -> ScenarioQuerySet:
        """Application managers and letting staff of the complex's corporation."""
        return self.filter(complex__in=Complex.objects.editable_by(user))


class Scenario(models.Model):
    complex = models.ForeignKey(Complex, on_delete=models.CASCADE, related_name="scenarios")
    name = models.CharField(_("name"), max_length=200)
    value_basis = models.CharField(
        _("value basis"),
        max_length=20,
        choices=[
            (ValueBasis.BEDRIJFSWAARDE.value, "bedrijfswaarde"),
            (ValueBasis.BELEIDSWAARDE.value, "beleidswaarde"),
            (ValueBasis.MARKTWAARDE.value, "marktwaarde"),
        ],
        default=ValueBasis.BEDRIJFSWAARDE.value,
    )
    document = models.JSONField(_("case"), help_text=_("The case in the exchange format."))
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    history = HistoricalRecords()

    objects = ScenarioQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")
        constraints = [
            models.UniqueConstraint(fields=["complex", "name"], name="unique_scenario_name")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Name and value basis are the scenario's own; the stored case always agrees with them.
        self.document = {**self.document, "name": self.name, "value_basis": self.value_basis}
        super().save(*args, **kwargs)

    @property
    def case(self) -> Case:
        return parse_case(copy.deepcopy(self.document))

    def result(self) -> Result:
        return evaluate(self.case)
