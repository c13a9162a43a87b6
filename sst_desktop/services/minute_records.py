"""What a minute is, as the windows and documents see it: the records, the standard wording, reading
a minute with its number, and keeping a meeting's minutes in step with its agenda."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from sst_desktop.domain import AgendaItem, Meeting, Minute, MinuteReference, Resolution
from sst_desktop.domain.enums import (
    ItemKind,
    MinuteOutcome,
    ProceduralRole,
)
from sst_desktop.domain.meeting_texts import plain_date
from sst_desktop.services import meetings, minute_numbers
from sst_desktop.services.errors import NotFoundError
from sst_desktop.services.outcome import Changed, Reversal
from sst_desktop.storage.engine import Database

RESOLUTION_MAX = 20_000
HEADING_MAX = 500


# ---------------------------------------------------------------------------------------------- records


@dataclass(frozen=True)
class ResolutionRecord:
    id: int
    minute_id: int
    position: int
    text: str


@dataclass(frozen=True)
class ReferenceRecord:
    """A link from a minute to an earlier one; ``text`` is generated, never typed.

    A minute from before these records has no ``referenced_minute_id`` nor ``meeting_id``: its
    committee, date and number were typed (``typed`` is True)."""

    id: int
    minute_id: int
    referenced_minute_id: int | None
    number: int | None
    heading: str
    meeting_id: int | None
    meeting_date: date
    # the other committee's name, when the minute referred to is another committee's
    committee_name: str = ""
    resolution_number: int | None = None  # "Minute No. 43 (Resolution 2)"

    @property
    def typed(self) -> bool:
        return self.referenced_minute_id is None

    @property
    def text(self) -> str:
        return reference_sentence([self])


@dataclass(frozen=True)
class MinuteRecord:
    id: int
    meeting_id: int
    agenda_item_id: int | None
    number: int | None
    position: int
    heading: str
    text: str
    public_summary: str
    outcome: MinuteOutcome
    exempt_paragraphs: tuple[int, ...] = ()
    procedural_role: ProceduralRole | None = None
    item_kind: ItemKind | None = None
    presenters: tuple[str, ...] = ()
    resolutions: tuple[ResolutionRecord, ...] = ()
    references: tuple[ReferenceRecord, ...] = ()
    updated_at: datetime | None = None
    # the forms of a minute (``minute_forms``)
    moved_by: str = ""
    seconded_by: str = ""
    decision_reasons: str = ""
    alternative_options: str = ""
    references_inline: bool = False
    confirms_two_meetings: bool = False
    confirmed_subject_to: str = ""
    minute_book_later: bool = False

    @property
    def is_exempt(self) -> bool:
        return bool(self.exempt_paragraphs)


@dataclass(frozen=True)
class TextSaved:
    """What a text save did (kept small: it happens every second while typing)."""

    minute_id: int
    field: str
    length: int
    saved_at: datetime


@dataclass(frozen=True)
class ReferenceCandidate:
    """An earlier minute the officer can refer to, as the picker lists it."""

    minute_id: int
    number: int | None
    heading: str
    meeting_id: int
    meeting_date: date

    @property
    def label(self) -> str:
        number = f"Minute No. {self.number}" if self.number is not None else "Minute (unnumbered)"
        return f"{number} — {self.heading} — {plain_date(self.meeting_date)}"


@dataclass(frozen=True)
class MeetingRef:
    id: int
    date: date
    minutes_confirmed_at: datetime | None
    minutes_confirmed_by_id: int | None


@dataclass(frozen=True)
class Confirmation:
    """The result of resolving the Minutes of Previous Meeting item a correct record."""

    minute: MinuteRecord
    confirmed_meeting_id: int
    confirmed_at: datetime | None
    # Both minutes and the confirmed meeting change. Never an undo step: confirming is a legal act,
    # taken back only by ``withdraw_confirmation`` with a reason in the audit trail.
    changed: Changed = Changed.MINUTES | Changed.MEETINGS
    undo: Reversal | None = None


class QuickPhrase(enum.StrEnum):
    REPORT_NOTED = "report_noted"
    UPDATE_NOTED = "update_noted"
    THANKED = "thanked"
    FURTHER_REPORT = "further_report"
    CORRECT_RECORD = "correct_record"
    NEXT_MEETING = "next_meeting"


@dataclass(frozen=True)
class QuickPhraseOption:
    phrase: QuickPhrase
    text: str
    presenter: str = ""


REPORT_NOTED = "the report be noted"
UPDATE_NOTED = "the update be noted"
THANKED = "{presenter} be thanked for their informative update"
FURTHER_REPORT = "a further report be submitted to the next meeting"
CORRECT_RECORD = "the Minutes of the meeting held on {date} be confirmed as a correct record"


# ---------------------------------------------------------------------------------------------- wording


def reference_sentence(references: list[ReferenceRecord] | tuple[ReferenceRecord, ...]) -> str:
    """ "Further to Minute No. 29 of the meeting held on 11 December 2017" (several joined by "and")."""
    parts = []
    for ref in references:
        if ref.number is not None:
            what = f"Minute No. {ref.number}"
        elif ref.heading:
            what = f"the minute “{ref.heading}”"
        else:
            what = "the minute"
        if ref.resolution_number is not None:
            what += f" (Resolution {ref.resolution_number})"
        of = f" of the {ref.committee_name}" if ref.committee_name else ""
        parts.append(f"{what} of the meeting{of} held on {plain_date(ref.meeting_date)}")
    if not parts:
        return ""
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"Further to {joined}"


# ---------------------------------------------------------------------------------------------- reading


def _options():  # type: ignore[no-untyped-def]
    return (
        selectinload(Minute.resolutions),
        selectinload(Minute.references).selectinload(MinuteReference.referenced).selectinload(Minute.meeting),
        selectinload(Minute.agenda_item).selectinload(AgendaItem.presenters),
    )


def _paragraphs(value: str) -> tuple[int, ...]:
    return tuple(sorted({int(p) for p in re.findall(r"\d+", value or "")}))


def presenter_names(item: AgendaItem | None) -> tuple[str, ...]:
    if item is None:
        return ()
    names = [" ".join(p for p in (person.first_name, person.last_name) if p) for person in item.presenters]
    if not names and item.presenters_text.strip():
        names = [n.strip() for n in re.split(r"\s*(?:/|;|,| and )\s*", item.presenters_text) if n.strip()]
    return tuple(names)


def to_record(minute: Minute, number: int | None = None) -> MinuteRecord:
    item = minute.agenda_item
    return MinuteRecord(
        id=minute.id,
        meeting_id=minute.meeting_id,
        agenda_item_id=minute.agenda_item_id,
        number=minute.number if number is None else number,
        position=minute.position,
        heading=minute.heading,
        text=minute.text,
        public_summary=minute.public_summary,
        outcome=minute.outcome,
        exempt_paragraphs=_paragraphs(item.exempt_paragraphs) if item is not None else (),
        procedural_role=item.procedural_role if item is not None else None,
        item_kind=item.kind if item is not None else None,
        presenters=presenter_names(item),
        resolutions=tuple(
            ResolutionRecord(r.id, r.minute_id, i, r.text)
            for i, r in enumerate(sorted(minute.resolutions, key=lambda r: (r.position, r.id)))
        ),
        references=tuple(
            sorted(
                (_reference_record(minute, ref) for ref in minute.references),
                key=lambda r: (r.meeting_date, r.number or 0, r.id),
            )
        ),
        updated_at=minute.updated_at,
        moved_by=minute.moved_by,
        seconded_by=minute.seconded_by,
        decision_reasons=minute.decision_reasons,
        alternative_options=minute.alternative_options,
        references_inline=minute.references_inline,
        confirms_two_meetings=minute.confirms_two_meetings,
        confirmed_subject_to=minute.confirmed_subject_to,
        minute_book_later=minute.minute_book_later,
    )


def _reference_record(minute: Minute, ref: MinuteReference) -> ReferenceRecord:
    target = ref.referenced
    if target is None:  # a minute from before these records, as typed
        return ReferenceRecord(
            id=ref.id,
            minute_id=ref.minute_id,
            referenced_minute_id=None,
            number=ref.typed_number,
            heading="",
            meeting_id=None,
            meeting_date=ref.typed_date or date.min,
            committee_name=ref.typed_committee,
            resolution_number=ref.resolution_number,
        )
    return ReferenceRecord(
        id=ref.id,
        minute_id=ref.minute_id,
        referenced_minute_id=ref.referenced_minute_id,
        number=target.number,
        heading=target.heading,
        meeting_id=target.meeting_id,
        meeting_date=target.meeting.date,
        committee_name=_other_committee(minute, target),
        resolution_number=ref.resolution_number,
    )


def _other_committee(minute: Minute, referenced: Minute) -> str:
    """The referred-to minute's committee name when it is not the referring minute's committee."""
    committee = referenced.meeting.committee
    return committee.name if committee.id != minute.meeting.committee_id else ""


def _records(session: Session, meeting_id: int) -> list[MinuteRecord]:
    slots = minute_numbers.number_slots(session, meeting_id)
    numbers = {s.minute_id: s.number for s in slots if s.minute_id is not None}
    order = {s.minute_id: i for i, s in enumerate(slots) if s.minute_id is not None}
    minutes = session.scalars(
        select(Minute).options(*_options()).where(Minute.meeting_id == meeting_id)
    ).all()
    minutes = sorted(minutes, key=lambda m: (order.get(m.id, 1_000_000), m.position, m.id))
    return [to_record(m, numbers.get(m.id)) for m in minutes]


def get_minute(db: Database, minute_id: int) -> MinuteRecord:
    with db.read() as session:
        minute = _get(session, minute_id)
        return _record_of(session, minute)


def _record_of(session: Session, minute: Minute) -> MinuteRecord:
    session.flush()
    slots = minute_numbers.number_slots(session, minute.meeting_id)
    number = next((s.number for s in slots if s.minute_id == minute.id), None)
    session.expire(minute)
    fresh = session.scalar(select(Minute).options(*_options()).where(Minute.id == minute.id))
    assert fresh is not None
    return to_record(fresh, number)


def _get(session: Session, minute_id: int) -> Minute:
    minute = session.get(Minute, minute_id)
    if minute is None:
        raise NotFoundError(f"There is no minute with id {minute_id}.")
    return minute


# ---------------------------------------------------------------------------------------------- creating


def sync_minutes(session: Session, meeting: Meeting) -> None:
    """Give every agenda item of an unconfirmed meeting its minute, in agenda order.

    A minute whose agenda item was removed is dropped when nothing was written in it; one with
    content is kept (no work is ever lost) and keeps its place.
    """
    if meeting.minutes_confirmed_at is not None:
        return
    items = session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)).all()
    minutes = session.scalars(
        select(Minute)
        .options(selectinload(Minute.resolutions), selectinload(Minute.references))
        .where(Minute.meeting_id == meeting.id)
    ).all()
    by_item = {m.agenda_item_id: m for m in minutes if m.agenda_item_id is not None}
    for item in items:
        minute = by_item.get(item.id)
        if minute is None:
            session.add(
                Minute(
                    meeting_id=meeting.id, agenda_item_id=item.id, position=item.position, heading=item.title
                )
            )
        elif minute.position != item.position:
            minute.position = item.position
    for minute in minutes:
        if minute.agenda_item_id is None and _is_empty(session, minute):
            session.delete(minute)
    session.flush()
    minute_numbers.renumber(session, meeting.id)


def _is_empty(session: Session, minute: Minute) -> bool:
    from sst_desktop.domain import Action

    if minute.text.strip() or minute.public_summary.strip() or minute.resolutions or minute.references:
        return False
    return session.scalar(select(func.count(Action.id)).where(Action.minute_id == minute.id)) == 0


# ---------------------------------------------------------------------------------------------- resolutions (the rows)


def _ordered(minute: Minute) -> list[Resolution]:
    return sorted(minute.resolutions, key=lambda r: (r.position, r.id))


def _reposition(resolutions: list[Resolution]) -> None:
    for index, resolution in enumerate(resolutions):
        if resolution.position != index:
            resolution.position = index


def _add_resolution(
    session: Session, minute: Minute, text: str, position: int | None, resolution_id: int | None = None
) -> Resolution:
    ordered = _ordered(minute)
    resolution = Resolution(id=resolution_id, minute_id=minute.id, text=text, position=len(ordered))
    minute.resolutions.append(resolution)
    index = len(ordered) if position is None else max(0, min(position, len(ordered)))
    ordered.insert(index, resolution)
    _reposition(ordered)
    session.flush()
    return resolution


# ---------------------------------------------------------------------------------------------- neighbouring meetings


def _previous_meeting(session: Session, meeting: Meeting) -> Meeting | None:
    return meetings.previous_orm(session, meeting)


def _next_meeting(session: Session, meeting: Meeting) -> Meeting | None:
    return meetings.next_orm(session, meeting)
