"""Opening minute-taking as the Minutes screen does: what the window shows is read on the database
worker (the minutes begun, a meeting on or before today recorded as held), then the window is made
on the GUI thread, which never waits meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from sst_desktop.ui.context import AppContext
from sst_desktop.ui.minutes.minute_taking import MinuteTakingWindow
from sst_desktop.ui.operations import minute_taking


def open_minute_taking_window(
    context: AppContext,
    meeting_id: int,
    shown: Callable[[MinuteTakingWindow], None],
    *,
    settings: QSettings | None = None,
    parent: QWidget | None = None,
    failed: Callable[[BaseException], None] | None = None,
) -> None:
    """Read what the window shows, then make the window and hand it to ``shown`` (not when
    ``parent`` has gone meanwhile). A meeting that cannot be opened (deleted since, the database
    unreadable) is explained in a dialog over ``parent``, or handed to ``failed``."""
    op = minute_taking.open_minute_taking(context, parent, meeting_id, date.today())
    op.success(lambda opened: shown(MinuteTakingWindow(context, opened.value, settings, parent=parent)))
    if failed is not None:
        op.failure(failed)
    op.run()
