"""Hole 5 as found: a name typed on the public form reached the round justification CSV raw."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.rounds.services import runs

from .helpers import new_round, scene, work

pytestmark = pytest.mark.django_db


def test_a_formula_typed_as_a_name_is_escaped_in_the_justification(client: Client) -> None:
    s = scene()
    s.applications[0].first_name = "=cmd|' /C calc'!A0"
    s.applications[0].save()
    round_ = new_round(s)
    runs.start(round_)
    work()
    client.force_login(s.staff)
    text = client.get(reverse("rounds:justification_csv", args=[round_.pk])).content.decode(
        "utf-8-sig"
    )
    cells = [cell for line in text.splitlines() for cell in line.split(";")]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@", "-"))]
    assert any(cell.startswith("'=cmd|") for cell in cells)
