"""Changing an action from the log: its status (in the table or the details), its due date, and a
dated progress update. Each is one operation on the undo stack of the window; the log hears the
change and reads the actions it touched again."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from sst_desktop.domain.enums import ActionStatus
from sst_desktop.services import action_rows as ar
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.operations import actions as operations

if TYPE_CHECKING:
    from sst_desktop.ui.actions.log_view import ActionLogPage


class ActionEdits(QObject):
    """The edits the log page offers, made through ``operations.actions``."""

    def __init__(self, page: ActionLogPage, context: AppContext) -> None:
        super().__init__(page)
        self.page = page
        self.context = context

    def reference(self, action_id: int) -> str:
        """How the undo history names the action ("SST/2022/004")."""
        record = self.page.details.record
        if record is not None and record.id == action_id:
            return record.reference
        row = next((r for r in self.page.model.log.rows if r[ar.R_ID] == action_id), None)
        return row[ar.R_REFERENCE] if row is not None else "the action"

    def change_status(self, action_id: int, value: str, completed_on: object = None) -> None:
        """A status chosen in the table or the details (with the date it was done, if given)."""
        when = completed_on if isinstance(completed_on, date) else None
        operations.set_status(
            self.context, self.page, action_id, self.reference(action_id), ActionStatus(value), when
        ).failure(self._refused).run()

    def change_due(self, action_id: int, due: object) -> None:
        when = due if isinstance(due, date) else None
        operations.set_due(self.context, self.page, action_id, self.reference(action_id), when).failure(
            self._refused
        ).run()

    def add_update(self, action_id: int, text: str, on: object = None) -> None:
        """A progress update typed in the details; the box is cleared once it is saved."""
        when = on if isinstance(on, date) else None
        reference = self.reference(action_id)
        operations.add_update(self.context, self.page, action_id, reference, text, when).success(
            lambda _outcome: self._update_added(reference)
        ).run()

    def _update_added(self, reference: str) -> None:
        self.page.details.update_text.clear()
        self.context.status_message.emit(f"Update added to {reference}.")

    def _refused(self, error: BaseException) -> None:
        report_error(self.page, error)
        self.page.details.show_again()  # the boxes go back to what is stored
