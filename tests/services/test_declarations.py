"""Declarations of interest per item: add, change, remove, list in agenda order."""

from __future__ import annotations

import pytest

from sst_desktop.domain.enums import DeclarationAction, InterestKind
from sst_desktop.services import declarations
from sst_desktop.services.declarations import DeclarationPatch
from sst_desktop.services.errors import NotFoundError, ValidationError
from sst_desktop.services.outcome import Changed
from tests.minutes_data import build_committee_and_meetings


@pytest.fixture
def seed(db):  # type: ignore[no-untyped-def]
    return build_committee_and_meetings(db)


def test_add_update_remove(db, seed) -> None:  # type: ignore[no-untyped-def]
    added = declarations.add_declaration(
        db,
        seed.meeting_id,
        DeclarationPatch(
            person_id=seed.person_ids["Hardy"],
            kind=InterestKind.DISCLOSABLE_PECUNIARY,
            action=DeclarationAction.WITHDREW,
            nature="Owns land next to the site <b>& yard</b> 🏠",
            agenda_item_id=seed.item_ids[9],
        ),
    ).after
    assert added.person_name == "Councillor Hardy"
    assert added.item_number == 10 and added.item_title == "Unauthorised Encampments"
    assert added.nature == "Owns land next to the site <b>& yard</b> 🏠"
    general = declarations.add_declaration(
        db,
        seed.meeting_id,
        DeclarationPatch(
            person_id=seed.person_ids["White"], kind="other_registrable", action="stayed_not_voting"
        ),
    ).after
    assert [d.id for d in declarations.list_declarations(db, seed.meeting_id)] == [general.id, added.id]
    change = declarations.update_declaration(
        db,
        added.id,
        DeclarationPatch(action=DeclarationAction.STAYED_DISPENSATION, nature="Trustee of a housing charity"),
    )
    assert change.before.action == DeclarationAction.WITHDREW
    assert change.after.action == DeclarationAction.STAYED_DISPENSATION
    assert change.after.kind == InterestKind.DISCLOSABLE_PECUNIARY
    removed = declarations.remove_declaration(db, added.id)
    assert [d.id for d in declarations.list_declarations(db, seed.meeting_id)] == [general.id]
    restored = declarations.restore_declaration(db, removed.before).after
    assert restored.nature == "Trustee of a housing charity"


def test_each_change_says_what_it_changed_and_takes_itself_back(db, seed) -> None:  # type: ignore[no-untyped-def]
    added = declarations.add_declaration(
        db,
        seed.meeting_id,
        DeclarationPatch(person_id=seed.person_ids["Hardy"], kind="non_registrable", action="remained"),
    )
    assert added.changed == Changed.DECLARATIONS
    changed = declarations.update_declaration(db, added.after.id, DeclarationPatch(nature="Governor 🏫"))
    undone = changed.undo(db)
    assert declarations.list_declarations(db, seed.meeting_id)[0].nature == ""
    undone.undo(db)  # redo
    assert declarations.list_declarations(db, seed.meeting_id)[0].nature == "Governor 🏫"
    removed = declarations.remove_declaration(db, added.after.id)
    assert declarations.list_declarations(db, seed.meeting_id) == []
    back = removed.undo(db)
    assert [d.id for d in declarations.list_declarations(db, seed.meeting_id)] == [added.after.id]
    back.undo(db)
    assert declarations.list_declarations(db, seed.meeting_id) == []


def test_bad_input_is_refused_with_a_message(db, seed) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="kind of interest"):
        declarations.add_declaration(
            db,
            seed.meeting_id,
            DeclarationPatch(person_id=seed.person_ids["Hardy"], kind="big", action="withdrew"),
        )
    with pytest.raises(ValidationError, match="what the member did"):
        declarations.add_declaration(
            db,
            seed.meeting_id,
            DeclarationPatch(person_id=seed.person_ids["Hardy"], kind="non_registrable", action="left"),
        )
    with pytest.raises(NotFoundError):
        declarations.add_declaration(
            db,
            seed.meeting_id,
            DeclarationPatch(person_id=999_999, kind="non_registrable", action="withdrew"),
        )
    with pytest.raises(ValidationError, match="agenda items"):
        declarations.add_declaration(
            db,
            seed.meeting_id,
            DeclarationPatch(
                person_id=seed.person_ids["Hardy"],
                kind="non_registrable",
                action="withdrew",
                agenda_item_id=999_999,
            ),
        )
    assert declarations.list_declarations(db, seed.meeting_id) == []
    added = declarations.add_declaration(
        db,
        seed.meeting_id,
        DeclarationPatch(person_id=seed.person_ids["Hardy"], kind="non_registrable", action="remained"),
    ).after
    with pytest.raises(TypeError, match="colour"):  # an unknown field is refused by the patch itself
        declarations.update_declaration(db, added.id, DeclarationPatch(colour="red"))  # type: ignore[call-arg]
    with pytest.raises(NotFoundError):
        declarations.update_declaration(db, 999_999, DeclarationPatch(nature="x"))
