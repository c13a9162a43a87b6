"""Declarations of interest: who declared what on which item, and what they did about it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from sst_desktop.domain import AgendaItem, Declaration, Meeting, Person
from sst_desktop.domain.enums import DeclarationAction, InterestKind
from sst_desktop.domain.patch import UNSET, Unset, given, reverting
from sst_desktop.services.attendance import minutes_name
from sst_desktop.services.errors import NotFoundError, ValidationError
from sst_desktop.services.guards import ensure_minutes_editable
from sst_desktop.services.outcome import Changed
from sst_desktop.services.records import Change
from sst_desktop.services.validation import optional, whole_number
from sst_desktop.storage.engine import Database

NATURE_MAX = 5_000
DECLARATION_FIELDS = ("person_id", "agenda_item_id", "kind", "nature", "action")


@dataclass(frozen=True)
class DeclarationRecord:
    id: int
    meeting_id: int
    agenda_item_id: int | None
    item_number: int | None
    item_title: str
    person_id: int
    person_name: str  # as the minutes print it: "Councillor Hardy"
    kind: InterestKind
    nature: str
    action: DeclarationAction


@dataclass(frozen=True)
class DeclarationPatch:
    """The declaration fields an edit sets (see ``patch``)."""

    person_id: int | Unset = UNSET
    agenda_item_id: int | Unset | None = UNSET
    kind: InterestKind | str | Unset = UNSET
    nature: str | Unset = UNSET
    action: DeclarationAction | str | Unset = UNSET


def _numbers(session: Session, meeting_id: int) -> dict[int, int]:
    ids = session.scalars(
        select(AgendaItem.id)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(AgendaItem.position, AgendaItem.id)
    ).all()
    return {item_id: index for index, item_id in enumerate(ids, 1)}


def to_record(row: Declaration, numbers: dict[int, int]) -> DeclarationRecord:
    person = row.person
    item = row.agenda_item
    return DeclarationRecord(
        id=row.id,
        meeting_id=row.meeting_id,
        agenda_item_id=row.agenda_item_id,
        item_number=numbers.get(row.agenda_item_id) if row.agenda_item_id else None,
        item_title=item.title if item is not None else "",
        person_id=row.person_id,
        person_name=minutes_name(person.title, person.known_as or person.first_name, person.last_name),
        kind=row.kind,
        nature=row.nature,
        action=row.action,
    )


def _sort_key(record: DeclarationRecord) -> tuple[int, str, int]:
    return (record.item_number or 0, record.person_name.casefold(), record.id)


def list_declarations(db: Database, meeting_id: int) -> list[DeclarationRecord]:
    """The meeting's declarations in agenda order (general ones first)."""
    with db.read() as session:
        if session.get(Meeting, meeting_id) is None:
            raise NotFoundError(f"There is no meeting with id {meeting_id}.")
        return _list(session, meeting_id)


def _list(session: Session, meeting_id: int) -> list[DeclarationRecord]:
    rows = session.scalars(
        select(Declaration)
        .options(joinedload(Declaration.person), joinedload(Declaration.agenda_item))
        .where(Declaration.meeting_id == meeting_id)
    ).all()
    numbers = _numbers(session, meeting_id)
    return sorted((to_record(r, numbers) for r in rows), key=_sort_key)


