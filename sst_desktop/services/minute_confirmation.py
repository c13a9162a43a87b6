"""Confirming the previous minutes as a correct record, and withdrawing a confirmation made in error.

Confirmation is a legal act: the confirmed minutes are frozen (every edit is then refused with
``ConfirmedMinutesError``), a copy of what they print is kept (``minutes_copies``), and it is never
an undo step; ``withdraw_confirmation`` takes it back with a reason kept in the audit trail."""

from __future__ import annotations

from sqlalchemy import select

from sst_desktop.domain import Meeting, Minute
from sst_desktop.domain.base import utcnow
from sst_desktop.domain.enums import (
    ProceduralRole,
)
from sst_desktop.domain.meeting_texts import not_held_reason, plain_date
from sst_desktop.services import meetings
from sst_desktop.services.errors import NotFoundError, ValidationError
from sst_desktop.services.guards import ensure_minutes_editable
from sst_desktop.services.meetings import MeetingRecord
from sst_desktop.services.minute_forms import (
    correct_record_text,
    is_correct_record_resolution,
    meetings_confirmed,
)
from sst_desktop.services.minute_records import (
    Confirmation,
    MeetingRef,
    _add_resolution,
    _get,
    _ordered,
    _previous_meeting,
    _record_of,
    _reposition,
    sync_minutes,
)
from sst_desktop.services.minutes_copies import Copier, drop_copy, keep_copy
from sst_desktop.services.validation import required
from sst_desktop.storage import audit
from sst_desktop.storage.engine import Database

# ---------------------------------------------------------------------------------------------- confirmation


def previous_meeting(db: Database, meeting_id: int) -> MeetingRef | None:
    """The meeting whose minutes this meeting's Minutes of Previous Meeting item confirms."""
    with db.read() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFoundError(f"There is no meeting with id {meeting_id}.")
        previous = _previous_meeting(session, meeting)
        if previous is None:
            return None
        return MeetingRef(
            previous.id, previous.date, previous.minutes_confirmed_at, previous.minutes_confirmed_by_id
        )


def confirm_previous_minutes(db: Database, minute_id: int, copier: Copier) -> Confirmation:
    """Resolve the Minutes of Previous Meeting item: "That the Minutes of the meeting held on 17 March
    2022 be confirmed as a correct record." The previous meeting's minutes are frozen from then on, and
    ``copier`` makes the copy of what they print, kept with the confirmation (``minutes_copies``)."""
    with db.write() as session:
        minute = _get(session, minute_id)
        meeting = ensure_minutes_editable(session, minute.meeting_id)
        item = minute.agenda_item
        if item is None or item.procedural_role != ProceduralRole.PREVIOUS_MINUTES:
            raise ValidationError(
                "Only the Minutes of Previous Meeting item can confirm the previous minutes as a correct record."
            )
        refused = not_held_reason(meeting.date, meeting.status)
        if refused:
            raise ValidationError(refused)
        confirming = meetings_confirmed(session, minute)
        if not confirming:
            raise ValidationError(
                "There is no earlier meeting of this committee whose minutes could be confirmed."
            )
        if minute.confirms_two_meetings and len(confirming) < 2:
            raise ValidationError(
                "There is only one earlier meeting of this committee: it cannot confirm two."
            )
        for previous in confirming:
            if previous.minutes_confirmed_at is not None and previous.minutes_confirmed_by_id not in (
                None,
                meeting.id,
            ):
                raise ValidationError(
                    f"The minutes of the meeting held on {plain_date(previous.date)} were already confirmed "
                    "at another meeting."
                )
        # The copies are read from what is committed, before this transaction writes anything.
        copies = {p.id: copier(db, p.id) for p in confirming if p.minutes_confirmed_at is None}
        text = correct_record_text([p.date for p in confirming], minute.confirmed_subject_to)
        if not any(r.text.strip().rstrip(".").casefold() == text.casefold() for r in minute.resolutions):
            _add_resolution(session, minute, text, None)
        for previous in confirming:
            copy = copies.get(previous.id)
            if copy is None:
                continue
            # Freeze the numbers as they stand: give every item its minute and store the numbers first.
            sync_minutes(session, previous)
            previous.minutes_confirmed_at = utcnow()
            previous.minutes_confirmed_by_id = meeting.id
            keep_copy(session, previous.id, copy)
            session.flush()
        if copies:
            audit.record_event(
                session, Minute.__tablename__, minute.id, "confirm", {"confirmed": [None, text]}
            )
        last = confirming[-1]
        return Confirmation(_record_of(session, minute), last.id, last.minutes_confirmed_at)


def withdraw_confirmation(db: Database, minute_id: int, reason: str) -> Confirmation:
    """Take back ``confirm_previous_minutes`` (recorded in error) while this meeting's own minutes are
    still open to editing. Confirmation is a legal act, so this is never an undo step: the officer
    gives a reason, and the audit trail keeps it with who withdrew it and when. The copy kept at
    confirmation goes: the minutes are a draft again and follow the directory."""
    why = required(
        reason, "The reason for withdrawing the confirmation", field="reason", max_length=2000, multiline=True
    )
    with db.write() as session:
        minute = _get(session, minute_id)
        meeting = ensure_minutes_editable(session, minute.meeting_id)
        confirmed = list(
            session.scalars(
                select(Meeting).where(Meeting.minutes_confirmed_by_id == meeting.id).order_by(Meeting.date)
            )
        )
        if not confirmed:
            raise ValidationError("This meeting has not confirmed any earlier minutes.")
        text = correct_record_text([p.date for p in confirmed], minute.confirmed_subject_to)
        for resolution in list(minute.resolutions):
            if is_correct_record_resolution(resolution.text):
                minute.resolutions.remove(resolution)
                session.delete(resolution)
        _reposition(_ordered(minute))
        for previous in confirmed:
            previous.minutes_confirmed_at = None
            previous.minutes_confirmed_by_id = None
            drop_copy(session, previous.id)
        session.flush()
        audit.record_event(
            session,
            Minute.__tablename__,
            minute.id,
            "withdraw",
            {"confirmed": [text, None], "reason": [None, why]},
        )
        return Confirmation(_record_of(session, minute), confirmed[-1].id, None)


def confirmed_reason(db: Database, meeting: MeetingRecord) -> str:
    """Why the minutes of ``meeting`` can no longer change ("" while they can)."""
    if meeting.minutes_confirmed_at is None:
        return ""
    by = ""
    if meeting.minutes_confirmed_by_id is not None:
        try:
            confirming = meetings.get_meeting(db, meeting.minutes_confirmed_by_id)
            by = f" at the meeting held on {plain_date(confirming.date)}"
        except NotFoundError:  # the confirming meeting was deleted since
            by = ""
    return (
        f"These minutes were confirmed as a correct record{by} "
        f"(on {plain_date(meeting.minutes_confirmed_at.date())}). Confirmed minutes are a legal record: "
        "they can be read and exported, but no longer changed."
    )
