"""Organisations partners come from (Sefton Council, Merseyside Police, Sefton CVS…)."""

from __future__ import annotations

from sqlalchemy import func, select

from sst_desktop.domain import Organisation
from sst_desktop.services.errors import NotFoundError, ServiceError, ValidationError
from sst_desktop.services.records import Change, OrganisationRecord
from sst_desktop.services.references import describe, references_to
from sst_desktop.services.validation import optional, required
from sst_desktop.storage.engine import Database


def to_record(organisation: Organisation) -> OrganisationRecord:
    return OrganisationRecord(
        id=organisation.id,
        name=organisation.name,
        short_name=organisation.short_name,
        archived=organisation.archived,
    )


def list_organisations(db: Database, *, include_archived: bool = False) -> list[OrganisationRecord]:
    with db.read() as session:
        query = select(Organisation).order_by(func.lower(Organisation.name))
        if not include_archived:
            query = query.where(Organisation.archived.is_(False))
        return [to_record(o) for o in session.scalars(query)]


def get_organisation(db: Database, organisation_id: int) -> OrganisationRecord:
    with db.read() as session:
        organisation = session.get(Organisation, organisation_id)
        if organisation is None:
            raise NotFoundError(f"There is no organisation with id {organisation_id}.")
        return to_record(organisation)


def create_organisation(db: Database, name: str, short_name: str = "") -> Change[OrganisationRecord]:
    name = required(name, "The organisation's name", field="name", max_length=200)
    short_name = optional(short_name, "The short name", field="short_name", max_length=50)
    with db.write() as session:
        _check_unique(session, name)
        organisation = Organisation(name=name, short_name=short_name)
        session.add(organisation)
        session.flush()
        return Change(None, to_record(organisation))


def find_or_create_organisation(db: Database, name: str) -> OrganisationRecord:
    """The organisation called ``name`` (ignoring case), created if there is none."""
    name = required(name, "The organisation's name", field="name", max_length=200)
    with db.write() as session:
        existing = session.scalar(select(Organisation).where(func.lower(Organisation.name) == name.lower()))
        if existing is None:
            existing = Organisation(name=name)
            session.add(existing)
            session.flush()
        return to_record(existing)


def update_organisation(db: Database, organisation_id: int, **changes: object) -> Change[OrganisationRecord]:
    with db.write() as session:
        organisation = session.get(Organisation, organisation_id)
        if organisation is None:
            raise NotFoundError(f"There is no organisation with id {organisation_id}.")
        before = to_record(organisation)
        if "name" in changes:
            name = required(str(changes["name"]), "The organisation's name", field="name", max_length=200)
            if name.lower() != organisation.name.lower():
                _check_unique(session, name)
            organisation.name = name
        if "short_name" in changes:
            organisation.short_name = optional(
                str(changes["short_name"]), "The short name", field="short_name", max_length=50
            )
        if "archived" in changes:
            organisation.archived = bool(changes["archived"])
        session.flush()
        return Change(before, to_record(organisation))


def archive_organisation(
    db: Database, organisation_id: int, archived: bool = True
) -> Change[OrganisationRecord]:
    return update_organisation(db, organisation_id, archived=archived)


def delete_organisation(db: Database, organisation_id: int) -> Change[OrganisationRecord]:
    """Remove an organisation outright (used to undo a creation).

    Refused while people or actions refer to it: they would silently lose their organisation.
    """
    with db.write() as session:
        organisation = session.get(Organisation, organisation_id)
        if organisation is None:
            raise NotFoundError(f"There is no organisation with id {organisation_id}.")
        before = to_record(organisation)
        used = references_to(session, "organisations", organisation_id)
        if used:
            raise ServiceError(
                f"“{before.name}” cannot be removed: {describe(used)} refer to it. Archive it instead."
            )
        session.delete(organisation)
        return Change(before, None)


def recreate_organisation(db: Database, record: OrganisationRecord) -> Change[OrganisationRecord]:
    """Put back an organisation removed by ``delete_organisation``, with the same id (redo of a creation)."""
    name = required(record.name, "The organisation's name", field="name", max_length=200)
    short_name = optional(record.short_name, "The short name", field="short_name", max_length=50)
    with db.write() as session:
        if session.get(Organisation, record.id) is not None:
            raise ServiceError(f"“{record.name}” already exists.")
        _check_unique(session, name)
        organisation = Organisation(id=record.id, name=name, short_name=short_name, archived=record.archived)
        session.add(organisation)
        session.flush()
        return Change(None, to_record(organisation))


def _check_unique(session, name: str) -> None:  # type: ignore[no-untyped-def]
    clash = session.scalar(select(Organisation.id).where(func.lower(Organisation.name) == name.lower()))
    if clash is not None:
        raise ValidationError(f"There is already an organisation called “{name}”.", field="name")
