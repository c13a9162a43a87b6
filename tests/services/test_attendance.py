"""The register: pre-filled from the members, one call per mark, printed order."""

from __future__ import annotations

from datetime import date, time

import pytest

from sst_desktop.domain.enums import AttendanceStatus
from sst_desktop.services import attendance, attendance_times, memberships, people
from sst_desktop.services.attendance import minutes_name
from sst_desktop.services.errors import ValidationError
from sst_desktop.services.people import PersonPatch
from tests.minutes_data import build_committee_and_meetings, take_register


@pytest.fixture
def seed(db):  # type: ignore[no-untyped-def]
    return build_committee_and_meetings(db)


def _by_name(db, meeting_id: int) -> dict[str, attendance.AttendanceRecord]:  # type: ignore[no-untyped-def]
    return {r.last_name: r for r in attendance.list_attendance(db, meeting_id)}


@pytest.mark.parametrize(
    ("title", "first", "last", "expected"),
    [
        ("Councillor", "Trish", "Hardy", "Councillor Hardy"),
        ("Cllr", "Trish", "Hardy", "Councillor Hardy"),
        ("Superintendent", "Graeme", "Robson", "Superintendent Graeme Robson"),
        ("Chief Inspector", "Tracy", "Trubshaw", "Chief Inspector Tracy Trubshaw"),
        ("", "Simon", "Burnett", "Simon Burnett"),
        ("Ms", "Andrea", "Watts", "Andrea Watts"),
        ("Mrs", "", "Watts", "Mrs Watts"),
        ("Dr", "Zoë", "Ó Súilleabháin", "Dr Zoë Ó Súilleabháin"),
    ],
)
def test_names_as_the_minutes_print_them(title: str, first: str, last: str, expected: str) -> None:
    assert minutes_name(title, first, last) == expected


def test_register_is_prefilled_from_members_on_the_meeting_date(db, seed) -> None:  # type: ignore[no-untyped-def]
    # A member who left before the meeting and one who joined after it are not on the register.
    gone = people.create_person(db, PersonPatch(first_name="Former", last_name="Member")).after
    later = people.create_person(db, PersonPatch(first_name="Later", last_name="Member")).after
    memberships.add_membership(
        db, seed.committee_id, gone.id, start_date=date(2020, 1, 1), end_date=date(2022, 1, 1)
    )
    memberships.add_membership(db, seed.committee_id, later.id, start_date=date(2022, 7, 1))
    register = attendance.prefill_register(db, seed.meeting_id)
    assert len(register) == 13
    assert {r.status for r in register} == {AttendanceStatus.ABSENT}
    assert [r.last_name for r in register][:3] == [
        "Bellamy",
        "Burnett",
        "Frackleton",
    ]  # register order: surname
    assert gone.id not in {r.person_id for r in register}
    assert later.id not in {r.person_id for r in register}
    # Prefilling again keeps what was marked and adds nothing twice.
    attendance.set_present(db, register[0].id)
    again = attendance.prefill_register(db, seed.meeting_id)
    assert len(again) == 13
    assert _by_name(db, seed.meeting_id)["Bellamy"].status == AttendanceStatus.PRESENT


def test_each_mark_is_one_call_and_is_stored(db, seed) -> None:  # type: ignore[no-untyped-def]
    register = {r.last_name: r for r in attendance.prefill_register(db, seed.meeting_id)}
    change = attendance.set_present(db, register["Burnett"].id)
    assert change.before.status == AttendanceStatus.ABSENT
    assert change.after.status == AttendanceStatus.PRESENT and not change.after.remote
    assert attendance.set_present(db, register["Hare"].id, remote=True).after.remote
    assert attendance.set_apologies(db, register["Watts"].id).after.status == AttendanceStatus.APOLOGIES
    assert attendance.set_absent(db, register["Watts"].id).after.status == AttendanceStatus.ABSENT
    sub = attendance.set_substitute(db, register["Sexton"].id, register["Bellamy"].person_id).after
    assert sub.status == AttendanceStatus.SUBSTITUTE
    assert sub.substitute_for_name == "Nigel Bellamy"
    assert sub.is_present
    # Back to present clears the substitution (the database insists on it).
    assert attendance.set_present(db, register["Sexton"].id).after.substitute_for_id is None
    with pytest.raises(ValidationError):
        attendance.set_substitute(db, register["Sexton"].id, register["Sexton"].person_id)
    stored = _by_name(db, seed.meeting_id)
    assert stored["Burnett"].status == AttendanceStatus.PRESENT
    assert stored["Hare"].remote


