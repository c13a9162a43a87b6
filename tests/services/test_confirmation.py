"""Resolving the previous minutes a correct record confirms them; from then every edit is refused."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from sst_desktop.domain import Meeting
from sst_desktop.domain.enums import AttendanceStatus, ProceduralRole
from sst_desktop.domain.meeting_texts import plain_date
from sst_desktop.exports.minutes_copy import copy_minutes
from sst_desktop.services import (
    attendance,
    attendance_times,
    declarations,
    history,
    meetings,
    minutes,
    people,
)
from sst_desktop.services.actions import ActionPatch
from sst_desktop.services.declarations import DeclarationPatch
from sst_desktop.services.errors import ConfirmedMinutesError, ValidationError
from sst_desktop.services.meetings import MeetingPatch
from sst_desktop.services.minutes import QuickPhrase
from sst_desktop.services.people import PersonPatch
from tests.minutes_data import build_committee_and_meetings, build_seed_meeting, confirm_at_next_meeting


@pytest.fixture
def confirmed(db):  # type: ignore[no-untyped-def]
    """The 22 June 2022 meeting, fully minuted, then confirmed by the meeting of 8 September 2022."""
    seed = build_seed_meeting(db)
    declaration = declarations.add_declaration(
        db,
        seed.meeting_id,
        DeclarationPatch(person_id=seed.person_ids["Hardy"], kind="non_registrable", action="remained"),
    ).after
    september = confirm_at_next_meeting(db, seed)
    assert minutes.previous_meeting(db, seed.next_id).minutes_confirmed_by_id == seed.next_id
    return seed, declaration, september


def test_confirming_marks_the_previous_meeting(db, confirmed) -> None:  # type: ignore[no-untyped-def]
    seed, _declaration, sept_minute = confirmed
    with db.read() as session:
        june = session.get(Meeting, seed.meeting_id)
        assert june.minutes_confirmed_at is not None
        assert june.minutes_confirmed_by_id == seed.next_id
    texts = [r.text for r in minutes.get_minute(db, sept_minute.id).resolutions]
    assert texts == ["the Minutes of the meeting held on 22 June 2022 be confirmed as a correct record"]
    # Confirming again changes nothing and adds no second resolution.
    minutes.confirm_previous_minutes(db, sept_minute.id, copy_minutes)
    assert len(minutes.get_minute(db, sept_minute.id).resolutions) == 1


def test_only_the_previous_minutes_item_confirms(db) -> None:  # type: ignore[no-untyped-def]
    seed = build_committee_and_meetings(db)
    june = minutes.open_minutes(db, seed.meeting_id)
    with pytest.raises(ValidationError, match="Minutes of Previous Meeting"):
        minutes.confirm_previous_minutes(db, june[4].id, copy_minutes)
    # The first meeting of a committee has no earlier minutes to confirm.
    earliest = minutes.open_minutes(db, seed.previous_id)
    with db.write() as session:
        from sst_desktop.domain import AgendaItem

        session.get(AgendaItem, earliest[0].agenda_item_id).procedural_role = ProceduralRole.PREVIOUS_MINUTES
    with pytest.raises(ValidationError, match="no earlier meeting"):
        minutes.confirm_previous_minutes(db, earliest[0].id, copy_minutes)
    with db.read() as session:
        assert session.get(Meeting, seed.previous_id).minutes_confirmed_at is None


def _every_edit(db, seed, declaration):  # type: ignore[no-untyped-def]
    m = seed.minute_ids[3]
    resolution = minutes.get_minute(db, m).resolutions[0]
    register = attendance.list_attendance(db, seed.meeting_id)
    entry = next(r for r in register if r.last_name == "Hare")
    chair = next(r for r in register if r.in_chair)
    guest = people.create_person(db, PersonPatch(first_name="Guest", last_name="Speaker")).after
    earlier = minutes.list_minutes(db, seed.previous_id)
    return {
        "set_text": lambda: minutes.set_text(db, m, "changed"),
        "set_public_summary": lambda: minutes.set_public_summary(db, m, "changed"),
        "set_heading": lambda: minutes.set_heading(db, m, "CHANGED"),
        "set_outcome": lambda: minutes.set_outcome(db, m, "withdrawn"),
        "add_resolution": lambda: minutes.add_resolution(db, m, "x be done"),
        "update_resolution": lambda: minutes.update_resolution(db, resolution.id, "x"),
        "remove_resolution": lambda: minutes.remove_resolution(db, resolution.id),
        "move_resolution": lambda: minutes.move_resolution(db, resolution.id, 1),
        "reorder_resolutions": lambda: minutes.reorder_resolutions(
            db, m, [r.id for r in reversed(minutes.get_minute(db, m).resolutions)]
        ),
        "insert_quick_phrase": lambda: minutes.insert_quick_phrase(db, m, QuickPhrase.REPORT_NOTED),
        "add_reference": lambda: (
            minutes.add_reference(db, m, earlier[0].id) if earlier else minutes.set_text(db, m, "")
        ),
        "confirm_previous_minutes": lambda: minutes.confirm_previous_minutes(
            db, seed.minute_ids[2], copy_minutes
        ),
        "withdraw_confirmation": lambda: minutes.withdraw_confirmation(
            db, seed.minute_ids[2], "recorded in error"
        ),
        "set_present": lambda: attendance.set_present(db, entry.id),
        "set_apologies": lambda: attendance.set_apologies(db, entry.id),
        "set_absent": lambda: attendance.set_absent(db, entry.id),
        "set_substitute": lambda: attendance.set_substitute(db, entry.id, seed.person_ids["Watts"]),
        "set_remote": lambda: attendance.set_remote(db, entry.id, True),
        "set_in_chair": lambda: attendance.set_in_chair(db, entry.id),
        "set_capacity": lambda: attendance.set_capacity(db, entry.id, "Officer"),
        "set_arrival": lambda: attendance_times.set_arrival(db, entry.id, time(10, 5)),
        "set_departure": lambda: attendance_times.set_departure(db, entry.id, time(11, 5)),
        "add_also_present": lambda: attendance.add_also_present(db, seed.meeting_id, guest.id),
        "add_new_person_also_present": lambda: attendance.add_new_person_also_present(
            db, seed.meeting_id, PersonPatch(last_name="Newcomer")
        ),
        "remove_attendance": lambda: attendance.remove_attendance(db, chair.id),
        "restore_attendance": lambda: attendance.restore_attendance(db, chair),
        "update_attendance": lambda: attendance.update_attendance(db, entry.id, chair),
        "add_declaration": lambda: declarations.add_declaration(
            db,
            seed.meeting_id,
            DeclarationPatch(person_id=seed.person_ids["White"], kind="non_registrable", action="withdrew"),
        ),
        "update_declaration": lambda: declarations.update_declaration(
            db, declaration.id, DeclarationPatch(nature="changed")
        ),
        "remove_declaration": lambda: declarations.remove_declaration(db, declaration.id),
    }


def test_every_edit_of_confirmed_minutes_is_refused(db, confirmed) -> None:  # type: ignore[no-untyped-def]
    seed, declaration, _ = confirmed
    before_minutes = minutes.list_minutes(db, seed.meeting_id)
    before_register = attendance.list_attendance(db, seed.meeting_id)
    before_declarations = declarations.list_declarations(db, seed.meeting_id)
    edits = _every_edit(db, seed, declaration)
    for name, edit in edits.items():
        with pytest.raises(ConfirmedMinutesError, match="confirmed as a correct record") as caught:
            edit()
        assert "22 June 2022" in str(caught.value), name
    assert minutes.list_minutes(db, seed.meeting_id) == before_minutes
    assert attendance.list_attendance(db, seed.meeting_id) == before_register
    assert declarations.list_declarations(db, seed.meeting_id) == before_declarations
    assert not any(p.last_name == "Newcomer" for p in people.list_people(db))
    # Reading, and re-opening for minute-taking, still work and change nothing.
    assert minutes.open_minutes(db, seed.meeting_id) == before_minutes
    assert attendance.prefill_register(db, seed.meeting_id) == before_register


def test_confirmed_minutes_refuse_action_and_minute_deletion(db) -> None:  # type: ignore[no-untyped-def]
    from sst_desktop.services import actions

    seed = build_seed_meeting(db)
    action = actions.create_action(db, minute_id=seed.minute_ids[3], text="Discuss at LCR SD VAG").after
    removed = minutes.delete_minute(db, seed.minute_ids[10])
    minutes.restore_minute(db, removed)
    confirm_at_next_meeting(db, seed)
    with pytest.raises(ConfirmedMinutesError):
        actions.create_action(db, minute_id=seed.minute_ids[3], text="A new action")
    with pytest.raises(ConfirmedMinutesError):
        actions.update_action(db, action.id, ActionPatch(text="Changed wording"))
    with pytest.raises(ConfirmedMinutesError):
        actions.delete_action(db, action.id)
    with pytest.raises(ConfirmedMinutesError):
        minutes.delete_minute(db, seed.minute_ids[4])
    with pytest.raises(ConfirmedMinutesError):
        minutes.restore_minute(db, removed)
    # The action log stays live: status and progress are not part of the minutes.
    assert actions.set_status(db, action.id, "in_progress").after.status == "in_progress"
    assert actions.get_action(db, action.id).text == "Discuss at LCR SD VAG"


def test_withdrawing_a_confirmation_reopens_the_minutes(db, confirmed) -> None:  # type: ignore[no-untyped-def]
    seed, _declaration, sept_minute = confirmed
    with pytest.raises(ValidationError, match="reason"):
        minutes.withdraw_confirmation(db, sept_minute.id, "   ")
    assert meetings.get_meeting(db, seed.meeting_id).minutes_confirmed_at is not None
    result = minutes.withdraw_confirmation(db, sept_minute.id, "Confirmed under the wrong item")
    assert result.confirmed_at is None and result.minute.resolutions == ()
    entries = history.minute_history(db, sept_minute.id)
    withdrawn = next(e for e in entries if e.operation == "withdraw")
    assert {c.field: c.after for c in withdrawn.changes}["reason"] == "Confirmed under the wrong item"
    assert any(e.operation == "confirm" for e in entries)
    minutes.set_text(db, seed.minute_ids[3], "Corrected before confirmation.")
    hare = next(r for r in attendance.list_attendance(db, seed.meeting_id) if r.last_name == "Hare")
    assert attendance.set_apologies(db, hare.id).after.status == AttendanceStatus.APOLOGIES
    # And confirming by the quick phrase freezes them again.
    minutes.insert_quick_phrase(db, sept_minute.id, QuickPhrase.CORRECT_RECORD, copier=copy_minutes)
    with pytest.raises(ConfirmedMinutesError):
        minutes.set_text(db, seed.minute_ids[3], "too late")


def test_minutes_are_confirmed_only_at_a_meeting_that_has_been_held(db) -> None:  # type: ignore[no-untyped-def]
    """On 5 December the minutes of 10 December must not be confirmed at a meeting of 11 March."""
    from sst_desktop.services import agenda, meetings

    seed = build_seed_meeting(db)
    day = date.today() + timedelta(days=90)
    future = meetings.schedule_meeting(db, seed.committee_id, day).after
    agenda.build_default_agenda(db, future.id)
    item = next(
        i
        for i in agenda.list_agenda_items(db, future.id)
        if i.procedural_role == ProceduralRole.PREVIOUS_MINUTES
    )
    minute = minutes.minute_for_item(db, item.id)
    with pytest.raises(ValidationError) as refused:
        minutes.confirm_previous_minutes(db, minute.id, copy_minutes)
    assert str(refused.value) == (
        f"The meeting of {plain_date(day)} has not been held yet: minutes can be confirmed as a correct "
        "record only at a meeting that has taken place."
    )
    assert meetings.get_meeting(db, seed.next_id).minutes_confirmed_at is None
    assert minutes.get_minute(db, minute.id).resolutions == ()

    # A meeting that was cancelled did not take place either.
    meetings.update_meeting(db, future.id, MeetingPatch(date=date(2022, 10, 6)))
    meetings.cancel_meeting(db, future.id, "Not quorate")
    with pytest.raises(ValidationError, match="was cancelled: minutes can be confirmed"):
        minutes.confirm_previous_minutes(db, minute.id, copy_minutes)
