"""Live screens: a change another officer commits shows on every open screen that shows it, without
losing the choice on the screen or what this officer has typed and not yet saved."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from sst_desktop.services import committees
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.storage.change_feed import FeedReader
from sst_desktop.storage.engine import Database
from sst_desktop.ui import file_actions
from tests.ui.waiting import settle

ROOT = Path(__file__).resolve().parents[2]


# Others' changes show within half a second; a feed that found the file busy (the other process
# writing, a loaded machine) tries again after watch.RETRY_SECONDS, so allow for three tries.
FEED_WAIT_MS = 15_000


def another_officer(database: Database, *arguments: str) -> None:
    """Run one change in a separate process: another copy of SST Desktop."""
    url = database.engine.url.render_as_string(hide_password=False)
    subprocess.run(
        [sys.executable, "-m", "tests.team.officer", url, *arguments], cwd=ROOT, check=True, timeout=60
    )


def test_the_feed_names_what_others_changed_and_not_what_this_copy_did(shared: Database) -> None:
    board = committees.create_committee(
        shared, CommitteePatch(name="Safer Sefton Together", short_name="SST")
    ).after
    reader = FeedReader(shared.engine)
    try:
        committees.update_committee(shared, board.id, CommitteePatch(default_venue="Bootle Town Hall"))
        assert reader.wait(0.1) == set()  # this copy's own change: its screens already know
        another_officer(shared, "rename-committee", str(board.id), "Safer Sefton Partnership")
        assert reader.wait(2.0) == {"committees"}
        assert reader.wait(0.1) == set()  # told once
    finally:
        reader.close()


def test_another_officers_rename_shows_keeping_the_choice_and_the_typing(qtbot, shared, settings) -> None:  # type: ignore[no-untyped-def]
    first = committees.create_committee(
        shared, CommitteePatch(name="Adult Social Care Board", short_name="ASC")
    ).after
    board = committees.create_committee(
        shared, CommitteePatch(name="Safer Sefton Together", short_name="SST")
    ).after
    window = file_actions.open_window(shared, settings=settings)
    try:
        page = window.show_page("committees")
        settle(qtbot)
        assert page.select_committee(board.id)
        venue = page.details.venue
        venue.setFocus()
        qtbot.keyClicks(venue, "Bootle Town")  # typed, not yet saved
        qtbot.waitUntil(lambda: len(window.findChildren(_watcher_type())) == 1, timeout=FEED_WAIT_MS)
        assert window.findChildren(_watcher_type())[0].listening.wait(FEED_WAIT_MS / 1000)

        another_officer(shared, "rename-committee", str(board.id), "Safer Sefton Partnership")

        qtbot.waitUntil(lambda: page.title.text() == "Safer Sefton Partnership", timeout=FEED_WAIT_MS)
        settle(qtbot)
        assert page.current is not None and page.current.id == board.id  # still chosen
        assert venue.text() == "Bootle Town"  # the typing is kept
        names = [page.model.record(row).name for row in range(page.model.rowCount())]
        assert "Safer Sefton Partnership" in names and first.name in names
        qtbot.keyClick(venue, Qt.Key.Key_Return)
        settle(qtbot)
        assert committees.get_committee(shared, board.id).default_venue == "Bootle Town"
        assert committees.get_committee(shared, board.id).name == "Safer Sefton Partnership"
    finally:
        window.close()


def _watcher_type() -> type:
    from sst_desktop.ui.operations.watch import ChangeWatcher

    return ChangeWatcher
