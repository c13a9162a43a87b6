"""Minute-taking opened on the 22 June 2022 meeting (seed 002) at one of its items, for GUI tests."""

from __future__ import annotations

from sst_desktop.storage.engine import Database
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.minutes.minute_taking import MinuteTakingWindow
from tests.minutes_data import SeedMeeting, build_committee_and_meetings


def minute_taking_at(  # type: ignore[no-untyped-def]
    qtbot, context: AppContext, settings, db: Database, item: int
) -> tuple[MinuteTakingWindow, SeedMeeting]:
    """The window shown and exposed, on agenda item ``item`` (1-based)."""
    seed = build_committee_and_meetings(db)
    window = MinuteTakingWindow(context, seed.meeting_id, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.go_to(seed.item_ids[item - 1])
    return window, seed
