"""The agenda pack: the agenda, then every item's reports in order, as the council sends it out.

- each report's pages carry "Agenda Item 3" (top right) with the item's printed label ("Agenda Item A"
  for a lettered item; an unnumbered item's title, as the agenda prints no number for it) and every
  page of the pack "Page P";
- every report starts on an odd page, for double-sided printing: where it would start on an even
  page a page "This page is intentionally left blank" goes before it (and one closes an odd pack);
- the agenda lists each item's pages in the pack, "(Pages 5 - 12)";
- **public** (the default): an exempt item's reports are replaced by one page with its Schedule 12A
  notice and "Document is Restricted". Exempt reports are never even read, so nothing of them can
  reach the file: not its text, metadata, outlines or fonts. Exempt descriptions are left out of the
  agenda too;
- **full**: every report is included and every page is marked CONFIDENTIAL.

The Minutes of Previous Meeting item carries the previous meeting's minutes (public version) as its
report when the item has no attachment of its own and the minutes export can draw them.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from sst_desktop.domain.agenda_labels import item_name, item_references
from sst_desktop.domain.enums import ProceduralRole
from sst_desktop.domain.meeting_texts import (
    BLANK_PAGE_TEXT,
    DOCUMENT_RESTRICTED,
    plain_date,
    schedule_12a_notice,
)
from sst_desktop.exports.agenda_pdf import (
    CONFIDENTIAL_RED,
    AgendaContent,
    agenda_warnings,
    read_agenda,
    render,
)
from sst_desktop.exports.atomic import atomic_path
from sst_desktop.exports.minutes_pdf import public_minutes_pdf
from sst_desktop.exports.pdf_fonts import (
    FONT,
    FONT_BOLD,
    draw_text,
    missing_glyphs,
    register_fonts,
    text_runs,
    visual_line,
)
from sst_desktop.exports.pdf_structure import structure_of, tagged_pdf
from sst_desktop.exports.pdf_tags import Tagger, artifact
from sst_desktop.services.agenda import AgendaItemRecord
from sst_desktop.services.attachments import attachments_for_items
from sst_desktop.services.jobs import JobHooks
from sst_desktop.services.meetings import previous_meeting
from sst_desktop.storage.engine import Database

log = logging.getLogger(__name__)

CONFIDENTIAL = "CONFIDENTIAL"
PUBLIC_DOCUMENT_PACK = "Public Document Pack"
STAMP_TITLE_CHARS = 48  # an unnumbered item's title in the stamp, beyond which it is shortened

# (database, meeting id of the previous meeting) -> the public minutes as PDF bytes, or None.
MinutesSource = Callable[[Database, int], bytes | None]


@dataclass(frozen=True)
class PackSection:
    """One report (or its restricted notice) in the pack."""

    item_id: int
    number: int  # the item's place in the agenda, 1-based
    label: str  # as printed: "3", "A" for a lettered item, "" for an unnumbered one
    title: str
    document: str  # the attachment's title, "Minutes of the meeting held on …", or "Restricted"
    first_page: int  # 1-based page of the pack
    page_count: int
    restricted: bool


@dataclass(frozen=True)
class PackDocument:
    pdf: bytes
    page_count: int
    full: bool
    sections: tuple[PackSection, ...]
    blank_pages: tuple[int, ...]  # 1-based
    agenda_pages: int
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class PackResult:
    path: Path
    page_count: int
    sections: tuple[PackSection, ...]
    warnings: tuple[str, ...]


@dataclass
class _Block:
    """A run of pages for one item: a report's pages, or the restricted notice (``reader`` None)."""

    item: AgendaItemRecord
    label: str  # the item's printed label: "3", "A", or "" (unnumbered)
    document: str
    reader: PdfReader | None
    restricted: bool = False
    placeholder: str = ""  # text of a stand-in page when a report could not be read
    tagged: bytes = b""  # our own tagged PDF (the previous minutes): its tree comes into the pack's

    @property
    def pages(self) -> int:
        return len(self.reader.pages) if self.reader is not None else 1


@dataclass
class _Page:
    kind: str  # "agenda" | "report" | "blank" | "restricted" | "placeholder"
    source: PageObject | None = None
    stamp: str = ""  # "Agenda Item 3" in the top right corner, or nothing
    paragraphs: tuple[int, ...] = ()
    text: str = ""
    size: tuple[float, float] = A4


@dataclass
class _Layout:
    pages: list[_Page] = field(default_factory=list)
    sections: list[PackSection] = field(default_factory=list)
    blanks: list[int] = field(default_factory=list)


# ---------------------------------------------------------------- the previous minutes


