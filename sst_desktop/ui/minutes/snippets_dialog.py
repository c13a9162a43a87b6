"""The Snippets dialog (Minutes ▸ Snippets…): the committee's trigger words and the text each stands
for, edited as a table. Saved whole, as one undo step of the minute-taking window; the window's
suggestions offer them at once (the trigger typed, Tab puts the text in its place)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from sst_desktop.domain.snippets import SnippetRecord
from sst_desktop.services.outcome import Outcome
from sst_desktop.ui.operations import suggestions

if TYPE_CHECKING:
    from sst_desktop.ui.minutes.minute_taking import MinuteTakingWindow


class SnippetsDialog(QDialog):
    def __init__(self, window: MinuteTakingWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(f"Snippets — {window.session.meeting.committee_name}")
        intro = QLabel(
            "Type a trigger word in the minutes and press Tab: its text takes the word's place. "
            "The trigger is one word; the text may run over several lines."
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 2, self)
        self.table.setAccessibleName("Snippets")
        self.table.setHorizontalHeaderLabels(["Trigger", "Text"])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for snippet in window.completion.vocabulary.snippets:
            self.add_row(snippet.trigger, snippet.text)
        self.add_button = QPushButton("&Add")
        self.add_button.clicked.connect(lambda: self.add_row("", "", edit=True))
        self.remove_button = QPushButton("&Remove")
        self.remove_button.clicked.connect(self.remove_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        rows = QHBoxLayout()
        rows.addWidget(self.add_button)
        rows.addWidget(self.remove_button)
        rows.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(rows)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def add_row(self, trigger: str, text: str, *, edit: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        first = QTableWidgetItem(trigger)
        self.table.setItem(row, 0, first)
        self.table.setItem(row, 1, QTableWidgetItem(text))
        if edit:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(first)

    def remove_row(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def pairs(self) -> list[tuple[str, str]]:
        def cell(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [(cell(row, 0), cell(row, 1)) for row in range(self.table.rowCount())]

    def save(self) -> None:
        """Store the list; a list the record refuses is said, and the dialog stays open to correct it."""
        self.table.setCurrentIndex(QModelIndex())  # commits a cell being edited
        session = self.window_.session
        op = suggestions.save_snippets(self.window_.context, self, session.meeting.committee_id, self.pairs())
        session.go(self, op, self._saved)

    def _saved(self, _outcome: Outcome[tuple[SnippetRecord, ...]]) -> None:
        self.window_.completion.reload()
        self.accept()


def open_snippets(window: MinuteTakingWindow) -> SnippetsDialog:
    dialog = SnippetsDialog(window)
    window.snippets_dialog = dialog
    dialog.open()
    return dialog
