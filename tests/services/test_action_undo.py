"""Every change to an action says what it changed and carries its own reversal, applied in one
transaction; the reversal's result carries the redo."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import event

from sst_desktop.domain.enums import ActionStatus
from sst_desktop.services import actions
from sst_desktop.services.actions import ActionPatch
from sst_desktop.services.errors import ConfirmedMinutesError
from sst_desktop.services.outcome import Changed, Undoable
from sst_desktop.storage.engine import Database
from tests.action_world import TODAY, World, build_world, confirm_minutes


@pytest.fixture
def world(db: Database) -> World:
    return build_world(db)


def undo(db: Database, change: Undoable) -> Undoable:
    assert change.undo is not None
    return change.undo(db)


def transactions(db: Database, work) -> int:  # type: ignore[no-untyped-def]
    """How many transactions ``work()`` opened (on any database)."""
    begun: list[object] = []

    def seen(connection: object) -> None:
        begun.append(connection)

    event.listen(db.engine, "begin", seen)
    try:
        work()
    finally:
        event.remove(db.engine, "begin", seen)
    return len(begun)


def test_a_status_change_undoes_to_the_status_and_the_date_it_had(db: Database, world: World) -> None:
    done = world.refs["done"]
    change = actions.set_status(db, done, ActionStatus.IN_PROGRESS)
    assert change.changed == Changed.ACTIONS
    assert actions.get_action(db, done).completed_on is None
    back: list[Undoable] = []
    assert transactions(db, lambda: back.append(undo(db, change))) == 1
    record = actions.get_action(db, done)
    assert record.status is ActionStatus.COMPLETED and record.completed_on == TODAY - timedelta(days=31)
    undo(db, back[0])  # redo
    assert actions.get_action(db, done).status is ActionStatus.IN_PROGRESS


def test_a_due_date_and_an_owner_undo_and_redo(db: Database, world: World) -> None:
    svd = world.refs["svd"]  # due at the next meeting
    due = actions.set_due(db, svd, date(2023, 1, 31))
    assert (due.after.due_date, due.after.due_next_meeting) == (date(2023, 1, 31), False)  # type: ignore[union-attr]
    undone = undo(db, due)
    record = actions.get_action(db, svd)
    assert record.due_date is None and record.due_next_meeting
    undo(db, undone)
    assert actions.get_action(db, svd).due_date == date(2023, 1, 31)

    owner = actions.set_owner(db, svd, world.dawn)
    after = actions.get_action(db, svd)
    assert (after.owner, after.organisation_name) == ("Dawn McNally", "Merseyside Police")
    undo(db, owner)
    assert actions.get_action(db, svd).owner == "Ian Maher"
    typed = actions.set_owner(db, svd, None, "Community Safety Team — Bootle")
    assert actions.get_action(db, svd).owner == "Community Safety Team — Bootle"
    undo(db, typed)
    assert actions.get_action(db, svd).owner == "Ian Maher"


def test_a_progress_update_undoes_and_comes_back_with_its_id(db: Database, world: World) -> None:
    asb = world.refs["asb"]
    added = actions.add_update(db, asb, "Briefing held — 12 attended", on=date(2022, 10, 12), author="JW")
    assert added.changed == Changed.ACTIONS
    removed = undo(db, added)
    assert [u.text for u in actions.list_updates(db, asb)] == ["Briefing booked for October"]
    undo(db, removed)
    again = actions.list_updates(db, asb)[-1]
    assert (again.id, again.text, again.author) == (added.value.id, "Briefing held — 12 attended", "JW")


def test_a_removed_action_comes_back_whole(db: Database, world: World) -> None:
    prevent = actions.get_action(db, world.refs["prevent"])
    history = actions.list_updates(db, prevent.id)
    removed = actions.delete_action(db, prevent.id)
    assert removed.changed == Changed.ACTIONS
    assert transactions(db, lambda: undo(db, removed)) == 1
    back = actions.get_action(db, prevent.id)
    assert back.reference == prevent.reference and back.text == prevent.text
    assert (back.owner, back.due_date, back.position) == (prevent.owner, prevent.due_date, prevent.position)
    assert actions.list_updates(db, prevent.id) == history


def test_a_new_action_undoes_to_nothing_and_redoes_with_its_reference(db: Database, world: World) -> None:
    created = actions.create_action(db, minute_id=world.m14, text="Count the zebra crossings")
    assert created.after is not None and created.changed == Changed.ACTIONS
    gone = undo(db, created)
    assert all(r.id != created.after.id for r in actions.list_actions(db))
    undo(db, gone)
    assert actions.get_action(db, created.after.id).reference == created.after.reference


def test_wording_typed_undoes_but_not_once_the_minutes_are_confirmed(db: Database, world: World) -> None:
    svd = world.refs["svd"]
    before = actions.get_action(db, svd).text
    typed = actions.set_action_text(db, svd, "Report back on the needs assessment")
    assert typed.changed == Changed.ACTIONS
    undo(db, typed)
    assert actions.get_action(db, svd).text == before
    edit = actions.update_action(db, svd, ActionPatch(text="Report back in March"))
    confirm_minutes(db, world.june)
    with pytest.raises(ConfirmedMinutesError):
        undo(db, edit)
    assert actions.get_action(db, svd).text == "Report back in March"


def test_no_change_is_nothing_to_undo(db: Database, world: World) -> None:
    same = actions.set_status(db, world.refs["prevent"], ActionStatus.OPEN)
    assert same.changed == Changed.NOTHING and same.undo is None
