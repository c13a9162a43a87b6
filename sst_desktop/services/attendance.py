"""The register of a meeting: who was present (in the room or remotely), who sent apologies, who was
absent, who substituted for whom, who was in the Chair, who else was present, and who came late or
left early.

The register is pre-filled from the committee's members on the meeting date. Every change is one
call and is refused once the minutes are confirmed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import time

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from sst_desktop.domain import AgendaItem, Attendance, Meeting, Person
from sst_desktop.domain.enums import AttendanceStatus
from sst_desktop.services import memberships, people
from sst_desktop.services.errors import NotFoundError, ValidationError
from sst_desktop.services.guards import ensure_minutes_editable
from sst_desktop.services.outcome import Changed, Outcome, combined
from sst_desktop.services.people import PersonPatch
from sst_desktop.services.records import Change, PersonRecord
from sst_desktop.services.validation import optional
from sst_desktop.storage.engine import Database

# Titles that the minutes leave out ("Simon Burnett", not "Mr Simon Burnett").
COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "mr.", "mrs.", "ms."})
COUNCILLOR_TITLES = frozenset({"councillor", "cllr", "cllr."})


def minutes_name(title: str, first_name: str, last_name: str) -> str:
    """A person as the minutes name them: "Councillor Hardy", "Superintendent Graeme Robson",
    "Simon Burnett"."""
    key = title.strip().casefold()
    if key in COUNCILLOR_TITLES:
        return f"Councillor {last_name}".strip()
    if key in COURTESY_TITLES or not key:
        name = " ".join(p for p in (first_name, last_name) if p)
        return name if first_name or not key else f"{title} {last_name}"
    return " ".join(p for p in (title, first_name, last_name) if p)


@dataclass(frozen=True)
class AttendanceRecord:
    id: int
    meeting_id: int
    person_id: int
    title: str
    first_name: str
    last_name: str
    organisation_name: str
    job_title: str
    status: AttendanceStatus
    remote: bool = False
    substitute_for_id: int | None = None
    substitute_for_name: str = ""
    in_chair: bool = False
    also_present: bool = False
    capacity: str = ""
    is_member: bool = True
    arrived_at: time | None = None
    arrived_item_id: int | None = None
    arrived_item_number: int | None = None
    left_at: time | None = None
    left_item_id: int | None = None
    left_item_number: int | None = None
    position: int = 0

    @property
    def name(self) -> str:
        """As the minutes print it."""
        return minutes_name(self.title, self.first_name, self.last_name)

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.title, self.first_name, self.last_name) if p)

    @property
    def is_present(self) -> bool:
        return self.status in (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE)

    @property
    def group(self) -> int:
        """0 in the Chair, 1 present, 2 also present, 3 apologies, 4 absent — the order the minutes print."""
        if self.in_chair:
            return 0
        if self.also_present:
            return 2
        if self.is_present:
            return 1
        return 3 if self.status == AttendanceStatus.APOLOGIES else 4


def _item_numbers(session: Session, meeting_id: int) -> dict[int, int]:
    ids = session.scalars(
        select(AgendaItem.id)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(AgendaItem.position, AgendaItem.id)
    ).all()
    return {item_id: index for index, item_id in enumerate(ids, 1)}


def to_record(
    row: Attendance, member_ids: set[int] | None = None, numbers: dict[int, int] | None = None
) -> AttendanceRecord:
    person = row.person
    sub = row.substitute_for
    numbers = numbers or {}
    return AttendanceRecord(
        id=row.id,
        meeting_id=row.meeting_id,
        person_id=row.person_id,
        title=person.title,
        first_name=person.known_as or person.first_name,
        last_name=person.last_name,
        organisation_name=person.organisation.name if person.organisation else "",
        job_title=person.job_title,
        status=row.status,
        remote=row.remote,
        substitute_for_id=row.substitute_for_id,
        substitute_for_name=minutes_name(sub.title, sub.known_as or sub.first_name, sub.last_name)
        if sub
        else "",
        in_chair=row.in_chair,
        also_present=row.also_present,
        capacity=row.capacity,
        is_member=(row.person_id in member_ids) if member_ids is not None else not row.also_present,
        arrived_at=row.arrived_at,
        arrived_item_id=row.arrived_item_id,
        arrived_item_number=numbers.get(row.arrived_item_id) if row.arrived_item_id else None,
        left_at=row.left_at,
        left_item_id=row.left_item_id,
        left_item_number=numbers.get(row.left_item_id) if row.left_item_id else None,
        position=row.position,
    )


def sort_key(record: AttendanceRecord) -> tuple[int, int, str, str, int]:
    return (
        record.group,
        record.position,
        record.last_name.casefold(),
        record.first_name.casefold(),
        record.id,
    )


def _rows(session: Session, meeting_id: int) -> list[Attendance]:
    return list(
        session.scalars(
            select(Attendance)
            .options(
                joinedload(Attendance.person).joinedload(Person.organisation),
                joinedload(Attendance.substitute_for),
            )
            .where(Attendance.meeting_id == meeting_id)
        ).unique()
    )


def _list(session: Session, meeting_id: int) -> list[AttendanceRecord]:
    numbers = _item_numbers(session, meeting_id)
    return sorted((to_record(r, numbers=numbers) for r in _rows(session, meeting_id)), key=sort_key)


def list_attendance(db: Database, meeting_id: int) -> list[AttendanceRecord]:
    """The register in the order the minutes print it: the Chair, members present, also present,
    apologies, absent; within each, the register's order (members by surname, then those added)."""
    with db.read() as session:
        if session.get(Meeting, meeting_id) is None:
            raise NotFoundError(f"There is no meeting with id {meeting_id}.")
        return _list(session, meeting_id)


