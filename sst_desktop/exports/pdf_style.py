"""The council's house style for PDF documents: A4, sans-serif, bold capital headings, hanging numbers.

Agendas, packs and minutes all take their page size, margins and paragraph styles from here.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from sst_desktop.exports.pdf_fonts import FONT, FONT_BOLD, FONT_ITALIC, register_fonts

PAGE_SIZE = A4
MARGIN_LEFT = 25 * mm
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
BODY_SIZE = 11.5
NUMBER_INDENT = 12 * mm  # the hanging indent of "1." before an item or minute heading


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.35, spaceAfter=8)
    return {
        "body": body,
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=20,
            leading=26,
            alignment=TA_CENTER,
            spaceAfter=14,
        ),
        "committee": ParagraphStyle(
            "committee",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=15,
            leading=20,
            alignment=TA_CENTER,
            spaceAfter=10,
        ),
        "centre": ParagraphStyle("centre", parent=body, alignment=TA_CENTER),
        "centre_bold": ParagraphStyle("centre_bold", parent=body, fontName=FONT_BOLD, alignment=TA_CENTER),
        "heading": ParagraphStyle(
            "heading", parent=body, fontName=FONT_BOLD, spaceBefore=10, spaceAfter=6, alignment=TA_LEFT
        ),
        "item": ParagraphStyle(
            "item",
            parent=body,
            fontName=FONT_BOLD,
            leftIndent=NUMBER_INDENT,
            firstLineIndent=-NUMBER_INDENT,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "item_body": ParagraphStyle("item_body", parent=body, leftIndent=NUMBER_INDENT),
        "list": ParagraphStyle(
            "list", parent=body, leftIndent=NUMBER_INDENT + 9 * mm, firstLineIndent=-9 * mm, spaceAfter=4
        ),
        "italic": ParagraphStyle("italic", parent=body, fontName=FONT_ITALIC),
        "small": ParagraphStyle("small", parent=body, fontSize=9, leading=11, spaceAfter=2),
        "notice": ParagraphStyle(
            "notice", parent=body, fontName=FONT_BOLD, alignment=TA_CENTER, spaceBefore=6, spaceAfter=10
        ),
    }
