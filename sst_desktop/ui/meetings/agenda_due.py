"""The forward-plan items due at the meeting and not yet on its agenda, under the builder's list:
"Add to agenda" (or a double click) puts the chosen ones on it; the others stay on the plan."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.services.forward_plan import ForwardPlanRecord


class DueItems(QWidget):
    """The list of items due; ``accept_requested`` carries the forward-plan items chosen."""

    accept_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel("Due from the forward plan, not yet on this agenda:")
        self.list = QListWidget()
        self.list.setObjectName("dueItems")
        self.list.setMaximumHeight(48)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.accept_button = QPushButton("Add to agenda")
        self.accept_button.setObjectName("acceptDue")
        self.accept_button.setToolTip(
            "Put the chosen forward-plan items on this agenda. Others stay on the plan."
        )
        self.accept_button.clicked.connect(self.accept_selected)
        self.list.itemDoubleClicked.connect(lambda _: self.accept_selected())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.label, 1)
        row.addWidget(self.accept_button)
        layout.addLayout(row)
        layout.addWidget(self.list)

    def show_plans(self, due: Sequence[ForwardPlanRecord]) -> None:
        self.list.clear()
        for plan in due:
            when = "next meeting" if plan.target_meeting_date is None else plan.due_label
            asked = plan.source_minute_label or plan.source_text
            text = f"{plan.title} — due {when}" + (f" (asked for at {asked})" if asked else "")
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, plan)
            row.setToolTip("\n".join(p for p in (plan.title, plan.description, plan.source_label) if p))
            self.list.addItem(row)
        self.setVisible(bool(due))

    def accept_selected(self) -> None:
        plans = [i.data(Qt.ItemDataRole.UserRole) for i in self.list.selectedItems()]
        if not plans and self.list.currentItem() is not None:
            plans = [self.list.currentItem().data(Qt.ItemDataRole.UserRole)]
        if plans:
            self.accept_requested.emit(plans)
