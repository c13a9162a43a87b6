"""A declaration of interest recorded through the dialog by keys: nothing serious is chosen for the
officer, Record says what is missing, and the minutes (PDF and Word) read correctly around the nature
as typed."""

from __future__ import annotations

import io

import docx
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from sst_desktop.domain.enums import DeclarationAction, InterestKind
from sst_desktop.exports.minutes_docx import build_minutes_docx
from sst_desktop.exports.minutes_pdf import build_minutes_pdf
from sst_desktop.services import declarations
from sst_desktop.storage.engine import Database
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.minutes.declarations import DeclarationDialog
from tests.exports.minutes_helpers import pdf_pages
from tests.ui.minute_window import minute_taking_at
from tests.ui.waiting import settle

NATURE = "Knows the premises licence holder personally"
SENTENCE = (
    "Councillor Hardy declared a personal interest (non-registrable interest) in Minute No. 4 (Domestic "
    "Homicide Review (DHRs) Update) and remained in the room but took no part in the vote. The nature of the "
    f"interest was: {NATURE}."
)


def test_declaration_starts_unchosen_says_what_is_missing_and_reads_right(
    qtbot, context: AppContext, settings, db: Database
) -> None:
    window, seed = minute_taking_at(qtbot, context, settings, db, 4)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.editor.narrative.setFocus()
    seen: dict[str, object] = {}

    def fill(tries: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DeclarationDialog):
            assert tries < 100, "the declaration dialog did not open"
            QTimer.singleShot(20, lambda: fill(tries + 1))
            return
        try:
            seen["start"] = (dialog.kind.currentText(), dialog.action.currentText())
            dialog.person.setCurrentIndex(dialog.person.findData(seed.person_ids["Hardy"]))
            qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)  # Record, with the kind and the action not chosen
            seen["refused"] = (dialog.isVisible(), dialog.missing.text(), dialog.focusWidget() is dialog.kind)
            seen["stored"] = declarations.list_declarations(db, seed.meeting_id)
            qtbot.keyClicks(dialog.kind, "N")  # Non-registrable, chosen by its first letter
            dialog.nature.setFocus()
            qtbot.keyClicks(dialog.nature, NATURE)
            qtbot.keyClicks(dialog.action, "S")  # Stayed without voting
            qtbot.keyClick(dialog.nature, Qt.Key.Key_Return)
        finally:  # a dialog left open would block the test
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, fill)
    qtbot.keyClick(window.editor.narrative, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)  # the register is read, the dialog asked, the declaration recorded

    assert seen["start"] == ("", "")  # no kind, no action: the officer chooses
    assert seen["refused"] == (
        True,
        "Choose the kind of interest and what they did before recording the declaration.",
        True,
    )
    assert seen["stored"] == []
    (declared,) = declarations.list_declarations(db, seed.meeting_id)
    assert (declared.kind, declared.action, declared.nature) == (
        InterestKind.NON_REGISTRABLE,
        DeclarationAction.STAYED_NOT_VOTING,
        NATURE,  # the officer's words, unchanged
    )
    pdf = " ".join(pdf_pages(build_minutes_pdf(db, seed.meeting_id)))
    assert SENTENCE in pdf
    word = docx.Document(io.BytesIO(build_minutes_docx(db, seed.meeting_id)))
    assert SENTENCE in [" ".join(p.text.split()) for p in word.paragraphs]
