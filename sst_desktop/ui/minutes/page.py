"""The Minutes screen: every committee's meetings, to take their minutes or export them.

Enter (or a double-click) opens minute-taking for the chosen meeting in its own window, once what it
shows has been read (for a meeting not yet held, only after the officer says so); the buttons write
the public or full minutes as PDF, or the minutes as Word. A minute-taking window left open when the
program stops is reopened at the same item next time (``resume_minute_taking``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.enums import MeetingStatus
from sst_desktop.domain.meeting_texts import plain_date
from sst_desktop.services.errors import NotFoundError
from sst_desktop.services.meetings import MeetingRecord
from sst_desktop.services.outcome import Changed
from sst_desktop.services.records import CommitteeRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.minutes.minute_taking import MinuteTakingWindow
from sst_desktop.ui.minutes.opening import open_minute_taking_window
from sst_desktop.ui.minutes.place import forget, remembered
from sst_desktop.ui.operations import minute_taking
from sst_desktop.ui.widgets.record_model import (
    Column,
    RecordTableModel,
    record_table_view,
    select_record,
    selected_record,
)
from sst_desktop.ui.window_geometry import settings_for

COMMITTEE_SETTING = "minutes/committee_id"


def minutes_state(record: MeetingRecord, today: date | None = None) -> str:
    if record.minutes_confirmed_at is not None:
        return f"Confirmed {plain_date(record.minutes_confirmed_at.date())}"
    if record.status in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED):
        return "—"
    if record.date > (today or date.today()) and record.status == MeetingStatus.SCHEDULED:
        return "Not yet held"
    return "Draft"


def meetings_model(parent: QObject | None = None) -> RecordTableModel[MeetingRecord]:
    columns = [
        Column("Date", lambda r: f"{r.date:%a} {plain_date(r.date)}", sort_key=lambda r: r.date),
        Column("Committee", lambda r: r.committee_name),
        Column("Venue", lambda r: r.place),
        Column("Meeting", lambda r: r.status.label, tooltip=lambda r: r.status_reason),
        Column("Minutes", minutes_state),
    ]
    return RecordTableModel(
        columns,
        muted=lambda r: r.status in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED),
        parent=parent,
    )


class _MainWindowClosing(QObject):
    """When the main window closes, minute-taking windows close with it and are reopened next time."""

    def __init__(self, page: MinutesPage) -> None:
        super().__init__(page)
        self.page = page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and watched is self.page.window():
            self.page.close_windows(quitting=True)
        return False


class MinutesPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.windows: dict[int, MinuteTakingWindow] = {}
        self._opening: dict[int, int | None] = {}  # meeting id: the item to show, while being read
        self._watching: QWidget | None = None
        self._closing = _MainWindowClosing(self)

        title = QLabel("Minutes")
        title.setObjectName("page-title")
        self.committee_box = QComboBox()
        self.committee_box.setObjectName("minutesCommittee")
        self.committee_box.setMinimumWidth(260)
        self.committee_box.currentIndexChanged.connect(lambda _i: self._committee_chosen())
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel("Committee:"))
        top.addWidget(self.committee_box)

        self.model = meetings_model(self)
        self.table = record_table_view(self.model, sortable=True)
        self.table.setObjectName("minutesMeetings")
        self.table.setAccessibleName("Meetings")
        header = self.table.horizontalHeader()
        for column in (0, 1, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.take_minutes())
        take = QAction("Take minutes", self.table)
        take.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        take.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        take.triggered.connect(self.take_minutes)
        self.table.addAction(take)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.take_button = QPushButton("Take minutes")
        self.take_button.setObjectName("primary")
        self.take_button.setDefault(True)
        self.take_button.setToolTip("Open minute-taking for this meeting (Enter)")
        self.take_button.clicked.connect(self.take_minutes)
        self.pdf_button = QPushButton("Minutes PDF…")
        self.pdf_button.setToolTip("The public minutes: exempt items show only their published summary")
        self.pdf_button.clicked.connect(lambda: self.export("pdf", True))
        self.full_button = QPushButton("Full minutes PDF (confidential)…")
        self.full_button.clicked.connect(lambda: self.export("pdf", False))
        self.docx_button = QPushButton("Word (.docx)…")
        self.docx_button.clicked.connect(lambda: self.export("docx", True))
        buttons = QHBoxLayout()
        buttons.addWidget(self.take_button)
        buttons.addStretch(1)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.full_button)
        buttons.addWidget(self.docx_button)
        hint = QLabel(
            "Choose a meeting and press Enter to take its minutes. Every change is saved as it is made; "
            "if the program stops, it reopens the meeting where you were."
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        self.setFocusProxy(self.table)
        context.changed.connect(self._data_changed)
        self._fill_committees()

    # Data ---------------------------------------------------------------------------------------
    def _fill_committees(self) -> None:
        """Read the committees into the box (keeping the choice), then the meetings."""
        minute_taking.list_committees(self.context, self).success(self._show_committees).run()

    def _show_committees(self, records: list[CommitteeRecord]) -> None:
        wanted = self.committee_box.currentData()
        if wanted is None:
            wanted = QSettings().value(COMMITTEE_SETTING)
        self.committee_box.blockSignals(True)
        self.committee_box.clear()
        self.committee_box.addItem("All committees", None)
        for record in records:
            self.committee_box.addItem(record.name, record.id)
        index = self.committee_box.findData(int(wanted)) if str(wanted or "").isdigit() else 0
        self.committee_box.setCurrentIndex(max(index, 0))
        self.committee_box.blockSignals(False)
        self.reload()

    def _committee_chosen(self) -> None:
        QSettings().setValue(COMMITTEE_SETTING, self.committee_box.currentData() or "")
        self.reload()

    def reload(self) -> None:
        """Read the chosen committee's meetings again (the chosen meeting stays chosen)."""
        committee_id = self.committee_box.currentData()
        minute_taking.list_meetings(self.context, self, committee_id).success(
            lambda records: self._show_meetings(committee_id, records)
        ).run()

    def _show_meetings(self, committee_id: int | None, records: list[MeetingRecord]) -> None:
        if committee_id != self.committee_box.currentData():
            return  # another committee was chosen meanwhile: its meetings follow
        current = self.selected()
        self.model.set_records(records)
        self.model.sort(0, Qt.SortOrder.DescendingOrder)
        if current is not None and select_record(self.table, lambda r: r.id == current.id):
            pass
        else:
            self._select_nearest()
        self._update_buttons()

    def _select_nearest(self) -> None:
        """The meeting being held today or the latest one held: the one whose minutes are wanted."""
        today = date.today()
        records = self.model.records()
        held = [r for r in records if r.date <= today and r.status != MeetingStatus.CANCELLED]
        target = max(held, key=lambda r: r.date) if held else (records[-1] if records else None)
        if target is not None:
            select_record(self.table, lambda r: r.id == target.id)

    def _data_changed(self, changed: Changed) -> None:
        if changed & Changed.COMMITTEES:
            self._fill_committees()
        elif changed & (Changed.MEETINGS | Changed.MINUTES | Changed.AGENDA):
            self.reload()

    def selected(self) -> MeetingRecord | None:
        return selected_record(self.table)

    def select_meeting(self, meeting_id: int) -> bool:
        return select_record(self.table, lambda r: r.id == meeting_id)

    def _selection_changed(self, *_args: object) -> None:
        if shiboken6.isValid(self.table):  # not while the screen is being taken down
            self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        for button in (self.take_button, self.pdf_button, self.full_button, self.docx_button):
            button.setEnabled(chosen)

    # Minute-taking windows ----------------------------------------------------------------------
    def take_minutes(self) -> MinuteTakingWindow | None:
        record = self.selected()
        if record is None:
            return None
        return self.open_minute_taking(record.id)

    def open_minute_taking(
        self,
        meeting_id: int,
        item_id: int | None = None,
        *,
        ask_if_future: bool = True,
        missing: Callable[[], None] | None = None,
    ) -> MinuteTakingWindow | None:
        """Bring forward the meeting's minute-taking window (returned), at ``item_id`` when given; or
        open it once what it shows has been read (None is returned meanwhile), the screen staying
        responsive. A meeting not yet held is opened only when the officer says so
        (``ask_if_future``). A meeting that is no longer there is explained, or ``missing`` is called."""
        self._watch_main_window()
        window = self.windows.get(meeting_id)
        if window is None:
            if meeting_id in self._opening:
                self._opening[meeting_id] = item_id if item_id is not None else self._opening[meeting_id]
                return None  # (already being read: asked twice)
            self._opening[meeting_id] = item_id
            if ask_if_future:
                minute_taking.get_meeting(self.context, self, meeting_id).success(
                    lambda meeting: self._open_if_wanted(meeting, missing)
                ).failure(lambda error: self._not_opened(meeting_id, error, missing)).run()
            else:
                self._open(meeting_id, missing)
            return None
        if item_id is not None:
            window.go_to(item_id)
        window.raise_()
        window.activateWindow()
        return window

    def _open_if_wanted(self, meeting: MeetingRecord, missing: Callable[[], None] | None) -> None:
        if self._minutes_wanted(meeting):
            self._open(meeting.id, missing)
        else:
            self._opening.pop(meeting.id, None)

    def _open(self, meeting_id: int, missing: Callable[[], None] | None) -> None:
        open_minute_taking_window(
            self.context,
            meeting_id,
            self._opened,
            settings=self.settings(),
            parent=self,
            failed=lambda error: self._not_opened(meeting_id, error, missing),
        )

    def _opened(self, window: MinuteTakingWindow) -> None:
        meeting_id = window.session.meeting.id
        if meeting_id not in self._opening:
            window.deleteLater()  # the program is closing meanwhile
            return
        item_id = self._opening.pop(meeting_id)
        self.windows[meeting_id] = window
        window.closed.connect(lambda mid: self.windows.pop(mid, None))
        window.show()
        if item_id is not None:
            window.go_to(item_id)
        window.raise_()
        window.activateWindow()

    def _not_opened(self, meeting_id: int, error: BaseException, missing: Callable[[], None] | None) -> None:
        self._opening.pop(meeting_id, None)
        if missing is not None and isinstance(error, NotFoundError):
            missing()
        else:
            report_error(self, error)

    def _minutes_wanted(self, meeting: MeetingRecord) -> bool:
        """Minutes record a meeting that took place: for one still to come, ask first (an officer may
        prepare them ahead, but should not start them on the wrong meeting by mistake)."""
        if meeting.date <= date.today() or meeting.minutes_confirmed_at is not None:
            return True
        answer = QMessageBox.question(
            self,
            "This meeting is in the future",
            f"{meeting.title} has not been held yet.\n\nThis meeting is in the future — take minutes "
            "anyway?\n\nMinutes record what happened at a meeting; take them now only to prepare them.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def settings(self) -> QSettings:
        """The main window's settings (where a restart looks for the meeting to reopen)."""
        return settings_for(self.window())

    def _watch_main_window(self) -> None:
        main = self.window()
        if main is not self and main is not self._watching:
            main.installEventFilter(self._closing)
            self._watching = main

    def close_windows(self, *, quitting: bool = False) -> None:
        self._opening.clear()  # (one being read opens no more)
        for window in list(self.windows.values()):
            window.quitting = quitting
            window.close()

    def flush_pending(self) -> None:
        for window in list(self.windows.values()):
            window.flush_pending()

    def focus_search(self) -> None:
        self.table.setFocus()

    # Export -------------------------------------------------------------------------------------
    def export(self, kind: str, public: bool) -> None:
        from sst_desktop.ui.minutes.export import export_minutes

        record = self.selected()
        if record is None:
            return
        window = self.windows.get(record.id)
        if window is not None:
            window.flush_pending()
        export_minutes(self, self.context, record, kind=kind, public=public)


def resume_minute_taking(main_window: QWidget) -> None:
    """Reopen the minute-taking window that was open when the program last stopped, at the same item
    (once what it shows has been read).

    Called once after the main window is shown. Nothing happens when no meeting was being minuted,
    when it was in another database, or when the meeting was deleted since (it is forgotten); a
    database that cannot be read is explained, and the main window stays usable."""
    settings = settings_for(main_window)
    context: AppContext = main_window.context  # type: ignore[attr-defined]
    where = remembered(settings, context.database.url)
    if where is None:
        return
    meeting_id, item_id = where
    page = main_window.page("minutes")  # type: ignore[attr-defined]
    page.open_minute_taking(  # the officer chose it before: no question
        meeting_id, item_id, ask_if_future=False, missing=lambda: forget(settings)
    )
