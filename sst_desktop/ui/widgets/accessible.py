"""Names a screen reader says for the parts Qt leaves unnamed.

Qt names most controls from their text or their label (a ``QLabel`` with the control as buddy). It
does not name the clear button it adds to a line edit, nor the line edit inside a composite control
(a person picker, an editable combo box): those are named here, in one way. A status that changes on
its own (minute-taking's "Saved" / "Not saved — retrying") is announced, as a screen reader would not
otherwise notice it.
"""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAction
from PySide6.QtWidgets import QLineEdit, QWidget

CLEAR_ACTION = "_q_qlineeditclearaction"  # the object name Qt gives a line edit's clear action


def with_clear_button(line: QLineEdit) -> QLineEdit:
    """Give ``line`` Qt's clear button, named "Clear" for screen readers."""
    line.setClearButtonEnabled(True)
    action = line.findChild(QAction, CLEAR_ACTION)
    if action is not None:
        action.setText("Clear")
        action.setToolTip("Clear")
    return line


def name_editor(line: QLineEdit | None, name: str) -> None:
    """Name the line edit inside a composite control after what it holds ("Owner", "Organisation")."""
    if line is not None and not line.accessibleName():
        line.setAccessibleName(name)


def announce(widget: QWidget, message: str) -> None:
    """Have a screen reader say ``message`` (politely, after what it is saying) for ``widget``."""
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, message))


def rows_in_tab_order(rows: Sequence[QWidget], before: QWidget, *, again: bool = True) -> None:
    """Put the controls of ``rows`` (in that order) just before ``before`` when tabbing.

    Rows made after the window (a resolution added, a minute's actions shown) join the end of Qt's
    tab chain, so Tab would jump from the last box on the screen back up to them; the keyboard
    should meet them where they are on the screen."""
    row_set = set(rows)

    def in_a_row(widget: QWidget | None) -> bool:
        while widget is not None:
            if widget in row_set:
                return True
            widget = widget.parentWidget()
        return False

    def takes_tab(widget: QWidget) -> bool:
        return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)

    anchor: QWidget | None = before.previousInFocusChain()  # the last tab stop before the rows
    while anchor is not None and anchor is not before and (in_a_row(anchor) or not takes_tab(anchor)):
        anchor = anchor.previousInFocusChain()
    stops = [
        child
        for row in rows
        for child in row.findChildren(QWidget)
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus
        and child.focusProxy() is None
        and not child.isWindow()
        and child.window() is row.window()  # (a completer's pop-up list is a window of its own)
    ]
    if anchor is None or any(stop.window() is not before.window() for stop in stops):
        if again:  # not all in one window yet (the window is being put together): once it is
            QTimer.singleShot(0, lambda: _when_valid(rows, before))
        return
    for first, second in zip([anchor, *stops], stops, strict=False):
        QWidget.setTabOrder(first, second)


def _when_valid(rows: Sequence[QWidget], before: QWidget) -> None:
    if shiboken6.isValid(before) and all(shiboken6.isValid(row) for row in rows):
        rows_in_tab_order(rows, before, again=False)
