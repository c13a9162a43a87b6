"""The minute of each agenda item: narrative, resolutions, outcome, references, and confirmation.

A minute is created on demand from its agenda item (heading = the item's title) and numbered on
through the municipal year (``minute_numbers``). Once a later meeting resolves the minutes a correct
record (``confirm_previous_minutes``) every edit is refused with ``ConfirmedMinutesError``, and a copy
of what they print is kept (``minutes_copies``).

``set_text`` is called about once a second while the officer types: it is one small UPDATE.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from sst_desktop.domain import AgendaItem, Meeting, Minute, MinuteReference, Resolution
from sst_desktop.domain.base import utcnow
from sst_desktop.domain.enums import (
    ItemKind,
    MeetingStatus,
    MinuteOutcome,
    ProceduralRole,
)
from sst_desktop.services import forward_plan, meetings, minute_numbers
from sst_desktop.services.errors import NotFoundError, ValidationError
from sst_desktop.services.forward_plan import ForwardPlanPatch, ForwardPlanRecord
from sst_desktop.services.guards import ensure_minutes_editable
from sst_desktop.services.meeting_texts import clock, plain_date, weekday_date
from sst_desktop.services.minutes_copies import Copier, drop_copy, keep_copy
from sst_desktop.services.outcome import Changed, Reversal, Undoable
from sst_desktop.services.records import Change
from sst_desktop.services.validation import clean_text, optional, required
from sst_desktop.storage import audit
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
    """A link from a minute to an earlier one; ``text`` is generated, never typed."""

    id: int
    minute_id: int
    referenced_minute_id: int
    number: int | None
    heading: str
    meeting_id: int
    meeting_date: date
    # the other committee's name, when the minute referred to is another committee's
    committee_name: str = ""

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
        what = f"Minute No. {ref.number}" if ref.number is not None else f"the minute “{ref.heading}”"
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
                (
                    ReferenceRecord(
                        id=ref.id,
                        minute_id=ref.minute_id,
                        referenced_minute_id=ref.referenced_minute_id,
                        number=ref.referenced.number,
                        heading=ref.referenced.heading,
                        meeting_id=ref.referenced.meeting_id,
                        meeting_date=ref.referenced.meeting.date,
                        committee_name=_other_committee(minute, ref.referenced),
                    )
                    for ref in minute.references
                ),
                key=lambda r: (r.meeting_date, r.number or 0, r.id),
            )
        ),
        updated_at=minute.updated_at,
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


def list_minutes(db: Database, meeting_id: int) -> list[MinuteRecord]:
    """The meeting's minutes in order, numbered as the numbers stand now (nothing is written)."""
    with db.read() as session:
        if session.get(Meeting, meeting_id) is None:
            raise NotFoundError(f"There is no meeting with id {meeting_id}.")
        return _records(session, meeting_id)


def minutes_outline(db: Database, meeting_id: int) -> list[MinuteRecord]:
    """Every numbered place of the minutes, for documents: the minutes, and an empty record
    (``id`` 0, heading = the item's title) for an agenda item not minuted yet. Nothing is written."""
    with db.read() as session:
        if session.get(Meeting, meeting_id) is None:
            raise NotFoundError(f"There is no meeting with id {meeting_id}.")
        slots = minute_numbers.number_slots(session, meeting_id)
        by_id = {m.id: m for m in _records(session, meeting_id)}
        missing = [s.agenda_item_id for s in slots if s.minute_id is None and s.agenda_item_id is not None]
        items = {
            i.id: i
            for i in session.scalars(
                select(AgendaItem)
                .options(selectinload(AgendaItem.presenters))
                .where(AgendaItem.id.in_(missing))
            )
        }
        outline: list[MinuteRecord] = []
        for slot in slots:
            if slot.minute_id is not None and slot.minute_id in by_id:
                outline.append(by_id.pop(slot.minute_id))
            elif slot.agenda_item_id in items:
                item = items[slot.agenda_item_id]
                outline.append(
                    MinuteRecord(
                        id=0,
                        meeting_id=meeting_id,
                        agenda_item_id=item.id,
                        number=slot.number,
                        position=item.position,
                        heading=item.title,
                        text="",
                        public_summary="",
                        outcome=MinuteOutcome.TAKEN,
                        exempt_paragraphs=_paragraphs(item.exempt_paragraphs),
                        procedural_role=item.procedural_role,
                        item_kind=item.kind,
                        presenters=presenter_names(item),
                    )
                )
        outline.extend(by_id.values())
        return outline


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


