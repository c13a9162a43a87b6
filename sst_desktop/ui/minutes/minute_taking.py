"""Minute-taking mode: the agenda down the left, the current item's minute on the right.

Keyboard first:
    Ctrl+PgDown / Alt+Down   next item           Ctrl+PgUp / Alt+Up   previous item
    Ctrl+R                   the register        Ctrl+T               the narrative
    Ctrl+Return              a new resolution    Alt+1 … Alt+5        standard phrases
    Ctrl+Shift+A             a new action        Ctrl+D               declare an interest
    Ctrl+Shift+F             refer to an earlier minute
    Ctrl+Shift+D / W         item deferred / withdrawn (again: taken)
    F11                      full screen

Every change is saved as it is made (``Autosaver``); switching item or closing writes what is
pending at once. The meeting and item are remembered, so a restart reopens them.
"""

from __future__ import annotations

import contextlib
import html
from datetime import date

import shiboken6
from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.enums import MeetingStatus, MinuteOutcome
from sst_desktop.services import agenda, meetings, minutes
from sst_desktop.services.agenda import AgendaItemRecord
from sst_desktop.services.errors import ConfirmedMinutesError, EditConflictError, ServiceError
from sst_desktop.services.meeting_texts import clock, plain_date, weekday_date
from sst_desktop.services.minutes import MinuteRecord
from sst_desktop.services.outcome import Changed
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.minutes.completion import WordCompletion
from sst_desktop.ui.minutes.editor import MinuteEditor, text_key
from sst_desktop.ui.minutes.menus import build_menus
from sst_desktop.ui.minutes.place import forget, remember
from sst_desktop.ui.minutes.register import RegisterPanel
from sst_desktop.ui.minutes.session import MinuteSession
from sst_desktop.ui.minutes.style import STYLE
from sst_desktop.ui.minutes.widgets import ClockLabel, SaveIndicator
from sst_desktop.ui.operations.undo import DocumentWindow
from sst_desktop.ui.window_geometry import keep_geometry

ITEM_ROLE = Qt.ItemDataRole.UserRole
KEYS_HELP = (
    "Ctrl+PgDown/PgUp next/previous item · Ctrl+R register · Ctrl+Return resolution · "
    "Alt+1–5 standard phrases · Ctrl+Shift+A action · Ctrl+D declaration"
)
READ_ONLY_KEYS_HELP = (
    "Read only · Ctrl+PgDown/PgUp next/previous item · Ctrl+R register · Minutes menu: PDF or Word copies"
)


def item_mark(minute: MinuteRecord | None, has_actions: bool = False) -> str:
    if minute is None:
        return ""
    if minute.outcome == MinuteOutcome.DEFERRED:
        return "deferred"
    if minute.outcome == MinuteOutcome.WITHDRAWN:
        return "withdrawn"
    if minute.text.strip() or minute.resolutions or minute.references or has_actions:
        return "✓"
    return ""


