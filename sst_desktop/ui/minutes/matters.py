"""Matters arising: the committee's open actions from earlier meetings, brought back to this one so
their status and progress can be recorded as the meeting goes through them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.enums import ActionStatus
from sst_desktop.domain.meeting_texts import plain_date
from sst_desktop.services.actions import ActionRecord
from sst_desktop.ui.minutes.session import MinuteSession
from sst_desktop.ui.operations import actions, agenda
from sst_desktop.ui.widgets.column_fit import ColumnFit

COLUMNS = ("Ref", "From", "Action", "Owner", "Due", "Status", "Latest update")
COL_REF, COL_FROM, COL_TEXT, COL_OWNER, COL_DUE, COL_STATUS, COL_UPDATE = range(7)


def due_text(record: ActionRecord) -> str:
    if record.due_next_meeting and record.due_date is None:
        return "Next meeting"
    return f"{record.due_date:%d/%m/%Y}" if record.due_date else ""


class MattersArisingPanel(QWidget):
    """Open actions of the committee; change a status in its column, add an update below."""

    changed = Signal()

    def __init__(self, session: MinuteSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.records: list[ActionRecord] = []
        self.status_boxes: dict[int, QComboBox] = {}

        title = QLabel("MATTERS ARISING — OPEN ACTIONS")
        title.setObjectName("sectionTitle")
        self.none_label = QLabel("The committee has no open actions from earlier meetings.")
        self.none_label.setObjectName("muted")
        self.table = QTableWidget()
        self.table.setObjectName("mattersTable")
        self.table.setAccessibleName("Actions arising")
        self.table.setColumnCount(len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # References, dates and statuses whole; the action, its owner and the latest update share the
        # rest (the action most) and wrap.
        self.columns = ColumnFit(
            self.table, {COL_TEXT: 5, COL_OWNER: 2, COL_UPDATE: 4}, minimum=90, wrap_rows=True
        )
        self.table.setMinimumHeight(180)

        self.update_edit = QLineEdit()
        self.update_edit.setObjectName("actionUpdate")
        self.update_edit.setAccessibleName("Progress reported")
        self.update_edit.setPlaceholderText("Progress reported for the selected action — Enter records it")
        self.update_edit.returnPressed.connect(self.add_update)
        self.update_button = QPushButton("Record update")
        self.update_button.clicked.connect(self.add_update)
        row = QHBoxLayout()
        row.addWidget(self.update_edit, 1)
        row.addWidget(self.update_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addWidget(self.none_label)
        layout.addWidget(self.table)
        layout.addLayout(row)
        session.read_only_changed.connect(lambda _ro: self._apply_read_only())

    @property
    def meeting_date(self) -> date:
        return self.session.meeting.date

    def load(self) -> None:
        """The open actions as they stand when the item comes up (kept listed once done, so a status
        set by mistake can be put back)."""
        agenda.open_actions(self.session.context, self, self.session.meeting).success(self._loaded).run()

    def _loaded(self, records: list[ActionRecord]) -> None:
        self.records = records
        self._fill()

    def _refresh(self, action_id: int) -> None:
        actions.load_action(self.session.context, self, action_id).success(
            lambda found: self._refreshed(found[0])
        ).run()

    def _refreshed(self, fresh: ActionRecord) -> None:
        self.records = [fresh if r.id == fresh.id else r for r in self.records]
        self._fill()

    def _fill(self) -> None:
        current = self.table.currentRow()
        self.table.setRowCount(len(self.records))
        self.status_boxes.clear()
        for row, record in enumerate(self.records):
            origin = f"{plain_date(record.meeting_date)}" if record.meeting_date else ""
            if record.minute_number:
                origin = f"Minute {record.minute_number}, {origin}"
            cells = {
                COL_REF: record.reference,
                COL_FROM: origin,
                COL_TEXT: record.text,
                COL_OWNER: " / ".join(p for p in (record.owner, record.organisation_name) if p),
                COL_DUE: due_text(record),
                COL_UPDATE: (
                    f"{record.latest_update_on:%d/%m/%Y}: {record.latest_update_text}"
                    if record.latest_update_on
                    else ""
                ),
            }
            for column, text in cells.items():
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)
            box = QComboBox()
            for status in ActionStatus:
                box.addItem(status.label, status.value)
            box.setCurrentIndex(box.findData(record.status.value))
            box.currentIndexChanged.connect(
                lambda _i, r=record.id, b=box: self.set_status(r, ActionStatus(b.currentData()))
            )
            box.setEnabled(not self.session.read_only)
            self.table.setCellWidget(row, COL_STATUS, box)
            self.status_boxes[record.id] = box
        self.columns.fit()
        if 0 <= current < len(self.records):
            self.table.selectRow(current)
        elif self.records:
            self.table.selectRow(0)
        self.table.setVisible(bool(self.records))
        self.none_label.setVisible(not self.records)
        self._apply_read_only()
        self.changed.emit()

    def _apply_read_only(self) -> None:
        read_only = self.session.read_only
        self.update_edit.setEnabled(not read_only and bool(self.records))
        self.update_button.setEnabled(not read_only and bool(self.records))
        for box in self.status_boxes.values():
            box.setEnabled(not read_only)

    def current(self) -> ActionRecord | None:
        row = self.table.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def set_status(self, action_id: int, status: ActionStatus) -> bool:
        before = next((r for r in self.records if r.id == action_id), None)
        if before is None or before.status == status:
            return False
        on = self.meeting_date if status.is_done else None
        op = actions.set_status(self.session.context, self, action_id, before.reference, status, on)
        if not self.session.go(self, op, lambda _change: self._refresh(action_id)):
            self._refresh(action_id)  # refused: the box shows the status as stored
            return False
        return True

    def add_update(self) -> bool:
        record = self.current()
        text = self.update_edit.text().strip()
        if record is None or not text:
            return False

        def added(_outcome: object) -> None:
            if self.update_edit.text().strip() == text:
                self.update_edit.clear()
            self._refresh(record.id)

        op = actions.add_update(
            self.session.context, self, record.id, record.reference, text, self.meeting_date
        )
        return self.session.go(self, op, added)

    def select_action(self, action_id: int) -> None:
        row = next((i for i, r in enumerate(self.records) if r.id == action_id), -1)
        if row >= 0:
            self.table.selectRow(row)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
