"""Minute-taking mode: the agenda down the left, the current item's minute on the right.

Keyboard first (the README lists every key): Ctrl+PgDown / PgUp the next or previous item,
Ctrl+R the register, Ctrl+Return a new resolution, Ctrl+Shift+A a new action, Ctrl+D a declaration.

Every change is saved as it is made (``Autosaver``); switching item or closing writes what is
pending at once. The meeting and item are remembered, so a restart reopens them.
"""

from __future__ import annotations

import contextlib
import html
from dataclasses import replace

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

from sst_desktop.domain.agenda_labels import item_labels, printed_label
from sst_desktop.domain.meeting_texts import clock, plain_date, weekday_date
from sst_desktop.services.agenda import AgendaItemRecord
from sst_desktop.services.errors import ConfirmedMinutesError, EditConflictError
from sst_desktop.services.minutes import MinuteRecord
from sst_desktop.services.outcome import Changed
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.minutes.completion import WordCompletion
from sst_desktop.ui.minutes.editor import MinuteEditor, heading_key, summary_key, text_key
from sst_desktop.ui.minutes.known import item_mark, says_the_same
from sst_desktop.ui.minutes.menus import build_menus
from sst_desktop.ui.minutes.place import forget, remember
from sst_desktop.ui.minutes.register import RegisterPanel
from sst_desktop.ui.minutes.session import MinuteSession
from sst_desktop.ui.minutes.snippets_dialog import SnippetsDialog
from sst_desktop.ui.minutes.style import minutes_style
from sst_desktop.ui.minutes.widgets import ClockLabel, SaveIndicator
from sst_desktop.ui.operations import minute_taking, minutes
from sst_desktop.ui.operations.minute_taking import Confirmation, MinuteTaking
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


class MinuteTakingWindow(DocumentWindow, QMainWindow):
    """Take the minutes of one meeting, from what ``open_minute_taking_window`` read for it."""

    closed = Signal(int)  # meeting id
    next_action: QAction  # made by build_menus
    previous_action: QAction

    def __init__(
        self,
        context: AppContext,
        opened: MinuteTaking,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setObjectName("minuteTaking")
        self.setStyleSheet(minutes_style())
        self.context = context
        # This window's own history: Ctrl+Z here never reaches the main window's edits, and closing
        # the window discards it.
        self.undo_stack = QUndoStack(self)
        self.settings = settings if settings is not None else QSettings()
        meeting = opened.meeting
        self.session = MinuteSession(context, meeting, opened.read_only_reason, self)
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
        self.agenda_list.setAccessibleName("Agenda")
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
        self.snippets_dialog: SnippetsDialog | None = None  # the Snippets dialog, while open
        self.completion = WordCompletion(self)  # what the record suggests comes next, in every text box
        self.session.saver.rejected.connect(self._save_refused)
        self.session.read_only_changed.connect(lambda _ro: self._show_read_only())
        self.context.changed.connect(self._data_changed)
        # A bound method, not a lambda: Qt drops the connection when this window is deleted.
        self.context.status_message.connect(self.show_status)
        self._restore_layout()
        self._show(opened)

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

    # Loading ------------------------------------------------------------------------------------
    def load(self, item_id: int | None = None) -> None:
        """Read the meeting, its agenda and minutes again, then show ``item_id`` (None: the current one)."""
        minute_taking.read_minute_taking(self.context, self, self.session.meeting.id).success(
            lambda data: self._show(data, item_id)
        ).run()

    def _show(self, data: MinuteTaking, item_id: int | None = None) -> None:
        self.session.meeting = data.meeting
        self.session.set_read_only(data.read_only_reason)
        self.session.items = list(data.items)
        self.minutes_by_item = {m.agenda_item_id: m for m in data.minutes if m.agenda_item_id is not None}
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
        labels = item_labels(self.session.items)  # as the agenda prints them: "1.", "(A)", or none
        for item in self.session.items:
            label = labels[item.id]
            row = QTreeWidgetItem([printed_label(label), item.title, ""])
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
        self._keep_typed()
        self.session.set_current_item(item)
        # Shown at once as this window knows it, so that typing goes to this item's minute; read
        # again behind the writes just flushed, in case another officer or window changed it.
        minute = self.minutes_by_item.get(item.id)
        self.editor.set_item(item, minute)
        self.pages.setCurrentWidget(self.editor)
        remember(self.settings, self.context.database.url, self.session.meeting.id, item.id)
        if minute is not None:
            read = minutes.get_minute(self.context, self, minute.id)
        elif not self.session.read_only:
            read = minutes.minute_for_item(self.context, self, item.id)  # begun the first time
        else:
            return
        read.success(lambda fresh: self._minute_read(item, minute, fresh)).run()

    def _keep_typed(self) -> None:
        """What was typed into the minute being left (written now) is that minute as this window
        knows it: coming back to it shows it at once."""
        minute = self.editor.minute
        if minute is None or minute.agenda_item_id is None or self.session.read_only:
            return
        heading = self.editor.heading.text()
        self.minutes_by_item[minute.agenda_item_id] = replace(
            minute,
            heading=heading if heading.strip() else minute.heading,  # (an empty heading is not saved)
            text=self.editor.narrative.toPlainText(),
            public_summary=self.editor.summary.toPlainText(),
        )

    def _minute_read(self, item: AgendaItemRecord, shown: MinuteRecord | None, fresh: MinuteRecord) -> None:
        """The minute of ``item`` as stored, ``shown`` being what the editor was given meanwhile."""
        editor = self.editor
        if editor.item is None or editor.item.id != item.id:
            return  # another item is shown by now (what was typed into this one is newer)
        self._minute_changed(fresh)
        if says_the_same(shown, fresh):
            return
        if editor.minute is shown and not self._typing_in(fresh.id):
            editor.set_item(item, fresh)
        else:
            editor.reload()  # (keeps what is being typed; a text changed meanwhile is a conflict)

    def _typing_in(self, minute_id: int) -> bool:
        saver = self.session.saver
        return any(saver.is_pending(key(minute_id)) for key in (text_key, heading_key, summary_key))

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
        minute_taking.confirmation(self.context, self, self.session.meeting.id).success(
            self._confirmation_read
        ).run()

    def _confirmation_read(self, confirmation: Confirmation) -> None:
        self.session.meeting = confirmation.meeting
        self.session.set_read_only(confirmation.read_only_reason)

    def _save_refused(self, key: str, error: object) -> None:
        """A change the database will never accept. Confirmed minutes: say so and stop editing. Any
        other rule (a heading too long…): say it once per field, then only in the indicator and the
        status bar, so typing on is never interrupted by a dialog at every pause."""
        if isinstance(error, ConfirmedMinutesError):
            self._refresh_confirmation()
            QMessageBox.warning(self, "These minutes are confirmed", str(error))
            return
        if isinstance(error, EditConflictError) and self.editor.resolve_conflict(key, error):
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
