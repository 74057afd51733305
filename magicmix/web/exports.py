"""Every table magicmix hands out as a spreadsheet, written by one writer.

Cells can hold what people typed on public forms (a name, a motivation) or in an import (a unit
code). A spreadsheet program runs a text cell that starts with `=`, `+`, `-` or `@` (and, in some
programs, a tab or carriage return) as a formula, so such text gets a leading apostrophe
(OWASP's rule for CSV injection); XLSX cells are also typed as strings, never as formulas.
Numbers stay numbers: only text is escaped. `unescaped` undoes the apostrophe for imports, so
an export re-imports unchanged.

CSV is semicolon separated, UTF-8 with a byte order mark and decimal commas, as Dutch Excel opens
it.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import Http404, HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

type Cell = str | int | float | Decimal | bool | datetime.date | None
type Rows = Iterable[Sequence[Cell]]


def escaped(value: str) -> str:
    """Text that no spreadsheet program will run as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def unescaped(value: str) -> str:
    """What `escaped` was given: the apostrophe of an exported cell taken off again."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


def _text(value: Cell) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return escaped(str(value))


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _text(value)
    if isinstance(value, Decimal | float):
        return str(value).replace(".", ",")
    if isinstance(value, int | datetime.date):
        return str(value)
    return _text(value)


def as_csv(rows: Rows) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row])
    return out.getvalue().encode("utf-8-sig")


def as_xlsx(rows: Rows, sheet_title: str = "") -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=sheet_title[:31] or None)
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, bool) or not isinstance(
                value, int | float | Decimal | datetime.date | None
            ):
                cell = WriteOnlyCell(sheet, value=_text(value))
                cell.data_type = "s"  # a string, even if it looks like a formula
            else:
                cell = WriteOnlyCell(sheet, value=value)
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def download(format: str, rows: Rows, name: str, sheet_title: str = "") -> HttpResponse:
    """`rows` as a CSV or XLSX attachment called `name.format`; another format is 404."""
    if format not in FORMATS:
        raise Http404
    content = as_csv(rows) if format == "csv" else as_xlsx(rows, sheet_title)
    response = HttpResponse(content, content_type=FORMATS[format])
    response["Content-Disposition"] = f'attachment; filename="{name}.{format}"'
    return response
