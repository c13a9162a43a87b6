"""The minutes as a PDF in the house style of seed 002 (the minutes of 22 June 2022).

First page: the call-in statement, the committee name in capitals, "MEETING HELD AT … ON …",
PRESENT / ALSO PRESENT; then the numbered minutes. Later pages carry the running header
"SAFER SEFTON TOGETHER- WEDNESDAY 22ND JUNE, 2022". Unconfirmed minutes carry a DRAFT mark on every
page; full minutes (with exempt items' discussion) are marked CONFIDENTIAL on every page.
"""

from __future__ import annotations

import io
from dataclasses import replace
from functools import cache
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from sst_desktop.exports.atomic import atomic_path
from sst_desktop.exports.house_style import page_label
from sst_desktop.exports.minutes_blocks import Block, MinutesContent, Run
from sst_desktop.exports.minutes_content import CONFIDENTIAL_MARK, DRAFT_MARK
from sst_desktop.exports.minutes_copy import MinutesFile, printed_minutes
from sst_desktop.exports.minutes_tables import pdf_table
from sst_desktop.exports.pdf_fonts import (
    FONT,
    FONT_BOLD,
    draw_text,
    face_of,
    missing_glyphs,
    para_text,
    paragraph,
)
from sst_desktop.exports.pdf_style import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    NUMBER_INDENT,
    PAGE_SIZE,
    styles,
)
from sst_desktop.exports.pdf_tags import build_tagged, lang_markup
from sst_desktop.services import meetings
from sst_desktop.services.document_style import DEFAULT_STYLE, DocumentStyle
from sst_desktop.services.document_styles import meeting_style
from sst_desktop.storage.engine import Database

BODY_SIZE = 11  # DejaVu Sans at 11 pt sets about as wide as the seed's Arial at 12
LABEL_WIDTH = 30 * mm  # at least; wide enough for "ALSO PRESENT:"
LIST_INDENT = 10 * mm  # "(1)" hangs this far left of its text
CONFIDENTIAL_RED = colors.Color(0.7, 0.0, 0.0)


@cache
def _styles() -> dict[str, ParagraphStyle]:
    base = styles()
    # The minutes set closer than agendas (seed 002 fits 13 minutes on three pages).
    body = ParagraphStyle(
        "m_base", parent=base["body"], fontSize=BODY_SIZE, leading=BODY_SIZE * 1.25, spaceAfter=6
    )
    item_body = ParagraphStyle("m_item_body", parent=body, leftIndent=NUMBER_INDENT)
    return {
        "notice": ParagraphStyle("m_notice", parent=base["notice"], spaceBefore=0, spaceAfter=14),
        "committee": ParagraphStyle("m_committee", parent=base["committee"], spaceAfter=8),
        # One line, as the council prints it ("MEETING HELD AT BOOTLE TOWN HALL ON WEDNESDAY 22ND JUNE, 2022").
        "held": ParagraphStyle(
            "m_held", parent=base["centre_bold"], fontSize=10.5, leading=13, spaceAfter=16
        ),
        "attendance": ParagraphStyle("m_attendance", parent=body, spaceAfter=6),
        "attendance_label": ParagraphStyle(
            "m_attendance_label", parent=body, fontName=FONT_BOLD, spaceAfter=6
        ),
        "heading": ParagraphStyle(
            "m_heading",
            parent=base["item"],
            fontSize=BODY_SIZE,
            leading=body.leading,
            firstLineIndent=0,
            bulletIndent=0,
            bulletFontName=FONT_BOLD,
            bulletFontSize=BODY_SIZE,
            spaceBefore=9,
            spaceAfter=5,
            keepWithNext=1,
        ),
        "body": item_body,
        "body_keep": ParagraphStyle("m_body_keep", parent=item_body, keepWithNext=1),
        "resolved": ParagraphStyle("m_resolved", parent=item_body),
        "resolved_keep": ParagraphStyle("m_resolved_keep", parent=item_body, keepWithNext=1),
        "list": ParagraphStyle(
            "m_list",
            parent=item_body,
            leftIndent=NUMBER_INDENT + LIST_INDENT,
            firstLineIndent=0,
            bulletIndent=NUMBER_INDENT,
            bulletFontName=FONT,
            bulletFontSize=body.fontSize,
            spaceAfter=3,
        ),
    }