def default_minutes_source(db: Database, meeting_id: int) -> bytes | None:
    """The previous meeting's public minutes, or None when nothing was minuted."""
    return public_minutes_pdf(db, meeting_id)


# ---------------------------------------------------------------- building


def build_agenda_pack(
    db: Database,
    meeting_id: int,
    *,
    full: bool = False,
    hooks: JobHooks | None = None,
    minutes_source: MinutesSource | None = default_minutes_source,
) -> PackDocument:
    with missing_glyphs() as missing:
        document = _assemble(db, meeting_id, full=full, hooks=hooks, minutes_source=minutes_source)
    return replace(document, warnings=(*document.warnings, *missing.warnings()))


def _assemble(
    db: Database,
    meeting_id: int,
    *,
    full: bool,
    hooks: JobHooks | None,
    minutes_source: MinutesSource | None,
) -> PackDocument:
    hooks = hooks or JobHooks()
    content = read_agenda(db, meeting_id)
    public = not full
    warnings = agenda_warnings(content)
    blocks = _blocks(
        db, content, public=public, hooks=hooks, warnings=warnings, minutes_source=minutes_source
    )
    total = len(content.items) + 3
    hooks.step(len(content.items) + 1, total)

    # The agenda names each item's pages, which depend on the agenda's own length: settle it.
    agenda_pdf = render(content, public=public, mark_confidential=False, front_sheet=True)
    agenda_reader = PdfReader(io.BytesIO(agenda_pdf))
    for _ in range(3):
        layout = _layout(agenda_reader, blocks)
        refs = _page_refs(layout.sections)
        agenda_pdf = render(content, public=public, page_refs=refs, mark_confidential=False, front_sheet=True)
        settled = PdfReader(io.BytesIO(agenda_pdf))
        same = len(settled.pages) == len(agenda_reader.pages)
        agenda_reader = settled
        if same:
            break
    layout = _layout(agenda_reader, blocks)
    hooks.step(len(content.items) + 2, total)

    # The pack's own pages are tagged: the agenda's tree comes through, the notice pages add theirs.
    structure = Tagger(structure_of(agenda_pdf))
    for block, section in zip(blocks, layout.sections, strict=True):
        if block.tagged:
            minutes = structure_of(block.tagged, page_offset=section.first_page - 1)
            minutes.role = "Part"
            structure.root.kids.append(minutes)
    decorations = PdfReader(io.BytesIO(_decorations(layout.pages, content, full=full, tagger=structure)))
    writer = PdfWriter()
    for index, page in enumerate(layout.pages):
        overlay = decorations.pages[index]
        if page.source is None:
            writer.add_page(overlay)
            continue
        added = writer.add_page(page.source)
        if (added.rotation or 0) % 360:
            added.transfer_rotation_to_content()  # so the marks sit upright on the page as seen
        box = added.cropbox
        added.merge_transformed_page(
            overlay, Transformation().translate(float(box.left), float(box.bottom)), expand=False
        )
        if index % 25 == 24:
            hooks.step(len(content.items) + 2, total)
    writer.add_outline_item(title="Agenda", page_number=0)
    for section in layout.sections:
        label = f"Item {section.label}: {section.title}" if section.label else section.title
        if section.restricted:
            label += " (restricted)"
        writer.add_outline_item(title=label, page_number=section.first_page - 1)
    writer.add_metadata(
        {
            "/Title": f"Agenda pack – {content.committee.name} – {plain_date(content.meeting.date)}"
            + (" – CONFIDENTIAL" if full else ""),
            "/Subject": "Agenda pack (full, confidential)" if full else "Agenda pack (public)",
            "/Author": content.committee.officer_name or content.committee.name,
            "/Creator": "SST Desktop",
        }
    )
    buffer = io.BytesIO()
    writer.write(buffer)
    hooks.step(total, total)
    return PackDocument(
        pdf=tagged_pdf(buffer.getvalue(), structure.root, bookmarks=False),
        page_count=len(layout.pages),
        full=full,
        sections=tuple(layout.sections),
        blank_pages=tuple(layout.blanks),
        agenda_pages=len(agenda_reader.pages),
        warnings=tuple(warnings),
    )


def export_agenda_pack(
    db: Database,
    meeting_id: int,
    target: Path | str,
    *,
    full: bool = False,
    hooks: JobHooks | None = None,
    minutes_source: MinutesSource | None = default_minutes_source,
) -> PackResult:
    """Write the pack to ``target`` (whole or not at all; nothing is written if cancelled)."""
    document = build_agenda_pack(db, meeting_id, full=full, hooks=hooks, minutes_source=minutes_source)
    target = Path(target)
    with atomic_path(target) as temporary:
        temporary.write_bytes(document.pdf)
    return PackResult(target, document.page_count, document.sections, document.warnings)


