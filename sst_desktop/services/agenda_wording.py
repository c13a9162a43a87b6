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
from sst_desktop.domain.meeting_texts import next_meeting_text, previous_minutes_text

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
        .order_by(Meeting.date.desc(), Meeting.id.desc())
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
        .order_by(Meeting.date, Meeting.id)
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


def _procedural_items(session: Session, committee_id: int) -> list[AgendaItem]:
    """The items whose builder's wording names other meetings, on the committee's agendas not held."""
    return list(
        session.scalars(
            select(AgendaItem)
            .join(Meeting, AgendaItem.meeting_id == Meeting.id)
            .where(
                Meeting.committee_id == committee_id,
                Meeting.status != MeetingStatus.HELD,  # a cancelled one too, so it is right if reinstated
                AgendaItem.procedural_role.in_(
                    (ProceduralRole.PREVIOUS_MINUTES, ProceduralRole.NEXT_MEETING)
                ),
            )
        )
    )


def procedural_texts(session: Session, committee_id: int) -> dict[int, str]:
    """The builder's wording of each such item as things stand, by item id: taken before a change, it
    tells the builder's text (which follows the change) from the officer's (which stays as typed)."""
    texts = {}
    for item in _procedural_items(session, committee_id):
        text = procedural_description(session, item.meeting, item.procedural_role)  # type: ignore[arg-type]
        if text is not None:
            texts[item.id] = text
    return texts


def refresh_procedural_items(session: Session, committee_id: int, generated: dict[int, str]) -> int:
    """Re-word "Minutes of the meeting held on …" and "The next meeting will be held on …" after a
    change, where the text is still what the builder wrote before it (``generated``, from
    ``procedural_texts``). Text the officer typed, however alike, is kept. Returns how many changed."""
    session.flush()
    changed = 0
    for item in _procedural_items(session, committee_id):
        if item.id not in generated or item.description.strip() != generated[item.id]:
            continue
        text = procedural_description(session, item.meeting, item.procedural_role)  # type: ignore[arg-type]
        if text is not None and text != item.description:
            item.description = text
            changed += 1
    return changed
