"""The details of the action chosen in the log: its wording, owner, dates, status, the dated
history of progress updates, and a box to add an update with one keystroke (Enter)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.enums import ActionKind, ActionStatus
from sst_desktop.services.actions import ActionRecord, ActionUpdateRecord
from sst_desktop.ui import theme
from sst_desktop.ui.widgets.accessible import with_clear_button
from sst_desktop.ui.widgets.column_fit import vertical_scroll
from sst_desktop.ui.widgets.date_box import PLACEHOLDER, DateBox

UPDATE_DAYS_AHEAD = 366  # an update may be dated ahead (a meeting booked), not years ahead


class ActionDetails(QWidget):
    """Shows one action; asks the page to change it through signals (the page makes them undoable)."""

    status_chosen = Signal(int, str, object)  # action id, status value, completed on (date | None)
    due_chosen = Signal(int, object)  # action id, due date (date | None)
    update_added = Signal(int, str, object)  # action id, text, date
    open_minute = Signal(int)  # meeting id
    history_requested = Signal(int)  # action id: show who changed it, when (the audit trail)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("action-details")
        self.record: ActionRecord | None = None
        self.updates: list[ActionUpdateRecord] = []
        self._loading = False

        self.heading = QLabel()
        self.heading.setObjectName("action-heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.source = QLabel()
        self.source.setTextFormat(Qt.TextFormat.PlainText)
        self.source.setWordWrap(True)
        self.source.setStyleSheet(theme.text_style("details_text"))
        self.open_button = QPushButton("Go to minute")
        self.open_button.setObjectName("open-minute")
        self.open_button.setToolTip("Open the meeting and the minute this action came from")
        self.open_button.clicked.connect(self._open_minute)
        self.history_button = QPushButton("History…")
        self.history_button.setObjectName("action-history-button")
        self.history_button.setToolTip("Who changed this action, when, and what it said before")
        self.history_button.clicked.connect(self._show_history)

        self.text = QLabel()
        self.text.setObjectName("action-text")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.response_title = QLabel("Response")
        self.response_title.setStyleSheet("font-weight: bold;")
        self.response = QLabel()
        self.response.setObjectName("action-response")
        self.response.setTextFormat(Qt.TextFormat.PlainText)
        self.response.setWordWrap(True)
        self.response.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.owner = QLabel()
        self.owner.setObjectName("action-owner")
        self.owner.setTextFormat(Qt.TextFormat.PlainText)
        self.owner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.owner.setWordWrap(True)
        self.status = QComboBox()
        self.status.setObjectName("details-status")
        for status in ActionStatus:
            self.status.addItem(status.label, status.value)
        self.status.activated.connect(self._status_activated)
        self.completed = DateBox()
        self.completed.setObjectName("details-completed")
        self.completed.set_limits(latest=date.today())
        self.completed.date_changed.connect(self._completed_edited)
        self.due = DateBox()
        self.due.setObjectName("details-due")
        self.due.date_changed.connect(self._due_edited)
        self.overdue = QLabel()
        self.overdue.setStyleSheet(theme.text_style("error_text", bold=True))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow pane: label above
        form.addRow("Owner", self.owner)
        form.addRow("Status", self.status)
        form.addRow("Completed on", self.completed)
        form.addRow("", self.completed.message_label())
        form.addRow("Due", self.due)
        form.addRow("", self.due.message_label())
        self.overdue.setWordWrap(True)
        form.addRow("", self.overdue)

        self.history = QListWidget()
        self.history.setObjectName("action-history")
        self.history.setWordWrap(True)
        self.history.setAlternatingRowColors(True)
        self.history.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.history.setMinimumHeight(120)

        self.update_text = QLineEdit()
        self.update_text.setObjectName("update-text")
        self.update_text.setPlaceholderText("Type a progress update and press Enter")
        with_clear_button(self.update_text)
        self.update_text.setAccessibleName("Progress update")
        self.update_text.returnPressed.connect(self._add_update)
        self.update_on = DateBox(date.today(), allow_empty=False)
        self.update_on.setObjectName("update-on")
        self.update_on.set_limits(latest=date.today() + timedelta(days=UPDATE_DAYS_AHEAD))
        self.update_on.setToolTip("The date of the update (today unless you change it)")
        self.update_text.setMinimumWidth(80)
        self.add_button = QPushButton("Add")
        self.add_button.setObjectName("add-update")
        self.add_button.clicked.connect(self._add_update)
        add_row = QVBoxLayout()
        add_row.addWidget(self.update_text)
        when_row = QHBoxLayout()
        when_row.addWidget(QLabel("Dated"))
        when_row.addWidget(self.update_on)
        when_row.addStretch(1)
        when_row.addWidget(self.add_button)
        add_row.addLayout(when_row)
        add_row.addWidget(self.update_on.message_label())

        history_title = QLabel("Progress updates")
        history_title.setStyleSheet("font-weight: bold;")

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addWidget(self.source)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        layout.addWidget(self.text)
        layout.addWidget(self.response_title)
        layout.addWidget(self.response)
        layout.addLayout(form)
        layout.addWidget(history_title)
        layout.addWidget(self.history, 1)
        scroll = vertical_scroll(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll, 1)
        self._add_box = QWidget()
        self._add_box.setLayout(add_row)
        add_row.setContentsMargins(8, 4, 8, 4)
        outer.addWidget(self._add_box)
        self.placeholder = QLabel("Choose an action to see its history and add updates.")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet(theme.text_style("done_text"))
        outer.addWidget(self.placeholder)
        self._body = scroll
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.show_action(None, [])

    # Showing ----------------------------------------------------------------------------------
    def show_action(
        self, record: ActionRecord | None, updates: list[ActionUpdateRecord], *, keep_typing: bool = False
    ) -> None:
        """Show ``record``; ``keep_typing`` (the same action read again after a change) leaves a date
        box alone while it holds text the officer is still typing."""
        typing = {
            box
            for box in (self.completed, self.due)
            if keep_typing
            and record is not None
            and self.record is not None
            and self.record.id == record.id
            and box.is_edited()
        }
        self._loading = True
        try:
            self.record = record
            self.updates = updates
            self._body.setVisible(record is not None)
            self._add_box.setVisible(record is not None)
            self.placeholder.setVisible(record is None)
            if record is None:
                return
            kind = "Recommendation" if record.kind is ActionKind.RECOMMENDATION else "Action"
            self.heading.setText(f"{kind} {record.reference}")
            where = [record.committee_name]
            if record.meeting_date:
                where.append(f"meeting of {record.meeting_date:%d/%m/%Y}")
            if record.minute_number is not None:
                where.append(f"minute {record.minute_number}")
            self.source.setText(", ".join(where))
            self.open_button.setEnabled(record.meeting_id is not None)
            self.text.setText(record.text)
            is_recommendation = record.kind is ActionKind.RECOMMENDATION
            self.response_title.setVisible(is_recommendation)
            self.response.setVisible(is_recommendation)
            self.response.setText(record.response or "No response recorded yet.")
            owner = record.owner or "No owner recorded"
            if record.organisation_name:
                owner += f" ({record.organisation_name})"
            self.owner.setText(owner)
            self.owner.setToolTip(owner)
            self.status.setCurrentIndex(max(self.status.findData(record.status.value), 0))
            self.completed.setEnabled(record.status.is_done)
            if self.completed not in typing:
                self.completed.set_date(record.completed_on)
            if self.due not in typing:
                self.due.set_date(record.due_date)
            next_meeting = record.due_date is None and record.due_next_meeting
            self.due.setPlaceholderText("Next meeting" if next_meeting else PLACEHOLDER)
            if record.is_overdue:
                days = (date.today() - record.due_date).days  # type: ignore[operator]
                self.overdue.setText(f"Overdue by {days} day{'' if days == 1 else 's'}")
            else:
                self.overdue.setText("")
            self.history.clear()
            for update in updates:
                text = f"{update.on:%d/%m/%Y} — {update.text}"
                if update.author:
                    text += f" ({update.author})"
                self.history.addItem(QListWidgetItem(text))
            if not updates:
                item = QListWidgetItem("No progress recorded yet.")
                item.setForeground(Qt.GlobalColor.gray)
                self.history.addItem(item)
            self.history.scrollToBottom()
        finally:
            self._loading = False

    def show_again(self) -> None:
        """Show the action as stored again (a change typed or chosen was refused)."""
        self.show_action(self.record, self.updates)

    def focus_update(self) -> None:
        if self.record is not None:
            self.update_text.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.update_text.selectAll()

    # Editing ----------------------------------------------------------------------------------
    def _status_activated(self, _index: int) -> None:
        if self._loading or self.record is None:
            return
        value = self.status.currentData()
        if value != self.record.status.value:
            self.status_chosen.emit(self.record.id, value, None)

    def _completed_edited(self, when: date | None) -> None:
        if self._loading or self.record is None or not self.record.status.is_done:
            return
        if when is not None and when != self.record.completed_on:
            self.status_chosen.emit(self.record.id, self.record.status.value, when)

    def _due_edited(self, when: date | None) -> None:
        if self._loading or self.record is None:
            return
        if when != self.record.due_date:
            self.due_chosen.emit(self.record.id, when)

    def _add_update(self) -> None:
        if self.record is None:
            return
        text = self.update_text.text().strip()
        if not text:
            return
        if not self.update_on.commit():  # the reason is shown at the date
            return
        on = self.update_on.date() or date.today()
        self.update_added.emit(self.record.id, text, on)  # the page clears the box once it is saved

    def _show_history(self) -> None:
        if self.record is not None:
            self.history_requested.emit(self.record.id)

    def _open_minute(self) -> None:
        if self.record is not None and self.record.meeting_id is not None:
            self.open_minute.emit(self.record.meeting_id)
