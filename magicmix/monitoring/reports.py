"""Reports as PDF for a board and a council: the same protected figures as the pages, each
indicator as a bar chart with its numbers in a table beneath, set with reportlab.

The charts are drawn from the same `Chart` the pages draw as SVG, so a report never shows a
bar the page would not (a point resting on fewer than 5 has no bar, only its reason).
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence
from html import escape

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    LongTable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)

from .charts import WIDTH, Chart
from .dashboard import Section
from .neighbourhood import Neighbourhood

MARGIN = 42
STYLES = getSampleStyleSheet()
SMALL = STYLES["BodyText"].clone("small", fontSize=8, leading=10)
BAR = colors.HexColor("#1b5e8c")
REFERENCE = colors.HexColor("#9aa5ad")


def paragraph(text: object, style: str = "BodyText") -> Paragraph:
    return Paragraph(escape(str(text)), SMALL if style == "small" else STYLES[style])


def table(header: Sequence[object], rows: Sequence[Sequence[object]]) -> LongTable:
    data = [[paragraph(cell, "small") for cell in row] for row in [header, *rows]]
    found = LongTable(data, repeatRows=1)
    found.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return found


def drawing(chart: Chart, width: float = 400, tallest: float = 520) -> Flowable:
    """The page's bar chart in PDF: the same bars, scaled from the SVG's 320 units; a chart of
    many bars (a portfolio) is pressed to fit one page."""
    if not chart.drawable:
        return paragraph(_("n too small: fewer than 5 in every period, so there is no chart."))
    across = width / WIDTH
    down = min(across, tallest / chart.height)
    font = 7 if down == across else 6
    height = chart.height * down
    found = Drawing(width, height)
    for bar in chart.bars:
        found.add(
            String(0, height - bar.label_y * down, bar.label[:70], fontName="Helvetica",
                   fontSize=font)
        )  # fmt: skip
        y = height - (bar.bar_y + 14) * down
        if bar.width is not None:
            fill = REFERENCE if bar.reference else BAR
            found.add(Rect(0, y, bar.width * across, 14 * down, fillColor=fill, strokeColor=None))
        found.add(
            String(bar.text_x * across, y + 2 * down, bar.text, fontName="Helvetica", fontSize=font)
        )
    return found


def chart_with_table(
    label: object, description: object, chart: Chart, note: object, first: object = ""
) -> list:
    """`first`: the heading of the table's first column (the period, or the complex)."""
    rows = [
        [bar.label, bar.text, _("reference") if bar.reference else bar.n if bar.width else "–"]
        for bar in chart.bars
    ]
    block: list = [paragraph(label, "Heading3")]
    if description:
        block.append(paragraph(description, "small"))
    block += [Spacer(0, 6), drawing(chart), Spacer(0, 4)]
    after: list = [table([first or _("Period"), _("Value"), "n"], rows)]
    if note:
        after.append(paragraph(note, "small"))
    return [KeepTogether(block), *after, Spacer(0, 10)]


def protection_note() -> Paragraph:
    return paragraph(
        _(
            "Figures for groups of residents only, never a person's answers. A number below 5 "
            "is shown as “<5”; a point resting on fewer than 5 is not shown (“n too small”)."
        ),
        "small",
    )


def neighbourhood_rows(found: Neighbourhood) -> list[list[object]]:
    median = found.median_days
    return [
        [_("Neighbour complaints"), found.complaints_text],
        [
            _("Median handling time (days)"),
            _("n too small") if median is None else f"{median:g}",
        ],
        [_("Activities open to the neighbourhood"), found.activities_text],
        [_("Neighbours who came"), found.neighbours_text],
    ]


def _numbered(canvas: Canvas, document: SimpleDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 7)
    canvas.drawRightString(
        document.pagesize[0] - MARGIN, MARGIN / 2, _("page %(n)s") % {"n": document.page}
    )
    canvas.restoreState()


def document(title: str, day: datetime.date, story: list) -> bytes:
    out = io.BytesIO()
    pdf = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author="magicmix",
    )
    head = [
        paragraph(title, "Title"),
        paragraph(_("As on %(day)s") % {"day": date_format(day, "j F Y")}),
        protection_note(),
        Spacer(0, 8),
    ]
    pdf.build(head + story, onFirstPage=_numbered, onLaterPages=_numbered)
    return out.getvalue()


def complex_story(sections: list[Section], neighbours: Neighbourhood | None) -> list:
    story: list = []
    for section in sections:
        if not section.shown:
            continue
        label = _("Expectation: %(expectation)s") % {"expectation": section.expectation.label}
        story.append(paragraph(label, "Heading2"))
        for shown in section.shown:
            story += chart_with_table(
                shown.indicator.label,
                shown.indicator.description,
                shown.chart,
                shown.series.note,
            )
    if neighbours is not None:
        story += [
            paragraph(_("The neighbourhood (last twelve months)"), "Heading2"),
            table([_("Figure"), _("Value")], neighbourhood_rows(neighbours)),
        ]
    return story


def page_break() -> PageBreak:
    return PageBreak()