def _blocks(
    db: Database,
    content: AgendaContent,
    *,
    public: bool,
    hooks: JobHooks,
    warnings: list[str],
    minutes_source: MinutesSource | None,
) -> list[_Block]:
    items = content.items
    references = item_references(items)
    # Public: exempt items' bytes are never loaded.
    readable = [i.id for i in items if i.attachments and not (public and i.is_exempt)]
    stored = attachments_for_items(db, readable)
    blocks: list[_Block] = []
    total = len(items) + 3
    for index, item in enumerate(items):  # steps 1 … len(items); the caller takes it from there
        hooks.step(index + 1, total)
        reference = references[item.id]
        documents: list[tuple[str, bytes]] = []
        ours = False
        has_report = bool(item.attachments)
        if item.attachments and not (public and item.is_exempt):
            documents = [(record.display_title, data) for record, data in stored.get(item.id, [])]
        elif (
            not item.attachments
            and item.procedural_role == ProceduralRole.PREVIOUS_MINUTES
            and minutes_source is not None
        ):
            previous = previous_meeting(db, content.meeting.id)
            minutes = _minutes(db, previous.id, minutes_source, warnings) if previous is not None else None
            if minutes is not None:
                has_report = True
                assert previous is not None
                documents = [(f"Minutes of the meeting held on {plain_date(previous.date)}", minutes)]
                ours = True
        if not has_report:
            continue
        if public and item.is_exempt:
            blocks.append(_Block(item, reference, "Restricted", None, restricted=True))
            continue
        for title, data in documents:
            try:
                reader = PdfReader(io.BytesIO(data), strict=False)
                if reader.is_encrypted or len(reader.pages) == 0:
                    raise ValueError("encrypted or empty")
            except Exception as error:
                log.warning("report %r of item %s unreadable: %r", title, item.id, error)
                message = (
                    f"{item_name(reference, item.title)}: the report “{title}” could not be read"
                    " and is not in the pack."
                )
                warnings.append(message)
                blocks.append(_Block(item, reference, title, None, placeholder=message))
                continue
            blocks.append(
                _Block(
                    item, reference, title, reader, restricted=item.is_exempt, tagged=data if ours else b""
                )
            )
    return blocks


def _minutes(db: Database, meeting_id: int, source: MinutesSource, warnings: list[str]) -> bytes | None:
    try:
        return source(db, meeting_id)
    except Exception as error:  # the minutes are a courtesy copy; the pack still goes out
        log.warning("minutes of meeting %s not drawn: %r", meeting_id, error)
        warnings.append(f"The minutes of the previous meeting could not be added to the pack ({error}).")
        return None


def _layout(agenda: PdfReader, blocks: list[_Block]) -> _Layout:
    layout = _Layout()
    for page in agenda.pages:
        layout.pages.append(_source_page("agenda", page, ""))
    for block in blocks:
        if len(layout.pages) % 2 == 1:  # the next page would be even
            layout.pages.append(_Page("blank", text=BLANK_PAGE_TEXT))
            layout.blanks.append(len(layout.pages))
        first = len(layout.pages) + 1
        stamp = _stamp(block)
        if block.reader is None:
            if block.placeholder:
                layout.pages.append(_Page("placeholder", stamp=stamp, text=block.placeholder))
            else:
                layout.pages.append(_Page("restricted", stamp=stamp, paragraphs=block.item.exempt_paragraphs))
        else:
            for page in block.reader.pages:
                layout.pages.append(_source_page("report", page, stamp))
        layout.sections.append(
            PackSection(
                item_id=block.item.id,
                number=block.item.number,
                label=block.label,
                title=block.item.title,
                document=block.document,
                first_page=first,
                page_count=len(layout.pages) - first + 1,
                restricted=block.restricted,
            )
        )
    if len(layout.pages) % 2 == 1 and blocks:
        layout.pages.append(_Page("blank", text=BLANK_PAGE_TEXT))
        layout.blanks.append(len(layout.pages))
    return layout


def _stamp(block: _Block) -> str:
    """ "Agenda Item 3" / "Agenda Item A"; an unnumbered item has no number to print, so its pages
    carry the item's title (shortened to fit the corner) — what the reader finds it by on the agenda."""
    if block.label:
        return f"Agenda Item {block.label}"
    title = " ".join(block.item.title.split())
    return title if len(title) <= STAMP_TITLE_CHARS else title[: STAMP_TITLE_CHARS - 1].rstrip() + "…"


