"""The people directory: members, officers, presenters and guests."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from sst_desktop.domain import Organisation, Person
from sst_desktop.domain.name_search import filter_people, name_key
from sst_desktop.domain.patch import UNSET, Unset, given, reverting
from sst_desktop.domain.plain_text import clean_text
from sst_desktop.services import organisations
from sst_desktop.services.errors import NotFoundError, ServiceError, ValidationError
from sst_desktop.services.guards import for_change, refuse_if_stale
from sst_desktop.services.outcome import Changed, Undoable, combined
from sst_desktop.services.records import Change, PersonRecord
from sst_desktop.services.references import describe, references_to
from sst_desktop.services.validation import (
    as_text,
    edit_distance,
    email,
    optional,
    optional_id,
    required,
)
from sst_desktop.storage.engine import Database

PERSON_FIELDS = (
    "title",
    "first_name",
    "last_name",
    "job_title",
    "organisation_id",
    "email",
    "telephone",
    "known_as",
)


def to_record(person: Person) -> PersonRecord:
    return PersonRecord(
        id=person.id,
        title=person.title,
        first_name=person.first_name,
        last_name=person.last_name,
        job_title=person.job_title,
        organisation_id=person.organisation_id,
        organisation_name=person.organisation.name if person.organisation else "",
        email=person.email,
        telephone=person.telephone,
        archived=person.archived,
        known_as=person.known_as,
    )


@dataclass(frozen=True)
class PossibleDuplicate:
    """A person already in the directory whose name is close to one being entered."""

    person: PersonRecord
    reason: str


def list_people(db: Database, *, search: str = "", include_archived: bool = False) -> list[PersonRecord]:
    """People sorted by surname; every word of ``search`` must match some part of name, title, job,
    organisation or email. Matching is done in Python: a directory holds hundreds of people, and
    SQLite's lower() folds ASCII only, so "Ó" would not find "ó"."""
    with db.read() as session:
        query = select(Person).options(joinedload(Person.organisation))
        if not include_archived:
            query = query.where(Person.archived.is_(False))
        people = [to_record(p) for p in session.scalars(query)]
    return sorted(filter_people(people, search), key=lambda p: (*p.sort_key, p.id))


def get_person(db: Database, person_id: int) -> PersonRecord:
    with db.read() as session:
        return to_record(_get(session, person_id))


@dataclass(frozen=True)
class PersonPatch:
    """The person fields an edit sets (see ``patch``); adding a person needs the surname."""

    title: str | Unset = UNSET
    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    job_title: str | Unset = UNSET
    organisation_id: int | Unset | None = UNSET
    email: str | Unset = UNSET
    telephone: str | Unset = UNSET
    known_as: str | Unset = UNSET


def create_person(db: Database, details: PersonPatch) -> Change[PersonRecord]:
    """A new person; undo removes them again."""
    values = _validated(given(details), partial=False)
    with db.write() as session:
        _check_organisation(session, values)
        person = Person(**values)
        session.add(person)
        session.flush()
        session.refresh(person)
        return _created(to_record(person))


def create_person_in(db: Database, details: PersonPatch, organisation: str) -> Change[PersonRecord]:
    """A new person in the organisation called ``organisation`` (none when blank), which is added
    to the directory when it is new: one step, so undo takes both back in one transaction."""
    with db.write():
        organisation_id, added = _organisation_called(db, organisation)
        return _joined(added, create_person(db, replace(details, organisation_id=organisation_id)))


def update_person(
    db: Database, person_id: int, patch: PersonPatch, based_on: PersonPatch | None = None
) -> Change[PersonRecord]:
    """Change the fields ``patch`` sets; undo puts back what they were. With ``based_on`` (the values
    the officer saw), a field another officer changed since is not overwritten (``EditConflictError``);
    the undo is based on what this change left, so it never takes back a later edit either."""
    values = _validated(given(patch), partial=True)
    with db.write() as session:
        for_change(session, Person, person_id)  # (locked until the change commits)
        person = _get(session, person_id)
        before = to_record(person)
        refuse_if_stale(session, person, before, patch, based_on, before.full_name)
        _check_organisation(session, values)
        for key, value in values.items():
            setattr(person, key, value)
        session.flush()
        session.refresh(person)
        revert = reverting(patch, before)
        after = to_record(person)
        return Change(
            before,
            after,
            Changed.PEOPLE,
            lambda db: update_person(db, person_id, revert, reverting(revert, after)),
        )


def set_organisation(db: Database, person_id: int, organisation: str) -> Change[PersonRecord]:
    """Put a person in the organisation called ``organisation`` (none when blank), adding it to
    the directory when it is new: one step, so undo takes both back in one transaction."""
    with db.write():
        organisation_id, added = _organisation_called(db, organisation)
        return _joined(added, update_person(db, person_id, PersonPatch(organisation_id=organisation_id)))


