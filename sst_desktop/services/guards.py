"""Rules that protect the record, checked inside the write transaction by every service that edits it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sst_desktop.domain import Meeting
from sst_desktop.domain.field_wording import field_lines, shown_value
from sst_desktop.domain.patch import given
from sst_desktop.services.errors import (
    ConfirmedMinutesError,
    EditConflictError,
    NotFoundError,
    changed_at_text,
)
from sst_desktop.storage import audit

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


def refuse_if_changed_since(
    session: Session,
    entity: str,
    row_id: int,
    *,
    stored: Mapping[str, object],
    based_on: Mapping[str, object],
    wanted: Mapping[str, object],
    changed_at: object,
    what: str,
    theirs: str | None = None,
) -> None:
    """No lost edit: refuse a change made on the basis of an older copy of a row.

    ``based_on`` holds, by field, the values the officer's copy had when the change was made;
    ``stored`` what the row (read locked, in this transaction) holds now. A field another officer
    changed since (stored is neither the basis nor the value wanted) is not overwritten:
    ``EditConflictError`` names who changed ``what`` and when, and carries what is stored. A field
    with no basis is not compared (the command line, imports). An undo is based on what its change
    left, so it too never takes back someone else's later edit."""
    conflicting = {
        name: stored[name]
        for name, basis in based_on.items()
        if name in stored and stored[name] != basis and (name not in wanted or stored[name] != wanted[name])
    }
    if not conflicting:
        return
    who = audit.last_editor(session, entity, row_id) or "Another officer"
    raise EditConflictError(
        f"{who} changed {what} {changed_at_text(changed_at)}, after your copy was read, so your change "
        "was not applied. Nothing is lost: look at it again, and make your change once more if it "
        "still applies.",
        theirs=theirs if theirs is not None else "\n".join(shown_value(v) for v in conflicting.values()),
        who=who,
        when=changed_at,
        stored=conflicting,
    )


def refuse_if_row_changed(
    session: Session,
    row: Any,
    based_on: Mapping[str, object],
    wanted: Mapping[str, object],
    what: str,
    theirs: str | None = None,
    *,
    current: object | None = None,
) -> None:
    """``refuse_if_changed_since`` for an ORM row read for the change (``for_change``); the values
    compared are the row's, or those of ``current`` (its record, as the officer's copy has it)."""
    values = row if current is None else current
    refuse_if_changed_since(
        session,
        row.__tablename__,
        row.id,
        stored={name: getattr(values, name) for name in based_on},
        based_on=based_on,
        wanted=wanted,
        changed_at=getattr(row, "updated_at", None),
        what=what,
        theirs=theirs,
    )


def refuse_if_stale(session: Session, row: Any, record: object, patch: Any, based_on: Any, what: str) -> None:
    """An edit of a directory entry (``patch``) made on the basis of an older copy (``based_on``, a
    patch holding the values the officer saw) is refused when another officer changed one of its
    fields since; ``record`` is the entry as stored now. No basis: nothing compared."""
    if based_on is None:
        return
    basis = given(based_on)
    theirs = field_lines(record, [name for name in basis if getattr(record, name) != basis[name]])
    refuse_if_row_changed(session, row, basis, given(patch), what, theirs, current=record)
