"""The action log: every action and recommendation of every committee, to filter, sort, update and
chase; details and progress history beside it; the spreadsheet partners work with, out and back in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.enums import ActionKind, ActionStatus
from sst_desktop.services import action_log as al
from sst_desktop.services import actions
from sst_desktop.services.action_log import Column, LogFilter
from sst_desktop.services.actions import ActionPatch
from sst_desktop.ui.actions.commands import ActionCommand
from sst_desktop.ui.actions.log_details import ActionDetails
from sst_desktop.ui.actions.log_model import ID_ROLE, ActionLogModel
from sst_desktop.ui.actions.status_delegate import StatusDelegate
from sst_desktop.ui.actions.transfer import ExportChoices, ImportPreviewDialog
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.tasks import Task, run_task

ALL = "__all__"
NOT_DONE = "__not_done__"
# Kinds of change elsewhere that alter what the log shows (names of committees, people…).
RELOAD_ON = frozenset(
    {"action", "actions", "minutes", "minute", "meeting", "meetings", "committee", "person", "organisation"}
)
COLUMN_WIDTHS = {
    Column.REFERENCE: 118,
    Column.COMMITTEE: 88,
    Column.MEETING_DATE: 82,
    Column.MINUTE: 52,
    Column.ACTION: 320,
    Column.OWNER: 130,
    Column.ORGANISATION: 140,
    Column.DUE: 86,
    Column.STATUS: 120,
    Column.LATEST_UPDATE: 280,
}


class ActionLogPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.db = context.database
        self._stale = False
        self._own_change = False
        self._tasks: list[Task] = []
        self.last_export = None
        self.last_import = None

        # Filter bar ---------------------------------------------------------------------------
        self.search = QLineEdit()
        self.search.setObjectName("log-search")
        self.search.setPlaceholderText("Search reference, action, owner, organisation, updates…  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
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
        self.due_days.setRange(0, 3650)
        self.due_days.setValue(14)
        self.due_days.setSuffix(" days")
        self.due_days.setToolTip("Not done and due by then (overdue ones included)")
        self.clear_button = QPushButton("Clear filters")
        self.clear_button.setObjectName("log-clear")
        self.count = QLabel()
        self.count.setObjectName("log-count")

        self.export_button = QPushButton("Export…")
        self.export_button.setObjectName("log-export")
        self.export_button.setToolTip("Write the action log as an Excel workbook partners can update")
        self.import_button = QPushButton("Import…")
        self.import_button.setObjectName("log-import")
        self.import_button.setToolTip("Read back a workbook partners updated; you see every change first")
        self.register_button = QPushButton("Attendance register…")
        self.register_button.setObjectName("log-register")

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
        third = QHBoxLayout()
        third.addWidget(self.count, 1)
        third.addWidget(self.export_button)
        third.addWidget(self.import_button)
        third.addWidget(self.register_button)

        # Table and details ----------------------------------------------------------------------
        self.model = ActionLogModel(self)
        self.table = QTableView()
        self.table.setObjectName("action-log")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.table.setItemDelegateForColumn(Column.STATUS, StatusDelegate(self.table))
        # What an officer chasing actions looks at first: status and due date beside the reference.
        for visual, column in enumerate(
            (Column.STATUS, Column.DUE), start=header.visualIndex(Column.MINUTE) + 1
        ):
            header.moveSection(header.visualIndex(column), visual)
        self.details = ActionDetails()
        self.details.setMinimumWidth(280)
        self.details.setMaximumWidth(380)

        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1000, 320])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addLayout(third)
        layout.addWidget(splitter, 1)

        # Wiring ---------------------------------------------------------------------------------
        self.search.textChanged.connect(self.apply_filters)
        for combo in (self.committee, self.kind, self.status, self.owner, self.organisation):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.overdue.toggled.connect(self.apply_filters)
        self.due_soon.toggled.connect(self.apply_filters)
        self.due_days.valueChanged.connect(self._due_days_changed)
        self.clear_button.clicked.connect(self.clear_filters)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.status_edited.connect(self.change_status)
        self.model.modelReset.connect(self._update_count)
        self.details.status_chosen.connect(self.change_status)
        self.details.due_chosen.connect(self.change_due)
        self.details.update_added.connect(self.add_update)
        self.details.open_minute.connect(self.open_minute)
        self.details.history_requested.connect(self.show_history)
        self.export_button.clicked.connect(self.choose_export)
        self.import_button.clicked.connect(self.choose_import)
        self.register_button.clicked.connect(self.choose_register)
        self.context.data_changed.connect(self._data_changed)
        # Ctrl+F reaches focus_search() through the main window's Edit → Find.
        clear_search = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        clear_search.setContext(Qt.ShortcutContext.WidgetShortcut)
        clear_search.activated.connect(self.search.clear)
        update_shortcut = QShortcut(QKeySequence("Ctrl+U"), self)
        update_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        update_shortcut.activated.connect(self.details.focus_update)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(400)
        self._reload_timer.timeout.connect(self.reload)

        self.reload()

    # Loading -------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the log again, keeping the filters, the sort and the chosen action."""
        chosen = self.current_action_id()
        log = self.context.call(self, lambda: al.load_log(self.db))
        if log is None:
            return
        self._stale = False
        self._fill_choices(log)
        self.model.set_log(log)
        self._update_count()
        if chosen is not None:
            self.select_action(chosen)

    def _fill_choices(self, log: al.ActionLog) -> None:
        def refill(combo: QComboBox, everything: str, items: list[tuple[str, object]]) -> None:
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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._reload_timer.start(0)

    def _data_changed(self, kind: str) -> None:
        if self._own_change or kind not in RELOAD_ON:
            return
        self._stale = True
        if self.isVisible():
            self._reload_timer.start()

    # Filtering and sorting -------------------------------------------------------------------------
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

    def apply_filters(self) -> None:
        chosen = self.current_action_id()
        self.model.set_filter(self.current_filter())
        if chosen is not None:
            self.select_action(chosen, show=False)

    def _due_days_changed(self) -> None:
        if self.due_soon.isChecked():
            self.apply_filters()

    def clear_filters(self) -> None:
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
        self.apply_filters()

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if column < 0:
            return
        chosen = self.current_action_id()
        self.model.sort(column, order)
        if chosen is not None:
            self.select_action(chosen, show=False)

    def _update_count(self) -> None:
        shown, total = len(self.model.rows()), len(self.model.log.rows)
        overdue_today = date.today().isoformat()
        if shown <= 20_000:
            late = sum(1 for r in self.model.rows() if al.is_overdue(r, overdue_today))
            late_text = f"; {late:,} overdue" if late else ""
        else:
            late_text = ""
        if shown == total:
            self.count.setText(f"{total:,} action{'' if total == 1 else 's'}{late_text}")
        else:
            self.count.setText(f"{shown:,} of {total:,} actions{late_text}")

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # Selection ------------------------------------------------------------------------------------
    def current_action_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return index.data(ID_ROLE)

    def select_action(self, action_id: int, *, show: bool = True) -> bool:
        row = self.model.row_of_id(action_id)
        if row < 0:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
            self.details.show_action(None, [])
            return False
        index = self.model.index(row, Column.REFERENCE)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        if show:
            self._show_details(action_id)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        action_id = current.data(ID_ROLE) if current.isValid() else None
        if self.details.record is not None and self.details.record.id == action_id:
            return
        self._show_details(action_id)

    def _show_details(self, action_id: int | None) -> None:
        if action_id is None:
            self.details.show_action(None, [])
            return
        loaded = self.context.call(
            self, lambda: (actions.get_action(self.db, action_id), actions.list_updates(self.db, action_id))
        )
        if loaded is None:
            self.details.show_action(None, [])
            return
        self.details.show_action(*loaded)

    # Edits ----------------------------------------------------------------------------------------
    def _refresh(self, ids: tuple[int, ...]) -> None:
        fresh, latest = al.load_rows(self.db, ids)
        gone = tuple(set(ids) - {r[0] for r in fresh})
        self.model.refresh_rows(fresh, gone, latest)
        self._update_count()
        if self.details.record is not None and self.details.record.id in ids:
            self._show_details(self.details.record.id)
        self._own_change = True
        try:
            self.context.data_changed.emit("action")
        finally:
            self._own_change = False

    def _push(self, command: ActionCommand) -> bool:
        self.context.push(command)
        return not command.failed

    def change_status(self, action_id: int, value: str, completed_on: object = None) -> bool:
        before = self.context.call(self, lambda: actions.get_action(self.db, action_id))
        if before is None:
            return False
        status = ActionStatus(value)
        when = completed_on if isinstance(completed_on, date) else None
        text = f"Mark {before.reference} {status.label.lower()}"
        return self._push(
            ActionCommand(
                self.context,
                text,
                (action_id,),
                lambda: actions.set_status(self.db, action_id, status, when),
                lambda: actions.update_action(
                    self.db, action_id, ActionPatch(status=before.status, completed_on=before.completed_on)
                ),
                self._refresh,
                self,
            )
        )

    def change_due(self, action_id: int, due: object) -> bool:
        before = self.context.call(self, lambda: actions.get_action(self.db, action_id))
        if before is None:
            return False
        when = due if isinstance(due, date) else None
        return self._push(
            ActionCommand(
                self.context,
                f"Change the due date of {before.reference}",
                (action_id,),
                lambda: actions.update_action(
                    self.db,
                    action_id,
                    ActionPatch(due_date=when, due_next_meeting=before.due_next_meeting and when is None),
                ),
                lambda: actions.update_action(
                    self.db,
                    action_id,
                    ActionPatch(due_date=before.due_date, due_next_meeting=before.due_next_meeting),
                ),
                self._refresh,
                self,
            )
        )

    def add_update(self, action_id: int, text: str, on: object = None) -> bool:
        when = on if isinstance(on, date) else None
        added: list[int] = []

        def do() -> None:
            added[:] = [actions.add_update(self.db, action_id, text, on=when).value.id]

        def undo() -> None:
            if added:
                actions.delete_update(self.db, added[0])

        record = self.details.record
        reference = record.reference if record is not None and record.id == action_id else "the action"
        ok = self._push(
            ActionCommand(
                self.context, f"Add an update to {reference}", (action_id,), do, undo, self._refresh, self
            )
        )
        if ok:
            self.details.update_text.clear()
            self.context.status_message.emit(f"Update added to {reference}.")
        return ok

    def show_history(self, action_id: int) -> None:
        """The action's audit trail: who changed it and its progress updates, when, from what."""
        from sst_desktop.ui.history_dialog import show_action_history

        record = self.details.record
        title = record.reference if record is not None and record.id == action_id else "Action"
        show_action_history(self, self.context, action_id, title)

    def open_minute(self, meeting_id: int) -> None:
        record = self.details.record
        where = f" (minute {record.minute_number})" if record and record.minute_number is not None else ""
        self.context.status_message.emit(f"Opening the meeting this action came from{where}…")
        self.context.open_meeting_requested.emit(meeting_id)

    # Spreadsheets ----------------------------------------------------------------------------------
    def _documents(self) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return folder or str(Path.home())

    def choose_export(self) -> None:
        shown, total = len(self.model.rows()), len(self.model.log.rows)
        dialog = ExportChoices(shown, total, self)
        if dialog.exec() != ExportChoices.DialogCode.Accepted:
            return
        suggested = str(Path(self._documents()) / f"Action log {date.today():%d-%m-%Y}.xlsx")
        name, _ = QFileDialog.getSaveFileName(
            self, "Export the action log", suggested, "Excel workbook (*.xlsx)"
        )
        if not name:
            return
        if not name.lower().endswith(".xlsx"):
            name += ".xlsx"
        self.export_to(
            Path(name),
            shown_only=dialog.shown_only.isChecked(),
            per_committee=dialog.per_committee.isChecked(),
        )

    def export_to(self, path: Path, *, shown_only: bool = False, per_committee: bool = False) -> Task:
        """Write the workbook in the background; a message says what was written (and what was cut)."""
        from sst_desktop.exports.actions_xlsx import export_actions_xlsx

        shown = self.model.rows()
        ids = [r[0] for r in shown] if shown_only and len(shown) != len(self.model.log.rows) else None
        db = self.db
        task = run_task(
            self,
            "Writing the action log workbook…",
            lambda hooks: export_actions_xlsx(
                db, path, action_ids=ids, per_committee=per_committee, hooks=hooks
            ),
        )
        task.done.connect(self._exported)
        self._keep(task)
        return task

    def _exported(self, result: object) -> None:
        self.last_export = result
        summary = getattr(result, "summary", "")
        self.context.status_message.emit(summary)
        if getattr(result, "truncated", ()):
            QMessageBox.warning(self, "Some text was cut", summary)

    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Import an action log partners updated", self._documents(), "Excel workbook (*.xlsx)"
        )
        if name:
            self.preview_import(Path(name))

    def preview_import(self, path: Path, *, ask: bool = True) -> Task:
        """Read the file in the background, then show every change before anything is applied."""
        from sst_desktop.imports.actions_xlsx import preview_actions_xlsx

        db = self.db
        task = run_task(
            self, f"Reading {path.name}…", lambda hooks: preview_actions_xlsx(db, path, hooks=hooks)
        )
        if ask:
            task.done.connect(self._confirm_import)
        self._keep(task)
        return task

    def _confirm_import(self, preview: object) -> None:
        dialog = ImportPreviewDialog(preview, self)  # type: ignore[arg-type]
        if dialog.exec() == ImportPreviewDialog.DialogCode.Accepted:
            self.apply_import(preview)

    def apply_import(self, preview: object) -> Task:
        from sst_desktop.imports.actions_xlsx import apply_preview

        db = self.db
        task = run_task(self, "Applying the changes…", lambda hooks: apply_preview(db, preview, hooks=hooks))  # type: ignore[arg-type]
        task.done.connect(self._imported)
        self._keep(task)
        return task

    def _imported(self, result: object) -> None:
        self.last_import = result
        self.reload()
        self._own_change = True
        try:
            self.context.data_changed.emit("action")
        finally:
            self._own_change = False
        self.context.status_message.emit(getattr(result, "summary", "Imported."))

    def choose_register(self) -> None:
        committee_id = self.committee.currentData()
        if committee_id in (ALL, None):
            committees = sorted(self.model.log.committees.values(), key=lambda c: c.name.casefold())
            if not committees:
                QMessageBox.information(self, "Attendance register", "There are no committees yet.")
                return
            names = [c.name for c in committees]
            name, ok = QInputDialog.getItem(self, "Attendance register", "Committee", names, 0, False)
            if not ok:
                return
            committee_id = committees[names.index(name)].id
        info = self.model.log.committees[committee_id]
        suggested = str(Path(self._documents()) / f"Attendance {info.short_name.replace('/', '-')}.xlsx")
        path, _ = QFileDialog.getSaveFileName(
            self, "Attendance register", suggested, "Excel workbook (*.xlsx)"
        )
        if path:
            self.export_register(
                committee_id, Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")
            )

    def export_register(self, committee_id: int, path: Path) -> Task:
        from sst_desktop.exports.attendance_xlsx import export_attendance_xlsx

        db = self.db
        task = run_task(
            self,
            "Writing the attendance register…",
            lambda hooks: export_attendance_xlsx(db, committee_id, path, hooks=hooks),
        )
        task.done.connect(self._exported)
        self._keep(task)
        return task

    def _keep(self, task: Task) -> None:
        self._tasks.append(task)
        task.ended.connect(lambda t=task: self._tasks.remove(t) if t in self._tasks else None)
