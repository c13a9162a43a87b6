"""Minute-taking: the officer replaces the generated apologies sentence for one meeting; the minutes
print it instead, and Undo takes it back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from sst_desktop.exports.minutes_pdf import build_minutes_pdf
from sst_desktop.services.document_styles import meeting_sentences
from tests.exports.minutes_helpers import pdf_pages
from tests.ui.directory_support import drive_dialog
from tests.ui.minute_window import minute_taking_at
from tests.ui.waiting import settle

OWN = "Apologies were received from every partner not listed as present."


def test_own_apologies_sentence_printed_instead_and_undone(qtbot, context, settings, db) -> None:  # type: ignore[no-untyped-def]
    window, seed = minute_taking_at(qtbot, context, settings, db, 1)
    settle(qtbot)
    note = window.editor.note_frame
    qtbot.waitUntil(note.sentence_button.isVisible)

    def type_sentence(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.text, OWN)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    drive_dialog(
        qtbot, lambda: qtbot.mouseClick(note.sentence_button, Qt.MouseButton.LeftButton), type_sentence
    )
    settle(qtbot)
    assert meeting_sentences(db, seed.meeting_id) == {"apologies": OWN}
    qtbot.waitUntil(lambda: OWN in note.note.text())
    text = " ".join(" ".join(pdf_pages(build_minutes_pdf(db, seed.meeting_id))).split())
    assert f"1. APOLOGIES FOR ABSENCE {OWN}" in text

    window.undo_stack.undo()
    settle(qtbot)
    assert meeting_sentences(db, seed.meeting_id) == {}
