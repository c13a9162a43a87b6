"""Meetings of a committee: scheduling one, editing and status changes, and finding them again.

A meeting is referred to in the CLI and in messages as ``SHORTNAME@YYYY-MM-DD`` ("SST@2022-09-08").
Moving, cancelling or scheduling a meeting keeps the builder's own wording on neighbouring agendas
true (``agenda_wording``). Every change returns its kinds and its reversal (``outcome``); a series
of meetings is scheduled in ``meeting_series``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from sst_desktop.domain import Committee, Meeting, Minute
from sst_desktop.domain.enums import MeetingStatus
from sst_desktop.domain.meeting_texts import plain_date
from sst_desktop.domain.patch import UNSET, Unset, given, reverting
from sst_desktop.services import minute_numbers
from sst_desktop.services.agenda_wording import (
    next_orm,
    previous_orm,
    procedural_texts,
    refresh_procedural_items,
)
from sst_desktop.services.errors import ConfirmedMinutesError, NotFoundError, ValidationError
from sst_desktop.services.meeting_fields import check_date, check_free, check_time, validated_fields
from sst_desktop.services.outcome import Changed
from sst_desktop.services.records import Change
from sst_desktop.services.references import describe, references_to
from sst_desktop.services.validation import optional
from sst_desktop.storage.engine import Database

When = Literal["all", "upcoming", "past"]


@dataclass(frozen=True)
class MeetingRecord:
    id: int
    committee_id: int
    committee_name: str
    committee_short_name: str
    date: date
    start_time: time | None
    venue: str
    remote_link: str
    status: MeetingStatus
    status_reason: str
    open_to_public: bool
    minutes_confirmed_at: datetime | None
    minutes_confirmed_by_id: int | None
    created_at: datetime
    updated_at: datetime
    first_minute_number: int | None = None  # set only when the year's earlier minutes are elsewhere
    title_prefix: str = ""  # "Adjourned", "Special"
    session_title: str = ""  # a themed session's title

    @property
    def ref(self) -> str:
        return meeting_ref(self)

    @property
    def minutes_confirmed(self) -> bool:
        return self.minutes_confirmed_at is not None

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    @property
    def place(self) -> str:
        """The venue, else the remote link."""
        return self.venue or self.remote_link

    @property
    def title(self) -> str:
        """ "Safer Sefton Together, 8 September 2022"."""
        return f"{self.committee_name}, {plain_date(self.date)}"


@dataclass(frozen=True)
class MeetingPatch:
    """The meeting fields an edit sets (see ``patch``): ``MeetingPatch(venue="Bootle Town Hall")``."""

    date: date | Unset = UNSET
    start_time: time | Unset | None = UNSET
    venue: str | Unset = UNSET
    remote_link: str | Unset = UNSET
    open_to_public: bool | Unset = UNSET
    status: MeetingStatus | Unset = UNSET
    status_reason: str | Unset = UNSET
    title_prefix: str | Unset = UNSET
    session_title: str | Unset = UNSET


def meeting_ref(record: MeetingRecord) -> str:
    """ "SST@2022-09-08"."""
    return f"{record.committee_short_name}@{record.date.isoformat()}"


def to_record(meeting: Meeting) -> MeetingRecord:
    committee = meeting.committee
    return MeetingRecord(
        id=meeting.id,
        committee_id=meeting.committee_id,
        committee_name=committee.name,
        committee_short_name=committee.short_name,
        date=meeting.date,
        start_time=meeting.start_time,
        venue=meeting.venue,
        remote_link=meeting.remote_link,
        status=meeting.status,
        status_reason=meeting.status_reason,
        open_to_public=meeting.open_to_public,
        minutes_confirmed_at=meeting.minutes_confirmed_at,
        minutes_confirmed_by_id=meeting.minutes_confirmed_by_id,
        created_at=meeting.created_at,
        updated_at=meeting.updated_at,
        first_minute_number=meeting.first_minute_number,
        title_prefix=meeting.title_prefix,
        session_title=meeting.session_title,
    )


def _query():  # type: ignore[no-untyped-def]
    return select(Meeting).options(joinedload(Meeting.committee))


def get_meeting(db: Database, meeting_id: int) -> MeetingRecord:
    with db.read() as session:
        return to_record(get_orm(session, meeting_id))


def get_orm(session: Session, meeting_id: int) -> Meeting:
    meeting = session.scalar(_query().where(Meeting.id == meeting_id))
    if meeting is None:
        raise NotFoundError(f"There is no meeting with id {meeting_id}.")
    return meeting


def list_meetings(
    db: Database,
    committee_id: int | None = None,
    *,
    when: When = "all",
    today: date | None = None,
    statuses: Iterable[MeetingStatus] | None = None,
) -> list[MeetingRecord]:
    """A committee's meetings (every committee's with None). ``upcoming``: today and later, soonest
    first; ``past``: before today, latest first; ``all``: by date."""
    today = today or date.today()
    with db.read() as session:
        query = _query()
        if committee_id is not None:
            query = query.where(Meeting.committee_id == committee_id)
        if when == "upcoming":
            query = query.where(Meeting.date >= today).order_by(Meeting.date, Meeting.id)
        elif when == "past":
            query = query.where(Meeting.date < today).order_by(Meeting.date.desc(), Meeting.id)
        else:
            query = query.order_by(Meeting.date, Meeting.id)
        if statuses is not None:
            query = query.where(Meeting.status.in_(list(statuses)))
        return [to_record(m) for m in session.scalars(query)]


def find_meeting(db: Database, ref: str) -> MeetingRecord:
    """A meeting by id ("12") or by committee short name and date ("SST@2022-09-08")."""
    key = (ref or "").strip()
    if key.isdigit():
        with db.read() as session:
            meeting = session.scalar(_query().where(Meeting.id == int(key)))
            if meeting is None:
                raise NotFoundError(f"There is no meeting with id {key}.")
            return to_record(meeting)
    name, at, day = key.rpartition("@")
    if not at or not name.strip():
        raise NotFoundError(
            f"“{ref}” is not a meeting: give its id or SHORTNAME@YYYY-MM-DD (for example SST@2022-09-08)."
        )
    try:
        when = date.fromisoformat(day.strip())
    except ValueError:
        raise NotFoundError(
            f"“{day}” is not a date: write it as YYYY-MM-DD (for example SST@2022-09-08)."
        ) from None
    with db.read() as session:
        committee = session.scalar(
            select(Committee).where(func.lower(Committee.short_name) == name.strip().lower())
        ) or session.scalar(select(Committee).where(func.lower(Committee.name) == name.strip().lower()))
        if committee is None:
            raise NotFoundError(f"There is no committee with the short name “{name.strip()}”.")
        meeting = session.scalar(_query().where(Meeting.committee_id == committee.id, Meeting.date == when))
        if meeting is None:
            raise NotFoundError(f"{committee.name} has no meeting on {plain_date(when)}.")
        return to_record(meeting)


# ---------------------------------------------------------------- scheduling


def schedule_meeting(
    db: Database,
    committee_id: int,
    when: date,
    *,
    start_time: time | Literal["default"] | None = "default",
    venue: str | None = None,
    remote_link: str = "",
    open_to_public: bool | None = None,
) -> Change[MeetingRecord]:
    """Schedule one meeting. Start time, venue and openness default to the committee's. Undo removes it."""
    with db.write() as session:
        generated = procedural_texts(session, committee_id)
        meeting = new_meeting(session, committee_id, when, start_time, venue, remote_link, open_to_public)
        session.flush()
        reworded = refresh_procedural_items(session, committee_id, generated)
        return _scheduled(to_record(get_orm(session, meeting.id)), reworded)


