"""Fields that save as they are edited, and keep the user's text when a rule refuses it.

A field emits ``commit_requested(text)`` when the user finishes an edit that differs from the saved
value. The screen saves it (through the undo stack); on success it calls ``set_saved_text`` with the
value read back, on refusal ``reject(message)``: the text stays as typed, marked, with the reason as
tooltip, and the same text is not submitted again until the user changes it.
"""

from __future__ import annotations

import re
from datetime import time

from PySide6.QtCore import QEvent, QObject, Signal, SignalInstance
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from sst_desktop.domain.plain_text import cleaned_form_of
from sst_desktop.ui.widgets.accessible import with_clear_button


def mark_error(widget: QWidget, message: str) -> None:
    """Mark ``widget`` as refused with ``message`` in its tooltip ("" clears the mark); it is
    restyled only when the mark comes or goes (restyling walks the style sheet again)."""
    restyle = bool(widget.property("error")) != bool(message)
    widget.setProperty("error", bool(message))
    widget.setToolTip(message)
    if restyle:
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def _leave_undo_to_window(widget: QWidget, event: QEvent, dirty: bool) -> bool:
    """Ctrl+Z / Ctrl+Shift+Z in a field with nothing unsaved: let the window's Edit → Undo/Redo have
    it (undo the last saved edit) instead of the field's own text undo. True when handled."""
    if event.type() != QEvent.Type.ShortcutOverride or dirty or not isinstance(event, QKeyEvent):
        return False
    if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
        event.ignore()
        return True
    return False


class _SavedText:
    """The state both kinds of field share: the saved value, a refused text, and when to commit.

    A plain mixin placed before the Qt class; each field supplies ``_text``, ``_show`` and its own
    ``commit_requested`` signal (signals must live on the QObject subclass).
    """

    commit_requested: SignalInstance  # as the field instance sees its Signal

    def _init_saved(self) -> None:
        self._saved = ""
        self._rejected: str | None = None
        self._submitted: str | None = None  # sent to be saved, answer not back yet: not sent twice

    def _text(self) -> str:
        raise NotImplementedError

    def _show(self, text: str) -> None:
        raise NotImplementedError

    def set_saved_text(self, text: str, *, keep_edit: bool = False) -> None:
        """Show ``text`` as the stored value (no commit). With ``keep_edit`` an edit in progress or a
        refused text stays in the field (another field's save reloads the form)."""
        editing = keep_edit and self.is_dirty()  # judged against the value saved until now
        self._saved = text
        self._submitted = None
        if editing:
            return
        self._rejected = None
        mark_error(self, "")  # type: ignore[arg-type]
        if self._text() != text:
            self._show(text)

    def saved_text(self) -> str:
        return self._saved

    def is_dirty(self) -> bool:
        return self._text() != self._saved

    def reject(self, message: str, suggestion: str | None = None) -> None:
        """The text was refused: keep it, mark the field and do not resubmit the same text. With a
        ``suggestion`` (the text made acceptable), show that instead, ready to be saved as it is."""
        self._rejected = self._text()
        self._submitted = None
        if suggestion is not None and cleaned_form_of(self._rejected, suggestion):
            self._show(suggestion)
        mark_error(self, message)  # type: ignore[arg-type]

    def commit_pending(self) -> None:
        """Submit an edit not yet finished (the window is closing or the record changes)."""
        self._finished()

    def event(self, event: QEvent) -> bool:
        # (the type first: Qt sends events while a widget is torn down, when its text is not to be read)
        if event.type() == QEvent.Type.ShortcutOverride and _leave_undo_to_window(
            self,  # type: ignore[arg-type]
            event,
            self.is_dirty(),
        ):
            return True
        return super().event(event)  # type: ignore[misc]

    def _changed(self, *_args: object) -> None:
        if self._rejected is not None and self._text() != self._rejected:
            self._rejected = None
            mark_error(self, "")  # type: ignore[arg-type]

    def _finished(self) -> None:
        text = self._text()
        if text in (self._saved, self._rejected, self._submitted):
            return
        self._submitted = text
        self.commit_requested.emit(text)


class CommitLineEdit(_SavedText, QLineEdit):
    """One line: saved when editing finishes (Enter, or leaving the field)."""

    commit_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._init_saved()
        self.editingFinished.connect(self._finished)
        self.textEdited.connect(self._changed)

    def _text(self) -> str:
        return self.text()

    def _show(self, text: str) -> None:
        self.setText(text)
        self.setCursorPosition(0)


class CommitTextEdit(_SavedText, QPlainTextEdit):
    """Several lines (former names, notes): saved when the field loses focus."""

    commit_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._init_saved()
        self.setTabChangesFocus(True)
        self.textChanged.connect(self._changed)

    def _text(self) -> str:
        return self.toPlainText()

    def _show(self, text: str) -> None:
        self.blockSignals(True)
        self.setPlainText(text)
        self.blockSignals(False)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._finished()


class _EscapeClears(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeyEvent

        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and isinstance(watched, QLineEdit)
            and watched.text()
        ):
            watched.clear()
            return True
        return False


class SearchField(QLineEdit):
    """A search box: filters as you type, Escape clears it, Ctrl+F (the window's Find) focuses it."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        with_clear_button(self)
        self.setAccessibleName(placeholder.split(" (")[0].rstrip("…. "))
        self.setObjectName("search")
        self._escape = _EscapeClears(self)
        self.installEventFilter(self._escape)

    def focus(self) -> None:
        self.setFocus()
        self.selectAll()


_TIME = re.compile(r"^(\d{1,2})(?:[:.]?(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$", re.IGNORECASE)


def parse_time_text(text: str) -> time | None:
    """A time of day as people type it: "10:00", "10.00 am", "2pm", "14.30", "1030"; "" is None.

    Raises ValueError with a message for the user when it is not a time.
    """
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        return None
    if cleaned in ("noon", "midday", "12 noon"):
        return time(12, 0)
    match = _TIME.match(cleaned.replace(" ", "") if cleaned[-1] == "m" else cleaned)
    if match is None and cleaned.isdigit() and len(cleaned) in (3, 4):
        match = _TIME.match(f"{cleaned[:-2]}:{cleaned[-2:]}")
    if match is None:
        raise ValueError(f"“{text.strip()}” is not a time of day (type it like 10:00, 10.00 am or 2pm).")
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    suffix = (match.group(3) or "").replace(".", "")
    if suffix:
        if not 1 <= hour <= 12:
            raise ValueError(f"“{text.strip()}”: with am or pm the hour runs from 1 to 12.")
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"“{text.strip()}” is not a time of day (hours 0–23, minutes 0–59).")
    return time(hour, minute)


def time_text(value: time | None) -> str:
    return value.strftime("%H:%M") if value is not None else ""
