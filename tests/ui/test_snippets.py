"""Snippets in the minute-taking window: defined in the Snippets dialog (Minutes ▸ Snippets…), then a
trigger word and Tab put the text in its place, as one undo step; the officer's typing wins."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialogButtonBox

from sst_desktop.domain.snippets import SnippetRecord
from sst_desktop.services import snippets
from sst_desktop.ui.minutes.minute_taking import MinuteTakingWindow
from tests.minutes_data import SeedMeeting
from tests.ui.test_minute_taking import key, seed, window  # noqa: F401 (fixtures: the window, its meeting)
from tests.ui.waiting import settle

CTRL = Qt.KeyboardModifier.ControlModifier


def test_a_snippet_defined_in_the_dialog_expands_on_its_trigger_and_tab(  # type: ignore[no-untyped-def]
    qtbot,
    window: MinuteTakingWindow,  # noqa: F811
    db,
    seed: SeedMeeting,  # noqa: F811
) -> None:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Minutes")
    next(a for a in menu.actions() if a.text() == "Snippets…").trigger()
    dialog = window.snippets_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.activateWindow()  # (the offscreen platform does not activate a window it shows)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.table.state() == QAbstractItemView.State.EditingState  # the new row's trigger
    for char in "ciu":
        qtbot.keyClicks(QApplication.focusWidget(), char)
    key(qtbot, QApplication.focusWidget(), Qt.Key.Key_Tab)  # on to its text
    for char in "the Cabinet Member be informed":  # (the first key opens the cell's editor)
        qtbot.keyClicks(QApplication.focusWidget() or dialog.table, char)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    settle(qtbot)
    assert not dialog.isVisible()
    assert snippets.snippets(db, seed.committee_id) == (
        SnippetRecord("ciu", "the Cabinet Member be informed"),
    )

    window.activateWindow()
    window.go_to(seed.item_ids[3])
    settle(qtbot)
    narrative = window.editor.narrative
    narrative.setFocus()
    qtbot.keyClicks(narrative, "Agreed that ciu")
    qtbot.waitUntil(lambda: window.completion.offered(narrative) != "", timeout=3000)
    assert narrative.toPlainText() == "Agreed that ciu"  # offered, not put in
    key(qtbot, narrative, Qt.Key.Key_Tab)
    assert narrative.toPlainText() == "Agreed that the Cabinet Member be informed"
    key(qtbot, narrative, Qt.Key.Key_Z, CTRL)  # one undo step brings the trigger back
    assert narrative.toPlainText() == "Agreed that ciu"

    qtbot.keyClicks(narrative, "d")  # typing on wins: "ciud" is no trigger, nothing changes it
    assert window.completion.offered(narrative) != "the Cabinet Member be informed"
    assert narrative.toPlainText() == "Agreed that ciud"
