"""The justification of a round to download: CSV for spreadsheets, PDF for the board."""

from __future__ import annotations

import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

from django.http import HttpRequest, HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from magicmix.web.exports import Cell, as_csv

from ..justification import sections
from .rounds import get_round

MARGIN = 36  # points: half an inch


def _download(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_http_methods(["GET"])
def justification_csv(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round(request, pk)
    rows: list[Sequence[Cell]] = []
    for section in (s for s in sections(round_) if s.in_csv):
        rows += [[section.title], section.header, *section.rows, []]
    name = f"verantwoording-{slugify(round_.title)}.csv"
    return _download(as_csv(rows), "text/csv; charset=utf-8", name)


def _numbered(canvas: Canvas, document: SimpleDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 7)
    canvas.drawRightString(
        document.pagesize[0] - MARGIN, MARGIN / 2, _("page %(n)s") % {"n": document.page}
    )
    canvas.restoreState()


@require_http_methods(["GET"])
def justification_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The summary first, then each section as a table; a candidate is one line (the CSV has
    every reason in full), and every page carries its number."""
    round_ = get_round(request, pk)
    styles = getSampleStyleSheet()
    cell = styles["BodyText"].clone("cell", fontSize=7, leading=8.5)
    story: list[object] = [Paragraph(escape(round_.title), styles["Title"])]
    width = landscape(A4)[0] - 2 * MARGIN
    for section in (s for s in sections(round_) if s.in_pdf):
        story.append(Paragraph(escape(section.title), styles["Heading2"]))
        if not section.rows:
            story.append(Paragraph("—", cell))
            continue
        one_line = section.widths is not None
        data = [
            [value if one_line else Paragraph(escape(str(value)), cell) for value in row]
            for row in [section.header, *section.rows]
        ]
        widths = [width * share for share in section.widths] if section.widths else None
        table = LongTable(data, repeatRows=1, colWidths=widths)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("FONTSIZE", (0, 0), (-1, -1), 6.5),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
        story += [table, Spacer(1, 8)]
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        title=round_.title,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
    )
    document.build(story, onFirstPage=_numbered, onLaterPages=_numbered)
    return _download(
        buffer.getvalue(), "application/pdf", f"verantwoording-{slugify(round_.title)}.pdf"
    )
