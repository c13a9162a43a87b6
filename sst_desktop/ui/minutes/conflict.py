"""Another officer changed what this officer was editing (a minute's text or heading, a resolution,
an action, a directory entry): nothing is thrown away.

The save was not applied (``EditConflictError``). The dialog shows who changed it and when, both
versions side by side with the differences marked, and (for a text) a box holding this officer's
text to edit into a merge; the officer keeps theirs, takes the other's, or saves the merge. Taking
the other's text puts this officer's on the clipboard, so it too can still be pasted somewhere.
"""

from __future__ import annotations

import enum
from dataclasses import replace

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.field_wording import field_lines
from sst_desktop.domain.patch import given
from sst_desktop.services.errors import EditConflictError
from sst_desktop.ui.history_dialog import marked_difference
from sst_desktop.ui.window_geometry import keep_geometry


class Choice(enum.Enum):
    MINE = "mine"
    THEIRS = "theirs"
    MERGED = "merged"


class ConflictDialog(QDialog):
    """Keep mine, take theirs, or save a merge; ``text`` is the text chosen."""

    def __init__(
        self,
        mine: str,
        conflict: EditConflictError,
        what: str,
        parent: QWidget | None,
        *,
        title: str = "Someone else changed this minute",
        mergeable: bool = True,
    ) -> None:
        """``what`` names what was changed ("the text of “Apologies”"); a value that is not a text
        (an owner, a status) is not ``mergeable``: keep mine or take theirs."""
        super().__init__(parent)
        self.setObjectName("conflict-dialog")
        self.setWindowTitle(title)
        if mergeable:
            keep_geometry(self, "edit_conflict", QSize(900, 560))
        else:  # a few short lines a side
            keep_geometry(self, "edit_conflict_fields", QSize(720, 260))
        self.mine_text, self.theirs_text = mine, conflict.theirs
        self.choice = Choice.MINE
        who = conflict.who or "Another officer"
        intro = QLabel(
            f"{who} changed {what} {conflict.at} after you began, so your change was not saved. "
            "Nothing is lost: choose which to keep"
            + (", or edit the two together below." if mergeable else ".")
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        # each side with the words only it has highlighted
        mine_html = marked_difference(conflict.theirs, mine)[1]
        theirs_html = marked_difference(mine, conflict.theirs)[1]
        self.mine = _view("conflict-mine", mine_html)
        self.theirs = _view("conflict-theirs", theirs_html)
        self.merge = QPlainTextEdit(mine)
        self.merge.setObjectName("conflict-merge")
        self.merge.setAccessibleName("Text to save")
        grid = QGridLayout()
        grid.addWidget(QLabel("Yours (not saved)"), 0, 0)
        grid.addWidget(QLabel(f"Theirs (saved by {who})"), 0, 1)
        grid.addWidget(self.mine, 1, 0)
        grid.addWidget(self.theirs, 1, 1)
        buttons = QDialogButtonBox()
        self.keep_mine = self._button(buttons, "Keep mine", Choice.MINE)
        self.take_theirs = self._button(buttons, "Take theirs", Choice.THEIRS)
        self.save_merge = self._button(buttons, "Save the text below", Choice.MERGED)
        self.keep_mine.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid, 2)
        merge_label = QLabel("Or edit them together:")
        layout.addWidget(merge_label)
        layout.addWidget(self.merge, 1)
        layout.addWidget(buttons)
        for widget in (merge_label, self.merge, self.save_merge):
            widget.setVisible(mergeable)

    def _button(self, buttons: QDialogButtonBox, text: str, choice: Choice) -> QPushButton:
        button = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        if choice is Choice.THEIRS:
            QGuiApplication.clipboard().setText(self.mine_text)
        self.accept()

    def reject(self) -> None:
        self.choice = Choice.MINE  # (closing it keeps what was typed; it is saved over theirs)
        super().reject()

    @property
    def text(self) -> str:
        return {
            Choice.MINE: self.mine_text,
            Choice.THEIRS: self.theirs_text,
            Choice.MERGED: self.merge.toPlainText(),
        }[self.choice]


def _view(name: str, html: str) -> QTextEdit:
    view = QTextEdit()
    view.setObjectName(name)
    view.setAccessibleName("Your text" if name.endswith("mine") else "Their text")
    view.setReadOnly(True)
    view.setHtml(html)
    return view


def ask_which(parent: QWidget | None, mine: str, conflict: EditConflictError, what: str) -> str:
    """The text to go on with after a conflict over a text being typed: the officer's, the other
    officer's, or a merge (the officer chooses in the dialog)."""
    dialog = ConflictDialog(mine, conflict, what, parent)
    dialog.exec()
    chosen = dialog.text
    dialog.deleteLater()
    return chosen


def keep_mine(parent: QWidget | None, mine: str, conflict: EditConflictError, what: str, title: str) -> bool:
    """After a conflict over a value that is not a text to merge (an owner, a status, a venue):
    True to keep this officer's (saved over theirs), False to take the other officer's."""
    dialog = ConflictDialog(mine, conflict, what, parent, title=title, mergeable=False)
    dialog.exec()
    kept = dialog.choice is not Choice.THEIRS
    dialog.deleteLater()
    return kept


def keep_mine_in(
    owner: QWidget, attribute: str, patch: object, conflict: EditConflictError, title: str, name: str = "name"
) -> bool | None:
    """After a conflict over an edit (``patch``) of the directory entry a screen shows (its
    ``attribute``: a committee, a person…): True to keep this officer's (save it again), False to take
    the other officer's (show it); None when another entry is shown by now. Either way the screen's
    copy takes the other officer's values: the next save is based on them."""
    record = getattr(owner, attribute)
    if record is None:
        return None
    mine = field_lines(replace(record, **given(patch)), list(conflict.stored))
    kept = keep_mine(owner.window(), mine, conflict, f"“{getattr(record, name)}”", title)
    shown = getattr(owner, attribute)
    if shown is None or shown.id != record.id:
        return None
    setattr(owner, attribute, replace(record, **conflict.stored))
    return kept
