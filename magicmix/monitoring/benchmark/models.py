"""Benchmark documents of other projects, imported by a corporation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from magicmix.accounts.models import Organisation


class DocumentQuerySet(models.QuerySet["BenchmarkDocument"]):
    def of_organisation(self, organisation_id: int) -> DocumentQuerySet:
        return self.filter(organisation_id=organisation_id)

    def latest_per_project(self) -> list[BenchmarkDocument]:
        """Each project's document of the latest period (periods sort as text: 2026-Q1)."""
        found: dict[str, BenchmarkDocument] = {}
        for document in self.order_by("project_id", "-period"):
            found.setdefault(str(document.project_id), document)
        return list(found.values())


class BenchmarkDocument(models.Model):
    """One project's ingredients and protected indicators for one period, as exported by a
    magicmix instance (`docs/benchmark.md`). Re-importing the same project and period
    replaces it."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="benchmark_documents",
        verbose_name=_("imported by"),
    )
    project_id = models.UUIDField(_("project id"))
    period = models.CharField(_("period"), max_length=7)
    name = models.CharField(_("project"), max_length=200)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    document = models.JSONField(_("document"))
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["name", "-period"]
        verbose_name = _("benchmark document")
        verbose_name_plural = _("benchmark documents")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "project_id", "period"], name="unique_benchmark_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.period})"
