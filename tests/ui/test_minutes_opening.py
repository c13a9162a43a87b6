"""Opening minute-taking from the Minutes screen: what the window shows is read on the database
worker, the screen answering meanwhile; a meeting that cannot be opened is explained."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sst_desktop.domain.enums import MeetingStatus
from sst_desktop.services import agenda, meetings, minutes
from sst_desktop.storage.engine import Database
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.minutes.minute_taking import MinuteTakingWindow
from sst_desktop.ui.minutes.page import MinutesPage
from sst_desktop.ui.operations.minute_taking import MinuteTaking
from sst_desktop.ui.operations.worker import database_worker
from tests.minutes_data import SeedMeeting, build_committee_and_meetings
from tests.ui.directory_support import capture_message_boxes
from tests.ui.minute_window import minute_taking_at
from tests.ui.test_minute_taking import _dispose
from tests.ui.waiting import settle


@pytest.fixture
def seed(db: Database) -> SeedMeeting:
    return build_committee_and_meetings(db)


@pytest.fixture
def page(qtbot, context: AppContext, settings, seed: SeedMeeting) -> Iterator[MinutesPage]:  # type: ignore[no-untyped-def]
    from sst_desktop.ui.main_window import MainWindow

    main = MainWindow(context, settings)
    main.show()
    shown = main.show_page("minutes")
    assert isinstance(shown, MinutesPage)
    settle(qtbot)  # the committees and meetings are read
    yield shown
    _dispose(main)  # (its minute-taking windows close with it)


@pytest.fixture
def held_worker() -> Iterator[threading.Event]:
    """The database worker kept busy (another long read) until the event is set."""
    release = threading.Event()
    safety = threading.Timer(30, release.set)  # (never left waiting, whatever the test does)
    safety.start()
    database_worker().submit(lambda: release.wait(), lambda _r: None, lambda _e: None)
    yield release
    release.set()
    safety.cancel()


def _minute_windows() -> list[MinuteTakingWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MinuteTakingWindow) and w.isVisible()]


def test_the_minutes_screen_answers_while_the_window_is_read(  # type: ignore[no-untyped-def]
    qtbot, page: MinutesPage, db: Database, seed: SeedMeeting, held_worker: threading.Event
) -> None:
    assert page.select_meeting(seed.meeting_id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    # The request is queued behind the long read: the screen is back at once, with no window yet.
    assert not held_worker.is_set()
    assert page.windows == {}
    assert page.select_meeting(seed.previous_id)  # the officer can go on choosing meanwhile
    assert page.select_meeting(seed.meeting_id)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # asked twice: still one window
    held_worker.set()
    settle(qtbot)
    window = page.windows[seed.meeting_id]
    assert _minute_windows() == [window]
    assert window.isVisible() and window.windowTitle().endswith(window.session.meeting.title)
    assert window.agenda_list.topLevelItemCount() == len(seed.item_ids) + 1  # the register, then the items
    assert meetings.get_meeting(db, seed.meeting_id).status == MeetingStatus.HELD  # minutes taken: held
    assert len(minutes.list_minutes(db, seed.meeting_id)) == len(seed.item_ids)  # every item begun


def test_a_meeting_deleted_meanwhile_is_explained_and_nothing_opens(  # type: ignore[no-untyped-def]
    qtbot, page: MinutesPage, db: Database, seed: SeedMeeting, monkeypatch
) -> None:
    boxes = capture_message_boxes(monkeypatch)
    assert page.select_meeting(seed.next_id)  # listed, then deleted elsewhere
    meetings.delete_meeting(db, seed.next_id)
    page.take_minutes()
    settle(qtbot)
    assert boxes.kinds() == ["warning"]
    assert f"There is no meeting with id {seed.next_id}" in boxes.texts()
    assert page.windows == {} and _minute_windows() == []
    assert page.select_meeting(seed.meeting_id)  # and the officer can open another
    page.take_minutes()
    settle(qtbot)
    assert seed.meeting_id in page.windows


def test_the_window_is_made_from_what_was_read_without_asking_the_database(  # type: ignore[no-untyped-def]
    qtbot, context: AppContext, settings, db: Database, seed: SeedMeeting, held_worker: threading.Event
) -> None:
    meeting = meetings.get_meeting(db, seed.meeting_id)
    read = MinuteTaking(
        meeting,
        "",
        tuple(agenda.list_agenda_items(db, meeting.id)),
        tuple(minutes.open_minutes(db, meeting.id)),
    )
    window = MinuteTakingWindow(context, read, settings)  # the worker is busy: it could not answer
    qtbot.addWidget(window)
    assert not held_worker.is_set()
    assert window.windowTitle() == f"Minutes — {meeting.title}"
    assert window.committee_label.text() == meeting.committee_name
    assert window.agenda_list.topLevelItemCount() == len(seed.item_ids) + 1
    assert window.badge.text() == "DRAFT"
    held_worker.set()
    settle(qtbot)


def test_an_item_gone_back_to_shows_what_was_typed_at_once_and_then_what_another_officer_saved(  # type: ignore[no-untyped-def]
    qtbot, context: AppContext, settings, db: Database
) -> None:
    window, seed = minute_taking_at(qtbot, context, settings, db, 4)
    settle(qtbot)
    qtbot.keyClicks(window.editor.narrative, "Typed here.")
    window.go_to(seed.item_ids[4])
    window.go_to(seed.item_ids[3])
    assert window.editor.narrative.toPlainText() == "Typed here."  # at once, before any answer
    settle(qtbot)
    assert minutes.minute_for_item(db, seed.item_ids[3]).text == "Typed here."

    window.go_to(seed.item_ids[4])
    settle(qtbot)
    minute = minutes.minute_for_item(db, seed.item_ids[3])
    minutes.set_text(db, minute.id, "Saved by another officer.")  # (another program, meanwhile)
    window.go_to(seed.item_ids[3])
    settle(qtbot)
    assert window.editor.narrative.toPlainText() == "Saved by another officer."
    qtbot.keyClick(window.editor.narrative, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.editor.narrative, " And more.")  # saved on theirs: no conflict
    settle(qtbot)
    window.session.saver.flush(wait=True)
    assert minutes.minute_for_item(db, seed.item_ids[3]).text == "Saved by another officer. And more."
