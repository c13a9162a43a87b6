"""A committee's meetings as an iCalendar file (RFC 5545) that Outlook and other calendars import.

Each meeting keeps one UID ("meeting-12@sst-desktop") and its SEQUENCE grows with every change to
the meeting, so importing a newer file updates the events instead of adding copies; cancelled and
postponed meetings are published with ``STATUS:CANCELLED``. Times are local to Europe/London, with
the VTIMEZONE block that lets calendars elsewhere place them right.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sst_desktop.domain.enums import MeetingStatus
from sst_desktop.domain.meeting_texts import clock
from sst_desktop.exports.atomic import atomic_path
from sst_desktop.services.committees import get_committee
from sst_desktop.services.meetings import MeetingRecord, list_meetings, meeting_ref
from sst_desktop.services.records import CommitteeRecord
from sst_desktop.storage.engine import Database

TZID = "Europe/London"
PRODID = "-//SST Desktop//Committee meetings//EN"
UID_DOMAIN = "sst-desktop"
DEFAULT_DURATION = timedelta(hours=2)
_SEQUENCE_EPOCH = datetime(2020, 1, 1)

# UK clocks: BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:BST",
    "DTSTART:19810329T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:GMT",
    "DTSTART:19961027T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


@dataclass(frozen=True)
class CalendarResult:
    path: Path
    events: int
    cancelled: int


def escape_text(value: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped; control characters dropped
    (a tab, which TEXT allows, stays: dropping it would join the words either side)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = "".join(ch for ch in value if ch in "\n\t" or (ord(ch) >= 0x20 and ord(ch) != 0x7F))
    value = "".join(ch for ch in value if not 0xD800 <= ord(ch) <= 0xDFFF)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets (UTF-8), never inside a character;
    continuation lines begin with a space."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = char, width, 74  # the leading space takes one octet
        else:
            current += char
            size += width
    parts.append(current)
    return "\r\n ".join(parts)


def sequence_of(updated_at: datetime) -> int:
    """A number that grows with every change of the meeting (seconds since 2020)."""
    return max(0, int((updated_at - _SEQUENCE_EPOCH).total_seconds()))


def _utc(value: datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.strftime("%Y%m%dT%H%M%SZ")


def _local(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def event_lines(
    meeting: MeetingRecord, committee: CommitteeRecord, *, stamp: datetime, duration: timedelta
) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:meeting-{meeting.id}@{UID_DOMAIN}",
        f"DTSTAMP:{_utc(stamp)}",
        f"LAST-MODIFIED:{_utc(meeting.updated_at)}",
        f"CREATED:{_utc(meeting.created_at)}",
        f"SEQUENCE:{sequence_of(meeting.updated_at)}",
    ]
    if meeting.start_time is None:
        lines.append(f"DTSTART;VALUE=DATE:{meeting.date:%Y%m%d}")
        lines.append(f"DTEND;VALUE=DATE:{meeting.date + timedelta(days=1):%Y%m%d}")
    else:
        start = datetime.combine(meeting.date, meeting.start_time)
        end = start + duration
        lines.append(f"DTSTART;TZID={TZID}:{_local(start)}")
        lines.append(f"DTEND;TZID={TZID}:{_local(end)}")
    cancelled = meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED)
    summary = committee.name
    if cancelled:
        summary += f" ({meeting.status.label.upper()})"
    lines.append(f"SUMMARY:{escape_text(summary)}")
    location = meeting.venue or meeting.remote_link
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    lines.append(f"DESCRIPTION:{escape_text(_description(meeting, committee))}")
    if meeting.remote_link.lower().startswith(("https://", "http://")) and not any(
        ch in meeting.remote_link for ch in ' "<>\n'
    ):
        lines.append(f"URL:{meeting.remote_link}")
    lines.append(f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}")
    lines.append("TRANSP:TRANSPARENT" if cancelled else "TRANSP:OPAQUE")  # a cancelled meeting frees the time
    lines.append("END:VEVENT")
    return lines


def _description(meeting: MeetingRecord, committee: CommitteeRecord) -> str:
    parts = [f"Meeting of {committee.name} ({meeting_ref(meeting)})"]
    if meeting.start_time is not None:
        parts[0] += f" at {clock(meeting.start_time)}"
    parts[0] += "."
    if meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED):
        reason = f": {meeting.status_reason}" if meeting.status_reason else "."
        parts.append(f"This meeting has been {meeting.status.label.lower()}{reason}")
    if meeting.venue:
        parts.append(f"Venue: {meeting.venue}")
    if meeting.remote_link:
        parts.append(f"Join online: {meeting.remote_link}")
    if not meeting.open_to_public:
        parts.append("This meeting is not open to the public.")
    if committee.officer_name:
        contact = ", ".join(p for p in (committee.officer_telephone, committee.officer_email) if p)
        parts.append(f"Committee officer: {committee.officer_name}" + (f" ({contact})" if contact else ""))
    return "\n".join(parts)


def calendar_text(
    db: Database,
    committee_id: int,
    *,
    now: datetime | None = None,
    duration: timedelta = DEFAULT_DURATION,
) -> str:
    """The whole .ics file as text, CRLF line ends."""
    committee = get_committee(db, committee_id)
    meetings = list_meetings(db, committee_id)
    stamp = now or datetime.now(UTC)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(committee.name)}",
        f"X-WR-TIMEZONE:{TZID}",
        *VTIMEZONE,
    ]
    for meeting in meetings:
        lines.extend(event_lines(meeting, committee, stamp=stamp, duration=duration))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def export_calendar(
    db: Database,
    committee_id: int,
    target: Path | str,
    *,
    now: datetime | None = None,
    duration: timedelta = DEFAULT_DURATION,
) -> CalendarResult:
    text = calendar_text(db, committee_id, now=now, duration=duration)
    target = Path(target)
    with atomic_path(target) as temporary:
        temporary.write_bytes(text.encode("utf-8"))
    meetings = list_meetings(db, committee_id)
    cancelled = sum(m.status in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED) for m in meetings)
    return CalendarResult(target, len(meetings), cancelled)


def default_filename(committee: CommitteeRecord) -> str:
    safe = "".join(ch for ch in committee.short_name if ch not in '\\/:*?"<>|').strip() or "Committee"
    return f"{safe} meetings.ics"
