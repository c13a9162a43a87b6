"""The agenda of a meeting as a PDF in the council's house style (seed 002).

AGENDA, the committee, "Thursday 8th September, 2022", "10.00 am, <venue>", the not-open-to-the-
public notice where it applies, MEMBERSHIP, the numbered items with their descriptions (the
declarations paragraph, the previous minutes' date, exempt items' Schedule 12A wording), and the
COMMITTEE OFFICER block. What is missing (no officer, no venue…) does not stop the export: it is
listed in ``warnings`` for the screen to show.

The public agenda (the default) leaves out the description of an exempt item, since it may carry
the exempt information; the full agenda prints it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from sst_desktop.domain.agenda_labels import item_labels, item_name, item_references, printed_label
from sst_desktop.domain.enums import MeetingStatus, ReportStatus
from sst_desktop.domain.meeting_texts import (
    clock,
    long_date,
    plain_date,
    schedule_12a_notice,
)
from sst_desktop.exports.atomic import atomic_path
from sst_desktop.exports.house_style import membership_line, officer_lines, summons_text
from sst_desktop.exports.meeting_forms import flagged_title, meeting_name
from sst_desktop.exports.pdf_fonts import FONT, FONT_BOLD, missing_glyphs, paragraph
from sst_desktop.exports.pdf_style import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_SIZE,
    styles,
)
from sst_desktop.exports.pdf_tags import build_tagged
from sst_desktop.services.agenda import AgendaItemRecord, list_agenda_items
from sst_desktop.services.committees import get_committee
from sst_desktop.services.document_style import DEFAULT_STYLE, DocumentStyle
from sst_desktop.services.document_styles import meeting_style
from sst_desktop.services.meetings import MeetingRecord, get_meeting
from sst_desktop.services.memberships import list_memberships
from sst_desktop.services.records import CommitteeRecord, MembershipRecord
from sst_desktop.storage.engine import Database

CONFIDENTIAL_RED = Color(0.75, 0.0, 0.0)


@dataclass(frozen=True)
class AgendaContent:
    """Everything an agenda shows, read once (the pack reuses it)."""

    meeting: MeetingRecord
    committee: CommitteeRecord
    members: tuple[MembershipRecord, ...]
    items: tuple[AgendaItemRecord, ...]
    style: DocumentStyle = DEFAULT_STYLE

    @property
    def title(self) -> str:
        return f"Agenda – {self.committee.name} – {plain_date(self.meeting.date)}"


@dataclass(frozen=True)
class AgendaDocument:
    pdf: bytes
    page_count: int
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    page_count: int
    warnings: tuple[str, ...]


def read_agenda(db: Database, meeting_id: int) -> AgendaContent:
    meeting = get_meeting(db, meeting_id)
    committee = get_committee(db, meeting.committee_id)
    members = list_memberships(db, committee.id, on=meeting.date)
    items = list_agenda_items(db, meeting_id)
    return AgendaContent(meeting, committee, tuple(members), tuple(items), meeting_style(db, meeting_id))


def agenda_warnings(content: AgendaContent) -> list[str]:
    """What the officer should know before sending the agenda out; none of it stops the export."""
    warnings: list[str] = []
    meeting, committee = content.meeting, content.committee
    if not committee.officer_id:
        warnings.append("The committee has no committee officer: the COMMITTEE OFFICER block is left out.")
    elif not (committee.officer_telephone or committee.officer_email):
        warnings.append(f"The committee officer {committee.officer_name} has no telephone or e-mail.")
    if not (meeting.venue or meeting.remote_link):
        warnings.append("The meeting has no venue or remote link.")
    if meeting.start_time is None:
        warnings.append("The meeting has no start time.")
    if not content.members:
        warnings.append(f"The committee has no members on {plain_date(meeting.date)}.")
    if not content.items:
        warnings.append("The agenda has no items yet.")
    if meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED):
        warnings.append(f"This meeting is {meeting.status.label.lower()}.")
    references = item_references(content.items)
    for item in content.items:
        if item.report_status == ReportStatus.ATTACHED and not item.attachments:
            name = item_name(references[item.id], item.title)
            where = name if name == item.title else f"{name} ({item.title})"
            warnings.append(f"{where} is marked “report attached” but has none.")
    return warnings


# ---------------------------------------------------------------- wording


def membership_text(members: tuple[MembershipRecord, ...] | list[MembershipRecord]) -> str:
    """ "Councillor: Trish Hardy, Sonya Kelly, Simon Burnett, Superintendent Dawn McNally and Nigel
    Bellamy": councillors first by their names alone, as the council prints it; others with their rank."""
    return membership_line(members, DEFAULT_STYLE)