def open_minutes(db: Database, meeting_id: int) -> list[MinuteRecord]:
    """Start (or resume) minute-taking: every agenda item gets its minute; returns them numbered.

    Confirmed minutes are returned as they are (nothing is created or renumbered).
    """
    with db.write() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFoundError(f"There is no meeting with id {meeting_id}.")
        sync_minutes(session, meeting)
        return _records(session, meeting_id)


def minute_for_item(db: Database, agenda_item_id: int) -> MinuteRecord:
    """The minute of an agenda item, created (heading = the item's title) when it has none yet."""
    with db.write() as session:
        item = session.get(AgendaItem, agenda_item_id)
        if item is None:
            raise NotFoundError(f"There is no agenda item with id {agenda_item_id}.")
        minute = session.scalar(select(Minute).where(Minute.agenda_item_id == agenda_item_id))
        if minute is None:
            meeting = ensure_minutes_editable(session, item.meeting_id)
            sync_minutes(session, meeting)
            minute = session.scalar(select(Minute).where(Minute.agenda_item_id == agenda_item_id))
            assert minute is not None
        return _record_of(session, minute)


@dataclass(frozen=True)
class RemovedMinute:
    """What ``delete_minute`` took away, for ``restore_minute``."""

    record: MinuteRecord
    action_ids: tuple[int, ...]
    forward_plan_ids: tuple[int, ...]


def delete_minute(db: Database, minute_id: int) -> RemovedMinute:
    """Delete a minute (before its agenda item is taken off the agenda); later numbers close up.

    Its actions and forward-plan items stay, no longer linked to it."""
    from sst_desktop.domain import Action, ForwardPlanItem

    with db.write() as session:
        minute = _get(session, minute_id)
        ensure_minutes_editable(session, minute.meeting_id)
        record = _record_of(session, minute)
        action_ids = tuple(session.scalars(select(Action.id).where(Action.minute_id == minute_id)))
        plan_ids = tuple(
            session.scalars(select(ForwardPlanItem.id).where(ForwardPlanItem.source_minute_id == minute_id))
        )
        meeting_id = minute.meeting_id
        session.delete(minute)
        session.flush()
        minute_numbers.renumber(session, meeting_id)
        return RemovedMinute(record, action_ids, plan_ids)


def restore_minute(db: Database, removed: RemovedMinute) -> MinuteRecord:
    """Undo of ``delete_minute``: the minute with its text, resolutions, references and links."""
    from sst_desktop.domain import Action, ForwardPlanItem

    record = removed.record
    with db.write() as session:
        meeting = ensure_minutes_editable(session, record.meeting_id)
        item_id = record.agenda_item_id
        if item_id is not None and (
            session.get(AgendaItem, item_id) is None
            or session.scalar(select(Minute.id).where(Minute.agenda_item_id == item_id)) is not None
        ):
            item_id = None
        minute = Minute(
            meeting_id=meeting.id,
            agenda_item_id=item_id,
            position=record.position,
            heading=record.heading,
            text=record.text,
            public_summary=record.public_summary,
            outcome=record.outcome,
        )
        session.add(minute)
        session.flush()
        for index, resolution in enumerate(record.resolutions):
            session.add(Resolution(minute_id=minute.id, position=index, text=resolution.text))
        for reference in record.references:
            if session.get(Minute, reference.referenced_minute_id) is not None:
                session.add(
                    MinuteReference(minute_id=minute.id, referenced_minute_id=reference.referenced_minute_id)
                )
        for action in session.scalars(select(Action).where(Action.id.in_(removed.action_ids))):
            action.minute_id = minute.id
        for plan in session.scalars(
            select(ForwardPlanItem).where(ForwardPlanItem.id.in_(removed.forward_plan_ids))
        ):
            plan.source_minute_id = minute.id
        session.flush()
        minute_numbers.renumber(session, meeting.id)
        return _record_of(session, minute)


# ---------------------------------------------------------------------------------------------- editing


