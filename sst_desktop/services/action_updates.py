"""Progress updates: the dated lines that say how an action is going. Allowed at any time, even on
confirmed minutes: the log is worked on between meetings. Each one is undone by removing it."""

from __future__ import annotations

from datetime import date, datetime

from sst_desktop.domain import ActionUpdate
from sst_desktop.domain.base import utcnow
from sst_desktop.services.action_records import (
    UPDATE_LIMIT,
    ActionUpdateRecord,
    _get,
    _update_record,
    _update_row,
)
from sst_desktop.services.errors import NotFoundError, ServiceError, ValidationError
from sst_desktop.services.outcome import Changed, Outcome
from sst_desktop.services.validation import optional, required
from sst_desktop.storage.engine import Database


def add_update(
    db: Database, action_id: int, text: str, on: date | None = None, author: str = ""
) -> Outcome[ActionUpdateRecord]:
    """Add a dated line of progress (today unless told). Allowed at any time: the log is live.
    Undo removes it again."""
    text = required(text, "The update", field="text", max_length=UPDATE_LIMIT, multiline=True)
    author = optional(author, "The author", field="author", max_length=200)
    if on is None:
        on = date.today()
    elif not isinstance(on, date) or isinstance(on, datetime):
        raise ValidationError("The update's date must be a date.", field="on")
    with db.write() as session:
        action = _get(session, action_id)
        update = ActionUpdate(action_id=action_id, on=on, text=text, author=author)
        session.add(update)
        action.updated_at = utcnow()
        session.flush()
        return _update_added(_update_record(update))


def delete_update(db: Database, update_id: int) -> Outcome[ActionUpdateRecord]:
    """Remove a progress line; undo puts it back as it was."""
    with db.write() as session:
        update = session.get(ActionUpdate, update_id)
        if update is None:
            raise NotFoundError(f"There is no progress update with id {update_id}.")
        record = _update_record(update)
        action = _get(session, update.action_id)
        session.delete(update)
        action.updated_at = utcnow()
        return Outcome(record, Changed.ACTIONS, lambda db: restore_update(db, record))


def restore_update(db: Database, record: ActionUpdateRecord) -> Outcome[ActionUpdateRecord]:
    """Put back a progress line removed by ``delete_update``, with the same id (redo of adding it)."""
    with db.write() as session:
        action = _get(session, record.action_id)
        if session.get(ActionUpdate, record.id) is not None:
            raise ServiceError("That progress update is already there.")
        session.add(_update_row(record))
        action.updated_at = utcnow()
        session.flush()
        return _update_added(record)


def _update_added(record: ActionUpdateRecord) -> Outcome[ActionUpdateRecord]:
    return Outcome(record, Changed.ACTIONS, lambda db: delete_update(db, record.id))
