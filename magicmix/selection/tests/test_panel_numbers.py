"""Hole 3 as found: the panel page numbered candidates by id, so the consecutive ids of one
partner's nominations (COA's were exactly 87–90) showed who had been nominated."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Organisation, Role
from magicmix.selection.models import Application, Route, Stage
from magicmix.selection.panel_codes import panel_code
from magicmix.testing import factories

from .helpers import open_intake

pytestmark = pytest.mark.django_db


def test_panel_numbers_and_links_do_not_reveal_ids_or_routes(client: Client) -> None:
    intake = open_intake()
    residents = factories.organisation(Organisation.Kind.RESIDENTS)
    factories.partner(intake.complex, residents)
    for number, route in enumerate([Route.PUBLIC] * 3 + [Route.NOMINATION] * 4):
        application, _ = factories.application(
            intake,
            "student",
            route=route,
            first_name=f"Kandidaat{number}",
            date_of_birth=datetime.date(2000, 1, 1),
        )
        application.move_to(Stage.SHORTLISTED, by=None, reason="")
    client.force_login(factories.user(residents, Role.RESIDENT_PANEL))
    listing = client.get(reverse("selection:panel")).text
    shown = re.findall(r"kandidaat ([A-Z2-7]{6})\)", listing)
    ids = list(Application.objects.order_by("pk").values_list("pk", flat=True))
    assert sorted(shown) == sorted(panel_code(pk) for pk in ids)
    for pk in ids:
        assert f"kandidaat {pk})" not in listing
        assert f'href="{reverse("selection:panel")}{pk}/"' not in listing
    # The codes of consecutive ids share no order: sorting by code does not sort by id.
    by_code = sorted(ids, key=panel_code)
    assert by_code != ids and by_code != ids[::-1]
    page = client.get(reverse("selection:panel_candidate", args=[shown[0]]))
    assert page.status_code == 200
    assert client.get(reverse("selection:panel_candidate", args=[str(ids[0])])).status_code == 404
