"""Undo that belongs to the document being edited, applied by the services.

Each document window (the main window, a minute-taking window) owns a ``QUndoStack``; a change made
in a widget goes on the stack of the window the widget is in, so Ctrl+Z in one window never takes
back what was done in another, and closing a minute-taking window discards its history.

There is one command type. It holds the change's ``Reversal``: undo runs it on the database worker
(one transaction, in the services), and the outcome it returns carries the reversal that redoes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from sst_desktop.services.errors import EditConflictError, ServiceError
from sst_desktop.services.outcome import Reversal, Undoable
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.operations.worker import database_worker

if TYPE_CHECKING:
    from sst_desktop.ui.context import AppContext


class DocumentWindow:
    """Mixin for a window that keeps its own undo history (its ``undo_stack``)."""

    undo_stack: QUndoStack


def undo_stack_for(widget: QWidget | None) -> QUndoStack | None:
    """The undo stack of the document window ``widget`` belongs to (through parents and dialogs)."""
    current: QWidget | None = widget
    while current is not None:
        if isinstance(current, DocumentWindow):
            return current.undo_stack
        current = current.parentWidget()
    return None


class OperationCommand(QUndoCommand):
    """A change already made; undo and redo apply its reversal on the database worker."""

    def __init__(self, context: AppContext, text: str, reversal: Reversal) -> None:
        super().__init__(text)
        self._context = context
        self._reversal: Reversal | None = reversal
        self._made = True  # the change was made before the command was pushed: the first redo is a no-op

    def redo(self) -> None:
        if self._made:
            self._made = False
            return
        self._apply()

    def undo(self) -> None:
        self._apply()

    def _apply(self) -> None:
        database = self._context.database

        def work() -> Undoable:
            # Read when the job runs, not when queued: an undo queued behind this one's redo
            # needs the reversal that redo returns.
            reversal, self._reversal = self._reversal, None
            if reversal is None:
                raise ServiceError(f"“{self.text()}” can no longer be undone.")
            outcome = reversal(database)
            self._reversal = outcome.undo
            return outcome

        database_worker().submit(work, self._applied, self._refused)

    def _applied(self, outcome: Undoable) -> None:
        self._context.announce(outcome.changed)

    def _refused(self, error: BaseException) -> None:
        self.setObsolete(True)  # the stack drops it the next time it reaches it
        if isinstance(error, EditConflictError):
            # another officer changed it since: undoing now would overwrite their change
            QMessageBox.warning(
                None,
                "Not undone",
                f"“{self.text()}” was not undone: {error.who} changed it {error.at}, after it was "
                f"made, and undoing it now would overwrite their change. Nothing was changed; it now "
                f"reads:\n\n{error.theirs}",
            )
            return
        report_error(None, error)
