"""Modal dialogs: one whose OK asks the database for a change (add a committee, a person, a member…),
and the way every directory dialog is shown and then disposed of."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtWidgets import QDialog

from sst_desktop.services.records import Change
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.operations.op import ChangeOp

D = TypeVar("D", bound=QDialog)
T = TypeVar("T")


def run_modal(dialog: D, answer: Callable[[D], T]) -> T | None:
    """Show ``dialog`` and wait: ``answer(dialog)`` if it was accepted, else None. The dialog is then
    deleted here, on the GUI thread. (Python owns a dialog made in Python; left to the garbage
    collector, it could be freed while the database worker's thread runs the collector, and a widget
    deleted on another thread breaks Qt.)"""
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return answer(dialog)
    finally:
        shiboken6.delete(dialog)


class ChangeDialog(QDialog):
    """Sends its change and waits for the answer with the form disabled (one request at a time,
    and it cannot be closed meanwhile): it closes once the change is made, with the record in
    ``created``; on a refusal the form comes back as typed, with the reason in a message."""

    created: Any = None

    def send(self, op: ChangeOp[Change[Any]]) -> None:
        self.setEnabled(False)
        op.success(self._made).failure(self._refused).run()

    def reject(self) -> None:
        if self.isEnabled():  # not while a request is on its way: its answer comes back here
            super().reject()

    def _made(self, change: Change[Any]) -> None:
        self.created = change.after
        QDialog.accept(self)

    def _refused(self, error: BaseException) -> None:
        self.setEnabled(True)
        report_error(self, error)
