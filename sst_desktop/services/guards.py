"""Rules that protect the record, checked inside the write transaction by every service that edits it."""

from __future__ import annotations

from sqlalchemy.orm import Session

from sst_desktop.domain import Meeting
from sst_desktop.services.errors import ConfirmedMinutesError, NotFoundError


def ensure_minutes_editable(session: Session, meeting_id: int) -> Meeting:
    """Refuse any change to the minutes of a meeting once a later meeting confirmed them."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(f"There is no meeting with id {meeting_id}.")
    if meeting.minutes_confirmed_at is not None:
        raise ConfirmedMinutesError(
            f"The minutes of the meeting held on {meeting.date:%d %B %Y} were confirmed as a correct record "
            f"on {meeting.minutes_confirmed_at:%d %B %Y} and can no longer be changed."
        )
    return meeting
