"""The builder's wording of the procedural items that name other meetings, kept true as meetings move.

"Minutes of the meeting held on …" names the committee's previous meeting that took place, "The next
meeting will be held on …" its next scheduled one. Scheduling, moving or cancelling a meeting
re-words them on the agendas not yet held, where the text is still the builder's own; wording the
officer typed is left alone.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from sst_desktop.domain import AgendaItem, Meeting
from sst_desktop.domain.enums import MeetingStatus, ProceduralRole
from sst_desktop.services.meeting_texts import (
    is_generated_next_meeting,
    is_generated_previous_minutes,
    next_meeting_text,
    previous_minutes_text,
)

# Meetings that take place (or took place): the ones agendas refer back and forward to.
TAKING_PLACE = (MeetingStatus.SCHEDULED, MeetingStatus.HELD)


def _query():  # type: ignore[no-untyped-def]
    return select(Meeting).options(joinedload(Meeting.committee))


def previous_orm(session: Session, meeting: Meeting) -> Meeting | None:
    return session.scalar(
        _query()
        .where(
            Meeting.committee_id == meeting.committee_id,
            Meeting.date < meeting.date,
            Meeting.status.in_(TAKING_PLACE),
        )
        .order_by(Meeting.date.desc())
        .limit(1)
    )


def next_orm(session: Session, meeting: Meeting) -> Meeting | None:
    return session.scalar(
        _query()
        .where(
            Meeting.committee_id == meeting.committee_id,
            Meeting.date > meeting.date,
            Meeting.status == MeetingStatus.SCHEDULED,
        )
        .order_by(Meeting.date)
        .limit(1)
    )


def procedural_description(session: Session, meeting: Meeting, role: ProceduralRole) -> str | None:
    """The builder's wording for a procedural item whose text depends on other meetings."""
    if role == ProceduralRole.PREVIOUS_MINUTES:
        previous = previous_orm(session, meeting)
        return previous_minutes_text(previous.date if previous else None)
    if role == ProceduralRole.NEXT_MEETING:
        upcoming = next_orm(session, meeting)
        if upcoming is None:
            return next_meeting_text(None)
        return next_meeting_text(upcoming.date, upcoming.start_time, upcoming.venue)
    return None


def refresh_procedural_items(session: Session, committee_id: int) -> int:
    """Re-word "Minutes of the meeting held on …" and "The next meeting will be held on …" on the
    committee's agendas not yet held, where the text is still the builder's own. Returns how many changed."""
    items = session.scalars(
        select(AgendaItem)
        .join(Meeting, AgendaItem.meeting_id == Meeting.id)
        .where(
            Meeting.committee_id == committee_id,
            Meeting.status.in_((MeetingStatus.SCHEDULED, MeetingStatus.POSTPONED)),
            AgendaItem.procedural_role.in_((ProceduralRole.PREVIOUS_MINUTES, ProceduralRole.NEXT_MEETING)),
        )
    ).all()
    changed = 0
    for item in items:
        generated = (
            is_generated_previous_minutes
            if item.procedural_role == ProceduralRole.PREVIOUS_MINUTES
            else is_generated_next_meeting
        )
        if not generated(item.description):
            continue
        text = procedural_description(session, item.meeting, item.procedural_role)  # type: ignore[arg-type]
        if text is not None and text != item.description:
            item.description = text
            changed += 1
    return changed