def new_meeting(
    session: Session,
    committee_id: int,
    when: date,
    start_time: time | Literal["default"] | None,
    venue: str | None,
    remote_link: str,
    open_to_public: bool | None,
) -> Meeting:
    """A new meeting added to ``session``, its details checked (one meeting, or each of a series)."""
    committee = session.get(Committee, committee_id)
    if committee is None:
        raise NotFoundError(f"There is no committee with id {committee_id}.")
    check_date(when)
    check_free(session, committee, when)
    if start_time == "default":
        start_time = committee.default_start_time
    check_time(start_time)
    meeting = Meeting(
        committee_id=committee_id,
        date=when,
        start_time=start_time,
        venue=optional(
            committee.default_venue if venue is None else venue, "The venue", field="venue", max_length=300
        ),
        remote_link=optional(remote_link, "The remote link", field="remote_link", max_length=500),
        open_to_public=committee.open_to_public if open_to_public is None else bool(open_to_public),
        status=MeetingStatus.SCHEDULED,
    )
    session.add(meeting)
    return meeting


def _scheduled(record: MeetingRecord, reworded: int) -> Change[MeetingRecord]:
    return Change(None, record, meeting_kinds(reworded), lambda db: delete_meeting(db, record.id))


def meeting_kinds(reworded: int) -> Changed:
    """A change of meetings, and of the agendas whose builder wording followed it."""
    return Changed.MEETINGS | (Changed.AGENDA if reworded else Changed.NOTHING)


