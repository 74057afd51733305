"""Hole 6 as found: a 209 KB XLSX with a huge sharedStrings.xml took the server from 114 MB to
1.5 GB and answered with a 209 MB error page."""

from __future__ import annotations

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook

from magicmix.housing.models import Unit
from magicmix.housing.unit_import import MAX_CELL, MAX_UNPACKED

from .conftest import Stock


def _bomb() -> bytes:
    """A well-formed XLSX whose shared strings unpack to 200 MB (the zip itself is small)."""
    book = Workbook()
    book.active.append(["code", "cluster"])
    plain = io.BytesIO()
    book.save(plain)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(plain) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for item in source.infolist():
            bomb.writestr(item, source.read(item))
        with bomb.open("xl/sharedStrings.xml", "w") as strings:
            strings.write(
                b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            )
            chunk = b"<si><t>" + b"A" * 1_000_000 + b"</t></si>"
            for _ in range(200):
                strings.write(chunk)
            strings.write(b"</sst>")
    return out.getvalue()


def _upload(client: Client, stock: Stock, name: str, data: bytes) -> str:
    client.force_login(stock.officer)
    response = client.post(
        reverse("housing:unit_import", args=[stock.complex.pk]),
        {"file": SimpleUploadedFile(name, data)},
    )
    assert response.status_code == 200
    return response.text


def test_a_decompression_bomb_is_refused_before_it_is_unpacked(
    client: Client, stock: Stock
) -> None:
    bomb = _bomb()
    assert len(bomb) < 1_000_000 and MAX_UNPACKED < 200_000_000
    page = _upload(client, stock, "units.xlsx", bomb)
    assert "Het bestand is uitgepakt groter dan 20 MB" in page
    assert len(page) < 50_000
    assert Unit.objects.count() == 1


def test_an_overlong_cell_is_refused_by_row_and_never_echoed(client: Client, stock: Stock) -> None:
    book = Workbook()
    book.active.append(["code", "cluster", "type", "woonoppervlak", "kale huur"])
    book.active.append(["B-1", "Gang 1", "x" * 100_000, "23", "450"])
    data = io.BytesIO()
    book.save(data)
    page = _upload(client, stock, "units.xlsx", data.getvalue())
    assert f"Rij 2 heeft een cel van meer dan {MAX_CELL} tekens." in page
    assert "x" * 1000 not in page and len(page) < 50_000


def test_a_wrong_value_is_quoted_short_and_the_problems_are_capped(
    client: Client, stock: Stock
) -> None:
    rows = [f"B-{n};Gang 1;{'kasteel' * 100};23;450" for n in range(500)]
    data = "\n".join(["code;cluster;type;woonoppervlak;kale huur", *rows]).encode()
    page = _upload(client, stock, "units.csv", data)
    assert "kasteel" * 10 not in page
    assert "Het bestand heeft 500 problemen." in page
    assert "… en nog 400 problemen." in page
    assert len(page) < 100_000
