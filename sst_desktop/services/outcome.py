"""What a change to the record did: the kinds of thing it changed, and how to take it back.

Every mutation a window can make returns an ``Undoable`` result: a ``Change`` (a record before and
after) or an ``Outcome`` (any other value). The window announces ``changed`` so each screen that
shows one of those kinds reloads (one edit that touches two kinds announces both), and keeps
``undo`` on the undo stack of the window it was made in. ``undo`` is a plain function that the
services apply in one transaction; it returns the result of taking the change back, whose own
``undo`` puts it back again (redo). Nothing here knows about Qt.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Generic, Protocol, TypeVar

from sst_desktop.storage.engine import Database

T = TypeVar("T")


class Changed(enum.Flag):
    """The kinds of thing a change can touch; screens subscribe to the kinds they show."""

    NOTHING = 0
    COMMITTEES = enum.auto()
    PEOPLE = enum.auto()
    ORGANISATIONS = enum.auto()
    MEMBERSHIPS = enum.auto()
    MEETINGS = enum.auto()
    AGENDA = enum.auto()
    ATTACHMENTS = enum.auto()
    FORWARD_PLAN = enum.auto()
    MINUTES = enum.auto()
    ATTENDANCE = enum.auto()
    DECLARATIONS = enum.auto()
    ACTIONS = enum.auto()
    STYLE = enum.auto()
    EVERYTHING = (
        COMMITTEES
        | PEOPLE
        | ORGANISATIONS
        | MEMBERSHIPS
        | MEETINGS
        | AGENDA
        | ATTACHMENTS
        | FORWARD_PLAN
        | MINUTES
        | ATTENDANCE
        | DECLARATIONS
        | ACTIONS
        | STYLE
    )


class Undoable(Protocol):
    """What every mutation returns: the kinds it changed, and its reversal (None: not undoable)."""

    @property
    def changed(self) -> Changed: ...

    @property
    def undo(self) -> Reversal | None: ...


Reversal = Callable[[Database], Undoable]
"""Takes a change back in one transaction and returns what that did (with the way to redo it)."""


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """The result of one change: ``value`` for the caller, ``changed`` for every screen, ``undo``
    for the window's undo stack (None when the change cannot or need not be taken back)."""

    value: T
    changed: Changed
    undo: Reversal | None = None

    def with_value(self, value: Any) -> Outcome[Any]:
        """The same change reporting another value (an operation that returns a part of it)."""
        return replace(self, value=value)


def unchanged(value: T) -> Outcome[T]:
    """An outcome for a request that changed nothing (the value was already so)."""
    return Outcome(value, Changed.NOTHING)


def combined(outcomes: list[Undoable], value: T) -> Outcome[T]:
    """Several changes made as one step: undo takes them back newest first, in one transaction
    (the parts' own ``db.write()`` blocks join the one opened here)."""
    changed = Changed.NOTHING
    for outcome in outcomes:
        changed |= outcome.changed
    reversals = [o.undo for o in reversed(outcomes) if o.undo is not None]
    if not reversals:
        return Outcome(value, changed)

    def undo(db: Database) -> Undoable:
        with db.write():
            return combined([reversal(db) for reversal in reversals], value)

    return Outcome(value, changed, undo)
