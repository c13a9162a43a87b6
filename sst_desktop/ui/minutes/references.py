"""References to earlier minutes ("Further to Minute No. 29 …"): picked (``search.reference_picker``:
any committee's minute of any year, found by its words), never typed, shown as chips above the
narrative."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)

from sst_desktop.services.minutes import MinuteRecord, ReferenceCandidate
from sst_desktop.services.records import Change
from sst_desktop.ui.minutes.session import MinuteSession
from sst_desktop.ui.minutes.widgets import clear_layout
from sst_desktop.ui.operations import minutes
from sst_desktop.ui.search.reference_picker import ReferencePicker


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
        # any committee's earlier minutes can be found by their words (the record's search)
        dialog = ReferencePicker(self.session.context, candidates, self.session.meeting.date, self.window())
        chosen = dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        if chosen is not None:
            self.add(int(chosen), dialog.chosen_resolution())

    def add(self, referenced_minute_id: int, resolution_number: int | None = None) -> bool:
        if self.minute is None:
            return False
        op = minutes.add_reference(
            self.session.context, self, self.minute.id, referenced_minute_id, resolution_number
        )
        return self.session.go(self, op, self._changed)

    def remove(self, reference_id: int) -> bool:
        if self.minute is None or all(r.id != reference_id for r in self.minute.references):
            return False
        op = minutes.remove_reference(self.session.context, self, reference_id)
        return self.session.go(self, op, self._changed)

    def _changed(self, change: Change[MinuteRecord]) -> None:
        if change.after is not None:
            self.changed.emit(change.after)
