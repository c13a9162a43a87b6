"""Pick the earlier minute this one refers to ("Further to Minute No. 29 …") — never typed.

With the box empty it lists this committee's earlier minutes, newest first, as before; typing filters
them by number, heading or date and, through the record's search (on the database worker), also finds
the minutes of any committee and any year before this meeting whose heading or text has those words.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.meeting_texts import plain_date
from sst_desktop.services.minutes import ReferenceCandidate
from sst_desktop.services.search import Kind, SearchHit, SearchRequest
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations import search as search_ops
from sst_desktop.ui.widgets.column_fit import wrap_list
from sst_desktop.ui.window_geometry import keep_geometry


class ReferencePicker(QDialog):
    def __init__(
        self,
        context: AppContext,
        candidates: list[ReferenceCandidate],
        before: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Refer to an earlier minute")
        keep_geometry(self, "reference_picker", QSize(720, 460))
        self.context = context
        self.candidates = candidates
        self.before = before
        self._asked = 0
        self.search = QLineEdit()
        self.search.setObjectName("referenceSearch")
        self.search.setAccessibleName("Find a minute")
        self.search.setPlaceholderText("Number, heading, date, or words of any committee's earlier minute…")
        self.search.textChanged.connect(self._filter)
        self.list = QListWidget()
        wrap_list(self.list)
        self.list.setObjectName("referenceList")
        self.list.setAccessibleName("Minutes found")
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        self.search.returnPressed.connect(self.accept)
        self.note = QLabel()
        self.note.setObjectName("referenceNote")
        self.resolution = QSpinBox()  # "Minute No. 43 (Resolution 2)"
        self.resolution.setObjectName("referenceResolution")
        self.resolution.setRange(0, 999)
        self.resolution.setSpecialValueText("the whole minute")
        resolution_row = QHBoxLayout()
        resolution_label = QLabel("Refer to &resolution:")
        resolution_label.setBuddy(self.resolution)  # (also what a screen reader calls the box)
        resolution_row.addWidget(resolution_label)
        resolution_row.addWidget(self.resolution)
        resolution_row.addStretch(1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText("Refer to it")
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note)
        layout.addLayout(resolution_row)
        layout.addWidget(box)
        self._filter("")
        self.search.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up and Down in the filter box move through the list.
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
        ):
            self.list.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)

    def _filter(self, text: str) -> None:
        words = [w.casefold() for w in text.split()]
        self.list.clear()
        for candidate in self.candidates:
            if all(w in candidate.label.casefold() for w in words):
                self._add(candidate.label, candidate.minute_id)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._asked += 1
        asked = self._asked
        if not words:
            self.note.setText("This committee's earlier minutes; type words to find any committee's.")
            return
        self.note.setText("Searching every committee's earlier minutes…")
        request = SearchRequest(
            text, date_to=self.before - timedelta(days=1), kinds=frozenset({Kind.MINUTE}), limit=100
        )
        search_ops.find(self.context, self, request).success(lambda hits: self._found(asked, hits)).run()

    def _found(self, asked: int, hits: list[SearchHit]) -> None:
        if asked != self._asked:
            return  # a later keystroke's search is on its way
        listed = {self.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.list.count())}
        for hit in hits:
            if hit.source_id not in listed:
                listed.add(hit.source_id)
                when = plain_date(hit.dated) if hit.dated else ""
                entry = self._add(f"{hit.label} — {when} — {hit.committee_name}", hit.source_id)
                entry.setToolTip(hit.snippet.plain)
        if self.list.count() and self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
        self.note.setText("" if self.list.count() else "No earlier minute has those words.")

    def _add(self, label: str, minute_id: int) -> QListWidgetItem:
        entry = QListWidgetItem(label)
        entry.setData(Qt.ItemDataRole.UserRole, minute_id)
        self.list.addItem(entry)
        return entry

    def chosen_resolution(self) -> int | None:
        """The resolution of the chosen minute referred to (1 = the first), or None for the minute."""
        return self.resolution.value() or None

    def chosen(self) -> int | None:
        entry = self.list.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry is not None else None
