"""Dutch postcodes: four digits (no leading zero) and two letters, never SA, SD or SS."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_POSTCODE = re.compile(r"^([1-9][0-9]{3}) ?([A-Z]{2})$")
_FORBIDDEN_LETTERS = {"SA", "SD", "SS"}


def normalise_postcode(value: str) -> str:
    """Return the postcode as '1234 AB', or raise ValidationError."""
    match = _POSTCODE.match(value.strip().upper())
    if not match or match.group(2) in _FORBIDDEN_LETTERS:
        raise ValidationError(
            _("%(value)s is not a valid Dutch postcode (e.g. 3511 AB)."),
            code="invalid_postcode",
            params={"value": value},
        )
    return f"{match.group(1)} {match.group(2)}"


def validate_postcode(value: str) -> None:
    normalise_postcode(value)
