"""Import and export over HTTP: messages per row, nothing half saved, downloads that re-import."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from magicmix.housing.models import Unit
from magicmix.housing.unit_import import HEADERS

from .conftest import Stock

GOOD = "code;cluster;type;woonoppervlak;kale huur\nB-1;Gebouw B / Gang 1;studio;23,5;450\n"


def _upload(client: Client, stock: Stock, name: str, text: str | bytes) -> Any:
    data = text.encode() if isinstance(text, str) else text
    return client.post(
        reverse("housing:unit_import", args=[stock.complex.pk]),
        {"file": SimpleUploadedFile(name, data)},
        follow=True,
    )


def test_a_good_file_is_imported_and_reported(client: Client, stock: Stock) -> None:
    client.force_login(stock.officer)
    response = _upload(client, stock, "units.csv", GOOD)
    assert response.redirect_chain[-1][0] == reverse("housing:unit_list", args=[stock.complex.pk])
    assert "Import klaar: 1 wooneenheden aangemaakt, 0 bijgewerkt" in response.text
    assert Unit.objects.get(code="B-1").cluster.parent.name == "Gebouw B"


def test_a_file_with_errors_is_explained_and_imports_nothing(client: Client, stock: Stock) -> None:
    client.force_login(stock.officer)
    response = _upload(client, stock, "units.csv", GOOD + "B-2;Gang 1;studio;20;12,x\n")
    assert response.status_code == 200
    assert "Er is niets geïmporteerd" in response.text
    assert "Rij 3, kale huur: &#x27;12,x&#x27; is geen bedrag" in response.text
    assert Unit.objects.count() == 1


def test_a_file_that_is_no_spreadsheet_gets_a_message(client: Client, stock: Stock) -> None:
    client.force_login(stock.officer)
    response = _upload(client, stock, "foto.png", b"\x89PNG\r\n")
    assert "Kies een CSV- of XLSX-bestand." in response.text
    assert _upload(client, stock, "units.xlsx", b"garbage").status_code == 200
    missing = client.post(reverse("housing:unit_import", args=[stock.complex.pk]), {})
    assert "file" in missing.context["form"].errors


def test_the_export_downloads_and_the_template_has_the_headers(
    client: Client, stock: Stock
) -> None:
    client.force_login(stock.officer)
    export = client.get(reverse("housing:unit_export", args=[stock.complex.pk, "csv"]))
    assert export["Content-Disposition"] == 'attachment; filename="startblok-riekerhaven.csv"'
    lines = export.content.decode("utf-8-sig").splitlines()
    assert lines[0] == ";".join(HEADERS)
    assert lines[1].startswith("A-001;Gang 1;studio;23,0;")
    again = _upload(client, stock, "startblok.csv", export.content)
    assert "0 wooneenheden aangemaakt, 0 bijgewerkt, 1 ongewijzigd" in again.text
    xlsx = client.get(reverse("housing:unit_export", args=[stock.complex.pk, "xlsx"]))
    assert xlsx.content.startswith(b"PK")
    template = client.get(reverse("housing:unit_template", args=["csv"]))
    assert template.content.decode("utf-8-sig").strip() == ";".join(HEADERS)
    assert client.get(reverse("housing:unit_template", args=["pdf"])).status_code == 404
