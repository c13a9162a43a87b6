"""Undo belongs to the window it was made in; confirming minutes is on no undo stack."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from sst_desktop.services import committees, history, meetings, minutes
from sst_desktop.storage.engine import Database
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.main_window import MainWindow
from sst_desktop.ui.minutes.minute_taking import MinuteTakingWindow
from sst_desktop.ui.minutes.withdraw import WithdrawConfirmationDialog
from tests.minutes_data import SeedMeeting, build_committee_and_meetings
from tests.ui.minute_window import open_minute_taking
from tests.ui.test_minute_taking import back_from_dialog, when_dialog_opens
from tests.ui.waiting import settle

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def seed(db: Database) -> SeedMeeting:
    return build_committee_and_meetings(db)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []

    def question(_parent, _title, text, *_a, **_k):  # type: ignore[no-untyped-def]
        said.append(text)
        return QMessageBox.StandardButton.Yes

    def information(_parent, _title, text, *_a, **_k):  # type: ignore[no-untyped-def]
        said.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "information", information)
    return said


def _minute_taking_at_previous_minutes(qtbot, main: MainWindow, seed: SeedMeeting) -> MinuteTakingWindow:  # type: ignore[no-untyped-def]
    main.open_meeting(seed.meeting_id, seed.item_ids[2])
    settle(qtbot)  # the window opens once what it shows is read
    taking: MinuteTakingWindow = main.page("minutes").windows[seed.meeting_id]  # type: ignore[attr-defined]
    qtbot.waitExposed(taking)
    back_from_dialog(qtbot, taking)  # the minute-taking window is the active one
    assert taking.session.current_item is not None and taking.session.current_item.id == seed.item_ids[2]
    settle(qtbot)  # the item's standard phrases are read
    return taking


def test_ctrl_z_elsewhere_never_unconfirms_minutes(qtbot, db, settings, seed, answers) -> None:  # type: ignore[no-untyped-def]
    context = AppContext(db)
    main = MainWindow(context, settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    settle(qtbot)
    # An edit in the main window first, so its stack has something of its own to undo.
    details = main.page("committees").details
    details.venue.setText("Bootle Town Hall, Committee Room 2")
    details.venue.editingFinished.emit()
    settle(qtbot)
    sst = committees.find_committee(db, "SST")
    assert sst.default_venue == "Bootle Town Hall, Committee Room 2"

    taking = _minute_taking_at_previous_minutes(qtbot, main, seed)
    qtbot.keyClick(taking.editor.narrative, Qt.Key.Key_5, ALT)
    settle(qtbot)
    assert meetings.get_meeting(db, seed.previous_id).minutes_confirmed_at is not None
    assert taking.undo_stack.count() == 0, "confirming is not an undo step"
    assert main.undo_stack is not taking.undo_stack
    taking.close()

    # Ctrl+Z on the People page undoes the main window's own last edit, and nothing else.
    main.show_page("people")
    back_from_dialog(qtbot, main)
    qtbot.keyClick(main, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(main, Qt.Key.Key_Z, CTRL)
    settle(qtbot)
    assert committees.get_committee(db, sst.id).default_venue == "Bootle Town Hall"
    assert meetings.get_meeting(db, seed.previous_id).minutes_confirmed_at is not None
    assert minutes.minute_for_item(db, seed.item_ids[2]).resolutions, "the confirming resolution stays"


def test_minute_taking_edits_are_undone_in_their_own_window(qtbot, db, settings, seed, answers) -> None:  # type: ignore[no-untyped-def]
    context = AppContext(db)
    main = MainWindow(context, settings)
    qtbot.addWidget(main)
    main.show()
    taking = _minute_taking_at_previous_minutes(qtbot, main, seed)
    taking.go_to(seed.item_ids[3])
    settle(qtbot)
    editor = taking.editor
    qtbot.keyClick(editor.narrative, Qt.Key.Key_1, ALT)  # "the report be noted"
    settle(qtbot)
    minute = minutes.minute_for_item(db, seed.item_ids[3])
    assert [r.text for r in minute.resolutions] == ["the report be noted"]
    assert taking.undo_stack.count() == 1 and main.undo_stack.count() == 0
    main.undo_action.trigger()  # the main window has nothing to undo: the resolution stays
    settle(qtbot)
    assert minutes.minute_for_item(db, seed.item_ids[3]).resolutions
    taking.undo_stack.undo()
    settle(qtbot)
    assert minutes.minute_for_item(db, seed.item_ids[3]).resolutions == ()
    taking.close()


def test_withdraw_confirmation_asks_for_a_reason_and_is_audited(qtbot, db, settings, seed, answers) -> None:  # type: ignore[no-untyped-def]
    context = AppContext(db)
    taking = open_minute_taking(context, seed.meeting_id, settings)
    qtbot.addWidget(taking)
    taking.show()
    qtbot.waitExposed(taking)
    back_from_dialog(qtbot, taking)
    taking.go_to(seed.item_ids[2])
    settle(qtbot)
    editor = taking.editor
    assert editor.withdraw_button.isHidden(), "nothing to withdraw before confirming"
    qtbot.keyClick(editor.narrative, Qt.Key.Key_5, ALT)
    settle(qtbot)
    assert meetings.get_meeting(db, seed.previous_id).minutes_confirmed_at is not None
    assert not editor.withdraw_button.isHidden()

    seen: dict[str, bool] = {}

    def give_reason(dialog: QWidget) -> None:
        assert isinstance(dialog, WithdrawConfirmationDialog)
        seen["ok_disabled_when_empty"] = not dialog.ok_button.isEnabled()
        qtbot.keyClicks(dialog.reason, "Confirmed under the wrong item")
        dialog.reason.insertPlainText(" — réunion d’équipe")  # beyond what key events can type
        assert dialog.ok_button.isEnabled()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(give_reason)
    qtbot.mouseClick(editor.withdraw_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert seen == {"ok_disabled_when_empty": True}
    assert meetings.get_meeting(db, seed.previous_id).minutes_confirmed_at is None
    entries = history.minute_history(db, minutes.minute_for_item(db, seed.item_ids[2]).id)
    withdrawn = next(e for e in entries if e.operation == "withdraw")
    reason = {c.field: c.after for c in withdrawn.changes}["reason"]
    assert reason == "Confirmed under the wrong item — réunion d’équipe"
    assert editor.withdraw_button.isHidden()
