"""Meetings of a committee: scheduling one or a series, status changes, and finding them again.

A meeting is referred to in the CLI and in messages as ``SHORTNAME@YYYY-MM-DD`` ("SST@2022-09-08").
Moving, cancelling or scheduling a meeting keeps the builder's own wording on neighbouring agendas
("Minutes of the meeting held on …", "The next meeting will be held on …") true; wording the officer
typed by hand is left alone.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from sst_desktop.domain import AgendaItem, Committee, Meeting, Minute
from sst_desktop.domain.enums import MeetingStatus, ProceduralRole
from sst_desktop.services.errors import ConfirmedMinutesError, NotFoundError, ValidationError
from sst_desktop.services.meeting_texts import (
    is_generated_next_meeting,
    is_generated_previous_minutes,
    next_meeting_text,
    plain_date,
    previous_minutes_text,
)
from sst_desktop.services.records import Change
from sst_desktop.services.validation import optional
from sst_desktop.storage.engine import Database

When = Literal["all", "upcoming", "past"]

# Meetings that take place (or took place): the ones agendas refer back and forward to.
TAKING_PLACE = (MeetingStatus.SCHEDULED, MeetingStatus.HELD)


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
class SeriesRule:
    """A recurrence: the ``ordinal``-th ``weekday`` (0 = Monday) of each of ``months``.

    ``ordinal`` 1–4, or -1 for the last such weekday of the month. The quarterly SST pattern is
    ``SeriesRule(weekday=3, ordinal=2, months=(3, 6, 9, 12))``: the second Thursday of March, June,
    September and December.
    """

    weekday: int
    ordinal: int
    months: tuple[int, ...]

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValidationError("The weekday must be Monday to Sunday.", field="weekday")
        if self.ordinal not in (1, 2, 3, 4, -1):
            raise ValidationError(
                "Choose the first, second, third, fourth or last weekday of the month.", field="ordinal"
            )
        if not self.months or any(not 1 <= m <= 12 for m in self.months):
            raise ValidationError("Choose at least one month (1–12).", field="months")

    def day_in(self, year: int, month: int) -> date:
        weeks = calendar.Calendar().monthdatescalendar(year, month)
        days = [d for week in weeks for d in week if d.month == month and d.weekday() == self.weekday]
        return days[-1] if self.ordinal == -1 else days[self.ordinal - 1]

    def dates(self, start: date, end: date) -> list[date]:
        """Every date of the rule from ``start`` to ``end``, both included."""
        found: list[date] = []
        year, month = start.year, start.month
        while (year, month) <= (end.year, end.month):
            if month in self.months:
                day = self.day_in(year, month)
                if start <= day <= end:
                    found.append(day)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return found


@dataclass(frozen=True)
class SeriesResult:
    created: tuple[MeetingRecord, ...]
    skipped: tuple[date, ...]  # dates on which the committee already had a meeting


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
    """Schedule one meeting. Start time, venue and openness default to the committee's."""
    with db.write() as session:
        meeting = _new_meeting(session, committee_id, when, start_time, venue, remote_link, open_to_public)
        session.flush()
        refresh_procedural_items(session, committee_id)
        return Change(None, to_record(get_orm(session, meeting.id)))


def schedule_series(
    db: Database,
    committee_id: int,
    rule: SeriesRule,
    start: date,
    end: date,
    *,
    start_time: time | Literal["default"] | None = "default",
    venue: str | None = None,
    remote_link: str = "",
    open_to_public: bool | None = None,
) -> SeriesResult:
    """Schedule a meeting on every date of ``rule`` from ``start`` to ``end``; dates on which the
    committee already meets are skipped and reported."""
    if end < start:
        raise ValidationError("The series must end after it starts.", field="end")
    dates = rule.dates(start, end)
    if not dates:
        raise ValidationError("No date between the start and the end matches the pattern.", field="months")
    if len(dates) > 120:
        raise ValidationError("A series can hold at most 120 meetings.", field="end")
    created: list[int] = []
    skipped: list[date] = []
    with db.write() as session:
        existing = set(
            session.scalars(
                select(Meeting.date).where(Meeting.committee_id == committee_id, Meeting.date.in_(dates))
            )
        )
        for day in dates:
            if day in existing:
                skipped.append(day)
                continue
            meeting = _new_meeting(session, committee_id, day, start_time, venue, remote_link, open_to_public)
            session.flush()
            created.append(meeting.id)
        refresh_procedural_items(session, committee_id)
        records = tuple(to_record(get_orm(session, i)) for i in created)
    return SeriesResult(records, tuple(skipped))


def _new_meeting(
    session: Session,
    committee_id: int,
    when: date,
    start_time: time | Literal["default"] | None,
    venue: str | None,
    remote_link: str,
    open_to_public: bool | None,
) -> Meeting:
    committee = session.get(Committee, committee_id)
    if committee is None:
        raise NotFoundError(f"There is no committee with id {committee_id}.")
    if not isinstance(when, date) or isinstance(when, datetime):
        raise ValidationError("The meeting needs a date.", field="date")
    _check_free(session, committee, when)
    if start_time == "default":
        start_time = committee.default_start_time
    _check_time(start_time)
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


