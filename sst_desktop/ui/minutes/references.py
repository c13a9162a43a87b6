"""References to earlier minutes ("Further to Minute No. 29 …"): picked from a list, never typed,
shown as chips above the narrative."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.services.minutes import MinuteRecord, ReferenceCandidate
from sst_desktop.services.records import Change
from sst_desktop.ui.minutes.session import MinuteSession
from sst_desktop.ui.minutes.widgets import clear_layout
from sst_desktop.ui.operations import minutes
from sst_desktop.ui.window_geometry import keep_geometry


class ReferencePicker(QDialog):
    """Pick the earlier minute this one refers to ("Further to Minute No. 29 …") — never typed."""

    def __init__(self, candidates: list[ReferenceCandidate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Refer to an earlier minute")
        keep_geometry(self, "reference_picker", QSize(720, 460))
        self.candidates = candidates
        self.search = QLineEdit()
        self.search.setObjectName("referenceSearch")
        self.search.setPlaceholderText("Filter by number, heading or date…")
        self.search.textChanged.connect(self._filter)
        self.list = QListWidget()
        self.list.setObjectName("referenceList")
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        self.search.returnPressed.connect(self.accept)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText("Refer to it")
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
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
            label = candidate.label
            if all(w in label.casefold() for w in words):
                entry = QListWidgetItem(label)
                entry.setData(Qt.ItemDataRole.UserRole, candidate.minute_id)
                self.list.addItem(entry)
        if self.list.count():
            self.list.setCurrentRow(0)

    def chosen(self) -> int | None:
        entry = self.list.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry is not None else None


class MinuteReferences(QWidget):
    """The minute's references as chips (✕ removes one), and the button that adds one."""

    changed = Signal(object)  # MinuteRecord, after a reference was added or removed here

    def __init__(self, session: MinuteSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.minute: MinuteRecord | None = None
        self.box = QHBoxLayout()
        self.box.setSpacing(6)
        self.button = QPushButton("Further to an earlier minute…   Ctrl+Shift+F")
        self.button.setObjectName("referenceButton")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.pick)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addLayout(self.box)
        self.row.addStretch(1)
        self.row.addWidget(self.button)

    def show_minute(self, minute: MinuteRecord | None) -> None:
        self.minute = minute
        clear_layout(self.box)
        for reference in minute.references if minute is not None else ():
            label = QLabel(reference.text)
            label.setObjectName("referenceChip")
            remove = QToolButton()
            remove.setText("✕")
            remove.setObjectName("removeButton")
            remove.setToolTip("Remove this reference")
            remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            remove.setVisible(not self.session.read_only)
            remove.clicked.connect(lambda _=False, r=reference.id: self.remove(r))
            self.box.addWidget(label)
            self.box.addWidget(remove)

    def apply_read_only(self) -> None:
        read_only = self.session.read_only
        self.button.setEnabled(not read_only and self.minute is not None)
        self.button.setVisible(not read_only)

    def pick(self) -> bool:
        """Ask for the earlier minutes to choose from; the picker opens when they come."""
        if self.minute is None or self.session.refuse_if_read_only(self):
            return False
        minute_id = self.minute.id
        minutes.reference_candidates(self.session.context, self, minute_id).success(
            lambda candidates: self._choose(minute_id, candidates)
        ).run()
        return True

    def _choose(self, minute_id: int, candidates: list[ReferenceCandidate]) -> None:
        if self.minute is None or self.minute.id != minute_id:
            return  # another item is shown by now
        if not candidates:
            QMessageBox.information(
                self, "No earlier minutes", "This committee has no earlier minutes to refer to yet."
            )
            return
        dialog = ReferencePicker(candidates, self.window())
        chosen = dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        if chosen is not None:
            self.add(int(chosen))

    def add(self, referenced_minute_id: int) -> bool:
        if self.minute is None:
            return False
        op = minutes.add_reference(self.session.context, self, self.minute.id, referenced_minute_id)
        return self.session.go(self, op, self._changed)

    def remove(self, reference_id: int) -> bool:
        if self.minute is None or all(r.id != reference_id for r in self.minute.references):
            return False
        op = minutes.remove_reference(self.session.context, self, reference_id)
        return self.session.go(self, op, self._changed)

    def _changed(self, change: Change[MinuteRecord]) -> None:
        if change.after is not None:
            self.changed.emit(change.after)
