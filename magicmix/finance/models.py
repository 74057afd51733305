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


class PolicySimulationQuerySet(models.QuerySet["PolicySimulation"]):
    def visible_to(self, user: User) -> PolicySimulationQuerySet:
        """Corporation staff of the complex, as the business cases."""
        return self.filter(complex__in=Complex.objects.with_names_visible_to(user))

    def editable_by(self, user: User) -> PolicySimulationQuerySet:
        return self.filter(complex__in=Complex.objects.editable_by(user))


class PolicySimulation(models.Model):
    """Mix policies compared over the life of a complex, as Monte Carlo runs."""

    complex = models.ForeignKey(
        Complex, on_delete=models.CASCADE, related_name="policy_simulations"
    )
    name = models.CharField(_("name"), max_length=200)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    # What was asked (`simulation.scenario.Inputs`) and the complex with its mix policy as it
    # stood then (an engine round without applicants): with a run's seed, all a run depends on.
    inputs = models.JSONField()
    stock = models.JSONField()
    units = models.PositiveIntegerField()

    objects = PolicySimulationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("policy simulation")
        verbose_name_plural = _("policy simulations")

    def __str__(self) -> str:
        return self.name


class SimulationRun(models.Model):
    """One Monte Carlo run of one policy: a background task of its own."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    simulation = models.ForeignKey(PolicySimulation, on_delete=models.CASCADE, related_name="runs")
    variant = models.PositiveSmallIntegerField()
    seed = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    engine_version = models.CharField(max_length=40, blank=True)
    result = models.JSONField(null=True)
    cpu_seconds = models.FloatField(null=True)
    finished_at = models.DateTimeField(null=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["variant", "seed"]
        constraints = [
            models.UniqueConstraint(
                fields=["simulation", "variant", "seed"], name="unique_simulation_run"
            )
        ]

    def __str__(self) -> str:
        return f"{self.simulation} #{self.variant}/{self.seed}"
