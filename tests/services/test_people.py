from __future__ import annotations

import pytest

from sst_desktop.domain.enums import MembershipRole
from sst_desktop.services import committees, memberships, organisations, people
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.services.errors import NotFoundError, ServiceError, ValidationError
from sst_desktop.services.outcome import Changed
from sst_desktop.services.people import PersonPatch
from sst_desktop.storage.engine import Database


def _person(db: Database, first: str, last: str, **fields: object):  # type: ignore[no-untyped-def]
    return people.create_person(db, PersonPatch(first_name=first, last_name=last, **fields)).after


def test_create_cleans_text_and_reads_back(db: Database) -> None:
    police = organisations.create_organisation(db, "Merseyside Police").after
    with pytest.raises(ValidationError, match="first name had a NUL character") as refused:
        people.create_person(db, PersonPatch(first_name="Dawn\x00", last_name="McNally"))
    assert refused.value.suggestion == "Dawn"
    change = people.create_person(
        db,
        PersonPatch(
            title=" Superintendent ",
            first_name="Dawn",
            last_name="McNally",
            job_title="Local Policing Superintendent",
            organisation_id=police.id,
            email="dawn.mcnally@merseyside.police.uk",
            telephone="0151 777 1234",
        ),
    )
    assert change.before is None
    record = people.get_person(db, change.after.id)
    assert record.full_name == "Superintendent Dawn McNally"
    assert record.plain_name == "Dawn McNally"
    assert record.organisation_name == "Merseyside Police"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"last_name": "  "}, "last_name", "surname is required"),
        ({"last_name": "X", "email": "not an email"}, "email", "not an email address"),
        ({"last_name": "X", "email": "a@b"}, "email", "not an email address"),
        ({"last_name": "X" * 101}, "last_name", "too long"),
        ({"last_name": "X", "organisation_id": 999}, "organisation_id", "no organisation"),
        ({"last_name": "X", "organisation_id": "Sefton CVS"}, "organisation_id", "whole number"),
    ],
)
def test_validation(db: Database, fields: dict[str, object], field: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as caught:
        people.create_person(db, PersonPatch(**fields))
    assert caught.value.field == field
    assert people.list_people(db) == []


def test_unicode_round_trips(db: Database) -> None:
    names = ["Siân", "محمد", "王秀英", "Zoë 🙂", "<b>&amp;", "=SUM(A1)"]
    for name in names:
        _person(db, name, "Test")
    assert sorted(p.first_name for p in people.list_people(db)) == sorted(names)


def test_update_returns_before_and_after(db: Database) -> None:
    person = _person(db, "Tracy", "Trubshaw")
    change = people.update_person(db, person.id, PersonPatch(title="Chief Inspector"))
    assert change.before.title == "" and change.after.title == "Chief Inspector"
    assert people.get_person(db, person.id).title == "Chief Inspector"
    with pytest.raises(ValidationError):
        people.update_person(db, person.id, PersonPatch(last_name=""))
    assert people.get_person(db, person.id).last_name == "Trubshaw"


def test_search_every_word_any_field_accents_ignored(db: Database) -> None:
    council = organisations.create_organisation(db, "Sefton Council").after
    _person(db, "Siân", "Grainger", organisation_id=council.id)
    _person(db, "Kevin", "Hollis", job_title="Chief Executive, Sefton CVS")
    _person(db, "Trish", "Hardy", title="Councillor", organisation_id=council.id)
    assert [p.last_name for p in people.list_people(db, search="sian")] == ["Grainger"]
    assert [p.last_name for p in people.list_people(db, search="sefton")] == ["Grainger", "Hardy", "Hollis"]
    assert [p.last_name for p in people.list_people(db, search="council hardy")] == ["Hardy"]
    assert people.list_people(db, search="hardy cvs") == []


def test_archived_people_are_hidden_unless_asked(db: Database) -> None:
    person = _person(db, "Janette", "Maxwell")
    people.archive_person(db, person.id)
    assert people.list_people(db) == []
    assert [p.archived for p in people.list_people(db, include_archived=True)] == [True]
    people.archive_person(db, person.id, archived=False)
    assert [p.last_name for p in people.list_people(db)] == ["Maxwell"]


def test_possible_duplicates_catch_the_seed_misspelling(db: Database) -> None:
    neil = _person(db, "Neil", "Frackleton")
    _person(db, "Nigel", "Bellamy")
    found = people.possible_duplicates(db, "Neil", "Frackelton")
    assert [(d.person.id, d.reason) for d in found] == [(neil.id, "similar surname")]
    assert people.possible_duplicates(db, "N.", "frackleton")[0].reason == "same surname and initial"
    assert people.possible_duplicates(db, "", "FRACKLETON")[0].reason == "same name"
    assert people.possible_duplicates(db, "Neil", "Frackleton", exclude_id=neil.id) == []
    assert people.possible_duplicates(db, "Andrea", "Watts") == []
    assert people.possible_duplicates(db, "Simon", "Frackleton") == []  # another first name


def test_delete_and_recreate_keep_the_id(db: Database) -> None:
    person = _person(db, "Risthardh", "Hare", email="r.hare@sefton.gov.uk")
    removed = people.delete_person(db, person.id).before
    with pytest.raises(NotFoundError):
        people.get_person(db, person.id)
    back = people.recreate_person(db, removed).after
    assert back == person
    with pytest.raises(ServiceError):
        people.recreate_person(db, removed)


def test_delete_refuses_a_person_the_record_refers_to(db: Database) -> None:
    person = _person(db, "Trish", "Hardy")
    committee = committees.create_committee(
        db, CommitteePatch(name="Safer Sefton Together", short_name="SST")
    ).after
    memberships.add_membership(db, committee.id, person.id, role=MembershipRole.CHAIR)
    with pytest.raises(ServiceError, match="1 committee membership"):
        people.delete_person(db, person.id)
    assert people.get_person(db, person.id).last_name == "Hardy"


def test_edits_announce_people_and_undo_puts_them_back(db: Database) -> None:
    person = _person(db, "Tracy", "Trubshaw", email="t.trubshaw@merseyside.police.uk")
    change = people.update_person(db, person.id, PersonPatch(title="Chief Inspector", email=""))
    assert change.changed == Changed.PEOPLE and change.undo is not None
    redo = change.undo(db).undo
    assert people.get_person(db, person.id) == person
    assert redo is not None
    redo(db)
    assert people.get_person(db, person.id).title == "Chief Inspector"
    archived = people.archive_person(db, person.id)
    assert archived.undo is not None
    archived.undo(db)
    assert not people.get_person(db, person.id).archived


def test_new_organisation_and_person_are_one_step(db: Database) -> None:
    change = people.create_person_in(
        db, PersonPatch(first_name="Tracy", last_name="Trubshaw"), " Merseyside Police "
    )
    assert change.after is not None and change.after.organisation_name == "Merseyside Police"
    assert change.changed == Changed.PEOPLE | Changed.ORGANISATIONS
    assert change.undo is not None
    back = change.undo(db)
    assert people.list_people(db, include_archived=True) == []
    assert organisations.list_organisations(db, include_archived=True) == []
    assert back.undo is not None
    back.undo(db)  # redo: the same rows again
    assert people.get_person(db, change.after.id) == change.after


def test_set_organisation_finds_or_adds_it_and_undo_takes_both_back(db: Database) -> None:
    council = organisations.create_organisation(db, "Sefton Council").after
    person = _person(db, "Trish", "Hardy", organisation_id=council.id)
    same = people.set_organisation(db, person.id, "SEFTON COUNCIL")  # an existing one, any case
    assert same.changed == Changed.PEOPLE and same.after.organisation_id == council.id
    moved = people.set_organisation(db, person.id, "Sefton CVS")
    assert moved.changed == Changed.PEOPLE | Changed.ORGANISATIONS
    assert moved.after.organisation_name == "Sefton CVS"
    assert moved.undo is not None
    moved.undo(db)
    assert people.get_person(db, person.id).organisation_id == council.id
    assert [o.name for o in organisations.list_organisations(db)] == ["Sefton Council"]
    assert people.set_organisation(db, person.id, "  ").after.organisation_id is None
