"""A unit's designation (bestemming): the unit form, the unit file, and designating vacated
units after their last tenant's group."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.housing.designation import vacated
from magicmix.housing.models import DesignatedBy, DesignatedRole, Designation, Unit
from magicmix.housing.unit_import import ImportRejected, import_units, unit_records
from magicmix.people.models import Role
from magicmix.testing import factories

from .conftest import Stock
from .test_unit_import import as_csv, as_xlsx

HEADER = "code;cluster;type;woonoppervlak;kale huur;bestemming;bestemd voor"


def _csv(*rows: str) -> bytes:
    return "\n".join([HEADER, *rows]).encode()


def test_the_designated_roles_are_peoples_roles() -> None:
    assert DesignatedRole.choices == Role.choices


def test_the_unit_form_sets_and_clears_a_designation_and_the_page_shows_it(
    client: Client, stock: Stock
) -> None:
    client.force_login(stock.officer)
    edit = reverse("housing:unit_edit", args=[stock.complex.pk, stock.unit.pk])
    form = client.get(edit).context["form"]
    fields = {name: form[name].value() for name in form.fields} | {"designation": "hard"}
    fields = {k: v for k, v in fields.items() if v is not None}
    fields["designated_for"] = ""
    refused = client.post(edit, fields)
    assert "Kies de doelgroep of rol" in refused.text
    stock.unit.refresh_from_db()
    assert not stock.unit.designated

    fields["designated_for"] = "group:statushouder"
    client.post(edit, fields)
    stock.unit.refresh_from_db()
    assert (stock.unit.designation, stock.unit.designated_for) == (
        "hard",
        ("group", "statushouder"),
    )
    page = client.get(reverse("housing:unit_detail", args=[stock.complex.pk, stock.unit.pk]))
    assert "alleen voor Statushouder (doelgroep)" in page.text

    fields |= {"designation": "", "designated_for": "role:supported"}
    client.post(edit, fields)
    stock.unit.refresh_from_db()
    assert (stock.unit.designation, stock.unit.designated_for) == ("", ("", ""))


def test_the_unit_file_carries_the_designation_and_reimports_unchanged(stock: Stock) -> None:
    result = import_units(
        stock.complex,
        "units.csv",
        _csv(
            "B-1;Gang 1;studio;23;450;hard;Statushouder",
            "B-2;Gang 1;studio;23;450;zacht;dragend",
            "B-3;Gang 1;studio;23;450;geen;",
        ),
    )
    assert result.created == 3
    got = {u.code: (u.designation, u.designated_for) for u in stock.complex.units.all()}
    assert got == {
        "A-001": ("", ("", "")),
        "B-1": ("hard", ("group", "statushouder")),  # the name is stored as the group's code
        "B-2": ("soft", ("role", "supporting")),
        "B-3": ("", ("", "")),
    }
    records = unit_records(stock.complex)
    assert [r[-2:] for r in records] == [
        ["geen", ""],
        ["hard", "statushouder"],
        ["zacht", "dragend"],
        ["geen", ""],
    ]
    for name, data in (("units.csv", as_csv(records)), ("units.xlsx", as_xlsx(records))):
        assert import_units(stock.complex, name, data).unchanged == 4, name
    assert unit_records(stock.complex) == records


def test_a_wrong_designation_is_named_by_row_and_column_and_nothing_is_saved(
    stock: Stock,
) -> None:
    with pytest.raises(ImportRejected) as rejected:
        import_units(
            stock.complex,
            "units.csv",
            _csv(
                "B-1;Gang 1;studio;23;450;hard;Astronaut",
                "B-2;Gang 1;studio;23;450;;vragend",
                "B-3;Gang 1;studio;23;450;zacht;",
            ),
        )
    assert rejected.value.problems == [
        "Rij 2, bestemd voor: 'Astronaut' is geen dragend, vragend of een doelgroep van uw "
        "corporatie",
        "Rij 3, bestemming: vul hard of zacht in",
        "Rij 4, bestemd voor: is verplicht",
    ]
    with pytest.raises(ImportRejected) as rejected:
        import_units(stock.complex, "units.csv", _csv("B-1;Gang 1;studio;23;450;streng;dragend"))
    assert rejected.value.problems == [
        "Rij 2, bestemming: 'streng' is niet een van: geen, hard, zacht"
    ]
    assert not stock.complex.units.filter(code__startswith="B").exists()


def test_vacated_units_are_designated_after_their_last_tenants_group(
    client: Client, stock: Stock
) -> None:
    ended = datetime.date(2025, 6, 30)
    left = stock.unit  # a statushouder left
    factories.tenancy(left, factories.person(stock.corporation, "statushouder"), end_date=ended)
    leaving = factories.unit(stock.gang, code="A-002")  # a student gave notice
    factories.tenancy(leaving, factories.person(stock.corporation, "student"), end_date=ended)
    staying = factories.unit(stock.gang, code="A-003")
    factories.tenancy(staying, factories.person(stock.corporation, "statushouder"))
    kept = factories.unit(
        stock.gang,
        code="A-004",
        designation=Designation.HARD,
        designated_dimension=DesignatedBy.ROLE,
        designated_value="supporting",
    )
    factories.tenancy(kept, factories.person(stock.corporation, "statushouder"), end_date=ended)
    factories.unit(stock.gang, code="A-005")  # never let
    assert [(v.unit.code, v.group_code) for v in vacated(stock.complex)] == [
        ("A-001", "statushouder"),
        ("A-002", "student"),
    ]

    client.force_login(stock.officer)
    url = reverse("housing:designate_vacated", args=[stock.complex.pk])
    preview = client.get(url)
    assert "A-001" in preview.text and "A-003" not in preview.text
    done = client.post(url, {"strength": "soft"}, follow=True)
    assert "2 woningen zijn bestemd voor de doelgroep van hun laatste huurder." in done.text
    got = {u.code: (u.designation, u.designated_for) for u in Unit.objects.order_by("code")}
    assert got == {
        "A-001": ("soft", ("group", "statushouder")),
        "A-002": ("soft", ("group", "student")),
        "A-003": ("", ("", "")),
        "A-004": ("hard", ("role", "supporting")),
        "A-005": ("", ("", "")),
    }
    assert vacated(stock.complex) == []
