"""The audit trail: every change to minutes, resolutions, actions and action updates keeps who and when."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy import text as sql_text

from sst_desktop.domain import AuditEntry, Minute, Organisation
from sst_desktop.services import actions, history, minutes
from sst_desktop.services.actions import ActionPatch
from sst_desktop.storage import audit
from sst_desktop.storage.engine import Database
from tests.minutes_data import build_committee_and_meetings


@pytest.fixture
def seed(db: Database):  # type: ignore[no-untyped-def]
    return build_committee_and_meetings(db)


def entries(db: Database, entity: str | None = None, entity_id: int | None = None) -> list[AuditEntry]:
    with db.read() as session:
        query = select(AuditEntry).order_by(AuditEntry.id)
        if entity:
            query = query.where(AuditEntry.entity == entity)
        if entity_id is not None:
            query = query.where(AuditEntry.entity_id == entity_id)
        return list(session.scalars(query))


def text_updates(db: Database, minute_id: int) -> list[AuditEntry]:
    return [
        e
        for e in entries(db, "minutes", minute_id)
        if e.operation == "update" and "text" in json.loads(e.changes)
    ]


def test_user_is_the_operating_system_user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit.getpass, "getuser", lambda: "ibarton")
    assert audit.current_user() == "ibarton"
    with audit.acting_as("Import of action log.xlsx"):
        assert audit.current_user() == "Import of action log.xlsx"
    assert audit.current_user() == "ibarton"


def test_minute_text_saved_while_typing_is_recorded_once_per_burst(db: Database, seed) -> None:  # type: ignore[no-untyped-def]
    minute = minutes.minute_for_item(db, seed.item_ids[3])
    with audit.acting_as("ibarton"):
        for text in ("Members", "Members considered", "Members considered a report"):
            minutes.set_text(db, minute.id, text)
    updates = text_updates(db, minute.id)
    assert len(updates) == 1
    assert updates[0].user == "ibarton"
    assert json.loads(updates[0].changes) == {"text": ["", "Members considered a report"]}

    # Later, or by someone else: a new entry.
    with db.write() as session:
        session.execute(
            update(AuditEntry)
            .where(AuditEntry.id == updates[0].id)
            .values(at=updates[0].at - timedelta(minutes=5))
        )
    with audit.acting_as("ibarton"):
        minutes.set_text(db, minute.id, "Members considered a report giving an update.")
    with audit.acting_as("jsmith"):
        minutes.set_text(db, minute.id, "Members considered a report.")
    later = text_updates(db, minute.id)
    assert [(e.user, json.loads(e.changes)["text"]) for e in later] == [
        ("ibarton", ["", "Members considered a report"]),
        ("ibarton", ["Members considered a report", "Members considered a report giving an update."]),
        ("jsmith", ["Members considered a report giving an update.", "Members considered a report."]),
    ]


def test_typing_back_to_the_original_leaves_no_entry(db: Database, seed) -> None:  # type: ignore[no-untyped-def]
    minute = minutes.minute_for_item(db, seed.item_ids[3])
    minutes.set_text(db, minute.id, "typo")
    minutes.set_text(db, minute.id, "")
    assert text_updates(db, minute.id) == []


def test_resolutions_are_recorded_from_insert_to_delete(db: Database, seed) -> None:  # type: ignore[no-untyped-def]
    minute = minutes.minute_for_item(db, seed.item_ids[3])
    with audit.acting_as("ibarton"):
        added = minutes.add_resolution(db, minute.id, "the report be noted").after
        resolution_id = added.resolutions[0].id  # type: ignore[union-attr]
        minutes.update_resolution(db, resolution_id, "the report be noted and circulated")
        minutes.remove_resolution(db, resolution_id)
    trail = [(e.operation, e.entity_id) for e in entries(db, "resolutions")]
    assert trail == [("insert", resolution_id), ("update", resolution_id), ("delete", resolution_id)]
    inserted, changed, deleted = (json.loads(e.changes) for e in entries(db, "resolutions"))
    assert inserted["minute_id"] == [None, minute.id]
    assert inserted["text"][1].startswith("the report be noted")
    assert changed["text"][1] == "the report be noted and circulated"
    assert deleted["text"] == ["the report be noted and circulated", None]

    records = history.minute_history(db, minute.id)
    assert [r.summary for r in records[:3]] == ["Deleted resolution", "Changed text", "Added resolution"]
    assert all(r.user == "ibarton" for r in records[:3])
    assert records[-1].summary == "Added minute"


def test_actions_and_their_updates_are_recorded(db: Database, seed) -> None:  # type: ignore[no-untyped-def]
    minute = minutes.minute_for_item(db, seed.item_ids[3])
    with audit.acting_as("ibarton"):
        action = actions.create_action(db, minute_id=minute.id, text="Find independent DHR chairs").after
        assert action is not None
        actions.update_action(
            db, action.id, ActionPatch(due_date=date(2022, 9, 8), owner_person_id=seed.person_ids["Hare"])
        )
        update_record = actions.add_update(db, action.id, "Two chairs approached", on=date(2022, 7, 1)).value
        actions.sign_off(db, action.id, on=date(2022, 9, 1))
        actions.delete_update(db, update_record.id)
    records = history.action_history(db, action.id)
    summaries = [r.summary for r in reversed(records)]
    assert summaries[0] == "Added action"
    assert "Deleted progress update" in summaries
    assert "Added progress update" in summaries
    due = next(r for r in records if any(c.field == "due_date" for c in r.changes))
    owner = next(c for c in due.changes if c.field == "owner_person_id")
    assert (owner.label, owner.before, owner.after) == ("Owner", "", "Risthardh Hare")
    status = next(c for r in records for c in r.changes if c.field == "status" and c.after == "Completed")
    assert status.label == "Status"


def test_orm_bulk_update_and_delete_are_recorded(db: Database, seed) -> None:  # type: ignore[no-untyped-def]
    minute = minutes.minute_for_item(db, seed.item_ids[4])
    with db.write() as session:
        session.execute(update(Minute).where(Minute.id == minute.id).values(heading="PREVENT"))
    with db.write() as session:
        session.execute(update(Minute), [{"id": minute.id, "heading": "Prevent"}])
    headings = [
        json.loads(e.changes)["heading"]
        for e in entries(db, "minutes", minute.id)
        if e.operation == "update" and "heading" in e.changes
    ]
    assert headings == [[minute.heading, "Prevent"]]  # two edits within a minute: merged


def test_untracked_tables_are_not_recorded(db: Database) -> None:
    with db.write() as session:
        session.add(Organisation(name="Sefton Council"))
    assert entries(db) == []


def test_a_failed_change_leaves_no_entry(db: Database, seed) -> None:  # type: ignore[no-untyped-def]
    minute = minutes.minute_for_item(db, seed.item_ids[3])
    with pytest.raises(RuntimeError), db.write() as session:
        session.get(Minute, minute.id).text = "never saved"  # type: ignore[union-attr]
        session.flush()
        raise RuntimeError("the save failed after the flush")
    assert text_updates(db, minute.id) == []


def test_history_of_something_that_never_existed(db: Database) -> None:
    from sst_desktop.services.errors import NotFoundError

    with pytest.raises(NotFoundError):
        history.minute_history(db, 999)
    with pytest.raises(NotFoundError):
        history.action_history(db, 999)


def test_merging_never_hides_text_a_change_in_between_replaced(db: Database, seed) -> None:  # type: ignore[no-untyped-def]
    """A change the trail did not see (another program, plain SQL) between two of one officer's saves
    breaks the burst: merged, the entry would say "" → "C" and "B", which the save replaced, would be lost."""
    minute = minutes.minute_for_item(db, seed.item_ids[3])
    with audit.acting_as("ibarton"):
        minutes.set_text(db, minute.id, "A")
    with db.write() as session:
        session.execute(sql_text("UPDATE minutes SET text = 'B' WHERE id = :id"), {"id": minute.id})
    with audit.acting_as("ibarton"):
        minutes.set_text(db, minute.id, "C")
    assert [json.loads(e.changes)["text"] for e in text_updates(db, minute.id)] == [["", "A"], ["B", "C"]]
