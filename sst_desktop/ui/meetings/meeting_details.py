"""The chosen meeting's details, edited in place: every change is saved as it is made and can be undone."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.enums import MeetingStatus
from sst_desktop.domain.meeting_texts import long_date
from sst_desktop.domain.patch import given
from sst_desktop.services.meetings import MeetingPatch, MeetingRecord
from sst_desktop.services.records import Change
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.operations import meetings
from sst_desktop.ui.widgets.fields import CommitLineEdit, parse_time_text, time_text

FIELD_LABELS = {
    "start_time": "start time",
    "venue": "venue",
    "remote_link": "remote link",
    "open_to_public": "public access",
    "title_prefix": "prefix",
    "session_title": "meeting title",
}


class MeetingDetailsEditor(QWidget):
    """Time, venue, remote link and openness of one meeting, with its status and the buttons that
    change it (move, postpone, cancel, reinstate)."""

    cancel_requested = Signal()
    postpone_requested = Signal()
    move_requested = Signal()
    reinstate_requested = Signal()
    take_minutes_requested = Signal(int)  # meeting id

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting: MeetingRecord | None = None

        self.heading = QLabel()
        self.heading.setObjectName("page-title")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reference = QLabel()
        self.reference.setObjectName("hint")
        self.reference.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.start_time = CommitLineEdit()
        self.start_time.setObjectName("startTime")
        self.start_time.setPlaceholderText("10:00")
        self.start_time.setMaximumWidth(110)
        self.venue = CommitLineEdit()
        self.venue.setObjectName("venue")
        self.venue.setPlaceholderText("e.g. Bootle Town Hall, or Remote Meeting - Microsoft Teams")
        self.remote_link = CommitLineEdit()
        self.remote_link.setObjectName("remoteLink")
        self.remote_link.setPlaceholderText("https://teams.microsoft.com/… (optional)")
        self.first_minute = CommitLineEdit()
        self.first_minute.setObjectName("firstMinuteNumber")
        self.first_minute.setPlaceholderText("continues the municipal year")
        self.first_minute.setMaximumWidth(220)
        self.first_minute.setToolTip(
            "Minute numbers run on through the municipal year. Give a number here only when the year's "
            "earlier minutes are not in SST Desktop (for example, the first meeting you record)."
        )
        self.title_prefix = CommitLineEdit()
        self.title_prefix.setObjectName("titlePrefix")
        self.title_prefix.setPlaceholderText("e.g. Adjourned, Special")
        self.title_prefix.setMaximumWidth(220)
        self.session_title = CommitLineEdit()
        self.session_title.setObjectName("sessionTitle")
        self.session_title.setPlaceholderText("e.g. Themed session: Serious Violence Duty (optional)")
        self.open_to_public = QCheckBox("Open to the public")
        self.open_to_public.setToolTip(
            "When not open, the agenda says “THIS MEETING IS NOT OPEN TO THE PUBLIC”."
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Meeting &prefix:", self.title_prefix)
        form.addRow("Meeting titl&e:", self.session_title)
        form.addRow("Start &time:", self.start_time)
        form.addRow("&Venue:", self.venue)
        form.addRow("Remote &link:", self.remote_link)
        form.addRow("First &minute no.:", self.first_minute)
        form.addRow("", self.open_to_public)

        self.move_button = QPushButton("Move to another date…")
        self.postpone_button = QPushButton("Postpone…")
        self.cancel_button = QPushButton("Cancel meeting…")
        self.reinstate_button = QPushButton("Reinstate")
        self.reinstate_button.setToolTip("Schedule the meeting again on its date.")
        self.take_minutes_button = QPushButton("Take minutes…")
        self.take_minutes_button.setObjectName("primary")
        self.take_minutes_button.setToolTip("Open minute-taking for this meeting.")
        self.take_minutes_button.clicked.connect(
            lambda: self.meeting is not None and self.take_minutes_requested.emit(self.meeting.id)
        )
        self.move_button.clicked.connect(self.move_requested)
        self.postpone_button.clicked.connect(self.postpone_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.reinstate_button.clicked.connect(self.reinstate_requested)
        buttons = QHBoxLayout()
        for button in (self.move_button, self.postpone_button, self.cancel_button, self.reinstate_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.take_minutes_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.reference)
        layout.addWidget(self.status)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self.start_time.commit_requested.connect(self._save_time)
        self.venue.commit_requested.connect(lambda text: self.save(MeetingPatch(venue=text), self.venue))
        self.remote_link.commit_requested.connect(
            lambda text: self.save(MeetingPatch(remote_link=text), self.remote_link)
        )
        self.first_minute.commit_requested.connect(self._save_first_minute)
        self.title_prefix.commit_requested.connect(
            lambda text: self.save(MeetingPatch(title_prefix=text), self.title_prefix)
        )
        self.session_title.commit_requested.connect(
            lambda text: self.save(MeetingPatch(session_title=text), self.session_title)
        )
        self.open_to_public.clicked.connect(lambda checked: self.save(MeetingPatch(open_to_public=checked)))
        self.show_meeting(None)

    # showing --------------------------------------------------------------------------------
    def show_meeting(self, meeting: MeetingRecord | None) -> None:
        same = meeting is not None and self.meeting is not None and meeting.id == self.meeting.id
        if not same:
            self.commit_pending()
        self.meeting = meeting
        fields = (
            self.title_prefix,
            self.session_title,
            self.start_time,
            self.venue,
            self.remote_link,
            self.first_minute,
            self.open_to_public,
        )
        if meeting is None:
            self.heading.setText("No meeting chosen")
            self.reference.setText("")
            self.status.setText("Choose a meeting, or schedule one.")
            for widget in (
                *fields,
                self.move_button,
                self.postpone_button,
                self.cancel_button,
                self.take_minutes_button,
            ):
                widget.setEnabled(False)
            self.reinstate_button.hide()
            return
        self.heading.setText(long_date(meeting.date))
        self.reference.setText(f"{meeting.committee_name} · {meeting.ref}")
        self.status.setText(status_text(meeting))
        unusual = meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED)
        self.status.setObjectName("warning" if unusual else "")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.title_prefix.set_saved_text(meeting.title_prefix, keep_edit=same)
        self.session_title.set_saved_text(meeting.session_title, keep_edit=same)
        self.start_time.set_saved_text(time_text(meeting.start_time), keep_edit=same)
        self.venue.set_saved_text(meeting.venue, keep_edit=same)
        self.remote_link.set_saved_text(meeting.remote_link, keep_edit=same)
        self.first_minute.set_saved_text(_number_text(meeting.first_minute_number), keep_edit=same)
        self.open_to_public.setChecked(meeting.open_to_public)
        editable = not meeting.minutes_confirmed
        for widget in fields:
            widget.setEnabled(editable)
        held = meeting.status == MeetingStatus.HELD
        self.move_button.setEnabled(not held)
        self.postpone_button.setEnabled(meeting.status == MeetingStatus.SCHEDULED)
        self.cancel_button.setEnabled(meeting.status in (MeetingStatus.SCHEDULED, MeetingStatus.POSTPONED))
        self.reinstate_button.setVisible(meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED))
        self.take_minutes_button.setEnabled(meeting.status in (MeetingStatus.SCHEDULED, MeetingStatus.HELD))

    # saving ---------------------------------------------------------------------------------
    def _save_time(self, text: str) -> None:
        try:
            value = parse_time_text(text)
        except ValueError as error:
            self.start_time.reject(str(error))
            return
        self.save(MeetingPatch(start_time=value), self.start_time)

    def _save_first_minute(self, text: str) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        text = text.strip()
        if text and not text.isdigit():
            self.first_minute.reject(
                "The first minute number is a whole number, or blank to continue the year."
            )
            return
        value = int(text) if text else None
        if value == meeting.first_minute_number:
            self.first_minute.set_saved_text(_number_text(value))
            return
        typed = self.first_minute.text()
        meetings.set_first_minute_number(self.context, self, meeting, value).refused_in(
            self.first_minute
        ).success(lambda change: self._saved(change, self.first_minute, "first_minute_number", typed)).run()

    def save(self, patch: MeetingPatch, widget: CommitLineEdit | None = None) -> None:
        """Save the field ``patch`` sets; a refused text stays in its box, marked (a tick box goes
        back to what is stored)."""
        meeting = self.meeting
        if meeting is None:
            return
        changes = given(patch)
        field = next(iter(changes))
        if all(getattr(meeting, name) == _stripped(value) for name, value in changes.items()):
            if widget is not None:
                widget.set_saved_text(_shown(meeting, field))
            return
        what = ", ".join(FIELD_LABELS[name] for name in changes)
        op = meetings.update_meeting(self.context, self, meeting, patch, what)
        refusal = op.refused_in(widget) if widget is not None else op.failure(self._refused)
        typed = widget.text() if widget is not None else ""
        refusal.success(lambda change: self._saved(change, widget, field, typed)).run()

    def _saved(
        self, change: Change[MeetingRecord], widget: CommitLineEdit | None, field: str, typed: str
    ) -> None:
        """Show what is stored: "14:30" reads "2.30 pm" — unless the officer has typed on since."""
        fresh = change.after
        if fresh is None or self.meeting is None or fresh.id != self.meeting.id:
            return
        self.show_meeting(fresh)
        if widget is not None:
            widget.set_saved_text(_shown(fresh, field), keep_edit=widget.text() != typed)

    def _refused(self, error: BaseException) -> None:
        report_error(self, error)
        self.show_meeting(self.meeting)  # the box as stored

    def commit_pending(self) -> None:
        """Save what is typed but not yet left (the window is closing or another meeting is chosen)."""
        if self.meeting is None:
            return
        for field in (
            self.title_prefix,
            self.session_title,
            self.start_time,
            self.venue,
            self.remote_link,
            self.first_minute,
        ):
            if field.is_dirty():
                field.commit_pending()


def _number_text(number: int | None) -> str:
    return "" if number is None else str(number)


def _shown(meeting: MeetingRecord, field: str) -> str:
    """A text field's value as its box shows it."""
    value = getattr(meeting, field)
    if field == "start_time":
        return time_text(value)
    return _number_text(value) if field == "first_minute_number" else str(value)


def _stripped(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def status_text(meeting: MeetingRecord) -> str:
    parts = [meeting.status.label]
    if meeting.status_reason:
        parts.append(meeting.status_reason)
    if not meeting.open_to_public:
        parts.append("Not open to the public")
    if meeting.minutes_confirmed:
        parts.append("Minutes confirmed: the meeting is on record and no longer changes")
    return " — ".join(parts)
