"""Contract types of a tenancy and the dated parameters that bound them.

The codes are the Dutch legal terms, as in the allocation exchange format. Which contract type
reads which parameter is code; the ages, terms and target groups themselves are dated data.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Kind


class ContractType(models.TextChoices):
    # The default since the Wet vaste huurcontracten (1 July 2024).
    INDEFINITE = "onbepaalde_tijd", _("indefinite-term contract")
    # At most TEMPORARY_MAX_MONTHS, only for the listed target groups.
    TEMPORARY = "tijdelijk", _("temporary contract")
    # Age at signing in YOUTH_AGE; does not end by itself: the landlord must give notice.
    YOUTH = "jongerencontract", _("youth contract")
    # Students; proof of enrolment once a year, with time to provide it.
    CAMPUS = "campuscontract", _("campus contract")
    TARGET_GROUP = "doelgroepcontract", _("target group contract")


# Contract types open to listed target groups only, and the parameter that lists them.
GROUP_KINDS: dict[str, str] = {
    ContractType.TEMPORARY: Kind.TEMPORARY_GROUPS,
    ContractType.CAMPUS: Kind.CAMPUS_GROUPS,
}
