"""The register's two questions: whom a substitute stands in for, and when (during which item)
someone arrived late or left early."""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.agenda_labels import item_labels, printed_label
from sst_desktop.services.attendance import AttendanceRecord
from sst_desktop.ui.minutes.register_model import status_text
from sst_desktop.ui.minutes.session import MinuteSession
from sst_desktop.ui.window_geometry import keep_geometry


class SubstituteDialog(QDialog):
    """Whom does this person substitute for? Members who sent apologies or are absent come first."""

    def __init__(
        self, record: AttendanceRecord, choices: list[AttendanceRecord], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Substitute")
        keep_geometry(self, "substitute")
        away = [r for r in choices if not r.is_present]
        others = [r for r in choices if r.is_present]
        self.combo = QComboBox()
        for r in [*away, *others]:
            self.combo.addItem(f"{r.full_name} — {status_text(r)}", r.person_id)
        if record.substitute_for_id is not None:
            index = self.combo.findData(record.substitute_for_id)
            if index >= 0:
                self.combo.setCurrentIndex(index)
        form = QFormLayout()
        form.addRow(f"{record.full_name} substitutes for:", self.combo)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)

    def chosen(self) -> int | None:
        value = self.combo.currentData()
        return int(value) if value is not None else None


class ComingsDialog(QDialog):
    """The time and item of a late arrival or early departure."""

    def __init__(
        self,
        session: MinuteSession,
        record: AttendanceRecord,
        *,
        arrival: bool,
        at: time | None,
        item_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Arrived" if arrival else "Left")
        keep_geometry(self, "arrived_left")
        now = datetime.now().time()
        shown = at or now
        self.time_edit = QTimeEdit(QTime(shown.hour, shown.minute))
        self.time_edit.setDisplayFormat("HH:mm")
        self.item = QComboBox()
        self.item.addItem("(no item)", None)
        labels = item_labels(session.items)  # as the agenda prints them: "1.", "(A)", or none
        for item in session.items:
            self.item.addItem(f"{printed_label(labels[item.id])} {item.title}".strip(), item.id)
        wanted = (
            item_id if item_id is not None else (session.current_item.id if session.current_item else None)
        )
        index = self.item.findData(wanted)
        self.item.setCurrentIndex(max(index, 0))
        form = QFormLayout()
        form.addRow(QLabel(record.full_name))
        form.addRow("Time:", self.time_edit)
        form.addRow("During item:", self.item)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)

    def values(self) -> tuple[time, int | None]:
        value = self.time_edit.time()
        return time(value.hour(), value.minute()), self.item.currentData()