def _clean_body(value: str | None) -> str:
    """Typed text kept as typed (spaces and line breaks); a character no document can hold becomes a
    space (a Word line break a line break), so words never run together. Saved while typing, so it
    is cleaned rather than refused."""
    return clean_text(value, multiline=True, strip=False)


def _save_text(db: Database, minute_id: int, field: str, value: str | None) -> TextSaved:
    text = _clean_body(value)
    now = utcnow()
    with db.write() as session:
        meeting_id = session.scalar(select(Minute.meeting_id).where(Minute.id == minute_id))
        if meeting_id is None:
            raise NotFoundError(f"There is no minute with id {minute_id}.")
        ensure_minutes_editable(session, meeting_id)
        session.execute(
            update(Minute)
            .where(Minute.id == minute_id)
            .values({field: text, "updated_at": now})
            .execution_options(synchronize_session=False)
        )
    return TextSaved(minute_id, field, len(text), now)


def set_text(db: Database, minute_id: int, text: str | None) -> TextSaved:
    """Save the narrative of a minute (called while typing: one small UPDATE)."""
    return _save_text(db, minute_id, "text", text)


def set_public_summary(db: Database, minute_id: int, text: str | None) -> TextSaved:
    """What the public minutes print in place of an exempt item's discussion."""
    return _save_text(db, minute_id, "public_summary", text)


def set_heading(db: Database, minute_id: int, heading: str) -> Change[MinuteRecord]:
    value = required(heading, "The heading", field="heading", max_length=HEADING_MAX)
    with db.write() as session:
        minute = _get(session, minute_id)
        ensure_minutes_editable(session, minute.meeting_id)
        before = _record_of(session, minute)
        minute.heading = value
        return Change(
            before,
            _record_of(session, minute),
            Changed.MINUTES,
            lambda db: set_heading(db, minute_id, before.heading),
        )


def set_outcome(db: Database, minute_id: int, outcome: MinuteOutcome | str) -> Change[MinuteRecord]:
    """Taken, deferred or withdrawn."""
    try:
        value = MinuteOutcome(outcome)
    except ValueError as error:
        raise ValidationError(f"“{outcome}” is not an outcome of an item.", field="outcome") from error
    with db.write() as session:
        minute = _get(session, minute_id)
        ensure_minutes_editable(session, minute.meeting_id)
        before = _record_of(session, minute)
        minute.outcome = value
        return Change(
            before,
            _record_of(session, minute),
            Changed.MINUTES,
            lambda db: set_outcome(db, minute_id, before.outcome),
        )


# ---------------------------------------------------------------------------------------------- resolutions


def _resolution_text(text: str) -> str:
    value = required(text, "The resolution", field="text", max_length=RESOLUTION_MAX, multiline=True)
    return value


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


def add_resolution(
    db: Database, minute_id: int, text: str, *, position: int | None = None
) -> Change[MinuteRecord]:
    """Add a resolution ("the report be noted"); numbering (1), (2)… follows the order. Undo
    removes it."""
    return _put_resolution(db, minute_id, text, position, None)


def restore_resolution(db: Database, record: ResolutionRecord) -> Change[MinuteRecord]:
    """Put back a removed resolution where it was, with its id (the undo of ``remove_resolution``)."""
    return _put_resolution(db, record.minute_id, record.text, record.position, record.id)


def _put_resolution(
    db: Database, minute_id: int, text: str, position: int | None, resolution_id: int | None
) -> Change[MinuteRecord]:
    value = _resolution_text(text)
    with db.write() as session:
        minute = _get(session, minute_id)
        ensure_minutes_editable(session, minute.meeting_id)
        before = _record_of(session, minute)
        added = _add_resolution(session, minute, value, position, resolution_id).id
        return Change(
            before, _record_of(session, minute), Changed.MINUTES, lambda db: remove_resolution(db, added)
        )


def update_resolution(db: Database, resolution_id: int, text: str) -> Change[MinuteRecord]:
    value = _resolution_text(text)
    with db.write() as session:
        resolution = _get_resolution(session, resolution_id)
        minute = resolution.minute
        ensure_minutes_editable(session, minute.meeting_id)
        before = _record_of(session, minute)
        former = resolution.text
        resolution.text = value
        return Change(
            before,
            _record_of(session, minute),
            Changed.MINUTES,
            lambda db: update_resolution(db, resolution_id, former),
        )


