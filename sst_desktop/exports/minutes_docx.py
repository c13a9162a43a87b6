"""The minutes as a Word document, for officers who edit before publishing.

Same blocks and wording as the PDF (``minutes_content``): call-in statement, committee name in
capitals, "MEETING HELD AT …", PRESENT / ALSO PRESENT, numbered minutes with headings in capitals,
narrative, RESOLVED blocks, actions. Later pages carry the running header; DRAFT and CONFIDENTIAL
marks sit in the header of every page. Characters an XML file cannot hold are left out.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from sst_desktop.exports.atomic import atomic_path
from sst_desktop.exports.house_style import page_label
from sst_desktop.exports.minutes_blocks import Block, MinutesContent
from sst_desktop.exports.minutes_content import CONFIDENTIAL_MARK, DRAFT_MARK
from sst_desktop.exports.minutes_copy import MinutesFile, printed_minutes
from sst_desktop.exports.minutes_tables import docx_table
from sst_desktop.services.document_style import DEFAULT_STYLE, DocumentStyle
from sst_desktop.services.document_styles import meeting_style
from sst_desktop.storage.engine import Database

FONT_NAME = "Arial"
BODY_PT = 11
NUMBER_INDENT = Mm(12)
LIST_INDENT = Mm(10)
LABEL_WIDTH = Mm(36)  # wide enough for "ALSO PRESENT:" in bold
CONFIDENTIAL_RED = RGBColor(0xB3, 0x00, 0x00)

# XML 1.0 allows tab, line feed, carriage return and these ranges; nothing else can be stored.
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """Text a .docx can hold: control characters, lone surrogates and U+FFFE/U+FFFF removed."""
    return _NOT_XML.sub("", text)


def _runs(paragraph: Paragraph, block: Block) -> None:
    for run in block.runs:
        text = xml_safe(run.text)
        if not text:
            continue
        added = paragraph.add_run(text)
        added.bold = run.bold or None
        added.italic = run.italic or None
        if run.lang:  # a passage the officer marked as another language: screen readers switch voice
            properties = added._r.get_or_add_rPr()
            properties.append(properties.makeelement(qn("w:lang"), {qn("w:val"): run.lang}))


def _spacing(paragraph: Paragraph, before: float = 0, after: float = 6, keep: bool = False) -> None:
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if keep:
        fmt.keep_with_next = True


def _hanging(paragraph: Paragraph, left, hang) -> None:  # type: ignore[no-untyped-def]
    fmt = paragraph.paragraph_format
    fmt.left_indent = left
    fmt.first_line_indent = -hang
    fmt.tab_stops.add_tab_stop(left)


def _add_block(document, block: Block) -> None:  # type: ignore[no-untyped-def]
    if block.kind in ("notice", "committee", "held"):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _runs(paragraph, block)
        if block.kind == "committee":
            for run in paragraph.runs:
                run.font.size = Pt(15)
        _spacing(paragraph, after=12 if block.kind != "committee" else 8)
        return
    if block.kind == "attendance":
        paragraph = document.add_paragraph()
        _hanging(paragraph, LABEL_WIDTH, LABEL_WIDTH if block.label else 0)
        if block.label:
            label = paragraph.add_run(xml_safe(block.label))
            label.bold = True
            paragraph.add_run("\t")
        _runs(paragraph, block)
        _spacing(paragraph, after=6)
        return
    if block.kind == "heading":
        paragraph = document.add_paragraph()
        _hanging(paragraph, NUMBER_INDENT, NUMBER_INDENT)
        if block.label:
            number = paragraph.add_run(xml_safe(block.label) + "\t")
            number.bold = True
        _runs(paragraph, block)
        _spacing(paragraph, before=10, after=6, keep=True)
        return
    if block.kind == "table":
        docx_table(document, block, xml_safe)
        return
    if block.kind == "list":
        paragraph = document.add_paragraph()
        left = NUMBER_INDENT + LIST_INDENT
        _hanging(paragraph, left, LIST_INDENT)
        paragraph.add_run(xml_safe(block.label or "•") + "\t")
        _runs(paragraph, block)
        _spacing(paragraph, after=4, keep=block.keep_with_next)
        return
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.left_indent = NUMBER_INDENT
    _runs(paragraph, block)
    _spacing(paragraph, after=6, keep=block.keep_with_next)


def _marks(paragraph: Paragraph, content: MinutesContent) -> None:
    if content.confidential:
        run = paragraph.add_run(CONFIDENTIAL_MARK)
        run.bold = True
        run.font.color.rgb = CONFIDENTIAL_RED
    if content.draft:
        if content.confidential:
            paragraph.add_run("    ")
        run = paragraph.add_run(DRAFT_MARK)
        run.bold = True


def _page_numbers(section, style: DocumentStyle) -> None:  # type: ignore[no-untyped-def]
    """A PAGE field centred in the header or footer of every page, numbered from the style's first
    page number (Word fills the field in; the number written is what a reader without fields sees)."""
    if style.page_numbers == "none":
        return
    for part in (
        (section.first_page_header, section.header)
        if style.page_numbers == "header"
        else (section.first_page_footer, section.footer)
    ):
        paragraph = part.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = paragraph.add_run(page_label(1, style))
        field.append(run._r)
        paragraph._p.append(field)
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), str(style.first_page_number))
    section._sectPr.append(numbering)


def render(content: MinutesContent, style: DocumentStyle = DEFAULT_STYLE) -> bytes:
    """The minutes as .docx bytes, paged as ``style`` asks."""
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT_NAME
    normal.font.size = Pt(BODY_PT)
    section = document.sections[0]
    section.page_height, section.page_width = Mm(297), Mm(210)
    section.left_margin, section.right_margin = Mm(25), Mm(20)
    section.top_margin, section.bottom_margin = Mm(25), Mm(20)
    section.different_first_page_header_footer = True

    first = section.first_page_header.paragraphs[0]
    first.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _marks(first, content)
    later = section.header.paragraphs[0]
    later.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _marks(later, content)
    running = section.header.add_paragraph()
    heading_run = running.add_run(xml_safe(content.running_header))
    heading_run.bold = True
    if content.confidential:
        for footer in (section.first_page_footer, section.footer):
            paragraph = footer.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(CONFIDENTIAL_MARK)
            run.bold = True
            run.font.color.rgb = CONFIDENTIAL_RED

    _page_numbers(section, style)
    for block in content.blocks:
        _add_block(document, block)

    properties = document.core_properties
    properties.title = xml_safe(content.title)
    properties.subject = ("Full minutes (confidential)" if content.confidential else "Minutes") + (
        ", draft" if content.draft else ""
    )
    properties.author = xml_safe(content.committee_name)
    properties.comments = "Written by SST Desktop"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_minutes_docx(db: Database, meeting_id: int, *, public: bool = True) -> bytes:
    """The minutes of a meeting as .docx bytes: public (exempt items summarised) or full (confidential)."""
    return render(printed_minutes(db, meeting_id, public=public), meeting_style(db, meeting_id))


def write_minutes_docx(
    db: Database, meeting_id: int, target: Path | str, *, public: bool = True
) -> MinutesFile:
    """Write the minutes to ``target`` (whole or not at all); the result says what is missing."""
    content = printed_minutes(db, meeting_id, public=public)
    data = render(content, meeting_style(db, meeting_id))
    target = Path(target)
    with atomic_path(target) as temporary:
        temporary.write_bytes(data)
    return MinutesFile(target, content.warnings)