# ---------------------------------------------------------------- changes


def update_meeting(db: Database, meeting_id: int, patch: MeetingPatch) -> Change[MeetingRecord]:
    """Change the fields ``patch`` sets (date, start time, venue, remote link, openness, status and
    reason); undo puts back what they were."""
    with db.write() as session:
        meeting = get_orm(session, meeting_id)
        before = to_record(meeting)
        generated = procedural_texts(session, meeting.committee_id)
        for key, value in validated_fields(session, meeting, given(patch)).items():
            setattr(meeting, key, value)
        session.flush()
        reworded = refresh_procedural_items(session, meeting.committee_id, generated)
        session.flush()
        session.refresh(meeting)
        revert = reverting(patch, before)
        return Change(
            before,
            to_record(meeting),
            meeting_kinds(reworded),
            lambda db: update_meeting(db, meeting_id, revert),
        )


def cancel_meeting(db: Database, meeting_id: int, reason: str) -> Change[MeetingRecord]:
    return _set_status(db, meeting_id, MeetingStatus.CANCELLED, reason, "cancelled")


def postpone_meeting(db: Database, meeting_id: int, reason: str) -> Change[MeetingRecord]:
    return _set_status(db, meeting_id, MeetingStatus.POSTPONED, reason, "postponed")


def mark_held(db: Database, meeting_id: int) -> Change[MeetingRecord]:
    """The meeting took place (minute-taking sets this)."""
    with db.write() as session:
        meeting = get_orm(session, meeting_id)
        if meeting.status == MeetingStatus.CANCELLED:
            raise ValidationError("This meeting was cancelled; reinstate it before recording it as held.")
        return update_meeting(db, meeting_id, MeetingPatch(status=MeetingStatus.HELD, status_reason=""))


def reinstate_meeting(db: Database, meeting_id: int) -> Change[MeetingRecord]:
    """A cancelled or postponed meeting goes back to scheduled on its date."""
    return update_meeting(db, meeting_id, MeetingPatch(status=MeetingStatus.SCHEDULED, status_reason=""))


def move_meeting(db: Database, meeting_id: int, new_date: date, reason: str = "") -> Change[MeetingRecord]:
    """Move a meeting (also a postponed one) to another date; it is scheduled again there."""
    note = optional(reason, "The reason", field="status_reason", multiline=True)
    with db.write() as session:
        meeting = get_orm(session, meeting_id)
        if meeting.status == MeetingStatus.HELD:
            raise ValidationError("This meeting has been held; it cannot move to another date.")
        old = meeting.date
        if new_date == old:
            return update_meeting(db, meeting_id, MeetingPatch(status=MeetingStatus.SCHEDULED))
        text = f"Moved from {plain_date(old)}" + (f": {note}" if note else ".")
        return update_meeting(
            db,
            meeting_id,
            MeetingPatch(date=new_date, status=MeetingStatus.SCHEDULED, status_reason=text),
        )


def set_first_minute_number(db: Database, meeting_id: int, number: int | None) -> Change[MeetingRecord]:
    """Start the meeting's minute numbers at ``number`` (None: continue the municipal year), for the
    first meeting recorded in a year whose earlier minutes are elsewhere; the year's minutes are
    renumbered. Undo puts back the number it had."""
    with db.write() as session:
        before = to_record(get_orm(session, meeting_id))
        minute_numbers.set_first_minute_number(db, meeting_id, number)
        meeting = get_orm(session, meeting_id)
        session.refresh(meeting)
        old = before.first_minute_number
        return Change(
            before,
            to_record(meeting),
            Changed.MEETINGS | Changed.MINUTES,
            lambda db: set_first_minute_number(db, meeting_id, old),
        )


