"""Two officers on the same minute: the later save never silently replaces the other's text. The
officer typing is shown both texts, who changed the minute and when, and keeps theirs, takes the
other's or saves a merge (the other officer is a separate process)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from sst_desktop.services import minutes
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.minutes.conflict import ConflictDialog
from tests.minutes_data import build_committee_and_meetings
from tests.team.test_live_screens import another_officer
from tests.ui.minute_window import open_minute_taking
from tests.ui.test_backup_actions import on_next_modal
from tests.ui.waiting import settle

THEIRS = "Members considered the DHR report presented by Steve Martlew."
MINE = "Members considered the report."


def _typed_over_another_officers_save(qtbot, shared, settings, answer):  # type: ignore[no-untyped-def]
    """This officer's window is open at the minute; another officer saves the minute's text; this
    officer types theirs; ``answer(dialog)`` answers the dialog that follows. Returns what it saw."""
    seed = build_committee_and_meetings(shared)
    minute = minutes.minute_for_item(shared, seed.item_ids[3])
    assert minute is not None
    window = open_minute_taking(AppContext(shared), seed.meeting_id, settings)
    qtbot.addWidget(window)
    window.show()
    window.go_to(seed.item_ids[3])
    settle(qtbot)
    another_officer(shared, "set-minute-text", str(minute.id), THEIRS)

    seen: dict[str, object] = {}

    def handle(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, ConflictDialog)
        seen["mine"] = dialog.mine.toPlainText()
        seen["theirs"] = dialog.theirs.toPlainText()
        seen["title"] = dialog.windowTitle()
        answer(dialog)

    handled = on_next_modal(handle)
    editor = window.editor
    editor.narrative.setFocus()
    qtbot.keyClicks(editor.narrative, MINE)
    window.session.saver.flush()
    qtbot.waitUntil(lambda: bool(handled), timeout=10_000)
    settle(qtbot)
    window.session.saver.flush()
    settle(qtbot)
    seen["shown"] = editor.narrative.toPlainText()
    seen["stored"] = minutes.get_minute(shared, minute.id).text
    window.close()
    return seen


def _click(dialog: ConflictDialog, text: str) -> None:
    next(b for b in dialog.findChildren(QPushButton) if b.text() == text).click()


def test_keep_mine_saves_mine_over_theirs_after_showing_both(qtbot, shared, settings) -> None:  # type: ignore[no-untyped-def]
    seen = _typed_over_another_officers_save(qtbot, shared, settings, lambda d: _click(d, "Keep mine"))
    assert seen["title"] == "Someone else changed this minute"
    assert seen["mine"] == MINE and seen["theirs"] == THEIRS  # both, side by side
    assert seen["shown"] == MINE and seen["stored"] == MINE


def test_take_theirs_keeps_theirs_and_puts_mine_on_the_clipboard(qtbot, shared, settings) -> None:  # type: ignore[no-untyped-def]
    seen = _typed_over_another_officers_save(qtbot, shared, settings, lambda d: _click(d, "Take theirs"))
    assert seen["shown"] == THEIRS and seen["stored"] == THEIRS
    assert QGuiApplication.clipboard().text() == MINE  # nothing thrown away


@pytest.mark.parametrize("merged", [f"{THEIRS} It was noted."])
def test_a_merge_typed_in_the_dialog_is_saved(qtbot, shared, settings, merged: str) -> None:  # type: ignore[no-untyped-def]
    def answer(dialog: ConflictDialog) -> None:
        dialog.merge.setPlainText(merged)
        _click(dialog, "Save the text below")

    seen = _typed_over_another_officers_save(qtbot, shared, settings, answer)
    assert seen["shown"] == merged and seen["stored"] == merged
