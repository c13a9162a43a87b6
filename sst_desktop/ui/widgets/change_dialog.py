"""A dialog whose OK asks the database for one change (add a committee, a person, a member…)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog

from sst_desktop.services.records import Change
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.operations.op import ChangeOp


class ChangeDialog(QDialog):
    """Sends its change and waits for the answer with the form disabled (one request at a time):
    it closes once the change is made, with the record in ``created``; on a refusal the form comes
    back as typed, with the reason in a message."""

    created: Any = None

    def send(self, op: ChangeOp[Change[Any]]) -> None:
        self.setEnabled(False)
        op.success(self._made).failure(self._refused).run()

    def _made(self, change: Change[Any]) -> None:
        self.created = change.after
        QDialog.accept(self)

    def _refused(self, error: BaseException) -> None:
        self.setEnabled(True)
        report_error(self, error)
