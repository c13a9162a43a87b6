"""Rules that protect the record, checked inside the write transaction by every service that edits it."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sst_desktop.domain import Meeting
from sst_desktop.services.errors import ConfirmedMinutesError, NotFoundError

M = TypeVar("M")


def ensure_minutes_editable(session: Session, meeting_id: int) -> Meeting:
    """Refuse any change to the minutes of a meeting once a later meeting confirmed them.

    The meeting's row is share-locked until the change commits (on a database server; SQLite's
    writers take turns anyway): a confirmation, which updates that row, waits for edits already
    checked to commit, and an edit checked after a confirmation began waits for it and is refused.
    Nothing can commit to confirmed minutes."""
    meeting = session.scalars(
        select(Meeting)
        .where(Meeting.id == meeting_id)
        .with_for_update(read=True)
        .execution_options(populate_existing=True)
    ).first()
    if meeting is None:
        raise NotFoundError(f"There is no meeting with id {meeting_id}.")
    if meeting.minutes_confirmed_at is not None:
        raise ConfirmedMinutesError(
            f"The minutes of the meeting held on {meeting.date:%d %B %Y} were confirmed as a correct record "
            f"on {meeting.minutes_confirmed_at:%d %B %Y} and can no longer be changed."
        )
    return meeting


def take_turns(session: Session, key: str) -> None:
    """Changes that work out the same next value (an action's reference) take turns: the first
    commits before the next reads (a lock held to the end of the transaction, on a database server;
    SQLite's writers take turns anyway)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(func.hashtext(key))))


def for_change(session: Session, model: type[M], row_id: int) -> M | None:
    """The row ``row_id`` as it is now, locked against other changes until this one commits (on a
    database server): what a change compares and replaces is never an older copy, so an import's
    version check and the audit's "before" values are the values actually replaced."""
    table: Any = model
    return session.scalars(
        select(model).where(table.id == row_id).with_for_update().execution_options(populate_existing=True)
    ).first()