def prefill_register(db: Database, meeting_id: int) -> list[AttendanceRecord]:
    """Put every member of the committee on the meeting date on the register (absent until marked),
    keeping what is already there. Returns the whole register."""
    with db.read() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFoundError(f"There is no meeting with id {meeting_id}.")
        committee_id, on = meeting.committee_id, meeting.date
        present_ids = set(
            session.scalars(select(Attendance.person_id).where(Attendance.meeting_id == meeting_id))
        )
    members = memberships.list_memberships(db, committee_id, on=on)
    missing = [m for m in members if m.person_id not in present_ids]
    if not missing:
        return list_attendance(db, meeting_id)
    missing.sort(key=lambda m: m.person_sort_key)
    with db.write() as session:
        ensure_minutes_editable(session, meeting_id)
        taken = set(session.scalars(select(Attendance.person_id).where(Attendance.meeting_id == meeting_id)))
        start = _next_position(session, meeting_id)
        for offset, member in enumerate(m for m in missing if m.person_id not in taken):
            session.add(
                Attendance(
                    meeting_id=meeting_id,
                    person_id=member.person_id,
                    status=AttendanceStatus.ABSENT,
                    position=start + offset,
                )
            )
        session.flush()
        return _list(session, meeting_id)


def _next_position(session: Session, meeting_id: int) -> int:
    top = session.scalar(select(func.max(Attendance.position)).where(Attendance.meeting_id == meeting_id))
    return 0 if top is None else top + 1


def _get(session: Session, attendance_id: int) -> Attendance:
    row = session.get(
        Attendance,
        attendance_id,
        options=[
            joinedload(Attendance.person).joinedload(Person.organisation),
            joinedload(Attendance.substitute_for),
        ],
    )
    if row is None:
        raise NotFoundError(f"There is no register entry with id {attendance_id}.")
    return row


def _record(session: Session, row: Attendance) -> AttendanceRecord:
    session.flush()
    session.refresh(row)
    return to_record(row, numbers=_item_numbers(session, row.meeting_id))


def edit_entry(
    db: Database, attendance_id: int, change: Callable[[Session, Attendance], None]
) -> Change[AttendanceRecord]:
    """Change one entry of the register in one transaction (refused once the minutes are confirmed)."""
    with db.write() as session:
        row = _get(session, attendance_id)
        ensure_minutes_editable(session, row.meeting_id)
        before = _record(session, row)
        change(session, row)
        return _changed(before, _record(session, row))


def _changed(before: AttendanceRecord, after: AttendanceRecord) -> Change[AttendanceRecord]:
    """An entry changed; undo sets every field back as it was (and its undo, forward again)."""
    return Change(before, after, Changed.ATTENDANCE, lambda db: update_attendance(db, before.id, before))


# ---------------------------------------------------------------------------------------------- status


def set_present(db: Database, attendance_id: int, *, remote: bool = False) -> Change[AttendanceRecord]:
    """Present in the room, or (``remote``) present remotely."""

    def change(session: Session, row: Attendance) -> None:
        row.status = AttendanceStatus.PRESENT
        row.substitute_for_id = None
        row.remote = bool(remote)

    return edit_entry(db, attendance_id, change)


