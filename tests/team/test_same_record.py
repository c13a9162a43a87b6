"""Two officers on the same resolution or action: the later save never silently replaces the other's
change, and neither does an undo. The other officer is a separate process (another copy of SST
Desktop); this officer's window shows both versions and who changed it, and keeps theirs, takes the
other's, or (for a text) saves a merge."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from sst_desktop.domain.enums import ActionStatus
from sst_desktop.services import actions, committees, minutes
from sst_desktop.ui.actions.log_view import ActionLogPage
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.directory.committees_page import CommitteesPage
from sst_desktop.ui.minutes.conflict import ConflictDialog
from tests.minutes_data import build_committee_and_meetings
from tests.team.test_live_screens import another_officer
from tests.ui.directory_support import sample_directory
from tests.ui.minute_window import open_minute_taking
from tests.ui.test_backup_actions import on_next_modal
from tests.ui.waiting import settle

ALT = Qt.KeyboardModifier.AltModifier
NOTED = "the report be noted"
THEIRS = "the report be noted and the review panel thanked"


def _click(dialog: ConflictDialog, text: str) -> None:
    next(b for b in dialog.findChildren(QPushButton) if b.text() == text).click()


def _window(qtbot, shared, settings):  # type: ignore[no-untyped-def]
    """Minute-taking open at an item whose minute has a resolution and an action."""
    seed = build_committee_and_meetings(shared)
    minute = minutes.minute_for_item(shared, seed.item_ids[3])
    assert minute is not None
    minutes.add_resolution(shared, minute.id, NOTED)
    actions.create_action(shared, minute_id=minute.id, text="Circulate the DHR report")
    window = open_minute_taking(AppContext(shared), seed.meeting_id, settings)
    qtbot.addWidget(window)
    window.show()
    window.go_to(seed.item_ids[3])
    settle(qtbot)
    return window, minute.id


def _answered(qtbot, window, answer: Callable[[ConflictDialog], None]) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Write what was typed; answer the conflict dialog that follows; what the dialog showed."""
    seen: dict[str, object] = {}

    def handle(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, ConflictDialog)
        seen.update(
            mine=dialog.mine.toPlainText(),
            theirs=dialog.theirs.toPlainText(),
            mergeable=dialog.merge.isVisibleTo(dialog),
            title=dialog.windowTitle(),
        )
        answer(dialog)

    handled = on_next_modal(handle)
    window.session.saver.flush()
    qtbot.waitUntil(lambda: bool(handled), timeout=10_000)
    settle(qtbot)
    window.session.saver.flush()
    settle(qtbot)
    return seen


