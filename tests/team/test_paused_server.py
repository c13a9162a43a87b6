"""The team's server paused (SIGSTOP) for 15 seconds while a window saves: the window keeps
answering, says "Not saved — retrying", and once the server runs again everything typed is saved.
Underneath, work waiting on a server that stopped answering fails in a few seconds instead of
holding the database worker (and every read queued behind it) for as long as the pause lasts."""

from __future__ import annotations

import psycopg

from sst_desktop.services import committees, minutes
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.storage.change_feed import FeedReader
from sst_desktop.storage.server import ServerUnavailableError
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.minutes.autosave import SaveState
from tests.minutes_data import build_committee_and_meetings
from tests.server import server_database
from tests.team.pausing import server_paused
from tests.team.test_live_screens import another_officer
from tests.team.test_races import meanwhile
from tests.ui.minute_window import open_minute_taking
from tests.ui.test_action_log_waiting import Ticks
from tests.ui.waiting import settle

PAUSE_SECONDS = 15
TYPED = "Members noted the report. The chair thanked Steve Martlew; Cllr Hardy asked about the budget."


def test_a_save_to_a_paused_server_fails_and_succeeds_once_it_runs_again() -> None:
    with server_database() as db:
        board = committees.create_committee(
            db, CommitteePatch(name="Safer Sefton Together", short_name="SST")
        ).after
        with server_paused(db):
            saving, outcome = meanwhile(
                lambda: committees.update_committee(db, board.id, CommitteePatch(name="Paused"))
            )
            saving.join(PAUSE_SECONDS)
            assert outcome, "the save was still waiting when the server ran again"
        assert isinstance(outcome[0], ServerUnavailableError)
        assert "This change was not saved." in str(outcome[0])
        committees.update_committee(db, board.id, CommitteePatch(name="Safer Sefton Partnership"))
        assert committees.get_committee(db, board.id).name == "Safer Sefton Partnership"


def test_the_change_feed_gives_up_on_a_paused_server_and_misses_nothing_after() -> None:
    with server_database() as db:
        board = committees.create_committee(
            db, CommitteePatch(name="Safer Sefton Together", short_name="SST")
        ).after
        reader = FeedReader(db.engine, since=0)  # (its first look reads the feed, as after a failure)
        try:
            with server_paused(db):
                reading, outcome = meanwhile(reader.poll)
                reading.join(PAUSE_SECONDS)
                assert outcome, "the feed was still waiting when the server ran again"
            assert isinstance(outcome[0], psycopg.OperationalError)  # (the watcher tries again later)
            since = reader.last_seen
        finally:
            reader.close()
        another_officer(db, "rename-committee", str(board.id), "Safer Sefton Partnership")
        again = FeedReader(db.engine, since=since)  # (the watcher's next reader, after the failure)
        try:
            assert again.poll() == {"committees"}  # made before it listened: still told
        finally:
            again.close()


def test_a_window_typing_while_the_server_is_paused_answers_retries_and_loses_nothing(  # type: ignore[no-untyped-def]
    qtbot, settings
) -> None:
    with server_database() as db:
        seed = build_committee_and_meetings(db)
        minute = minutes.minute_for_item(db, seed.item_ids[3])
        assert minute is not None
        window = open_minute_taking(AppContext(db), seed.meeting_id, settings)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        window.go_to(seed.item_ids[3])
        settle(qtbot)
        editor = window.editor
        editor.narrative.setFocus()
        shown: list[str] = []
        with server_paused(db):
            ticks = Ticks()
            qtbot.keyClicks(editor.narrative, TYPED[:40])
            ticks.step("typed")
            qtbot.waitUntil(
                lambda: window.save_indicator.text() == "Not saved — retrying", timeout=PAUSE_SECONDS * 1000
            )
            ticks.step("not saved")
            shown.append(window.save_indicator.text())
            qtbot.keyClicks(editor.narrative, TYPED[40:])  # typing goes on meanwhile
            ticks.step("typed more")
            qtbot.wait(max(0, PAUSE_SECONDS * 1000 - ticks.clock.elapsed()))
        qtbot.waitUntil(lambda: window.session.saver.state is SaveState.SAVED, timeout=60_000)
        ticks.step("saved")
        settle(qtbot, timeout=30_000)
        ticks.timer.stop()
        assert shown == ["Not saved — retrying"]
        assert ticks.worst < 100, str(ticks)
        assert editor.narrative.toPlainText() == TYPED
        assert minutes.get_minute(db, minute.id).text == TYPED  # nothing lost
        window.close()
