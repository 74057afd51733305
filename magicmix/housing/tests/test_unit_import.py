"""Reading units from CSV/XLSX without HTTP: checked row by row, all or nothing, round trip."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import pytest
from openpyxl import Workbook

from magicmix.housing.models import Cluster, Complex, Unit
from magicmix.housing.unit_import import (
    HEADERS,
    MAX_BYTES,
    ImportRejected,
    import_units,
    unit_records,
)
from magicmix.testing import factories
from magicmix.web import exports

from .conftest import Stock

HEADER = "code;cluster;type;woonoppervlak;kamers;max bewoners;zelfstandig;toegankelijkheid;kale huur;servicekosten;status"


def as_csv(records: list[list[Any]]) -> bytes:
    return exports.as_csv([HEADERS, *records])


def as_xlsx(records: list[list[Any]]) -> bytes:
    return exports.as_xlsx([HEADERS, *records])


def _csv(*rows: str, header: str = HEADER) -> bytes:
    return "\n".join([header, *rows]).encode()


def _rejected(complex_: Complex, name: str, data: bytes) -> list[str]:
    with pytest.raises(ImportRejected) as rejected:
        import_units(complex_, name, data)
    return rejected.value.problems


def test_a_dutch_file_creates_units_and_missing_clusters(stock: Stock) -> None:
    data = _csv(
        "B-201;Gebouw A / Verdieping 2 / Gang 2B;studio;23,5;1;1;ja;rolstoel;476,50;60,10;in verhuur",
        "B-202;Gebouw A / Verdieping 2 / Gang 2B;Kamer;14;1;1;nee;geen;€ 1.234,56;0;renovatie",
        "B-203;gang 1;appartement;48.5;2;2;ja;gelijkvloers;650;;",
    )
    result = import_units(stock.complex, "units.csv", data)
    assert (result.created, result.updated, result.clusters_created) == (3, 0, 3)
    studio = Unit.objects.get(complex=stock.complex, code="B-201")
    assert studio.floor_area == Decimal("23.5")
    assert studio.basic_rent == Decimal("476.50")
    assert studio.service_costs == Decimal("60.10")
    assert studio.accessibility == Unit.Accessibility.WHEELCHAIR
    assert (studio.cluster.name, studio.cluster.kind) == ("Gang 2B", Cluster.Kind.GANG)
    assert (studio.cluster.parent.name, studio.cluster.parent.kind) == (
        "Verdieping 2",
        Cluster.Kind.FLOOR,
    )
    assert studio.cluster.parent.parent.kind == Cluster.Kind.BUILDING
    room = Unit.objects.get(complex=stock.complex, code="B-202")
    assert (room.type, room.self_contained, room.basic_rent) == ("room", False, Decimal("1234.56"))
    assert room.status == Unit.Status.RENOVATION
    # An existing cluster is found by its path, whatever the case of the letters.
    flat = Unit.objects.get(complex=stock.complex, code="B-203")
    assert flat.cluster == stock.gang
    assert (flat.service_costs, flat.status) == (Decimal("0"), Unit.Status.IN_USE)


def test_english_headers_and_a_comma_separated_file_are_understood(stock: Stock) -> None:
    data = b'code,cluster,type,floor_area,basic_rent\nC-1,Gang 1,room,"12,5",300\n'
    assert import_units(stock.complex, "units.CSV", data).created == 1
    assert Unit.objects.get(code="C-1").floor_area == Decimal("12.5")


def test_every_problem_is_reported_per_row_and_field_and_nothing_is_saved(stock: Stock) -> None:
    data = _csv(
        "D-1;Gang 1;studio;23;1;1;ja;geen;450;0;in verhuur",
        "D-2;Gang 9;villa;-3;nul;1;misschien;geen;12,x;0;in verhuur",
        "D-1;Gang 1;studio;23,55;1;1;ja;geen;450;0;bewoond",
        ";;studio;20;1;1;ja;geen;;0;",
    )
    problems = _rejected(stock.complex, "units.csv", data)
    assert problems == [
        "Rij 3, type: 'villa' is niet een van: kamer, studio, appartement",
        "Rij 3, woonoppervlak: mag niet negatief zijn",
        "Rij 3, kamers: 'nul' is geen geheel getal",
        "Rij 3, zelfstandig: 'misschien' is geen ja of nee",
        "Rij 3, kale huur: '12,x' is geen bedrag",
        "Rij 4, woonoppervlak: '23,55' heeft meer dan 1 decimalen",
        "Rij 4, status: 'bewoond' is niet een van: in verhuur, renovatie, uit exploitatie",
        "Rij 4, code: 'D-1' staat ook in rij 2",
        "Rij 5, code: is verplicht",
        "Rij 5, cluster: is verplicht",
        "Rij 5, kale huur: is verplicht",
    ]
    assert list(stock.complex.units.values_list("code", flat=True)) == ["A-001"]
    assert not Cluster.objects.filter(name="Gang 9").exists()


def test_an_existing_code_updates_that_unit(stock: Stock) -> None:
    data = _csv(
        "A-001;Gang 1;studio;25;1;1;ja;geen;499,99;0;in verhuur",
        "A-002;Gang 1;studio;25;1;1;ja;geen;499,99;0;in verhuur",
    )
    result = import_units(stock.complex, "units.csv", data)
    assert (result.created, result.updated, result.unchanged) == (1, 1, 0)
    stock.unit.refresh_from_db()
    assert stock.unit.basic_rent == Decimal("499.99")
    assert stock.unit.history.count() == 2  # created, then changed by the import


def test_left_out_columns_keep_the_current_values(stock: Stock) -> None:
    Unit.objects.filter(pk=stock.unit.pk).update(status=Unit.Status.WITHDRAWN, rooms=3)
    data = b"code;cluster;type;woonoppervlak;kale huur\nA-001;Gang 1;studio;23;450\n"
    result = import_units(stock.complex, "units.csv", data)
    assert (result.updated, result.unchanged) == (0, 1)
    stock.unit.refresh_from_db()
    assert (stock.unit.status, stock.unit.rooms) == (Unit.Status.WITHDRAWN, 3)


def test_an_export_imports_unchanged_as_csv_and_as_xlsx(stock: Stock) -> None:
    floor = factories.cluster(stock.complex, name="Verdieping 1", kind=Cluster.Kind.FLOOR)
    factories.unit(
        factories.cluster(stock.complex, floor, name="Gang 1B"),
        code="B-1",
        floor_area=Decimal("21.5"),
        basic_rent=Decimal("476.45"),
        self_contained=False,
        accessibility=Unit.Accessibility.GROUND_FLOOR,
        status=Unit.Status.RENOVATION,
        type=Unit.Type.ROOM,
    )
    records = unit_records(stock.complex)
    assert records[1][:4] == ["B-1", "Verdieping 1 / Gang 1B", "kamer", Decimal("21.5")]
    for name, data in (("units.csv", as_csv(records)), ("units.xlsx", as_xlsx(records))):
        result = import_units(stock.complex, name, data)
        assert (result.created, result.updated, result.unchanged, result.clusters_created) == (
            0,
            0,
            2,
            0,
        ), name
    assert unit_records(stock.complex) == records
    assert (
        as_csv(records)
        .decode("utf-8-sig")
        .splitlines()[2]
        .startswith(
            "B-1;Verdieping 1 / Gang 1B;kamer;21,5;1;1;nee;gelijkvloers;476,45;60,00;renovatie"
        )
    )


def test_an_export_imports_into_an_empty_complex(stock: Stock) -> None:
    other = factories.complex(stock.corporation)
    result = import_units(other, "units.xlsx", as_xlsx(unit_records(stock.complex)))
    assert (result.created, result.clusters_created) == (1, 1)
    assert unit_records(other) == unit_records(stock.complex)


def test_an_xlsx_with_numbers_text_and_booleans_is_read(stock: Stock) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(
        ["Code", "Cluster", "Type", "Woonoppervlak", "Zelfstandig", "Kale huur (€/maand)", None]
    )
    sheet.append(["X-1", "Gebouw B / Gang 3", "Studio", 23.5, False, 450.1, None])
    sheet.append([None, None, None, None, None, None])
    sheet.append([42, "Gebouw B / Gang 3", "studio", "19,0", "ja", "12,x"])
    out = io.BytesIO()
    book.save(out)
    problems = _rejected(stock.complex, "stock.xlsx", out.getvalue())
    assert problems == ["Rij 4, kale huur: '12,x' is geen bedrag"]
    book.active.delete_rows(4, 2)
    out = io.BytesIO()
    book.save(out)
    assert import_units(stock.complex, "stock.xlsx", out.getvalue()).created == 1
    unit = Unit.objects.get(code="X-1")
    assert (unit.floor_area, unit.basic_rent, unit.self_contained) == (
        Decimal("23.5"),
        Decimal("450.1"),
        False,
    )


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("units.pdf", b"%PDF-1.4", "Kies een CSV- of XLSX-bestand."),
        ("units.csv", b"", "Het bestand is leeg."),
        ("units.csv", b"\xef\xbb\xbf  \n", "Het bestand is leeg."),
        ("units.csv", HEADER.encode() + b"\n", "Het bestand bevat geen wooneenheden."),
        ("units.xlsx", b"PK\x03\x04 not really a zip", "Dit is geen leesbaar XLSX-bestand."),
        ("units.xlsx", b"code;cluster\n", "Dit is geen leesbaar XLSX-bestand."),
        ("units.csv", b"\x00\x01\x02binary", "Dit is geen CSV-bestand."),
        ("units.csv", b"x" * (MAX_BYTES + 1), "Het bestand is groter dan 5 MB."),
    ],
)
def test_a_bad_file_gets_a_clear_message(
    stock: Stock, name: str, data: bytes, message: str
) -> None:
    assert _rejected(stock.complex, name, data) == [message]


def test_wrong_headers_are_named(stock: Stock) -> None:
    problems = _rejected(stock.complex, "units.csv", b"code;cluster;soort;prijs;soort\nA;B;C;D;E\n")
    assert problems == [
        "Onbekende kolom 'prijs'.",
        "De kolom 'soort' komt twee keer voor.",
        "Ontbrekende kolommen: woonoppervlak, kale huur.",
        "Verwachte kolommen: " + ", ".join(HEADERS) + ".",
    ]


def test_too_many_rows_are_refused(stock: Stock, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("magicmix.web.imports.MAX_ROWS", 2)
    data = _csv(*[f"R-{i};Gang 1;studio;20;1;1;ja;geen;400;0;in verhuur" for i in range(3)])
    assert _rejected(stock.complex, "units.csv", data) == ["Het bestand heeft meer dan 2 rijen."]
