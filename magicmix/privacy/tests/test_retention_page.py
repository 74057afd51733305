"""The application manager sets a period per category on a Dutch page that shows what the next
run would do; wrong values are refused per field and nothing is half-saved."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.privacy.models import RetentionPeriod

from . import world as scenario

pytestmark = pytest.mark.django_db


def test_the_page_shows_the_dry_run_and_saves_the_periods(client: Client) -> None:
    world = scenario.build()
    client.force_login(world.manager)
    start = client.get(reverse("privacy:retention_start"))
    url = reverse("privacy:retention", args=[world.corporation.pk])
    assert start["Location"] == url
    page = client.get(url).text
    assert "Bewaartermijnen" in page and "Niet geselecteerde inschrijvingen" in page
    assert "6 maanden na het besluit" in page
    data = {
        "person_history": 24, "ended_tenancies": 26, "not_selected_applications": 6,
        "withdrawn_applications": 1, "motivation_letters": 6, "interview_notes": 6,
        "application_history": 24, "round_copies": 24, "incidents": 24, "warnings": 24,
        "survey_answers": 12, "processing_log": 36,
    }  # fmt: skip
    assert client.post(url, data | {"incidents": 0, "warnings": 121}).status_code == 200
    assert not RetentionPeriod.objects.exists()
    assert client.post(url, data).status_code == 302
    saved = dict(RetentionPeriod.objects.values_list("category", "months"))
    assert saved == data
    page = client.get(url).text
    # 26 months: the tenancy that ended 25 months ago is no longer due.
    row = page.split('data-category="ended_tenancies"')[1].split("</tr>")[0]
    assert "26 maanden" in row and ">0<" in row.replace(" ", "")
