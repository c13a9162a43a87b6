"""History…: the audit trail of a minute (with its resolutions) and of an action (with its updates)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from sst_desktop.services import actions, minutes
from sst_desktop.storage import audit
from sst_desktop.ui.history_dialog import (
    HistoryDialog,
    history_button,
    marked_difference,
    show_action_history,
    show_minute_history,
)
from tests.minutes_data import build_committee_and_meetings
from tests.ui.waiting import settle


@pytest.fixture
def seed(db):  # type: ignore[no-untyped-def]
    return build_committee_and_meetings(db)


def rows(dialog: HistoryDialog) -> list[tuple[str, str, str]]:
    tree = dialog.tree
    return [
        (tree.topLevelItem(i).text(1), tree.topLevelItem(i).text(2), tree.topLevelItem(i).text(3))
        for i in range(tree.topLevelItemCount())
    ]


def test_minute_history_shows_who_changed_what(qtbot, context, db, seed) -> None:  # type: ignore[no-untyped-def]
    minute = minutes.minute_for_item(db, seed.item_ids[3])
    with audit.acting_as("ibarton"):
        minutes.set_text(db, minute.id, "Members considered a report on <b>DHRs</b> & =SUM(A1)")
        minutes.add_resolution(db, minute.id, "the report be noted")
    dialog = show_minute_history(None, context, minute.id, "4. Domestic Homicide Review (DHRs) Update")
    qtbot.addWidget(dialog)
    settle(qtbot)
    assert dialog.isVisible()
    top = rows(dialog)
    assert top[0] == ("ibarton", "Added resolution", "Resolution")
    assert top[1] == ("ibarton", "Changed text", "")
    assert top[-1][1] == "Added minute"

    # Choose the text change: the whole text before and after shows, markup as plain text.
    change = dialog.tree.topLevelItem(1).child(0)
    dialog.tree.setCurrentItem(change)
    assert change.text(2) == "Text"
    assert dialog.before.toPlainText() == ""
    assert dialog.after.toPlainText() == "Members considered a report on <b>DHRs</b> & =SUM(A1)"
    assert "&lt;b&gt;DHRs&lt;/b&gt; &amp;" in dialog.after.toHtml()  # shown as typed, highlighted as added

    minutes.set_text(db, minute.id, "Members considered a report.")
    qtbot.keyClick(dialog.tree, Qt.Key.Key_F5)
    settle(qtbot)
    assert len(rows(dialog)) >= 3


def test_action_history_through_a_history_button(qtbot, context, db, seed) -> None:  # type: ignore[no-untyped-def]
    minute = minutes.minute_for_item(db, seed.item_ids[3])
    with audit.acting_as("ibarton"):
        action = actions.create_action(db, minute_id=minute.id, text="Find independent DHR chairs").after
        actions.add_update(db, action.id, "Two chairs approached", on=date(2022, 7, 1))  # type: ignore[union-attr]
        actions.set_status(db, action.id, "in_progress")  # type: ignore[union-attr]
    screen = QWidget()
    qtbot.addWidget(screen)
    button = history_button(screen, context, "action", lambda: action.id, lambda: action.reference)  # type: ignore[union-attr]
    assert isinstance(button, QPushButton) and button.text() == "History…"
    button.click()
    dialog = next(w for w in screen.window().findChildren(HistoryDialog))
    qtbot.addWidget(dialog)
    settle(qtbot)
    assert dialog.windowTitle() == f"History — {action.reference}"  # type: ignore[union-attr]
    summaries = [r[1] for r in rows(dialog)]
    assert summaries[0] == "Changed status"
    assert "Added progress update" in summaries and summaries[-1] == "Added action"
    status = dialog.tree.topLevelItem(0).child(0)
    assert (status.text(2), status.text(3)) == ("Status", "“Open” → “In progress”")


def test_history_of_something_without_changes_says_so(qtbot, context, db, seed) -> None:  # type: ignore[no-untyped-def]
    minute = minutes.minute_for_item(db, seed.item_ids[3])
    with db.write() as session:
        from sqlalchemy import delete

        from sst_desktop.domain import AuditEntry

        session.execute(delete(AuditEntry))
    dialog = show_minute_history(None, context, minute.id)
    qtbot.addWidget(dialog)
    settle(qtbot)
    assert dialog.tree.topLevelItemCount() == 0
    assert not dialog.empty.isHidden()


def test_history_of_a_missing_action_is_a_clear_message(qtbot, monkeypatch, context) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.directory_support import capture_message_boxes

    boxes = capture_message_boxes(monkeypatch)
    dialog = show_action_history(None, context, 4242)
    qtbot.addWidget(dialog)
    settle(qtbot)
    assert boxes.shown and "There is no action with id 4242" in boxes.shown[0][2]


def test_marked_difference_strikes_out_and_highlights_words() -> None:
    old, new = marked_difference("the report be noted", "the report be <i>circulated</i> & noted")
    assert old == '<div style="white-space: pre-wrap;">the report be noted</div>'
    assert new == (
        '<div style="white-space: pre-wrap;">the report be '
        '<span style="background:#d4edda;">&lt;i&gt;circulated&lt;/i&gt; &amp; </span>noted</div>'
    )
    old, _new = marked_difference("the report be noted", "the report be circulated")
    assert '<span style="background:#f8d7da; text-decoration:line-through;">noted</span>' in old


def test_minute_taking_screen_has_a_history_button(qtbot, context, settings, db, seed) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.minute_window import open_minute_taking

    window = open_minute_taking(context, seed.meeting_id, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    editor = window.editor
    window.go_to(seed.item_ids[0])
    assert editor.minute is not None  # item 1, Apologies for Absence
    editor.narrative.setFocus()
    qtbot.keyClicks(editor.narrative, "Apologies were received.")  # still waiting for the autosave
    with audit.acting_as("ibarton"):
        qtbot.mouseClick(editor.history_button, Qt.MouseButton.LeftButton)
    dialog = next(w for w in window.findChildren(HistoryDialog))
    qtbot.addWidget(dialog)
    settle(qtbot)
    assert "Apologies for Absence" in dialog.windowTitle()
    texts = [c.after for r in dialog.records for c in r.changes if c.field == "text"]
    assert texts and texts[0] == "Apologies were received."
    assert dialog.records[0].user == "ibarton"


def test_action_log_details_have_a_history_button(qtbot, context, db, seed) -> None:  # type: ignore[no-untyped-def]
    from sst_desktop.ui.actions.log_view import ActionLogPage

    minute = minutes.minute_for_item(db, seed.item_ids[3])
    with audit.acting_as("ibarton"):
        action = actions.create_action(db, minute_id=minute.id, text="Find independent DHR chairs").after
        actions.add_update(db, action.id, "Two chairs approached", on=date(2022, 7, 1))  # type: ignore[union-attr]
    page = ActionLogPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot)  # the log is read on the database worker
    page.table.setCurrentIndex(page.model.index(0, 0))
    settle(qtbot)
    assert page.details.record is not None and page.details.record.id == action.id  # type: ignore[union-attr]
    qtbot.mouseClick(page.details.history_button, Qt.MouseButton.LeftButton)
    dialog = next(w for w in page.findChildren(HistoryDialog))
    qtbot.addWidget(dialog)
    settle(qtbot)
    assert dialog.windowTitle() == f"History — {action.reference}"  # type: ignore[union-attr]
    assert [r[1] for r in rows(dialog)] == ["Added progress update", "Added action"]
