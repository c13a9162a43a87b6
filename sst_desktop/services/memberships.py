"""Who sits on a committee, in which role, for which period.

Rules: a person's periods on one committee never overlap, and a committee has one Chair at a time.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from sst_desktop.domain import Committee, Membership, Person
from sst_desktop.domain.enums import MembershipRole
from sst_desktop.services.errors import NotFoundError, ValidationError
from sst_desktop.services.records import Change, MembershipRecord
from sst_desktop.services.validation import optional
from sst_desktop.storage.engine import Database


def to_record(membership: Membership) -> MembershipRecord:
    person = membership.person
    return MembershipRecord(
        id=membership.id,
        committee_id=membership.committee_id,
        person_id=membership.person_id,
        person_name=" ".join(p for p in (person.first_name, person.last_name) if p),
        person_title=person.title,
        person_sort_key=(person.last_name.casefold(), person.first_name.casefold()),
        organisation_name=person.organisation.name if person.organisation else "",
        role=membership.role,
        start_date=membership.start_date,
        end_date=membership.end_date,
        representing=membership.representing,
    )


def list_memberships(
    db: Database, committee_id: int, *, on: date | None = None, include_past: bool = False
) -> list[MembershipRecord]:
    """Members of a committee: current ones on ``on`` (today by default), or every period with
    ``include_past``. Chair first, then Vice-Chair, then by surname."""
    on = on or date.today()
    with db.read() as session:
        rows = session.scalars(
            select(Membership)
            .options(joinedload(Membership.person).joinedload(Person.organisation))
            .where(Membership.committee_id == committee_id)
        ).all()
        records = [to_record(m) for m in rows]
    if not include_past:
        records = [r for r in records if r.is_current(on)]
    order = list(MembershipRole)
    return sorted(records, key=lambda r: (order.index(r.role), r.person_sort_key, r.start_date))


def list_person_memberships(
    db: Database, person_id: int, *, on: date | None = None, include_past: bool = False
) -> list[MembershipRecord]:
    """The committees a person sits on (current on ``on``, or every period with ``include_past``)."""
    on = on or date.today()
    with db.read() as session:
        rows = session.scalars(
            select(Membership)
            .options(joinedload(Membership.person).joinedload(Person.organisation))
            .where(Membership.person_id == person_id)
        ).all()
        records = [to_record(m) for m in rows]
    if not include_past:
        records = [r for r in records if r.is_current(on)]
    return sorted(records, key=lambda r: (not r.is_current(on), r.committee_id, r.start_date))


def add_membership(
    db: Database,
    committee_id: int,
    person_id: int,
    *,
    role: MembershipRole = MembershipRole.MEMBER,
    start_date: date | None = None,
    end_date: date | None = None,
    representing: str = "",
) -> Change[MembershipRecord]:
    start = start_date or date.today()
    with db.write() as session:
        if session.get(Committee, committee_id) is None:
            raise NotFoundError(f"There is no committee with id {committee_id}.")
        if session.get(Person, person_id) is None:
            raise NotFoundError(f"There is no person with id {person_id}.")
        membership = Membership(
            committee_id=committee_id,
            person_id=person_id,
            role=MembershipRole(role),
            start_date=start,
            end_date=end_date,
            representing=optional(representing, "Representing", max_length=200),
        )
        _check(session, membership)
        session.add(membership)
        session.flush()
        return Change(None, to_record(_get(session, membership.id)))


def update_membership(db: Database, membership_id: int, **fields: object) -> Change[MembershipRecord]:
    """Change ``role``, ``start_date``, ``end_date`` or ``representing`` of one period."""
    allowed = {"role", "start_date", "end_date", "representing"}
    if set(fields) - allowed:
        raise ValidationError(f"Unknown membership field(s): {', '.join(sorted(set(fields) - allowed))}.")
    with db.write() as session:
        membership = _get(session, membership_id)
        before = to_record(membership)
        if "role" in fields:
            membership.role = MembershipRole(str(fields["role"]))
        if "start_date" in fields:
            membership.start_date = fields["start_date"]  # type: ignore[assignment]
        if "end_date" in fields:
            membership.end_date = fields["end_date"]  # type: ignore[assignment]
        if "representing" in fields:
            membership.representing = optional(str(fields["representing"]), "Representing", max_length=200)
        _check(session, membership)
        session.flush()
        return Change(before, to_record(membership))


def end_membership(db: Database, membership_id: int, on: date | None = None) -> Change[MembershipRecord]:
    return update_membership(db, membership_id, end_date=on or date.today())


def set_chair(db: Database, membership_id: int, on: date | None = None) -> list[Change[MembershipRecord]]:
    """Make this member the Chair from ``on``; the current Chair, if any, becomes a Member.

    Returns every membership changed, so the caller can refresh and undo both.
    """
    on = on or date.today()
    changes: list[Change[MembershipRecord]] = []
    with db.write() as session:
        membership = _get(session, membership_id)
        current = session.scalars(
            select(Membership).where(
                Membership.committee_id == membership.committee_id,
                Membership.role == MembershipRole.CHAIR,
                Membership.id != membership.id,
            )
        ).all()
        for chair in current:
            if chair.start_date <= on and (chair.end_date is None or chair.end_date >= on):
                before = to_record(chair)
                chair.role = MembershipRole.MEMBER
                changes.append(Change(before, to_record(chair)))
        session.flush()
        before = to_record(membership)
        membership.role = MembershipRole.CHAIR
        _check(session, membership)
        session.flush()
        changes.append(Change(before, to_record(membership)))
    return changes


def restore_membership(db: Database, record: MembershipRecord) -> Change[MembershipRecord]:
    """Put a membership back as ``record`` describes it (undo)."""
    return update_membership(
        db,
        record.id,
        role=record.role,
        start_date=record.start_date,
        end_date=record.end_date,
        representing=record.representing,
    )


def recreate_membership(db: Database, record: MembershipRecord) -> Change[MembershipRecord]:
    """Put back a membership removed by ``delete_membership``, with the same id (redo of an addition)."""
    with db.write() as session:
        if session.get(Membership, record.id) is not None:
            raise ValidationError("That membership already exists.")
        if session.get(Committee, record.committee_id) is None:
            raise NotFoundError(f"There is no committee with id {record.committee_id}.")
        if session.get(Person, record.person_id) is None:
            raise NotFoundError(f"There is no person with id {record.person_id}.")
        membership = Membership(
            id=record.id,
            committee_id=record.committee_id,
            person_id=record.person_id,
            role=MembershipRole(record.role),
            start_date=record.start_date,
            end_date=record.end_date,
            representing=optional(record.representing, "Representing", max_length=200),
        )
        _check(session, membership)
        session.add(membership)
        session.flush()
        return Change(None, to_record(_get(session, membership.id)))


def delete_membership(db: Database, membership_id: int) -> Change[MembershipRecord]:
    with db.write() as session:
        membership = _get(session, membership_id)
        before = to_record(membership)
        session.delete(membership)
        return Change(before, None)


def _get(session: Session, membership_id: int) -> Membership:
    membership = session.get(
        Membership, membership_id, options=[joinedload(Membership.person).joinedload(Person.organisation)]
    )
    if membership is None:
        raise NotFoundError(f"There is no membership with id {membership_id}.")
    return membership


def _overlaps(a_start: date, a_end: date | None, b_start: date, b_end: date | None) -> bool:
    far = date.max - timedelta(days=1)
    return a_start <= (b_end or far) and b_start <= (a_end or far)


def _check(session: Session, membership: Membership) -> None:
    if membership.end_date is not None and membership.end_date < membership.start_date:
        raise ValidationError("A membership cannot end before it starts.", field="end_date")
    others = session.scalars(
        select(Membership)
        .options(joinedload(Membership.person))
        .where(Membership.committee_id == membership.committee_id)
    ).all()
    for other in others:
        if other is membership or (membership.id is not None and other.id == membership.id):
            continue
        if not _overlaps(membership.start_date, membership.end_date, other.start_date, other.end_date):
            continue
        if other.person_id == membership.person_id:
            raise ValidationError(
                f"{_name(other.person)} is already a member of this committee from "
                f"{other.start_date:%d/%m/%Y}{_until(other.end_date)}; periods cannot overlap.",
                field="start_date",
            )
        if membership.role == MembershipRole.CHAIR and other.role == MembershipRole.CHAIR:
            raise ValidationError(
                f"{_name(other.person)} is Chair from {other.start_date:%d/%m/%Y}{_until(other.end_date)}; "
                "a committee has one Chair at a time. Use “Make Chair” to hand over the chair.",
                field="role",
            )


def _name(person: Person) -> str:
    return " ".join(p for p in (person.title, person.first_name, person.last_name) if p)


def _until(end: date | None) -> str:
    return f" to {end:%d/%m/%Y}" if end else ""
