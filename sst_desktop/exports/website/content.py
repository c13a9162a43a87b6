"""What a committee's public website shows, read from the record in the public form only.

Every document here is the public one: the agenda with exempt items' descriptions withheld, the
minutes as printed for the public (the confirmed copy once confirmed), reports of non-exempt items
only, and open actions recorded under non-exempt minutes only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import PurePath

from sst_desktop.exports.agenda_pdf import AgendaContent, read_agenda
from sst_desktop.exports.minutes_blocks import MinutesContent
from sst_desktop.exports.minutes_copy import printed_minutes
from sst_desktop.exports.minutes_pdf import meetings_has_minutes
from sst_desktop.services import minutes
from sst_desktop.services.action_records import ActionRecord, list_actions
from sst_desktop.services.committees import CommitteeRecord, get_committee
from sst_desktop.services.jobs import JobHooks
from sst_desktop.services.meetings import MeetingRecord, list_meetings
from sst_desktop.services.minute_numbers import municipal_year
from sst_desktop.storage.engine import Database


@dataclass(frozen=True)
class SiteReport:
    """A report attached to a public agenda item, published as its author made it."""

    attachment_id: int
    item_number: int
    title: str
    file_name: str  # the name it is published under: "04-annual-report.pdf"
    sha256: str


@dataclass(frozen=True)
class SiteMeeting:
    meeting: MeetingRecord
    agenda: AgendaContent
    minutes: MinutesContent | None  # None until something is minuted
    reports: tuple[SiteReport, ...]
    year_label: str  # the municipal year: "2022/23"

    @property
    def slug(self) -> str:
        """The meeting's page and folder name: its date (a committee meets at most once a day)."""
        return self.meeting.date.isoformat()


@dataclass(frozen=True)
class SiteContent:
    committee: CommitteeRecord
    meetings: tuple[SiteMeeting, ...]  # by date, earliest first
    open_actions: tuple[ActionRecord, ...] | None  # None: the committee does not publish them


def read_site(
    db: Database,
    committee_id: int,
    *,
    since: date | None = None,
    with_actions: bool = False,
    hooks: JobHooks | None = None,
) -> SiteContent:
    """The public record of one committee, meeting by meeting (from ``since`` on, when given)."""
    hooks = hooks or JobHooks()
    committee = get_committee(db, committee_id)
    chosen = [m for m in list_meetings(db, committee_id) if since is None or m.date >= since]
    site_meetings = []
    for done, meeting in enumerate(chosen):
        hooks.step(done, len(chosen) + 1)
        site_meetings.append(_site_meeting(db, committee, meeting))
    actions = _open_actions(db, committee_id) if with_actions else None
    return SiteContent(committee, tuple(site_meetings), actions)


def _site_meeting(db: Database, committee: CommitteeRecord, meeting: MeetingRecord) -> SiteMeeting:
    agenda = read_agenda(db, meeting.id)
    minuted = printed_minutes(db, meeting.id, public=True) if meetings_has_minutes(db, meeting.id) else None
    reports = tuple(
        SiteReport(
            attachment.id,
            item.number,
            attachment.display_title,
            _file_name(item.number, position, attachment.display_title, attachment.filename),
            attachment.sha256,
        )
        for item in agenda.items
        if not item.is_exempt
        for position, attachment in enumerate(item.attachments)
    )
    year = municipal_year(meeting.date, committee.municipal_year_start_month).label
    return SiteMeeting(meeting, agenda, minuted, reports, year)


def _open_actions(db: Database, committee_id: int) -> tuple[ActionRecord, ...]:
    """Open actions, leaving out any recorded under an exempt minute (their wording is exempt too)."""
    open_ones = [a for a in list_actions(db, committee_id=committee_id) if not a.is_done]
    exempt: set[int] = set()
    for meeting_id in sorted({a.meeting_id for a in open_ones if a.meeting_id is not None}):
        exempt.update(m.id for m in minutes.minutes_outline(db, meeting_id) if m.is_exempt)
    kept = [a for a in open_ones if a.minute_id is None or a.minute_id not in exempt]
    return tuple(sorted(kept, key=lambda a: (a.reference, a.id)))


def _file_name(item_number: int, position: int, title: str, original: str) -> str:
    """A safe, readable file name that sorts in agenda order: "04-annual-report.pdf"."""
    suffix = PurePath(original).suffix.lower() or ".pdf"
    if not suffix[1:].isalnum():
        suffix = ".pdf"
    words = "".join(c.lower() if c.isascii() and c.isalnum() else " " for c in title).split()
    stem = "-".join(words)[:60].strip("-") or "report"
    extra = f"-{position + 1}" if position else ""
    return f"{item_number:02d}-{stem}{extra}{suffix}"
