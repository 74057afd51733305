"""Issue the next warning of the ladder: the letter in the resident's language, who issued it.

The resident's row is locked first, so two staff members issuing at once give two consecutive
steps instead of the same step twice. The letter is stored as sent: later changes to the
template or the house rules do not rewrite it.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from magicmix.housing.models import Complex
from magicmix.people.models import Person

from ..models import Incident, Warning, rules_of, standing, valid_until

if TYPE_CHECKING:
    from django.utils.functional import Promise

    from magicmix.accounts.models import User


class LadderUsedUp(ValidationError):
    pass


@transaction.atomic
def issue_warning(
    person: Person,
    complex_: Complex,
    *,
    on: datetime.date,
    reason: str,
    language: str,
    by: User,
    incident: Incident | None = None,
) -> Warning:
    Person.objects.select_for_update().get(pk=person.pk)
    place = standing(person, complex_, on)
    if place.next_position is None or place.next_step is None:
        raise LadderUsedUp(_("Every step of the ladder has been taken; escalate instead."))
    rules = rules_of(complex_)
    warning = Warning(
        complex=complex_,
        person=person,
        incident=incident,
        position=place.next_position,
        step=str(place.next_step),
        reason=reason,
        issued_on=on,
        valid_until=valid_until(on, rules.warning_valid_months),
        issued_by=by,
        language=language,
    )
    warning.letter = letter(warning, place.next_step, len(place.steps))
    warning.save()
    return warning


def letter(warning: Warning, step: str | Promise, steps: int) -> str:
    """The letter in the warning's language; a default step is named in that language too."""
    with translation.override(warning.language):
        return render_to_string(
            "community/ladder/letter.txt",
            {"warning": warning, "step": str(step), "steps": steps, "complex": warning.complex},
        )
