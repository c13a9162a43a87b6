"""Tables in the minutes (declarations of interest as the council's table), laid out for the PDF and
for the Word file from the same ``Block.cells``: the first row is the header, printed bold."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docx.shared import Mm
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from sst_desktop.exports.minutes_blocks import Block
from sst_desktop.exports.pdf_fonts import FONT, FONT_BOLD, para_text

INDENT_MM = 12  # under the minute's heading, as body paragraphs are


def pdf_table(block: Block, body: ParagraphStyle, width: float) -> Table:
    """The table as a flowable ``width`` points wide, indented like the body text."""
    header = ParagraphStyle("table_header", parent=body, fontName=FONT_BOLD, leftIndent=0, firstLineIndent=0)
    cell = ParagraphStyle("table_cell", parent=body, leftIndent=0, firstLineIndent=0)
    rows = [
        [
            Paragraph(para_text(text, FONT_BOLD if r == 0 else FONT), header if r == 0 else cell)
            for text in row
        ]
        for r, row in enumerate(block.cells)
    ]
    usable = width - INDENT_MM * mm
    table = Table(rows, colWidths=(usable * 0.3, usable * 0.18, usable * 0.52), hAlign="RIGHT", repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def docx_table(document: Any, block: Block, clean: Callable[[str], str]) -> None:
    """The table in the Word file; ``clean`` makes text XML-safe."""
    columns = max((len(row) for row in block.cells), default=0)
    table = document.add_table(rows=0, cols=columns)
    table.style = "Table Grid"
    for r, row in enumerate(block.cells):
        cells = table.add_row().cells
        for c, text in enumerate(row):
            run = cells[c].paragraphs[0].add_run(clean(text))
            run.bold = r == 0 or None
    for row in table.rows:
        row.cells[0].width = Mm(50)
    document.add_paragraph()
