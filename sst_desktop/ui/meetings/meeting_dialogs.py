"""Dialogs that change meetings: schedule one or a series, cancel or postpone with a reason, move.

Each dialog collects values and hands them to ``submit``, which returns the operation that makes the
change. The dialog waits for it and closes only once it is made, so a refused change (a date already
taken…) leaves the officer's typing in place to correct.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.services.errors import ValidationError
from sst_desktop.services.meeting_series import SeriesRule
from sst_desktop.services.meetings import MeetingRecord
from sst_desktop.services.records import CommitteeRecord
from sst_desktop.ui.meetings.formatting import day_text, from_qtime, plain_date, to_qtime
from sst_desktop.ui.operations.meetings import MeetingDetails
from sst_desktop.ui.operations.op import ChangeOp
from sst_desktop.ui.widgets.change_dialog import ChangeDialog
from sst_desktop.ui.widgets.date_box import DateBox
from sst_desktop.ui.window_geometry import keep_geometry

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORDINALS = ((1, "first"), (2, "second"), (3, "third"), (4, "fourth"), (-1, "last"))
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
QUARTERLY = (3, 6, 9, 12)


@dataclass(frozen=True)
class ScheduleRequest:
    details: MeetingDetails
    when: date | None = None  # one meeting
    rule: SeriesRule | None = None  # a series, from start to end
    start: date | None = None
    end: date | None = None

    @property
    def is_series(self) -> bool:
        return self.rule is not None


def date_box(value: date) -> DateBox:
    """A meeting's date, shown with its weekday ("Thu 8 Sep 2022") as the meetings list shows it."""
    return DateBox(value, allow_empty=False, display=day_text)


