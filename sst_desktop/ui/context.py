"""What every screen shares: the open database, the undo stack, and a signal that data changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from sst_desktop.storage.engine import Database
from sst_desktop.ui.errors import report_error

T = TypeVar("T")


class AppContext(QObject):
    """Shared state of one open database.

    ``data_changed`` carries the kind of thing that changed ("committee", "person", "membership",
    "meeting", "agenda", "minutes", "action"…) so screens showing it reload.
    """

    data_changed = Signal(str)
    status_message = Signal(str)
    open_meeting_requested = Signal(int)  # meeting id: show that meeting (e.g. jump from an action)

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.undo_stack = QUndoStack(self)

    def call(self, parent: QWidget | None, operation: Callable[[], T]) -> T | None:
        """Run a service call; a user-facing error becomes a dialog and None is returned."""
        try:
            return operation()
        except Exception as error:
            report_error(parent, error)
            return None

    def push(self, command: QUndoCommand) -> None:
        """Do an edit through the undo stack (its ``redo`` runs now)."""
        self.undo_stack.push(command)


class ServiceCommand(QUndoCommand):
    """An undoable edit made of two service calls. Failures show a dialog and leave the stack clean.

    ``do`` and ``undo`` return nothing; ``changed`` names what ``data_changed`` should announce.
    """

    def __init__(
        self,
        context: AppContext,
        text: str,
        do: Callable[[], object],
        undo: Callable[[], object],
        changed: str,
        parent_widget: QWidget | None = None,
    ) -> None:
        super().__init__(text)
        self._context = context
        self._do = do
        self._undo = undo
        self._changed = changed
        self._parent_widget = parent_widget
        self.failed = False

    def redo(self) -> None:
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, operation: Callable[[], object]) -> None:
        try:
            operation()
        except Exception as error:
            self.failed = True
            self.setObsolete(True)
            report_error(self._parent_widget, error)
            return
        self._context.data_changed.emit(self._changed)
