"""The meetings screen: a committee's meetings (upcoming and past), the chosen meeting's details and
agenda, the committee's forward plan, and the documents (agenda, agenda pack, calendar)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.services.errors import NotFoundError
from sst_desktop.services.meeting_series import SeriesResult
from sst_desktop.services.meetings import MeetingRecord
from sst_desktop.services.outcome import Changed
from sst_desktop.services.records import Change, CommitteeRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.meetings.agenda_builder import AgendaBuilder
from sst_desktop.ui.meetings.agenda_view import agenda_summary
from sst_desktop.ui.meetings.export_actions import MeetingExports
from sst_desktop.ui.meetings.formatting import plain_date
from sst_desktop.ui.meetings.forward_plan_panel import ForwardPlanPanel
from sst_desktop.ui.meetings.meeting_details import MeetingDetailsEditor
from sst_desktop.ui.meetings.meeting_dialogs import (
    MoveDialog,
    ReasonDialog,
    ScheduleMeetingDialog,
    ScheduleRequest,
)
from sst_desktop.ui.meetings.models import meetings_model
from sst_desktop.ui.operations import directory, meetings
from sst_desktop.ui.operations.op import ChangeOp
from sst_desktop.ui.widgets.column_fit import ColumnFit
from sst_desktop.ui.widgets.record_model import (
    RecordTableModel,
    record_table_view,
    select_record,
    selected_record,
)

COMMITTEE_KEY = "meetings/committee_id"


class MeetingsPage(QWidget):
    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.today = today
        self.committee: CommitteeRecord | None = None
        self.meeting: MeetingRecord | None = None
        self._wanted_committee: int | None = None  # to choose once the list comes back
        self._wanted_meeting: int | None = None
        self._neighbours: tuple[int, meetings.Neighbours] | None = None  # (meeting id, before/after)
        self._column_fits: list[ColumnFit] = []  # kept, so Qt always calls the same Python object

        self.committee_box = QComboBox()
        self.committee_box.setObjectName("committee")
        self.committee_box.setMinimumWidth(260)
        self.committee_box.currentIndexChanged.connect(self._committee_chosen)
        self.schedule_button = QPushButton("Schedule meeting…")
        self.schedule_button.setObjectName("primary")
        self.schedule_button.clicked.connect(lambda: self.schedule(series=False))
        self.series_button = QPushButton("Schedule series…")
        self.series_button.setToolTip(
            "e.g. quarterly: the second Thursday of March, June, September and December"
        )
        self.series_button.clicked.connect(lambda: self.schedule(series=True))

        self.exports = MeetingExports(context, self)
        self.documents_button = QToolButton()
        self.documents_button.setObjectName("documents")
        self.documents_button.setText("Documents")
        self.documents_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        documents = QMenu(self.documents_button)
        for action in (self.exports.agenda_action, self.exports.pack_action, self.exports.full_pack_action):
            documents.addAction(action)
        documents.addSeparator()
        documents.addAction(self.exports.calendar_action)
        self.documents_button.setMenu(documents)

        top = QHBoxLayout()
        top.addWidget(QLabel("Committee:"))
        top.addWidget(self.committee_box)
        top.addSpacing(12)
        top.addWidget(self.schedule_button)
        top.addWidget(self.series_button)
        top.addStretch(1)
        top.addWidget(self.documents_button)

        self.upcoming_model = meetings_model(self)
        self.past_model = meetings_model(self)
        self.upcoming_view = self._meetings_view(self.upcoming_model, "upcomingMeetings")
        self.past_view = self._meetings_view(self.past_model, "pastMeetings")
        self.upcoming_label = QLabel("Upcoming")
        self.past_label = QLabel("Past")
        for label in (self.upcoming_label, self.past_label):
            label.setObjectName("panel-title")
        lists = QWidget()
        lists.setObjectName("list-panel")
        lists_layout = QVBoxLayout(lists)
        lists_layout.setContentsMargins(8, 8, 8, 8)
        lists_layout.addWidget(self.upcoming_label)
        lists_layout.addWidget(self.upcoming_view, 3)
        lists_layout.addWidget(self.past_label)
        lists_layout.addWidget(self.past_view, 2)

        self.details = MeetingDetailsEditor(context)
        self.details.cancel_requested.connect(self.cancel_meeting)
        self.details.postpone_requested.connect(self.postpone_meeting)
        self.details.move_requested.connect(self.move_meeting)
        self.details.reinstate_requested.connect(self.reinstate_meeting)
        self.details.take_minutes_requested.connect(self.take_minutes)
        self.agenda_button = QPushButton("Agenda PDF…")
        self.agenda_button.clicked.connect(self.exports.agenda_action.trigger)
        self.pack_button = QPushButton("Agenda pack…")
        self.pack_button.clicked.connect(self.exports.pack_action.trigger)
        self.full_pack_button = QPushButton("Full pack (confidential)…")
        self.full_pack_button.clicked.connect(self.exports.full_pack_action.trigger)
        self.calendar_button = QPushButton("Calendar (.ics)…")
        self.calendar_button.clicked.connect(self.exports.calendar_action.trigger)
        export_row = QHBoxLayout()
        for button in (self.agenda_button, self.pack_button, self.full_pack_button, self.calendar_button):
            export_row.addWidget(button)
        export_row.addStretch(1)
        details_tab = QWidget()
        details_layout = QVBoxLayout(details_tab)
        details_layout.addWidget(self.details)
        self.overview = QLabel()
        self.overview.setObjectName("meetingOverview")
        self.overview.setWordWrap(True)
        self.overview.setTextFormat(Qt.TextFormat.PlainText)
        details_layout.addWidget(self.overview)
        details_layout.addSpacing(12)
        documents_label = QLabel("Documents")
        documents_label.setObjectName("section-title")
        details_layout.addWidget(documents_label)
        details_layout.addLayout(export_row)
        details_layout.addStretch(1)

        self.builder = AgendaBuilder(context)
        self.builder.records_shown.connect(self._show_overview)
        self.plan = ForwardPlanPanel(context)
        self.plan.today = today
        self.tabs = QTabWidget()
        self.tabs.setObjectName("meetingTabs")
        self.tabs.addTab(details_tab, "Meeting")
        self.tabs.addTab(self.builder, "Agenda")
        self.tabs.addTab(self.plan, "Forward plan")

        splitter = QSplitter()
        splitter.addWidget(lists)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([350, 900])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        context.changed.connect(self._changed)
        self.reload_committees()

    def _meetings_view(self, model: RecordTableModel[MeetingRecord], name: str) -> QTableView:
        view = record_table_view(model)
        view.setObjectName(name)
        view.setAccessibleName(
            {"upcomingMeetings": "Upcoming meetings", "pastMeetings": "Past meetings"}.get(name, name)
        )
        view.setMinimumWidth(280)
        self._column_fits.append(ColumnFit(view, {2: 1}))  # the venue takes what date, time and status leave
        view.selectionModel().selectionChanged.connect(lambda *_: self._meeting_chosen(view))
        return view

    # committees -----------------------------------------------------------------------------
    def reload_committees(self) -> None:
        directory.list_committees(self.context, self, include_archived=False).success(
            self._fill_committees
        ).run()

    def _fill_committees(self, committees: list[CommitteeRecord]) -> None:
        current: object = self._wanted_committee
        self._wanted_committee = None
        if current is None:
            current = self.committee.id if self.committee else QSettings().value(COMMITTEE_KEY, None)
        self.committee_box.blockSignals(True)
        self.committee_box.clear()
        for committee in committees:
            label = f"{committee.name} ({committee.short_name})" if committee.short_name else committee.name
            self.committee_box.addItem(label, committee)
        index = next(
            (i for i, c in enumerate(committees) if current is not None and str(c.id) == str(current)), 0
        )
        self.committee_box.setCurrentIndex(index if committees else -1)
        self.committee_box.blockSignals(False)
        self._committee_chosen()

    def _committee_chosen(self, *_: object) -> None:
        committee: CommitteeRecord | None = self.committee_box.currentData()
        self.committee = committee
        if committee is not None:
            QSettings().setValue(COMMITTEE_KEY, committee.id)
        self.schedule_button.setEnabled(committee is not None)
        self.series_button.setEnabled(committee is not None)
        self.exports.set_committee(committee)
        self.calendar_button.setEnabled(committee is not None)
        self.plan.show_committee(committee)
        self.reload_meetings()

    def choose_committee(self, committee_id: int) -> bool:
        """Show the committee's meetings; False when the list has not come yet (it is chosen then)."""
        for index in range(self.committee_box.count()):
            if self.committee_box.itemData(index).id == committee_id:
                self.committee_box.setCurrentIndex(index)
                return True
        self._wanted_committee = committee_id
        return False

    # meetings -------------------------------------------------------------------------------
    def reload_meetings(self) -> None:
        """Read the committee's meetings again; the chosen one stays chosen (else the next one)."""
        committee = self.committee
        if committee is None:
            self._show_meetings(None, ([], []))
            return
        today = self.today or date.today()
        meetings.list_meetings(self.context, self, committee.id, today).success(
            lambda lists: self._show_meetings(committee.id, lists)
        ).run()

    def _show_meetings(self, committee_id: int | None, lists: meetings.Meetings) -> None:
        if committee_id != (self.committee.id if self.committee else None):
            return  # another committee was chosen meanwhile; its meetings are on the way
        upcoming, past = lists
        for view in (self.upcoming_view, self.past_view):
            view.selectionModel().blockSignals(True)
        self.upcoming_model.set_records(upcoming)
        self.past_model.set_records(past)
        for view in (self.upcoming_view, self.past_view):
            view.selectionModel().blockSignals(False)
        self.upcoming_label.setText(f"Upcoming ({len(upcoming)})")
        self.past_label.setText(f"Past ({len(past)})")
        keep = self._wanted_meeting or (self.meeting.id if self.meeting else None)
        self._wanted_meeting = None
        found = keep is not None and self.select_meeting(keep)
        if not found and (upcoming or past):  # the next meeting, else the latest one
            found = self.select_meeting((upcoming or past)[0].id)
        if not found:
            self._show(None)

    def select_meeting(self, meeting_id: int) -> bool:
        """Choose a meeting of the committee shown; False when it is not listed (yet: it is chosen
        when the list comes back)."""
        for view in (self.upcoming_view, self.past_view):
            other = self.past_view if view is self.upcoming_view else self.upcoming_view
            if select_record(view, lambda m: m.id == meeting_id):
                other.clearSelection()
                self._meeting_chosen(view)
                return True
        self._wanted_meeting = meeting_id
        return False

    def show_meeting(self, meeting_id: int) -> None:
        """Show a meeting of any committee (e.g. asked for from another screen)."""
        meetings.get_meeting(self.context, self, meeting_id).success(self._show_asked_for).run()

    def _show_asked_for(self, meeting: MeetingRecord) -> None:
        if self.committee is None or self.committee.id != meeting.committee_id:
            self._wanted_meeting = meeting.id
            self.choose_committee(meeting.committee_id)
        else:
            self.select_meeting(meeting.id)

    def _meeting_chosen(self, view: QTableView) -> None:
        meeting: MeetingRecord | None = selected_record(view)
        if meeting is None:
            if (
                not self.upcoming_view.selectionModel().hasSelection()
                and not self.past_view.selectionModel().hasSelection()
            ):
                self._show(None)
            return
        other = self.past_view if view is self.upcoming_view else self.upcoming_view
        if other.selectionModel().hasSelection():
            other.selectionModel().blockSignals(True)
            other.clearSelection()
            other.selectionModel().blockSignals(False)
        self._show(meeting)

    def _show(self, meeting: MeetingRecord | None) -> None:
        self.meeting = meeting
        self.details.show_meeting(meeting)
        self.builder.show_meeting(meeting)
        self.exports.set_meeting(meeting)
        for button in (self.agenda_button, self.pack_button, self.full_pack_button):
            button.setEnabled(meeting is not None)
        if meeting is not None:
            meetings.neighbours(self.context, self, meeting.id).success(
                lambda found: self._neighbours_read(meeting.id, found)
            ).failure(self._neighbours_not_read).run()
        self._show_overview()

    def _neighbours_read(self, meeting_id: int, found: meetings.Neighbours) -> None:
        self._neighbours = (meeting_id, found)
        self._show_overview()

    def _neighbours_not_read(self, error: BaseException) -> None:
        if not isinstance(error, NotFoundError):  # the meeting was deleted: the list is read again
            report_error(self, error)

    def _show_overview(self) -> None:
        """The agenda in one line, and the meetings before and after (what the agenda will name)."""
        meeting = self.meeting
        if meeting is None:
            self.overview.setText("")
            return
        lines = [
            f"Agenda: {agenda_summary(self.builder.model.records)}"
            if self.builder.model.records
            else "Agenda: not started (see the Agenda tab)"
        ]
        if self._neighbours is not None and self._neighbours[0] == meeting.id:
            previous, following = self._neighbours[1]
            lines.append(
                f"Previous meeting: {plain_date(previous.date) if previous else 'none'}"
                f"   ·   Next meeting: {plain_date(following.date) if following else 'none scheduled'}"
            )
        self.overview.setText("\n".join(lines))

    def _changed(self, changed: Changed) -> None:
        if changed & (Changed.COMMITTEES | Changed.PEOPLE):
            self.reload_committees()
        elif changed & (Changed.MEETINGS | Changed.MINUTES):
            self.reload_meetings()

    # scheduling -----------------------------------------------------------------------------
    def schedule(self, *, series: bool) -> None:
        committee = self.committee
        if committee is None:
            return
        dialog = ScheduleMeetingDialog(
            committee,
            lambda parent, request: self._schedule_op(parent, committee, request),
            self,
            series=series,
            today=self.today,
        )
        dialog.made.connect(lambda result: self._scheduled(committee, result))
        dialog.exec()

    def _schedule_op(
        self, parent: QWidget, committee: CommitteeRecord, request: ScheduleRequest
    ) -> ChangeOp[Change[MeetingRecord]] | ChangeOp[SeriesResult]:
        """What the dialog asked for, as one undo step."""
        if request.rule is None:
            assert request.when is not None
            return meetings.schedule_meeting(
                self.context, parent, committee.id, request.when, request.details
            )
        assert request.start is not None and request.end is not None
        return meetings.schedule_series(
            self.context, parent, committee.id, request.rule, request.start, request.end, request.details
        )

    def _scheduled(self, committee: CommitteeRecord, result: Change[MeetingRecord] | SeriesResult) -> None:
        """Choose the new meeting (the first of a series); say which dates a series skipped."""
        if isinstance(result, Change):
            if result.after is not None:
                self.select_meeting(result.after.id)
            return
        if result.created:
            self.select_meeting(result.created[0].id)
        if result.skipped:
            days = ", ".join(plain_date(d) for d in result.skipped)
            QMessageBox.information(
                self,
                "Some dates were taken",
                f"{len(result.created)} meeting{'s' if len(result.created) != 1 else ''} scheduled. "
                f"{committee.name} already meets on {days}, so no second meeting was added there.",
            )

    # status changes -------------------------------------------------------------------------
    def cancel_meeting(self) -> None:
        self._with_reason("cancel", meetings.cancel_meeting)

    def postpone_meeting(self) -> None:
        self._with_reason("postpone", meetings.postpone_meeting)

    def _with_reason(self, verb: str, change: Callable[..., ChangeOp[Any]]) -> None:
        """Ask why (required), then cancel or postpone the chosen meeting."""
        meeting = self.meeting
        if meeting is not None:
            ReasonDialog(
                meeting, verb, lambda parent, reason: change(self.context, parent, meeting, reason), self
            ).exec()

    def move_meeting(self) -> None:
        meeting = self.meeting
        if meeting is not None:
            MoveDialog(
                meeting,
                lambda parent, when, reason: meetings.move_meeting(
                    self.context, parent, meeting, when, reason
                ),
                self,
            ).exec()

    def reinstate_meeting(self) -> None:
        meeting = self.meeting
        if meeting is not None:
            meetings.reinstate_meeting(self.context, self, meeting).run()

    def take_minutes(self, meeting_id: int) -> None:
        """Open minute-taking for the meeting. The Minutes screen owns minute-taking windows (and
        reopens them after a restart), so the request goes through it."""
        self.details.commit_pending()
        window = self.window()
        page = getattr(window, "page", None)
        if callable(page):
            page("minutes").open_minute_taking(meeting_id)

    def flush_pending(self) -> None:
        """Save edits still in progress (the main window calls this when it closes)."""
        self.details.commit_pending()
        self.builder.commit_pending()