def _check_free(session: Session, committee: Committee, when: date, exclude_id: int | None = None) -> None:
    query = select(Meeting.id).where(Meeting.committee_id == committee.id, Meeting.date == when)
    if exclude_id is not None:
        query = query.where(Meeting.id != exclude_id)
    if session.scalar(query) is not None:
        raise ValidationError(f"{committee.name} already has a meeting on {plain_date(when)}.", field="date")


def _check_time(value: object) -> None:
    if value is not None and not isinstance(value, time):
        raise ValidationError("The start time must be a time of day.", field="start_time")


# ---------------------------------------------------------------- changes

MEETING_FIELDS = ("date", "start_time", "venue", "remote_link", "open_to_public", "status", "status_reason")


def update_meeting(db: Database, meeting_id: int, **fields: object) -> Change[MeetingRecord]:
    """Change any of date, start time, venue, remote link, openness, status and reason."""
    unknown = set(fields) - set(MEETING_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown meeting field(s): {', '.join(sorted(unknown))}.")
    with db.write() as session:
        meeting = get_orm(session, meeting_id)
        before = to_record(meeting)
        if "date" in fields:
            when = fields["date"]
            if not isinstance(when, date) or isinstance(when, datetime):
                raise ValidationError("The meeting needs a date.", field="date")
            _check_free(session, meeting.committee, when, exclude_id=meeting.id)
            meeting.date = when
        if "start_time" in fields:
            _check_time(fields["start_time"])
            meeting.start_time = fields["start_time"]  # type: ignore[assignment]
        if "venue" in fields:
            meeting.venue = optional(_s(fields["venue"]), "The venue", field="venue", max_length=300)
        if "remote_link" in fields:
            meeting.remote_link = optional(
                _s(fields["remote_link"]), "The remote link", field="remote_link", max_length=500
            )
        if "open_to_public" in fields:
            meeting.open_to_public = bool(fields["open_to_public"])
        if "status" in fields:
            try:
                meeting.status = MeetingStatus(fields["status"])
            except ValueError:
                raise ValidationError(
                    f"“{fields['status']}” is not a meeting status.", field="status"
                ) from None
        if "status_reason" in fields:
            meeting.status_reason = optional(
                _s(fields["status_reason"]), "The reason", field="status_reason", multiline=True
            )
        session.flush()
        refresh_procedural_items(session, meeting.committee_id)
        session.flush()
        session.refresh(meeting)
        return Change(before, to_record(meeting))


def restore_meeting(db: Database, record: MeetingRecord) -> Change[MeetingRecord]:
    """Put a meeting back as ``record`` describes it (undo of an edit or status change)."""
    return update_meeting(
        db,
        record.id,
        date=record.date,
        start_time=record.start_time,
        venue=record.venue,
        remote_link=record.remote_link,
        open_to_public=record.open_to_public,
        status=record.status,
        status_reason=record.status_reason,
    )


def cancel_meeting(db: Database, meeting_id: int, reason: str) -> Change[MeetingRecord]:
    return _set_status(db, meeting_id, MeetingStatus.CANCELLED, reason, "cancelled")


def postpone_meeting(db: Database, meeting_id: int, reason: str) -> Change[MeetingRecord]:
    return _set_status(db, meeting_id, MeetingStatus.POSTPONED, reason, "postponed")


def mark_held(db: Database, meeting_id: int) -> Change[MeetingRecord]:
    """The meeting took place (minute-taking sets this)."""
    with db.read() as session:
        meeting = get_orm(session, meeting_id)
        if meeting.status == MeetingStatus.CANCELLED:
            raise ValidationError("This meeting was cancelled; reinstate it before recording it as held.")
    return update_meeting(db, meeting_id, status=MeetingStatus.HELD, status_reason="")


def reinstate_meeting(db: Database, meeting_id: int) -> Change[MeetingRecord]:
    """A cancelled or postponed meeting goes back to scheduled on its date."""
    return update_meeting(db, meeting_id, status=MeetingStatus.SCHEDULED, status_reason="")


def move_meeting(db: Database, meeting_id: int, new_date: date, reason: str = "") -> Change[MeetingRecord]:
    """Move a meeting (also a postponed one) to another date; it is scheduled again there."""
    with db.read() as session:
        meeting = get_orm(session, meeting_id)
        if meeting.status == MeetingStatus.HELD:
            raise ValidationError("This meeting has been held; it cannot move to another date.")
        old = meeting.date
    note = optional(reason, "The reason", field="status_reason", multiline=True)
    if new_date == old:
        return update_meeting(db, meeting_id, status=MeetingStatus.SCHEDULED)
    text = f"Moved from {plain_date(old)}" + (f": {note}" if note else ".")
    return update_meeting(db, meeting_id, date=new_date, status=MeetingStatus.SCHEDULED, status_reason=text)


def delete_meeting(db: Database, meeting_id: int) -> Change[MeetingRecord]:
    """Remove a meeting that has no minutes (undo of scheduling it); held meetings stay on record."""
    with db.write() as session:
        meeting = get_orm(session, meeting_id)
        before = to_record(meeting)
        has_minutes = session.scalar(select(func.count(Minute.id)).where(Minute.meeting_id == meeting_id))
        if has_minutes or meeting.status == MeetingStatus.HELD:
            raise ValidationError(
                f"The meeting of {plain_date(meeting.date)} has minutes; cancel it instead of deleting it."
            )
        committee_id = meeting.committee_id
        session.delete(meeting)
        session.flush()
        refresh_procedural_items(session, committee_id)
        return Change(before, None)


def delete_meetings(db: Database, meeting_ids: Sequence[int]) -> list[Change[MeetingRecord]]:
    """Undo of a series."""
    return [delete_meeting(db, i) for i in meeting_ids]


def recreate_meeting(db: Database, record: MeetingRecord) -> Change[MeetingRecord]:
    """Put a deleted meeting back with its id and details (redo of scheduling it, after an undo), so
    later edits that name the meeting still find it."""
    with db.write() as session:
        committee = session.get(Committee, record.committee_id)
        if committee is None:
            raise NotFoundError(f"There is no committee with id {record.committee_id}.")
        if session.get(Meeting, record.id) is not None:
            raise ValidationError(f"The meeting of {plain_date(record.date)} is already there.")
        _check_free(session, committee, record.date)
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
        )
        session.add(meeting)
        session.flush()
        refresh_procedural_items(session, record.committee_id)
        return Change(None, to_record(get_orm(session, meeting.id)))


