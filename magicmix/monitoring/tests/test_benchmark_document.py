"""The exported benchmark document: valid against the committed JSON Schema (checked by an
independent validator), and nothing personal and no small count in it — proven by walking
every value of documents of a large and of a small complex."""

import itertools
import json
import uuid
from pathlib import Path

import jsonschema
import pytest
from django.test import Client
from django.utils import timezone

from magicmix.monitoring import services
from magicmix.monitoring.benchmark.document import json_schema
from magicmix.monitoring.benchmark.export import document, rounded
from magicmix.monitoring.models import Ingredients
from magicmix.people.models import Person

from .conftest import World, build_world, keeping, open_wave

pytestmark = pytest.mark.django_db

SCHEMA = Path(__file__).parents[3] / "docs" / "benchmark" / "benchmark-1.0.schema.json"
COUNT_KEYS = {"n", "units"}


def answered_world(students: int, statushouders: int, answering: int) -> World:
    world = build_world(students=students, statushouders=statushouders)
    wave = open_wave(world, ("djg6", "who5", "contact"))
    services.invite(wave, keeping([]))
    for i, invitation in enumerate(wave.invitations.order_by("pk")[:answering]):
        # Three bands by turns: not lonely (0), moderate (3), severe (6).
        emotional, social = [("nee", "ja"), ("nee", "nee"), ("ja", "nee")][i % 3]
        answers = {
            "djg6": dict.fromkeys(["q3", "q9", "q10"], emotional)
            | dict.fromkeys(["q4", "q7", "q8"], social)
        }
        if i % 5:  # not everyone answers WHO-5: its n differs from DJG-6's by a few
            answers["who5"] = dict.fromkeys(["q1", "q2", "q3", "q4", "q5"], str(i % 6))
        answers["contact"] = {"contacts": str(i)}
        services.answer(invitation, answers)
    return world


def walk(value, path=""):
    """Every (path, key, value) of a decoded JSON document, leaves and containers."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield f"{path}.{key}", key, item
            yield from walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield f"{path}[{i}]", None, item
            yield from walk(item, f"{path}[{i}]")


def exported(client: Client, world: World) -> dict:
    client.force_login(world.manager)
    response = client.get(f"/complexes/{world.complex.pk}/benchmark.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def assert_nothing_personal(data: dict, persons: list[Person]) -> None:
    texts = [v for _p, _k, v in walk(data) if isinstance(v, str)]
    for person in persons:
        for personal in [person.first_name, person.last_name, person.email]:
            assert not any(personal and personal.lower() in text.lower() for text in texts)
    keys = {key for _p, key, _v in walk(data) if key}
    assert not any("person" in key or ("name" in key and key != "name") for key in keys)
    # The only id is the project's: a UUID, not a database id.
    ids = [(p, v) for p, k, v in walk(data) if k and k.endswith("id")]
    assert [p for p, _v in ids] == [".project.id"]
    uuid.UUID(ids[0][1])


def assert_no_small_counts(data: dict) -> list[int]:
    counts = [v for _p, k, v in walk(data) if k in COUNT_KEYS and v is not None]
    assert all(isinstance(c, int) and c >= 5 for c in counts), counts
    for a, b in itertools.combinations(counts, 2):
        assert abs(a - b) == 0 or abs(a - b) >= 5, (a, b)
    # A value without the count it rests on is never given.
    for item in data["indicators"]:
        assert (item["value"] is None) == (item["n"] is None), item
    return counts


def test_the_document_is_valid_and_leaks_nothing(client: Client) -> None:
    world = answered_world(students=20, statushouders=17, answering=31)
    data = exported(client, world)
    jsonschema.validate(data, json.loads(SCHEMA.read_text()))
    assert data["format"] == "magicmix-benchmark" and data["version"] == "1.0"
    assert data["project"]["id"] == str(Ingredients.objects.get(complex=world.complex).project_id)
    assert data["project"]["id"] != str(world.complex.pk)
    assert_nothing_personal(data, world.residents)
    counts = assert_no_small_counts(data)
    by_code = {item["code"]: item for item in data["indicators"]}
    # 37 residents in 37 units; 31 answered DJG-6 (10 severe), 24 of them WHO-5: rounded to 5.
    assert data["ingredients"]["units"] == 35
    assert by_code["severely_lonely"]["n"] == 30
    assert by_code["severely_lonely"]["value"] == round(100 * 10 / 31, 1)
    assert by_code["poor_wellbeing"]["n"] == 25
    assert by_code["cross_group_contacts"]["value"] == round(sum(range(31)) / 31, 1)
    assert len(counts) >= 4


def test_a_small_complex_exports_no_count_below_5(client: Client) -> None:
    world = answered_world(students=3, statushouders=1, answering=4)
    data = exported(client, world)
    jsonschema.validate(data, json.loads(SCHEMA.read_text()))
    assert_nothing_personal(data, world.residents)
    assert_no_small_counts(data)
    assert data["ingredients"]["units"] is None
    assert data["ingredients"]["share_supporting"] is None
    assert all(item["value"] is None for item in data["indicators"])


def test_the_project_id_stays_the_same_across_exports(client: Client) -> None:
    world = build_world()
    first = exported(client, world)["project"]["id"]
    assert exported(client, world)["project"]["id"] == first


def test_counts_round_to_a_multiple_of_5_within_2_and_vanish_below_5() -> None:
    for count in range(200):
        found = rounded(count)
        if count < 5:
            assert found is None
        else:
            assert found is not None and found % 5 == 0 and abs(found - count) <= 2


def test_the_committed_schema_is_the_format() -> None:
    """After changing the format: `manage.py benchmark_schema > docs/benchmark/...`."""
    assert json.loads(SCHEMA.read_text()) == json_schema()


def test_the_document_of_today_is_the_quarter() -> None:
    world = build_world()
    found = document(world.complex, timezone.localdate())
    today = timezone.localdate()
    assert found.period == f"{today.year}-Q{(today.month + 2) // 3}"
