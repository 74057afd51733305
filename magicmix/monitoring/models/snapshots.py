"""Indicators computed ahead, per complex: the portfolio dashboard, the reports and the public
fact sheet read these rows instead of computing every indicator of every complex on request.

A snapshot holds an indicator's series for the whole complex (never a caseworker's clients),
already protected: every point resting on fewer than 5 is stored without its value. Texts are
stored as their English message ids and translated when shown.
"""

from __future__ import annotations

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from magicmix.housing.models import Complex


class IndicatorSnapshot(models.Model):
    complex = models.ForeignKey(
        Complex, on_delete=models.CASCADE, related_name="indicator_snapshots"
    )
    code = models.CharField(max_length=40)
    computed_on = models.DateField()
    unit = models.CharField(max_length=20, blank=True)
    maximum = models.FloatField(null=True)
    points = models.JSONField()  # [{"label", "value", "n", "reason"}], oldest first

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["complex", "code"], name="one_snapshot_per_indicator")
        ]

    def __str__(self) -> str:
        return f"{self.complex}: {self.code} ({self.computed_on})"


def new_slug() -> str:
    return secrets.token_urlsafe(12)


class FactSheet(models.Model):
    """A complex's public fact sheet: off until the corporation switches it on. The address
    carries a random slug, so switching it off and on again gives a new address."""

    complex = models.OneToOneField(Complex, on_delete=models.CASCADE, related_name="fact_sheet")
    public = models.BooleanField(_("public"), default=False)
    slug = models.SlugField(max_length=24, unique=True, default=new_slug)

    def __str__(self) -> str:
        return f"{self.complex}: {'public' if self.public else 'off'}"
