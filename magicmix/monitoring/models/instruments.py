"""Instruments as loaded from their definition files, and dated reference figures."""

from __future__ import annotations

from functools import cached_property

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .. import scoring


class Instrument(models.Model):
    """A definition file of `monitoring/instruments/`, loaded by `load_instruments`; the file
    is the truth, the row lets waves and responses refer to it."""

    class Respondent(models.TextChoices):
        RESIDENT = "resident", _("the resident")
        PROFESSIONAL = "professional", _("a trained professional")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    version = models.CharField(_("version"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    respondent = models.CharField(_("answered by"), max_length=20, choices=Respondent.choices)
    definition = models.JSONField(_("definition"))

    class Meta:
        ordering = ["code"]
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")

    def __str__(self) -> str:
        return self.name

    @cached_property
    def spec(self) -> scoring.Instrument:
        return scoring.parse(self.definition)

    @property
    def local_name(self) -> str:
        names = self.spec.names
        return names.get(get_language() or "nl") or names.get("nl") or self.name


class ReferenceFigure(models.Model):
    """A published figure to put beside a complex's own, with its year and source."""

    indicator = models.SlugField(_("indicator"), max_length=60)
    population = models.CharField(_("population"), max_length=120)
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=7, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=20, default="%")
    source = models.CharField(_("source"), max_length=300)
    url = models.URLField(_("address"), blank=True)

    class Meta:
        ordering = ["indicator", "-year", "population"]
        verbose_name = _("reference figure")
        verbose_name_plural = _("reference figures")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "population", "year"], name="unique_reference_figure"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.population} {self.year}: {self.value}{self.unit}"
