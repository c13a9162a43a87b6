"""Minute-taking windows for GUI tests, opened as the Minutes screen opens them: what the window
shows is read on the database worker, then the window is made."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from sst_desktop.storage.engine import Database
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.minutes.minute_taking import MinuteTakingWindow
from sst_desktop.ui.minutes.opening import open_minute_taking_window
from sst_desktop.ui.operations.worker import database_worker
from tests.minutes_data import SeedMeeting, build_committee_and_meetings


def open_minute_taking(
    context: AppContext, meeting_id: int, settings: QSettings | None = None
) -> MinuteTakingWindow:
    """The meeting's minute-taking window, once made (not shown yet); an error opening it is raised."""
    made: list[MinuteTakingWindow] = []
    failed: list[BaseException] = []
    open_minute_taking_window(context, meeting_id, made.append, settings=settings, failed=failed.append)
    database_worker().drain()  # (and its answer delivered: the window is made by now)
    if failed:
        raise failed[0]
    return made[0]


def minute_taking_at(  # type: ignore[no-untyped-def]
    qtbot, context: AppContext, settings, db: Database, item: int
) -> tuple[MinuteTakingWindow, SeedMeeting]:
    """The window shown and exposed, on agenda item ``item`` (1-based)."""
    seed = build_committee_and_meetings(db)
    window = open_minute_taking(context, seed.meeting_id, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.go_to(seed.item_ids[item - 1])
    return window, seed