def _source_page(kind: str, page: PageObject, stamp: str) -> _Page:
    box = page.cropbox
    width, height = float(box.width), float(box.height)
    rotation = (page.rotation or 0) % 360
    if rotation in (90, 270):
        width, height = height, width
    return _Page(
        kind,
        source=page,
        stamp=stamp,
        size=(width, height),
    )


def _page_refs(sections: list[PackSection]) -> dict[int, str]:
    spans: dict[int, tuple[int, int]] = {}
    for section in sections:
        last = section.first_page + section.page_count - 1
        first, end = spans.get(section.item_id, (section.first_page, last))
        spans[section.item_id] = (min(first, section.first_page), max(end, last))
    return {
        item_id: f"(Page {first})" if first == last else f"(Pages {first} - {last})"
        for item_id, (first, last) in spans.items()
    }


# ---------------------------------------------------------------- drawing the stamps and notice pages


def _decorations(pages: list[_Page], content: AgendaContent, *, full: bool, tagger: Tagger) -> bytes:
    """One page per pack page: the stamps to lay over a source page (artifacts), or a whole
    blank/notice page (its text tagged as paragraphs of ``tagger``'s tree)."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True, initialFontName=FONT)  # type: ignore[arg-type]
    canvas.setTitle("")
    for index, page in enumerate(pages, start=1):
        width, height = page.size
        canvas.setPageSize((width, height))
        if page.kind == "blank":
            with tagger.content(canvas, tagger.root.add("P")):
                canvas.setFont(FONT, 12)
                canvas.drawCentredString(width / 2, height / 2, page.text)
        elif page.kind == "restricted":
            with tagger.content(canvas, tagger.root.add("P")):
                canvas.setFont(FONT_BOLD, 13)
                notice = schedule_12a_notice(page.paragraphs)
                split = notice.index(" of the Local Government Act")
                canvas.drawCentredString(width / 2, height * 0.62, notice[:split])
                canvas.drawCentredString(width / 2, height * 0.62 - 18, notice[split + 1 :])
            with tagger.content(canvas, tagger.root.add("P")):
                canvas.setFont(FONT_BOLD, 20)
                canvas.drawCentredString(width / 2, height * 0.5, DOCUMENT_RESTRICTED)
        elif page.kind == "placeholder":
            with tagger.content(canvas, tagger.root.add("P")):
                _centred_lines(canvas, page.text, width, height * 0.6, max_chars=80)
        with artifact(canvas):
            if page.stamp:
                _agenda_item_mark(canvas, page.stamp, width, height)
            if index == 1 and not full and content.style.public_document_pack:
                canvas.setFont(FONT_BOLD, 12)
                canvas.drawString(12 * mm, height - 3 * mm - 12, PUBLIC_DOCUMENT_PACK)
            canvas.setFont(FONT, 9)
            canvas.setFillGray(0.25)
            canvas.drawCentredString(width / 2, 6 * mm, f"Page {index}")
            canvas.setFillGray(0)
            if full:
                canvas.setFont(FONT_BOLD, 11)
                canvas.setFillColor(CONFIDENTIAL_RED)
                canvas.drawString(12 * mm, height - 3 * mm - 12, CONFIDENTIAL)
                canvas.drawString(12 * mm, 6 * mm, CONFIDENTIAL)
                canvas.setFillGray(0)
        canvas.showPage()
    canvas.save()
    tagger.root.sort_by_page()
    return buffer.getvalue()


def _agenda_item_mark(canvas: Canvas, text: str, width: float, height: float) -> None:
    """ "Agenda Item 3" boxed in the top right corner, above where reports print (and above the
    minutes' DRAFT mark)."""
    text_width = sum(
        canvas.stringWidth(chunk, font, 11) for font, chunk in text_runs(visual_line(text), FONT_BOLD)
    )
    right = width - 12 * mm
    top = height - 3 * mm
    canvas.setFillGray(1)
    canvas.setStrokeGray(0)
    canvas.setLineWidth(0.8)
    canvas.rect(right - text_width - 12, top - 16, text_width + 18, 16, stroke=1, fill=1)
    canvas.setFillGray(0)
    draw_text(canvas, right, top - 12, text, FONT_BOLD, 11, align="right")  # a title may be any script


def _centred_lines(canvas: Canvas, text: str, width: float, y: float, *, max_chars: int) -> None:
    words, line, lines = text.split(), "", []
    for word in words:
        if len(line) + len(word) + 1 > max_chars and line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    for offset, part in enumerate(lines):
        draw_text(canvas, width / 2, y - offset * 15, part, FONT, 11, align="centre")