def _set_status(
    db: Database, meeting_id: int, status: MeetingStatus, reason: str, verb: str
) -> Change[MeetingRecord]:
    text = optional(reason, "The reason", field="status_reason", multiline=True)
    if not text:
        raise ValidationError(f"Say why the meeting is {verb}.", field="status_reason")
    with db.read() as session:
        meeting = get_orm(session, meeting_id)
        if meeting.status == MeetingStatus.HELD:
            raise ValidationError(f"This meeting has been held; it cannot be {verb}.")
    return update_meeting(db, meeting_id, status=status, status_reason=text)


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


def previous_orm(session: Session, meeting: Meeting) -> Meeting | None:
    return session.scalar(
        _query()
        .where(
            Meeting.committee_id == meeting.committee_id,
            Meeting.date < meeting.date,
            Meeting.status.in_(TAKING_PLACE),
        )
        .order_by(Meeting.date.desc())
        .limit(1)
    )


def next_orm(session: Session, meeting: Meeting) -> Meeting | None:
    return session.scalar(
        _query()
        .where(
            Meeting.committee_id == meeting.committee_id,
            Meeting.date > meeting.date,
            Meeting.status == MeetingStatus.SCHEDULED,
        )
        .order_by(Meeting.date)
        .limit(1)
    )


def procedural_description(session: Session, meeting: Meeting, role: ProceduralRole) -> str | None:
    """The builder's wording for a procedural item whose text depends on other meetings."""
    if role == ProceduralRole.PREVIOUS_MINUTES:
        previous = previous_orm(session, meeting)
        return previous_minutes_text(previous.date if previous else None)
    if role == ProceduralRole.NEXT_MEETING:
        upcoming = next_orm(session, meeting)
        if upcoming is None:
            return next_meeting_text(None)
        return next_meeting_text(upcoming.date, upcoming.start_time, upcoming.venue)
    return None


def refresh_procedural_items(session: Session, committee_id: int) -> int:
    """Re-word "Minutes of the meeting held on …" and "The next meeting will be held on …" on the
    committee's agendas not yet held, where the text is still the builder's own. Returns how many changed."""
    items = session.scalars(
        select(AgendaItem)
        .join(Meeting, AgendaItem.meeting_id == Meeting.id)
        .where(
            Meeting.committee_id == committee_id,
            Meeting.status.in_((MeetingStatus.SCHEDULED, MeetingStatus.POSTPONED)),
            AgendaItem.procedural_role.in_((ProceduralRole.PREVIOUS_MINUTES, ProceduralRole.NEXT_MEETING)),
        )
    ).all()
    changed = 0
    for item in items:
        generated = (
            is_generated_previous_minutes
            if item.procedural_role == ProceduralRole.PREVIOUS_MINUTES
            else is_generated_next_meeting
        )
        if not generated(item.description):
            continue
        text = procedural_description(session, item.meeting, item.procedural_role)  # type: ignore[arg-type]
        if text is not None and text != item.description:
            item.description = text
            changed += 1
    return changed


def _s(value: object) -> str:
    return "" if value is None else str(value)


def ensure_agenda_editable(session: Session, meeting_id: int) -> Meeting:
    """The agenda of a meeting whose minutes were confirmed is part of the record and stays as it was."""
    meeting = get_orm(session, meeting_id)
    if meeting.minutes_confirmed_at is not None:
        raise ConfirmedMinutesError(
            f"The meeting of {plain_date(meeting.date)} is on record: its minutes were confirmed, so its "
            "agenda no longer changes."
        )
    return meeting
