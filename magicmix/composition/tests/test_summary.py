"""`{% mix_summary complex %}`: headline figures for other pages, protected like the tables."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from magicmix.accounts.models import Organisation, Role
from magicmix.testing import factories

from .conftest import build

pytestmark = pytest.mark.django_db


def render(complex_, user) -> str:
    request = RequestFactory().get("/")
    request.user = user
    template = Template("{% load composition %}{% mix_summary complex %}")
    return template.render(Context({"request": request, "complex": complex_}))


def test_staff_see_occupancy_and_dragend_share(corporation) -> None:
    building = build(corporation, floors=1, gangs_per_floor=1, units_per_gang=5)
    html = render(building.complex, factories.user(corporation))
    assert "80%" in html  # 4 of 5 let
    assert "50%" in html  # 2 students of 4 residents


def test_partners_see_a_small_complex_hidden_and_strangers_nothing(corporation) -> None:
    building = build(corporation, floors=1, gangs_per_floor=1, units_per_gang=5)
    municipality = factories.organisation(Organisation.Kind.MUNICIPALITY)
    factories.partner(building.complex, municipality)
    html = render(building.complex, factories.user(municipality, Role.POLICY_OFFICER))
    assert "80%" not in html and "50%" not in html
    assert "verborgen" in html
    assert render(building.complex, factories.user()).strip() == ""
