"""Committees, boards, partnerships and working groups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from typing import cast

from sqlalchemy import ColumnElement, Table, func, select
from sqlalchemy.orm import Session

from sst_desktop.domain import Committee, CommitteeFormerName, Person
from sst_desktop.domain.enums import CommitteeKind
from sst_desktop.domain.patch import UNSET, Unset, given, reverting
from sst_desktop.services.errors import NotFoundError, ServiceError, ValidationError
from sst_desktop.services.guards import for_change, refuse_if_stale
from sst_desktop.services.outcome import Changed
from sst_desktop.services.records import Change, CommitteeRecord
from sst_desktop.services.references import describe, references_to
from sst_desktop.services.validation import as_text, optional, optional_id, required, whole_number
from sst_desktop.storage.engine import Database

COMMITTEE_FIELDS = (
    "name",
    "short_name",
    "kind",
    "parent_id",
    "description",
    "former_names",
    "default_venue",
    "default_start_time",
    "officer_id",
    "open_to_public",
    "uses_call_in",
    "municipal_year_start_month",
    "declarations_as_table",
)


# The records are read with Core over the tables, never by loading ``Committee`` objects: the
# committee list is the first screen, and a Core query needs no mapper configuration (all the
# domain's relationships resolved, some tens of milliseconds) before the window first paints.
_COMMITTEES = cast("Table", Committee.__table__)
_FORMER_NAMES = cast("Table", CommitteeFormerName.__table__)
_OFFICERS = cast("Table", Person.__table__)


def _records(session: Session, *conditions: ColumnElement[bool]) -> list[CommitteeRecord]:
    """The committees that meet ``conditions`` as records, by name (any case)."""
    c, officer, former = _COMMITTEES.c, _OFFICERS.c, _FORMER_NAMES.c
    query = (
        select(
            *(c[key] for key in _RECORD_COLUMNS),
            officer.first_name,
            officer.last_name,
            officer.telephone,
            officer.email,
        )
        .select_from(_COMMITTEES.outerjoin(_OFFICERS, c.officer_id == officer.id))
        .where(*conditions)
        .order_by(func.lower(c.name), c.id)
    )
    rows = session.execute(query).all()
    if not rows:
        return []
    names: dict[int, list[str]] = {}
    chosen = select(c.id).where(*conditions).scalar_subquery()
    for committee_id, name in session.execute(
        select(former.committee_id, former.name)
        .where(former.committee_id.in_(chosen))
        .order_by(former.committee_id, former.position, former.id)
    ):
        names.setdefault(committee_id, []).append(name)
    return [
        CommitteeRecord(
            **{key: getattr(row, key) for key in _RECORD_COLUMNS},
            former_names=tuple(names.get(row.id, ())),
            officer_name=" ".join(p for p in (row.first_name, row.last_name) if p) if row.officer_id else "",
            officer_telephone=row.telephone or "",
            officer_email=row.email or "",
        )
        for row in rows
    ]


_RECORD_COLUMNS = (
    "id",
    "name",
    "short_name",
    "kind",
    "parent_id",
    "description",
    "default_venue",
    "default_start_time",
    "officer_id",
    "open_to_public",
    "uses_call_in",
    "declarations_as_table",
    "municipal_year_start_month",
    "archived",
)


def _record(session: Session, committee_id: int) -> CommitteeRecord:
    """One committee as it is in the database (flushed changes included)."""
    found = _records(session, _COMMITTEES.c.id == committee_id)
    if not found:
        raise NotFoundError(f"There is no committee with id {committee_id}.")
    return found[0]


def list_committees(db: Database, *, include_archived: bool = False) -> list[CommitteeRecord]:
    with db.read() as session:
        if include_archived:
            return _records(session)
        return _records(session, _COMMITTEES.c.archived.is_(False))


def get_committee(db: Database, committee_id: int) -> CommitteeRecord:
    with db.read() as session:
        return _record(session, committee_id)


def find_committee(db: Database, name: str) -> CommitteeRecord:
    """A committee by id, short name or name (any case); the CLI's ``--committee NAME``."""
    key = name.strip()
    c, former = _COMMITTEES.c, _FORMER_NAMES.c
    with db.read() as session:
        if key.isdigit() and (found := _records(session, c.id == int(key))):
            return found[0]
        for column in (c.short_name, c.name):
            if found := _records(session, func.lower(column) == key.lower()):
                return found[0]
        committee_id = session.scalar(
            select(former.committee_id).where(func.lower(former.name) == key.lower()).limit(1)
        )
        if committee_id is not None:
            return _record(session, committee_id)
    raise NotFoundError(f"There is no committee called “{name}”.")


