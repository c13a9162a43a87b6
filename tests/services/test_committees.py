from __future__ import annotations

from datetime import time

import pytest

from sst_desktop.domain.enums import CommitteeKind
from sst_desktop.services import committees, memberships, people
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.services.errors import NotFoundError, ServiceError, ValidationError
from sst_desktop.services.people import PersonPatch
from sst_desktop.storage.engine import Database


def _sst(db: Database, **fields: object):  # type: ignore[no-untyped-def]
    return committees.create_committee(
        db, CommitteePatch(name="Safer Sefton Together", short_name="SST", **fields)
    ).after


def test_create_with_every_detail(db: Database) -> None:
    officer = people.create_person(
        db,
        PersonPatch(
            first_name="Ian", last_name="Barton", telephone="0151 934 2788", email="ian.barton@sefton.gov.uk"
        ),
    ).after
    record = _sst(
        db,
        kind=CommitteeKind.PARTNERSHIP,
        former_names=["Sefton Safer Communities Partnership", "  "],
        default_venue="Bootle Town Hall",
        default_start_time=time(10, 0),
        officer_id=officer.id,
        open_to_public=False,
        uses_call_in=False,
        municipal_year_start_month=5,
    )
    again = committees.get_committee(db, record.id)
    assert again == record
    assert again.former_names == ("Sefton Safer Communities Partnership",)
    assert (again.officer_name, again.officer_telephone) == ("Ian Barton", "0151 934 2788")
    assert again.kind is CommitteeKind.PARTNERSHIP and not again.open_to_public


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": "", "short_name": "X"}, "name", "name is required"),
        ({"name": "X", "short_name": ""}, "short_name", "short name is required"),
        ({"name": "X", "short_name": "a@b"}, "short_name", "cannot contain"),
        ({"name": "X", "short_name": "X", "kind": "club"}, "kind", "not a kind"),
        (
            {"name": "X", "short_name": "X", "municipal_year_start_month": 13},
            "municipal_year_start_month",
            "1 to 12",
        ),
        (
            {"name": "X", "short_name": "X", "municipal_year_start_month": "May"},
            "municipal_year_start_month",
            "1 to 12",
        ),
        ({"name": "X", "short_name": "X", "default_start_time": "10am"}, "default_start_time", "time of day"),
        ({"name": "X", "short_name": "X", "officer_id": 404}, "officer_id", "no person"),
    ],
)
def test_validation(db: Database, fields: dict[str, object], field: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as caught:
        committees.create_committee(db, CommitteePatch(**fields))
    assert caught.value.field == field
    assert committees.list_committees(db) == []


def test_names_unique_ignoring_case(db: Database) -> None:
    first = _sst(db)
    with pytest.raises(ValidationError, match="already has the name"):
        committees.create_committee(db, CommitteePatch(name="SAFER SEFTON TOGETHER", short_name="SST2"))
    with pytest.raises(ValidationError, match="short name"):
        committees.create_committee(db, CommitteePatch(name="Other", short_name="sst"))
    committees.update_committee(db, first.id, CommitteePatch(name="Safer Sefton Together"))  # itself is fine


def test_update_returns_change_and_keeps_untouched_fields(db: Database) -> None:
    record = _sst(db, default_venue="Bootle Town Hall", former_names=["Sefton Safer Communities Partnership"])
    change = committees.update_committee(
        db, record.id, CommitteePatch(default_venue="Remote Meeting - Microsoft Teams")
    )
    assert change.before.default_venue == "Bootle Town Hall"
    assert change.after.default_venue == "Remote Meeting - Microsoft Teams"
    assert change.after.former_names == record.former_names
    committees.update_committee(db, record.id, CommitteePatch(former_names=[]))
    assert committees.get_committee(db, record.id).former_names == ()


def test_find_by_id_short_name_name_or_former_name(db: Database) -> None:
    record = _sst(db, former_names=["Sefton Safer Communities Partnership"])
    for key in (str(record.id), "sst", "safer sefton together", "Sefton Safer Communities Partnership"):
        assert committees.find_committee(db, key).id == record.id
    with pytest.raises(NotFoundError, match="no committee called"):
        committees.find_committee(db, "Planning")


def test_archive_hides(db: Database) -> None:
    record = _sst(db)
    committees.archive_committee(db, record.id)
    assert committees.list_committees(db) == []
    assert committees.list_committees(db, include_archived=True)[0].archived


def test_delete_recreate_and_refusal(db: Database) -> None:
    record = _sst(db, former_names=["Sefton Safer Communities Partnership"])
    removed = committees.delete_committee(db, record.id).before
    assert committees.recreate_committee(db, removed).after == record
    person = people.create_person(db, PersonPatch(last_name="Hardy")).after
    memberships.add_membership(db, record.id, person.id)
    with pytest.raises(ServiceError, match="holds 1 committee membership"):
        committees.delete_committee(db, record.id)
