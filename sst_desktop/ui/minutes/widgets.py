"""Small widgets of the minute-taking screen: the clock, the saved indicator, a text box that grows."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QShowEvent, QTextOption
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLayout, QPlainTextEdit, QSizePolicy, QWidget

from sst_desktop.ui.minutes.autosave import Autosaver, SaveState
from sst_desktop.ui.minutes.language_marks import highlight_languages
from sst_desktop.ui.widgets.accessible import announce


class ClockLabel(QLabel):
    """The time of day, to the minute, for noting arrivals and departures."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clock")
        self.setToolTip("Time now")
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(1000)
        self.tick()

    def tick(self) -> None:
        text = datetime.now().strftime("%H:%M")
        if text != self.text():
            self.setText(text)


class SaveIndicator(QLabel):
    """ "Saved", "Saving…" or "Not saved" — always visible, never in the way."""

    def __init__(self, saver: Autosaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveIndicator")
        self._saver = saver
        self.refused: dict[str, str] = {}  # key -> why a change was not accepted (until it is)
        self._look = ""  # saved, pending or error: a change to or from error is announced
        self.setMinimumWidth(150)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        saver.state_changed.connect(self.show_state)
        saver.rejected.connect(self._rejected)
        saver.saved.connect(self._saved)
        self.show_state(saver.state)

    def _rejected(self, key: str, error: object) -> None:
        self.refused[key] = str(error)
        self.show_state(self._saver.state)

    def _saved(self, key: str, _result: object) -> None:
        if self.refused.pop(key, None) is not None:
            self.show_state(self._saver.state)

    def show_state(self, state: SaveState) -> None:
        if state is SaveState.PENDING:
            text, tip, look = "Saving…", "Your latest typing is being saved.", "pending"
        elif state is SaveState.ERROR:
            error = self._saver.last_error
            text, look = "Not saved — retrying", "error"
            tip = f"The last change could not be written yet; it is kept and retried.\n\n{error}"
        elif self.refused:
            text, look = "Not saved — see why", "error"
            tip = "A change was not accepted; the text is still on screen:\n\n" + "\n".join(
                dict.fromkeys(self.refused.values())
            )
        else:
            at = self._saver.last_saved_at
            text = f"Saved {datetime.fromtimestamp(at):%H:%M:%S}" if at else "Saved"
            tip, look = "Everything you typed is in the database.", "saved"
        self.setText(text)
        self.setToolTip(tip)
        self.setAccessibleDescription(tip)
        if look != self._look and "error" in (look, self._look) and self._look:
            announce(self, text)  # a screen reader hears that saving stopped, and that it recovered
        self._look = look
        self.setProperty("state", look)
        self.style().unpolish(self)
        self.style().polish(self)


class GrowingTextEdit(QPlainTextEdit):
    """A plain-text box that grows with its text (up to ``max_lines``), for resolutions and actions.

    Tab moves on to the next field (no tab characters in a resolution); Enter ends the entry and
    emits ``committed``; Shift+Enter makes a new line.
    """

    committed = Signal()
    focus_left = Signal()

    def __init__(self, parent: QWidget | None = None, *, min_lines: int = 1, max_lines: int = 6) -> None:
        super().__init__(parent)
        self.min_lines = min_lines
        self.max_lines = max_lines
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        highlight_languages(self)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def _fit(self, *_args: object) -> None:
        document = self.document()
        wanted_lines = max(1, int(document.size().height()))  # visual lines, wrapping included
        lines = max(self.min_lines, min(self.max_lines, wanted_lines))
        chrome = max(0, self.height() - self.viewport().height())  # frame, border and padding
        height = int(lines * self.fontMetrics().lineSpacing() + 2 * document.documentMargin() + chrome) + 1
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if wanted_lines > self.max_lines
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        if self.verticalScrollBarPolicy() != policy:
            self.setVerticalScrollBarPolicy(policy)
        if self.height() != height:
            self.setFixedHeight(height)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()  # the style's padding is known once shown

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.height())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.committed.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()

    def set_text_quietly(self, text: str) -> None:
        """Replace the text without announcing it as an edit."""
        blocked = self.blockSignals(True)
        self.setPlainText(text)
        self.blockSignals(blocked)
        self._fit()


def new_entry_row(edit: QWidget) -> tuple[QLabel, QHBoxLayout]:
    """The "(n) [type here]" row that ends a numbered list (resolutions, actions): the number the next
    entry will take, and the box to type it in."""
    number = QLabel()
    number.setObjectName("resolutionNumber")
    number.setFixedWidth(34)
    number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    row = QHBoxLayout()
    row.setSpacing(6)
    row.addWidget(number, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(edit, 1)
    row.addSpacing(28)
    return number, row


def clear_layout(layout: QLayout) -> None:
    """Take every widget out of ``layout`` (hidden at once, deleted later) to fill it afresh."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()
