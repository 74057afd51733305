"""The justification of a round to download: CSV for spreadsheets, PDF for the board."""

from __future__ import annotations

import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

from django.http import HttpRequest, HttpResponse
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from magicmix.web.exports import Cell, as_csv

from ..justification import sections
from .rounds import get_round


def _download(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_http_methods(["GET"])
def justification_csv(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round(request, pk)
    rows: list[Sequence[Cell]] = []
    for section in sections(round_):
        rows += [[section.title], section.header, *section.rows, []]
    name = f"verantwoording-{slugify(round_.title)}.csv"
    return _download(as_csv(rows), "text/csv; charset=utf-8", name)


@require_http_methods(["GET"])
def justification_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round(request, pk)
    styles = getSampleStyleSheet()
    cell = styles["BodyText"].clone("cell", fontSize=7, leading=8.5)
    story: list[object] = [Paragraph(escape(round_.title), styles["Title"])]
    for section in sections(round_):
        story.append(Paragraph(escape(section.title), styles["Heading2"]))
        if not section.rows:
            story.append(Paragraph("—", cell))
            continue
        data = [
            [Paragraph(escape(str(value)), cell) for value in row]
            for row in [section.header, *section.rows]
        ]
        table = LongTable(data, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story += [table, Spacer(1, 8)]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=landscape(A4), title=round_.title).build(story)
    return _download(
        buffer.getvalue(), "application/pdf", f"verantwoording-{slugify(round_.title)}.pdf"
    )
