from __future__ import annotations

import pytest

from sst_desktop.services import organisations, people
from sst_desktop.services.errors import ServiceError, ValidationError
from sst_desktop.services.organisations import OrganisationPatch
from sst_desktop.services.outcome import Changed
from sst_desktop.services.people import PersonPatch
from sst_desktop.storage.engine import Database


def test_create_list_sorted_and_unique_ignoring_case(db: Database) -> None:
    organisations.create_organisation(db, "Sefton Council", "SMBC")
    organisations.create_organisation(db, "Merseyside Police")
    assert [o.name for o in organisations.list_organisations(db)] == ["Merseyside Police", "Sefton Council"]
    with pytest.raises(ValidationError, match="already an organisation") as caught:
        organisations.create_organisation(db, "sefton council")
    assert caught.value.field == "name"
    with pytest.raises(ValidationError, match="required"):
        organisations.create_organisation(db, "   ")


def test_update_and_archive(db: Database) -> None:
    cvs = organisations.create_organisation(db, "Sefton CVS").after
    change = organisations.update_organisation(
        db, cvs.id, OrganisationPatch(name="Sefton Council for Voluntary Service", short_name="CVS")
    )
    assert change.before.name == "Sefton CVS"
    assert organisations.get_organisation(db, cvs.id).short_name == "CVS"
    organisations.update_organisation(
        db, cvs.id, OrganisationPatch(name="SEFTON Council for Voluntary Service")
    )  # case only
    with pytest.raises(ValidationError, match="too long"):
        organisations.update_organisation(db, cvs.id, OrganisationPatch(short_name="x" * 51))
    organisations.archive_organisation(db, cvs.id)
    assert organisations.list_organisations(db) == []
    assert organisations.list_organisations(db, include_archived=True)[0].archived


def test_find_or_create(db: Database) -> None:
    first = organisations.find_or_create_organisation(db, "Merseyside Fire and Rescue Service")
    again = organisations.find_or_create_organisation(db, "merseyside fire and rescue service")
    assert first.id == again.id


def test_delete_recreate_and_refusal(db: Database) -> None:
    police = organisations.create_organisation(db, "Merseyside Police", "MP").after
    removed = organisations.delete_organisation(db, police.id).before
    assert organisations.recreate_organisation(db, removed).after == police
    people.create_person(db, PersonPatch(first_name="Graeme", last_name="Robson", organisation_id=police.id))
    with pytest.raises(ServiceError, match="1 person refer"):
        organisations.delete_organisation(db, police.id)


def test_changes_announce_organisations_and_undo(db: Database) -> None:
    cvs = organisations.create_organisation(db, "Sefton CVS").after
    renamed = organisations.update_organisation(
        db, cvs.id, OrganisationPatch(name="Sefton Council for Voluntary Service")
    )
    assert renamed.changed == Changed.ORGANISATIONS and renamed.undo is not None
    renamed.undo(db)
    assert organisations.get_organisation(db, cvs.id) == cvs
    archived = organisations.archive_organisation(db, cvs.id)
    assert archived.undo is not None
    archived.undo(db)
    assert organisations.list_organisations(db) == [cvs]
    assert organisations.find_organisation(db, " sefton cvs ") == cvs
    assert organisations.find_organisation(db, "Sefton Council") is None
