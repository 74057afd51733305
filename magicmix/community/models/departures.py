"""Why a tenancy ended and where the resident went: the record of doorstroom.

Kept beside the tenancy (one to one) so that `tenancies` stays small. The months from the end
notice to onward housing are whole calendar months: 31 January to 29 February is 0, to
1 March is 1.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from magicmix.tenancies.models import Tenancy


class Reason(models.TextChoices):
    CONTRACT_ENDED = "contract_ended", _("the contract term ended")
    RESIDENT_NOTICE = "resident_notice", _("the resident gave notice")
    LANDLORD_NOTICE = "landlord_notice", _("the landlord gave notice")
    AFTER_WARNINGS = "after_warnings", _("after warnings (escalation)")
    DECEASED = "deceased", _("deceased")
    OTHER = "other", _("other")


class Destination(models.TextChoices):
    SOCIAL_RENT = "social_rent", _("regular social rent")
    PRIVATE_RENT = "private_rent", _("private rent")
    OWNER_OCCUPIED = "owner_occupied", _("owner-occupied")
    CARE = "care", _("back to care")
    FAMILY = "family", _("with family")
    ELSEWHERE = "elsewhere", _("elsewhere")
    UNKNOWN = "unknown", _("unknown")


def whole_months(first: datetime.date, last: datetime.date) -> int:
    months = (last.year - first.year) * 12 + last.month - first.month
    return months - (last.day < first.day)


class Departure(models.Model):
    tenancy = models.OneToOneField(Tenancy, on_delete=models.CASCADE, related_name="departure")
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    destination = models.CharField(_("moved to"), max_length=20, choices=Destination.choices)
    notice_on = models.DateField(_("end notice given on"))
    housed_on = models.DateField(_("onward housing from"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("departure")
        verbose_name_plural = _("departures")

    def __str__(self) -> str:
        return f"{self.tenancy}: {self.get_destination_display()}"

    @property
    def months_to_housing(self) -> int | None:
        if self.housed_on is None:
            return None
        return whole_months(self.notice_on, self.housed_on)
