"""A meeting's fields as an officer or the CLI gives them: its date free for the committee, its
time a time of day, its texts clean. The one place a meeting's fields are checked."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from sst_desktop.domain import Committee, Meeting
from sst_desktop.domain.enums import MeetingStatus
from sst_desktop.domain.meeting_texts import plain_date
from sst_desktop.services.errors import ValidationError
from sst_desktop.services.validation import as_text, optional


def check_date(value: object) -> None:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValidationError("The meeting needs a date.", field="date")


def check_free(session: Session, committee: Committee, when: date, exclude_id: int | None = None) -> None:
    query = select(Meeting.id).where(Meeting.committee_id == committee.id, Meeting.date == when)
    if exclude_id is not None:
        query = query.where(Meeting.id != exclude_id)
    if session.scalar(query) is not None:
        raise ValidationError(f"{committee.name} already has a meeting on {plain_date(when)}.", field="date")


def check_time(value: object) -> None:
    if value is not None and not isinstance(value, time):
        raise ValidationError("The start time must be a time of day.", field="start_time")


def validated_fields(session: Session, meeting: Meeting, fields: dict[str, object]) -> dict[str, object]:
    """The values of a meeting edit, checked: the one place a meeting's fields are validated."""
    values: dict[str, object] = {}
    if "date" in fields:
        when = fields["date"]
        check_date(when)
        check_free(session, meeting.committee, when, exclude_id=meeting.id)  # type: ignore[arg-type]
        values["date"] = when
    if "start_time" in fields:
        check_time(fields["start_time"])
        values["start_time"] = fields["start_time"]
    if "venue" in fields:
        values["venue"] = optional(as_text(fields["venue"]), "The venue", field="venue", max_length=300)
    if "remote_link" in fields:
        values["remote_link"] = optional(
            as_text(fields["remote_link"]), "The remote link", field="remote_link", max_length=500
        )
    if "open_to_public" in fields:
        values["open_to_public"] = bool(fields["open_to_public"])
    if "status" in fields:
        try:
            values["status"] = MeetingStatus(str(fields["status"]))
        except ValueError:
            raise ValidationError(f"“{fields['status']}” is not a meeting status.", field="status") from None
    if "status_reason" in fields:
        values["status_reason"] = optional(
            as_text(fields["status_reason"]), "The reason", field="status_reason", multiline=True
        )
    if "title_prefix" in fields:
        values["title_prefix"] = optional(
            as_text(fields["title_prefix"]), "The title prefix", field="title_prefix", max_length=100
        )
    if "session_title" in fields:
        values["session_title"] = optional(
            as_text(fields["session_title"]), "The meeting title", field="session_title", max_length=300
        )
    return values
