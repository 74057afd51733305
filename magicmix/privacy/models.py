"""The processing log: who read, exported or changed whose personal data, when and why.

One row per processing, append-only: rows are never changed or deleted by the application
(save refuses an update; delete and bulk changes raise). The fields follow the Dutch Logboek
Dataverwerkingen standard (a trace and span per processing, the processing activity's id and
the data subject's id), behind this model of our own so that it can follow later versions.
The log holds no personal data beyond the subject's id: no names, no field values.
"""

from __future__ import annotations

import secrets
from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from magicmix.accounts.models import Organisation


class Activity(models.TextChoices):
    """The processing activities of the register (docs/privacy.md), with their ids there."""

    ALLOCATION = "allocation", _("allocation (toewijzing)")
    SELECTION = "selection", _("recruitment and selection")
    SOCIAL_MANAGEMENT = "social_management", _("social management (sociaal beheer)")
    SUPPORT = "support", _("support by a partner")
    ADMINISTRATION = "administration", _("administration and data subject rights")


ACTIVITY_IDS = {
    Activity.ALLOCATION: "mm-va-01",
    Activity.SELECTION: "mm-va-02",
    Activity.SOCIAL_MANAGEMENT: "mm-va-03",
    Activity.SUPPORT: "mm-va-04",
    Activity.ADMINISTRATION: "mm-va-05",
}


class Action(models.TextChoices):
    VIEW = "view", _("viewed")
    EXPORT = "export", _("exported")
    CHANGE = "change", _("changed")
    ERASE = "erase", _("erased")
    ANONYMISE = "anonymise", _("anonymised")


class SubjectType(models.TextChoices):
    PERSON = "person", _("person")
    APPLICATION = "application", _("applicant")


class AppendOnly(models.QuerySet["Processing"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise TypeError("The processing log is append-only.")

    def delete(self) -> NoReturn:
        raise TypeError("The processing log is append-only.")


def new_trace_id() -> str:
    return secrets.token_hex(16)


def new_span_id() -> str:
    return secrets.token_hex(8)


class Processing(models.Model):
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    # Empty for the daily retention job (`manage.py apply_retention`), which acts for no one.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    subject_type = models.CharField(_("data subject type"), max_length=20, choices=SubjectType)
    subject_id = models.PositiveBigIntegerField(_("data subject id"))
    action = models.CharField(_("action"), max_length=10, choices=Action)
    activity = models.CharField(_("processing activity"), max_length=30, choices=Activity)
    activity_id = models.CharField(_("processing activity id"), max_length=20)
    trace_id = models.CharField(_("trace id"), max_length=32, default=new_trace_id)
    span_id = models.CharField(_("span id"), max_length=16, default=new_span_id)
    operation = models.CharField(_("operation"), max_length=100)  # the view, e.g. person_detail

    objects = AppendOnly.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("processing")
        verbose_name_plural = _("processing log")
        indexes = [models.Index(fields=["subject_type", "subject_id", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_id} {self.action} {self.subject_type} {self.subject_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise TypeError("The processing log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("The processing log is append-only.")


def prune(entries: models.QuerySet[Any]) -> int:
    """Delete log entries past the log's own retention period: the one way around append-only,
    for the retention job alone (privacy/retention.py)."""
    return models.QuerySet.delete(entries)[0]


class RetentionPeriod(models.Model):
    """An organisation's own retention period for one category (`privacy.registry`); without a
    row the category's documented default applies."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="retention_periods"
    )
    category = models.CharField(_("data category"), max_length=40)
    months = models.PositiveSmallIntegerField(_("months"))

    class Meta:
        verbose_name = _("retention period")
        verbose_name_plural = _("retention periods")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "category"], name="one_period_per_category"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.category}: {self.months}"