def set_resolution_text(db: Database, resolution_id: int, text: str) -> TextSaved:
    """Save a resolution's wording while it is typed: one small UPDATE, like ``set_text`` (use
    ``update_resolution`` for an undoable change that returns the whole minute)."""
    value = _resolution_text(text)
    now = utcnow()
    with db.write() as session:
        found = session.execute(
            select(Resolution.minute_id, Minute.meeting_id)
            .join(Minute, Minute.id == Resolution.minute_id)
            .where(Resolution.id == resolution_id)
        ).first()
        if found is None:
            raise NotFoundError(f"There is no resolution with id {resolution_id}.")
        ensure_minutes_editable(session, found.meeting_id)
        session.execute(
            update(Resolution)
            .where(Resolution.id == resolution_id)
            .values(text=value, updated_at=now)
            .execution_options(synchronize_session=False)
        )
    return TextSaved(found.minute_id, "resolution", len(value), now)


def remove_resolution(db: Database, resolution_id: int) -> Change[MinuteRecord]:
    with db.write() as session:
        resolution = _get_resolution(session, resolution_id)
        minute = resolution.minute
        ensure_minutes_editable(session, minute.meeting_id)
        before = _record_of(session, minute)
        removed = ResolutionRecord(
            resolution.id, minute.id, _ordered(minute).index(resolution), resolution.text
        )
        minute.resolutions.remove(resolution)
        session.delete(resolution)
        _reposition(_ordered(minute))
        return Change(
            before, _record_of(session, minute), Changed.MINUTES, lambda db: restore_resolution(db, removed)
        )


def move_resolution(db: Database, resolution_id: int, new_index: int) -> Change[MinuteRecord]:
    """Move one resolution to ``new_index`` (0-based) among its minute's resolutions."""
    with db.write() as session:
        resolution = _get_resolution(session, resolution_id)
        minute = resolution.minute
        ensure_minutes_editable(session, minute.meeting_id)
        before = _record_of(session, minute)
        old_index = _ordered(minute).index(resolution)
        ordered = [r for r in _ordered(minute) if r.id != resolution.id]
        ordered.insert(max(0, min(new_index, len(ordered))), resolution)
        _reposition(ordered)
        return Change(
            before,
            _record_of(session, minute),
            Changed.MINUTES,
            lambda db: move_resolution(db, resolution_id, old_index),
        )


def reorder_resolutions(db: Database, minute_id: int, resolution_ids: list[int]) -> Change[MinuteRecord]:
    """Put a minute's resolutions in the given order (all of them, each once)."""
    with db.write() as session:
        minute = _get(session, minute_id)
        ensure_minutes_editable(session, minute.meeting_id)
        before = _record_of(session, minute)
        by_id = {r.id: r for r in minute.resolutions}
        if sorted(resolution_ids) != sorted(by_id):
            raise ValidationError("The new order must list each of the minute's resolutions once.")
        _reposition([by_id[i] for i in resolution_ids])
        return Change(before, _record_of(session, minute))


def _get_resolution(session: Session, resolution_id: int) -> Resolution:
    resolution = session.get(Resolution, resolution_id)
    if resolution is None:
        raise NotFoundError(f"There is no resolution with id {resolution_id}.")
    return resolution


# ---------------------------------------------------------------------------------------------- quick phrases


def quick_phrases(db: Database, minute_id: int) -> list[QuickPhraseOption]:
    """The standard phrases offered for this minute, presenters' names filled in."""
    with db.read() as session:
        minute = _get(session, minute_id)
        item = minute.agenda_item
        options = [
            QuickPhraseOption(QuickPhrase.REPORT_NOTED, REPORT_NOTED),
            QuickPhraseOption(QuickPhrase.UPDATE_NOTED, UPDATE_NOTED),
        ]
        presenters = presenter_names(item) or ("the presenter",)
        for name in presenters:
            options.append(QuickPhraseOption(QuickPhrase.THANKED, THANKED.format(presenter=name), name))
        options.append(QuickPhraseOption(QuickPhrase.FURTHER_REPORT, FURTHER_REPORT))
        if item is not None and item.procedural_role == ProceduralRole.PREVIOUS_MINUTES:
            previous = _previous_meeting(session, minute.meeting)
            if previous is not None:
                text = CORRECT_RECORD.format(date=plain_date(previous.date))
                options.insert(0, QuickPhraseOption(QuickPhrase.CORRECT_RECORD, text))
        if item is not None and item.procedural_role == ProceduralRole.NEXT_MEETING:
            following = _next_meeting(session, minute.meeting)
            if following is not None:
                options.insert(0, QuickPhraseOption(QuickPhrase.NEXT_MEETING, next_meeting_text(following)))
        return options


