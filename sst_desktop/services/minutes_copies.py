"""The copy of confirmed minutes: what they print, kept when they are confirmed.

Confirmed minutes must print exactly as they were confirmed, forever. Much of what they print comes
from the directory, which goes on changing (the committee is renamed, a person's name or title is
corrected, an organisation renamed, an action's due date moved), so ``confirm_previous_minutes``
keeps a copy of the documents' content in the same transaction that confirms them. The copy is made
by the documents' own code (``sst_desktop.exports.minutes_copy.copy_minutes``), which the caller
passes in as a ``Copier``: this layer stores it, and cannot word minutes itself.

Draft minutes have no copy and follow the directory. Withdrawing a confirmation (its undo, while the
confirming meeting's own minutes are open) deletes the copy: the minutes are a draft again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from sst_desktop.domain import ConfirmedMinutesCopy, Meeting
from sst_desktop.storage.engine import Database


@dataclass(frozen=True)
class MinutesCopy:
    """The public and the full minutes' content, as the documents' code serialised it."""

    public: str
    full: str


# Given the database and a meeting id, the copy of that meeting's minutes as they stand (committed) now.
Copier = Callable[[Database, int], MinutesCopy]


def keep_copy(session: Session, meeting_id: int, copy: MinutesCopy) -> None:
    """Store (or replace) the copy of a meeting's minutes, inside the caller's transaction."""
    found = session.get(ConfirmedMinutesCopy, meeting_id)
    if found is None:
        session.add(
            ConfirmedMinutesCopy(meeting_id=meeting_id, public_content=copy.public, full_content=copy.full)
        )
    else:
        found.public_content, found.full_content = copy.public, copy.full


def drop_copy(session: Session, meeting_id: int) -> None:
    session.execute(delete(ConfirmedMinutesCopy).where(ConfirmedMinutesCopy.meeting_id == meeting_id))


def stored_copy(db: Database, meeting_id: int, *, public: bool) -> str | None:
    """The stored content of the public (or full) minutes, or None when no copy was kept."""
    with db.read() as session:
        found = session.get(ConfirmedMinutesCopy, meeting_id)
        if found is None:
            return None
        return found.public_content if public else found.full_content


def store_copy(db: Database, meeting_id: int, copy: MinutesCopy) -> None:
    """Keep the copy of minutes confirmed before copies were kept (see ``printed_minutes``); a copy
    stored meanwhile (by another copy of the program) stays."""
    with db.write() as session:
        if session.get(ConfirmedMinutesCopy, meeting_id) is None:
            keep_copy(session, meeting_id, copy)


def confirmed_without_copy(db: Database) -> list[int]:
    """The meetings whose minutes are confirmed but have no copy (confirmed before copies were kept)."""
    with db.read() as session:
        return list(
            session.scalars(
                select(Meeting.id)
                .outerjoin(ConfirmedMinutesCopy, ConfirmedMinutesCopy.meeting_id == Meeting.id)
                .where(Meeting.minutes_confirmed_at.is_not(None), ConfirmedMinutesCopy.meeting_id.is_(None))
                .order_by(Meeting.id)
            )
        )