def _values(
    session: Session, meeting_id: int, fields: dict[str, object], *, partial: bool
) -> dict[str, object]:
    unknown = set(fields) - set(DECLARATION_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown declaration field(s): {', '.join(sorted(unknown))}.")
    values: dict[str, object] = {}
    if not partial or "person_id" in fields:
        person_id = fields.get("person_id")
        if person_id in (None, ""):
            raise ValidationError("Choose who declared the interest.", field="person_id")
        person = whole_number(person_id, "The person", field="person_id")
        if session.get(Person, person) is None:
            raise NotFoundError(f"There is no person with id {person_id}.")
        values["person_id"] = person
    if "agenda_item_id" in fields:
        item_id = fields["agenda_item_id"]
        if item_id in (None, ""):
            values["agenda_item_id"] = None
        else:
            item = session.get(AgendaItem, whole_number(item_id, "The item", field="agenda_item_id"))
            if item is None or item.meeting_id != meeting_id:
                raise ValidationError(
                    "The item must be one of this meeting's agenda items.", field="agenda_item_id"
                )
            values["agenda_item_id"] = item.id
    if not partial or "kind" in fields:
        try:
            values["kind"] = InterestKind(str(fields.get("kind")))
        except ValueError as error:
            raise ValidationError("Choose the kind of interest.", field="kind") from error
    if not partial or "action" in fields:
        try:
            values["action"] = DeclarationAction(str(fields.get("action")))
        except ValueError as error:
            raise ValidationError("Choose what the member did.", field="action") from error
    if not partial or "nature" in fields:
        values["nature"] = optional(
            None if fields.get("nature") is None else str(fields.get("nature")),
            "The nature of the interest",
            field="nature",
            max_length=NATURE_MAX,
        )
    return values


def _get(session: Session, declaration_id: int) -> Declaration:
    row = session.get(
        Declaration,
        declaration_id,
        options=[joinedload(Declaration.person), joinedload(Declaration.agenda_item)],
    )
    if row is None:
        raise NotFoundError(f"There is no declaration with id {declaration_id}.")
    return row


def _record(session: Session, row: Declaration) -> DeclarationRecord:
    session.flush()
    session.refresh(row)
    return to_record(row, _numbers(session, row.meeting_id))


def add_declaration(db: Database, meeting_id: int, details: DeclarationPatch) -> Change[DeclarationRecord]:
    """A new declaration: who (``person_id``), the kind and what they did are required; undo removes it."""
    return _insert(db, meeting_id, details, None)


def _insert(
    db: Database, meeting_id: int, details: DeclarationPatch, declaration_id: int | None
) -> Change[DeclarationRecord]:
    with db.write() as session:
        ensure_minutes_editable(session, meeting_id)
        values = _values(session, meeting_id, given(details), partial=False)
        row = Declaration(id=declaration_id, meeting_id=meeting_id, **values)
        session.add(row)
        session.flush()
        record = _record(session, _get(session, row.id))
        return Change(None, record, Changed.DECLARATIONS, lambda db: remove_declaration(db, record.id))


def update_declaration(
    db: Database, declaration_id: int, patch: DeclarationPatch
) -> Change[DeclarationRecord]:
    """Change the fields ``patch`` sets; undo puts back what they were."""
    with db.write() as session:
        row = _get(session, declaration_id)
        ensure_minutes_editable(session, row.meeting_id)
        before = _record(session, row)
        for key, value in _values(session, row.meeting_id, given(patch), partial=True).items():
            setattr(row, key, value)
        revert = reverting(patch, before)
        return Change(
            before,
            _record(session, row),
            Changed.DECLARATIONS,
            lambda db: update_declaration(db, declaration_id, revert),
        )


def remove_declaration(db: Database, declaration_id: int) -> Change[DeclarationRecord]:
    """Remove a declaration; undo puts it back with the same id."""
    with db.write() as session:
        row = _get(session, declaration_id)
        ensure_minutes_editable(session, row.meeting_id)
        before = _record(session, row)
        session.delete(row)
        return Change(before, None, Changed.DECLARATIONS, lambda db: restore_declaration(db, before))


def restore_declaration(db: Database, record: DeclarationRecord) -> Change[DeclarationRecord]:
    """Put back a removed declaration with its id (the undo of ``remove_declaration``)."""
    details = DeclarationPatch(
        person_id=record.person_id,
        agenda_item_id=record.agenda_item_id,
        kind=record.kind,
        nature=record.nature,
        action=record.action,
    )
    return _insert(db, record.meeting_id, details, record.id)
