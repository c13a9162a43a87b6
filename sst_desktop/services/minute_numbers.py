"""Minute numbers run on through the committee's municipal year.

The year starts in the committee's start month (May by default): if June's minutes were 1–12,
September's begin at 13. Numbers follow the agenda order of each meeting, so they stay right when
items are added, removed or reordered, until a later meeting confirms the minutes: from then on a
meeting's numbers are frozen, and the meetings after it count on from its last number.

``number_slots`` works the numbers out from the agenda as it is now (used for reading, so the
numbers shown are right even if nobody renumbered after an agenda change); ``renumber`` stores
them on the ``Minute`` rows of every unconfirmed meeting of the year.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from sst_desktop.domain import AgendaItem, Committee, Meeting, Minute
from sst_desktop.domain.enums import ItemNumbering, MeetingStatus
from sst_desktop.services.errors import NotFoundError, ValidationError
from sst_desktop.services.guards import ensure_minutes_editable
from sst_desktop.storage.engine import Database

# Meetings that did not take place take no numbers.
_NOT_HELD = (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED)


@dataclass(frozen=True)
class MunicipalYear:
    start: date
    end: date  # inclusive

    @property
    def label(self) -> str:
        """ "2022/23"."""
        return f"{self.start.year}/{(self.start.year + 1) % 100:02d}"

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


def municipal_year(day: date, start_month: int = 5) -> MunicipalYear:
    """The municipal year holding ``day`` for a committee whose year starts in ``start_month``."""
    year = day.year if day.month >= start_month else day.year - 1
    start = date(year, start_month, 1)
    end = date(year + 1, start_month, 1) - timedelta(days=1)
    return MunicipalYear(start, end)


@dataclass(frozen=True)
class Slot:
    """One numbered place in a meeting's minutes: an agenda item (with or without its minute yet),
    or a minute that has no agenda item."""

    meeting_id: int
    position: int
    agenda_item_id: int | None
    minute_id: int | None
    number: int | None  # None: an unnumbered or lettered item, printed without a minute number


def number_slots(session: Session, meeting_id: int) -> list[Slot]:
    """The numbered places of one meeting's minutes, in order, as the numbers stand now."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(f"There is no meeting with id {meeting_id}.")
    return _year_slots(session, meeting)[meeting.id]


def renumber(session: Session, meeting_id: int) -> dict[int, int | None]:
    """Store the numbers of every unconfirmed meeting in ``meeting_id``'s municipal year.

    Returns ``{minute_id: number}`` for the minutes of ``meeting_id``. Confirmed meetings keep theirs.
    """
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(f"There is no meeting with id {meeting_id}.")
    slots = _year_slots(session, meeting)
    confirmed = {
        m.id
        for m in session.scalars(select(Meeting).where(Meeting.id.in_(slots.keys()))).all()
        if m.minutes_confirmed_at is not None
    }
    wanted: dict[int, int | None] = {}
    for mid, meeting_slots in slots.items():
        if mid in confirmed:
            continue
        for slot in meeting_slots:
            if slot.minute_id is not None:
                wanted[slot.minute_id] = slot.number
    if wanted:
        minutes = session.scalars(select(Minute).where(Minute.id.in_(wanted.keys()))).all()
        for minute in minutes:
            if minute.number != wanted[minute.id]:
                minute.number = wanted[minute.id]
    session.flush()
    return {s.minute_id: s.number for s in slots.get(meeting.id, []) if s.minute_id is not None}


def renumber_meeting(db: Database, meeting_id: int) -> dict[int, int | None]:
    """Renumber after an agenda change (items added, removed or moved); confirmed numbers never move."""
    with db.write() as session:
        return renumber(session, meeting_id)


def set_first_minute_number(db: Database, meeting_id: int, number: int | None) -> dict[int, int | None]:
    """Start this meeting's minute numbers at ``number`` (None: continue from the previous meeting).

    For the first meeting recorded in a municipal year whose earlier minutes live elsewhere.
    """
    if number is not None and (not isinstance(number, int) or number < 1):
        raise ValidationError(
            "The first minute number must be a whole number from 1 up.", field="first_minute_number"
        )
    with db.write() as session:
        meeting = ensure_minutes_editable(session, meeting_id)
        meeting.first_minute_number = number
        session.flush()
        return renumber(session, meeting_id)


def _year_slots(session: Session, meeting: Meeting) -> dict[int, list[Slot]]:
    committee = session.get(Committee, meeting.committee_id)
    start_month = committee.municipal_year_start_month if committee else 5
    year = municipal_year(meeting.date, start_month)
    meetings = session.scalars(
        select(Meeting)
        .where(
            Meeting.committee_id == meeting.committee_id,
            Meeting.date >= year.start,
            Meeting.date <= year.end,
        )
        .order_by(Meeting.date, Meeting.id)
    ).all()
    ids = [m.id for m in meetings]
    items_by_meeting: dict[int, list[tuple[int, int]]] = defaultdict(list)
    unnumbered: set[int] = set()
    item_id: int | None  # an agenda item's id below; a minute may have none
    minute_id: int | None  # a minute's id below; an item may have none yet
    for item_id, mid, position, numbering in session.execute(
        select(AgendaItem.id, AgendaItem.meeting_id, AgendaItem.position, AgendaItem.numbering).where(
            AgendaItem.meeting_id.in_(ids)
        )
    ):
        items_by_meeting[mid].append((position, item_id))
        if numbering != ItemNumbering.NUMBER:
            unnumbered.add(item_id)
    minutes_by_meeting: dict[int, list[tuple[int, int | None, int, int | None]]] = defaultdict(list)
    for minute_id, mid, item_id, position, number in session.execute(
        select(Minute.id, Minute.meeting_id, Minute.agenda_item_id, Minute.position, Minute.number).where(
            Minute.meeting_id.in_(ids)
        )
    ):
        minutes_by_meeting[mid].append((minute_id, item_id, position, number))

    result: dict[int, list[Slot]] = {}
    last = 0
    for m in meetings:
        rows = minutes_by_meeting.get(m.id, [])
        if m.minutes_confirmed_at is not None:
            # Frozen: the stored numbers are the record; later meetings count on from the highest.
            frozen = sorted(rows, key=lambda r: (r[3] is None, r[3] or 0, r[2], r[0]))
            result[m.id] = [
                Slot(m.id, position, item_id, minute_id, number)
                for minute_id, item_id, position, number in frozen
            ]
            last = max([last, *(r[3] for r in rows if r[3] is not None)])
            continue
        if m.status in _NOT_HELD and m.id != meeting.id:
            result[m.id] = []
            continue
        if m.first_minute_number is not None:
            last = m.first_minute_number - 1
        minute_of_item = {item_id: minute_id for minute_id, item_id, _p, _n in rows if item_id is not None}
        places: list[tuple[int, int, int | None, int | None]] = []
        for position, item_id in items_by_meeting.get(m.id, []):
            places.append((position, 0, item_id, minute_of_item.get(item_id)))
        for minute_id, item_id, position, _number in rows:
            if item_id is None:
                places.append((position, 1, None, minute_id))
        places.sort(key=lambda p: (p[0], p[1], p[2] or 0, p[3] or 0))
        slots = []
        for position, _kind, item_id, minute_id in places:
            if item_id in unnumbered:
                slots.append(Slot(m.id, position, item_id, minute_id, None))
                continue
            last += 1
            slots.append(Slot(m.id, position, item_id, minute_id, last))
        result[m.id] = slots
    return result
