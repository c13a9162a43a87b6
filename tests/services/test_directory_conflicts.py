"""No lost edit in the directory: a committee's, a person's or an organisation's field changed by
another officer since this officer's copy was read is not overwritten, and an undo never takes back
their later change (on both backends)."""

from __future__ import annotations

import pytest

from sst_desktop.services import committees, organisations, people
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.services.errors import EditConflictError
from sst_desktop.services.organisations import OrganisationPatch
from sst_desktop.services.people import PersonPatch
from sst_desktop.storage import audit


def test_a_committee_field_changed_since_is_kept_and_says_who(db) -> None:  # type: ignore[no-untyped-def]
    seen = committees.create_committee(
        db, CommitteePatch(name="Safer Sefton Together", short_name="SST")
    ).after
    assert seen is not None
    with audit.acting_as("jsmith"):
        committees.update_committee(db, seen.id, CommitteePatch(default_venue="Bootle Town Hall"))
    with pytest.raises(EditConflictError) as refused:
        committees.update_committee(
            db, seen.id, CommitteePatch(default_venue="Southport Town Hall"), CommitteePatch(default_venue="")
        )
    assert refused.value.stored == {"default_venue": "Bootle Town Hall"}
    assert refused.value.theirs == "Default venue: Bootle Town Hall"
    assert "Safer Sefton Together" in str(refused.value)
    assert committees.get_committee(db, seen.id).default_venue == "Bootle Town Hall"
    # a field nobody else changed is saved, based on the same older copy
    committees.update_committee(
        db, seen.id, CommitteePatch(description="Community safety"), CommitteePatch(description="")
    )
    assert committees.get_committee(db, seen.id).description == "Community safety"


def test_undo_of_a_person_or_organisation_edit_after_another_officers_is_refused(db) -> None:  # type: ignore[no-untyped-def]
    person = people.create_person(db, PersonPatch(first_name="Dawn", last_name="McNally")).after
    assert person is not None
    mine = people.update_person(
        db, person.id, PersonPatch(email="dawn@merseyside.police.uk"), PersonPatch(email="")
    )
    with audit.acting_as("jsmith"):
        people.update_person(
            db,
            person.id,
            PersonPatch(email="d.mcnally@merseyside.police.uk"),
            PersonPatch(email="dawn@merseyside.police.uk"),
        )
    assert mine.undo is not None
    with pytest.raises(EditConflictError):
        mine.undo(db)
    assert people.get_person(db, person.id).email == "d.mcnally@merseyside.police.uk"

    organisation = organisations.create_organisation(db, "Sefton Council").after
    assert organisation is not None
    renamed = organisations.update_organisation(db, organisation.id, OrganisationPatch(short_name="SMBC"))
    organisations.update_organisation(db, organisation.id, OrganisationPatch(short_name="Sefton"))
    assert renamed.undo is not None
    with pytest.raises(EditConflictError):
        renamed.undo(db)
    assert organisations.get_organisation(db, organisation.id).short_name == "Sefton"