def next_meeting_text(meeting: Meeting) -> str:
    """ "the next meeting be held on Thursday, 8 September 2022 at the Town Hall Bootle, commencing at
    10.00 am" (the resolution of the Date of Next Meeting item)."""
    text = f"the next meeting be held on {weekday_date(meeting.date)}"
    venue = meeting.venue.strip()
    if venue:
        text += f" ({venue})" if venue.casefold().startswith("remote") else f" at {venue}"
    elif meeting.remote_link.strip():
        text += " remotely"
    if meeting.start_time is not None:
        text += f", commencing at {clock(meeting.start_time)}"
    return text


def insert_quick_phrase(
    db: Database,
    minute_id: int,
    phrase: QuickPhrase | str,
    *,
    presenter: str = "",
    copier: Copier | None = None,
) -> Change[MinuteRecord]:
    """Add a standard phrase as a resolution. "A further report be submitted to the next meeting" also
    puts the item on the committee's forward plan; "correct record" confirms the previous minutes
    (and needs the ``copier`` that ``confirm_previous_minutes`` keeps their copy with)."""
    try:
        kind = QuickPhrase(phrase)
    except ValueError as error:
        raise ValidationError(f"“{phrase}” is not a standard phrase.") from error
    if kind == QuickPhrase.FURTHER_REPORT:
        return insert_further_report(db, minute_id)[0]
    if kind == QuickPhrase.CORRECT_RECORD:
        if copier is None:
            raise ValueError("confirming minutes needs the copier that keeps them as confirmed")
        before_confirming = get_minute(db, minute_id)
        confirmed = confirm_previous_minutes(db, minute_id, copier)
        return Change(before_confirming, confirmed.minute, confirmed.changed)  # not undoable
    with db.write() as session:
        minute = _get(session, minute_id)
        meeting = ensure_minutes_editable(session, minute.meeting_id)
        before = _record_of(session, minute)
        if kind == QuickPhrase.REPORT_NOTED:
            text = REPORT_NOTED
        elif kind == QuickPhrase.UPDATE_NOTED:
            text = UPDATE_NOTED
        elif kind == QuickPhrase.THANKED:
            name = (
                optional(presenter, "The presenter", max_length=300)
                or (presenter_names(minute.agenda_item) or ("the presenter",))[0]
            )
            text = THANKED.format(presenter=name)
        elif kind == QuickPhrase.NEXT_MEETING:
            following = _next_meeting(session, meeting)
            if following is None:
                raise ValidationError("No later meeting of this committee has been arranged yet.")
            text = next_meeting_text(following)
        else:  # pragma: no cover - every phrase is handled above
            raise ValidationError(f"“{phrase}” is not a standard phrase.")
        added = _add_resolution(session, minute, text, None).id
        return Change(
            before, _record_of(session, minute), Changed.MINUTES, lambda db: remove_resolution(db, added)
        )


def insert_further_report(db: Database, minute_id: int) -> tuple[Change[MinuteRecord], ForwardPlanRecord]:
    """ "a further report be submitted to the next meeting", and the item on the forward plan, in
    one transaction. The change names both kinds; its undo removes both, again in one transaction
    (and that undo's own undo inserts them again)."""
    with db.write() as session:
        minute = _get(session, minute_id)
        ensure_minutes_editable(session, minute.meeting_id)
        before = _record_of(session, minute)
        added = _add_resolution(session, minute, FURTHER_REPORT, None).id
        after = _record_of(session, minute)
        plan = _plan_further_report(db, after)

    def undo(db: Database) -> Undoable:
        with db.write():
            forward_plan.delete_forward_plan_item(db, plan.id)
            removed = remove_resolution(db, added)
        return Change(
            removed.before,
            removed.after,
            Changed.MINUTES | Changed.FORWARD_PLAN,
            lambda db: insert_further_report(db, minute_id)[0],
        )

    return Change(before, after, Changed.MINUTES | Changed.FORWARD_PLAN, undo), plan


