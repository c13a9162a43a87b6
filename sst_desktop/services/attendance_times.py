"""Who came late or left early, and when: the times and agenda items the minutes print beside the
register ("Councillor Hardy arrived at 2.15 pm, during item 4")."""

from __future__ import annotations

from datetime import time

from sqlalchemy.orm import Session

from sst_desktop.domain import AgendaItem, Attendance
from sst_desktop.services.attendance import AttendanceRecord, edit_entry
from sst_desktop.services.errors import ValidationError
from sst_desktop.services.records import Change
from sst_desktop.storage.engine import Database


def _check_item(session: Session, meeting_id: int, item_id: int | None) -> None:
    if item_id is None:
        return
    item = session.get(AgendaItem, item_id)
    if item is None or item.meeting_id != meeting_id:
        raise ValidationError("The item must be one of this meeting's agenda items.", field="item")


def set_arrival(
    db: Database, attendance_id: int, at: time | None, item_id: int | None = None
) -> Change[AttendanceRecord]:
    """Arrived late, at ``at`` during agenda item ``item_id``; ``None`` and ``None`` clear it."""
    if at is not None and not isinstance(at, time):
        raise ValidationError("The time of arrival must be a time of day.", field="arrived_at")

    def change(session: Session, row: Attendance) -> None:
        _check_item(session, row.meeting_id, item_id)
        row.arrived_at = at.replace(second=0, microsecond=0) if at else None
        row.arrived_item_id = item_id

    return edit_entry(db, attendance_id, change)


def set_departure(
    db: Database, attendance_id: int, at: time | None, item_id: int | None = None
) -> Change[AttendanceRecord]:
    """Left early, at ``at`` during agenda item ``item_id``; ``None`` and ``None`` clear it."""
    if at is not None and not isinstance(at, time):
        raise ValidationError("The time of departure must be a time of day.", field="left_at")

    def change(session: Session, row: Attendance) -> None:
        _check_item(session, row.meeting_id, item_id)
        row.left_at = at.replace(second=0, microsecond=0) if at else None
        row.left_item_id = item_id

    return edit_entry(db, attendance_id, change)
