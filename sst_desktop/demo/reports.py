"""The demo's report PDFs, drawn with reportlab in the council's house style.

Every text goes through ``para_text`` (escaping and font fallback). Documents are built with
reportlab's ``invariant`` option, so the same text always gives the same bytes (and hash).
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from functools import cache

from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from sst_desktop.demo.report_texts import (
    Bullets,
    Grid,
    Heading,
    Para,
    Quote,
    ReportText,
    Signature,
    SubHeading,
)
from sst_desktop.exports.pdf_fonts import FONT, FONT_BOLD, FONT_ITALIC, para_text
from sst_desktop.exports.pdf_style import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    NUMBER_INDENT,
    PAGE_SIZE,
    styles,
)

PDF = "application/pdf"


@dataclass(frozen=True)
class RenderedReport:
    title: str
    filename: str
    content: bytes
    page_count: int
    sha256: str
    media_type: str = PDF

    @property
    def size(self) -> int:
        return len(self.content)


@cache
def _styles() -> dict[str, ParagraphStyle]:
    base = styles()
    body = base["body"]
    return {
        "banner": ParagraphStyle("demo_banner", parent=base["notice"], textColor=colors.HexColor("#a00000")),
        "label": ParagraphStyle("demo_label", parent=body, fontName=FONT_BOLD, spaceAfter=2),
        "value": ParagraphStyle("demo_value", parent=body, spaceAfter=2),
        "heading": ParagraphStyle(
            "demo_heading",
            parent=body,
            fontName=FONT_BOLD,
            leftIndent=NUMBER_INDENT,
            bulletIndent=0,
            bulletFontName=FONT_BOLD,
            spaceBefore=10,
            spaceAfter=6,
            keepWithNext=True,
        ),
        "subheading": ParagraphStyle(
            "demo_subheading",
            parent=body,
            fontName=FONT_BOLD,
            leftIndent=NUMBER_INDENT,
            bulletIndent=0,
            bulletFontName=FONT,
            spaceBefore=4,
            spaceAfter=4,
            keepWithNext=True,
        ),
        "para": ParagraphStyle(
            "demo_para", parent=body, leftIndent=NUMBER_INDENT, bulletIndent=0, bulletFontName=FONT
        ),
        "bullet": ParagraphStyle(
            "demo_bullet",
            parent=body,
            leftIndent=NUMBER_INDENT + 7 * mm,
            bulletIndent=NUMBER_INDENT + 1 * mm,
            bulletFontName=FONT,
            spaceAfter=4,
        ),
        "quote": ParagraphStyle(
            "demo_quote",
            parent=body,
            fontName=FONT_ITALIC,
            leftIndent=NUMBER_INDENT + 7 * mm,
            rightIndent=7 * mm,
        ),
        "cell": ParagraphStyle("demo_cell", parent=body, spaceAfter=0),
        "cell_head": ParagraphStyle("demo_cell_head", parent=body, fontName=FONT_BOLD, spaceAfter=0),
        "signature": ParagraphStyle("demo_signature", parent=body, spaceAfter=0),
    }


def _header(report: ReportText) -> Table:
    s = _styles()
    rows = [
        [Paragraph(para_text(label), s["label"]), Paragraph(para_text(value), s["value"])]
        for label, value in report.header
    ]
    table = Table(rows, colWidths=[42 * mm, None], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _grid(block: Grid) -> Table:
    s = _styles()
    rows = [
        [Paragraph(para_text(cell), s["cell_head"] if r == 0 else s["cell"]) for cell in row]
        for r, row in enumerate(block.rows)
    ]
    table = Table(rows, colWidths=[12 * mm, 95 * mm, 20 * mm], hAlign="CENTER", repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9e2f3")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _flowables(report: ReportText) -> list[Flowable]:
    s = _styles()
    story: list[Flowable] = []
    if report.banner:
        story.append(Paragraph(para_text(report.banner), s["banner"]))
    story += [_header(report), Spacer(1, 6 * mm)]
    for block in report.blocks:
        if isinstance(block, Heading):
            story.append(Paragraph(para_text(block.text), s["heading"], bulletText=block.number or None))
        elif isinstance(block, SubHeading):
            story.append(Paragraph(para_text(block.text), s["subheading"], bulletText=block.number or None))
        elif isinstance(block, Para):
            story.append(Paragraph(para_text(block.text), s["para"], bulletText=block.number or None))
        elif isinstance(block, Bullets):
            story += [Paragraph(para_text(item), s["bullet"], bulletText="•") for item in block.items]
        elif isinstance(block, Quote):
            story.append(Paragraph(para_text(block.text), s["quote"]))
        elif isinstance(block, Grid):
            story += [Spacer(1, 2 * mm), _grid(block), Spacer(1, 4 * mm)]
        elif isinstance(block, Signature):
            story.append(Spacer(1, 6 * mm))
            story.append(KeepTogether([Paragraph(para_text(line), s["signature"]) for line in block.lines]))
    return story


def render_report(report: ReportText) -> RenderedReport:
    """The report as PDF bytes, with the facts an attachment row records (pages counted by pypdf)."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=report.title,
        author="Sefton Council",
        subject="Safer Sefton Together, 8 September 2022",
        invariant=1,
    )
    document.build(_flowables(report))
    content = buffer.getvalue()
    page_count = len(PdfReader(io.BytesIO(content)).pages)
    return RenderedReport(
        title=report.title,
        filename=report.filename,
        content=content,
        page_count=page_count,
        sha256=hashlib.sha256(content).hexdigest(),
    )
