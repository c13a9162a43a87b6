"""Typing a date into a date box as the officer does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def type_date(qtbot, box: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Replace what the box shows with ``text`` and press Enter."""
    box.setFocus()
    box.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)
