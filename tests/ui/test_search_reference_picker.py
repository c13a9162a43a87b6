"""The minute cross-reference picker (Ctrl+Shift+F in minute-taking) finds any committee's earlier
minute, of any year, with the record's search, and refers to it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QWidget

from sst_desktop.services import minutes
from sst_desktop.services.committees import CommitteePatch, create_committee
from sst_desktop.services.meetings import schedule_meeting
from sst_desktop.storage.engine import Database
from sst_desktop.ui.context import AppContext
from tests.search_world import minute_with
from tests.ui.minute_window import minute_taking_at
from tests.ui.test_minute_taking import key, when_dialog_opens
from tests.ui.waiting import settle


def prevent_minute(db: Database) -> int:
    committee = create_committee(
        db, CommitteePatch(name="Prevent Steering Group", short_name="PREVENT")
    ).after
    assert committee is not None
    meeting = schedule_meeting(db, committee.id, date(2016, 11, 3)).after
    assert meeting is not None
    return minute_with(db, meeting.id, "Channel panel", "Operation Medusa county lines referrals.")[1]


def test_ctrl_shift_f_finds_another_committees_minute_by_its_words(
    qtbot, context: AppContext, settings, db: Database
) -> None:  # type: ignore[no-untyped-def]
    window, seed = minute_taking_at(qtbot, context, settings, db, 4)
    minutes.open_minutes(db, seed.previous_id)  # this committee's March minutes
    earlier = prevent_minute(db)
    settle(qtbot)
    window.go_to(seed.item_ids[3])
    settle(qtbot)  # the window shows the item's minute
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    listed: list[list[str]] = []

    def pick(dialog: QWidget) -> None:
        box = dialog.findChild(QLineEdit, "referenceSearch")
        results = dialog.findChild(QListWidget, "referenceList")
        assert box is not None and results is not None
        listed.append([results.item(r).text() for r in range(results.count())])
        QTest.keyClicks(box, "medusa county")
        settle(qtbot)
        qtbot.waitUntil(lambda: results.count() > 0)
        listed.append([results.item(r).text() for r in range(results.count())])
        QTest.keyClick(box, Qt.Key.Key_Return)

    when_dialog_opens(pick)
    key(
        qtbot,
        window.editor.narrative,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert listed[0] == ["Minute No. 1 — Apologies for Absence — 17 March 2022"]  # this committee's, at first
    assert listed[1] == ["Minute 1: Channel panel — 3 November 2016 — Prevent Steering Group"]
    minute = window.editor.minute
    assert minute is not None
    stored = minutes.get_minute(db, minute.id)
    assert [r.referenced_minute_id for r in stored.references] == [earlier]
    assert stored.references[0].text == (
        "Further to Minute No. 1 of the meeting of the Prevent Steering Group held on 3 November 2016"
    )
