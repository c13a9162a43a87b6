"""The council's wording for dates, times and the standard agenda texts, written once.

Agendas, packs, minutes and the agenda builder all word these the same way, as seed 002 does:
"Thursday 8th September, 2022", "10.00 am", "Minutes of the meeting held on 22 June 2022"; and why a
meeting cannot confirm minutes, which the minute-taking window says before the services refuse.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time

from sst_desktop.domain.enums import MeetingStatus

DECLARATIONS_PARAGRAPHS: tuple[str, ...] = (
    "Members are requested at a meeting where a disclosable pecuniary interest or personal interest arises, "
    "which is not already included in their Register of Members' Interests, to declare any interests that "
    "relate to an item on the agenda.",
    "Where a Member discloses a Disclosable Pecuniary Interest, he/she must withdraw from the meeting room, "
    "including from the public gallery, during the whole consideration of any item of business in which "
    "he/she has an interest, except where he/she is permitted to remain as a result of a grant of a "
    "dispensation.",
    "Where a Member discloses a personal interest he/she must seek advice from the Monitoring Officer or "
    "staff member representing the Monitoring Officer to determine whether the Member should withdraw from "
    "the meeting room, including from the public gallery, during the whole consideration of any item of "
    "business in which he/she has an interest or whether the Member can remain in the meeting or remain in "
    "the meeting and vote on the relevant decision.",
)
DECLARATIONS_TEXT = "\n\n".join(DECLARATIONS_PARAGRAPHS)

NOT_OPEN_TO_PUBLIC = "THIS MEETING IS NOT OPEN TO THE PUBLIC"
DOCUMENT_RESTRICTED = "Document is Restricted"
BLANK_PAGE_TEXT = "This page is intentionally left blank"

PREVIOUS_MINUTES_PREFIX = "Minutes of the meeting held on"
NEXT_MEETING_PREFIX = "The next meeting will be held on"
NEXT_MEETING_UNKNOWN = "The date of the next meeting is to be confirmed."
NO_PREVIOUS_MEETING = "There is no previous meeting of this committee to confirm the minutes of."


def ordinal(day: int) -> str:
    """1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 22nd, 23rd … 31st."""
    if 11 <= day % 100 <= 13:
        return f"{day}th"
    return f"{day}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th') }"


def long_date(value: date) -> str:
    """ "Thursday 8th September, 2022": the agenda's front-page date."""
    return f"{value:%A} {ordinal(value.day)} {value:%B}, {value.year}"


def plain_date(value: date) -> str:
    """ "8 December 2022"."""
    return f"{value.day} {value:%B %Y}"


def weekday_date(value: date) -> str:
    """ "Thursday, 8 December 2022"."""
    return f"{value:%A}, {plain_date(value)}"


def clock(value: time | None) -> str:
    """ "10.00 am", "2.30 pm", "12.00 noon"; empty for no time."""
    if value is None:
        return ""
    if value.hour == 12 and value.minute == 0:
        return "12.00 noon"
    hour = value.hour % 12 or 12
    return f"{hour}.{value.minute:02d} {'am' if value.hour < 12 else 'pm'}"


def previous_minutes_text(previous: date | None) -> str:
    if previous is None:
        return NO_PREVIOUS_MEETING
    return f"{PREVIOUS_MINUTES_PREFIX} {plain_date(previous)}"


def next_meeting_text(when: date | None, start: time | None = None, venue: str = "") -> str:
    """ "The next meeting will be held on Thursday, 8 December 2022 at Bootle Town Hall, commencing at
    10.00 am." — the venue and time only when they are known."""
    if when is None:
        return NEXT_MEETING_UNKNOWN
    text = f"{NEXT_MEETING_PREFIX} {weekday_date(when)}"
    venue = venue.strip()
    if venue:
        text += f" ({venue})" if venue.casefold().startswith("remote") else f" at {venue}"
    if start is not None:
        text += f", commencing at {clock(start)}"
    return text + "."


def schedule_12a_notice(paragraphs: Iterable[int]) -> str:
    """ "By virtue of paragraph(s) 7 of Part 1 of Schedule 12A of the Local Government Act 1972." """
    numbers = ", ".join(str(p) for p in sorted(set(paragraphs)))
    return f"By virtue of paragraph(s) {numbers} of Part 1 of Schedule 12A of the Local Government Act 1972."


def join_names(names: Iterable[str]) -> str:
    """ "A, B and C"."""
    items = [n for n in names if n]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def not_held_reason(day: date, status: MeetingStatus, today: date | None = None) -> str:
    """Why a meeting cannot confirm minutes as a correct record ("" when it can): only a meeting that
    has taken place confirms anything, however early the officer prepares its minutes."""
    if status in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED):
        what = f"was {status.label.lower()}"
    elif day > (today or date.today()):
        what = "has not been held yet"
    else:
        return ""
    return (
        f"The meeting of {plain_date(day)} {what}: minutes can be confirmed as a correct record only at a "
        "meeting that has taken place."
    )
