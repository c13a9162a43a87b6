"""A minute another officer is typing in says who: "Jane Smith (jsmith) is editing this minute" on
every other officer's window showing it, gone within a few seconds of their stopping, and also
when their program dies without saying so. The other officer is a separate process."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from sst_desktop.services import minutes
from sst_desktop.storage import presence
from sst_desktop.storage.engine import Database
from sst_desktop.ui import file_actions
from sst_desktop.ui.minutes.minute_taking import MinuteTakingWindow
from tests.minutes_data import build_committee_and_meetings
from tests.ui.minute_window import open_minute_taking
from tests.ui.waiting import settle

ROOT = Path(__file__).resolve().parents[2]
JANE = "Jane Smith (jsmith)"


def _officer(database: Database, *arguments: str) -> subprocess.Popen[str]:
    url = database.engine.url.render_as_string(hide_password=False)
    return subprocess.Popen(
        [sys.executable, "-m", "tests.team.officer", url, *arguments],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


@contextmanager
def minute_taking(qtbot, shared: Database, settings) -> Iterator[tuple[MinuteTakingWindow, int, int]]:  # type: ignore[no-untyped-def]
    """This officer's program (its main window follows the database), minute-taking at a minute;
    also the minute next to it."""
    seed = build_committee_and_meetings(shared)
    shown, other = (minutes.minute_for_item(shared, seed.item_ids[n]) for n in (3, 4))
    assert shown is not None and other is not None
    main = file_actions.open_window(shared, settings=settings)
    window = open_minute_taking(main.context, seed.meeting_id, settings)
    qtbot.addWidget(window)
    window.show()
    window.go_to(seed.item_ids[3])
    settle(qtbot)
    try:
        yield window, shown.id, other.id
    finally:
        window.close()
        main.close()


@pytest.mark.parametrize("ending", ["stop", "die"])
def test_another_officer_typing_in_the_minute_shows_who_until_they_stop(
    qtbot, shared, settings, ending
) -> None:  # type: ignore[no-untyped-def]
    with minute_taking(qtbot, shared, settings) as (window, minute_id, other_id):
        label = window.editor.presence
        elsewhere = _officer(shared, "edit-minute", str(other_id), "Peter Hall (phall)")
        jane = _officer(shared, "edit-minute", str(minute_id), JANE)
        try:
            assert jane.stdout is not None and jane.stdin is not None
            assert jane.stdout.readline().strip() == "typing"
            qtbot.waitUntil(label.isVisible, timeout=10_000)
            assert label.text() == f"{JANE} is editing this minute"  # (not the officer in the next one)
            jane.stdin.write(f"{ending}\n")
            jane.stdin.flush()
            assert jane.wait(30) == 0
            qtbot.waitUntil(lambda: not label.isVisible(), timeout=20_000)  # gone, however it ended
        finally:
            for officer in (jane, elsewhere):
                officer.kill()
                officer.communicate(timeout=30)  # (and its pipes closed)


def test_this_officers_typing_shows_on_the_other_officers_side(qtbot, shared, settings) -> None:  # type: ignore[no-untyped-def]
    with minute_taking(qtbot, shared, settings) as (window, minute_id, _other_id):
        with shared.engine.connect() as connection:
            me = presence.officer_name(connection)
        watching = _officer(shared, "see-minute", str(minute_id))
        try:
            editor = window.editor.narrative
            editor.setFocus()
            qtbot.keyClicks(editor, "Members noted the report.")
            out, _err = watching.communicate(timeout=30)
        finally:
            watching.kill()
            watching.communicate(timeout=30)
        assert out.splitlines() == [me]
        assert not window.editor.presence.isVisible()  # (this officer is not shown to themselves)
        settle(qtbot)