def test_a_resolution_reworded_by_another_officer_is_shown_beside_mine_and_kept_unless_i_choose(  # type: ignore[no-untyped-def]
    qtbot, shared, settings
) -> None:
    window, minute_id = _window(qtbot, shared, settings)
    resolution_id = minutes.get_minute(shared, minute_id).resolutions[0].id
    another_officer(shared, "set-resolution-text", str(resolution_id), THEIRS)
    row = window.editor.resolutions.rows[resolution_id]
    row.edit.setFocus()
    row.edit.moveCursor(row.edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(row.edit, " and agreed")
    seen = _answered(qtbot, window, lambda d: _click(d, "Take theirs"))
    assert seen["mine"] == f"{NOTED} and agreed" and seen["theirs"] == THEIRS and seen["mergeable"]
    assert [r.text for r in minutes.get_minute(shared, minute_id).resolutions] == [THEIRS]
    assert row.edit.toPlainText() == THEIRS

    # typing on from theirs is based on theirs: saved without a question
    qtbot.keyClicks(row.edit, " warmly")
    window.session.saver.flush()
    settle(qtbot)
    assert [r.text for r in minutes.get_minute(shared, minute_id).resolutions] == [f"{THEIRS} warmly"]
    window.close()


def test_a_merge_of_two_wordings_is_saved(qtbot, shared, settings) -> None:  # type: ignore[no-untyped-def]
    window, minute_id = _window(qtbot, shared, settings)
    resolution_id = minutes.get_minute(shared, minute_id).resolutions[0].id
    another_officer(shared, "set-resolution-text", str(resolution_id), THEIRS)
    row = window.editor.resolutions.rows[resolution_id]
    row.edit.setFocus()
    qtbot.keyClicks(row.edit, ", and agreed")
    merged = f"{THEIRS}, and agreed"

    def merge(dialog: ConflictDialog) -> None:
        dialog.merge.setPlainText(merged)
        _click(dialog, "Save the text below")

    _answered(qtbot, window, merge)
    assert [r.text for r in minutes.get_minute(shared, minute_id).resolutions] == [merged]
    window.close()


def test_an_owner_given_by_another_officer_is_not_overwritten_unasked(qtbot, shared, settings) -> None:  # type: ignore[no-untyped-def]
    window, minute_id = _window(qtbot, shared, settings)
    action = actions.list_actions_for_minute(shared, minute_id)[0]
    another_officer(shared, "set-action-owner", str(action.id), "Steve Martlew")
    row = window.editor.actions_list.rows[action.id]
    line = row.owner.lineEdit()
    assert line is not None
    line.setFocus()
    qtbot.keyClicks(line, "Community Safety Team")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    seen = _answered(qtbot, window, lambda d: _click(d, "Keep mine"))
    assert seen["title"] == "Someone else changed this action"
    assert seen["mine"] == "Owner: Community Safety Team" and seen["theirs"] == "Owner: Steve Martlew"
    assert not seen["mergeable"]  # an owner is kept or taken, not merged
    assert actions.get_action(shared, action.id).owner == "Community Safety Team"
    window.close()


def test_a_heading_and_an_actions_wording_changed_by_another_officer_are_offered_as_merges(  # type: ignore[no-untyped-def]
    qtbot, shared, settings
) -> None:
    window, minute_id = _window(qtbot, shared, settings)
    action = actions.list_actions_for_minute(shared, minute_id)[0]
    another_officer(shared, "set-minute-heading", str(minute_id), "DHR: Adult A")
    heading = window.editor.heading
    heading.setFocus()
    heading.selectAll()
    qtbot.keyClicks(heading, "Domestic Homicide Review")
    seen = _answered(qtbot, window, lambda d: _click(d, "Keep mine"))
    assert (seen["mine"], seen["theirs"]) == ("Domestic Homicide Review", "DHR: Adult A")
    assert minutes.get_minute(shared, minute_id).heading == "Domestic Homicide Review"

    another_officer(shared, "set-action-text", str(action.id), "Circulate the DHR report to partners")
    row = window.editor.actions_list.rows[action.id]
    row.text.setFocus()
    row.text.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(row.text, " by Friday")

    def merge(dialog: ConflictDialog) -> None:
        dialog.merge.setPlainText("Circulate the DHR report to partners by Friday")
        _click(dialog, "Save the text below")

    seen = _answered(qtbot, window, merge)
    assert seen["title"] == "Someone else changed this minute" and seen["mergeable"]
    assert seen["theirs"] == "Circulate the DHR report to partners"
    assert actions.get_action(shared, action.id).text == "Circulate the DHR report to partners by Friday"
    window.close()


def test_undo_of_a_resolution_another_officer_reworded_since_is_refused_naming_them(  # type: ignore[no-untyped-def]
    qtbot, shared, settings
) -> None:
    window, minute_id = _window(qtbot, shared, settings)
    qtbot.keyClick(window.editor.narrative, Qt.Key.Key_2, ALT)  # "the update be noted", in this window
    settle(qtbot)
    added = minutes.get_minute(shared, minute_id).resolutions[1]
    another_officer(shared, "set-resolution-text", str(added.id), "the update be noted with concern")
    told: list[tuple[str, str]] = []
    handled = on_next_modal(
        lambda box: (told.append((box.windowTitle(), box.text())), box.accept()), QMessageBox
    )
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: bool(handled), timeout=10_000)
    settle(qtbot)
    assert told[0][0] == "Not undone"
    assert "the update be noted with concern" in told[0][1] and "changed it" in told[0][1]
    who = minutes.get_minute(shared, minute_id)  # nothing thrown away: theirs is still there
    assert [r.text for r in who.resolutions] == [NOTED, "the update be noted with concern"]
    window.close()


