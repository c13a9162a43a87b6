"""Meetings in series: the quarterly pattern of a board ("the second Thursday of March, June,
September and December"), scheduled in one step and taken back in one step."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time
from typing import Literal

from sqlalchemy import select

from sst_desktop.domain import Meeting
from sst_desktop.services.errors import ValidationError
from sst_desktop.services.meetings import (
    MeetingRecord,
    delete_meeting,
    get_orm,
    meeting_kinds,
    new_meeting,
    procedural_texts,
    refresh_procedural_items,
    to_record,
)
from sst_desktop.services.outcome import Changed, Outcome, Reversal, combined
from sst_desktop.storage.engine import Database


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
    """The meetings a series scheduled, and the dates skipped because the committee already met then;
    ``undo`` removes the whole series in one step."""

    created: tuple[MeetingRecord, ...]
    skipped: tuple[date, ...]  # dates on which the committee already had a meeting
    changed: Changed = Changed.NOTHING
    undo: Reversal | None = field(default=None, repr=False, compare=False)


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
    committee already meets are skipped and reported. Undo removes the series in one step."""
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
        generated = procedural_texts(session, committee_id)
        for day in dates:
            if day in existing:
                skipped.append(day)
                continue
            meeting = new_meeting(session, committee_id, day, start_time, venue, remote_link, open_to_public)
            session.flush()
            created.append(meeting.id)
        reworded = refresh_procedural_items(session, committee_id, generated)
        records = tuple(to_record(get_orm(session, i)) for i in created)
    ids = tuple(created)
    undo: Reversal | None = (lambda db: delete_meetings(db, ids)) if ids else None
    return SeriesResult(records, tuple(skipped), meeting_kinds(reworded) if ids else Changed.NOTHING, undo)


def delete_meetings(db: Database, meeting_ids: Sequence[int]) -> Outcome[tuple[MeetingRecord, ...]]:
    """Remove several meetings in one transaction (undo of a series); undo puts them all back."""
    with db.write():
        changes = [delete_meeting(db, i) for i in meeting_ids]
    return combined(list(changes), tuple(c.before for c in changes if c.before is not None))
