"""What every screen shares: the open database, the main window's undo stack, and the signals that
say what changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from sst_desktop.services.outcome import Changed
from sst_desktop.storage.engine import Database


class AppContext(QObject):
    """Shared state of one open database.

    ``changed`` carries the ``Changed`` kinds an edit touched, so the screens showing them reload.
    """

    changed = Signal(object)  # Changed
    status_message = Signal(str)
    open_meeting_requested = Signal(int)  # meeting id: show that meeting (e.g. jump from an action)
    open_minute_requested = Signal(int)  # minute id: minute-taking at that minute (e.g. from an action)

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.undo_stack = QUndoStack(self)  # the main window's; other document windows have their own

    def announce(self, changed: Changed) -> None:
        """Tell every screen which kinds of thing have just changed."""
        if changed:
            self.changed.emit(changed)
