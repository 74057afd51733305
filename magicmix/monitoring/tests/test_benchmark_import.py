"""Importing benchmark documents: validated with Dutch errors that name the field, nothing
half-saved, idempotent on project and period; and the percentile of a complex among them,
checked against SciPy's percentile rank."""

import json
import random
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from scipy.stats import percentileofscore

from magicmix.monitoring.benchmark.standing import percentile_rank
from magicmix.monitoring.models import BenchmarkDocument

from .conftest import World, build_world
from .test_benchmark_document import answered_world, exported

pytestmark = pytest.mark.django_db


def other_project(name: str, values: dict[str, float | None], period: str = "2026-Q3") -> dict:
    return {
        "format": "magicmix-benchmark",
        "version": "1.0",
        "project": {"id": str(uuid.uuid4()), "name": name, "municipality": "Verzonnen"},
        "period": period,
        "exported_on": "2026-09-30",
        "ingredients": {
            "units": 80,
            "share_supporting": 66.0,
            "placement": "speckled",
            "selection": ["letter", "interview"],
            "contribution_hours": 16,
            "social_management": "gangmakers",
            "social_management_hours": 8.0,
            "support_model": "on_site",
            "temporary": True,
            "years_in_use": 4.5,
            "contract_types": ["jongerencontract"],
        },
        "indicators": [
            {"code": code, "unit": "", "value": value, "n": 40 if value is not None else None}
            for code, value in values.items()
        ],
    }


def upload(client: Client, world: World, data: dict | bytes, name: str = "doc.json"):
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    return client.post(
        f"/complexes/{world.complex.pk}/benchmark/import/",
        {"file": SimpleUploadedFile(name, raw, content_type="application/json")},
    )


def test_import_is_idempotent_on_project_and_period(client: Client) -> None:
    world = build_world()
    client.force_login(world.manager)
    document = other_project("Proefproject Zonnehoek", {"cross_group_contacts": 3.0})
    assert upload(client, world, document).status_code == 302
    document["indicators"][0]["value"] = 4.0
    response = upload(client, world, document)
    assert response.status_code == 302
    stored = BenchmarkDocument.objects.get()
    assert stored.document["indicators"][0]["value"] == 4.0
    assert stored.organisation == world.corporation
    upload(client, world, document | {"period": "2026-Q4"})
    assert BenchmarkDocument.objects.count() == 2
    page = client.get(f"/complexes/{world.complex.pk}/benchmark/")
    # One project, shown once: its latest period.
    assert [d.period for d in page.context["documents"]] == ["2026-Q4"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("period"), "Veld “period”: ontbreekt."),
        (lambda d: d.update(version="2.0"), "Veld “version”: is geen van de toegestane waarden"),
        (
            lambda d: d["indicators"][0].update(n=3),
            "Veld “indicators[0].n”: moet een veelvoud van 5 zijn",
        ),
        (lambda d: d["project"].update(id="12"), "Veld “project.id”: is geen UUID."),
        (
            lambda d: d["ingredients"].update(placement="om-en-om"),
            "Veld “ingredients.placement”: is geen van de toegestane waarden",
        ),
        (lambda d: d.update(bsn="123"), "Veld “bsn”: hoort niet bij dit formaat."),
    ],
)
def test_a_bad_document_is_refused_naming_the_field(client: Client, change, message) -> None:
    world = build_world()
    client.force_login(world.manager)
    document = other_project("Proefproject", {"cross_group_contacts": 3.0})
    change(document)
    response = upload(client, world, document)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not BenchmarkDocument.objects.exists()


def test_not_json_and_too_large_are_refused(client: Client) -> None:
    world = build_world()
    client.force_login(world.manager)
    assert "geen geldige JSON (regel 1)" in upload(client, world, b"{nope").content.decode()
    assert "groter dan 1 MB" in upload(client, world, b" " * 1_000_001).content.decode()
    assert not BenchmarkDocument.objects.exists()


def test_percentile_rank_agrees_with_scipy() -> None:
    rng = random.Random(13)
    for _ in range(300):
        others = [rng.choice([1.0, 2.0, 2.5, 3.0, 7.5]) for _ in range(rng.randint(1, 12))]
        own = rng.choice([0.5, 1.0, 2.5, 3.0, 9.0])
        assert percentile_rank(own, others) == pytest.approx(
            percentileofscore(others, own, kind="mean")
        )
    assert percentile_rank(3.0, []) is None


def test_a_complex_stands_among_the_imported_projects(client: Client) -> None:
    world = answered_world(students=20, statushouders=17, answering=31)
    own = exported(client, world)
    contacts = next(i for i in own["indicators"] if i["code"] == "cross_group_contacts")["value"]
    others = [contacts - 5, contacts - 1, contacts + 2, None]
    for n, value in enumerate(others):
        upload(
            client, world, other_project(f"Verzonnen project {n}", {"cross_group_contacts": value})
        )
    # Its own document, imported too, does not count as another project.
    upload(client, world, own)
    page = client.get(f"/complexes/{world.complex.pk}/benchmark/")
    standing = next(
        s for s in page.context["standings"] if s.indicator.code == "cross_group_contacts"
    )
    assert standing.projects == 3
    assert standing.percentile == pytest.approx(
        percentileofscore(others[:3], contacts, kind="mean")
    )
    assert standing.entries[0].name == "Verzonnen project 2"
    assert [e.own for e in standing.entries] == [False, True, False, False]
    assert "Percentiel 67 van 3 andere projecten" in page.content.decode()
    assert page.content.decode().count('<svg class="mm-chart"') >= 1