def test_one_person_in_the_chair_at_a_time(db, seed) -> None:  # type: ignore[no-untyped-def]
    register = {r.last_name: r for r in attendance.prefill_register(db, seed.meeting_id)}
    changes = attendance.set_in_chair(db, register["Hardy"].id)
    assert changes[-1].after.in_chair and changes[-1].after.status == AttendanceStatus.PRESENT
    changes = attendance.set_in_chair(db, register["Robson"].id)
    assert [c.after.last_name for c in changes] == ["Hardy", "Robson"]
    stored = _by_name(db, seed.meeting_id)
    assert [r.last_name for r in stored.values() if r.in_chair] == ["Robson"]
    # Sending apologies takes someone out of the chair.
    attendance.set_apologies(db, register["Robson"].id)
    assert not any(r.in_chair for r in attendance.list_attendance(db, seed.meeting_id))


def test_also_present_and_new_person_on_the_spot(db, seed) -> None:  # type: ignore[no-untyped-def]
    attendance.prefill_register(db, seed.meeting_id)
    change = attendance.add_also_present(
        db, seed.meeting_id, seed.person_ids["Martlew"], "Localities Service Manager"
    )
    assert change.after.also_present and change.after.capacity == "Localities Service Manager"
    with pytest.raises(ValidationError):
        attendance.add_also_present(db, seed.meeting_id, seed.person_ids["Martlew"])
    person, added = attendance.add_new_person_also_present(
        db,
        seed.meeting_id,
        PersonPatch(title="Ms", first_name="Mary", last_name="Mason"),
        capacity="Presenter",
    )
    assert person.last_name == "Mason" and added.after.person_id == person.id
    assert people.get_person(db, person.id).first_name == "Mary"
    with pytest.raises(ValidationError):
        attendance.add_new_person_also_present(db, seed.meeting_id, PersonPatch(last_name="  "))
    # Officers cannot send apologies: they are removed instead.
    with pytest.raises(ValidationError):
        attendance.set_apologies(db, added.after.id)
    removed = attendance.remove_attendance(db, added.after.id)
    assert person.id not in {r.person_id for r in attendance.list_attendance(db, seed.meeting_id)}
    attendance.restore_attendance(db, removed.before)
    assert person.id in {r.person_id for r in attendance.list_attendance(db, seed.meeting_id)}


def test_arrivals_and_departures_with_time_and_item(db, seed) -> None:  # type: ignore[no-untyped-def]
    register = {r.last_name: r for r in attendance.prefill_register(db, seed.meeting_id)}
    attendance.set_present(db, register["White"].id)
    arrived = attendance_times.set_arrival(db, register["White"].id, time(10, 25, 41), seed.item_ids[4]).after
    assert arrived.arrived_at == time(10, 25) and arrived.arrived_item_number == 5
    left = attendance_times.set_departure(db, register["White"].id, time(11, 40), seed.item_ids[8]).after
    assert left.left_at == time(11, 40) and left.left_item_number == 9
    cleared = attendance_times.set_departure(db, register["White"].id, None, None).after
    assert cleared.left_at is None and cleared.left_item_id is None
    with pytest.raises(ValidationError):
        attendance_times.set_arrival(db, register["White"].id, time(10, 0), 999_999)


def test_register_sorted_as_the_minutes_print_it(db, seed) -> None:  # type: ignore[no-untyped-def]
    take_register(db, seed)
    attendance.add_also_present(
        db,
        seed.meeting_id,
        people.create_person(db, PersonPatch(first_name="Ian", last_name="Barton")).after.id,
    )
    names = [(r.group, r.name) for r in attendance.list_attendance(db, seed.meeting_id)]
    assert names[0] == (0, "Councillor Hardy")
    assert [n for g, n in names if g == 1] == [
        "Simon Burnett",
        "Risthardh Hare",
        "Kevin Hollis",
        "Superintendent Graeme Robson",
        "Rosanna Stanley",
        "Chief Inspector Tracy Trubshaw",
        "Chris White",
        "Steven Martlew",
    ]
    assert [n for g, n in names if g == 2] == ["Ian Barton"]
    assert [n for g, n in names if g == 3] == [
        "Nigel Bellamy",
        "Neil Frackleton",
        "Siobhan Grainger",
        "Kevin Sexton",
        "Andrea Watts",
        "Janette Maxwell",
    ]
    assert [g for g, _ in names] == sorted(g for g, _ in names)
    # The undo of any change: the whole entry back as it was.
    hare = next(r for r in attendance.list_attendance(db, seed.meeting_id) if r.last_name == "Hare")
    change = attendance.set_apologies(db, hare.id)
    attendance.update_attendance(db, hare.id, change.before)
    assert next(r for r in attendance.list_attendance(db, seed.meeting_id) if r.last_name == "Hare") == hare
