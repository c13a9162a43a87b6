"""The minute-taking window's menus and the commands they (and their shortcuts) run on the item
being minuted; each command does nothing while the register is shown instead of an item."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from sst_desktop.domain.enums import MinuteOutcome
from sst_desktop.ui.minutes.language_marks import mark_language, remove_language_mark
from sst_desktop.ui.minutes.snippets_dialog import open_snippets

if TYPE_CHECKING:
    from sst_desktop.ui.minutes.minute_taking import MinuteTakingWindow


def _action(
    window: MinuteTakingWindow, menu: QMenu, text: str, shortcuts: list[str], handler: Callable[[], object]
) -> QAction:
    action = QAction(text, window)
    action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _=False: handler())
    menu.addAction(action)
    window.addAction(action)
    return action


def build_menus(window: MinuteTakingWindow) -> None:
    """The menu bar; every command is also a keyboard shortcut of the window."""
    bar = window.menuBar()
    minutes_menu = bar.addMenu("&Minutes")
    _action(
        window, minutes_menu, "Minutes PDF (public)…", ["Ctrl+Shift+P"], lambda: window.export("pdf", True)
    )
    _action(
        window, minutes_menu, "Minutes PDF (full, confidential)…", [], lambda: window.export("pdf", False)
    )
    _action(window, minutes_menu, "Minutes in Word (.docx)…", [], lambda: window.export("docx", True))
    minutes_menu.addSeparator()
    _action(window, minutes_menu, "Snippets…", [], lambda: open_snippets(window))
    minutes_menu.addSeparator()
    _action(window, minutes_menu, "Close minute-taking", ["Ctrl+W"], window.close)

    edit = bar.addMenu("&Edit")
    undo = window.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcuts([QKeySequence("Ctrl+Z")])
    redo = window.undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])  # as the main window
    edit.addAction(undo)
    edit.addAction(redo)
    edit.addSeparator()
    _action(window, edit, "Mark language…", ["Ctrl+Shift+L"], lambda: mark_language(window))
    _action(window, edit, "Remove language mark", [], lambda: remove_language_mark(window))

    item = bar.addMenu("&Item")
    window.next_action = _action(window, item, "Next item", ["Ctrl+PgDown", "Alt+Down"], window.next_item)
    window.previous_action = _action(
        window, item, "Previous item", ["Ctrl+PgUp", "Alt+Up"], window.previous_item
    )
    _action(window, item, "Register", ["Ctrl+R"], window.show_register)
    item.addSeparator()
    _action(window, item, "Narrative", ["Ctrl+T"], lambda: focus_narrative(window))
    _action(
        window, item, "New resolution", ["Ctrl+Return", "Ctrl+Enter"], lambda: focus_new_resolution(window)
    )
    _action(window, item, "New action", ["Ctrl+Shift+A"], lambda: focus_new_action(window))
    _action(window, item, "Declare an interest…", ["Ctrl+D"], lambda: declare_interest(window))
    _action(window, item, "Refer to an earlier minute…", ["Ctrl+Shift+F"], lambda: refer_to_earlier(window))
    item.addSeparator()
    _action(
        window, item, "Deferred", ["Ctrl+Shift+D"], lambda: toggle_outcome(window, MinuteOutcome.DEFERRED)
    )
    _action(
        window, item, "Withdrawn", ["Ctrl+Shift+W"], lambda: toggle_outcome(window, MinuteOutcome.WITHDRAWN)
    )
    _action(window, item, "Action due at the next meeting", ["Ctrl+M"], lambda: due_next_meeting(window))

    insert = bar.addMenu("I&nsert")
    labels = (
        "That the report be noted",
        "That the update be noted",
        "That <presenter> be thanked for their informative update",
        "That a further report be submitted to the next meeting (and on the forward plan)",
        "The item's own phrase (correct record / next meeting)",
    )
    for number, label in enumerate(labels, 1):
        _action(window, insert, label, [f"Alt+{number}"], functools.partial(insert_phrase, window, number))

    view = bar.addMenu("&View")
    _action(window, view, "Full screen", ["F11"], lambda: toggle_full_screen(window))


# Commands on the current item ---------------------------------------------------------------
def _on_item(window: MinuteTakingWindow) -> bool:
    return window.pages.currentWidget() is window.editor and window.editor.minute is not None


def focus_narrative(window: MinuteTakingWindow) -> None:
    if _on_item(window):
        window.editor.narrative.setFocus()


def focus_new_resolution(window: MinuteTakingWindow) -> None:
    if _on_item(window):
        window.editor.resolutions.focus_new()
        window.editor.scroll_area.ensureWidgetVisible(window.editor.resolutions.new_edit)


def focus_new_action(window: MinuteTakingWindow) -> None:
    if _on_item(window):
        window.editor.actions_list.focus_new()
        window.editor.scroll_area.ensureWidgetVisible(window.editor.actions_list.new_edit)


def insert_phrase(window: MinuteTakingWindow, number: int) -> None:
    if _on_item(window):
        window.editor.resolutions.insert_shortcut(number)


def declare_interest(window: MinuteTakingWindow) -> None:
    if _on_item(window):
        if window.editor.all_declarations.isVisible():
            window.editor.all_declarations.declare()
        else:
            window.editor.declarations.declare()


def refer_to_earlier(window: MinuteTakingWindow) -> None:
    if _on_item(window):
        window.editor.pick_reference()


def toggle_outcome(window: MinuteTakingWindow, outcome: MinuteOutcome) -> None:
    if _on_item(window):
        window.editor.toggle_outcome(outcome)


def due_next_meeting(window: MinuteTakingWindow) -> None:
    if _on_item(window):
        row = window.editor.actions_list.focused_row()
        if row is not None:
            row.next_meeting.setChecked(True)


def toggle_full_screen(window: MinuteTakingWindow) -> None:
    window.showNormal() if window.isFullScreen() else window.showFullScreen()
