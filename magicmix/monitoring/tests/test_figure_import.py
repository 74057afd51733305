"""Importing rent arrears and management costs: Dutch headers, every row checked, errors that
name row and column, all or nothing, the same file twice changes nothing; the page for letting
staff only; the indicators that read the figures."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from magicmix.accounts.models import Role
from magicmix.housing.unit_import import ImportRejected
from magicmix.monitoring.imports import ARREARS, COSTS, import_figures
from magicmix.monitoring.indicators import Context, registered
from magicmix.monitoring.models import ManagementCosts, RentArrears
from magicmix.testing import factories
from magicmix.web.exports import as_xlsx

from .test_access import OTHER_CORPORATION, make_user

pytestmark = pytest.mark.django_db

ARREARS_CSV = (
    "Maand;Huurachterstand;Huishoudens met achterstand\r\n"
    "2026-01;12.345,67;9\r\n"
    "februari 2026;€ 10 000,00;3\r\n"
    "03-2026;8000;6\r\n"
).encode()


def test_arrears_from_csv_with_dutch_headers_and_again_unchanged(world) -> None:
    result = import_figures(world.complex, ARREARS, "achterstand.csv", ARREARS_CSV)
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    rows = list(RentArrears.objects.filter(complex=world.complex).order_by("month"))
    assert [(r.month, r.amount, r.households) for r in rows] == [
        (datetime.date(2026, 1, 1), Decimal("12345.67"), 9),
        (datetime.date(2026, 2, 1), Decimal("10000.00"), 3),
        (datetime.date(2026, 3, 1), Decimal("8000"), 6),
    ]
    again = import_figures(world.complex, ARREARS, "achterstand.csv", ARREARS_CSV)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    changed = ARREARS_CSV.replace(b"8000;6", b"7500;6")
    assert import_figures(world.complex, ARREARS, "a.csv", changed).updated == 1


def test_costs_from_xlsx_with_date_and_number_cells(world) -> None:
    data = as_xlsx(
        [
            ["jaar", "beheerkosten", "uren sociaal beheer", "opmerking"],
            [2024, 48250.5, 1040, "ignored"],
            [2025, Decimal("51000"), 1200.5, ""],
        ]
    )
    assert import_figures(world.complex, COSTS, "kosten.xlsx", data).created == 2
    assert list(
        ManagementCosts.objects.values_list("year", "costs", "social_management_hours")
    ) == [(2024, Decimal("48250.50"), Decimal("1040")), (2025, Decimal("51000"), Decimal("1200.5"))]


def test_every_bad_row_is_named_and_nothing_is_saved(world) -> None:
    bad = (
        b"maand;huurachterstand;huishoudens\r\n"
        b"2026-01;100;5\r\n"
        b"2026-13;100;5\r\n"
        b"2026-02;honderd;5\r\n"
        b"2026-01;100;-2\r\n"
        b"2099-01;100;5\r\n"
        b";;\r\n"
        b"2025-12;;7\r\n"
    )
    with pytest.raises(ImportRejected) as rejected:
        import_figures(world.complex, ARREARS, "a.csv", bad)
    assert rejected.value.problems == [
        "Rij 3, maand: '2026-13' is geen maand; schrijf bijvoorbeeld 2026-03 of maart 2026",
        "Rij 4, huurachterstand: 'honderd' is geen bedrag",
        "Rij 5, huishoudens met achterstand: '-2' is geen geheel getal",
        "Rij 5, maand: komt ook voor in rij 2",
        "Rij 6, maand: '2099-01' ligt in de toekomst of te ver terug",
        "Rij 8, huurachterstand: is verplicht",
    ]
    assert not RentArrears.objects.exists()


def test_missing_and_repeated_columns(world) -> None:
    with pytest.raises(ImportRejected) as rejected:
        import_figures(world.complex, COSTS, "k.csv", b"jaar;jaar;kosten\n2025;2024;1\n")
    assert rejected.value.problems == [
        "Ontbrekende kolommen: uren sociaal beheer.",
        "De kolom 'jaar' komt twee keer voor.",
        "Verwachte kolommen: jaar, beheerkosten, uren sociaal beheer.",
    ]


def test_arrears_and_costs_per_unit_on_the_dashboard(world) -> None:
    # build_world lets 12 units; arrears are shown from 5 households in arrears.
    import_figures(world.complex, ARREARS, "a.csv", ARREARS_CSV)
    import_figures(
        world.complex, COSTS, "k.csv", b"jaar;beheerkosten;uren sociaal beheer\n2025;24000;600\n"
    )
    context = Context(world.complex, datetime.date(2026, 3, 20))
    arrears = {p.label: p for p in registered()["rent_arrears"].compute(context).points}
    assert arrears["2026-01"].value == pytest.approx(12345.67 / 12)
    assert arrears["2026-02"].value is None  # 3 households
    assert arrears["2026-03"].value == pytest.approx(8000 / 12)
    assert arrears["2025-12"].reason == "niet geïmporteerd"
    costs = {p.label: p.value for p in registered()["management_costs"].compute(context).points}
    hours = registered()["social_management_hours"].compute(context).points
    assert costs["2025"] == pytest.approx(2000) and costs["2026"] is None
    assert {p.label: p.value for p in hours}["2025"] == pytest.approx(50)


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        (Role.LETTING, True),
        (Role.APPLICATION_MANAGER, True),
        (Role.SOCIAL_MANAGER, False),
        (Role.POLICY_OFFICER, False),
        (Role.PARTNER_CASEWORKER, False),
        (OTHER_CORPORATION, False),
    ],
)
def test_the_import_page_is_for_letting_staff(client: Client, world, who, allowed) -> None:
    client.force_login(make_user(world, who))
    page = client.get(f"/complexes/{world.complex.pk}/figures/")
    upload = SimpleUploadedFile("a.csv", ARREARS_CSV, content_type="text/csv")
    posted = client.post(
        f"/complexes/{world.complex.pk}/figures/arrears/", {"arrears-file": upload}
    )
    if allowed:
        assert page.status_code == 200 and posted.status_code == 302
        assert RentArrears.objects.count() == 3
    else:
        assert page.status_code == posted.status_code == 404
        assert not RentArrears.objects.exists()


def test_a_rejected_file_shows_its_problems(client: Client, world) -> None:
    client.force_login(factories.user(world.corporation, Role.LETTING))
    upload = SimpleUploadedFile("a.csv", b"maand;huurachterstand\n2026-01;5\n")
    page = client.post(f"/complexes/{world.complex.pk}/figures/arrears/", {"arrears-file": upload})
    assert page.status_code == 200
    assert "Er is niets geïmporteerd" in page.text
    assert "Ontbrekende kolommen: huishoudens met achterstand." in page.text
    template = client.get("/figures/costs/template.csv")
    assert template.content.decode("utf-8-sig").strip() == "jaar;beheerkosten;uren sociaal beheer"
