"""The first page of a document as it will print in a document style, as a PNG for the Documents tab.

The page is made by the real exporters (minutes, agenda, the pack's front sheet) with the style being
edited, from the committee's latest meeting that has minutes or agenda items, else from a made-up
meeting (``style_preview``), then drawn by pdfium: Qt's own PDF module is not in PySide6-Essentials
and poppler is not on a fresh machine. Nothing is written to the database.
"""

from __future__ import annotations

import io
import threading
from datetime import datetime, time

from pypdf import PdfReader

from sst_desktop.domain.enums import MeetingStatus
from sst_desktop.domain.meeting_texts import long_date
from sst_desktop.exports import agenda_pdf, minutes_pdf
from sst_desktop.exports.minutes_blocks import MinutesContent
from sst_desktop.exports.minutes_content import minutes_content
from sst_desktop.exports.style_preview import (
    SAMPLE_DAY,
    sample_members,
    sample_minutes,
)
from sst_desktop.services.agenda import AgendaItemRecord, list_agenda_items
from sst_desktop.services.committees import get_committee
from sst_desktop.services.document_style import DocumentStyle, PageKind, SamplePage
from sst_desktop.services.meetings import MeetingRecord, list_meetings
from sst_desktop.services.memberships import list_memberships
from sst_desktop.services.records import CommitteeRecord
from sst_desktop.storage.engine import Database

_SAMPLE_ITEMS = (
    "Apologies for absence",
    "Declarations of interest",
    "Minutes of the previous meeting",
    "Domestic Homicide Review update",
    "Any other business",
)


def sample_meeting(committee: CommitteeRecord) -> MeetingRecord:
    """A made-up meeting of ``committee`` (never stored)."""
    stamp = datetime.combine(SAMPLE_DAY, time(9, 0))
    return MeetingRecord(
        id=0,
        committee_id=committee.id,
        committee_name=committee.name,
        committee_short_name=committee.short_name,
        date=SAMPLE_DAY,
        start_time=time(10, 0),
        venue=committee.default_venue or "Bootle Town Hall",
        remote_link="",
        status=MeetingStatus.HELD,
        status_reason="",
        open_to_public=committee.open_to_public,
        minutes_confirmed_at=None,
        minutes_confirmed_by_id=None,
        created_at=stamp,
        updated_at=stamp,
    )


def _sample_minutes(style: DocumentStyle, committee: CommitteeRecord) -> MinutesContent:
    return MinutesContent(
        meeting_id=0,
        committee_name=committee.name,
        meeting_date=SAMPLE_DAY,
        running_header=f"{committee.name.upper()}- {long_date(SAMPLE_DAY).upper()}",
        public=True,
        draft=False,
        confidential=False,
        blocks=tuple(sample_minutes(style, committee)),
        title=f"Minutes – {committee.name}",
    )


def _latest(db: Database, committee_id: int, kind: PageKind) -> MeetingRecord | None:
    """The latest meeting with something to print for ``kind``."""
    for meeting in list_meetings(db, committee_id, when="past") + list_meetings(
        db, committee_id, when="upcoming"
    ):
        if kind == "minutes" and minutes_pdf.meetings_has_minutes(db, meeting.id):
            return meeting
        if kind != "minutes" and list_agenda_items(db, meeting.id):
            return meeting
    return None


def _agenda(db: Database, committee: CommitteeRecord, style: DocumentStyle) -> agenda_pdf.AgendaContent:
    meeting = _latest(db, committee.id, "agenda")
    if meeting is None:
        sample = sample_meeting(committee)
        items = tuple(
            AgendaItemRecord(id=index, meeting_id=0, position=index, title=title)
            for index, title in enumerate(_SAMPLE_ITEMS)
        )
        return agenda_pdf.AgendaContent(sample, committee, tuple(sample_members()), items, style)
    members = tuple(list_memberships(db, committee.id, on=meeting.date))
    items = tuple(list_agenda_items(db, meeting.id))
    return agenda_pdf.AgendaContent(meeting, get_committee(db, committee.id), members, items, style)


def sample_pdf(db: Database, committee: CommitteeRecord, style: DocumentStyle, kind: PageKind) -> bytes:
    """The document ``kind`` as it prints in ``style`` (its first page is what the preview shows)."""
    if kind == "minutes":
        meeting = _latest(db, committee.id, "minutes")
        if meeting is None:
            content = _sample_minutes(style, committee)
        else:
            content = minutes_content(db, meeting.id, style=style)
        return minutes_pdf.render(content, style)
    return agenda_pdf.render(_agenda(db, committee, style), front_sheet=kind == "front")


_PDFIUM = threading.Lock()  # pdfium draws one page at a time, whoever asks


def page_png(pdf: bytes, width: int) -> bytes:
    """Page 1 of ``pdf`` drawn ``width`` pixels wide, as PNG bytes."""
    import pypdfium2 as pdfium  # loaded when a page is first drawn, not at start-up

    # Every pdfium object is closed here, on the thread that made it: left to the garbage collector,
    # one could be freed on another thread while pdfium is drawing, and pdfium is not thread-safe.
    buffer = io.BytesIO()
    with _PDFIUM:
        document = pdfium.PdfDocument(pdf)
        try:
            page = document[0]
            try:
                bitmap = page.render(scale=width / page.get_width())
                try:
                    image = bitmap.to_pil()
                    image.save(buffer, format="PNG")
                    del image
                finally:
                    bitmap.close()
            finally:
                page.close()
        finally:
            document.close()
    return buffer.getvalue()


def sample_page(
    db: Database, committee: CommitteeRecord, style: DocumentStyle, kind: PageKind, width: int
) -> SamplePage:
    """The first page of ``kind`` in ``style``, ``width`` pixels wide."""
    pdf = sample_pdf(db, committee, style, kind)
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    return SamplePage(page_png(pdf, width), " ".join(text.split()))
