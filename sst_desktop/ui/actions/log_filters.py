"""The action log's filter bar: search as you type, committee, kind, status, owner, organisation,
overdue and due soon. It says what the officer asked to see (``current_filter``); the model filters."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.action_filters import LogFilter
from sst_desktop.domain.action_rows import ActionLog
from sst_desktop.domain.enums import ActionKind, ActionStatus
from sst_desktop.ui.widgets.accessible import with_clear_button

ALL = "__all__"
NOT_DONE = "__not_done__"


class LogFilterBar(QWidget):
    """The filters above the log; ``changed`` whenever what they ask for changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("log-search")
        self.search.setPlaceholderText("Search reference, action, owner, organisation, updates…  (Ctrl+F)")
        with_clear_button(self.search)
        self.search.setAccessibleName("Search the action log")
        self.committee = QComboBox()
        self.committee.setObjectName("log-committee")
        self.kind = QComboBox()
        self.kind.setObjectName("log-kind")
        self.kind.addItem("Actions and recommendations", ALL)
        self.kind.addItem("Actions", ActionKind.ACTION.value)
        self.kind.addItem("Recommendations", ActionKind.RECOMMENDATION.value)
        self.status = QComboBox()
        self.status.setObjectName("log-status")
        self.status.addItem("Any status", ALL)
        self.status.addItem("Not done", NOT_DONE)
        for status in ActionStatus:
            self.status.addItem(status.label, status.value)
        self.owner = QComboBox()
        self.owner.setObjectName("log-owner")
        self.owner.setMaxVisibleItems(25)
        self.owner.setMinimumContentsLength(14)
        self.owner.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.organisation = QComboBox()
        self.organisation.setObjectName("log-organisation")
        self.organisation.setMaxVisibleItems(25)
        self.organisation.setMinimumContentsLength(14)
        self.organisation.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.overdue = QCheckBox("Overdue")
        self.overdue.setObjectName("log-overdue")
        self.due_soon = QCheckBox("Due within")
        self.due_soon.setObjectName("log-due-soon")
        self.due_days = QSpinBox()
        self.due_days.setObjectName("log-due-days")
        self.due_days.setAccessibleName("Due within this many days")
        self.due_days.setRange(0, 3650)
        self.due_days.setValue(14)
        self.due_days.setSuffix(" days")
        self.due_days.setToolTip("Not done and due by then (overdue ones included)")
        self.clear_button = QPushButton("Clear filters")
        self.clear_button.setObjectName("log-clear")

        first = QHBoxLayout()
        first.addWidget(self.search, 3)
        first.addWidget(self.committee, 1)
        first.addWidget(self.kind)
        first.addWidget(self.status)
        second = QHBoxLayout()
        second.addWidget(QLabel("Owner"))
        second.addWidget(self.owner, 1)
        second.addWidget(QLabel("Organisation"))
        second.addWidget(self.organisation, 1)
        second.addWidget(self.overdue)
        second.addWidget(self.due_soon)
        second.addWidget(self.due_days)
        second.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(first)
        layout.addLayout(second)

        self.search.textChanged.connect(self.changed)
        for combo in (self.committee, self.kind, self.status, self.owner, self.organisation):
            combo.currentIndexChanged.connect(self.changed)
        self.overdue.toggled.connect(self.changed)
        self.due_soon.toggled.connect(self.changed)
        self.due_days.valueChanged.connect(self._due_days_changed)
        self.clear_button.clicked.connect(self.clear)
        # Ctrl+F reaches focus_search() through the main window's Edit → Find.
        clear_search = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        clear_search.setContext(Qt.ShortcutContext.WidgetShortcut)
        clear_search.activated.connect(self.search.clear)

    def current_filter(self) -> LogFilter:
        committee = self.committee.currentData()
        status = self.status.currentData()
        if status == ALL:
            statuses = None
        elif status == NOT_DONE:
            statuses = frozenset(s for s in ActionStatus if not s.is_done)
        else:
            statuses = frozenset({ActionStatus(status)})
        owner = self.owner.currentData()
        organisation = self.organisation.currentData()
        kind = self.kind.currentData()
        return LogFilter(
            committee_ids=None if committee in (ALL, None) else frozenset({committee}),
            statuses=statuses,
            owner=None if owner in (ALL, None) else owner,
            organisation_id=None if organisation in (ALL, None) else organisation,
            overdue=self.overdue.isChecked(),
            due_within_days=self.due_days.value() if self.due_soon.isChecked() else None,
            kind=None if kind in (ALL, None) else ActionKind(kind),
            text=self.search.text(),
        )

    def chosen_committee(self) -> int | None:
        committee = self.committee.currentData()
        return None if committee in (ALL, None) else int(committee)

    def fill_choices(self, log: ActionLog) -> None:
        """Offer the committees, owners and organisations of a freshly read log, keeping each choice."""

        def refill(combo: QComboBox, everything: str, items: Sequence[tuple[str, object]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, ALL)
            for text, data in items:
                combo.addItem(text, data)
            position = combo.findData(current)
            combo.setCurrentIndex(position if position >= 0 else 0)
            combo.blockSignals(False)

        committees = sorted(log.committees.values(), key=lambda c: c.name.casefold())
        refill(self.committee, "All committees", [(c.name, c.id) for c in committees])
        refill(self.owner, "Any owner", log.owner_choices())
        refill(self.organisation, "Any organisation", log.organisation_choices())

    def clear(self) -> None:
        for widget in (self.committee, self.kind, self.status, self.owner, self.organisation):
            widget.blockSignals(True)
            widget.setCurrentIndex(0)
            widget.blockSignals(False)
        for box in (self.overdue, self.due_soon):
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.changed.emit()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _due_days_changed(self) -> None:
        if self.due_soon.isChecked():
            self.changed.emit()