def _plan_further_report(db: Database, minute: MinuteRecord | None) -> ForwardPlanRecord:
    assert minute is not None
    with db.read() as session:
        meeting = session.get(Meeting, minute.meeting_id)
        assert meeting is not None
        item = session.get(AgendaItem, minute.agenda_item_id) if minute.agenda_item_id else None
        committee_id, held_on = meeting.committee_id, meeting.date
        kind = item.kind if item is not None and item.kind != ItemKind.PROCEDURAL else ItemKind.REPORT
        presenters = item.presenters_text if item is not None else ""
    plan = forward_plan.add_forward_plan_item(
        db,
        committee_id,
        minute.heading,
        ForwardPlanPatch(
            description=f"Further report requested at the meeting held on {plain_date(held_on)}.",
            kind=kind,
            presenters_text=presenters,
            requested_on=held_on,
            source_minute_id=minute.id,
            source_text=FURTHER_REPORT,
        ),
    ).after
    assert plan is not None
    return plan


# ---------------------------------------------------------------------------------------------- references


def reference_candidates(db: Database, minute_id: int, *, search: str = "") -> list[ReferenceCandidate]:
    """Earlier minutes of the same committee for the picker, newest meeting first."""
    with db.read() as session:
        minute = _get(session, minute_id)
        meeting = minute.meeting
        rows = session.execute(
            select(Minute.id, Minute.number, Minute.heading, Meeting.id, Meeting.date)
            .join(Meeting, Minute.meeting_id == Meeting.id)
            .where(Meeting.committee_id == meeting.committee_id, Meeting.date < meeting.date)
            .order_by(Meeting.date.desc(), Minute.number.desc(), Minute.position.desc())
        ).all()
    found = [ReferenceCandidate(*row) for row in rows]
    words = [w.casefold() for w in search.split()]
    if words:
        found = [
            c
            for c in found
            if all(
                w in f"{c.number or ''} {c.heading} {plain_date(c.meeting_date)}".casefold() for w in words
            )
        ]
    return found


def add_reference(db: Database, minute_id: int, referenced_minute_id: int) -> Change[MinuteRecord]:
    with db.write() as session:
        minute = _get(session, minute_id)
        ensure_minutes_editable(session, minute.meeting_id)
        target = _get(session, referenced_minute_id)
        if target.id == minute.id:
            raise ValidationError("A minute cannot refer to itself.")
        if target.meeting.date >= minute.meeting.date:
            # (any committee's: "Further to Minute No. 12 of the meeting of the Prevent Steering Group …")
            raise ValidationError("A minute can refer only to a minute of an earlier meeting.")
        before = _record_of(session, minute)
        if any(r.referenced_minute_id == target.id for r in minute.references):
            return Change(before, before)  # referred to already: nothing to take back
        reference = MinuteReference(minute_id=minute.id, referenced_minute_id=target.id)
        minute.references.append(reference)
        session.flush()
        added = reference.id
        return Change(
            before, _record_of(session, minute), Changed.MINUTES, lambda db: remove_reference(db, added)
        )


def remove_reference(db: Database, reference_id: int) -> Change[MinuteRecord]:
    with db.write() as session:
        reference = session.get(MinuteReference, reference_id)
        if reference is None:
            raise NotFoundError(f"There is no minute reference with id {reference_id}.")
        minute = reference.minute
        ensure_minutes_editable(session, minute.meeting_id)
        before = _record_of(session, minute)
        minute_id, referenced = minute.id, reference.referenced_minute_id
        minute.references.remove(reference)
        session.delete(reference)
        return Change(
            before,
            _record_of(session, minute),
            Changed.MINUTES,
            lambda db: add_reference(db, minute_id, referenced),
        )


# ---------------------------------------------------------------------------------------------- confirmation


def _previous_meeting(session: Session, meeting: Meeting) -> Meeting | None:
    return meetings.previous_orm(session, meeting)


def _next_meeting(session: Session, meeting: Meeting) -> Meeting | None:
    return meetings.next_orm(session, meeting)


