"""Undoable edits of actions made from the action log."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from sst_desktop.ui.context import AppContext
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.operations.worker import database_worker


class ActionCommand(QUndoCommand):
    """Two service calls (do, undo) on some actions; ``after(ids)`` refreshes what shows them.

    A failure shows a dialog and leaves the undo stack as it was."""

    def __init__(
        self,
        context: AppContext,
        text: str,
        action_ids: tuple[int, ...],
        do: Callable[[], object],
        undo: Callable[[], object],
        after: Callable[[tuple[int, ...]], None],
        parent_widget: QWidget | None = None,
    ) -> None:
        super().__init__(text)
        self._context = context
        self._ids = action_ids
        self._do = do
        self._undo = undo
        self._after = after
        self._parent_widget = parent_widget
        self.failed = False

    def redo(self) -> None:
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, operation: Callable[[], object]) -> None:
        database_worker().drain()  # after every operation asked before it (see AppContext.call)
        try:
            operation()
        except Exception as error:
            self.failed = True
            self.setObsolete(True)
            report_error(self._parent_widget, error)
            return
        self._after(self._ids)