@dataclass(frozen=True)
class CommitteePatch:
    """The committee fields an edit sets (see ``patch``); creating a committee needs name and short name."""

    name: str | Unset = UNSET
    short_name: str | Unset = UNSET
    kind: CommitteeKind | Unset = UNSET
    parent_id: int | Unset | None = UNSET
    description: str | Unset = UNSET
    former_names: tuple[str, ...] | Unset = UNSET
    default_venue: str | Unset = UNSET
    default_start_time: time | Unset | None = UNSET
    officer_id: int | Unset | None = UNSET
    open_to_public: bool | Unset = UNSET
    uses_call_in: bool | Unset = UNSET
    municipal_year_start_month: int | Unset = UNSET
    declarations_as_table: bool | Unset = UNSET


def create_committee(db: Database, details: CommitteePatch) -> Change[CommitteeRecord]:
    """A new committee; undo removes it again."""
    values = _validated(given(details), partial=False)
    with db.write() as session:
        _check_unique(session, values)
        _check_links(session, values)
        former = cast("list[str]", values.pop("former_names", []))  # as _validated cleaned them
        committee = Committee(**values)
        committee.former_names = [CommitteeFormerName(name=n, position=i) for i, n in enumerate(former)]
        session.add(committee)
        session.flush()
        return _created(_record(session, committee.id))


def update_committee(
    db: Database, committee_id: int, patch: CommitteePatch, based_on: CommitteePatch | None = None
) -> Change[CommitteeRecord]:
    """Change the fields ``patch`` sets; undo puts back what they were. With ``based_on`` (the values
    the officer saw), a field another officer changed since is not overwritten (``EditConflictError``);
    the undo is based on what this change left, so it never takes back a later edit either."""
    values = _validated(given(patch), partial=True)
    with db.write() as session:
        for_change(session, Committee, committee_id)  # (locked until the change commits)
        committee = _get(session, committee_id)
        before = _record(session, committee_id)
        refuse_if_stale(session, committee, before, patch, based_on, before.name)
        _check_unique(session, values, exclude_id=committee_id)
        _check_links(session, values, committee_id=committee_id)
        if "former_names" in values:
            names = cast("list[str]", values.pop("former_names"))  # as _validated cleaned them
            committee.former_names = [CommitteeFormerName(name=n, position=i) for i, n in enumerate(names)]
        for key, value in values.items():
            setattr(committee, key, value)
        session.flush()
        session.expire(committee)
        revert = reverting(patch, before)
        after = _record(session, committee_id)
        return Change(
            before,
            after,
            Changed.COMMITTEES,
            lambda db: update_committee(db, committee_id, revert, reverting(revert, after)),
        )


def archive_committee(db: Database, committee_id: int, archived: bool = True) -> Change[CommitteeRecord]:
    with db.write() as session:
        committee = _get(session, committee_id)
        before = _record(session, committee_id)
        committee.archived = archived
        session.flush()
        return Change(
            before,
            _record(session, committee_id),
            Changed.COMMITTEES,
            lambda db: archive_committee(db, committee_id, not archived),
        )


def delete_committee(db: Database, committee_id: int) -> Change[CommitteeRecord]:
    """Remove a committee (undo of a creation; the GUI archives otherwise).

    Refused while it holds anything (members, meetings, actions…): those would be deleted with it.
    """
    with db.write() as session:
        committee = _get(session, committee_id)
        before = _record(session, committee_id)
        used = references_to(session, "committees", committee_id, ignore=("committee_former_names",))
        if used:
            raise ServiceError(
                f"“{before.name}” cannot be removed: it holds {describe(used)}. Archive it instead."
            )
        session.delete(committee)
        return Change(before, None, Changed.COMMITTEES, lambda db: recreate_committee(db, before))