class MinuteTakingWindow(DocumentWindow, QMainWindow):
    """Take the minutes of one meeting."""

    closed = Signal(int)  # meeting id
    next_action: QAction  # made by build_menus
    previous_action: QAction

    def __init__(
        self,
        context: AppContext,
        meeting_id: int,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setObjectName("minuteTaking")
        self.setStyleSheet(STYLE)
        self.context = context
        # This window's own history: Ctrl+Z here never reaches the main window's edits, and closing
        # the window discards it.
        self.undo_stack = QUndoStack(self)
        self.settings = settings if settings is not None else QSettings()
        meeting = meetings.get_meeting(context.database, meeting_id)
        self.session = MinuteSession(
            context, meeting, minutes.confirmed_reason(context.database, meeting), self
        )
        self.minutes_by_item: dict[int, MinuteRecord] = {}
        self.quitting = False  # set when the application closes around this window
        self._told_refusals: set[str] = set()
        self.setWindowTitle(f"Minutes — {meeting.title}")
        keep_geometry(self, "minute_taking", QSize(1320, 860))

        # Header ---------------------------------------------------------------------------------
        header = QWidget()
        header.setObjectName("minuteHeader")
        self.committee_label = QLabel(meeting.committee_name)
        self.committee_label.setObjectName("committeeName")
        self.meeting_line = QLabel(self._meeting_line())
        self.meeting_line.setObjectName("meetingLine")
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.committee_label)
        titles.addWidget(self.meeting_line)
        self.badge = QLabel()
        self.badge.setObjectName("draftBadge")
        self.badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.clock = ClockLabel()
        self.save_indicator = SaveIndicator(self.session.saver)
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(16, 10, 16, 10)
        header_layout.addLayout(titles, 1)
        header_layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        header_layout.addSpacing(12)
        header_layout.addWidget(self.save_indicator)
        header_layout.addWidget(self.clock)

        self.banner = QLabel()
        self.banner.setObjectName("confirmedBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)

        # Agenda and the page for the current item ------------------------------------------------
        self.agenda_list = QTreeWidget()
        self.agenda_list.setObjectName("agendaList")
        self.agenda_list.setColumnCount(3)
        self.agenda_list.setHeaderHidden(True)
        self.agenda_list.setRootIsDecorated(False)
        self.agenda_list.setUniformRowHeights(True)
        self.agenda_list.setAllColumnsShowFocus(True)
        self.agenda_list.setMinimumWidth(250)
        self.agenda_list.header().setStretchLastSection(False)
        self.agenda_list.header().setSectionResizeMode(
            0, self.agenda_list.header().ResizeMode.ResizeToContents
        )
        self.agenda_list.header().setSectionResizeMode(1, self.agenda_list.header().ResizeMode.Stretch)
        self.agenda_list.header().setSectionResizeMode(
            2, self.agenda_list.header().ResizeMode.ResizeToContents
        )
        self.agenda_list.currentItemChanged.connect(self._agenda_row_changed)

        self.register = RegisterPanel(self.session)
        self.editor = MinuteEditor(self.session)
        self.editor.minute_changed.connect(self._minute_changed)
        self.editor.register_requested.connect(self.show_register)
        self.register.changed.connect(self._register_changed)
        self.empty = QLabel(
            "This meeting has no agenda yet. Build its agenda (Meetings), then take the minutes here."
        )
        self.empty.setObjectName("emptyAgenda")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(16)
        self.empty.hide()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.register)
        self.pages.addWidget(self.editor)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.agenda_list, 1)
        left_layout.addWidget(self.empty)

        self.splitter = QSplitter()
        self.splitter.setObjectName("minuteTakingSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 1020])
        self.splitter.setChildrenCollapsible(False)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage(KEYS_HELP)

        build_menus(self)
        self.completion = WordCompletion(self)  # what the record suggests comes next, in every text box
        self.session.saver.rejected.connect(self._save_refused)
        self.session.read_only_changed.connect(lambda _ro: self._show_read_only())
        self.context.changed.connect(self._data_changed)
        # A bound method, not a lambda: Qt drops the connection when this window is deleted.
        self.context.status_message.connect(self.show_status)
        self._restore_layout()
        self._mark_held()
        self.load()

    # Building -----------------------------------------------------------------------------------
    def _meeting_line(self) -> str:
        meeting = self.session.meeting
        parts = [weekday_date(meeting.date)]
        if meeting.start_time is not None:
            parts.append(clock(meeting.start_time))
        if meeting.place:
            parts.append(meeting.place)
        return "  ·  ".join(parts)

    def _restore_layout(self) -> None:
        state = self.settings.value("minute_taking/splitter")
        if isinstance(state, QByteArray):  # anything else was not written by this window
            self.splitter.restoreState(state)
        editor_state = self.settings.value("minute_taking/editor_splitter")
        if isinstance(editor_state, QByteArray):
            self.editor.splitter.restoreState(editor_state)

    def _mark_held(self) -> None:
        """Minutes are being taken: a scheduled meeting on or before today took place."""
        meeting = self.session.meeting
        if self.session.read_only or meeting.status != MeetingStatus.SCHEDULED or meeting.date > date.today():
            return
        db = self.context.database
        try:
            change = meetings.mark_held(db, meeting.id)
        except ServiceError:
            return
        if change.after is not None:
            self.session.meeting = change.after
            self.session.busy = True  # this window loads next anyway
            try:
                self.context.announce(Changed.MEETINGS)
            finally:
                self.session.busy = False

    # Loading ------------------------------------------------------------------------------------
    def load(self, item_id: int | None = None) -> None:
        db = self.context.database
        meeting_id = self.session.meeting.id
        self.session.items = self.context.call(self, lambda: agenda.list_agenda_items(db, meeting_id)) or []
        if self.session.read_only:
            records = self.context.call(self, lambda: minutes.list_minutes(db, meeting_id))
        else:
            records = self.context.call(self, lambda: minutes.open_minutes(db, meeting_id))
        self.minutes_by_item = {m.agenda_item_id: m for m in records or [] if m.agenda_item_id is not None}
        self.register.load()
        self._fill_agenda()
        self.empty.setVisible(not self.session.items)
        self._show_read_only()
        if item_id is None:
            current = self.session.current_item
            item_id = current.id if current is not None else None
        self.go_to(item_id)

    def _fill_agenda(self) -> None:
        self.agenda_list.blockSignals(True)
        self.agenda_list.clear()
        register = QTreeWidgetItem(["", "Register", ""])
        register.setData(0, ITEM_ROLE, None)
        register.setToolTip(
            1, "Who is present, apologies, absent, substitutes, the Chair, also present (Ctrl+R)"
        )
        font = register.font(1)
        font.setBold(True)
        register.setFont(1, font)
        self.agenda_list.addTopLevelItem(register)
        for item in self.session.items:
            row = QTreeWidgetItem([f"{item.number}.", item.title, ""])
            row.setData(0, ITEM_ROLE, item.id)
            row.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            tip = item.title
            minute = self.minutes_by_item.get(item.id)
            if minute is not None and minute.number:
                tip += f"\nMinute {minute.number}"
            if item.is_exempt:
                tip += "\nExempt (Schedule 12A paragraph " + ", ".join(map(str, item.exempt_paragraphs)) + ")"
            row.setToolTip(1, tip)
            self.agenda_list.addTopLevelItem(row)
            self._mark_row(row, item)
        self.agenda_list.blockSignals(False)

    def _mark_row(self, row: QTreeWidgetItem, item: AgendaItemRecord) -> None:
        minute = self.minutes_by_item.get(item.id)
        mark = item_mark(
            minute, has_actions=bool(self.editor.actions_list.rows) if self._is_current(item.id) else False
        )
        if not mark and minute is not None and self._row_mark(row) == "✓":
            mark = "✓"  # actions added earlier still count
        if item.is_exempt:
            mark = ("E " + mark).strip()
        row.setText(2, mark)

    @staticmethod
    def _row_mark(row: QTreeWidgetItem) -> str:
        return row.text(2).replace("E", "").strip()

    def _is_current(self, item_id: int) -> bool:
        return self.session.current_item is not None and self.session.current_item.id == item_id

    def _row_for(self, item_id: int | None) -> QTreeWidgetItem | None:
        for index in range(self.agenda_list.topLevelItemCount()):
            row = self.agenda_list.topLevelItem(index)
            if row is not None and row.data(0, ITEM_ROLE) == item_id:
                return row
        return None

    def _show_read_only(self) -> None:
        reason = self.session.read_only_reason
        confirmed_at = self.session.meeting.minutes_confirmed_at
        headline = f"Confirmed on {plain_date(confirmed_at.date())} — read only." if confirmed_at else ""
        self.banner.setText(f"<b>{html.escape(headline)}</b> {html.escape(reason)}" if reason else "")
        self.banner.setVisible(bool(reason))
        self.save_indicator.setVisible(not reason)  # nothing is being saved: nothing can change
        self.statusBar().showMessage(READ_ONLY_KEYS_HELP if reason else KEYS_HELP)
        self.badge.setText("CONFIRMED" if reason else "DRAFT")
        self.badge.setToolTip(reason or "These minutes are a draft until a later meeting confirms them.")

    # Moving between items -----------------------------------------------------------------------
    def go_to(self, item_id: int | None) -> None:
        """Show the agenda item ``item_id`` (None: the register)."""
        row = self._row_for(item_id)
        if row is None:
            row = self._row_for(None)
        if row is not None:
            if self.agenda_list.currentItem() is row:
                self._agenda_row_changed(row, None)
            else:
                self.agenda_list.setCurrentItem(row)

    def _agenda_row_changed(self, row: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if row is None or not shiboken6.isValid(self.register.table):
            return  # (the window is being taken down)
        self.session.saver.flush()  # what was typed in the item being left is written now
        item_id = row.data(0, ITEM_ROLE)
        item = self.session.item_by_id(item_id)
        if item is None:
            # The register. The item under discussion stays current, for arrivals and departures.
            self.pages.setCurrentWidget(self.register)
            self.register.reload()
            remember(self.settings, self.context.database.url, self.session.meeting.id, None)
            return
        self.session.set_current_item(item)
        minute = self.minutes_by_item.get(item.id)
        if minute is None and not self.session.read_only:
            db = self.context.database
            minute = self.context.call(self, lambda: minutes.minute_for_item(db, item.id))
            if minute is not None:
                self.minutes_by_item[item.id] = minute
        elif minute is not None:
            db = self.context.database
            minute_id = minute.id
            fresh = self.context.call(self, lambda: minutes.get_minute(db, minute_id))
            if fresh is not None:
                minute = fresh
                self.minutes_by_item[item.id] = fresh
        self.editor.set_item(item, minute)
        self.pages.setCurrentWidget(self.editor)
        remember(self.settings, self.context.database.url, self.session.meeting.id, item.id)

    def current_row_index(self) -> int:
        row = self.agenda_list.currentItem()
        return self.agenda_list.indexOfTopLevelItem(row) if row is not None else -1

    def next_item(self) -> None:
        index = self.current_row_index()
        row = self.agenda_list.topLevelItem(index + 1)  # None after the last
        if row is not None:
            self.agenda_list.setCurrentItem(row)
            self._focus_page()

    def previous_item(self) -> None:
        index = self.current_row_index()
        row = self.agenda_list.topLevelItem(index - 1) if index > 0 else None
        if row is not None:
            self.agenda_list.setCurrentItem(row)
            self._focus_page()

    def _focus_page(self) -> None:
        if self.pages.currentWidget() is self.editor:
            self.editor.narrative.setFocus()
        elif self.pages.currentWidget() is self.register:
            self.register.table.setFocus()

    def show_register(self) -> None:
        self.go_to(None)
        self.register.table.setFocus()

    # Keeping the agenda marks and other panels current ------------------------------------------
    def _minute_changed(self, minute: MinuteRecord | None) -> None:
        if minute is None or minute.agenda_item_id is None:
            return
        self.minutes_by_item[minute.agenda_item_id] = minute
        item = self.session.item_by_id(minute.agenda_item_id)
        row = self._row_for(minute.agenda_item_id)
        if item is not None and row is not None:
            self._mark_row(row, item)

    def _register_changed(self) -> None:
        if self.pages.currentWidget() is self.editor:
            self.editor.update_note()

    def _data_changed(self, changed: Changed) -> None:
        """Another screen (or Undo) changed something shown here."""
        if self.session.busy:
            return  # the panel that made the change has refreshed itself
        if changed & (Changed.AGENDA | Changed.MEETINGS):
            self.session.saver.flush()
            self._refresh_confirmation()
            self.load()
            return
        if changed & Changed.ATTENDANCE:
            self.register.reload()
        if changed & (Changed.MINUTES | Changed.DECLARATIONS | Changed.ACTIONS):
            self._refresh_confirmation()
            if self.pages.currentWidget() is self.editor:
                self.editor.reload()
                if changed & Changed.ACTIONS and self.editor.matters.isVisible():
                    self.editor.matters.load()

    def _refresh_confirmation(self) -> None:
        db = self.context.database
        fresh = self.context.call(self, lambda: meetings.get_meeting(db, self.session.meeting.id))
        if fresh is not None:
            self.session.meeting = fresh
            reason = self.context.call(self, lambda: minutes.confirmed_reason(db, fresh))
            self.session.set_read_only(reason if reason is not None else self.session.read_only_reason)

    def _save_refused(self, key: str, error: object) -> None:
        """A change the database will never accept. Confirmed minutes: say so and stop editing. Any
        other rule (a heading too long…): say it once per field, then only in the indicator and the
        status bar, so typing on is never interrupted by a dialog at every pause."""
        if isinstance(error, ConfirmedMinutesError):
            self._refresh_confirmation()
            QMessageBox.warning(self, "These minutes are confirmed", str(error))
            return
        minute = self.editor.minute
        if isinstance(error, EditConflictError) and minute is not None and key == text_key(minute.id):
            self.editor.resolve_conflict(minute.id, error)
            return
        self.statusBar().showMessage(f"Not saved: {error}", 15_000)
        if key not in self._told_refusals and isinstance(error, BaseException):
            self._told_refusals.add(key)
            report_error(self, error)

    def show_status(self, text: str) -> None:
        """A message from any screen (saved, exported…), shown for a few seconds."""
        self.statusBar().showMessage(text, 6000)

    # Saving and closing -------------------------------------------------------------------------
    def flush_pending(self) -> bool:
        """Write whatever is still waiting for the typing to pause, and wait for it (the window is
        closing, or another database opening). True when all of it is written."""
        return self.session.saver.flush(wait=True)

    def export(self, kind: str, public: bool) -> None:
        from sst_desktop.ui.minutes.export import export_minutes

        self.session.saver.flush()  # written ahead of the export, which runs after it on the worker
        export_minutes(self, self.context, self.session.meeting, kind=kind, public=public)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.flush_pending():
            answer = QMessageBox.warning(
                self,
                "Not everything is saved",
                "The last changes could not be written to the database yet "
                f"({self.session.saver.last_error}).\n\nKeep the window open so they can be retried?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            if answer == QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.settings.setValue("minute_taking/splitter", self.splitter.saveState())
        self.settings.setValue("minute_taking/editor_splitter", self.editor.splitter.saveState())
        if not self.quitting:
            forget(self.settings)  # closed on purpose: no need to reopen it next time
        else:
            self.settings.sync()
        with contextlib.suppress(RuntimeError, TypeError):
            self.context.changed.disconnect(self._data_changed)
        self.agenda_list.blockSignals(True)  # no item changes while the window is taken down
        self.closed.emit(self.session.meeting.id)
        super().closeEvent(event)