def set_apologies(db: Database, attendance_id: int) -> Change[AttendanceRecord]:
    return _set_away(db, attendance_id, AttendanceStatus.APOLOGIES)


def set_absent(db: Database, attendance_id: int) -> Change[AttendanceRecord]:
    return _set_away(db, attendance_id, AttendanceStatus.ABSENT)


def _set_away(db: Database, attendance_id: int, status: AttendanceStatus) -> Change[AttendanceRecord]:
    def change(session: Session, row: Attendance) -> None:
        if row.also_present:
            raise ValidationError("Officers and guests are listed as also present; remove them instead.")
        row.status = status
        row.substitute_for_id = None
        row.remote = False
        row.in_chair = False

    return edit_entry(db, attendance_id, change)


def set_substitute(db: Database, attendance_id: int, for_person_id: int) -> Change[AttendanceRecord]:
    """Present as substitute for another member (who is marked as having sent apologies if unmarked)."""

    def change(session: Session, row: Attendance) -> None:
        if for_person_id == row.person_id:
            raise ValidationError("Nobody can substitute for themselves.", field="substitute_for_id")
        if session.get(Person, for_person_id) is None:
            raise NotFoundError(f"There is no person with id {for_person_id}.")
        row.status = AttendanceStatus.SUBSTITUTE
        row.substitute_for_id = for_person_id
        row.also_present = False

    return edit_entry(db, attendance_id, change)


def set_remote(db: Database, attendance_id: int, remote: bool) -> Change[AttendanceRecord]:
    def change(session: Session, row: Attendance) -> None:
        if not (row.status in (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE) or row.also_present):
            raise ValidationError("Only someone present can attend remotely.")
        row.remote = bool(remote)

    return edit_entry(db, attendance_id, change)


def set_in_chair(db: Database, attendance_id: int, in_chair: bool = True) -> list[Change[AttendanceRecord]]:
    """Put this person in the Chair (one at a time: whoever was there is no longer). Marks them present.

    Returns every entry changed, so the caller can refresh and undo both."""
    changes: list[Change[AttendanceRecord]] = []
    with db.write() as session:
        row = _get(session, attendance_id)
        ensure_minutes_editable(session, row.meeting_id)
        if in_chair:
            for other in session.scalars(
                select(Attendance).where(
                    Attendance.meeting_id == row.meeting_id,
                    Attendance.in_chair.is_(True),
                    Attendance.id != row.id,
                )
            ).all():
                before = _record(session, other)
                other.in_chair = False
                changes.append(_changed(before, _record(session, other)))
        before = _record(session, row)
        row.in_chair = bool(in_chair)
        if in_chair and row.status not in (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE):
            row.status = AttendanceStatus.PRESENT
            row.substitute_for_id = None
        changes.append(_changed(before, _record(session, row)))
    return changes


def take_the_chair(db: Database, attendance_id: int, in_chair: bool = True) -> Outcome[AttendanceRecord]:
    """``set_in_chair`` as one step: the entry now (not) in the Chair; undo puts back everyone it
    changed, in one transaction."""
    changes = set_in_chair(db, attendance_id, in_chair)
    after = changes[-1].after
    assert after is not None
    return combined(list(changes), after)


# ---------------------------------------------------------------------------------------------- people


def add_attendee(
    db: Database,
    meeting_id: int,
    person_id: int,
    *,
    also_present: bool = True,
    capacity: str = "",
    status: AttendanceStatus = AttendanceStatus.PRESENT,
) -> Change[AttendanceRecord]:
    """Add someone to the register: an officer, presenter or guest (``also_present``), or a member
    who is not on the committee's list (``also_present=False``)."""
    capacity = optional(capacity, "The capacity", field="capacity", max_length=200)
    status = AttendanceStatus(status)
    if status == AttendanceStatus.SUBSTITUTE:
        raise ValidationError("Add the person first, then mark whom they substitute for.")
    with db.write() as session:
        ensure_minutes_editable(session, meeting_id)
        if session.get(Person, person_id) is None:
            raise NotFoundError(f"There is no person with id {person_id}.")
        existing = session.scalar(
            select(Attendance).where(Attendance.meeting_id == meeting_id, Attendance.person_id == person_id)
        )
        if existing is not None:
            raise ValidationError("This person is already on the register of this meeting.")
        row = Attendance(
            meeting_id=meeting_id,
            person_id=person_id,
            status=AttendanceStatus.PRESENT if also_present else status,
            also_present=bool(also_present),
            capacity=capacity,
            position=_next_position(session, meeting_id),
        )
        session.add(row)
        session.flush()
        return _added(_record(session, _get(session, row.id)))


