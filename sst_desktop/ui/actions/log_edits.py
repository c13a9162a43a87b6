"""Changing an action from the log: its status (in the table or the details), its due date, and a
dated progress update. Each is one operation on the undo stack of the window; the log hears the
change and reads the actions it touched again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from sst_desktop.domain import action_rows as ar
from sst_desktop.domain.enums import ActionStatus
from sst_desktop.domain.field_wording import shown_value
from sst_desktop.services.actions import ActionPatch
from sst_desktop.services.errors import EditConflictError
from sst_desktop.services.outcome import Changed
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.minutes.conflict import keep_mine
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

    def shown(self, action_id: int) -> tuple[ActionStatus, date | None] | None:
        """The status and due date the officer sees for the action (what a change is based on)."""
        record = self.page.details.record
        if record is not None and record.id == action_id:
            return record.status, record.due_date
        row = next((r for r in self.page.model.log.rows if r[ar.R_ID] == action_id), None)
        if row is None:
            return None
        return ar.STATUSES[row[ar.R_STATUS]], date.fromisoformat(row[ar.R_DUE]) if row[ar.R_DUE] else None

    def change_status(
        self, action_id: int, value: str, completed_on: object = None, based_on: ActionStatus | None = None
    ) -> None:
        """A status chosen in the table or the details (with the date it was done, if given), based
        on the status shown: one another officer set meanwhile is not overwritten unasked."""
        when = completed_on if isinstance(completed_on, date) else None
        status = ActionStatus(value)
        shown = self.shown(action_id)
        basis = based_on if based_on is not None else shown[0] if shown is not None else None
        operations.set_status(
            self.context, self.page, action_id, self.reference(action_id), status, when, basis
        ).on_conflict(
            lambda conflict: self._conflict(
                conflict,
                action_id,
                f"Status: {shown_value(status)}",
                lambda stored: self.change_status(action_id, value, completed_on, stored.get("status")),
            )
        ).failure(self._refused).run()

    def change_due(self, action_id: int, due: object, based_on: ActionPatch | None = None) -> None:
        when = due if isinstance(due, date) else None
        shown = self.shown(action_id)
        basis = based_on or (ActionPatch(due_date=shown[1]) if shown is not None else None)
        operations.set_due(
            self.context, self.page, action_id, self.reference(action_id), when, basis
        ).on_conflict(
            lambda conflict: self._conflict(
                conflict,
                action_id,
                f"Due date: {shown_value(when)}",
                lambda stored: self.change_due(action_id, due, ActionPatch(**stored)),
            )
        ).failure(self._refused).run()

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

    def _conflict(
        self, conflict: EditConflictError, action_id: int, mine: str, again: Callable[[dict[str, Any]], None]
    ) -> None:
        """Another officer changed the action meanwhile: both are shown, and the officer keeps theirs
        (``again``, based on what is stored now) or takes the other's."""
        title = "Someone else changed this action"
        if keep_mine(self.page.window(), mine, conflict, self.reference(action_id), title):
            again(conflict.stored)
        else:
            self.page.details.show_again()
            self.context.announce(Changed.ACTIONS)  # theirs: the log reads the action again
