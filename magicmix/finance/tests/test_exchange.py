"""The web app exports and imports the same case files the command reads."""

import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from magicmix.accounts.models import User
from magicmix.finance.model.io import load_case
from magicmix.finance.models import Scenario

from .cases import EXAMPLES

pytestmark = pytest.mark.django_db


def test_import_an_example_then_export_it_again(
    client: Client, scenario: Scenario, letting: User
) -> None:
    client.force_login(letting)
    pk = scenario.complex.pk
    upload = SimpleUploadedFile(
        "case.json", (EXAMPLES / "relocation-rthf.json").read_bytes(), "application/json"
    )
    response = client.post(f"/complexes/{pk}/finance/import/", {"file": upload})
    imported = Scenario.objects.get(name="Voorbeeld B: verplaatsing, RTHF en subsidie")
    assert response["Location"] == f"/complexes/{pk}/finance/{imported.pk}/"
    assert imported.case == load_case(EXAMPLES / "relocation-rthf.json")
    exported = client.get(f"/complexes/{pk}/finance/{imported.pk}/case.json")
    assert exported["Content-Disposition"].endswith('.json"')
    assert json.loads(exported.content)["rthf"]["sale_per_home"] == 25000
    flows = client.get(f"/complexes/{pk}/finance/{imported.pk}/flows.csv")
    rows = list(csv.DictReader(io.StringIO(flows.content.decode())))
    assert [r["net"] for r in rows][-1] == "832800.00"


def test_a_bad_file_names_its_problems_and_saves_nothing(
    client: Client, scenario: Scenario, letting: User
) -> None:
    client.force_login(letting)
    bad = json.loads((EXAMPLES / "studios.json").read_text())
    bad["years"] = 0
    upload = SimpleUploadedFile("bad.json", json.dumps(bad).encode(), "application/json")
    response = client.post(f"/complexes/{scenario.complex.pk}/finance/import/", {"file": upload})
    assert response.status_code == 200
    assert "$.years: Input should be greater than or equal to 1" in response.text
    assert Scenario.objects.count() == 1
    again = SimpleUploadedFile("x.json", b"\xff\xfe", "application/json")
    response = client.post(f"/complexes/{scenario.complex.pk}/finance/import/", {"file": again})
    assert response.status_code == 200 and "x.json" in response.text
