"""Who sits on a committee, in which role, for which period.

Rules: a person's periods on one committee never overlap, and a committee has one Chair at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import cast

from sqlalchemy import ColumnElement, Table, select
from sqlalchemy.orm import Session, joinedload

from sst_desktop.domain import Committee, Membership, Organisation, Person
from sst_desktop.domain.enums import MembershipRole
from sst_desktop.domain.patch import UNSET, Unset, given, reverting
from sst_desktop.services.errors import NotFoundError, ValidationError
from sst_desktop.services.outcome import Changed, Outcome, Undoable, combined
from sst_desktop.services.records import Change, MembershipRecord
from sst_desktop.services.validation import optional
from sst_desktop.storage.engine import Database

# Read with Core over the tables, never by loading ``Membership`` objects: the chosen committee's
# members are on the first screen, and a Core query needs no mapper configuration before it paints.
_MEMBERSHIPS = cast("Table", Membership.__table__)
_PEOPLE = cast("Table", Person.__table__)
_ORGANISATIONS = cast("Table", Organisation.__table__)


def _records(session: Session, *conditions: ColumnElement[bool]) -> list[MembershipRecord]:
    """The membership periods that meet ``conditions``, with their person and organisation."""
    m, person, organisation = _MEMBERSHIPS.c, _PEOPLE.c, _ORGANISATIONS.c
    query = (
        select(
            m.id,
            m.committee_id,
            m.person_id,
            m.role,
            m.start_date,
            m.end_date,
            m.representing,
            person.title,
            person.first_name,
            person.last_name,
            person.known_as,
            organisation.name.label("organisation_name"),
        )
        .select_from(
            _MEMBERSHIPS.join(_PEOPLE, m.person_id == person.id).outerjoin(
                _ORGANISATIONS, person.organisation_id == organisation.id
            )
        )
        .where(*conditions)
    )
    return [
        MembershipRecord(
            id=row.id,
            committee_id=row.committee_id,
            person_id=row.person_id,
            person_name=" ".join(p for p in (row.known_as or row.first_name, row.last_name) if p),
            person_title=row.title,
            person_sort_key=(row.last_name.casefold(), row.first_name.casefold()),
            organisation_name=row.organisation_name or "",
            role=row.role,
            start_date=row.start_date,
            end_date=row.end_date,
            representing=row.representing,
            person_last_name=row.last_name,
        )
        for row in session.execute(query)
    ]


def _record(session: Session, membership_id: int) -> MembershipRecord:
    """One membership period as it is in the database (flushed changes included)."""
    found = _records(session, _MEMBERSHIPS.c.id == membership_id)
    if not found:
        raise NotFoundError(f"There is no membership with id {membership_id}.")
    return found[0]


def list_memberships(
    db: Database, committee_id: int, *, on: date | None = None, include_past: bool = False
) -> list[MembershipRecord]:
    """Members of a committee: current ones on ``on`` (today by default), or every period with
    ``include_past``. Chair first, then Vice-Chair, then by surname."""
    on = on or date.today()
    with db.read() as session:
        records = _records(session, _MEMBERSHIPS.c.committee_id == committee_id)
    if not include_past:
        records = [r for r in records if r.is_current(on)]
    order = list(MembershipRole)
    return sorted(records, key=lambda r: (order.index(r.role), r.person_sort_key, r.start_date, r.id))


def list_person_memberships(
    db: Database, person_id: int, *, on: date | None = None, include_past: bool = False
) -> list[MembershipRecord]:
    """The committees a person sits on (current on ``on``, or every period with ``include_past``)."""
    on = on or date.today()
    with db.read() as session:
        records = _records(session, _MEMBERSHIPS.c.person_id == person_id)
    if not include_past:
        records = [r for r in records if r.is_current(on)]
    return sorted(records, key=lambda r: (not r.is_current(on), r.committee_id, r.start_date, r.id))


@dataclass(frozen=True)
class MembershipPatch:
    """The fields of one membership period an edit sets (see ``patch``)."""

    role: MembershipRole | Unset = UNSET
    start_date: date | Unset = UNSET
    end_date: date | Unset | None = UNSET
    representing: str | Unset = UNSET


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
    """Someone joins a committee; undo removes the membership again."""
    values = _validated(
        {
            "role": role,
            "start_date": start_date or date.today(),
            "end_date": end_date,
            "representing": representing,
        }
    )
    with db.write() as session:
        if session.get(Committee, committee_id) is None:
            raise NotFoundError(f"There is no committee with id {committee_id}.")
        if session.get(Person, person_id) is None:
            raise NotFoundError(f"There is no person with id {person_id}.")
        membership = Membership(committee_id=committee_id, person_id=person_id, **values)
        _check(session, membership)
        session.add(membership)
        session.flush()
        return _added(_record(session, membership.id))


def update_membership(db: Database, membership_id: int, patch: MembershipPatch) -> Change[MembershipRecord]:
    """Change the role, dates or ``representing`` of one period; undo puts back what they were."""
    values = _validated(given(patch))
    with db.write() as session:
        membership = _get(session, membership_id)
        before = _record(session, membership_id)
        for key, value in values.items():
            setattr(membership, key, value)
        _check(session, membership)
        session.flush()
        revert = reverting(patch, before)
        return Change(
            before,
            _record(session, membership_id),
            Changed.MEMBERSHIPS,
            lambda db: update_membership(db, membership_id, revert),
        )


def end_membership(db: Database, membership_id: int, on: date | None = None) -> Change[MembershipRecord]:
    return update_membership(db, membership_id, MembershipPatch(end_date=on or date.today()))


def set_chair(
    db: Database, membership_id: int, on: date | None = None
) -> Outcome[list[Change[MembershipRecord]]]:
    """Make this member the Chair from ``on``; the current Chair, if any, becomes a Member.

    One step: the value lists every membership changed, and undo hands the chair back in one
    transaction.
    """
    on = on or date.today()
    with db.write() as session:
        membership = _get(session, membership_id)
        chairs = session.scalars(
            select(Membership).where(
                Membership.committee_id == membership.committee_id,
                Membership.role == MembershipRole.CHAIR,
                Membership.id != membership.id,
            )
        ).all()
        changes = [
            update_membership(db, chair.id, MembershipPatch(role=MembershipRole.MEMBER))
            for chair in chairs
            if chair.start_date <= on and (chair.end_date is None or chair.end_date >= on)
        ]
        changes.append(update_membership(db, membership_id, MembershipPatch(role=MembershipRole.CHAIR)))
        steps: list[Undoable] = [*changes]
        return combined(steps, changes)


def recreate_membership(db: Database, record: MembershipRecord) -> Change[MembershipRecord]:
    """Put back a membership removed by ``delete_membership``, with the same id (redo of an addition)."""
    values = _validated(
        {
            "role": record.role,
            "start_date": record.start_date,
            "end_date": record.end_date,
            "representing": record.representing,
        }
    )
    with db.write() as session:
        if session.get(Membership, record.id) is not None:
            raise ValidationError("That membership already exists.")
        if session.get(Committee, record.committee_id) is None:
            raise NotFoundError(f"There is no committee with id {record.committee_id}.")
        if session.get(Person, record.person_id) is None:
            raise NotFoundError(f"There is no person with id {record.person_id}.")
        membership = Membership(
            id=record.id, committee_id=record.committee_id, person_id=record.person_id, **values
        )
        _check(session, membership)
        session.add(membership)
        session.flush()
        return _added(_record(session, membership.id))


def delete_membership(db: Database, membership_id: int) -> Change[MembershipRecord]:
    """Remove a membership entered by mistake; undo puts it back (same id)."""
    with db.write() as session:
        membership = _get(session, membership_id)
        before = _record(session, membership_id)
        session.delete(membership)
        return Change(before, None, Changed.MEMBERSHIPS, lambda db: recreate_membership(db, before))


def _added(record: MembershipRecord) -> Change[MembershipRecord]:
    return Change(None, record, Changed.MEMBERSHIPS, lambda db: delete_membership(db, record.id))


def _validated(fields: dict[str, object]) -> dict[str, object]:
    """The fields given, checked and cleaned: the one place a membership's values are validated."""
    values: dict[str, object] = {}
    if "role" in fields:
        role = fields["role"]
        try:
            values["role"] = role if isinstance(role, MembershipRole) else MembershipRole(str(role))
        except ValueError as error:
            raise ValidationError(f"“{fields['role']}” is not a membership role.", field="role") from error
    for key, label in (("start_date", "The start date"), ("end_date", "The end date")):
        if key in fields:
            value = fields[key]
            if not isinstance(value, date) and (key == "start_date" or value is not None):
                raise ValidationError(f"{label} must be a date.", field=key)
            values[key] = value
    if "representing" in fields:
        value = fields["representing"]
        values["representing"] = optional(
            "" if value is None else str(value), "Representing", field="representing", max_length=200
        )
    return values


def _get(session: Session, membership_id: int) -> Membership:
    membership = session.get(Membership, membership_id)
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
