"""Withdraw confirmation…: the one way to take back a confirmation of the previous minutes.

Confirming minutes is a legal act, so it is never an undo step. A confirmation recorded in error is
withdrawn deliberately: the officer says why, and the audit trail keeps the reason with who and when.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.meeting_texts import plain_date
from sst_desktop.services.minutes import Confirmation
from sst_desktop.ui.minutes.session import MinuteSession
from sst_desktop.ui.operations import minutes
from sst_desktop.ui.window_geometry import keep_geometry


class WithdrawConfirmationDialog(QDialog):
    """Asks for the reason; OK stays disabled until one is typed."""

    def __init__(self, previous_date: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Withdraw confirmation")
        explanation = QLabel(
            f"The minutes of the meeting held on {plain_date(previous_date)} will be open to change again, "
            "and the resolution confirming them is removed. Withdraw a confirmation only when it was "
            "recorded in error. The reason is kept in the audit trail."
        )
        explanation.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText("Why is the confirmation withdrawn?")
        self.reason.setAccessibleName("Reason for withdrawing the confirmation")
        self.reason.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Withdraw confirmation")
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(lambda: self.ok_button.setEnabled(bool(self.text())))
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        keep_geometry(self, "withdraw_confirmation", QSize(520, 260))

    def text(self) -> str:
        return self.reason.toPlainText().strip()


def withdraw_confirmation(
    parent: QWidget,
    session: MinuteSession,
    minute_id: int,
    previous_date: date,
    then: Callable[[Confirmation], None],
) -> bool:
    """Ask for the reason and withdraw; ``then`` gets the result once it is recorded. False when
    cancelled (or the minutes here are confirmed)."""
    dialog = WithdrawConfirmationDialog(previous_date, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False

    def withdrawn(result: Confirmation) -> None:
        QMessageBox.information(
            parent,
            "Confirmation withdrawn",
            f"The minutes of the meeting held on {plain_date(previous_date)} are no longer confirmed. "
            "The reason is recorded in this minute's History.",
        )
        then(result)

    op = minutes.withdraw_confirmation(session.context, parent, minute_id, dialog.text())
    return session.go(parent, op, withdrawn)