def archive_person(db: Database, person_id: int, archived: bool = True) -> Change[PersonRecord]:
    with db.write() as session:
        person = _get(session, person_id)
        before = to_record(person)
        person.archived = archived
        session.flush()
        return Change(
            before,
            to_record(person),
            Changed.PEOPLE,
            lambda db: archive_person(db, person_id, not archived),
        )


def delete_person(db: Database, person_id: int) -> Change[PersonRecord]:
    """Remove a person outright (undo of a creation).

    Refused while anything refers to them (memberships, attendance, actions…): deleting would take
    that record with it. Such people are archived instead.
    """
    with db.write() as session:
        person = _get(session, person_id)
        before = to_record(person)
        used = references_to(session, "people", person_id)
        if used:
            raise ServiceError(
                f"{before.full_name} cannot be removed: the record holds {describe(used)} for them. "
                "Archive them instead."
            )
        session.delete(person)
        return Change(before, None, Changed.PEOPLE, lambda db: recreate_person(db, before))


def recreate_person(db: Database, record: PersonRecord) -> Change[PersonRecord]:
    """Put back a person removed by ``delete_person``, with the same id (redo of a creation)."""
    values = _validated({k: getattr(record, k) for k in PERSON_FIELDS}, partial=False)
    with db.write() as session:
        if session.get(Person, record.id) is not None:
            raise ServiceError(f"{record.full_name} is already in the directory.")
        _check_organisation(session, values)
        person = Person(id=record.id, archived=record.archived, **values)
        session.add(person)
        session.flush()
        session.refresh(person)
        return _created(to_record(person))


def _created(record: PersonRecord) -> Change[PersonRecord]:
    return Change(None, record, Changed.PEOPLE, lambda db: delete_person(db, record.id))


def _organisation_called(db: Database, name: str) -> tuple[int | None, list[Undoable]]:
    """The id of the organisation called ``name`` (None for a blank name), and the change that
    added it when there was none."""
    if not clean_text(name):
        return None, []
    found = organisations.find_organisation(db, name)
    if found is not None:
        return found.id, []
    added = organisations.create_organisation(db, name)
    assert added.after is not None
    return added.after.id, [added]


def _joined(first: list[Undoable], change: Change[PersonRecord]) -> Change[PersonRecord]:
    """``change`` made together with the changes ``first``, as one step (one undo, one transaction)."""
    if not first:
        return change
    whole = combined([*first, change], None)
    return Change(change.before, change.after, whole.changed, whole.undo)


def possible_duplicates(
    db: Database, first_name: str, last_name: str, *, exclude_id: int | None = None
) -> list[PossibleDuplicate]:
    """People whose names look like the same person ("Frackleton" and "Frackelton")."""
    last = name_key(last_name)
    first = name_key(first_name)
    if not last:
        return []
    found: list[PossibleDuplicate] = []
    for person in list_people(db, include_archived=True):
        if person.id == exclude_id:
            continue
        other_last = name_key(person.last_name)
        other_first = name_key(person.first_name)
        firsts_agree = not first or not other_first or first[0] == other_first[0]
        if not firsts_agree:
            continue
        if other_last == last and (first == other_first or not first or not other_first):
            reason = "same name"
        elif other_last == last:
            reason = "same surname and initial"
        elif edit_distance(other_last, last, limit=2) <= (1 if len(last) <= 5 else 2):
            reason = "similar surname"
        else:
            continue
        found.append(PossibleDuplicate(person, reason))
    return found


def _get(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id, options=[joinedload(Person.organisation)])
    if person is None:
        raise NotFoundError(f"There is no person with id {person_id}.")
    return person


def _check_organisation(session: Session, values: dict[str, object]) -> None:
    organisation_id = values.get("organisation_id")
    if organisation_id is not None and session.get(Organisation, organisation_id) is None:
        raise ValidationError(f"There is no organisation with id {organisation_id}.", field="organisation_id")


def _validated(fields: dict[str, object], *, partial: bool) -> dict[str, object]:
    unknown = set(fields) - set(PERSON_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown person field(s): {', '.join(sorted(unknown))}.")
    values: dict[str, object] = {}
    if not partial or "last_name" in fields:
        values["last_name"] = required(
            as_text(fields.get("last_name")), "The surname", field="last_name", max_length=100
        )
    for key, label, limit in (
        ("title", "The title", 60),
        ("first_name", "The first name", 100),
        ("job_title", "The job title", 200),
        ("telephone", "The telephone number", 50),
        ("known_as", "The name the person is known by", 100),
    ):
        if not partial or key in fields:
            values[key] = optional(as_text(fields.get(key)), label, field=key, max_length=limit)
    if not partial or "email" in fields:
        values["email"] = email(as_text(fields.get("email")))
    if "organisation_id" in fields:
        value = fields["organisation_id"]
        values["organisation_id"] = optional_id(value, "The organisation", field="organisation_id")
    return values
