"""The state one minute-taking window shares with its panels: the meeting, the autosaver, and how
edits are made (flush pending typing first, then one operation on the database worker)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from sst_desktop.services.agenda import AgendaItemRecord
from sst_desktop.services.meetings import MeetingRecord
from sst_desktop.services.outcome import Undoable
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.minutes.autosave import Autosaver
from sst_desktop.ui.operations.op import ChangeOp, alive
from sst_desktop.ui.operations.worker import database_worker

U = TypeVar("U", bound=Undoable)


class MinuteSession(QObject):
    """One meeting being minuted."""

    read_only_changed = Signal(bool)
    current_item_changed = Signal(object)  # AgendaItemRecord or None (the register)

    def __init__(
        self,
        context: AppContext,
        meeting: MeetingRecord,
        read_only_reason: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting = meeting
        self.saver = Autosaver(self, worker=database_worker())
        self.items: list[AgendaItemRecord] = []
        self.current_item: AgendaItemRecord | None = None
        self.read_only_reason = read_only_reason  # why nothing may change ("" while it may)
        self._last_refusal = 0.0
        self._busy = False
        self._own_changes = 0  # changes asked for here (``go``) whose answer has not come back

    @property
    def busy(self) -> bool:
        """True while an edit made here runs: its panel refreshes itself, the window need not."""
        return self._busy or self._own_changes > 0

    @busy.setter
    def busy(self, value: bool) -> None:
        self._busy = value

    @property
    def read_only(self) -> bool:
        return bool(self.read_only_reason)

    def set_read_only(self, reason: str) -> None:
        if reason != self.read_only_reason:
            self.read_only_reason = reason
            self.read_only_changed.emit(bool(reason))

    def set_current_item(self, item: AgendaItemRecord | None) -> None:
        self.current_item = item
        self.current_item_changed.emit(item)

    def item_by_id(self, item_id: int | None) -> AgendaItemRecord | None:
        return next((i for i in self.items if i.id == item_id), None)

    # Making edits -------------------------------------------------------------------------------
    def go(self, parent: QWidget | None, op: ChangeOp[U], then: Callable[[U], None] | None = None) -> bool:
        """Write pending typing, then run a change on the database worker (onto this window's undo
        stack, unless the op has no undo text); ``then`` shows its result when it comes back.
        False, with nothing run, while the minutes are confirmed."""
        if self.refuse_if_read_only(parent):
            return False
        self.saver.flush()  # queued ahead of the change: the worker runs jobs in order
        self._own_changes += 1

        def done(result: U) -> None:
            try:
                self.saver.note_saved()
                if then is not None:
                    then(result)
            finally:
                self._own_changes -= 1

        def failed(error: BaseException) -> None:
            self._own_changes -= 1
            report_error(alive(parent) if parent is not None else None, error)

        op.success(done).failure(failed).run()
        return True

    def refuse_if_read_only(self, parent: QWidget | None) -> bool:
        """True (after saying why, at most every few seconds as a dialog) when nothing may change."""
        if not self.read_only:
            return False
        now = time.monotonic()
        if now - self._last_refusal > 3:
            self._last_refusal = now
            QMessageBox.information(parent, "These minutes are confirmed", self.read_only_reason)
        else:
            self.context.status_message.emit(self.read_only_reason)
        return True
