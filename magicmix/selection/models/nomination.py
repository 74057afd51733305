"""A partner's nomination of a client: the route of supported residents into an intake.

A nomination is the partner's part of an `Application` (route NOMINATION), so nominated and
public candidates share one pool, one log and one ranking. Only the nominating partner and the
owning corporation see it (`Application.objects.visible_to`).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from magicmix.accounts.models import Organisation
from magicmix.people.models import SupportNeed


class Nomination(models.Model):
    application = models.OneToOneField(
        "selection.Application", on_delete=models.CASCADE, related_name="nomination"
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="nominations",
        limit_choices_to={"kind": Organisation.Kind.PARTNER},
        verbose_name=_("nominating partner"),
    )
    caseworker = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("caseworker"),
    )
    support_need = models.CharField(_("support level"), max_length=20, choices=SupportNeed.choices)
    support_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="support_arrangements",
        limit_choices_to={"kind": Organisation.Kind.PARTNER},
        verbose_name=_("support given by"),
    )
    support_hours_per_week = models.DecimalField(
        _("support (hours per week)"), max_digits=4, decimal_places=1
    )
    support_months = models.PositiveSmallIntegerField(
        _("planned duration of support (months)"), default=36
    )
    readiness = models.TextField(_("readiness statement"))
    created_at = models.DateTimeField(_("nominated at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")

    def __str__(self) -> str:
        return f"{self.organisation} → {self.application}"
