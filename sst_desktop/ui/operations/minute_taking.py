"""Operations of the Minutes screen and of opening minute-taking: the meetings to choose from, and
everything a minute-taking window shows first, read on the database worker so that the screen stays
responsive while a meeting's minutes are made ready.

Each function builds the operation; the widget says what to do with the result and runs it (see ``op``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QWidget

from sst_desktop.domain.enums import MeetingStatus
from sst_desktop.services import agenda, committees, meetings, minutes
from sst_desktop.services.agenda import AgendaItemRecord
from sst_desktop.services.errors import ServiceError
from sst_desktop.services.meetings import MeetingRecord
from sst_desktop.services.minutes import MinuteRecord
from sst_desktop.services.outcome import Changed, Outcome
from sst_desktop.services.records import CommitteeRecord
from sst_desktop.storage.engine import Database
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations.op import ChangeOp, ReadOp


@dataclass(frozen=True)
class MinuteTaking:
    """What a minute-taking window shows of its meeting: the meeting, why its minutes may no longer
    change ("" while they may), the agenda, and the minute of each item."""

    meeting: MeetingRecord
    read_only_reason: str
    items: tuple[AgendaItemRecord, ...]
    minutes: tuple[MinuteRecord, ...]


@dataclass(frozen=True)
class Confirmation:
    """The meeting as it stands, and why its minutes may no longer change ("" while they may)."""

    meeting: MeetingRecord
    read_only_reason: str


# The Minutes screen -------------------------------------------------------------------------------
def list_committees(context: AppContext, parent: QWidget) -> ReadOp[list[CommitteeRecord]]:
    return ReadOp(context, parent, lambda db: committees.list_committees(db))


def list_meetings(
    context: AppContext, parent: QWidget, committee_id: int | None
) -> ReadOp[list[MeetingRecord]]:
    """The meetings of one committee (every committee's with None), by date."""
    return ReadOp(context, parent, lambda db: meetings.list_meetings(db, committee_id))


def get_meeting(context: AppContext, parent: QWidget | None, meeting_id: int) -> ReadOp[MeetingRecord]:
    return ReadOp(context, parent, lambda db: meetings.get_meeting(db, meeting_id))


# Minute-taking ------------------------------------------------------------------------------------
def open_minute_taking(
    context: AppContext, parent: QWidget | None, meeting_id: int, today: date
) -> ChangeOp[Outcome[MinuteTaking]]:
    """Everything the window shows, with the minutes begun (every agenda item gets its minute). Minutes
    being taken mean the meeting took place: a scheduled meeting on or before ``today`` is recorded
    as held (not an undo step: the officer did not ask for it)."""
    return ChangeOp(context, parent, lambda db: _opened(db, meeting_id, today))


def read_minute_taking(context: AppContext, parent: QWidget, meeting_id: int) -> ReadOp[MinuteTaking]:
    """The same again, after another screen changed the meeting or its agenda."""
    return ReadOp(context, parent, lambda db: _read(db, meeting_id))


def confirmation(context: AppContext, parent: QWidget, meeting_id: int) -> ReadOp[Confirmation]:
    """Whether the minutes have been confirmed meanwhile (they are read only from then on)."""

    def read(db: Database) -> Confirmation:
        meeting = meetings.get_meeting(db, meeting_id)
        return Confirmation(meeting, minutes.confirmed_reason(db, meeting))

    return ReadOp(context, parent, read)


def _opened(db: Database, meeting_id: int, today: date) -> Outcome[MinuteTaking]:
    meeting = meetings.get_meeting(db, meeting_id)
    changed = Changed.NOTHING
    if (
        meeting.status == MeetingStatus.SCHEDULED
        and meeting.date <= today
        and not minutes.confirmed_reason(db, meeting)
    ):
        try:
            held = meetings.mark_held(db, meeting_id)
        except ServiceError:
            pass  # (it stays scheduled; the minutes open all the same)
        else:
            changed = held.changed
    return Outcome(_read(db, meeting_id), changed)


def _read(db: Database, meeting_id: int) -> MinuteTaking:
    meeting = meetings.get_meeting(db, meeting_id)
    reason = minutes.confirmed_reason(db, meeting)
    items = agenda.list_agenda_items(db, meeting_id)
    # Confirmed minutes are read as they are; otherwise every item gets its minute.
    records = minutes.list_minutes(db, meeting_id) if reason else minutes.open_minutes(db, meeting_id)
    return MinuteTaking(meeting, reason, tuple(items), tuple(records))
