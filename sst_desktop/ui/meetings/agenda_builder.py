"""The agenda builder: a meeting's items in order, numbered as the agenda prints them.

"Create agenda" adds the standard items (Apologies, Declarations, Minutes of Previous Meeting, the
committee's standing items, Date of Next Meeting) and offers the Action Log / Matters Arising item when
the committee has open actions, and the forward-plan items due. Items are
added, edited beside the list, removed, and reordered by drag and drop or with Ctrl+Up / Ctrl+Down;
numbers follow at once, and every change can be undone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.enums import ItemKind, ProceduralRole, ReportStatus
from sst_desktop.services import actions as action_service
from sst_desktop.services import agenda as agenda_service
from sst_desktop.services import forward_plan as plan_service
from sst_desktop.services import matters_arising
from sst_desktop.services.agenda import AgendaItemRecord, RemovedItem
from sst_desktop.services.errors import NotFoundError
from sst_desktop.services.forward_plan import ForwardPlanRecord
from sst_desktop.services.meetings import MeetingRecord
from sst_desktop.services.records import Change
from sst_desktop.storage.engine import Database
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.meetings.commands import run_create, run_edit
from sst_desktop.ui.meetings.item_editor import AgendaItemEditor
from sst_desktop.ui.meetings.models import AgendaColumn, AgendaModel, order_after_drop
from sst_desktop.ui.window_geometry import keep_geometry

NEW_ITEM_TITLE = "New item"
RELOAD_ON = {"agenda", "meeting", "forward_plan", "person", "action", "committee", "minutes"}


class AgendaView(QTreeView):
    """The item list. Ctrl+Up / Ctrl+Down move the current item; Delete removes it; Insert adds one."""

    move_by = Signal(int)
    remove_pressed = Signal()
    insert_pressed = Signal()
    edit_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaItems")
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropOverwriteMode(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if control and event.key() == Qt.Key.Key_Up:
            self.move_by.emit(-1)
        elif control and event.key() == Qt.Key.Key_Down:
            self.move_by.emit(1)
        elif event.key() == Qt.Key.Key_Delete:
            self.remove_pressed.emit()
        elif event.key() == Qt.Key.Key_Insert:
            self.insert_pressed.emit()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.edit_pressed.emit()
        else:
            super().keyPressEvent(event)


class AgendaBuilder(QWidget):
    """Builds the agenda of one meeting (``show_meeting``)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting: MeetingRecord | None = None
        self._select_id: int | None = None
        self._open_actions: list[action_service.ActionRecord] | None = None

        self.model = AgendaModel(self)
        self.model.move_requested = self.move_items
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
        self.add_action.triggered.connect(self.add_item)
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

        self.due_label = QLabel("Due from the forward plan, not yet on this agenda:")
        self.due_list = QListWidget()
        self.due_list.setObjectName("dueItems")
        self.due_list.setMaximumHeight(48)
        self.due_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.due_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.due_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.due_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.accept_button = QPushButton("Add to agenda")
        self.accept_button.setObjectName("acceptDue")
        self.accept_button.setToolTip(
            "Put the chosen forward-plan items on this agenda. Others stay on the plan."
        )
        self.accept_button.clicked.connect(self.accept_selected_due)
        self.due_list.itemDoubleClicked.connect(lambda _: self.accept_selected_due())
        due_box = QWidget()
        due_layout = QVBoxLayout(due_box)
        due_layout.setContentsMargins(0, 4, 0, 0)
        due_row = QHBoxLayout()
        due_row.addWidget(self.due_label, 1)
        due_row.addWidget(self.accept_button)
        due_layout.addLayout(due_row)
        due_layout.addWidget(self.due_list)
        self.due_box = due_box

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(tools)
        left_layout.addWidget(self.view, 1)
        self.summary.setToolTip(
            "Reorder by dragging, or with Ctrl+Up / Ctrl+Down; Insert adds an item, Delete removes"
        )
        left_layout.addWidget(self.summary)
        left_layout.addWidget(due_box)

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

        context.data_changed.connect(self._data_changed)
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

    def _data_changed(self, kind: str) -> None:
        if kind == "action":
            self._open_actions = None
        if kind in RELOAD_ON and self.meeting is not None:
            self.reload()

    def reload(self) -> None:
        meeting = self.meeting
        current = self.current_item()
        row = self.view.currentIndex().row()
        if self._select_id is None and current is not None:
            self._select_id = current.id
        if meeting is None:
            self.model.set_records([])
            records: list[AgendaItemRecord] = []
        else:
            try:
                records = agenda_service.list_agenda_items(self.context.database, meeting.id)
            except NotFoundError:  # the meeting was deleted (an undo): the screen chooses another
                self.meeting = None
                records = []
            except Exception as error:
                report_error(self, error)
                records = []
            self.model.editable = self.editable
            self.model.set_records(records)
        want = self._select_id
        self._select_id = None
        if want is not None and self.model.row_of(want) >= 0:
            self.select_item(want)
        elif row >= 0 and self.model.records:  # the chosen item went: choose its neighbour
            self.select_item(self.model.records[min(row, len(self.model.records) - 1)].id)
        self._update_editor()
        self._update_summary(records)
        self._reload_due()
        self._update_buttons()

    def _reload_due(self) -> None:
        self.due_list.clear()
        meeting = self.meeting
        due: list[ForwardPlanRecord] = []
        if meeting is not None and self.editable:
            due = (
                self.context.call(self, lambda: plan_service.items_due(self.context.database, meeting.id))
                or []
            )
        for plan in due:
            when = "next meeting" if plan.target_meeting_date is None else plan.due_label
            asked = plan.source_minute_label or plan.source_text
            text = f"{plan.title} — due {when}" + (f" (asked for at {asked})" if asked else "")
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, plan)
            row.setToolTip("\n".join(p for p in (plan.title, plan.description, plan.source_label) if p))
            self.due_list.addItem(row)
        self.due_box.setVisible(bool(due))

    def open_actions(self) -> list[action_service.ActionRecord]:
        meeting = self.meeting
        if meeting is None:
            return []
        if self._open_actions is None:
            self._open_actions = (
                self.context.call(
                    self,
                    lambda: action_service.open_actions_for_committee(
                        self.context.database, meeting.committee_id, as_of=meeting.date
                    ),
                )
                or []
            )
        return self._open_actions

    def _update_editor(self) -> None:
        item = self.current_item()
        actions = self.open_actions() if item is not None and item.kind == ItemKind.ACTION_LOG else None
        self.editor.show_item(item, editable=self.editable, open_actions=actions)

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
        self.accept_button.setEnabled(editable)

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

    # building -------------------------------------------------------------------------------
    def create_agenda(self) -> None:
        """Add the standard items, then offer the action log and the forward-plan items due (one undo
        step)."""
        meeting = self.meeting
        if meeting is None or not self.editable:
            return
        db = self.context.database

        def remove(created: list[AgendaItemRecord]) -> list[RemovedItem]:
            return [agenda_service.remove_item(db, r.id) for r in sorted(created, key=lambda r: -r.position)]

        def restore(removed: list[RemovedItem]) -> None:
            for entry in reversed(removed):
                agenda_service.restore_item(db, entry)

        stack = self.context.undo_stack
        stack.beginMacro("Create agenda")
        try:
            created = run_create(
                self.context,
                self,
                "Create agenda",
                lambda: agenda_service.build_default_agenda(db, meeting.id),
                remove,
                restore,
                "agenda",
            )
            due = (
                self.context.call(self, lambda: plan_service.items_due(db, meeting.id))
                if created is not None
                else None
            ) or []
            has_matters = any(r.procedural_role == ProceduralRole.MATTERS_ARISING for r in self.model.records)
            open_count = len(self.open_actions()) if created is not None and not has_matters else 0
            if due or open_count:
                dialog = AgendaOfferDialog(due, self, open_actions=open_count)
                if dialog.exec() == QDialog.DialogCode.Accepted:
                    if dialog.matters_arising_chosen():
                        self.add_matters_arising()
                    for plan in dialog.chosen():
                        self.accept_plan(plan)
        finally:
            stack.endMacro()
        if created and self.current_item() is None:
            self.select_item(min(created, key=lambda r: r.position).id)

    def accept_plan(self, plan: ForwardPlanRecord) -> bool:
        """Put a forward-plan item on the agenda (before Date of Next Meeting); it is scheduled on the plan."""
        meeting = self.meeting
        if meeting is None:
            return False
        db = self.context.database

        def create() -> AgendaItemRecord:
            item = plan_service.accept_into_agenda(db, plan.id, meeting.id).item
            self._select_id = item.id
            return item

        record = run_create(
            self.context,
            self,
            f"Put “{plan.title}” on the agenda",
            create,
            lambda item: agenda_service.remove_item(db, item.id),
            lambda removed: agenda_service.restore_item(db, removed),
            "agenda",
        )
        return record is not None

    def accept_selected_due(self) -> None:
        plans = [i.data(Qt.ItemDataRole.UserRole) for i in self.due_list.selectedItems()]
        if not plans and self.due_list.currentItem() is not None:
            plans = [self.due_list.currentItem().data(Qt.ItemDataRole.UserRole)]
        if not plans:
            return
        stack = self.context.undo_stack
        stack.beginMacro("Add forward-plan items to the agenda")
        try:
            for plan in plans:
                if not self.accept_plan(plan):
                    break
        finally:
            stack.endMacro()

    def add_item(self, *, title: str = NEW_ITEM_TITLE) -> int | None:
        """Add an item after the chosen business item, else after the last business item and before
        Date of Next Meeting (``agenda.new_item_index``), and put the cursor in its title."""
        meeting = self.meeting
        if meeting is None or not self.editable:
            return None
        current = self.current_item()
        after = current.id if current is not None else None
        record = self._create_item(
            "Add an agenda item",
            lambda db: agenda_service.add_item(db, meeting.id, title, after_item_id=after),
        )
        if record is not None:
            self._focus_editor()
        return record.id if record is not None else None

    def _create_item(
        self, text: str, create: Callable[[Database], Change[AgendaItemRecord]]
    ) -> AgendaItemRecord | None:
        db = self.context.database

        def made() -> AgendaItemRecord:
            record = create(db).after
            assert record is not None  # a creation always has an after
            self._select_id = record.id
            return record

        return run_create(
            self.context,
            self,
            text,
            made,
            lambda record: agenda_service.remove_item(db, record.id),
            lambda removed: self._restore(removed),
            "agenda",
        )

    def _restore(self, removed: RemovedItem) -> None:
        agenda_service.restore_item(self.context.database, removed)
        self._select_id = removed.before.id

    def add_matters_arising(self) -> int | None:
        """The action log as an item (after Minutes of Previous Meeting): the open actions come back."""
        meeting = self.meeting
        if meeting is None or not self.editable:
            return None
        record = self._create_item(
            "Add the action log to the agenda",
            lambda db: matters_arising.add_matters_arising(db, meeting.id),
        )
        return record.id if record is not None else None

    def remove_selected(self) -> None:
        items = self.selected_items()
        if not items or not self.editable:
            return
        reports = sum(len(i.attachments) for i in items)
        if reports:
            names = ", ".join(f"{i.number} ({i.title})" for i in items)
            answer = QMessageBox.question(
                self,
                "Remove agenda items",
                f"Remove item{'s' if len(items) != 1 else ''} {names} and "
                f"{reports} attached report{'s' if reports != 1 else ''}?\n\nEdit > Undo puts them back.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        db = self.context.database
        removed: list[RemovedItem] = []
        # Remove from the bottom up, so each item's number is still right when undo puts it back.
        ordered = sorted(items, key=lambda r: r.position, reverse=True)

        def do() -> None:
            removed.clear()
            for item in ordered:
                removed.append(agenda_service.remove_item(db, item.id))

        def undo() -> None:
            for entry in reversed(removed):
                agenda_service.restore_item(db, entry)
                self._select_id = entry.before.id

        label = f"Remove item {items[0].number}" if len(items) == 1 else f"Remove {len(items)} items"
        run_edit(self.context, self, label, do, undo, "agenda")

    # reordering -----------------------------------------------------------------------------
    def move_current(self, step: int) -> None:
        """Move the current item one place up (-1) or down (+1)."""
        item = self.current_item()
        if item is None or not self.editable:
            return
        row = self.model.row_of(item.id)
        target = row + step
        if not 0 <= target < len(self.model.records):
            return
        db = self.context.database
        old = item.position
        self._select_id = item.id

        def do() -> None:
            agenda_service.move_item(db, item.id, target)
            self._select_id = item.id

        def undo() -> None:
            agenda_service.move_item(db, item.id, old)
            self._select_id = item.id

        run_edit(self.context, self, f"Move “{item.title}” to number {target + 1}", do, undo, "agenda")

    def move_items(self, ids: list[int], row: int) -> None:
        """Dropped by drag and drop: ``ids`` go before ``row``."""
        meeting = self.meeting
        if meeting is None or not self.editable:
            return
        current = [r.id for r in self.model.records]
        new = order_after_drop(current, ids, row)
        if new == current:
            return
        db = self.context.database
        focus = ids[0]

        def do() -> None:
            agenda_service.reorder_items(db, meeting.id, new)
            self._select_id = focus

        def undo() -> None:
            agenda_service.reorder_items(db, meeting.id, current)
            self._select_id = focus

        label = "Move an agenda item" if len(ids) == 1 else f"Move {len(ids)} agenda items"
        run_edit(self.context, self, label, do, undo, "agenda")

    def commit_pending(self) -> None:
        self.editor.commit_pending()


def agenda_summary(records: Sequence[AgendaItemRecord]) -> str:
    """ "13 items · 6 reports (12 pages) · 1 to follow · exempt: item 4"."""
    if not records:
        return "No agenda yet. “Create agenda” starts it with the standard items."
    parts = [f"{len(records)} item{'s' if len(records) != 1 else ''}"]
    reports = sum(len(r.attachments) for r in records)
    pages = sum(r.attachment_pages for r in records)
    if reports:
        parts.append(
            f"{reports} report{'s' if reports != 1 else ''} ({pages} page{'s' if pages != 1 else ''})"
        )
    to_follow = sum(1 for r in records if r.report_status == ReportStatus.TO_FOLLOW)
    if to_follow:
        parts.append(f"{to_follow} to follow")
    exempt = [str(r.number) for r in records if r.is_exempt]
    if exempt:
        parts.append(f"exempt: item{'s' if len(exempt) != 1 else ''} {', '.join(exempt)}")
    return " · ".join(parts)


class AgendaOfferDialog(QDialog):
    """What Create agenda offers beyond the standard items, ticked: the Action Log / Matters Arising item
    when the committee has open actions, and the forward-plan items due at this meeting (those left stay
    on the plan)."""

    def __init__(
        self,
        plans: Sequence[ForwardPlanRecord],
        parent: QWidget | None = None,
        *,
        open_actions: int = 0,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Also on this agenda")
        self._offers_matters = open_actions > 0
        self.matters = QCheckBox(
            f"{ProceduralRole.MATTERS_ARISING.label}: the {open_actions} open "
            f"action{'s' if open_actions != 1 else ''} from earlier meetings, to review"
        )
        self.matters.setObjectName("offerMattersArising")
        self.matters.setChecked(self._offers_matters)
        self.matters.setVisible(self._offers_matters)
        intro = QLabel(
            "The board asked to see these items at this meeting. Tick those to put on the agenda; "
            "the others stay on the forward plan and are offered again next time."
        )
        intro.setWordWrap(True)
        intro.setVisible(bool(plans))
        self.list = QListWidget()
        self.list.setObjectName("offeredItems")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        for plan in plans:
            asked = plan.source_minute_label or plan.source_text
            row = QListWidgetItem(f"{plan.title}" + (f" (asked for at {asked})" if asked else ""))
            row.setData(Qt.ItemDataRole.UserRole, plan)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked)
            row.setToolTip("\n".join(p for p in (plan.title, plan.description, plan.source_label) if p))
            self.list.addItem(row)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton("Add ticked items", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Leave them all", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.setVisible(bool(plans))
        heading = QLabel("Tick what to put on the agenda as well:")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.matters)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        keep_geometry(self, "forward_plan_offer", QSize(660, 320))

    def matters_arising_chosen(self) -> bool:
        return self._offers_matters and self.matters.isChecked()

    def chosen(self) -> list[ForwardPlanRecord]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
