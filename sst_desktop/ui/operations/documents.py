"""Operations that write a meeting's documents: the agenda PDF, the agenda pack and the committee's
calendar, and the committee's published website. They read the record on the database worker and write the file there, whole or not at all,
so the window never waits on them; the pack, which can take a while, shows its progress and can be
cancelled (``tasks``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWidget

from sst_desktop.exports import agenda_pack, agenda_pdf, calendar_ics
from sst_desktop.exports.website.writer import publish_site
from sst_desktop.services.meetings import MeetingRecord
from sst_desktop.services.records import CommitteeRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations.op import ReadOp
from sst_desktop.ui.tasks import Task, run_task


def export_agenda(
    context: AppContext, parent: QWidget, meeting_id: int, path: Path
) -> ReadOp[agenda_pdf.ExportResult]:
    return ReadOp(context, parent, lambda db: agenda_pdf.export_agenda(db, meeting_id, path))


def export_calendar(
    context: AppContext, parent: QWidget, committee_id: int, path: Path
) -> ReadOp[calendar_ics.CalendarResult]:
    return ReadOp(context, parent, lambda db: calendar_ics.export_calendar(db, committee_id, path))


def export_pack(
    context: AppContext, parent: QWidget, meeting: MeetingRecord, path: Path, *, full: bool
) -> Task:
    """Build the public (or full, confidential) agenda pack with a progress dialog; connect to
    ``Task.done``."""
    database = context.database
    label = f"Building the {'full' if full else 'public'} agenda pack for {meeting.title}…"
    return run_task(
        parent,
        label,
        lambda hooks: agenda_pack.export_agenda_pack(database, meeting.id, path, full=full, hooks=hooks),
    )


def publish_website(
    context: AppContext,
    parent: QWidget,
    committee: CommitteeRecord,
    folder: Path,
    *,
    since: date | None,
    with_actions: bool,
) -> Task:
    """Publish a committee's public record as a static website, with progress; connect to ``Task.done``
    (a ``PublishResult``)."""
    database = context.database
    return run_task(
        parent,
        f"Publishing the website of {committee.name}…",
        lambda hooks: publish_site(
            database, committee.id, folder, since=since, with_actions=with_actions, hooks=hooks
        ),
    )
