"""The action log: every action and recommendation of every committee, to filter, sort, update and
chase; details and progress history beside it; the spreadsheet partners work with, out and back in.

The page is the tab; its parts live beside it: the filter bar (``log_filters``), the table model
(``log_model``), the details (``log_details``), the edits (``log_edits``) and the workbooks
(``log_workbooks``). It reads through ``operations.actions`` on the database worker: the rows first,
then the latest updates; after a change, only the actions changed since.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain import action_rows as ar
from sst_desktop.domain.action_rows import ActionLog, Column, Latest, LatestIndex, LogChanges
from sst_desktop.services.actions import ActionRecord, ActionUpdateRecord
from sst_desktop.services.outcome import Changed
from sst_desktop.ui import theme
from sst_desktop.ui.actions.log_details import ActionDetails
from sst_desktop.ui.actions.log_edits import ActionEdits
from sst_desktop.ui.actions.log_filters import LogFilterBar
from sst_desktop.ui.actions.log_model import ID_ROLE, ActionLogModel
from sst_desktop.ui.actions.log_workbooks import LogWorkbooks
from sst_desktop.ui.actions.status_delegate import StatusDelegate
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.operations import actions as operations
from sst_desktop.ui.operations.worker import database_worker
from sst_desktop.ui.widgets.column_fit import ColumnFit

# Kinds of change that alter what the log shows beyond the actions themselves (names of committees,
# people, organisations; meeting dates, minute numbers): the log is read again.
RELOAD_ON = Changed.COMMITTEES | Changed.PEOPLE | Changed.ORGANISATIONS | Changed.MEETINGS | Changed.MINUTES
# The text columns share the width the others leave, in these proportions; dates, references,
# numbers and statuses always get the width they need.
TEXT_COLUMNS: dict[int, int] = {
    Column.ACTION: 6,
    Column.OWNER: 2,
    Column.ORGANISATION: 2,
    Column.LATEST_UPDATE: 3,
}
A_DATE = "00/00/0000"


@dataclass(frozen=True)
class WidestValues:
    """The widest values of the log's columns (read once per load, not row by row at each resize)."""

    reference: str = ""
    statuses: tuple[str, ...] = ()
    next_meeting: bool = False
    owner: str = ""
    organisation: str = ""

    @classmethod
    def of(cls, log: ActionLog) -> WidestValues:
        rows = log.rows
        return cls(
            reference=max((r[ar.R_REFERENCE] for r in rows), key=len, default=""),
            statuses=tuple(ar.STATUSES[i].label for i in {r[ar.R_STATUS] for r in rows}),
            next_meeting=any(r[ar.R_DUE_NEXT_MEETING] and not r[ar.R_DUE] for r in rows),
            # (every name the log knows, not only those in use: a cap a little wide costs nothing)
            owner=max(
                (*log.people.values(), *{r[ar.R_OWNER] for r in rows if r[ar.R_OWNER].__class__ is str}),
                key=len,
                default="",
            ),
            organisation=max(log.organisations.values(), key=len, default=""),
        )


class ActionLogPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._stale = False  # names changed while hidden: read the log again when shown
        self._loading = False  # a read of the whole log is on its way
        self._select_next: int | None = None  # an action asked for while the log was on its way
        self._whole_latest_due = False  # the latest updates of the whole log are to be read next
        self._reading_changes = False  # a read of the actions changed since is on its way
        self._changed_again = False  # and another change came meanwhile: read again after it

        # Filter bar and buttons ---------------------------------------------------------------
        self.filters = LogFilterBar()
        self.count = QLabel()
        self.count.setObjectName("log-count")
        self.waiting = QLabel("Waiting for the database…")
        self.waiting.setObjectName("log-waiting")
        self.waiting.setToolTip(
            "The database is busy (another program may be saving to it). Nothing is lost: your work is "
            "read and saved as soon as it is free."
        )
        self.waiting.setStyleSheet(theme.text_style("waiting_text", bold=True))
        self.waiting.hide()
        self.export_button = QPushButton("Export…")
        self.export_button.setObjectName("log-export")
        self.export_button.setToolTip("Write the action log as an Excel workbook partners can update")
        self.import_button = QPushButton("Import…")
        self.import_button.setObjectName("log-import")
        self.import_button.setToolTip("Read back a workbook partners updated; you see every change first")
        self.register_button = QPushButton("Attendance register…")
        self.register_button.setObjectName("log-register")
        third = QHBoxLayout()
        third.addWidget(self.count, 1)
        third.addWidget(self.waiting)
        third.addWidget(self.export_button)
        third.addWidget(self.import_button)
        third.addWidget(self.register_button)

        # Table and details ----------------------------------------------------------------------
        self.model = ActionLogModel(self)
        self.table = QTableView()
        self.table.setObjectName("action-log")
        self.table.setAccessibleName("Actions")
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
        header.setSortIndicator(Column.REFERENCE, Qt.SortOrder.AscendingOrder)  # (the model's default)
        header.setHighlightSections(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # a narrow text column: "Organis…"
        header.setSectionsMovable(True)
        self.columns = ColumnFit(self.table, TEXT_COLUMNS, natural=self._natural_width, minimum=72)
        self._shown_values = WidestValues()
        self.table.setItemDelegateForColumn(Column.STATUS, StatusDelegate(self.table))
        # What an officer chasing actions looks at first: status and due date beside the reference.
        for visual, column in enumerate(
            (Column.STATUS, Column.DUE), start=header.visualIndex(Column.MINUTE) + 1
        ):
            header.moveSection(header.visualIndex(column), visual)
        self.details = ActionDetails()
        self.details.setMaximumWidth(420)  # (and no wider than its content needs: the table may have it)

        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1100, 260])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(third)
        layout.addWidget(splitter, 1)

        # Wiring ---------------------------------------------------------------------------------
        self.edits = ActionEdits(self, context)
        self.workbooks = LogWorkbooks(self, context)
        self.filters.changed.connect(self.apply_filters)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.status_edited.connect(self.edits.change_status)
        self.model.latest_wanted.connect(self._latest_wanted)
        self.model.modelReset.connect(self._update_count)
        self.details.status_chosen.connect(self.edits.change_status)
        self.details.due_chosen.connect(self.edits.change_due)
        self.details.update_added.connect(self.edits.add_update)
        self.details.open_minute.connect(self.open_minute)
        self.details.history_requested.connect(self.show_history)
        self.export_button.clicked.connect(self.workbooks.choose_export)
        self.import_button.clicked.connect(self.workbooks.choose_import)
        self.register_button.clicked.connect(self.workbooks.choose_register)
        self.context.changed.connect(self._data_changed)
        database_worker().waiting.connect(self.waiting.setVisible)
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
        self._stale = False
        self._loading = True
        if not self.model.log.rows:
            self.count.setText("Reading the action log…")
        operations.load_log(self.context, self).success(self._loaded).failure(self._load_failed).run()

    def _loaded(self, log: ActionLog) -> None:
        self._loading = False
        chosen = self._select_next or self.current_action_id()
        self._select_next = None
        self._shown_values = WidestValues.of(log)
        self.filters.fill_choices(log)
        self.model.set_log(log)
        self._update_count()
        if chosen is not None:
            self.select_action(chosen)
        # The latest updates of the rows in view first; those of the whole log once they have come
        # (so the first paint has the database worker, and the interpreter, to itself).
        self._whole_latest_due = True
        if not self.model.want_latest_near(max(self.table.rowAt(0), 0)):
            self._read_whole_latest()
        if self._changed_again:  # an edit came while the log was on its way
            self._changed_again = False
            self._read_changes()

    def _load_failed(self, error: BaseException) -> None:
        self._loading = False
        self._update_count()
        report_error(self, error)

    def _latest_wanted(self, action_ids: list[int]) -> None:
        operations.latest_of(self.context, self, action_ids).success(self._window_arrived).run()

    def _natural_width(self, column: int) -> int:
        """The width a column needs to show every row whole (measured on the widest values, not read
        row by row); the action and its latest update can always use more."""
        if column in (Column.ACTION, Column.LATEST_UPDATE):
            return 10_000
        fit = self.columns
        shown = self._shown_values
        samples: dict[int, tuple[str, ...]] = {
            Column.REFERENCE: (shown.reference,),
            Column.COMMITTEE: tuple(c.short_name for c in self.model.log.committees.values()),
            Column.MEETING_DATE: (A_DATE,),
            Column.MINUTE: ("000",),
            Column.STATUS: shown.statuses,
            Column.OWNER: (shown.owner,),
            Column.ORGANISATION: (shown.organisation,),
        }
        if column == Column.DUE:  # overdue dates are bold
            needed = fit.text_width(A_DATE, *(["Next meeting"] if shown.next_meeting else []), bold=True)
        else:
            needed = fit.text_width(*samples.get(column, ()))
        return max(needed, fit.header_width(column))

    def _window_arrived(self, found: Latest) -> None:
        self.model.show_latest(found)
        if self._whole_latest_due:
            self._read_whole_latest()

    def _read_whole_latest(self) -> None:
        self._whole_latest_due = False
        log = self.model.log
        operations.load_latest(self.context, self, log.rows).success(
            lambda index: self._latest_loaded(log, index)
        ).run()

    def _latest_loaded(self, log: ActionLog, index: LatestIndex) -> None:
        if log is not self.model.log:
            return  # read for a log since replaced
        chosen = self.current_action_id()
        log.take_latest(index)
        self.model.latest_arrived()
        if chosen is not None and self.current_action_id() != chosen:
            self.select_action(chosen, show=False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._reload_timer.start(0)

    def _data_changed(self, changed: Changed) -> None:
        if changed & RELOAD_ON:
            self._stale = True
            if self.isVisible():
                self._reload_timer.start()
        elif changed & Changed.ACTIONS:
            self._read_changes()

    def _read_changes(self) -> None:
        """Read the actions changed since the log was read (one read at a time: a change announced
        meanwhile is read after it)."""
        if self._loading or self._reading_changes:
            self._changed_again = True
            return
        self._reading_changes = True
        log = self.model.log
        operations.load_changes(self.context, self, log).success(
            lambda changes: self._changes_loaded(log, changes)
        ).failure(self._changes_failed).run()

    def _changes_loaded(self, log: ActionLog, changes: LogChanges) -> None:
        self._reading_changes = False
        again, self._changed_again = self._changed_again, False
        if log is not self.model.log:
            return  # a fresh log has come meanwhile (it reads what changed since itself)
        chosen = self.current_action_id()
        self.model.apply_changes(changes)
        self._update_count()
        if chosen is not None and self.current_action_id() != chosen:
            self.select_action(chosen, show=False)
        record = self.details.record
        if record is not None and (
            record.id in changes.removed or any(r[0] == record.id for r in changes.rows)
        ):
            self._show_details(record.id, again=True)
        if again:
            self._read_changes()

    def _changes_failed(self, error: BaseException) -> None:
        self._reading_changes = self._changed_again = False
        report_error(self, error)

    # Filtering and sorting -------------------------------------------------------------------------
    def apply_filters(self) -> None:
        chosen = self.current_action_id()
        self.model.set_filter(self.filters.current_filter())
        if chosen is not None:
            self.select_action(chosen, show=False)

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
            late = sum(1 for r in self.model.rows() if ar.is_overdue(r, overdue_today))
            late_text = f"; {late:,} overdue" if late else ""
        else:
            late_text = ""
        if shown == total:
            self.count.setText(f"{total:,} action{'' if total == 1 else 's'}{late_text}")
        else:
            self.count.setText(f"{shown:,} of {total:,} actions{late_text}")

    def focus_search(self) -> None:
        self.filters.focus_search()

    # Selection ------------------------------------------------------------------------------------
    def current_action_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return index.data(ID_ROLE)

    def open_action(self, action_id: int) -> bool:
        """Choose the action now, or as soon as the log it is in has been read."""
        if self._loading:
            self._select_next = action_id
            return True
        return self.select_action(action_id)

    def select_action(self, action_id: int, *, show: bool = True) -> bool:
        """Choose the action in the table (its details follow from the database)."""
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

    def _show_details(self, action_id: int | None, *, again: bool = False) -> None:
        """Read the action into the details (``again``: the one shown, changed meanwhile)."""
        if action_id is None:
            self.details.show_action(None, [])
            return
        operations.load_action(self.context, self, action_id).success(
            lambda loaded: self._details_loaded(action_id, *loaded, again=again)
        ).failure(lambda error: self._details_failed(action_id, error)).run()

    def _details_loaded(
        self,
        action_id: int,
        record: ActionRecord | None,
        updates: list[ActionUpdateRecord],
        *,
        again: bool = False,
    ) -> None:
        if self.current_action_id() == action_id:  # (another may have been chosen meanwhile)
            self.details.show_action(record, updates, keep_typing=again)

    def _details_failed(self, action_id: int, error: BaseException) -> None:
        self._details_loaded(action_id, None, [])
        report_error(self, error)

    # Going elsewhere ------------------------------------------------------------------------------
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
