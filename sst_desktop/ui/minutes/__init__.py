"""Live minute-taking: the register, declarations, each item's minute, resolutions and actions."""

from __future__ import annotations

from typing import Any


def resume_minute_taking(main_window: Any) -> Any:
    """Reopen the meeting being minuted when the program last stopped (see ``page``); the screens
    load only when there is one."""
    from sst_desktop.ui.minutes.place import remembered
    from sst_desktop.ui.window_geometry import settings_for

    if remembered(settings_for(main_window), main_window.context.database.url) is None:
        return None  # (the usual start: minute-taking's modules need not load)
    from sst_desktop.ui.minutes.page import resume_minute_taking as resume

    return resume(main_window)
