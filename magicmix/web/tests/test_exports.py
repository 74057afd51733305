"""The shared spreadsheet writer: text that looks like a formula is escaped, numbers are not."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

from openpyxl import load_workbook

from magicmix.web.exports import as_csv, as_xlsx, escaped, unescaped

ATTACKS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def test_every_formula_start_of_owasps_rule_gets_an_apostrophe() -> None:
    assert [escaped(text) for text in ATTACKS] == ["'" + text for text in ATTACKS]
    assert escaped("Gang 1") == "Gang 1" and escaped("a=b") == "a=b"
    assert [unescaped(escaped(text)) for text in [*ATTACKS, "'quoted", "plain"]] == [
        *ATTACKS,
        "'quoted",
        "plain",
    ]


def test_csv_cells_are_escaped_with_a_bom_semicolons_and_decimal_commas() -> None:
    data = as_csv([["naam", "bedrag"], ["=cmd|' /C calc'!A0", Decimal("-1.5")], [True, None]])
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").split("\r\n") == [
        "naam;bedrag",
        "'=cmd|' /C calc'!A0;-1,5",
        "ja;",
        "",
    ]


def test_xlsx_writes_text_as_strings_and_numbers_as_numbers() -> None:
    data = as_xlsx([["=1+1", 3, Decimal("2.5"), datetime.date(2026, 1, 2), "@x"]], "Blad")
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    cells = sheet[1]
    assert [cell.data_type for cell in cells] == ["s", "n", "n", "d", "s"]
    assert cells[0].value == "'=1+1" and cells[4].value == "'@x"
    assert cells[1].value == 3 and sheet.title == "Blad"
