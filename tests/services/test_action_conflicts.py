"""No lost edit on actions: a change to an action's wording, owner, due date or status made on the
basis of an older copy is not applied, and its undo never takes back another officer's later edit
(on both backends)."""

from __future__ import annotations

from datetime import date

import pytest

from sst_desktop.domain.enums import ActionStatus
from sst_desktop.services import actions, committees
from sst_desktop.services.actions import ActionPatch
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.services.errors import EditConflictError
from sst_desktop.storage import audit


def _action(db):  # type: ignore[no-untyped-def]
    committee = committees.create_committee(
        db, CommitteePatch(name="Safer Sefton Together", short_name="SST")
    ).after
    assert committee is not None
    created = actions.create_action(db, committee_id=committee.id, text="Circulate the DHR report")
    assert created.after is not None
    return created.after


def test_wording_changed_since_it_was_read_is_kept(db) -> None:  # type: ignore[no-untyped-def]
    action = _action(db)
    with audit.acting_as("jsmith"):
        actions.set_action_text(db, action.id, "Circulate the DHR report to partners", based_on=action.text)
    with pytest.raises(EditConflictError) as refused:
        actions.set_action_text(db, action.id, "Circulate the report", based_on=action.text)
    assert refused.value.theirs == "Circulate the DHR report to partners"
    assert actions.get_action(db, action.id).text == "Circulate the DHR report to partners"
    # the same text, or a save based on what is there, goes through
    actions.set_action_text(db, action.id, "Circulate the DHR report to partners", based_on=action.text)
    actions.set_action_text(db, action.id, "Circulate it", based_on="Circulate the DHR report to partners")
    assert actions.get_action(db, action.id).text == "Circulate it"


def test_a_status_or_due_date_set_since_is_kept_and_says_who(db) -> None:  # type: ignore[no-untyped-def]
    action = _action(db)
    with audit.acting_as("jsmith"):
        actions.set_status(db, action.id, ActionStatus.IN_PROGRESS, based_on=ActionStatus.OPEN)
    with pytest.raises(EditConflictError) as refused:
        actions.set_status(db, action.id, ActionStatus.COMPLETED, based_on=ActionStatus.OPEN)
    assert refused.value.stored == {"status": ActionStatus.IN_PROGRESS}
    assert refused.value.theirs == "Status: In progress"
    assert action.reference in str(refused.value)
    assert actions.get_action(db, action.id).status is ActionStatus.IN_PROGRESS
    actions.update_action(db, action.id, ActionPatch(owner_text="Steve Martlew"), ActionPatch(owner_text=""))
    with pytest.raises(EditConflictError) as owner_refused:
        actions.update_action(
            db, action.id, ActionPatch(owner_text="Dawn McNally"), ActionPatch(owner_text="")
        )
    assert owner_refused.value.theirs == "Owner: Steve Martlew"
    actions.set_due(db, action.id, date(2022, 9, 8), ActionPatch(due_date=None))
    with pytest.raises(EditConflictError):
        actions.set_due(db, action.id, date(2022, 10, 1), ActionPatch(due_date=None))
    assert actions.get_action(db, action.id).due_date == date(2022, 9, 8)


def test_undo_of_a_status_another_officer_changed_since_is_refused(db) -> None:  # type: ignore[no-untyped-def]
    action = _action(db)
    mine = actions.set_status(db, action.id, ActionStatus.IN_PROGRESS, based_on=ActionStatus.OPEN)
    with audit.acting_as("jsmith"):
        actions.set_status(db, action.id, ActionStatus.COMPLETED, based_on=ActionStatus.IN_PROGRESS)
    assert mine.undo is not None
    with pytest.raises(EditConflictError) as refused:
        mine.undo(db)
    assert refused.value.who in str(refused.value)
    assert actions.get_action(db, action.id).status is ActionStatus.COMPLETED
    # with nobody in between, undo puts it back, and redo again
    again = actions.set_status(db, action.id, ActionStatus.OPEN)
    assert again.undo is not None
    redo = again.undo(db)
    assert actions.get_action(db, action.id).status is ActionStatus.COMPLETED
    assert redo.undo is not None
    redo.undo(db)
    assert actions.get_action(db, action.id).status is ActionStatus.OPEN


def test_undo_of_typed_wording_after_another_officers_edit_is_refused(db) -> None:  # type: ignore[no-untyped-def]
    action = _action(db)
    mine = actions.set_action_text(db, action.id, "Circulate the report", based_on=action.text)
    actions.set_action_text(db, action.id, "Circulate the report today", based_on="Circulate the report")
    assert mine.undo is not None
    with pytest.raises(EditConflictError):
        mine.undo(db)
    assert actions.get_action(db, action.id).text == "Circulate the report today"
