"""The main menu shows only what the user's roles give access to."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from magicmix.accounts.models import LETTING_ROLES, STAFF_ROLES, Role

# (url name, label, roles that see it); None = everybody who is logged in.
_MENU: list[tuple[str, Promise, frozenset[str] | None]] = [
    ("housing:complex_list", _("Complexes"), None),
    ("people:person_list", _("Persons"), STAFF_ROLES | {Role.PARTNER_CASEWORKER}),
    ("people:target_group_list", _("Target groups"), STAFF_ROLES),
    ("selection:intake_list", _("Intakes"), LETTING_ROLES),
    ("selection:scoring", _("Score letters"), STAFF_ROLES),
    ("rounds:round_list", _("Rounds"), LETTING_ROLES),
    ("finance:overview", _("Business cases"), STAFF_ROLES),
    ("selection:nomination_list", _("Nominations"), frozenset({Role.PARTNER_CASEWORKER})),
    ("selection:panel", _("Coöptation"), frozenset({Role.RESIDENT_PANEL})),
    (
        "community:index",
        _("Living together"),
        frozenset({Role.SOCIAL_MANAGER, Role.LETTING, Role.PARTNER_CASEWORKER}),
    ),
    ("monitoring:overview", _("Monitoring"), None),
    ("legal:current", _("Legal limits"), None),
    ("api:token_list", _("API tokens"), frozenset({Role.APPLICATION_MANAGER})),
    ("privacy:retention_start", _("Retention"), frozenset({Role.APPLICATION_MANAGER})),
]


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    if not user.is_authenticated:
        return {}
    roles = {role for _org, role in user.roles_held}
    items = [
        (reverse(name), label)
        for name, label, allowed in _MENU
        if allowed is None or roles & allowed
    ]
    # The longest matching prefix is the current section: /persons/target-groups/ is not /persons/.
    matching = [url for url, _label in items if request.path.startswith(url)]
    current = max(matching, key=len, default=None)
    return {
        "nav_items": [
            {"url": url, "label": label, "current": url == current} for url, label in items
        ]
    }
