"""Live minute-taking: the register, declarations, each item's minute, resolutions and actions."""

from __future__ import annotations

from typing import Any


def resume_minute_taking(main_window: Any) -> Any:
    """Reopen the meeting being minuted when the program last stopped (see ``page``); the screens
    load only when there is one."""
    from sst_desktop.ui.minutes.page import resume_minute_taking as resume

    return resume(main_window)
