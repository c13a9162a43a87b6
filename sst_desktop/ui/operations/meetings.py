"""Operations on meetings: listing them, scheduling one or a series, editing details, and the
status changes (cancel, postpone, move, reinstate).

Each function builds the operation for one thing an officer does; the widget says what to do with
the result and runs it (see ``op``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, time

from PySide6.QtWidgets import QWidget

from sst_desktop.domain.enums import MeetingStatus
from sst_desktop.domain.meeting_texts import plain_date
from sst_desktop.domain.patch import given
from sst_desktop.services import meeting_series, meetings
from sst_desktop.services.meeting_series import SeriesResult, SeriesRule
from sst_desktop.services.meetings import MeetingPatch, MeetingRecord
from sst_desktop.services.records import Change
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations.merging import FieldEditOp
from sst_desktop.ui.operations.op import ChangeOp, ReadOp

Meetings = tuple[list[MeetingRecord], list[MeetingRecord]]
Neighbours = tuple[MeetingRecord | None, MeetingRecord | None]


@dataclass(frozen=True)
class MeetingDetails:
    """When and where meetings to be scheduled take place (the committee's defaults to begin with)."""

    start_time: time | None
    venue: str
    remote_link: str
    open_to_public: bool


def list_meetings(context: AppContext, parent: QWidget, committee_id: int, today: date) -> ReadOp[Meetings]:
    """The committee's upcoming meetings (soonest first) and past ones (latest first)."""
    return ReadOp(
        context,
        parent,
        lambda db: (
            meetings.list_meetings(db, committee_id, when="upcoming", today=today),
            meetings.list_meetings(db, committee_id, when="past", today=today),
        ),
    )


def scheduled_meetings(
    context: AppContext, parent: QWidget, committee_id: int, today: date
) -> ReadOp[list[MeetingRecord]]:
    """The committee's meetings still to come that are scheduled (a forward-plan item's choices)."""
    return ReadOp(
        context,
        parent,
        lambda db: meetings.list_meetings(
            db, committee_id, when="upcoming", today=today, statuses=(MeetingStatus.SCHEDULED,)
        ),
    )


def get_meeting(context: AppContext, parent: QWidget, meeting_id: int) -> ReadOp[MeetingRecord]:
    return ReadOp(context, parent, lambda db: meetings.get_meeting(db, meeting_id))


def neighbours(context: AppContext, parent: QWidget, meeting_id: int) -> ReadOp[Neighbours]:
    """The meetings before and after, as the agenda names them."""
    return ReadOp(
        context,
        parent,
        lambda db: (meetings.previous_meeting(db, meeting_id), meetings.next_meeting(db, meeting_id)),
    )


def schedule_meeting(
    context: AppContext, parent: QWidget, committee_id: int, when: date, details: MeetingDetails
) -> ChangeOp[Change[MeetingRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: meetings.schedule_meeting(db, committee_id, when, **asdict(details)),
        f"Schedule the meeting of {plain_date(when)}",
    )


def schedule_series(
    context: AppContext,
    parent: QWidget,
    committee_id: int,
    rule: SeriesRule,
    start: date,
    end: date,
    details: MeetingDetails,
) -> ChangeOp[SeriesResult]:
    return ChangeOp(
        context,
        parent,
        lambda db: meeting_series.schedule_series(db, committee_id, rule, start, end, **asdict(details)),
        f"Schedule a series of meetings from {plain_date(start)}",
    )


def update_meeting(
    context: AppContext, parent: QWidget, meeting: MeetingRecord, patch: MeetingPatch, what: str
) -> FieldEditOp[Change[MeetingRecord]]:
    """Change the fields ``patch`` sets; ``what`` names them for Undo ("venue"). Edits of the same
    field one after another are one undo step."""
    return FieldEditOp(
        context,
        parent,
        lambda db: meetings.update_meeting(db, meeting.id, patch),
        f"Change the {what} of the meeting of {meeting.date:%d %b %Y}",
        ("meeting", meeting.id, tuple(given(patch))),
    )


def set_first_minute_number(
    context: AppContext, parent: QWidget, meeting: MeetingRecord, number: int | None
) -> ChangeOp[Change[MeetingRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: meetings.set_first_minute_number(db, meeting.id, number),
        f"Change where the minutes of {meeting.date:%d %b %Y} start",
    )


def cancel_meeting(
    context: AppContext, parent: QWidget, meeting: MeetingRecord, reason: str
) -> ChangeOp[Change[MeetingRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: meetings.cancel_meeting(db, meeting.id, reason),
        f"Cancel the meeting of {plain_date(meeting.date)}",
    )


def postpone_meeting(
    context: AppContext, parent: QWidget, meeting: MeetingRecord, reason: str
) -> ChangeOp[Change[MeetingRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: meetings.postpone_meeting(db, meeting.id, reason),
        f"Postpone the meeting of {plain_date(meeting.date)}",
    )


def move_meeting(
    context: AppContext, parent: QWidget, meeting: MeetingRecord, when: date, reason: str
) -> ChangeOp[Change[MeetingRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: meetings.move_meeting(db, meeting.id, when, reason),
        f"Move the meeting of {plain_date(meeting.date)} to {plain_date(when)}",
    )


def reinstate_meeting(
    context: AppContext, parent: QWidget, meeting: MeetingRecord
) -> ChangeOp[Change[MeetingRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: meetings.reinstate_meeting(db, meeting.id),
        f"Reinstate the meeting of {plain_date(meeting.date)}",
    )