def _markup(runs: tuple[Run, ...], style: ParagraphStyle) -> str:
    parts = []
    for run in runs:
        text = para_text(run.text, face_of(style.fontName, bold=run.bold, italic=run.italic))
        if not text:
            continue
        if run.italic:
            text = f"<i>{text}</i>"
        if run.bold:
            text = f"<b>{text}</b>"
        if run.lang:
            text = lang_markup(text, run.lang)
        parts.append(text)
    return "".join(parts)


def _flowables(content: MinutesContent) -> list[Flowable]:
    st = _styles()
    story: list[Flowable] = []
    attendance_rows: list[list[Paragraph]] = []
    labels = [b.label for b in content.blocks if b.kind == "attendance" and b.label]
    widest = max((stringWidth(label, FONT_BOLD, BODY_SIZE) for label in labels), default=0)
    label_width = max(LABEL_WIDTH, widest + 4 * mm)

    def flush_attendance() -> None:
        if not attendance_rows:
            return
        labelled_rows = [i for i, row in enumerate(attendance_rows) if row[0].text]
        table = Table(
            attendance_rows,
            colWidths=(label_width, None),
            hAlign="LEFT",
        )
        commands = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        # A little air above ALSO PRESENT (every labelled row after the first).
        commands += [("TOPPADDING", (0, row), (-1, row), 8) for row in labelled_rows if row > 0]
        table.setStyle(TableStyle(commands))
        story.append(table)
        story.append(Paragraph("", st["attendance"]))
        attendance_rows.clear()

    for block in content.blocks:
        if block.kind == "attendance":
            attendance_rows.append(
                [
                    paragraph(block.label, st["attendance_label"]),
                    Paragraph(_markup(block.runs, st["attendance"]), st["attendance"]),
                ]
            )
            continue
        flush_attendance()
        if block.kind == "table":
            story.append(pdf_table(block, st["body"], PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT))
            continue
        story.append(_paragraph(block, st))
    flush_attendance()
    return story


def _paragraph(block: Block, st: dict[str, ParagraphStyle]) -> Paragraph:
    bullet = None
    if block.kind == "heading":
        style, bullet = st["heading"], block.label or None
    elif block.kind == "list":
        style, bullet = st["list"], block.label or "•"
    elif block.kind in ("notice", "committee", "held"):
        style = st[block.kind]
    elif block.kind == "resolved":
        style = st["resolved_keep" if block.keep_with_next else "resolved"]
    else:
        style = st["body_keep" if block.keep_with_next else "body"]
    return Paragraph(_markup(block.runs, style), style, bulletText=bullet)