def _added(record: AttendanceRecord) -> Change[AttendanceRecord]:
    return Change(None, record, Changed.ATTENDANCE, lambda db: remove_attendance(db, record.id))


def add_also_present(
    db: Database, meeting_id: int, person_id: int, capacity: str = ""
) -> Change[AttendanceRecord]:
    """An officer, presenter or guest who is not a member."""
    return add_attendee(db, meeting_id, person_id, also_present=True, capacity=capacity)


def add_new_person_also_present(
    db: Database, meeting_id: int, details: PersonPatch, *, capacity: str = ""
) -> tuple[PersonRecord, Change[AttendanceRecord]]:
    """Add someone to the directory on the spot and list them as also present."""
    with db.read() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFoundError(f"There is no meeting with id {meeting_id}.")
        ensure_minutes_editable(session, meeting_id)
    person = people.create_person(db, details).after
    assert person is not None
    try:
        change = add_also_present(db, meeting_id, person.id, capacity)
    except Exception:
        people.delete_person(db, person.id)
        raise
    return person, change


def set_capacity(db: Database, attendance_id: int, capacity: str) -> Change[AttendanceRecord]:
    value = optional(capacity, "The capacity", field="capacity", max_length=200)

    def change(session: Session, row: Attendance) -> None:
        row.capacity = value

    return edit_entry(db, attendance_id, change)


def remove_attendance(db: Database, attendance_id: int) -> Change[AttendanceRecord]:
    """Take someone off the register (an officer listed by mistake, a member who left the committee)."""
    with db.write() as session:
        row = _get(session, attendance_id)
        ensure_minutes_editable(session, row.meeting_id)
        before = _record(session, row)
        session.delete(row)
        return Change(before, None, Changed.ATTENDANCE, lambda db: restore_attendance(db, before))


def restore_attendance(db: Database, record: AttendanceRecord) -> Change[AttendanceRecord]:
    """Put back an entry exactly as it was, with its id (the undo of ``remove_attendance``)."""
    with db.write() as session:
        ensure_minutes_editable(session, record.meeting_id)
        existing = session.scalar(
            select(Attendance).where(
                Attendance.meeting_id == record.meeting_id, Attendance.person_id == record.person_id
            )
        )
        if existing is not None:
            raise ValidationError("This person is already on the register of this meeting.")
        row = Attendance(
            id=record.id if session.get(Attendance, record.id) is None else None,
            meeting_id=record.meeting_id,
            person_id=record.person_id,
            status=record.status,
            remote=record.remote,
            substitute_for_id=record.substitute_for_id,
            in_chair=record.in_chair,
            also_present=record.also_present,
            capacity=record.capacity,
            arrived_at=record.arrived_at,
            arrived_item_id=record.arrived_item_id,
            left_at=record.left_at,
            left_item_id=record.left_item_id,
            position=record.position,
        )
        session.add(row)
        session.flush()
        return _added(_record(session, _get(session, row.id)))


def update_attendance(db: Database, attendance_id: int, record: AttendanceRecord) -> Change[AttendanceRecord]:
    """Set every field of an entry from a record (the undo of any change above)."""

    def change(session: Session, row: Attendance) -> None:
        row.status = record.status
        row.substitute_for_id = record.substitute_for_id
        row.remote = record.remote
        row.in_chair = record.in_chair
        row.also_present = record.also_present
        row.capacity = record.capacity
        row.arrived_at = record.arrived_at
        row.arrived_item_id = record.arrived_item_id
        row.left_at = record.left_at
        row.left_item_id = record.left_item_id
        row.position = record.position

    return edit_entry(db, attendance_id, change)


def members_on(db: Database, meeting_id: int) -> set[int]:
    """Ids of the people who were members of the committee on the meeting date."""
    with db.read() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFoundError(f"There is no meeting with id {meeting_id}.")
        committee_id, on = meeting.committee_id, meeting.date
    return {m.person_id for m in memberships.list_memberships(db, committee_id, on=on)}
