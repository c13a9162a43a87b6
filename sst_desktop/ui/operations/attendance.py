"""Operations on a meeting's register of attendance: who was present, sent apologies or was absent,
substituted, took the Chair, came late or left early, and who else was there.

Each function builds the operation for one thing the officer does; the widget says what to do with
the result and runs it (see ``op``). ``label`` names the person for Undo ("Apologies: Cllr Hardy").
"""

from __future__ import annotations

from datetime import time

from PySide6.QtWidgets import QWidget

from sst_desktop.services import attendance, attendance_times
from sst_desktop.services.attendance import AttendanceRecord
from sst_desktop.services.outcome import Outcome
from sst_desktop.services.records import Change
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations.op import ChangeOp, ReadOp

Entry = ChangeOp[Change[AttendanceRecord]]


def list_attendance(context: AppContext, parent: QWidget, meeting_id: int) -> ReadOp[list[AttendanceRecord]]:
    return ReadOp(context, parent, lambda db: attendance.list_attendance(db, meeting_id))


def prefill_register(context: AppContext, parent: QWidget, meeting_id: int) -> ReadOp[list[AttendanceRecord]]:
    """The register, first filled from the committee's members."""
    return ReadOp(context, parent, lambda db: attendance.prefill_register(db, meeting_id))


def members_on(context: AppContext, parent: QWidget, meeting_id: int) -> ReadOp[set[int]]:
    return ReadOp(context, parent, lambda db: attendance.members_on(db, meeting_id))


def set_present(context: AppContext, parent: QWidget, entry: AttendanceRecord, remote: bool) -> Entry:
    label = "Present remotely" if remote else "Present"
    return ChangeOp(
        context,
        parent,
        lambda db: attendance.set_present(db, entry.id, remote=remote),
        f"{label}: {entry.full_name}",
    )


def set_remote(context: AppContext, parent: QWidget, entry: AttendanceRecord, remote: bool) -> Entry:
    label = "Remote" if remote else "In the room"
    return ChangeOp(
        context, parent, lambda db: attendance.set_remote(db, entry.id, remote), f"{label}: {entry.full_name}"
    )


def set_apologies(context: AppContext, parent: QWidget, entry: AttendanceRecord) -> Entry:
    return ChangeOp(
        context, parent, lambda db: attendance.set_apologies(db, entry.id), f"Apologies: {entry.full_name}"
    )


def set_absent(context: AppContext, parent: QWidget, entry: AttendanceRecord) -> Entry:
    return ChangeOp(
        context, parent, lambda db: attendance.set_absent(db, entry.id), f"Absent: {entry.full_name}"
    )


def set_substitute(
    context: AppContext, parent: QWidget, entry: AttendanceRecord, for_person_id: int
) -> Entry:
    return ChangeOp(
        context,
        parent,
        lambda db: attendance.set_substitute(db, entry.id, for_person_id),
        f"Substitute: {entry.full_name}",
    )


def take_the_chair(
    context: AppContext, parent: QWidget, entry: AttendanceRecord, in_chair: bool
) -> ChangeOp[Outcome[AttendanceRecord]]:
    label = "In the Chair" if in_chair else "Not in the Chair"
    return ChangeOp(
        context,
        parent,
        lambda db: attendance.take_the_chair(db, entry.id, in_chair),
        f"{label}: {entry.full_name}",
    )


def set_arrival(
    context: AppContext, parent: QWidget, entry: AttendanceRecord, at: time | None, item_id: int | None
) -> Entry:
    label = "Arrived" if at is not None else "Arrival cleared"
    return ChangeOp(
        context,
        parent,
        lambda db: attendance_times.set_arrival(db, entry.id, at, item_id),
        f"{label}: {entry.full_name}",
    )


def set_departure(
    context: AppContext, parent: QWidget, entry: AttendanceRecord, at: time | None, item_id: int | None
) -> Entry:
    label = "Left" if at is not None else "Departure cleared"
    return ChangeOp(
        context,
        parent,
        lambda db: attendance_times.set_departure(db, entry.id, at, item_id),
        f"{label}: {entry.full_name}",
    )


def set_capacity(context: AppContext, parent: QWidget, entry: AttendanceRecord, capacity: str) -> Entry:
    return ChangeOp(
        context,
        parent,
        lambda db: attendance.set_capacity(db, entry.id, capacity),
        f"Capacity: {entry.full_name}",
    )


def add_attendee(
    context: AppContext,
    parent: QWidget,
    meeting_id: int,
    person_id: int,
    *,
    also_present: bool,
    capacity: str,
) -> Entry:
    label = "Also present" if also_present else "Added to the register"
    return ChangeOp(
        context,
        parent,
        lambda db: attendance.add_attendee(
            db, meeting_id, person_id, also_present=also_present, capacity=capacity
        ),
        label,
    )


def remove_attendance(context: AppContext, parent: QWidget, entry: AttendanceRecord) -> Entry:
    return ChangeOp(
        context,
        parent,
        lambda db: attendance.remove_attendance(db, entry.id),
        f"Taken off the register: {entry.full_name}",
    )
