"""A committee's forward plan (items asked for at a later meeting, and where they came from) and its
standing items (on every agenda). Both feed "Create agenda"."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.enums import ForwardPlanStatus, ItemKind
from sst_desktop.services.forward_plan import NEXT_MEETING_LABEL, ForwardPlanPatch, ForwardPlanRecord
from sst_desktop.services.meetings import MeetingRecord
from sst_desktop.services.outcome import Changed
from sst_desktop.services.records import Change, CommitteeRecord
from sst_desktop.services.standing_items import StandingItemPatch, StandingItemRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.meetings.formatting import plain_date
from sst_desktop.ui.meetings.meeting_dialogs import ChangeDialog
from sst_desktop.ui.meetings.models import forward_plan_model, standing_items_model
from sst_desktop.ui.operations import forward_plan, meetings
from sst_desktop.ui.operations.op import ChangeOp
from sst_desktop.ui.widgets.column_fit import ColumnFit
from sst_desktop.ui.widgets.record_model import record_table_view, select_record, selected_record
from sst_desktop.ui.window_geometry import keep_geometry

RELOAD_ON = Changed.FORWARD_PLAN | Changed.AGENDA | Changed.MEETINGS | Changed.MINUTES | Changed.COMMITTEES

ITEM_KINDS = [k for k in ItemKind if k not in (ItemKind.PROCEDURAL, ItemKind.ACTION_LOG)]


class PlanItemDialog(ChangeDialog):
    """Add or edit a forward-plan item (with ``meetings``) or a standing item (without)."""

    def __init__(
        self,
        title: str,
        submit: Callable[[PlanItemDialog], ChangeOp[Any]],
        parent: QWidget | None = None,
        *,
        meetings: Sequence[MeetingRecord] | None = None,
        values: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._submit = submit
        values = values or {}
        self.title = QLineEdit(str(values.get("title", "")))
        self.title.setObjectName("planTitle")
        self.title.setPlaceholderText("e.g. Recruitment of independent DHR chairs")
        self.description = QPlainTextEdit(str(values.get("description", "")))
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(70)
        self.kind = QComboBox()
        for kind in ITEM_KINDS:
            self.kind.addItem(kind.label, kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(values.get("kind", ItemKind.REPORT))))
        self.presenters = QLineEdit(str(values.get("presenters_text", "")))
        self.presenters.setPlaceholderText("e.g. Steve Martlew")
        form = QFormLayout()
        form.addRow("&Title:", self.title)
        form.addRow("&Description:", self.description)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Presenters:", self.presenters)
        self.due: QComboBox | None = None
        self.source: QLineEdit | None = None
        if meetings is not None:
            self.due = QComboBox()
            self.due.setObjectName("dueAt")
            self.due.addItem(NEXT_MEETING_LABEL, None)
            for meeting in meetings:
                self.due.addItem(plain_date(meeting.date), meeting.id)
            target = values.get("target_meeting_id")
            if target is not None and self.due.findData(target) < 0:
                self.due.addItem(f"meeting #{target}", target)
            self.due.setCurrentIndex(max(0, self.due.findData(target)))
            self.source = QLineEdit(str(values.get("source_text", "")))
            self.source.setPlaceholderText(
                "e.g. Minute 4, 22 June 2022: a further report to the next meeting"
            )
            form.addRow("Due &at:", self.due)
            form.addRow("Where it came &from:", self.source)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.title.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.ok.setEnabled(bool(self.title.text().strip()))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        keep_geometry(self, "forward_plan_item", QSize(520, self.sizeHint().height()))

    def plan_patch(self) -> ForwardPlanPatch:
        """The forward-plan item as the form has it (title, details, when it is due, its source)."""
        return ForwardPlanPatch(
            title=self.title.text(),
            description=self.description.toPlainText(),
            kind=self.kind.currentData(),
            presenters_text=self.presenters.text(),
            target_meeting_id=self.due.currentData() if self.due is not None else None,
            source_text=self.source.text() if self.source is not None else "",
        )

    def standing_patch(self) -> StandingItemPatch:
        """The standing item as the form has it."""
        return StandingItemPatch(
            title=self.title.text(),
            description=self.description.toPlainText(),
            kind=self.kind.currentData(),
            presenters_text=self.presenters.text(),
        )

    def _accept(self) -> None:
        self.run(self._submit(self))


class ForwardPlanPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.committee: CommitteeRecord | None = None
        self.today: date | None = None  # None: the real date (tests set another)

        self.plan_model = forward_plan_model(self)
        self.plan_view = record_table_view(self.plan_model)
        self.plan_view.setObjectName("forwardPlan")
        self.plan_view.doubleClicked.connect(lambda _: self.edit_plan_item())
        self.show_closed = QCheckBox("Show done and dropped items")
        self.show_closed.toggled.connect(lambda _: self.reload())
        self.add_plan_button = QPushButton("Add…")
        self.edit_plan_button = QPushButton("Edit…")
        self.done_button = QPushButton("Mark done")
        self.done_button.setToolTip("The board has seen it; it leaves the plan.")
        self.drop_button = QPushButton("Drop")
        self.drop_button.setToolTip("The board no longer needs it; it leaves the plan.")
        self.add_plan_button.clicked.connect(self.add_plan_item)
        self.edit_plan_button.clicked.connect(self.edit_plan_item)
        self.done_button.clicked.connect(lambda: self._set_plan_status(ForwardPlanStatus.DONE))
        self.drop_button.clicked.connect(lambda: self._set_plan_status(ForwardPlanStatus.DROPPED))
        plan_buttons = QHBoxLayout()
        for widget in (self.add_plan_button, self.edit_plan_button, self.done_button, self.drop_button):
            plan_buttons.addWidget(widget)
        plan_buttons.addStretch(1)
        plan_buttons.addWidget(self.show_closed)
        plan_box = QGroupBox("Forward plan: items asked for at a later meeting")
        plan_layout = QVBoxLayout(plan_box)
        plan_layout.addWidget(self.plan_view)
        plan_layout.addLayout(plan_buttons)

        self.standing_model = standing_items_model(self)
        self.standing_view = record_table_view(self.standing_model)
        self.standing_view.setObjectName("standingItems")
        self.standing_view.doubleClicked.connect(lambda _: self.edit_standing_item())
        self.add_standing_button = QPushButton("Add…")
        self.edit_standing_button = QPushButton("Edit…")
        self.pause_button = QPushButton("Pause")
        self.pause_button.setToolTip("A paused standing item stays listed but is left off new agendas.")
        self.remove_standing_button = QPushButton("Remove")
        self.standing_up = QPushButton("Move up")
        self.standing_down = QPushButton("Move down")
        self.add_standing_button.clicked.connect(self.add_standing_item)
        self.edit_standing_button.clicked.connect(self.edit_standing_item)
        self.pause_button.clicked.connect(self.toggle_standing_item)
        self.remove_standing_button.clicked.connect(self.remove_standing_item)
        self.standing_up.clicked.connect(lambda: self.move_standing_item(-1))
        self.standing_down.clicked.connect(lambda: self.move_standing_item(1))
        standing_buttons = QHBoxLayout()
        for widget in (
            self.add_standing_button,
            self.edit_standing_button,
            self.pause_button,
            self.remove_standing_button,
            self.standing_up,
            self.standing_down,
        ):
            standing_buttons.addWidget(widget)
        standing_buttons.addStretch(1)
        standing_box = QGroupBox("Standing items: on every agenda, after the minutes of the previous meeting")
        standing_layout = QVBoxLayout(standing_box)
        standing_layout.addWidget(self.standing_view)
        standing_layout.addLayout(standing_buttons)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(plan_box)
        splitter.addWidget(standing_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        for view in (self.plan_view, self.standing_view):
            view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        # Titles need the room; dates and statuses are kept whole; presenters show in the tooltip.
        self._plan_columns = ColumnFit(self.plan_view, {0: 3, 2: 2})
        self.plan_view.setColumnHidden(3, True)
        self._standing_columns = ColumnFit(self.standing_view, {0: 3, 1: 2})
        self._wanted: dict[str, int] = {}  # the row to choose in each list once it comes back
        context.changed.connect(self._changed)
        self.show_committee(None)

    # showing --------------------------------------------------------------------------------
    def show_committee(self, committee: CommitteeRecord | None) -> None:
        self.committee = committee
        self.reload()

    def _changed(self, changed: Changed) -> None:
        if changed & RELOAD_ON:
            self.reload()

    def reload(self) -> None:
        for key, view in (("plan", self.plan_view), ("standing", self.standing_view)):
            chosen = selected_record(view)
            if chosen is not None:
                self._wanted.setdefault(key, chosen.id)
        committee = self.committee
        if committee is None:
            self._show_plan(None, ([], []))
            return
        forward_plan.list_plan(
            self.context, self, committee.id, include_closed=self.show_closed.isChecked()
        ).success(lambda plan: self._show_plan(committee.id, plan)).run()

    def _show_plan(self, committee_id: int | None, plan: forward_plan.Plan) -> None:
        if committee_id != (self.committee.id if self.committee else None):
            return  # another committee was chosen meanwhile
        plans, standing = plan
        self.plan_model.set_records(plans)
        self.standing_model.set_records(standing)
        for key, view in (("plan", self.plan_view), ("standing", self.standing_view)):
            wanted = self._wanted.pop(key, None)
            if wanted is not None:
                _select_id(view, wanted)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_committee = self.committee is not None
        plan: ForwardPlanRecord | None = selected_record(self.plan_view)
        standing: StandingItemRecord | None = selected_record(self.standing_view)
        self.add_plan_button.setEnabled(has_committee)
        self.edit_plan_button.setEnabled(plan is not None)
        open_plan = plan is not None and plan.status in (
            ForwardPlanStatus.PENDING,
            ForwardPlanStatus.SCHEDULED,
        )
        self.done_button.setEnabled(open_plan)
        self.drop_button.setEnabled(plan is not None and plan.status == ForwardPlanStatus.PENDING)
        self.add_standing_button.setEnabled(has_committee)
        for button in (self.edit_standing_button, self.pause_button, self.remove_standing_button):
            button.setEnabled(standing is not None)
        self.pause_button.setText("Resume" if standing is not None and not standing.active else "Pause")
        row = self.standing_model.row_of(lambda r: standing is not None and r.id == standing.id)
        self.standing_up.setEnabled(row > 0)
        self.standing_down.setEnabled(0 <= row < self.standing_model.rowCount() - 1)

    def _choose(self, key: str, change: Change[Any]) -> None:
        """Choose the row just made once the list comes back with it."""
        if change.after is not None:
            self._wanted[key] = change.after.id

    # forward plan ---------------------------------------------------------------------------
    def _with_meetings(self, then: Callable[[list[MeetingRecord]], None]) -> None:
        """Read the committee's scheduled meetings to come (a forward-plan item's choices), then ``then``."""
        committee = self.committee
        if committee is not None:
            today = self.today or date.today()
            meetings.scheduled_meetings(self.context, self, committee.id, today).success(then).run()

    def add_plan_item(self) -> None:
        committee = self.committee
        if committee is None:
            return
        asked = self.today or date.today()

        def submit(dialog: PlanItemDialog) -> ChangeOp[Change[ForwardPlanRecord]]:
            details = dialog.plan_patch()
            return forward_plan.add_plan_item(
                self.context, dialog, committee.id, dialog.title.text(), replace(details, requested_on=asked)
            )

        def ask(upcoming: list[MeetingRecord]) -> None:
            dialog = PlanItemDialog("Add to the forward plan", submit, self, meetings=upcoming)
            dialog.made.connect(lambda change: self._choose("plan", change))
            dialog.exec()

        self._with_meetings(ask)

    def edit_plan_item(self) -> None:
        plan: ForwardPlanRecord | None = selected_record(self.plan_view)
        if plan is None:
            return
        values = {
            "title": plan.title,
            "description": plan.description,
            "kind": plan.kind,
            "presenters_text": plan.presenters_text,
            "target_meeting_id": plan.target_meeting_id,
            "source_text": plan.source_text,
        }

        def ask(upcoming: list[MeetingRecord]) -> None:
            PlanItemDialog(
                "Edit the forward-plan item",
                lambda dialog: forward_plan.update_plan_item(self.context, dialog, plan, dialog.plan_patch()),
                self,
                meetings=upcoming,
                values=values,
            ).exec()

        self._with_meetings(ask)

    def _set_plan_status(self, status: ForwardPlanStatus) -> None:
        plan: ForwardPlanRecord | None = selected_record(self.plan_view)
        if plan is None:
            return
        done = status == ForwardPlanStatus.DONE
        (forward_plan.mark_done if done else forward_plan.drop)(self.context, self, plan).run()

    # standing items -------------------------------------------------------------------------
    def add_standing_item(self) -> None:
        committee = self.committee
        if committee is None:
            return

        def submit(dialog: PlanItemDialog) -> ChangeOp[Change[StandingItemRecord]]:
            return forward_plan.add_standing_item(
                self.context,
                dialog,
                committee.id,
                dialog.title.text(),
                description=dialog.description.toPlainText(),
                kind=dialog.kind.currentData(),
                presenters_text=dialog.presenters.text(),
            )

        dialog = PlanItemDialog("Add a standing item", submit, self)
        dialog.made.connect(lambda change: self._choose("standing", change))
        dialog.exec()

    def edit_standing_item(self) -> None:
        item: StandingItemRecord | None = selected_record(self.standing_view)
        if item is None:
            return
        values = {
            "title": item.title,
            "description": item.description,
            "kind": item.kind,
            "presenters_text": item.presenters_text,
        }
        PlanItemDialog(
            "Edit the standing item",
            lambda dialog: forward_plan.update_standing_item(
                self.context, dialog, item, dialog.standing_patch()
            ),
            self,
            values=values,
        ).exec()

    def toggle_standing_item(self) -> None:
        item: StandingItemRecord | None = selected_record(self.standing_view)
        if item is None:
            return
        verb = "Resume" if not item.active else "Pause"
        forward_plan.update_standing_item(
            self.context, self, item, StandingItemPatch(active=not item.active), verb
        ).run()

    def remove_standing_item(self) -> None:
        item: StandingItemRecord | None = selected_record(self.standing_view)
        if item is not None:
            forward_plan.remove_standing_item(self.context, self, item).run()

    def move_standing_item(self, step: int) -> None:
        item: StandingItemRecord | None = selected_record(self.standing_view)
        if item is None:
            return
        target = self.standing_model.row_of(lambda r: r.id == item.id) + step
        if 0 <= target < self.standing_model.rowCount():
            forward_plan.move_standing_item(self.context, self, item, target).run()


def _select_id(view: QTableView, record_id: int) -> None:
    select_record(view, lambda record: record.id == record_id)
