"""The agenda builder: a meeting's items in order, numbered as the agenda prints them.

"Create agenda" adds the standard items (Apologies, Declarations, Minutes of Previous Meeting, the
committee's standing items, Date of Next Meeting) and offers the Action Log / Matters Arising item when
the committee has open actions, and the forward-plan items due (``agenda_create``). Items are added,
edited beside the list, removed, and reordered by drag and drop or with Ctrl+Up / Ctrl+Down
(``agenda_edits``); numbers follow at once, and every change can be undone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.agenda_labels import item_references
from sst_desktop.domain.enums import ItemKind, ProceduralRole
from sst_desktop.services.actions import ActionRecord
from sst_desktop.services.agenda_records import AgendaItemRecord
from sst_desktop.services.errors import NotFoundError
from sst_desktop.services.forward_plan import ForwardPlanRecord
from sst_desktop.services.meetings import MeetingRecord
from sst_desktop.services.outcome import Changed
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.meetings import agenda_create, agenda_edits
from sst_desktop.ui.meetings.agenda_due import DueItems
from sst_desktop.ui.meetings.agenda_view import AgendaView, agenda_summary
from sst_desktop.ui.meetings.item_editor import AgendaItemEditor
from sst_desktop.ui.meetings.models import AgendaColumn, AgendaModel
from sst_desktop.ui.operations import agenda

RELOAD_ON = (
    Changed.AGENDA
    | Changed.ATTACHMENTS
    | Changed.MEETINGS
    | Changed.FORWARD_PLAN
    | Changed.PEOPLE
    | Changed.ACTIONS
    | Changed.COMMITTEES
    | Changed.MINUTES
)


class AgendaBuilder(QWidget):
    """Builds the agenda of one meeting (``show_meeting``)."""

    records_shown = Signal()  # the items have been read (again) and are on the screen

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting: MeetingRecord | None = None
        self._select_id: int | None = None  # the item to choose when the list is next shown
        self._focus_title = False  # and to put the cursor in its title
        self._open_actions: list[ActionRecord] | None = None
        self._reading_actions = False

        self.model = AgendaModel(self)
        self.model.move_requested = lambda ids, row: agenda_edits.move_items(self, ids, row)
        self.view = AgendaView()
        self.view.setModel(self.model)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(AgendaColumn.NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AgendaColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AgendaColumn.KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AgendaColumn.PRESENTERS, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(AgendaColumn.REPORT, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(AgendaColumn.PRESENTERS, 170)
        self.view.setColumnHidden(AgendaColumn.KIND, True)  # the editor shows it; keeps the titles readable
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.move_by.connect(self.move_current)
        self.view.remove_pressed.connect(self.remove_selected)
        self.view.insert_pressed.connect(self.add_item)
        self.view.edit_pressed.connect(self._focus_editor)
        self.view.doubleClicked.connect(lambda _: self._focus_editor())

        self.create_button = QPushButton("Create agenda")
        self.create_button.setObjectName("primary")
        self.create_button.setToolTip(
            "Add the standard items (apologies, declarations, minutes, standing items, date of next "
            "meeting) and choose the action log (when actions are open) and the forward-plan items due."
        )
        self.create_button.clicked.connect(self.create_agenda)
        self.add_button = QToolButton()
        self.add_button.setText("Add item")
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.add_action = QAction("Add item", self)
        self.add_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.add_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_action.triggered.connect(lambda: self.add_item())
        self.add_button.setDefaultAction(self.add_action)
        self.matters_action = QAction("Action log / matters arising", self)
        self.matters_action.triggered.connect(self.add_matters_arising)
        menu = QMenu(self.add_button)
        menu.addAction(self.add_action)
        menu.addAction(self.matters_action)
        self.add_button.setMenu(menu)
        self.addAction(self.add_action)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setToolTip("Remove the chosen items (Delete)")
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button = QPushButton("Move up")
        self.up_button.setToolTip("Move the item up (Ctrl+Up)")
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton("Move down")
        self.down_button.setToolTip("Move the item down (Ctrl+Down)")
        self.down_button.clicked.connect(lambda: self.move_current(1))
        tools = QHBoxLayout()
        for widget in (
            self.create_button,
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            tools.addWidget(widget)
        tools.addStretch(1)

        self.summary = QLabel()
        self.summary.setObjectName("agendaSummary")
        self.summary.setWordWrap(True)
        self.summary.setToolTip(
            "Reorder by dragging, or with Ctrl+Up / Ctrl+Down; Insert adds an item, Delete removes"
        )
        self.due_box = DueItems()
        self.due_box.accept_requested.connect(lambda plans: agenda_edits.accept_plans(self, plans))
        self.due_list = self.due_box.list
        self.accept_button = self.due_box.accept_button

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(tools)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.due_box)

        self.editor = AgendaItemEditor(context)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumHeight(240)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self._sized = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        context.changed.connect(self._changed)
        self.show_meeting(None)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # first show: the list and the editor share the height
            self._sized = True
            height = max(self.splitter.height(), 400)
            self.splitter.setSizes([height * 11 // 20, height * 9 // 20])

    # showing --------------------------------------------------------------------------------
    @property
    def editable(self) -> bool:
        return self.meeting is not None and not self.meeting.minutes_confirmed

    def show_meeting(self, meeting: MeetingRecord | None) -> None:
        self._open_actions = None  # the meeting's date decides which actions are open
        if meeting is None or self.meeting is None or meeting.id != self.meeting.id:
            self.editor.commit_pending()
            self._select_id = None
            self.model.set_records([])
        self.meeting = meeting
        self.reload()

    def _changed(self, changed: Changed) -> None:
        if changed & Changed.ACTIONS:
            self._open_actions = None
        if changed & RELOAD_ON and self.meeting is not None:
            self.reload()

    def reload(self) -> None:
        """Read the agenda (and the forward-plan items due) again; the chosen item stays chosen."""
        meeting = self.meeting
        if meeting is None:
            self._show_records(None, [])
            self._show_due(None, [])
            return
        agenda.list_items(self.context, self, meeting.id).success(
            lambda records: self._show_records(meeting.id, records)
        ).failure(lambda error: self._not_read(meeting.id, error)).run()
        if self.editable:
            agenda.items_due(self.context, self, meeting.id).success(
                lambda due: self._show_due(meeting.id, due)
            ).failure(self._due_not_read).run()
        else:
            self._show_due(meeting.id, [])

    def _is_shown(self, meeting_id: int | None) -> bool:
        return meeting_id == (self.meeting.id if self.meeting is not None else None)

    def _not_read(self, meeting_id: int, error: BaseException) -> None:
        if not self._is_shown(meeting_id):
            return
        if isinstance(error, NotFoundError):  # the meeting was deleted (an undo): the screen chooses another
            self.meeting = None
        else:
            report_error(self, error)
        self._show_records(None if self.meeting is None else meeting_id, [])

    def _due_not_read(self, error: BaseException) -> None:
        if not isinstance(error, NotFoundError):  # a deleted meeting: the agenda's read says so
            report_error(self, error)

    def _show_records(self, meeting_id: int | None, records: Sequence[AgendaItemRecord]) -> None:
        if not self._is_shown(meeting_id):
            return  # another meeting was chosen meanwhile; its agenda is on the way
        current = self.current_item()
        row = self.view.currentIndex().row()
        want = self._select_id if self._select_id is not None else (current.id if current else None)
        self._select_id = None
        self.model.editable = self.editable
        self.model.set_records(records)
        if want is not None and self.model.row_of(want) >= 0:
            self.select_item(want)
            if self._focus_title:
                self._focus_editor()
        elif row >= 0 and self.model.records:  # the chosen item went: choose its neighbour
            self.select_item(self.model.records[min(row, len(self.model.records) - 1)].id)
        self._focus_title = False
        self._records_changed()
        self.records_shown.emit()

    def show_order(self, ids: Sequence[int], select_id: int | None = None) -> None:
        """Show the items in a new order (or without some) at once, numbered as they will be; the
        change itself is on its way to the database."""
        row = self.view.currentIndex().row()
        by_id = {r.id: r for r in self.model.records}
        self.model.set_records([replace(by_id[i], position=n) for n, i in enumerate(ids)])
        if select_id is not None:
            self.select_item(select_id)
        elif row >= 0 and self.model.records:
            self.select_item(self.model.records[min(row, len(self.model.records) - 1)].id)
        self._records_changed()

    def select_when_shown(self, item_id: int, *, focus_title: bool = False) -> None:
        """Choose the item when the list next comes back (a change has just made it)."""
        self._select_id = item_id
        self._focus_title = focus_title

    def _records_changed(self) -> None:
        self._update_editor()
        self._update_summary(self.model.records)
        self._update_buttons()

    def _show_due(self, meeting_id: int | None, due: Sequence[ForwardPlanRecord]) -> None:
        if self._is_shown(meeting_id):
            self.due_box.show_plans(due if self.editable else ())

    def _update_editor(self) -> None:
        item = self.current_item()
        actions = None
        if item is not None and item.kind == ItemKind.ACTION_LOG:
            actions = self._open_actions
            if actions is None:
                self._read_open_actions()
        reference = item_references(self.model.records).get(item.id, "") if item is not None else ""
        self.editor.show_item(item, editable=self.editable, open_actions=actions, reference=reference)

    def _read_open_actions(self) -> None:
        """The actions the action log item reviews; the editor lists them once they are read."""
        meeting = self.meeting
        if meeting is None or self._reading_actions:
            return
        self._reading_actions = True

        def read(found: list[ActionRecord]) -> None:
            self._reading_actions = False
            if self._is_shown(meeting.id):
                self._open_actions = found
                self._update_editor()

        def not_read(error: BaseException) -> None:
            self._reading_actions = False
            report_error(self, error)

        agenda.open_actions(self.context, self, meeting).success(read).failure(not_read).run()

    def _update_summary(self, records: Sequence[AgendaItemRecord]) -> None:
        if self.meeting is None:
            self.summary.setText("")
            return
        text = agenda_summary(records)
        if records and not self.editable:
            text += " · on record (minutes confirmed): no longer changes"
        self.summary.setText(text)

    def _update_buttons(self) -> None:
        editable = self.editable
        has_items = bool(self.model.records)
        chosen = self.selected_items()
        current = self.current_item()
        self.create_button.setEnabled(editable)
        self.create_button.setText("Add standard items" if has_items else "Create agenda")
        self.add_button.setEnabled(editable)
        self.add_action.setEnabled(editable)
        has_matters = any(r.procedural_role == ProceduralRole.MATTERS_ARISING for r in self.model.records)
        self.matters_action.setEnabled(editable and not has_matters)
        self.remove_button.setEnabled(editable and bool(chosen))
        row = self.model.row_of(current.id) if current else -1
        self.up_button.setEnabled(editable and row > 0)
        self.down_button.setEnabled(editable and 0 <= row < len(self.model.records) - 1)
        self.due_box.accept_button.setEnabled(editable)

    # selection ------------------------------------------------------------------------------
    def current_item(self) -> AgendaItemRecord | None:
        index = self.view.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def selected_items(self) -> list[AgendaItemRecord]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [r for r in (self.model.record(row) for row in rows) if r is not None]

    def select_item(self, item_id: int) -> None:
        row = self.model.row_of(item_id)
        if row < 0:
            return
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self.editor.commit_pending()
        self._update_editor()
        self._update_buttons()

    def _focus_editor(self) -> None:
        if self.current_item() is not None and self.editable:
            self.editor.title.setFocus()
            self.editor.title.selectAll()

    # actions (one module each) --------------------------------------------------------------
    def create_agenda(self) -> None:
        agenda_create.create_agenda(self)

    def add_item(self, *, title: str = agenda_edits.NEW_ITEM_TITLE) -> None:
        agenda_edits.add_item(self, title)

    def add_matters_arising(self) -> None:
        agenda_edits.add_matters_arising(self)

    def accept_selected_due(self) -> None:
        self.due_box.accept_selected()

    def remove_selected(self) -> None:
        agenda_edits.remove_selected(self)

    def move_current(self, step: int) -> None:
        agenda_edits.move_current(self, step)

    def commit_pending(self) -> None:
        self.editor.commit_pending()
