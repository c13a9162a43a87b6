"""Register edits say they changed attendance and take themselves back: a removed entry returns
with its id, and taking the Chair is undone for both people at once."""

from __future__ import annotations

from sst_desktop.domain.enums import AttendanceStatus
from sst_desktop.services import attendance
from sst_desktop.services.outcome import Changed
from tests.minutes_data import build_committee_and_meetings


def _by_name(db, meeting_id: int) -> dict[str, attendance.AttendanceRecord]:  # type: ignore[no-untyped-def]
    return {r.last_name: r for r in attendance.list_attendance(db, meeting_id)}


def test_register_edits_undo_and_redo(db) -> None:  # type: ignore[no-untyped-def]
    seed = build_committee_and_meetings(db)
    register = attendance.prefill_register(db, seed.meeting_id)
    first, second = register[0], register[1]
    marked = attendance.set_apologies(db, first.id)
    assert marked.changed == Changed.ATTENDANCE and marked.undo is not None
    undone = marked.undo(db)
    assert _by_name(db, seed.meeting_id)[first.last_name].status == first.status
    assert undone.undo is not None
    undone.undo(db)  # redo
    assert _by_name(db, seed.meeting_id)[first.last_name].status == AttendanceStatus.APOLOGIES

    removed = attendance.remove_attendance(db, second.id)
    assert removed.undo is not None
    back = removed.undo(db)
    assert _by_name(db, seed.meeting_id)[second.last_name].id == second.id
    assert back.undo is not None
    back.undo(db)
    assert second.last_name not in _by_name(db, seed.meeting_id)

    attendance.set_in_chair(db, first.id)
    third = register[2]
    chaired = attendance.take_the_chair(db, third.id)
    assert chaired.changed == Changed.ATTENDANCE and chaired.value.in_chair
    assert chaired.undo is not None
    chaired.undo(db)
    now = _by_name(db, seed.meeting_id)
    assert now[first.last_name].in_chair and not now[third.last_name].in_chair