class _Pages:
    """Draws what every page carries: running header, DRAFT and CONFIDENTIAL marks."""

    def __init__(self, content: MinutesContent, style: DocumentStyle = DEFAULT_STYLE) -> None:
        self.content = content
        self.style = style

    def first(self, canvas, doc) -> None:  # type: ignore[no-untyped-def]
        self._marks(canvas, first=True)

    def later(self, canvas, doc) -> None:  # type: ignore[no-untyped-def]
        self._marks(canvas, first=False)

    def _marks(self, canvas, *, first: bool) -> None:  # type: ignore[no-untyped-def]
        width, height = PAGE_SIZE
        canvas.saveState()
        if self.content.draft:
            canvas.setFillColor(colors.Color(0.82, 0.82, 0.82, alpha=0.45))
            canvas.setFont(FONT_BOLD, 110)
            canvas.translate(width / 2, height / 2)
            canvas.rotate(50)
            canvas.drawCentredString(0, -38, DRAFT_MARK)
            canvas.rotate(-50)
            canvas.translate(-width / 2, -height / 2)
            canvas.setFillColor(colors.black)
            canvas.setFont(FONT_BOLD, 9)
            canvas.drawRightString(width - MARGIN_RIGHT, height - 11 * mm, DRAFT_MARK)
        if self.content.confidential:
            canvas.setFillColor(CONFIDENTIAL_RED)
            canvas.setFont(FONT_BOLD, 10)
            canvas.drawCentredString(width / 2, height - 11 * mm, CONFIDENTIAL_MARK)
            canvas.drawCentredString(width / 2, 10 * mm, CONFIDENTIAL_MARK)
        if not first:
            canvas.setFillColor(colors.black)
            draw_text(
                canvas,
                MARGIN_LEFT,
                height - MARGIN_TOP + 2 * mm,
                self.content.running_header,
                FONT_BOLD,
                10.5,
            )
        if self.style.page_numbers != "none":
            number = page_label(canvas.getPageNumber(), self.style)
            y = height - 11 * mm if self.style.page_numbers == "header" else 10 * mm
            canvas.setFillColor(colors.black)
            canvas.setFont(FONT, 10)
            canvas.drawCentredString(width / 2, y - (5 * mm if self.content.confidential else 0), number)
        canvas.restoreState()


def render(content: MinutesContent, style: DocumentStyle = DEFAULT_STYLE) -> bytes:
    """The minutes as PDF bytes, paged as ``style`` asks (page numbers, the first page's number)."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP + 8 * mm,
        bottomMargin=MARGIN_BOTTOM,
        title=content.title,
        author=content.committee_name,
        subject=("Full minutes (confidential)" if content.confidential else "Minutes")
        + (", draft" if content.draft else ""),
        creator="SST Desktop",
        invariant=True,
        initialFontName=FONT,  # no reference to an unembedded Helvetica
    )
    pages = _Pages(content, style)
    build_tagged(doc, _flowables(content), on_first_page=pages.first, on_later_pages=pages.later)
    return buffer.getvalue()


def build_minutes_pdf(db: Database, meeting_id: int, *, public: bool = True) -> bytes:
    """The minutes of a meeting as PDF bytes: public (exempt items summarised) or full (confidential)."""
    return render(printed_minutes(db, meeting_id, public=public), meeting_style(db, meeting_id))


def write_minutes_pdf(
    db: Database, meeting_id: int, target: Path | str, *, public: bool = True
) -> MinutesFile:
    """Write the minutes to ``target`` (whole or not at all); the result says what is missing."""
    content = printed_minutes(db, meeting_id, public=public)
    with missing_glyphs() as missing:
        data = render(content, meeting_style(db, meeting_id))
    target = Path(target)
    with atomic_path(target) as temporary:
        temporary.write_bytes(data)
    return MinutesFile(target, (*content.warnings, *missing.warnings()))


def public_minutes_pdf(db: Database, meeting_id: int) -> bytes | None:
    """The public minutes for the next meeting's agenda pack, or None when nothing was minuted yet.
    Councils that circulate unconfirmed minutes for approval print them without the DRAFT mark."""
    if not meetings_has_minutes(db, meeting_id):
        return None
    style = meeting_style(db, meeting_id)
    content = printed_minutes(db, meeting_id, public=True)
    return render(content if style.pack_minutes_draft else replace(content, draft=False), style)


def meetings_has_minutes(db: Database, meeting_id: int) -> bool:
    from sst_desktop.services import attendance, minutes

    meetings.get_meeting(db, meeting_id)  # NotFoundError for a wrong id
    if any(m.id for m in minutes.minutes_outline(db, meeting_id)):
        return True
    return any(r.is_present for r in attendance.list_attendance(db, meeting_id))