def recreate_committee(db: Database, record: CommitteeRecord) -> Change[CommitteeRecord]:
    """Put back a committee removed by ``delete_committee``, with the same id (redo of a creation)."""
    values = _validated({key: getattr(record, key) for key in COMMITTEE_FIELDS}, partial=False)
    with db.write() as session:
        if session.get(Committee, record.id) is not None:
            raise ServiceError(f"“{record.name}” already exists.")
        _check_unique(session, values)
        _check_links(session, values)
        former = cast("list[str]", values.pop("former_names", []))  # as _validated cleaned them
        committee = Committee(id=record.id, archived=record.archived, **values)
        committee.former_names = [CommitteeFormerName(name=n, position=i) for i, n in enumerate(former)]
        session.add(committee)
        session.flush()
        return _created(_record(session, committee.id))


def _created(record: CommitteeRecord) -> Change[CommitteeRecord]:
    return Change(None, record, Changed.COMMITTEES, lambda db: delete_committee(db, record.id))


def _get(session: Session, committee_id: int) -> Committee:
    committee = session.get(Committee, committee_id)
    if committee is None:
        raise NotFoundError(f"There is no committee with id {committee_id}.")
    return committee


def _check_unique(session: Session, values: dict[str, object], exclude_id: int | None = None) -> None:
    for column, label in ((Committee.name, "name"), (Committee.short_name, "short name")):
        key = column.key
        if key not in values:
            continue
        query = select(Committee.id).where(func.lower(column) == str(values[key]).lower())
        if exclude_id is not None:
            query = query.where(Committee.id != exclude_id)
        if session.scalar(query) is not None:
            raise ValidationError(f"Another committee already has the {label} “{values[key]}”.", field=key)


def _check_links(session: Session, values: dict[str, object], committee_id: int | None = None) -> None:
    officer_id = values.get("officer_id")
    if officer_id is not None and session.get(Person, officer_id) is None:
        raise ValidationError(f"There is no person with id {officer_id}.", field="officer_id")
    parent_id = values.get("parent_id")
    if parent_id is not None:
        if parent_id == committee_id:
            raise ValidationError("A committee cannot be its own parent.", field="parent_id")
        if session.get(Committee, parent_id) is None:
            raise ValidationError(f"There is no committee with id {parent_id}.", field="parent_id")


def _validated(fields: dict[str, object], *, partial: bool) -> dict[str, object]:
    unknown = set(fields) - set(COMMITTEE_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown committee field(s): {', '.join(sorted(unknown))}.")
    values: dict[str, object] = {}
    if not partial or "name" in fields:
        values["name"] = required(
            as_text(fields.get("name")), "The committee's name", field="name", max_length=200
        )
    if not partial or "short_name" in fields:
        short = required(
            as_text(fields.get("short_name")), "The short name", field="short_name", max_length=30
        )
        if "@" in short:
            raise ValidationError("The short name cannot contain “@”.", field="short_name")
        values["short_name"] = short
    for key, label, limit in (("description", "The description", None), ("default_venue", "The venue", 300)):
        if not partial or key in fields:
            values[key] = optional(
                as_text(fields.get(key)), label, field=key, max_length=limit, multiline=key == "description"
            )
    if "kind" in fields:
        try:
            values["kind"] = CommitteeKind(str(fields["kind"]))
        except ValueError as error:
            raise ValidationError(f"“{fields['kind']}” is not a kind of committee.", field="kind") from error
    if "former_names" in fields:
        names = fields["former_names"] or ()
        if not isinstance(names, list | tuple):
            raise ValidationError("The former names must be a list of names.", field="former_names")
        values["former_names"] = [
            n for n in (optional(as_text(x), "A former name", max_length=200) for x in names) if n
        ]
    if "default_start_time" in fields:
        value = fields["default_start_time"]
        if value is not None and not isinstance(value, time):
            raise ValidationError("The start time must be a time of day.", field="default_start_time")
        values["default_start_time"] = value
    for key in ("parent_id", "officer_id"):
        if key in fields:
            value = fields[key]
            values[key] = optional_id(value, "The linked record", field=key)
    for key in ("open_to_public", "uses_call_in", "declarations_as_table"):
        if key in fields:
            values[key] = bool(fields[key])
    if "municipal_year_start_month" in fields:
        try:
            month = whole_number(fields["municipal_year_start_month"], "The month")
        except ValidationError:
            month = 0
        if not 1 <= month <= 12:
            raise ValidationError(
                "The municipal year must start in a month from 1 to 12.", field="municipal_year_start_month"
            )
        values["municipal_year_start_month"] = month
    return values
