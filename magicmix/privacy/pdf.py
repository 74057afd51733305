"""The export of one data subject as a PDF: the same content as the JSON, for a letter."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer


def _line(label: str, value: Any) -> str:
    return f"<b>{escape(label)}</b>: {escape('' if value is None else str(value))}"


def render(export: dict[str, Any]) -> bytes:
    styles = getSampleStyleSheet()
    subject = export["betrokkene"]
    story: list[Any] = [
        Paragraph(
            escape(_("What magicmix holds about data subject %s") % subject["id"]), styles["Title"]
        ),
        Paragraph(escape(_("Made at %s") % export["gemaakt_op"]), styles["Normal"]),
    ]
    for section in export["onderdelen"]:
        story.append(Paragraph(escape(section["titel"]), styles["Heading2"]))
        if not section["gegevens"]:
            story.append(Paragraph(escape(_("Nothing kept.")), styles["Normal"]))
        for record in section["gegevens"]:
            text = "<br/>".join(_line(label, value) for label, value in record.items())
            story += [Paragraph(text, styles["Normal"]), Spacer(1, 6)]
    story.append(Paragraph(escape(_("Processing log")), styles["Heading2"]))
    for entry in export["verwerkingslog"]:
        text = ", ".join(str(value) for value in entry.values())
        story.append(Paragraph(escape(text), styles["Normal"]))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=_("Data subject export")).build(story)
    return buffer.getvalue()
