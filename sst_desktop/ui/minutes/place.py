"""Where minute-taking is: the database, meeting and item, kept in the settings so that a restart
(or a crash) reopens the window where the officer was."""

from __future__ import annotations

from PySide6.QtCore import QSettings

SETTINGS_DATABASE = "minute_taking/database"
SETTINGS_MEETING = "minute_taking/meeting_id"
SETTINGS_ITEM = "minute_taking/item_id"


def remember(settings: QSettings, database_url: str, meeting_id: int, item_id: int | None) -> None:
    """Note where minute-taking is, so a restart can reopen it there."""
    settings.setValue(SETTINGS_DATABASE, database_url)
    settings.setValue(SETTINGS_MEETING, meeting_id)
    settings.setValue(SETTINGS_ITEM, item_id or 0)
    settings.sync()


def forget(settings: QSettings) -> None:
    for key in (SETTINGS_DATABASE, SETTINGS_MEETING, SETTINGS_ITEM):
        settings.remove(key)
    settings.sync()


def remembered(settings: QSettings, database_url: str) -> tuple[int, int | None] | None:
    """The meeting (and item) of ``database_url`` being minuted when the program last stopped."""
    if str(settings.value(SETTINGS_DATABASE, "") or "") != database_url:
        return None
    try:
        meeting_id = int(str(settings.value(SETTINGS_MEETING, 0) or 0))
        item_id = int(str(settings.value(SETTINGS_ITEM, 0) or 0))
    except (TypeError, ValueError):
        return None
    if meeting_id <= 0:
        return None
    return meeting_id, (item_id or None)
