"""The attendance register of a committee: its members by its meetings, and each member's rate.

Meetings count when their register was taken. A member's rate counts those meetings held while they
were a member: present (in the room or remotely)
over expected. A member who sent a substitute is shown so ("Substitute: Jane Doe") and the
substitute's own row says whom they stood in for. Officers and guests ("also present") are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import aliased

from sst_desktop.domain import Attendance, Meeting, Membership, Organisation, Person
from sst_desktop.domain.enums import AttendanceStatus, MeetingStatus, MembershipRole
from sst_desktop.domain.name_search import name_key
from sst_desktop.services.committees import get_committee
from sst_desktop.services.records import CommitteeRecord
from sst_desktop.storage.engine import Database

# Own labels: the shared enum labels are keyed by value, and "apologies" there names the agenda item.
STATUS_LABELS = {
    AttendanceStatus.PRESENT: "Present",
    AttendanceStatus.APOLOGIES: "Apologies",
    AttendanceStatus.ABSENT: "Absent",
    AttendanceStatus.SUBSTITUTE: "Substitute",
}


@dataclass(frozen=True)
class RegisterMeeting:
    id: int
    date: date


@dataclass(frozen=True)
class RegisterCell:
    status: AttendanceStatus | None  # None: not recorded / not a member then
    expected: bool  # a member on that date
    note: str = ""  # "Substitute for …", "Substitute: …", "remote"

    @property
    def text(self) -> str:
        if self.status is None:
            return "" if not self.expected else "Not recorded"
        label = STATUS_LABELS[self.status]
        return f"{label} ({self.note})" if self.note else label


@dataclass(frozen=True)
class RegisterRow:
    person_id: int
    name: str
    organisation: str
    role: str  # "Chair", "Member", "Substitute"
    is_member: bool
    cells: tuple[RegisterCell, ...]

    @property
    def expected(self) -> int:
        return sum(1 for c in self.cells if c.expected)

    def count(self, status: AttendanceStatus) -> int:
        return sum(1 for c in self.cells if c.status is status)

    @property
    def substituted(self) -> int:
        """Meetings where someone substituted for this member."""
        return sum(1 for c in self.cells if c.note.startswith("Substitute:"))

    @property
    def rate(self) -> float | None:
        """Present over expected (None when no meeting was expected)."""
        if not self.expected:
            return None
        present = sum(1 for c in self.cells if c.expected and c.status is AttendanceStatus.PRESENT)
        return present / self.expected


@dataclass(frozen=True)
class AttendanceRegister:
    committee: CommitteeRecord
    meetings: tuple[RegisterMeeting, ...]
    rows: tuple[RegisterRow, ...]


def attendance_register(
    db: Database, committee_id: int, *, since: date | None = None, until: date | None = None
) -> AttendanceRegister:
    """Members (then substitutes and guests) by the committee's meetings between ``since`` and
    ``until`` whose register was taken."""
    committee = get_committee(db, committee_id)
    with db.read() as session:
        query = (
            select(Meeting.id, Meeting.date)
            .where(Meeting.committee_id == committee_id)
            .where(Meeting.status.not_in([MeetingStatus.CANCELLED, MeetingStatus.POSTPONED]))
            .order_by(Meeting.date, Meeting.id)
        )
        if since is not None:
            query = query.where(Meeting.date >= since)
        if until is not None:
            query = query.where(Meeting.date <= until)
        meetings = [RegisterMeeting(mid, when) for mid, when in session.execute(query)]
        meeting_ids = [m.id for m in meetings]
        taken: set[int] = set()
        for i in range(0, len(meeting_ids), 500):
            taken.update(
                session.scalars(
                    select(Attendance.meeting_id).where(Attendance.meeting_id.in_(meeting_ids[i : i + 500]))
                ).all()
            )
        # only meetings whose register was taken: a meeting without one says nothing about attendance
        meetings = [m for m in meetings if m.id in taken]
        index = {m.id: i for i, m in enumerate(meetings)}

        people: dict[int, tuple[str, str]] = {}
        org = aliased(Organisation)
        for pid, title, first, last, org_name in session.execute(
            select(Person.id, Person.title, Person.first_name, Person.last_name, org.name).outerjoin(
                org, org.id == Person.organisation_id
            )
        ):
            people[pid] = (" ".join(p for p in (title, first, last) if p), org_name or "")

        role: MembershipRole | None  # below also a person's role on a meeting's day, if any
        status: AttendanceStatus | None  # below also a register cell's, which may be empty
        periods: dict[int, list[tuple[date, date | None, MembershipRole]]] = {}
        for pid, start, end, role in session.execute(
            select(Membership.person_id, Membership.start_date, Membership.end_date, Membership.role).where(
                Membership.committee_id == committee_id
            )
        ):
            periods.setdefault(pid, []).append((start, end, role))

        records: dict[tuple[int, int], tuple[AttendanceStatus, bool, int | None]] = {}
        for i in range(0, len(meeting_ids), 500):
            for mid, pid, status, remote, sub_for, also in session.execute(
                select(
                    Attendance.meeting_id,
                    Attendance.person_id,
                    Attendance.status,
                    Attendance.remote,
                    Attendance.substitute_for_id,
                    Attendance.also_present,
                ).where(Attendance.meeting_id.in_(meeting_ids[i : i + 500]))
            ):
                if mid in index and not also:
                    records[(mid, pid)] = (status, bool(remote), sub_for)

    substitutes_for: dict[tuple[int, int], int] = {
        (mid, sub_for): pid for (mid, pid), (status, _, sub_for) in records.items() if sub_for is not None
    }

    def member_on(pid: int, when: date) -> MembershipRole | None:
        for start, end, role in periods.get(pid, ()):
            if start <= when and (end is None or end >= when):
                return role
        return None

    rows: list[RegisterRow] = []
    attendees = {pid for (_, pid) in records}
    for pid in set(periods) | attendees:
        cells: list[RegisterCell] = []
        roles: list[MembershipRole] = []
        for meeting in meetings:
            role = member_on(pid, meeting.date)
            if role is not None:
                roles.append(role)
            found = records.get((meeting.id, pid))
            note = ""
            status = found[0] if found else None
            if found and found[1] and status is AttendanceStatus.PRESENT:
                note = "remote"
            if found and found[2] is not None:
                note = f"for {people.get(found[2], ('?', ''))[0]}"
            stand_in = substitutes_for.get((meeting.id, pid))
            if stand_in is not None:
                note = f"Substitute: {people.get(stand_in, ('?', ''))[0]}"
                if status is None:
                    status = AttendanceStatus.APOLOGIES
            cells.append(RegisterCell(status, role is not None, note))
        is_member = bool(roles) or pid in periods
        if not any(c.expected or c.status is not None for c in cells) and not is_member:
            continue
        if not roles and not any(c.status is not None for c in cells):
            continue  # a member only outside the period asked for
        role_label = (
            roles[-1].label
            if roles
            else ("Substitute" if any(c.note.startswith("for ") for c in cells) else "Guest")
        )
        name, organisation = people.get(pid, ("?", ""))
        rows.append(RegisterRow(pid, name, organisation, role_label, bool(roles), tuple(cells)))

    order = {r: i for i, r in enumerate(MembershipRole)}

    def key(row: RegisterRow) -> tuple:
        rank = next((order[r] for r in MembershipRole if r.label == row.role), len(order))
        return (not row.is_member, rank, _surname(row.name), row.name.casefold())

    rows.sort(key=key)
    return AttendanceRegister(committee=committee, meetings=tuple(meetings), rows=tuple(rows))


def _surname(name: str) -> str:
    parts = name.split()
    return name_key(parts[-1]) if parts else ""
