"""History… of a minute or an action: who changed what, when, from what to what (the audit trail).

Screens open it with ``show_minute_history(parent, context, minute_id)`` or
``show_action_history(parent, context, action_id)``; a ``history_button(...)`` helper gives them a
ready "History…" button. The list shows one line per change (newest first), each opening to the
fields it changed; choosing a field shows its whole text before and after, side by side.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.services.history import FieldChange, HistoryRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations import history
from sst_desktop.ui.operations.op import ReadOp
from sst_desktop.ui.window_geometry import keep_geometry

PREVIEW = 80
CHANGE_ROLE = Qt.ItemDataRole.UserRole + 1


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW else flat[: PREVIEW - 1] + "…"


class HistoryDialog(QDialog):
    """The audit trail of one minute (with its resolutions) or one action (with its updates)."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        read: Callable[[QWidget], ReadOp[list[HistoryRecord]]],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("history-dialog")
        self.setWindowTitle(f"History — {title}")
        keep_geometry(self, "history", QSize(860, 560))
        self._read = read
        self.records: list[HistoryRecord] = []

        heading = QLabel(title)
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setStyleSheet("font-weight: bold;")
        self.tree = QTreeWidget()
        self.tree.setObjectName("history-tree")
        self.tree.setAccessibleName("Changes")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["When", "Who", "What", "Change"])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.currentItemChanged.connect(self._show_change)
        self.before = self._text_view("history-before")
        self.after = self._text_view("history-after")
        panes = QWidget()
        pane_layout = QHBoxLayout(panes)
        pane_layout.setContentsMargins(0, 0, 0, 0)
        for label, view in (("Before", self.before), ("After", self.after)):
            column = QVBoxLayout()
            column.addWidget(QLabel(label))
            column.addWidget(view)
            pane_layout.addLayout(column)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(panes)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.empty = QLabel("No changes have been recorded yet.")
        self.empty.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        refresh = QPushButton("Refresh")
        refresh.clicked.connect(self.reload)
        buttons.addButton(refresh, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.reload)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.reload()

    @staticmethod
    def _text_view(name: str) -> QTextEdit:
        view = QTextEdit()
        view.setObjectName(name)
        view.setAccessibleName("Before" if name.endswith("before") else "After")
        view.setReadOnly(True)
        view.setAcceptRichText(False)
        return view

    def reload(self) -> None:
        """Read the trail again (on the database worker); it shows when it arrives."""
        self._read(self).success(self._show_records).run()

    def _show_records(self, records: list[HistoryRecord]) -> None:
        self.records = list(records)
        self.tree.clear()
        for record in self.records:
            top = QTreeWidgetItem(
                [
                    f"{record.local_at:%d %b %Y %H:%M:%S}",
                    record.user,
                    record.summary,
                    record.subject if record.subject not in ("Minute", "Action") else "",
                ]
            )
            top.setData(0, CHANGE_ROLE, None)
            for change in record.changes:
                child = QTreeWidgetItem(["", "", change.label, _describe(change)])
                child.setData(0, CHANGE_ROLE, change)
                child.setToolTip(3, _describe(change))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self.empty.setVisible(not self.records)
        first = self.tree.topLevelItem(0)
        if first is not None:
            first.setExpanded(True)
            first_change = first.child(0)
            self.tree.setCurrentItem(first_change if first_change is not None else first)

    def _show_change(self, current: QTreeWidgetItem | None, _previous: object = None) -> None:
        change = current.data(0, CHANGE_ROLE) if current is not None else None
        child = current.child(0) if current is not None else None
        if change is None and child is not None:
            change = child.data(0, CHANGE_ROLE)
        before = change.before if isinstance(change, FieldChange) else ""
        after = change.after if isinstance(change, FieldChange) else ""
        old_html, new_html = marked_difference(before, after)
        self.before.setHtml(old_html)
        self.after.setHtml(new_html)


def _describe(change: FieldChange) -> str:
    before, after = change.before, change.after
    if not before:
        return f"set to “{_preview(after)}”"
    if not after:
        return f"was “{_preview(before)}”"
    if len(before) + len(after) <= 2 * PREVIEW:
        return f"“{_preview(before)}” → “{_preview(after)}”"
    start = _common_prefix(before, after)
    end = _common_prefix(before[start:][::-1], after[start:][::-1])
    removed, added = before[start : len(before) - end], after[start : len(after) - end]
    if not removed:
        return f"added “{_preview(added)}”"
    if not added:
        return f"removed “{_preview(removed)}”"
    return f"“{_preview(removed)}” → “{_preview(added)}”"


def _common_prefix(first: str, second: str) -> int:
    length = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        length += 1
    return length


_TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)
_REMOVED = '<span style="background:#f8d7da; text-decoration:line-through;">{}</span>'
_ADDED = '<span style="background:#d4edda;">{}</span>'


def marked_difference(before: str, after: str) -> tuple[str, str]:
    """HTML of both texts with what was removed struck through and what was added highlighted.

    Every piece of user text is escaped: markup typed into a minute shows as typed."""
    old_words, new_words = _TOKENS.findall(before), _TOKENS.findall(after)
    old_parts: list[str] = []
    new_parts: list[str] = []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old_text, new_text = _html("".join(old_words[i1:i2])), _html("".join(new_words[j1:j2]))
        if tag == "equal":
            old_parts.append(old_text)
            new_parts.append(new_text)
            continue
        if old_text:
            old_parts.append(_REMOVED.format(old_text))
        if new_text:
            new_parts.append(_ADDED.format(new_text))
    wrap = '<div style="white-space: pre-wrap;">{}</div>'
    return wrap.format("".join(old_parts)), wrap.format("".join(new_parts))


def _html(text: str) -> str:
    return html.escape(text, quote=False)


def show_minute_history(
    parent: QWidget | None, context: AppContext, minute_id: int, title: str = ""
) -> HistoryDialog:
    """Open the history of a minute and its resolutions (non-modal; returns the dialog)."""
    dialog = HistoryDialog(
        parent, title or "Minute", lambda asker: history.minute_history(context, asker, minute_id)
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def show_action_history(
    parent: QWidget | None, context: AppContext, action_id: int, title: str = ""
) -> HistoryDialog:
    """Open the history of an action and its progress updates (non-modal; returns the dialog)."""
    dialog = HistoryDialog(
        parent, title or "Action", lambda asker: history.action_history(context, asker, action_id)
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def history_button(
    parent: QWidget,
    context: AppContext,
    kind: str,
    current_id: Callable[[], int | None],
    title: Callable[[], str],
) -> QPushButton:
    """A "History…" button for a screen: ``kind`` is "minute" or "action"; ``current_id()`` gives the
    id shown now (None disables the click), ``title()`` the dialog's heading."""
    button = QPushButton("History…", parent)
    button.setObjectName(f"{kind}-history-button")
    button.setToolTip("Who changed this, when, and what it said before")
    opener = show_minute_history if kind == "minute" else show_action_history

    def open_history() -> None:
        entity_id = current_id()
        if entity_id is not None:
            opener(parent.window(), context, entity_id, title())

    button.clicked.connect(open_history)
    return button
