"""The one date box: type a date as you would write it, or pick it from a calendar.

The text is read by ``domain.dates`` when editing finishes (Enter, Tab, leaving the box). An accepted
date is shown back as 15/01/2027 and announced once through ``date_changed``; a text that is not a
date stays as typed, marked, with the reason beside the box and as its tooltip, and nothing changes.
Arrow keys never change the date (in the spin box this replaces, a stray Up saved 02/01/2000). F4,
Alt+Down (where the window does not use it) or the arrow at the right opens the calendar at the date
shown, or at ``calendar_start`` (today, unless the screen gives the meeting's date) when it is empty.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.dates import EXAMPLE, check_limits, date_text, parse_date_text
from sst_desktop.paths import resource
from sst_desktop.ui import theme

PLACEHOLDER = "dd/mm/yyyy"
HINT = f"Type a date ({EXAMPLE}; “No date” clears it), or press F4 for a calendar"


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class CalendarPopup(QFrame):
    """A month to click in, with Today and (where a box may be empty) No date."""

    chosen = Signal(object)  # date | None

    def __init__(self, parent: QWidget, *, allow_empty: bool) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("dateCalendar")
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        cell = self.fontMetrics().horizontalAdvance("Wed") + 18
        self.calendar.setMinimumSize(7 * cell, 6 * self.fontMetrics().height() * 2)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)
        self.today_button = QPushButton("Today")
        self.today_button.clicked.connect(lambda: self.chosen.emit(date.today()))
        self.clear_button = QPushButton("No date")
        self.clear_button.setToolTip("Leave the date empty")
        self.clear_button.clicked.connect(lambda: self.chosen.emit(None))
        self.clear_button.setVisible(allow_empty)
        buttons = QHBoxLayout()
        buttons.addWidget(self.today_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.calendar)
        layout.addLayout(buttons)

    def _pick(self, value: QDate) -> None:
        self.chosen.emit(date(value.year(), value.month(), value.day()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


class DateBox(QLineEdit):
    """A date, or no date (``allow_empty``), typed or picked; ``date()`` is the last accepted one."""

    date_changed = Signal(object)  # the accepted date (date | None), once per change made by the officer
    refused = Signal(str)  # why the text typed is not a date

    def __init__(
        self,
        value: date | None = None,
        *,
        allow_empty: bool = True,
        calendar_start: date | None = None,
        display: Callable[[date], str] = date_text,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._value = value
        self._allow_empty = allow_empty
        self._display = display
        self._earliest: date | None = None
        self._latest: date | None = None
        self.calendar_start = calendar_start
        self.popup: CalendarPopup | None = None
        self._error = ""
        self._message: QLabel | None = None
        self.setPlaceholderText(PLACEHOLDER)
        self.setToolTip(HINT)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.calendar_action = self.addAction(
            QIcon(str(resource("icons", "chevron-down.png"))), QLineEdit.ActionPosition.TrailingPosition
        )
        self.calendar_action.setText("Choose from a calendar")  # what a screen reader says for the button
        self.calendar_action.setToolTip("Choose from a calendar (F4)")
        self.calendar_action.triggered.connect(self.open_calendar)
        self.editingFinished.connect(self.commit)
        self.textEdited.connect(self._edited)
        self.setText(self._shown(value))

    # The value ------------------------------------------------------------------------------------
    def date(self) -> datetime.date | None:
        return self._value

    def set_date(self, value: datetime.date | None) -> None:
        """Show ``value`` as the stored date (no ``date_changed``); a refused text goes."""
        self._value = value
        self._set_error("")
        self.setText(self._shown(value))
        self.setCursorPosition(0)

    def set_limits(self, earliest: datetime.date | None = None, latest: datetime.date | None = None) -> None:
        self._earliest, self._latest = earliest, latest

    def is_edited(self) -> bool:
        """True while the box shows text that has not been read as a date yet (or was refused)."""
        return self.text() != self._shown(self._value)

    def error(self) -> str:
        """Why the text shown is not accepted ("" when it is)."""
        return self._error

    def message_label(self) -> QLabel:
        """A line to place under the box in a form: it says why the text is refused, and is hidden
        while there is nothing to say (the tooltip alone goes when the mouse moves)."""
        if self._message is None:
            self._message = QLabel(self._error)
            self._message.setObjectName("dateError")
            self._message.setWordWrap(True)
            self._message.setStyleSheet(theme.text_style("error_text"))
            self._message.setVisible(bool(self._error))
        return self._message

    def commit(self) -> bool:
        """Read the text now: True when it is a date (or an allowed empty box), which is then shown the
        council's way and announced if it changed; False, with the reason shown, when it is not."""
        text = self.text()
        if not self.is_edited():
            self._set_error("")
            return True
        try:
            value = parse_date_text(text, required=not self._allow_empty)
            if value is not None:
                check_limits(value, self._earliest, self._latest)
        except ValueError as error:
            self._set_error(str(error))
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), str(error), self)
            self.refused.emit(str(error))
            return False
        self._set_error("")
        self.setText(self._shown(value))
        if value != self._value:
            self._value = value
            self.date_changed.emit(value)
        return True

    def _shown(self, value: datetime.date | None) -> str:
        return self._display(value) if value is not None else ""

    def _set_error(self, message: str) -> None:
        if message == self._error:
            return
        self._error = message
        self.setProperty("error", bool(message))
        self.setToolTip(message or HINT)
        if self._message is not None:
            self._message.setText(message)
            self._message.setVisible(bool(message))
        self.style().unpolish(self)
        self.style().polish(self)

    def _edited(self, _text: str) -> None:
        if self._error:  # the officer is correcting it: the mark goes until the text is read again
            self._set_error("")

    # Keys and the calendar -----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if key == Qt.Key.Key_F4 or (alt and key == Qt.Key.Key_Down):
            self.open_calendar()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.is_edited():
            # Enter reads the text and shows the date it means; it does not also press a dialog's OK.
            self.commit()
            event.accept()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> None:
        if self.isReadOnly() or not self.isEnabled():
            return
        try:
            typed = parse_date_text(self.text())
        except ValueError:
            typed = None
        start = typed or self._value or self.calendar_start or date.today()
        popup = CalendarPopup(self, allow_empty=self._allow_empty)
        if self._earliest is not None:
            popup.calendar.setMinimumDate(_qdate(self._earliest))
        if self._latest is not None:
            popup.calendar.setMaximumDate(_qdate(self._latest))
        popup.calendar.setSelectedDate(_qdate(start))
        popup.chosen.connect(self._picked)
        popup.destroyed.connect(self._popup_gone)
        popup.adjustSize()
        where = self.mapToGlobal(QPoint(0, self.height()))
        screen = QGuiApplication.screenAt(where) or QGuiApplication.primaryScreen()
        if screen is not None:  # keep it on the screen (a box near the bottom opens it upwards)
            area = screen.availableGeometry()
            size: QSize = popup.sizeHint()
            if where.y() + size.height() > area.bottom():
                where.setY(self.mapToGlobal(QPoint(0, 0)).y() - size.height())
            where.setX(max(area.left(), min(where.x(), area.right() - size.width())))
        popup.move(where)
        self.popup = popup
        popup.show()
        popup.calendar.setFocus()

    def _popup_gone(self) -> None:
        self.popup = None

    def _picked(self, value: datetime.date | None) -> None:
        if self.popup is not None:
            self.popup.close()
        self.setText(self._shown(value))
        self.commit()
        self.setFocus(Qt.FocusReason.PopupFocusReason)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        sample = max(self._shown(date(2027, 9, 30)), PLACEHOLDER, key=self.fontMetrics().horizontalAdvance)
        width = self.fontMetrics().horizontalAdvance(sample) + 52  # padding, frame and the calendar arrow
        return QSize(max(width, 120), hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()
