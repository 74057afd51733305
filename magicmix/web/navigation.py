"""The main menu shows only what the user's roles give access to."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from magicmix.accounts.models import STAFF_ROLES, Role

_PERSON_ROLES = STAFF_ROLES | {Role.PARTNER_CASEWORKER}


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    if not user.is_authenticated:
        return {}
    roles = set(user.memberships.values_list("role", flat=True))
    items = [(reverse("housing:complex_list"), _("Complexes"))]
    if roles & _PERSON_ROLES:
        items.append((reverse("people:person_list"), _("Persons")))
    if roles & STAFF_ROLES:
        items.append((reverse("people:target_group_list"), _("Target groups")))
    items.append((reverse("legal:current"), _("Legal limits")))
    # The longest matching prefix is the current section: /persons/target-groups/ is not /persons/.
    matching = [url for url, _label in items if request.path.startswith(url)]
    current = max(matching, key=len, default=None)
    return {
        "nav_items": [
            {"url": url, "label": label, "current": url == current} for url, label in items
        ]
    }
