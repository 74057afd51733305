"""Blind scoring: the letter without what gives the applicant away, where it can be found.

The applicant's own first and last names (each capitalised part of two letters or more, so not
"van" or "de") and age (and the year of birth) are replaced wherever they occur as whole words. Other details cannot be found
reliably; the application form asks applicants to leave out their name, age and origin.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from .models import Application


def masked_letter(application: Application, age: int) -> str:
    text = application.motivation
    parts = {
        part
        for name in (application.first_name, application.last_name)
        for part in re.split(r"[\s-]+", name)
        if len(part) >= 2 and not part.islower()  # "van", "de": tussenvoegsels stay
    }
    for part in sorted(parts, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(part)}(?!\w)", _("[name]"), text, flags=re.IGNORECASE)
    for number in (str(age), str(application.date_of_birth.year)):
        text = re.sub(rf"(?<!\d){number}(?!\d)", _("[age]"), text)
    return text
