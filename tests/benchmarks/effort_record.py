"""The record the effort benchmark types into: Safer Sefton Together as the demo holds it, taken back
to the morning of 22 June 2022.

The demo database (built from the seeds) holds the directory, the 17 March meeting and its minute, the
22 June agenda with its presenters, its register and minutes, and the 8 September agenda with its
reports. Everything the 22 June meeting made is removed — its register, declarations, minutes,
resolutions, actions, the forward-plan items its minutes asked for, the confirmation of the March
minutes — and so is what came after it (the 8 September agenda and its reports, the audit trail and
search index of the finished record). What stays is what an officer had before the meeting.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import delete, or_, select, update

from sst_desktop.demo.build import build_demo_database
from sst_desktop.demo.directory import SST_MEMBERS
from sst_desktop.demo.safer_sefton_texts import JUNE_APOLOGIES, JUNE_PRESENT
from sst_desktop.domain import (
    Action,
    ActionUpdate,
    AgendaItem,
    Attachment,
    AttachmentPage,
    Attendance,
    AuditEntry,
    Base,
    Declaration,
    ForwardPlanItem,
    Meeting,
    Minute,
    MinuteReference,
    Person,
    Resolution,
)
from sst_desktop.domain.enums import MeetingStatus
from sst_desktop.domain.styles import MeetingSentence
from sst_desktop.services import attendance
from sst_desktop.storage.engine import Database
from sst_desktop.storage.search_index import index_everything
from tests.minutes_data import SeedMeeting

MARCH, JUNE, SEPTEMBER = date(2022, 3, 17), date(2022, 6, 22), date(2022, 9, 8)
# Who is marked what on the register: the members on the list, then those added by name (in order).
ADDED_BY_NAME = [key for key in (*JUNE_PRESENT, *JUNE_APOLOGIES) if key not in SST_MEMBERS]


def record_before_june(path: Path, db_for: object) -> None:
    """Write the demo database at ``path`` and take it back to before the meeting of 22 June 2022.
    ``db_for(path)`` opens a database (the caller's way, with its backup folder)."""
    build_demo_database(path)
    db: Database = db_for(path)  # type: ignore[operator]
    try:
        with db.write() as session:
            ids = {
                day: session.scalar(select(Meeting.id).where(Meeting.date == day))
                for day in (MARCH, JUNE, SEPTEMBER)
            }
            june, september = ids[JUNE], ids[SEPTEMBER]
            tables = Base.metadata.tables
            presenters = tables["agenda_item_presenters"]
            minutes = select(Minute.id).where(Minute.meeting_id == june)
            actions = select(Action.id).where(Action.meeting_id == june)
            later_items = select(AgendaItem.id).where(AgendaItem.meeting_id == september)
            later_reports = select(Attachment.id).where(Attachment.agenda_item_id.in_(later_items))
            for statement in (
                delete(ActionUpdate).where(ActionUpdate.action_id.in_(actions)),
                delete(Action).where(Action.id.in_(actions)),
                delete(ForwardPlanItem).where(
                    or_(
                        ForwardPlanItem.source_minute_id.in_(minutes),
                        ForwardPlanItem.agenda_item_id.in_(later_items),
                    )
                ),
                delete(MinuteReference).where(
                    or_(
                        MinuteReference.minute_id.in_(minutes),
                        MinuteReference.referenced_minute_id.in_(minutes),
                    )
                ),
                delete(Resolution).where(Resolution.minute_id.in_(minutes)),
                delete(Minute).where(Minute.meeting_id == june),
                delete(Attendance).where(Attendance.meeting_id == june),
                delete(Declaration).where(Declaration.meeting_id == june),
                delete(MeetingSentence).where(MeetingSentence.meeting_id == june),
                update(Meeting)
                .where(Meeting.id == ids[MARCH])
                .values(minutes_confirmed_at=None, minutes_confirmed_by_id=None),
                update(Meeting).where(Meeting.id == june).values(status=MeetingStatus.SCHEDULED),
                delete(AttachmentPage).where(AttachmentPage.attachment_id.in_(later_reports)),
                delete(Attachment).where(Attachment.id.in_(later_reports)),
                delete(presenters).where(presenters.c.agenda_item_id.in_(later_items)),
                delete(AgendaItem).where(AgendaItem.meeting_id == september),
                delete(AuditEntry),
            ):
                session.execute(statement)
            copies = tables["confirmed_minutes_copies"]
            session.execute(delete(copies).where(copies.c.meeting_id == ids[MARCH]))
            session.execute(delete(tables["search_documents"]))
            index_everything(session.connection())
    finally:
        db.dispose()


def seed_of(db: Database) -> SeedMeeting:
    """The ids the benchmark needs: the committee, the three meetings, the June items, people by surname."""
    with db.read() as session:
        meetings = {
            m.date: m
            for m in session.scalars(select(Meeting).where(Meeting.date.in_((MARCH, JUNE, SEPTEMBER))))
        }
        june = meetings[JUNE]
        items = session.scalars(
            select(AgendaItem.id).where(AgendaItem.meeting_id == june.id).order_by(AgendaItem.position)
        ).all()
        people = {last: pid for pid, last in session.execute(select(Person.id, Person.last_name))}
        return SeedMeeting(
            june.committee_id, meetings[MARCH].id, june.id, meetings[SEPTEMBER].id, list(items), people
        )


def mark_of(last_name: str) -> str:
    """The register's key for a member on the list: Present, Apologies or absent (X)."""
    key = last_name.casefold()
    return "P" if key in JUNE_PRESENT else "A" if key in JUNE_APOLOGIES else "X"


def take_register(db: Database, seed: SeedMeeting) -> None:
    """The register of 22 June entered through the services, as the officer marks it in the window."""
    for record in attendance.prefill_register(db, seed.meeting_id):
        mark = mark_of(record.last_name)
        if record.last_name.casefold() == JUNE_PRESENT[0]:
            attendance.set_in_chair(db, record.id)
        elif mark == "P":
            attendance.set_present(db, record.id)
        elif mark == "A":
            attendance.set_apologies(db, record.id)
    for key in ADDED_BY_NAME:
        status = "apologies" if key in JUNE_APOLOGIES else "present"
        attendance.add_attendee(
            db, seed.meeting_id, seed.person_ids[key.title()], also_present=False, status=status
        )
