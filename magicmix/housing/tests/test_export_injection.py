"""Hole 5 as found: a unit code reached the unit CSV and XLSX export as a live formula."""

from __future__ import annotations

import io

from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from magicmix.housing.models import Unit
from magicmix.housing.unit_import import import_units

from .conftest import Stock

FORMULA = "=cmd|' /C calc'!A0"


def test_a_formula_as_unit_code_is_exported_as_text_and_reimports_unchanged(
    client: Client, stock: Stock
) -> None:
    Unit.objects.filter(pk=stock.unit.pk).update(code=FORMULA[:30])
    client.force_login(stock.officer)
    csv = client.get(reverse("housing:unit_export", args=[stock.complex.pk, "csv"])).content
    assert csv.decode("utf-8-sig").splitlines()[1].startswith("'=cmd|' /C calc'!A0;Gang 1;")
    xlsx = client.get(reverse("housing:unit_export", args=[stock.complex.pk, "xlsx"])).content
    cell = load_workbook(io.BytesIO(xlsx)).worksheets[0]["A2"]
    assert (cell.data_type, cell.value) == ("s", "'=cmd|' /C calc'!A0")
    for name, data in (("u.csv", csv), ("u.xlsx", xlsx)):
        result = import_units(stock.complex, name, data)
        assert (result.created, result.unchanged) == (0, 1), name
    assert Unit.objects.get().code == FORMULA
