"""How dates, times and places read on the meetings screens (the documents' wording comes from
``domain.meeting_texts``; these are the screens' shorter forms)."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QTime

from sst_desktop.domain.meeting_texts import clock, plain_date

__all__ = [
    "clock",
    "day_text",
    "from_qtime",
    "place_text",
    "plain_date",
    "size_text",
    "to_qtime",
]


def day_text(value: date | None) -> str:
    """ "Thu 8 Sep 2022": short enough for a table column, with the weekday officers check."""
    if value is None:
        return ""
    return f"{value:%a} {value.day} {value:%b %Y}"


def place_text(venue: str, remote_link: str) -> str:
    """The venue; "Online" when the meeting has only a link."""
    if venue and remote_link:
        return f"{venue} (and online)"
    return venue or ("Online" if remote_link else "")


def to_qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def from_qtime(value: QTime) -> time:
    return time(value.hour(), value.minute())


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"
