"""Organisations partners come from (Sefton Council, Merseyside Police, Sefton CVS…)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sst_desktop.domain import Organisation
from sst_desktop.domain.patch import UNSET, Unset, given, reverting
from sst_desktop.domain.plain_text import clean_text
from sst_desktop.services.errors import NotFoundError, ServiceError, ValidationError
from sst_desktop.services.guards import for_change, refuse_if_stale
from sst_desktop.services.outcome import Changed
from sst_desktop.services.records import Change, OrganisationRecord
from sst_desktop.services.references import describe, references_to
from sst_desktop.services.validation import as_text, optional, required
from sst_desktop.storage.engine import Database


def to_record(organisation: Organisation) -> OrganisationRecord:
    return OrganisationRecord(
        id=organisation.id,
        name=organisation.name,
        short_name=organisation.short_name,
        archived=organisation.archived,
    )


@dataclass(frozen=True)
class OrganisationPatch:
    """The organisation fields an edit sets (see ``patch``)."""

    name: str | Unset = UNSET
    short_name: str | Unset = UNSET


def list_organisations(db: Database, *, include_archived: bool = False) -> list[OrganisationRecord]:
    with db.read() as session:
        query = select(Organisation).order_by(func.lower(Organisation.name), Organisation.id)
        if not include_archived:
            query = query.where(Organisation.archived.is_(False))
        return [to_record(o) for o in session.scalars(query)]


def get_organisation(db: Database, organisation_id: int) -> OrganisationRecord:
    with db.read() as session:
        return to_record(_get(session, organisation_id))


def find_organisation(db: Database, name: str) -> OrganisationRecord | None:
    """The organisation called ``name`` (ignoring case), archived or not; None when there is none."""
    key = clean_text(name).lower()
    with db.read() as session:
        found = session.scalar(select(Organisation).where(func.lower(Organisation.name) == key))
        return to_record(found) if found is not None else None


def create_organisation(db: Database, name: str, short_name: str = "") -> Change[OrganisationRecord]:
    """A new organisation; undo removes it again."""
    values = _validated({"name": name, "short_name": short_name})
    with db.write() as session:
        _check_unique(session, str(values["name"]))
        organisation = Organisation(**values)
        session.add(organisation)
        session.flush()
        return _created(to_record(organisation))


def find_or_create_organisation(db: Database, name: str) -> OrganisationRecord:
    """The organisation called ``name`` (ignoring case), created if there is none."""
    with db.write():
        found = find_organisation(db, required(name, "The organisation's name", field="name"))
        if found is not None:
            return found
        created = create_organisation(db, name).after
        assert created is not None
        return created


def update_organisation(
    db: Database, organisation_id: int, patch: OrganisationPatch, based_on: OrganisationPatch | None = None
) -> Change[OrganisationRecord]:
    """Change the fields ``patch`` sets; undo puts back what they were. With ``based_on`` (the values
    the officer saw), a field another officer changed since is not overwritten (``EditConflictError``);
    the undo is based on what this change left, so it never takes back a later edit either."""
    values = _validated(given(patch))
    with db.write() as session:
        for_change(session, Organisation, organisation_id)  # (locked until the change commits)
        organisation = _get(session, organisation_id)
        before = to_record(organisation)
        refuse_if_stale(session, organisation, before, patch, based_on, before.name)
        name = values.get("name")
        if isinstance(name, str) and name.lower() != organisation.name.lower():
            _check_unique(session, name)
        for key, value in values.items():
            setattr(organisation, key, value)
        session.flush()
        revert = reverting(patch, before)
        after = to_record(organisation)
        return Change(
            before,
            after,
            Changed.ORGANISATIONS,
            lambda db: update_organisation(db, organisation_id, revert, reverting(revert, after)),
        )


def archive_organisation(
    db: Database, organisation_id: int, archived: bool = True
) -> Change[OrganisationRecord]:
    with db.write() as session:
        organisation = _get(session, organisation_id)
        before = to_record(organisation)
        organisation.archived = archived
        session.flush()
        return Change(
            before,
            to_record(organisation),
            Changed.ORGANISATIONS,
            lambda db: archive_organisation(db, organisation_id, not archived),
        )


def delete_organisation(db: Database, organisation_id: int) -> Change[OrganisationRecord]:
    """Remove an organisation outright (used to undo a creation).

    Refused while people or actions refer to it: they would silently lose their organisation.
    """
    with db.write() as session:
        organisation = _get(session, organisation_id)
        before = to_record(organisation)
        used = references_to(session, "organisations", organisation_id)
        if used:
            raise ServiceError(
                f"“{before.name}” cannot be removed: {describe(used)} refer to it. Archive it instead."
            )
        session.delete(organisation)
        return Change(before, None, Changed.ORGANISATIONS, lambda db: recreate_organisation(db, before))


def recreate_organisation(db: Database, record: OrganisationRecord) -> Change[OrganisationRecord]:
    """Put back an organisation removed by ``delete_organisation``, with the same id (redo of a creation)."""
    values = _validated({"name": record.name, "short_name": record.short_name})
    with db.write() as session:
        if session.get(Organisation, record.id) is not None:
            raise ServiceError(f"“{record.name}” already exists.")
        _check_unique(session, str(values["name"]))
        organisation = Organisation(id=record.id, archived=record.archived, **values)
        session.add(organisation)
        session.flush()
        return _created(to_record(organisation))


def _created(record: OrganisationRecord) -> Change[OrganisationRecord]:
    return Change(None, record, Changed.ORGANISATIONS, lambda db: delete_organisation(db, record.id))


def _get(session: Session, organisation_id: int) -> Organisation:
    organisation = session.get(Organisation, organisation_id)
    if organisation is None:
        raise NotFoundError(f"There is no organisation with id {organisation_id}.")
    return organisation


def _check_unique(session: Session, name: str) -> None:
    clash = session.scalar(select(Organisation.id).where(func.lower(Organisation.name) == name.lower()))
    if clash is not None:
        raise ValidationError(f"There is already an organisation called “{name}”.", field="name")


def _validated(fields: dict[str, object]) -> dict[str, object]:
    values: dict[str, object] = {}
    if "name" in fields:
        values["name"] = required(
            as_text(fields["name"]), "The organisation's name", field="name", max_length=200
        )
    if "short_name" in fields:
        values["short_name"] = optional(
            as_text(fields["short_name"]), "The short name", field="short_name", max_length=50
        )
    return values
