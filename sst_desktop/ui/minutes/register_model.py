"""What the register shows: one row per person on it, their attendance in words and colour, and
the one-line summary under it."""

from __future__ import annotations

from datetime import time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QTableView

from sst_desktop.domain.enums import AttendanceStatus
from sst_desktop.services.attendance import AttendanceRecord
from sst_desktop.ui import theme

_Index = QModelIndex | QPersistentModelIndex


COLUMNS = ("Name", "Organisation / capacity", "Attendance", "Arrived", "Left")
COL_NAME, COL_ORG, COL_STATUS, COL_ARRIVED, COL_LEFT = range(5)


def status_text(record: AttendanceRecord) -> str:
    remote = " (remote)" if record.remote else ""
    if record.also_present:
        return f"Also present{remote}"
    if record.status == AttendanceStatus.SUBSTITUTE:
        return f"Substitute for {record.substitute_for_name}{remote}"
    if record.status == AttendanceStatus.PRESENT:
        return f"Present{remote}"
    return "Apologies" if record.status == AttendanceStatus.APOLOGIES else "Absent"


def _time(value: time | None) -> str:
    return f"{value:%H:%M}" if value else ""


def comings_text(at: time | None, item_number: int | None) -> str:
    if at is None and item_number is None:
        return ""
    parts = [_time(at)] if at else []
    if item_number is not None:
        parts.append(f"item {item_number}")
    return ", ".join(parts)


class RegisterModel(QAbstractTableModel):
    """The register in its own order (members as listed, then people added), so rows never jump
    while the officer marks them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AttendanceRecord] = []

    def set_records(self, records: list[AttendanceRecord]) -> None:
        rows = sorted(records, key=lambda r: (r.also_present, r.position, r.last_name.casefold(), r.id))
        if [r.id for r in rows] == [r.id for r in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def records(self) -> list[AttendanceRecord]:
        return list(self._rows)

    def record(self, row: int) -> AttendanceRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, attendance_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == attendance_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.record(index.row()) if index.isValid() else None
        if record is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NAME:
                return record.full_name + ("  (in the Chair)" if record.in_chair else "")
            if column == COL_ORG:
                return " — ".join(p for p in (record.capacity, record.organisation_name) if p)
            if column == COL_STATUS:
                return status_text(record)
            if column == COL_ARRIVED:
                return comings_text(record.arrived_at, record.arrived_item_number)
            if column == COL_LEFT:
                return comings_text(record.left_at, record.left_item_number)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATUS:
            if record.is_present or record.also_present:
                return theme.brush("success_text")
            if record.status == AttendanceStatus.APOLOGIES:
                return theme.brush("amber_text")
            return theme.brush("grey_text")
        if role == Qt.ItemDataRole.FontRole and column == COL_NAME and record.in_chair:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_NAME:
            return record.job_title or None
        return None


class RegisterTable(QTableView):
    """Hands the register keys to the panel; everything else behaves as a table does."""

    key_pressed = Signal(object)  # QKeyEvent; the panel sets ``accepted``

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.setAccepted(False)
        self.key_pressed.emit(event)
        if not event.isAccepted():
            super().keyPressEvent(event)


def register_summary(records: list[AttendanceRecord]) -> str:
    members = [r for r in records if not r.also_present]
    present = [r for r in members if r.is_present]
    remote = sum(1 for r in present if r.remote)
    apologies = sum(1 for r in members if r.status == AttendanceStatus.APOLOGIES)
    absent = sum(1 for r in members if r.status == AttendanceStatus.ABSENT)
    also = sum(1 for r in records if r.also_present)
    chair = next((r.name for r in records if r.in_chair), "nobody yet")
    remote_text = f" ({remote} remote)" if remote else ""
    return (
        f"Present {len(present)}{remote_text} · Apologies {apologies} · Absent {absent} · "
        f"Also present {also} · In the Chair: {chair}"
    )
