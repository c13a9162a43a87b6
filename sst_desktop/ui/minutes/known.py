"""What a minute-taking window makes of the minutes it holds, without asking the database: the mark
beside each agenda row, and whether a minute read again says anything new."""

from __future__ import annotations

from dataclasses import replace

from sst_desktop.domain.enums import MinuteOutcome
from sst_desktop.services.minutes import MinuteRecord


def item_mark(minute: MinuteRecord | None, has_actions: bool = False) -> str:
    if minute is None:
        return ""
    if minute.outcome == MinuteOutcome.DEFERRED:
        return "deferred"
    if minute.outcome == MinuteOutcome.WITHDRAWN:
        return "withdrawn"
    if minute.text.strip() or minute.resolutions or minute.references or has_actions:
        return "✓"
    return ""


def says_the_same(shown: MinuteRecord | None, fresh: MinuteRecord) -> bool:
    """Nothing to show again: ``fresh`` says what ``shown`` said (when it was saved aside)."""
    return shown is not None and replace(shown, updated_at=None) == replace(fresh, updated_at=None)
