"""Edit → Mark language… in the minute-taking window: select words, pick a language, the minute keeps
the mark (and loses it again with one undo); overlapping marks are refused with a message."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QMessageBox, QPlainTextEdit, QWidget

from sst_desktop.services import minutes
from tests.ui import test_minute_taking as base
from tests.ui.test_minute_taking import CTRL, SHIFT, back_from_dialog, key, saved, when_dialog_opens
from tests.ui.waiting import settle

WELSH = "Croeso i bawb"
seed, window = base.seed, base.window  # the minute-taking tests' fixtures


def select(edit: QPlainTextEdit, words: str) -> None:
    cursor = edit.textCursor()
    start = edit.toPlainText().index(words)
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def choose(language: str):  # type: ignore[no-untyped-def]
    """Type ``language`` into the dialog's box and press Return."""

    def answer(dialog: QWidget) -> None:
        box = dialog.findChild(QComboBox, "language")
        assert box is not None
        box.lineEdit().selectAll()
        for character in language:
            box.lineEdit().insert(character)
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    return answer


def test_mark_a_welsh_sentence_in_the_narrative_then_undo_it(qtbot, window, db, seed) -> None:  # type: ignore[no-untyped-def]
    window.go_to(seed.item_ids[3])
    narrative = window.editor.narrative
    narrative.setFocus()
    qtbot.keyClicks(narrative, f"The Chair said {WELSH} to everyone.")
    select(narrative, WELSH)
    when_dialog_opens(choose("cy"))
    key(qtbot, narrative, Qt.Key.Key_L, CTRL | SHIFT)
    back_from_dialog(qtbot, window)
    assert narrative.toPlainText() == f"The Chair said ⟦cy|{WELSH}⟧ to everyone."
    qtbot.waitUntil(lambda: saved(window), timeout=3000)
    assert minutes.minute_for_item(db, seed.item_ids[3]).text == f"The Chair said ⟦cy|{WELSH}⟧ to everyone."

    narrative.setFocus()
    key(qtbot, narrative, Qt.Key.Key_Z, CTRL)  # one step takes the mark off
    assert narrative.toPlainText() == f"The Chair said {WELSH} to everyone."
    qtbot.waitUntil(lambda: saved(window), timeout=3000)
    assert minutes.minute_for_item(db, seed.item_ids[3]).text == f"The Chair said {WELSH} to everyone."


def test_mark_in_a_resolution_and_an_overlapping_mark_is_refused(  # type: ignore[no-untyped-def]
    qtbot, window, db, seed, monkeypatch: pytest.MonkeyPatch
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: warned.append(text))
    window.go_to(seed.item_ids[3])
    editor = window.editor
    editor.resolutions.add_resolution("the Zażółć gęślą leaflet be published")
    settle(qtbot)
    edit = editor.resolutions.ordered_rows()[0].edit
    edit.setFocus()
    select(edit, "Zażółć gęślą")
    when_dialog_opens(choose("Polish (pl)"))
    key(qtbot, edit, Qt.Key.Key_L, CTRL | SHIFT)
    back_from_dialog(qtbot, window)
    edit.setFocus()
    qtbot.waitUntil(lambda: saved(window), timeout=3000)
    texts = [r.text for r in minutes.minute_for_item(db, seed.item_ids[3]).resolutions]
    assert texts == ["the ⟦pl|Zażółć gęślą⟧ leaflet be published"]

    select(edit, "gęślą⟧ leaflet")
    when_dialog_opens(choose("cy"))
    key(qtbot, edit, Qt.Key.Key_L, CTRL | SHIFT)
    back_from_dialog(qtbot, window)
    assert warned and "already marked as Polish (pl)" in warned[0]
    assert edit.toPlainText() == "the ⟦pl|Zażółć gęślą⟧ leaflet be published"
