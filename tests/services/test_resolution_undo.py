"""Resolutions say what they changed and take themselves back in one transaction: a further report
also puts the item on the forward plan, and its undo removes both at once. Headings, outcomes and
references to earlier minutes take themselves back too."""

from __future__ import annotations

from sqlalchemy import event

from sst_desktop.services import forward_plan, minutes
from sst_desktop.services.minutes import QuickPhrase
from sst_desktop.services.outcome import Changed
from sst_desktop.storage.engine import Database
from tests.minutes_data import build_committee_and_meetings


def _commits(db: Database) -> list[int]:
    seen: list[int] = []
    event.listen(db.engine, "commit", lambda _conn: seen.append(1))
    return seen


def test_further_report_announces_both_kinds_and_undoes_both_in_one_transaction(db) -> None:  # type: ignore[no-untyped-def]
    seed = build_committee_and_meetings(db)
    minute = minutes.minute_for_item(db, seed.item_ids[3])
    change, plan = minutes.insert_further_report(db, minute.id)
    assert change.changed == Changed.MINUTES | Changed.FORWARD_PLAN
    assert [p.id for p in forward_plan.list_forward_plan(db, seed.committee_id)] == [plan.id]
    commits = _commits(db)
    assert change.undo is not None
    undone = change.undo(db)
    assert len(commits) == 1  # the resolution and the forward-plan item go together
    assert undone.changed == Changed.MINUTES | Changed.FORWARD_PLAN
    assert minutes.get_minute(db, minute.id).resolutions == ()
    assert forward_plan.list_forward_plan(db, seed.committee_id) == []
    assert undone.undo is not None
    undone.undo(db)  # redo
    assert [r.text for r in minutes.get_minute(db, minute.id).resolutions] == [minutes.FURTHER_REPORT]
    assert len(forward_plan.list_forward_plan(db, seed.committee_id)) == 1


def test_removed_resolution_comes_back_in_place_with_its_id(db) -> None:  # type: ignore[no-untyped-def]
    seed = build_committee_and_meetings(db)
    minute = minutes.minute_for_item(db, seed.item_ids[3])
    minutes.add_resolution(db, minute.id, "First 🏛")
    second = minutes.add_resolution(db, minute.id, "Second").after
    minutes.insert_quick_phrase(db, minute.id, QuickPhrase.REPORT_NOTED)
    assert second is not None
    middle = second.resolutions[1]
    removed = minutes.remove_resolution(db, middle.id)
    assert removed.changed == Changed.MINUTES and removed.undo is not None
    back = removed.undo(db)
    resolutions = minutes.get_minute(db, minute.id).resolutions
    assert [(r.id, r.text) for r in resolutions][:2] == [
        (second.resolutions[0].id, "First 🏛"),
        (middle.id, "Second"),
    ]
    moved = minutes.move_resolution(db, middle.id, 0)
    assert moved.undo is not None
    moved.undo(db)
    assert [r.text for r in minutes.get_minute(db, minute.id).resolutions][:2] == ["First 🏛", "Second"]
    assert back.undo is not None
    back.undo(db)
    assert [r.text for r in minutes.get_minute(db, minute.id).resolutions] == [
        "First 🏛",
        minutes.REPORT_NOTED,
    ]


def test_heading_outcome_and_references_take_themselves_back(db) -> None:  # type: ignore[no-untyped-def]
    seed = build_committee_and_meetings(db)
    minute = minutes.minute_for_item(db, seed.item_ids[3])
    earlier = minutes.open_minutes(db, seed.previous_id)[0]
    renamed = minutes.set_heading(db, minute.id, "DHRs – update 🏛")
    assert renamed.changed == Changed.MINUTES and renamed.undo is not None
    renamed.undo(db)
    assert minutes.get_minute(db, minute.id).heading == minute.heading
    deferred = minutes.set_outcome(db, minute.id, "deferred")
    assert deferred.undo is not None
    deferred.undo(db)
    assert minutes.get_minute(db, minute.id).outcome == minute.outcome
    referred = minutes.add_reference(db, minute.id, earlier.id)
    assert referred.undo is not None
    unreferred = referred.undo(db)
    assert minutes.get_minute(db, minute.id).references == ()
    assert unreferred.undo is not None
    unreferred.undo(db)
    assert [r.referenced_minute_id for r in minutes.get_minute(db, minute.id).references] == [earlier.id]
