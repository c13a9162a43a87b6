"""The state one minute-taking window shares with its panels: the meeting, the autosaver, and how
edits are made (flush pending typing first, then one undoable service call)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from sst_desktop.services import meetings
from sst_desktop.services.agenda import AgendaItemRecord
from sst_desktop.services.meeting_texts import plain_date
from sst_desktop.services.meetings import MeetingRecord
from sst_desktop.services.outcome import Undoable
from sst_desktop.storage.engine import Database
from sst_desktop.ui.context import AppContext, ServiceCommand
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.minutes.autosave import Autosaver
from sst_desktop.ui.operations.op import ChangeOp, alive
from sst_desktop.ui.operations.worker import database_worker

U = TypeVar("U", bound=Undoable)

# What ``AppContext.data_changed`` announces for minute-taking edits.
CHANGED_ATTENDANCE = "attendance"
CHANGED_MINUTES = "minutes"
CHANGED_DECLARATIONS = "declarations"
CHANGED_ACTIONS = "action"


class MinuteSession(QObject):
    """One meeting being minuted."""

    read_only_changed = Signal(bool)
    current_item_changed = Signal(object)  # AgendaItemRecord or None (the register)

    def __init__(self, context: AppContext, meeting: MeetingRecord, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting = meeting
        self.saver = Autosaver(self, worker=database_worker())
        self.items: list[AgendaItemRecord] = []
        self.current_item: AgendaItemRecord | None = None
        self.read_only_reason = confirmed_reason(context.database, meeting)
        self._last_refusal = 0.0
        self._busy = False
        self._own_changes = 0  # changes asked for here (``go``) whose answer has not come back

    @property
    def db(self) -> Database:
        return self.context.database

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

    def run(
        self,
        parent: QWidget | None,
        label: str,
        do: Callable[[], Any],
        undo: Callable[[], Any],
        changed: str,
    ) -> bool:
        """Write pending typing, then make one undoable edit. False when it was refused (a dialog said
        why) or the minutes are confirmed."""
        if self.refuse_if_read_only(parent):
            return False
        self.saver.flush()
        command = ServiceCommand(self.context, label, do, undo, changed, parent)
        self.busy = True
        try:
            self.context.push(command)
        finally:
            self.busy = False
        if not command.failed:
            self.saver.note_saved()
        return not command.failed

    def act(self, parent: QWidget | None, operation: Callable[[], Any], changed: str) -> Any:
        """Write pending typing, then make a change that is deliberately not an undo step (confirming
        minutes is a legal act). Its result, or None when it was refused (a dialog said why)."""
        if self.refuse_if_read_only(parent):
            return None
        self.saver.flush()
        result = self.context.call(parent, operation)
        if result is not None:
            self.saver.note_saved()
            self.busy = True
            try:
                self.context.data_changed.emit(changed)
            finally:
                self.busy = False
        return result

    def call(self, parent: QWidget | None, operation: Callable[[], Any]) -> Any:
        """A read (or a write that is not undoable); errors become a dialog and None."""
        return self.context.call(parent, operation)

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


def confirmed_reason(db: Database, meeting: MeetingRecord) -> str:
    """Why the minutes of ``meeting`` can no longer change ("" while they can)."""
    if meeting.minutes_confirmed_at is None:
        return ""
    by = ""
    if meeting.minutes_confirmed_by_id is not None:
        try:
            confirming = meetings.get_meeting(db, meeting.minutes_confirmed_by_id)
            by = f" at the meeting held on {plain_date(confirming.date)}"
        except Exception:  # the confirming meeting was deleted since
            by = ""
    return (
        f"These minutes were confirmed as a correct record{by} "
        f"(on {_day(meeting.minutes_confirmed_at.date())}). Confirmed minutes are a legal record: "
        "they can be read and exported, but no longer changed."
    )


def _day(value: date) -> str:
    return plain_date(value)
