"""Dates typed as the officer writes them, in an action's Due box (minute-taking and the action log)
and in the dialogs that ask for a date; each check reads the database back."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from sst_desktop.services import actions
from sst_desktop.storage.engine import Database
from sst_desktop.ui.actions.log_view import ActionLogPage
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.minutes.actions_list import ActionRow
from sst_desktop.ui.minutes.autosave import SaveState
from tests.action_world import build_world
from tests.ui.date_entry import type_date
from tests.ui.minute_window import minute_taking_at
from tests.ui.waiting import settle


@pytest.fixture
def row(qtbot, context: AppContext, settings, db: Database) -> ActionRow:  # type: ignore[no-untyped-def]
    """Minute-taking on the meeting of 22 June 2022, an action typed in item 4's minute: its row."""
    window, _seed = minute_taking_at(qtbot, context, settings, db, 4)
    settle(qtbot)
    actions_list = window.editor.actions_list
    actions_list.new_edit.setFocus()
    qtbot.keyClicks(actions_list.new_edit, "Recruit DHR chairs")
    qtbot.keyClick(actions_list.new_edit, Qt.Key.Key_Return)
    settle(qtbot)  # the action is added on the database worker, then shown
    return actions_list.ordered_rows()[0]


def stored_due(qtbot, db: Database, row: ActionRow) -> date | None:  # type: ignore[no-untyped-def]
    """The action's due date in the database, once the window has saved what was typed."""
    saver = row.window().session.saver  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: saver.state is SaveState.SAVED and not saver.has_pending, timeout=15_000)
    return actions.get_action(db, row.record.id).due_date


@pytest.mark.parametrize("typed", ["15/01/2027", "15/1/27", "15 Jan 2027", "15 January 2027", "15012027"])
def test_a_due_date_typed_in_minute_taking_is_saved(qtbot, row, db, typed: str) -> None:  # type: ignore[no-untyped-def]
    due = row.due
    assert due.text() == "" and due.placeholderText() == "dd/mm/yyyy"  # clearly empty

    due.setFocus()
    qtbot.keyClicks(due, typed)
    qtbot.keyClick(due, Qt.Key.Key_Tab)

    assert due.text() == "15/01/2027"
    assert stored_due(qtbot, db, row) == date(2027, 1, 15)


def test_an_impossible_due_date_is_explained_and_the_typing_kept(qtbot, row, db, context) -> None:  # type: ignore[no-untyped-def]
    type_date(qtbot, row.due, "15/01/2027")
    assert stored_due(qtbot, db, row) == date(2027, 1, 15)

    messages: list[str] = []
    context.status_message.connect(messages.append)
    type_date(qtbot, row.due, "31/02/2027")

    assert row.due.text() == "31/02/2027"  # what was typed stays, to correct
    assert row.due.property("error") is True
    assert "There is no 31 February 2027: February 2027 has 28 days." in row.due.toolTip()
    assert any("There is no 31 February 2027" in m for m in messages)
    assert stored_due(qtbot, db, row) == date(2027, 1, 15)  # the stored date is untouched

    for key in (Qt.Key.Key_Home, Qt.Key.Key_Delete, Qt.Key.Key_Delete):  # correct the day
        qtbot.keyClick(row.due, key)
    qtbot.keyClicks(row.due, "28")
    qtbot.keyClick(row.due, Qt.Key.Key_Return)
    assert row.due.property("error") is False and row.due.text() == "28/02/2027"
    assert stored_due(qtbot, db, row) == date(2027, 2, 28)

    type_date(qtbot, row.due, "No date")  # "No date" clears it
    assert row.due.text() == ""
    assert stored_due(qtbot, db, row) is None


def test_a_stray_arrow_key_changes_nothing(qtbot, row, db) -> None:  # type: ignore[no-untyped-def]
    row.due.setFocus()
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp):
        qtbot.keyClick(row.due, key)
    qtbot.keyClick(row.due, Qt.Key.Key_Tab)
    assert row.due.text() == ""
    assert stored_due(qtbot, db, row) is None