def time_and_place(meeting: MeetingRecord) -> str:
    """ "10.00 am, Remote Meeting - Microsoft Teams"."""
    return ", ".join(p for p in (clock(meeting.start_time), meeting.venue) if p)


def item_lines(item: AgendaItemRecord, *, public: bool) -> list[str]:
    """The paragraphs printed under an item's heading."""
    lines: list[str] = []
    withheld = public and item.is_exempt
    if item.description and not withheld:
        lines.extend(p for p in item.description.split("\n\n") if p.strip())
    if item.presenters_display and item.procedural_role is None:
        shown = "\n".join(lines)
        if item.presenters_display not in shown:
            lines.append(item.presenters_display)
    text = " ".join(lines).casefold()
    if item.report_status == ReportStatus.TO_FOLLOW and "to follow" not in text:
        lines.append("Report to follow.")
    elif item.report_status == ReportStatus.VERBAL and "verbal" not in text:
        lines.append("Verbal update.")
    if item.is_exempt:
        lines.append(schedule_12a_notice(item.exempt_paragraphs))
    return lines


# ---------------------------------------------------------------- drawing


def agenda_story(
    content: AgendaContent,
    *,
    public: bool = True,
    page_refs: dict[int, str] | None = None,
    front_sheet: bool = False,
) -> list:
    """The flowables of the agenda; ``page_refs`` adds "(Pages 5 - 12)" after items in a pack, whose
    ``front_sheet`` is the style's summons letter, when it has one."""
    s = styles()
    meeting, committee, style = content.meeting, content.committee, content.style
    story: list = summons_story(content) if front_sheet else []
    story += [
        paragraph(style.agenda_title, s["title"]),
        paragraph(committee.name, s["committee"]),
        *(
            paragraph(line, s["centre_bold"])
            for line in (meeting_name(meeting), meeting.session_title)
            if line
        ),
        paragraph(long_date(meeting.date), s["centre_bold"]),
    ]
    place = time_and_place(meeting)
    if place:
        story.append(paragraph(place, s["centre"]))
    if meeting.remote_link:
        story.append(paragraph(meeting.remote_link, s["centre"]))
    if meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED):
        notice = f"THIS MEETING HAS BEEN {meeting.status.label.upper()}"
        story.append(paragraph(notice, s["notice"]))
        if meeting.status_reason:
            story.append(paragraph(meeting.status_reason, s["centre"]))
    if not meeting.open_to_public and style.not_open_notice.strip():
        story.append(paragraph(style.not_open_notice, s["notice"]))
    if content.members:
        story.append(Spacer(1, 4 * mm))
        story.append(Paragraph("MEMBERSHIP:", s["heading"]))
        story.append(paragraph(membership_line(content.members, style), s["body"]))
    story.append(Spacer(1, 2 * mm))
    labels = item_labels(content.items)
    for item in content.items:
        if item.section_heading.strip():
            story.append(paragraph(item.section_heading.strip(), s["heading"]))
        block: list[Flowable] = [item_heading(labels[item.id], flagged_title(item))]
        block += [paragraph(line, s["item_body"]) for line in item_lines(item, public=public)]
        if page_refs and item.id in page_refs:
            block.append(paragraph(page_refs[item.id], s["item_body"]))
        story.append(KeepTogether(block))
    officer = officer_lines(committee, style)
    if officer:
        story.append(Spacer(1, 8 * mm))
        table = Table(
            [[paragraph(k, s["heading"]), paragraph(v, s["body"])] for k, v in officer],
            colWidths=(52 * mm, None),
            hAlign="LEFT",
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        story.append(table)
    return story


@cache
def _numbered_style() -> ParagraphStyle:
    base = styles()["item"]
    return ParagraphStyle(
        "agenda_item",
        parent=base,
        firstLineIndent=0,
        bulletIndent=0,
        bulletFontName=FONT_BOLD,
        bulletFontSize=base.fontSize,
        keepWithNext=1,
    )


def summons_story(content: AgendaContent) -> list:
    """The pack's front sheet: the summons letter of the style, then a new page for the agenda."""
    lines = summons_text(
        content.style,
        content.committee,
        content.meeting.date,
        content.meeting.start_time,
        content.meeting.venue,
    )
    if not lines:
        return []
    return [*(paragraph(line, styles()["body"]) for line in lines), PageBreak()]


def item_heading(number: int | str, title: str) -> Paragraph:
    """ "4.   DHR10 report": the number hangs in the margin, the title wraps under itself; a lettered
    item hangs "(A)", an unnumbered one nothing."""
    return paragraph(title, _numbered_style(), bullet=printed_label(str(number)) or None)


def officer_rows(committee: CommitteeRecord) -> list[tuple[str, str]]:
    return officer_lines(committee, DEFAULT_STYLE)


def render(
    content: AgendaContent,
    *,
    public: bool = True,
    page_refs: dict[int, str] | None = None,
    mark_confidential: bool | None = None,
    front_sheet: bool = False,
) -> bytes:
    """The agenda as PDF bytes. A full agenda (``public=False``) is marked CONFIDENTIAL on every page
    unless ``mark_confidential`` is False (the pack marks its pages itself)."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=content.title + ("" if public else " – CONFIDENTIAL"),
        author=content.committee.officer_name or content.committee.name,
        subject=f"Agenda of the meeting of {plain_date(content.meeting.date)}",
        creator="SST Desktop",
        invariant=True,
        initialFontName=FONT,
    )
    story = agenda_story(content, public=public, page_refs=page_refs, front_sheet=front_sheet)
    if mark_confidential is None:
        mark_confidential = not public
    if mark_confidential:
        build_tagged(doc, story, on_first_page=_confidential, on_later_pages=_confidential)
    else:
        build_tagged(doc, story)
    return buffer.getvalue()


def _confidential(canvas, doc) -> None:  # type: ignore[no-untyped-def]
    width, height = PAGE_SIZE
    canvas.saveState()
    canvas.setFillColor(CONFIDENTIAL_RED)
    canvas.setFont(FONT_BOLD, 11)
    canvas.drawCentredString(width / 2, height - 10 * mm, "CONFIDENTIAL – NOT FOR PUBLICATION")
    canvas.drawCentredString(width / 2, 8 * mm, "CONFIDENTIAL")
    canvas.restoreState()


def build_agenda_pdf(db: Database, meeting_id: int, *, public: bool = True) -> AgendaDocument:
    content = read_agenda(db, meeting_id)
    with missing_glyphs() as missing:
        pdf = render(content, public=public)
    warnings = (*agenda_warnings(content), *missing.warnings())
    return AgendaDocument(pdf, len(PdfReader(io.BytesIO(pdf)).pages), warnings)


def export_agenda(db: Database, meeting_id: int, target: Path | str, *, public: bool = True) -> ExportResult:
    """Write the agenda to ``target`` (whole or not at all)."""
    document = build_agenda_pdf(db, meeting_id, public=public)
    target = Path(target)
    with atomic_path(target) as temporary:
        temporary.write_bytes(document.pdf)
    return ExportResult(target, document.page_count, document.warnings)


def default_filename(meeting: MeetingRecord, kind: str = "Agenda") -> str:
    """ "SST Agenda 2022-09-08.pdf"."""
    safe = "".join(ch for ch in meeting.committee_short_name if ch not in '\\/:*?"<>|').strip() or "Meeting"
    return f"{safe} {kind} {meeting.date:%Y-%m-%d}.pdf"
