"""Names a screen reader says for the parts Qt leaves unnamed.

Qt names most controls from their text or their label (a ``QLabel`` with the control as buddy). It
does not name the clear button it adds to a line edit, nor the line edit inside a composite control
(a person picker, an editable combo box): those are named here, in one way. A status that changes on
its own (minute-taking's "Saved" / "Not saved — retrying") is announced, as a screen reader would not
otherwise notice it.
"""

from __future__ import annotations

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