class ScheduleMeetingDialog(ChangeDialog):
    """Schedule one meeting, or a series such as the second Thursday of March, June, September and
    December. Time, venue and openness start as the committee's defaults."""

    def __init__(
        self,
        committee: CommitteeRecord,
        submit: Callable[[QWidget, ScheduleRequest], ChangeOp[Any]],
        parent: QWidget | None = None,
        *,
        series: bool = False,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Schedule meetings of {committee.name}")
        keep_geometry(self, "schedule_series" if series else "schedule_meeting")  # two sizes
        self._submit = submit
        today = today or date.today()

        self.once = QRadioButton("One meeting")
        self.series = QRadioButton("A series of meetings")
        kind = QButtonGroup(self)
        kind.addButton(self.once)
        kind.addButton(self.series)
        (self.series if series else self.once).setChecked(True)

        self.date = date_box(today)
        once_box = QWidget()
        once_form = QFormLayout(once_box)
        once_form.setContentsMargins(0, 0, 0, 0)
        once_form.addRow("&Date:", self.date)
        once_form.addRow("", self.date.message_label())

        self.ordinal = QComboBox()
        for value, label in ORDINALS:
            self.ordinal.addItem(label, value)
        self.ordinal.setCurrentIndex(1)
        self.weekday = QComboBox()
        for index, name in enumerate(WEEKDAYS):
            self.weekday.addItem(name, index)
        self.weekday.setCurrentIndex(3)
        self.months = [QCheckBox(name) for name in MONTHS]
        for month in QUARTERLY:
            self.months[month - 1].setChecked(True)
        quarterly = QPushButton("Quarterly")
        quarterly.setToolTip("March, June, September and December")
        quarterly.clicked.connect(lambda: self._set_months(QUARTERLY))
        monthly = QPushButton("Every month")
        monthly.clicked.connect(lambda: self._set_months(range(1, 13)))
        self.start = date_box(today)
        self.end = date_box(date(today.year + 1, today.month, min(today.day, 28)))
        self.start.setAccessibleName("First date of the series")
        self.end.setAccessibleName("Last date of the series")
        self.preview = QLabel()
        self.preview.setObjectName("seriesPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        pattern = QHBoxLayout()
        pattern.addWidget(QLabel("The"))
        pattern.addWidget(self.ordinal)
        pattern.addWidget(self.weekday)
        pattern.addWidget(QLabel("of"))
        pattern.addStretch(1)
        month_grid = QGridLayout()
        for index, box in enumerate(self.months):
            month_grid.addWidget(box, index // 6, index % 6)
        presets = QHBoxLayout()
        presets.addWidget(quarterly)
        presets.addWidget(monthly)
        presets.addStretch(1)
        span = QHBoxLayout()
        span.addWidget(QLabel("From"))
        span.addWidget(self.start)
        span.addWidget(QLabel("to"))
        span.addWidget(self.end)
        span.addStretch(1)
        series_box = QWidget()
        series_layout = QVBoxLayout(series_box)
        series_layout.setContentsMargins(0, 0, 0, 0)
        series_layout.addLayout(pattern)
        series_layout.addLayout(month_grid)
        series_layout.addLayout(presets)
        series_layout.addLayout(span)
        series_layout.addWidget(self.start.message_label())
        series_layout.addWidget(self.end.message_label())
        series_layout.addWidget(self.preview)
        self.once_box, self.series_box = once_box, series_box

        self.details = MeetingDetailsForm(committee)

        when = QGroupBox("When")
        when_layout = QVBoxLayout(when)
        choice = QHBoxLayout()
        choice.addWidget(self.once)
        choice.addWidget(self.series)
        choice.addStretch(1)
        when_layout.addLayout(choice)
        when_layout.addWidget(once_box)
        when_layout.addWidget(series_box)
        where = QGroupBox("Time and place")
        where_layout = QVBoxLayout(where)
        where_layout.addWidget(self.details)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton("Schedule", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(when)
        layout.addWidget(where)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

        self.once.toggled.connect(self._update)
        for widget in (self.ordinal, self.weekday):
            widget.currentIndexChanged.connect(self._update)
        for box in self.months:
            box.toggled.connect(self._update)
        self.start.date_changed.connect(self._update)
        self.end.date_changed.connect(self._update)
        self._update()

    def _set_months(self, months: Iterable[int]) -> None:
        chosen = set(months)
        for index, box in enumerate(self.months, start=1):
            box.setChecked(index in chosen)

    def rule(self) -> SeriesRule:
        months = tuple(i for i, box in enumerate(self.months, start=1) if box.isChecked())
        return SeriesRule(
            weekday=self.weekday.currentData(), ordinal=self.ordinal.currentData(), months=months
        )

    def series_dates(self) -> list[date]:
        return self.rule().dates(self._day(self.start), self._day(self.end))

    @staticmethod
    def _day(box: DateBox) -> date:
        value = box.date()
        assert value is not None  # the boxes refuse to be empty
        return value

    def _update(self) -> None:
        series = self.series.isChecked()
        self.once_box.setVisible(not series)
        self.series_box.setVisible(series)
        self.ok.setText("Schedule series" if series else "Schedule")
        if not series:
            self.ok.setEnabled(True)
            return
        try:
            dates = self.series_dates()
        except ValidationError as error:
            self.preview.setText(str(error))
            self.ok.setEnabled(False)
            return
        if not dates:
            self.preview.setText("No date between the start and the end matches the pattern.")
        else:
            shown = ", ".join(plain_date(d) for d in dates[:8])
            more = f" and {len(dates) - 8} more" if len(dates) > 8 else ""
            count = f"{len(dates)} meeting{'s' if len(dates) != 1 else ''}"
            self.preview.setText(f"{count}: {shown}{more}.")
        self.ok.setEnabled(bool(dates))

    def request(self) -> ScheduleRequest:
        details = self.details.values()
        if self.series.isChecked():
            return ScheduleRequest(
                details,
                rule=self.rule(),
                start=self._day(self.start),
                end=self._day(self.end),
            )
        return ScheduleRequest(details, when=self._day(self.date))

    def _accept(self) -> None:
        boxes = (self.start, self.end) if self.series.isChecked() else (self.date,)
        if not all([box.commit() for box in boxes]):  # each refused text shows its reason
            return
        try:
            request = self.request()
        except ValidationError as error:
            self.preview.setText(str(error))
            return
        self.send(self._submit(self, request))


class MeetingDetailsForm(QWidget):
    """Start time, venue, remote link and openness: the committee's defaults to begin with."""

    def __init__(self, committee: CommitteeRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.has_time = QCheckBox("Start time:")
        self.has_time.setChecked(committee.default_start_time is not None)
        self.time = QTimeEdit(to_qtime(committee.default_start_time or time(10, 0)))
        self.time.setDisplayFormat("h.mm ap")
        self.time.setAccessibleName("Start time")
        self.time.setEnabled(self.has_time.isChecked())
        self.has_time.toggled.connect(self.time.setEnabled)
        self.venue = QLineEdit(committee.default_venue)
        self.venue.setPlaceholderText("Bootle Town Hall, or Remote Meeting - Microsoft Teams")
        self.remote_link = QLineEdit()
        self.remote_link.setPlaceholderText("https://teams.microsoft.com/… (optional)")
        self.open_to_public = QCheckBox("Open to the public")
        self.open_to_public.setChecked(committee.open_to_public)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.has_time, self.time)
        form.addRow("&Venue:", self.venue)
        form.addRow("Remote &link:", self.remote_link)
        form.addRow("", self.open_to_public)

    def values(self) -> MeetingDetails:
        return MeetingDetails(
            start_time=from_qtime(self.time.time()) if self.has_time.isChecked() else None,
            venue=self.venue.text(),
            remote_link=self.remote_link.text(),
            open_to_public=self.open_to_public.isChecked(),
        )


class ReasonDialog(ChangeDialog):
    """Cancel or postpone a meeting: a reason is required (it is shown beside the meeting)."""

    def __init__(
        self,
        meeting: MeetingRecord,
        verb: str,
        submit: Callable[[QWidget, str], ChangeOp[Any]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{verb.capitalize()} the meeting")
        keep_geometry(self, "meeting_reason")
        self._submit = submit
        intro = QLabel(f"{verb.capitalize()} the meeting of {meeting.title}?\nSay why (required):")
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setAccessibleName("Reason")
        self.reason.setPlaceholderText(
            "e.g. Not quorate" if verb == "cancel" else "e.g. Awaiting the Community Safety Strategy"
        )
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(90)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        label = "Cancel meeting" if verb == "cancel" else "Postpone meeting"
        self.ok = self.buttons.addButton(label, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Keep it")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self._update()

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.reason.toPlainText().strip()))

    def _accept(self) -> None:
        self.send(self._submit(self, self.reason.toPlainText()))


class MoveDialog(ChangeDialog):
    """Move a meeting (also a postponed one) to another date, with an optional reason."""

    def __init__(
        self,
        meeting: MeetingRecord,
        submit: Callable[[QWidget, date, str], ChangeOp[Any]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Move the meeting")
        keep_geometry(self, "move_meeting")
        self._submit = submit
        self.date = date_box(meeting.date)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("optional, e.g. Clash with Full Council")
        form = QFormLayout()
        form.addRow("From:", QLabel(plain_date(meeting.date)))
        form.addRow("&To:", self.date)
        form.addRow("", self.date.message_label())
        form.addRow("&Reason:", self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton("Move meeting", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self._original = meeting.date
        self.date.date_changed.connect(self._update)
        self.date.textEdited.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.ok.setEnabled(self.date.is_edited() or self.date.date() != self._original)

    def _accept(self) -> None:
        if not self.date.commit():
            return
        when = self.date.date()
        if when is None or when == self._original:
            self._update()
            return
        self.send(self._submit(self, when, self.reason.text()))
