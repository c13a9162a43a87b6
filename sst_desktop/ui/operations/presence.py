"""Who is typing in which minute, between the windows of this copy and the change-feed watcher.

The minute editor tells the ``PresenceBoard`` of its context when the officer types in a minute
(a keystroke only notes the minute and the time). The watcher's thread, which already follows the
database for other officers' changes, says so in the database every few seconds while the typing
goes on, takes it back when it stops, and reads who else is typing where; the board hands that to
the windows on the GUI thread. Nothing here touches the database on the GUI thread.
"""

from __future__ import annotations

import contextlib
import time
import weakref
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from sqlalchemy import Engine

from sst_desktop.storage import presence
from sst_desktop.storage.presence import Editing
from sst_desktop.ui.context import AppContext

STOP_SECONDS = 4.0  # no keystroke for this long: no longer typing in the minute
RENEW_SECONDS = 2.0  # while typing, the database is told again this often (lines expire after 8 s)
READ_SECONDS = 1.0  # how often the watcher reads who else is typing


class PresenceBoard(QObject):
    """This copy's typing, and other officers' (``editing``), for the windows of one context."""

    changed = Signal()
    _arrived = Signal(object)  # frozenset[Editing], from the watcher's thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._typing: tuple[int, float] | None = None  # (minute id, monotonic time of the last key)
        self.editing: frozenset[Editing] = frozenset()
        self._arrived.connect(self._show)

    def typed(self, minute_id: int) -> None:
        """The officer typed in ``minute_id`` just now (GUI thread; no database work)."""
        self._typing = (minute_id, time.monotonic())

    def left(self, minute_id: int) -> None:
        """The officer is no longer in ``minute_id`` (another item, a closed window)."""
        if self._typing is not None and self._typing[0] == minute_id:
            self._typing = None

    def typing_in(self) -> int | None:
        """The minute typed in within ``STOP_SECONDS`` (any thread)."""
        typing = self._typing
        if typing is None or time.monotonic() - typing[1] > STOP_SECONDS:
            return None
        return typing[0]

    def others_in(self, minute_id: int) -> list[str]:
        """The other officers typing in ``minute_id``, by name."""
        return sorted(e.officer for e in self.editing if e.minute_id == minute_id)

    def received(self, editing: frozenset[Editing]) -> None:
        """Who else is typing where (any thread: shown on the GUI thread)."""
        with contextlib.suppress(RuntimeError):  # (the window has gone meanwhile)
            self._arrived.emit(editing)

    def _show(self, editing: frozenset[Editing]) -> None:
        if editing != self.editing:
            self.editing = editing
            self.changed.emit()


_boards: weakref.WeakKeyDictionary[AppContext, PresenceBoard] = weakref.WeakKeyDictionary()


def presence_board(context: AppContext) -> PresenceBoard:
    """The board of ``context`` (made on first use, on the GUI thread)."""
    board = _boards.get(context)
    if board is None:
        board = _boards[context] = PresenceBoard(context)
    return board


@dataclass
class PresenceFollower:
    """The watcher thread's part: tell the database about this copy's typing, read the others'."""

    board: PresenceBoard
    announced: int | None = None
    renewed_at: float = 0.0
    read_at: float = 0.0
    officer: str = ""

    def step(self, engine: Engine) -> None:
        now = time.monotonic()
        typing = self.board.typing_in()
        renew = typing != self.announced or (typing is not None and now - self.renewed_at >= RENEW_SECONDS)
        read = now - self.read_at >= READ_SECONDS
        if not (renew or read):
            return
        with engine.begin() as connection:
            if renew:
                if typing is None:
                    presence.withdraw(connection)
                else:
                    self.officer = self.officer or presence.officer_name(connection)
                    presence.announce(connection, typing, self.officer)
            found = presence.others(connection) if read else None
        if renew:
            self.announced, self.renewed_at = typing, now
        if found is not None:
            self.read_at = now
            self.board.received(found)