def delete_meeting(db: Database, meeting_id: int) -> Change[MeetingRecord]:
    """Remove a meeting that holds nothing yet (undo of scheduling it); undo puts it back with its id.

    A meeting with minutes, an agenda, attendance or anything else on record is refused: deleting
    it would take those with it, so it is cancelled instead."""
    with db.write() as session:
        meeting = get_orm(session, meeting_id)
        before = to_record(meeting)
        has_minutes = session.scalar(select(func.count(Minute.id)).where(Minute.meeting_id == meeting_id))
        if has_minutes or meeting.status == MeetingStatus.HELD:
            raise ValidationError(
                f"The meeting of {plain_date(meeting.date)} has minutes; cancel it instead of deleting it."
            )
        used = references_to(session, "meetings", meeting_id)
        if used:
            raise ValidationError(
                f"The meeting of {plain_date(meeting.date)} holds {describe(used)}; cancel it instead of "
                "deleting it."
            )
        committee_id = meeting.committee_id
        generated = procedural_texts(session, committee_id)
        session.delete(meeting)
        session.flush()
        reworded = refresh_procedural_items(session, committee_id, generated)
        return Change(before, None, meeting_kinds(reworded), lambda db: recreate_meeting(db, before))


def recreate_meeting(db: Database, record: MeetingRecord) -> Change[MeetingRecord]:
    """Put a deleted meeting back with its id and details (redo of scheduling it, after an undo), so
    later edits that name the meeting still find it."""
    with db.write() as session:
        committee = session.get(Committee, record.committee_id)
        if committee is None:
            raise NotFoundError(f"There is no committee with id {record.committee_id}.")
        if session.get(Meeting, record.id) is not None:
            raise ValidationError(f"The meeting of {plain_date(record.date)} is already there.")
        check_free(session, committee, record.date)
        generated = procedural_texts(session, record.committee_id)
        meeting = Meeting(
            id=record.id,
            committee_id=record.committee_id,
            date=record.date,
            start_time=record.start_time,
            venue=record.venue,
            remote_link=record.remote_link,
            status=record.status,
            status_reason=record.status_reason,
            open_to_public=record.open_to_public,
            first_minute_number=record.first_minute_number,
            title_prefix=record.title_prefix,
            session_title=record.session_title,
        )
        session.add(meeting)
        session.flush()
        reworded = refresh_procedural_items(session, record.committee_id, generated)
        return _scheduled(to_record(get_orm(session, meeting.id)), reworded)


def _set_status(
    db: Database, meeting_id: int, status: MeetingStatus, reason: str, verb: str
) -> Change[MeetingRecord]:
    text = optional(reason, "The reason", field="status_reason", multiline=True)
    if not text:
        raise ValidationError(f"Say why the meeting is {verb}.", field="status_reason")
    with db.write() as session:
        meeting = get_orm(session, meeting_id)
        if meeting.status == MeetingStatus.HELD:
            raise ValidationError(f"This meeting has been held; it cannot be {verb}.")
        return update_meeting(db, meeting_id, MeetingPatch(status=status, status_reason=text))


# ---------------------------------------------------------------- neighbours


def previous_meeting(db: Database, meeting_id: int) -> MeetingRecord | None:
    """The committee's last meeting before this one that took place or is to (not cancelled/postponed)."""
    with db.read() as session:
        found = previous_orm(session, get_orm(session, meeting_id))
        return to_record(found) if found is not None else None


def next_meeting(db: Database, meeting_id: int) -> MeetingRecord | None:
    """The committee's next scheduled meeting after this one."""
    with db.read() as session:
        found = next_orm(session, get_orm(session, meeting_id))
        return to_record(found) if found is not None else None


def ensure_agenda_editable(session: Session, meeting_id: int) -> Meeting:
    """The agenda of a meeting whose minutes were confirmed is part of the record and stays as it was."""
    meeting = get_orm(session, meeting_id)
    if meeting.minutes_confirmed_at is not None:
        raise ConfirmedMinutesError(
            f"The meeting of {plain_date(meeting.date)} is on record: its minutes were confirmed, so its "
            "agenda no longer changes."
        )
    return meeting
