"""The selection's log: every state change of an application, its nomination and its scores,
with who, when and why.

Two records, each for its own question. simple-history (`history` on each model) keeps *what*
changed, field by field. `ApplicationEvent` keeps the workflow: the move from one stage to the
next and the reason given, whether staff, the applicant (through the private link) or the
system made it. Staff pages show both; the justification of a round reads the events.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationEvent(models.Model):
    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        STAGE = "stage", _("stage changed")
        UPDATED = "updated", _("details updated")
        WITHDRAWN = "withdrawn", _("withdrawn")
        DUPLICATE = "duplicate", _("flagged as possible duplicate")
        NOMINATED = "nominated", _("nominated")
        SCORED = "scored", _("scored")
        INTERVIEW = "interview", _("interview")
        ADVICE = "advice", _("coöptation advice")
        ELIGIBILITY = "eligibility", _("eligibility decided by hand")
        RECHECKED = "rechecked", _("eligibility checked again")

    application = models.ForeignKey(
        "selection.Application", on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("event"), max_length=20, choices=Kind.choices)
    from_stage = models.CharField(_("from stage"), max_length=20, blank=True)
    to_stage = models.CharField(_("to stage"), max_length=20, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    by_applicant = models.BooleanField(_("by the applicant"), default=False)
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("application event")
        verbose_name_plural = _("application events")

    def __str__(self) -> str:
        return f"{self.application_id}: {self.get_kind_display()} ({self.at:%Y-%m-%d %H:%M})"
