"""Edit → Mark language…: the officer marks the selected words as another language (a Welsh sentence,
a quote in Polish), so that tagged documents say so to screen readers; marked words are underlined.

The mark is inline in the text box's own text (see ``sst_desktop.domain.language_marks``), made as one
edit of the box: its undo takes it off in one step and the box saves it as it saves typing.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.language_marks import (
    LANGUAGES,
    LanguageMarkError,
    language_name,
    mark,
    mark_at,
    marked_ranges,
    normalise_tag,
    unmark,
)
from sst_desktop.ui.widgets.accessible import name_editor

MARKER_GREY = QColor("#8a8a8a")
UNDERLINE = QColor("#2a6fb0")


class LanguageHighlighter(QSyntaxHighlighter):
    """Underlines marked passages (dotted, blue) and greys their ``⟦cy|`` and ``⟧`` markers."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._words = QTextCharFormat()
        self._words.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        self._words.setUnderlineColor(UNDERLINE)
        self._marker = QTextCharFormat()
        self._marker.setForeground(MARKER_GREY)

    def highlightBlock(self, text: str) -> None:
        for start, end, tag in marked_ranges(text):
            opening = len(tag) + 2  # ⟦ tag |
            self.setFormat(start, opening, self._marker)
            self.setFormat(start + opening, end - start - opening - 1, self._words)
            self.setFormat(end - 1, 1, self._marker)


def highlight_languages(edit: QPlainTextEdit) -> None:
    """Show marked passages in ``edit`` (once per box)."""
    if edit.document().findChild(LanguageHighlighter) is None:
        LanguageHighlighter(edit.document())


class LanguageDialog(QDialog):
    """A short list of the UK's common community languages; any BCP 47 code may be typed instead."""

    def __init__(self, parent: QWidget | None, selected: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mark language")
        layout = QVBoxLayout(self)
        shown = selected if len(selected) <= 60 else selected[:57] + "…"
        layout.addWidget(QLabel(f"Language of “{shown}”:"))
        self.choice = QComboBox()
        self.choice.setObjectName("language")
        self.choice.setEditable(True)
        self.choice.setAccessibleName("Language or code (such as cy, pl, zh-Hant)")
        name_editor(self.choice.lineEdit(), "Language or code")
        self.choice.addItems([language_name(code) for code, _name in LANGUAGES])
        self.choice.setCurrentIndex(0)
        layout.addWidget(self.choice)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def tag(self) -> str:
        """The code chosen: "Welsh (cy)" → "cy"; a typed "pl" or "zh-Hant" as typed."""
        text = self.choice.currentText().strip()
        if text.endswith(")") and "(" in text:
            text = text[text.rindex("(") + 1 : -1]
        return text


def _focused_box() -> QPlainTextEdit | None:
    widget = QApplication.focusWidget()
    return widget if isinstance(widget, QPlainTextEdit) and not widget.isReadOnly() else None


def _replace_all(edit: QPlainTextEdit, text: str, position: int) -> None:
    """One edit of the box (one undo step) that leaves its text ``text``."""
    cursor = edit.textCursor()
    cursor.beginEditBlock()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.insertText(text)
    cursor.endEditBlock()
    cursor.setPosition(min(position, len(text)))
    edit.setTextCursor(cursor)


def mark_language(parent: QWidget) -> bool:
    """Mark the selection in the focused text box as a language the officer picks."""
    edit = _focused_box()
    if edit is None:
        QMessageBox.information(parent, "Mark language", "Select words in a minute's text first.")
        return False
    cursor = edit.textCursor()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    text = edit.toPlainText()
    dialog = LanguageDialog(parent, text[start:end])
    if dialog.exec() != QDialog.DialogCode.Accepted:
        edit.setFocus()
        return False
    try:
        marked = mark(text, start, end, normalise_tag(dialog.tag()))
    except LanguageMarkError as error:
        QMessageBox.warning(parent, "Mark language", str(error))
        edit.setFocus()
        return False
    highlight_languages(edit)
    edit.setFocus()
    _replace_all(edit, marked, end + (len(marked) - len(text)))
    return True


def remove_language_mark(parent: QWidget) -> bool:
    """Take the language mark off the passage the cursor is in (its words stay)."""
    edit = _focused_box()
    text = edit.toPlainText() if edit is not None else ""
    position = edit.textCursor().position() if edit is not None else 0
    if edit is None or mark_at(text, position) is None:
        QMessageBox.information(parent, "Remove language mark", "Put the cursor in a marked passage first.")
        return False
    _replace_all(edit, unmark(text, position), position)
    return True