def previous_meeting(db: Database, meeting_id: int) -> MeetingRef | None:
    """The meeting whose minutes this meeting's Minutes of Previous Meeting item confirms."""
    with db.read() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFoundError(f"There is no meeting with id {meeting_id}.")
        previous = _previous_meeting(session, meeting)
        if previous is None:
            return None
        return MeetingRef(
            previous.id, previous.date, previous.minutes_confirmed_at, previous.minutes_confirmed_by_id
        )


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


def confirm_previous_minutes(db: Database, minute_id: int, copier: Copier) -> Confirmation:
    """Resolve the Minutes of Previous Meeting item: "That the Minutes of the meeting held on 17 March
    2022 be confirmed as a correct record." The previous meeting's minutes are frozen from then on, and
    ``copier`` makes the copy of what they print, kept with the confirmation (``minutes_copies``)."""
    with db.write() as session:
        minute = _get(session, minute_id)
        meeting = ensure_minutes_editable(session, minute.meeting_id)
        item = minute.agenda_item
        if item is None or item.procedural_role != ProceduralRole.PREVIOUS_MINUTES:
            raise ValidationError(
                "Only the Minutes of Previous Meeting item can confirm the previous minutes as a correct record."
            )
        refused = not_held_reason(meeting.date, meeting.status)
        if refused:
            raise ValidationError(refused)
        previous = _previous_meeting(session, meeting)
        if previous is None:
            raise ValidationError(
                "There is no earlier meeting of this committee whose minutes could be confirmed."
            )
        if previous.minutes_confirmed_at is not None and previous.minutes_confirmed_by_id not in (
            None,
            meeting.id,
        ):
            raise ValidationError(
                f"The minutes of the meeting held on {plain_date(previous.date)} were already confirmed "
                "at another meeting."
            )
        # The copy is read from what is committed, before this transaction writes anything.
        copy = copier(db, previous.id) if previous.minutes_confirmed_at is None else None
        text = CORRECT_RECORD.format(date=plain_date(previous.date))
        if not any(r.text.strip().rstrip(".").casefold() == text.casefold() for r in minute.resolutions):
            _add_resolution(session, minute, text, None)
        if copy is not None:
            # Freeze the numbers as they stand: give every item its minute and store the numbers first.
            sync_minutes(session, previous)
            previous.minutes_confirmed_at = utcnow()
            previous.minutes_confirmed_by_id = meeting.id
            keep_copy(session, previous.id, copy)
            session.flush()
            audit.record_event(
                session, Minute.__tablename__, minute.id, "confirm", {"confirmed": [None, text]}
            )
        return Confirmation(_record_of(session, minute), previous.id, previous.minutes_confirmed_at)


def withdraw_confirmation(db: Database, minute_id: int, reason: str) -> Confirmation:
    """Take back ``confirm_previous_minutes`` (recorded in error) while this meeting's own minutes are
    still open to editing. Confirmation is a legal act, so this is never an undo step: the officer
    gives a reason, and the audit trail keeps it with who withdrew it and when. The copy kept at
    confirmation goes: the minutes are a draft again and follow the directory."""
    why = required(
        reason, "The reason for withdrawing the confirmation", field="reason", max_length=2000, multiline=True
    )
    with db.write() as session:
        minute = _get(session, minute_id)
        meeting = ensure_minutes_editable(session, minute.meeting_id)
        previous = session.scalar(select(Meeting).where(Meeting.minutes_confirmed_by_id == meeting.id))
        if previous is None:
            raise ValidationError("This meeting has not confirmed any earlier minutes.")
        text = CORRECT_RECORD.format(date=plain_date(previous.date)).casefold()
        for resolution in list(minute.resolutions):
            if resolution.text.strip().rstrip(".").casefold() == text:
                minute.resolutions.remove(resolution)
                session.delete(resolution)
        _reposition(_ordered(minute))
        previous.minutes_confirmed_at = None
        previous.minutes_confirmed_by_id = None
        drop_copy(session, previous.id)
        session.flush()
        audit.record_event(
            session,
            Minute.__tablename__,
            minute.id,
            "withdraw",
            {
                "confirmed": [CORRECT_RECORD.format(date=plain_date(previous.date)), None],
                "reason": [None, why],
            },
        )
        return Confirmation(_record_of(session, minute), previous.id, None)
