"""The stored outcome of one legal check for one application: "why not me?", months later.

The whole `magicmix.legal.checks.Outcome` is kept as JSON (value, limit, the parameter records
with their id and valid-from date, the sentence in every language), so the answer does not
change when the parameters do. `rule` and `status` are copied out to filter on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from magicmix.legal.checks import Outcome, Status
from magicmix.legal.models import Kind

if TYPE_CHECKING:
    from .application import Application


def sentence(texts: dict[str, Any]) -> str:
    """An outcome's sentence in the active language (Dutch if that one is missing)."""
    return str(texts.get(translation.get_language() or "nl") or texts.get("nl", ""))


class EligibilityOutcome(models.Model):
    application = models.ForeignKey(
        "selection.Application", on_delete=models.CASCADE, related_name="eligibility"
    )
    rule = models.CharField(_("rule"), max_length=40)
    status = models.CharField(
        _("result"),
        max_length=20,
        choices=[
            (Status.PASSED, _("passed")),
            (Status.FAILED, _("failed")),
            (Status.MISSING, _("parameter missing")),
        ],
    )
    outcome = models.JSONField(_("outcome"))
    checked_at = models.DateTimeField(_("checked at"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("eligibility outcome")
        verbose_name_plural = _("eligibility outcomes")

    def __str__(self) -> str:
        return f"{self.rule}: {self.status}"

    @classmethod
    def of(cls, application: Application, outcome: Outcome) -> EligibilityOutcome:
        return cls(
            application=application,
            rule=outcome.rule,
            status=outcome.status,
            outcome=outcome.to_json(),
        )

    @property
    def text(self) -> str:
        return sentence(self.outcome.get("text", {}))

    @property
    def parameters(self) -> list[tuple[str, str, int]]:
        """(name, valid from, record id) of each parameter the check used."""
        return [
            (str(Kind(used["kind"]).label), used["valid_from"], used["id"])
            for used in self.outcome.get("parameters", [])
        ]