def test_the_calendar_opens_at_the_meeting_and_a_day_is_picked_by_keys(qtbot, row, db) -> None:  # type: ignore[no-untyped-def]
    row.due.setFocus()
    qtbot.keyClick(row.due, Qt.Key.Key_F4)  # (Alt+Down is the window's "next item" here)

    popup = QApplication.activePopupWidget()
    assert popup is not None
    calendar = popup.calendar  # type: ignore[attr-defined]
    assert calendar.selectedDate().toPython() == date(2022, 6, 22)  # the meeting's date, not January 2000
    view = calendar.findChild(QAbstractItemView)
    qtbot.keyClick(view, Qt.Key.Key_Down)  # a week on
    qtbot.keyClick(view, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=2000)
    assert row.due.text() == "29/06/2022"
    assert stored_due(qtbot, db, row) == date(2022, 6, 29)


# The action log's details ---------------------------------------------------------------------------


@pytest.fixture
def world(db: Database):  # type: ignore[no-untyped-def]
    return build_world(db)


@pytest.fixture
def page(qtbot, context: AppContext, world) -> ActionLogPage:  # type: ignore[no-untyped-def]
    widget = ActionLogPage(context)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() > 0, timeout=5000)
    return widget


def test_due_and_update_dates_typed_in_the_action_log(qtbot, db, world, page) -> None:  # type: ignore[no-untyped-def]
    action_id = world.refs["prevent"]
    assert page.select_action(action_id)
    settle(qtbot)
    due = page.details.due

    type_date(qtbot, due, "15 Jan 2027")
    settle(qtbot)
    assert actions.get_action(db, action_id).due_date == date(2027, 1, 15)
    assert due.text() == "15/01/2027"

    type_date(qtbot, due, "31/02/2027")
    settle(qtbot)
    assert due.text() == "31/02/2027" and due.property("error") is True
    assert "February 2027 has 28 days" in due.toolTip()
    assert actions.get_action(db, action_id).due_date == date(2027, 1, 15)

    type_date(qtbot, due, "")
    settle(qtbot)
    assert actions.get_action(db, action_id).due_date is None

    # A progress update dated by typing; an impossible date adds nothing.
    before = actions.list_updates(db, action_id)
    page.details.update_text.setText("Risk assessment drafted")
    type_date(qtbot, page.details.update_on, "30/02/2022")
    qtbot.keyClick(page.details.update_text, Qt.Key.Key_Return)
    settle(qtbot)
    assert actions.list_updates(db, action_id) == before
    assert page.details.update_text.text() == "Risk assessment drafted"
    type_date(qtbot, page.details.update_on, "1/3/22")
    qtbot.keyClick(page.details.update_text, Qt.Key.Key_Return)
    settle(qtbot)
    added = set(actions.list_updates(db, action_id)) - set(before)
    assert [(u.on, u.text) for u in added] == [(date(2022, 3, 1), "Risk assessment drafted")]


# Dialogs that ask for a date --------------------------------------------------------------------------


def test_moving_a_meeting_to_a_typed_date(qtbot, monkeypatch, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    from sst_desktop.services import meetings
    from sst_desktop.ui.meetings import meeting_dialogs
    from sst_desktop.ui.meetings.meetings_view import MeetingsPage
    from tests.meeting_factory import make_sst

    sst = make_sst(context.database)
    page = MeetingsPage(context, today=date(2022, 9, 1))
    qtbot.addWidget(page)
    page.show()
    settle(qtbot)
    page.choose_committee(sst.committee_id)
    settle(qtbot)
    seen: list[tuple[str, str, int]] = []

    def exec_(dialog: meeting_dialogs.MoveDialog) -> int:
        assert dialog.date.text() == "Thu 8 Sep 2022"
        type_date(qtbot, dialog.date, "31/02/2023")
        dialog.ok.click()  # refused: the dialog stays open with the reason at the date
        seen.append((dialog.date.text(), dialog.date.message_label().text(), dialog.result()))
        type_date(qtbot, dialog.date, "13 October 2022")
        assert dialog.date.text() == "Thu 13 Oct 2022"  # read back with its weekday
        dialog.ok.click()
        return dialog.result()

    monkeypatch.setattr(meeting_dialogs.MoveDialog, "exec", exec_)
    qtbot.mouseClick(page.details.move_button, Qt.MouseButton.LeftButton)
    settle(qtbot)

    assert seen == [("31/02/2023", "There is no 31 February 2023: February 2023 has 28 days.", 0)]
    assert meetings.get_meeting(context.database, sst.september).date == date(2022, 10, 13)