def _log_at_an_action(qtbot, shared):  # type: ignore[no-untyped-def]
    """The action log page, showing an open action's details."""
    seed = build_committee_and_meetings(shared)
    action = actions.create_action(
        shared, committee_id=seed.committee_id, text="Circulate the DHR report"
    ).after
    assert action is not None
    context = AppContext(shared)
    page = ActionLogPage(context)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    settle(qtbot)
    page.select_action(action.id)
    settle(qtbot)
    return context, page, action


def test_a_status_set_by_another_officer_is_not_undone_from_the_log(qtbot, shared) -> None:  # type: ignore[no-untyped-def]
    context, page, action = _log_at_an_action(qtbot, shared)
    combo = page.details.status
    combo.setCurrentIndex(combo.findText("In progress"))
    combo.activated.emit(combo.currentIndex())
    settle(qtbot)
    assert actions.get_action(shared, action.id).status is ActionStatus.IN_PROGRESS
    another_officer(shared, "set-action-status", str(action.id), "completed")
    told: list[str] = []
    handled = on_next_modal(lambda box: (told.append(box.text()), box.accept()), QMessageBox)
    context.undo_stack.undo()
    qtbot.waitUntil(lambda: bool(handled), timeout=10_000)
    settle(qtbot)
    assert "Status: Completed" in told[0] and "was not undone" in told[0]
    assert actions.get_action(shared, action.id).status is ActionStatus.COMPLETED


def test_a_status_chosen_in_the_log_over_another_officers_is_offered_both_ways(qtbot, shared) -> None:  # type: ignore[no-untyped-def]
    _context, page, action = _log_at_an_action(qtbot, shared)
    another_officer(shared, "set-action-status", str(action.id), "in_progress")
    seen: dict[str, object] = {}

    def keep_mine(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, ConflictDialog)
        seen.update(mine=dialog.mine.toPlainText(), theirs=dialog.theirs.toPlainText())
        _click(dialog, "Keep mine")

    handled = on_next_modal(keep_mine)
    combo = page.details.status
    combo.setCurrentIndex(combo.findText("Deferred"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: bool(handled), timeout=10_000)
    settle(qtbot)
    assert seen == {"mine": "Status: Deferred", "theirs": "Status: In progress"}
    assert actions.get_action(shared, action.id).status is ActionStatus.DEFERRED


def test_a_committee_renamed_by_another_officer_since_it_was_shown_is_offered_both_ways(  # type: ignore[no-untyped-def]
    qtbot, shared
) -> None:
    sample = sample_directory(shared)
    page = CommitteesPage(AppContext(shared))
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    settle(qtbot)
    page.select_committee(sample.sst)
    settle(qtbot)
    another_officer(shared, "rename-committee", str(sample.sst), "Safer Sefton Partnership")
    seen: dict[str, object] = {}

    def take_theirs(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, ConflictDialog)
        seen.update(
            intro=dialog.findChild(QLabel).text(),
            mine=dialog.mine.toPlainText(),
            theirs=dialog.theirs.toPlainText(),
        )
        _click(dialog, "Take theirs")

    handled = on_next_modal(take_theirs)
    name = page.details.name
    name.selectAll()
    qtbot.keyClicks(name, "Safer Sefton Together Board")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(handled), timeout=10_000)
    settle(qtbot)
    assert seen["mine"] == "Name: Safer Sefton Together Board"
    assert seen["theirs"] == "Name: Safer Sefton Partnership"
    assert "changed “Safer Sefton Together”" in str(seen["intro"])
    assert committees.get_committee(shared, sample.sst).name == "Safer Sefton Partnership"
    assert name.text() == "Safer Sefton Partnership"  # theirs shown; mine was put on the clipboard

    # and an edit based on what is shown now goes through
    name.selectAll()
    qtbot.keyClicks(name, "Safer Sefton Partnership Board")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    settle(qtbot)
    assert committees.get_committee(shared, sample.sst).name == "Safer Sefton Partnership Board"
