"""A committee's forward plan (items asked for at a later meeting, and where they came from) and its
standing items (on every agenda). Both feed "Create agenda"."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.enums import ForwardPlanStatus, ItemKind, MeetingStatus
from sst_desktop.services import forward_plan as plan_service
from sst_desktop.services import meetings as meeting_service
from sst_desktop.services.forward_plan import NEXT_MEETING_LABEL, ForwardPlanRecord, StandingItemRecord
from sst_desktop.services.meetings import MeetingRecord
from sst_desktop.services.records import CommitteeRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.meetings.commands import run_create, run_edit
from sst_desktop.ui.meetings.formatting import plain_date
from sst_desktop.ui.meetings.models import forward_plan_model, standing_items_model
from sst_desktop.ui.widgets.column_fit import ColumnFit
from sst_desktop.ui.widgets.record_model import record_table_view, select_record, selected_record
from sst_desktop.ui.window_geometry import keep_geometry

ITEM_KINDS = [k for k in ItemKind if k not in (ItemKind.PROCEDURAL, ItemKind.ACTION_LOG)]


class PlanItemDialog(QDialog):
    """Add or edit a forward-plan item (with ``meetings``) or a standing item (without)."""

    def __init__(
        self,
        title: str,
        submit: Callable[[dict[str, object]], bool],
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

    def values(self) -> dict[str, object]:
        values: dict[str, object] = {
            "title": self.title.text(),
            "description": self.description.toPlainText(),
            "kind": self.kind.currentData(),
            "presenters_text": self.presenters.text(),
        }
        if self.due is not None and self.source is not None:
            values["target_meeting_id"] = self.due.currentData()
            values["source_text"] = self.source.text()
        return values

    def _accept(self) -> None:
        if self._submit(self.values()):
            self.accept()


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
        context.data_changed.connect(self._data_changed)
        self.show_committee(None)

    # showing --------------------------------------------------------------------------------
    def show_committee(self, committee: CommitteeRecord | None) -> None:
        self.committee = committee
        self.reload()

    def _data_changed(self, kind: str) -> None:
        if kind in ("forward_plan", "agenda", "meeting", "minutes", "committee"):
            self.reload()

    def reload(self) -> None:
        committee = self.committee
        plan_id = getattr(selected_record(self.plan_view), "id", None)
        standing_id = getattr(selected_record(self.standing_view), "id", None)
        if committee is None:
            self.plan_model.set_records([])
            self.standing_model.set_records([])
        else:
            db = self.context.database
            closed = self.show_closed.isChecked()
            self.plan_model.set_records(
                self.context.call(
                    self, lambda: plan_service.list_forward_plan(db, committee.id, include_closed=closed)
                )
                or []
            )
            self.standing_model.set_records(
                self.context.call(
                    self, lambda: plan_service.list_standing_items(db, committee.id, include_inactive=True)
                )
                or []
            )
        if plan_id is not None:
            select_record(self.plan_view, lambda r: r.id == plan_id)
        if standing_id is not None:
            select_record(self.standing_view, lambda r: r.id == standing_id)
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

    def _upcoming(self) -> list[MeetingRecord]:
        committee = self.committee
        if committee is None:
            return []
        return [
            m
            for m in self.context.call(
                self,
                lambda: meeting_service.list_meetings(
                    self.context.database, committee.id, when="upcoming", today=self.today
                ),
            )
            or []
            if m.status == MeetingStatus.SCHEDULED
        ]

    # forward plan ---------------------------------------------------------------------------
    def add_plan_item(self) -> None:
        committee = self.committee
        if committee is None:
            return
        db = self.context.database

        def submit(values: dict[str, object]) -> bool:
            fields = dict(values)
            title = str(fields.pop("title"))
            fields["requested_on"] = self.today or date.today()
            record = run_create(
                self.context,
                self,
                f"Add “{title.strip()}” to the forward plan",
                lambda: plan_service.add_forward_plan_item(db, committee.id, title, **fields),
                lambda made: plan_service.delete_forward_plan_item(db, made.id).before,
                lambda kept: plan_service.recreate_forward_plan_item(db, kept),
                "forward_plan",
            )
            if record is not None:
                select_record(self.plan_view, lambda r: r.id == record.id)
            return record is not None

        PlanItemDialog("Add to the forward plan", submit, self, meetings=self._upcoming()).exec()

    def edit_plan_item(self) -> None:
        plan: ForwardPlanRecord | None = selected_record(self.plan_view)
        if plan is None:
            return
        db = self.context.database

        def submit(values: dict[str, object]) -> bool:
            return not run_edit(
                self.context,
                self,
                f"Edit “{plan.title}” on the forward plan",
                lambda: plan_service.update_forward_plan_item(db, plan.id, **values),
                lambda: plan_service.restore_forward_plan_item(db, plan),
                "forward_plan",
            ).failed

        values = {
            "title": plan.title,
            "description": plan.description,
            "kind": plan.kind,
            "presenters_text": plan.presenters_text,
            "target_meeting_id": plan.target_meeting_id,
            "source_text": plan.source_text,
        }
        PlanItemDialog(
            "Edit the forward-plan item", submit, self, meetings=self._upcoming(), values=values
        ).exec()

    def _set_plan_status(self, status: ForwardPlanStatus) -> None:
        plan: ForwardPlanRecord | None = selected_record(self.plan_view)
        if plan is None:
            return
        db = self.context.database
        change = (
            plan_service.mark_forward_plan_done
            if status == ForwardPlanStatus.DONE
            else plan_service.drop_forward_plan_item
        )
        verb = "Mark" if status == ForwardPlanStatus.DONE else "Drop"
        run_edit(
            self.context,
            self,
            f"{verb} “{plan.title}”" + (" done" if status == ForwardPlanStatus.DONE else ""),
            lambda: change(db, plan.id),
            lambda: plan_service.restore_forward_plan_item(db, plan),
            "forward_plan",
        )

    # standing items -------------------------------------------------------------------------
    def add_standing_item(self) -> None:
        committee = self.committee
        if committee is None:
            return
        db = self.context.database

        def submit(values: dict[str, object]) -> bool:
            fields = dict(values)
            title = str(fields.pop("title"))
            record = run_create(
                self.context,
                self,
                f"Add the standing item “{title.strip()}”",
                lambda: plan_service.add_standing_item(db, committee.id, title, **fields),  # type: ignore[arg-type]
                lambda made: plan_service.remove_standing_item(db, made.id).before,
                lambda kept: plan_service.restore_standing_item(db, kept),
                "forward_plan",
            )
            if record is not None:
                select_record(self.standing_view, lambda r: r.id == record.id)
            return record is not None

        PlanItemDialog("Add a standing item", submit, self).exec()

    def edit_standing_item(self) -> None:
        item: StandingItemRecord | None = selected_record(self.standing_view)
        if item is None:
            return
        db = self.context.database
        old = {
            "title": item.title,
            "description": item.description,
            "kind": item.kind,
            "presenters_text": item.presenters_text,
        }

        def submit(values: dict[str, object]) -> bool:
            return not run_edit(
                self.context,
                self,
                f"Edit the standing item “{item.title}”",
                lambda: plan_service.update_standing_item(db, item.id, **values),
                lambda: plan_service.update_standing_item(db, item.id, **old),
                "forward_plan",
            ).failed

        PlanItemDialog("Edit the standing item", submit, self, values=old).exec()

    def toggle_standing_item(self) -> None:
        item: StandingItemRecord | None = selected_record(self.standing_view)
        if item is None:
            return
        db = self.context.database
        verb = "Resume" if not item.active else "Pause"
        run_edit(
            self.context,
            self,
            f"{verb} the standing item “{item.title}”",
            lambda: plan_service.update_standing_item(db, item.id, active=not item.active),
            lambda: plan_service.update_standing_item(db, item.id, active=item.active),
            "forward_plan",
        )

    def remove_standing_item(self) -> None:
        item: StandingItemRecord | None = selected_record(self.standing_view)
        if item is None:
            return
        db = self.context.database
        run_edit(
            self.context,
            self,
            f"Remove the standing item “{item.title}”",
            lambda: plan_service.remove_standing_item(db, item.id),
            lambda: plan_service.restore_standing_item(db, item),
            "forward_plan",
        )

    def move_standing_item(self, step: int) -> None:
        item: StandingItemRecord | None = selected_record(self.standing_view)
        if item is None:
            return
        row = self.standing_model.row_of(lambda r: r.id == item.id)
        target = row + step
        if not 0 <= target < self.standing_model.rowCount():
            return
        db = self.context.database
        run_edit(
            self.context,
            self,
            f"Move the standing item “{item.title}”",
            lambda: plan_service.move_standing_item(db, item.id, target),
            lambda: plan_service.move_standing_item(db, item.id, row),
            "forward_plan",
        )
