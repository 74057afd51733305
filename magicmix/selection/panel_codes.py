"""What a resident panel calls a candidate: a code derived from the application with the
installation's secret key, so it says nothing about the route or the order of arrival (the ids
of one partner's nominations are consecutive) and cannot be turned back into an id."""

from __future__ import annotations

import base64

from django.utils.crypto import salted_hmac

_SALT = "magicmix.selection.panel_code"


def panel_code(application_pk: int) -> str:
    digest = salted_hmac(_SALT, str(application_pk), algorithm="sha256").digest()
    return base64.b32encode(digest)[:6].decode()
