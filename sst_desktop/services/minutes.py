"""The minute of each agenda item: narrative, resolutions, outcome, references, and confirmation.

A minute is created on demand from its agenda item (heading = the item's title) and numbered on
through the municipal year (``minute_numbers``). Once a later meeting resolves the minutes a correct
record (``confirm_previous_minutes``) every edit is refused with ``ConfirmedMinutesError``, and a copy
of what they print is kept (``minutes_copies``).

``set_text`` is called about once a second while the officer types: it is one small UPDATE.

This module keeps the minute itself (creating, texts, outcome, references); the records are in
``minute_records``, the resolutions and standard phrases in ``minute_resolutions`` and confirming in
``minute_confirmation``. Their names are also reachable here (``minutes.add_resolution``…), the one
place callers look for minutes.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from sst_desktop.domain import AgendaItem, Meeting, Minute, MinuteReference, Resolution
from sst_desktop.domain.base import utcnow
from sst_desktop.domain.enums import MinuteOutcome
from sst_desktop.domain.plain_text import clean_text
from sst_desktop.services import minute_numbers
from sst_desktop.services.errors import NotFoundError, ValidationError
from sst_desktop.services.guards import (
    ensure_minutes_editable,
    for_change,
    refuse_if_changed_since,
    refuse_if_row_changed,
)
from sst_desktop.services.minute_confirmation import (
    confirm_previous_minutes,
    confirmed_reason,
    previous_meeting,
    withdraw_confirmation,
)
from sst_desktop.services.minute_forms import apply_form
from sst_desktop.services.minute_records import (
    CORRECT_RECORD,
    FURTHER_REPORT,
    HEADING_MAX,
    REPORT_NOTED,
    RESOLUTION_MAX,
    THANKED,
    UPDATE_NOTED,
    Confirmation,
    MeetingRef,
    MinuteRecord,
    QuickPhrase,
    QuickPhraseOption,
    ReferenceCandidate,
    ReferenceRecord,
    ResolutionRecord,
    TextSaved,
    _get,
    _paragraphs,
    _record_of,
    _records,
    get_minute,
    presenter_names,
    reference_sentence,
    sync_minutes,
    to_record,
)
from sst_desktop.services.minute_references import add_reference, reference_candidates, remove_reference
from sst_desktop.services.minute_resolutions import (
    add_resolution,
    insert_further_report,
    insert_quick_phrase,
    move_resolution,
    next_meeting_text,
    quick_phrases,
    remove_resolution,
    reorder_resolutions,
    restore_resolution,
    set_resolution_text,
    update_resolution,
)
from sst_desktop.services.outcome import Changed
from sst_desktop.services.records import Change
from sst_desktop.services.validation import required
from sst_desktop.storage.engine import Database

__all__ = [
    "CORRECT_RECORD",
    "FURTHER_REPORT",
    "HEADING_MAX",
    "REPORT_NOTED",
    "RESOLUTION_MAX",
    "THANKED",
    "UPDATE_NOTED",
    "Confirmation",
    "MeetingRef",
    "MinuteRecord",
    "QuickPhrase",
    "QuickPhraseOption",
    "ReferenceCandidate",
    "ReferenceRecord",
    "RemovedMinute",
    "ResolutionRecord",
    "TextSaved",
    "add_reference",
    "add_resolution",
    "confirm_previous_minutes",
    "confirmed_reason",
    "delete_minute",
    "get_minute",
    "insert_further_report",
    "insert_quick_phrase",
    "list_minutes",
    "minute_for_item",
    "minutes_outline",
    "move_resolution",
    "next_meeting_text",
    "open_minutes",
    "presenter_names",
    "previous_meeting",
    "quick_phrases",
    "reference_candidates",
    "reference_sentence",
    "remove_reference",
    "remove_resolution",
    "reorder_resolutions",
    "restore_minute",
    "restore_resolution",
    "set_heading",
    "set_outcome",
    "set_public_summary",
    "set_resolution_text",
    "set_text",
    "sync_minutes",
    "to_record",
    "update_resolution",
    "withdraw_confirmation",
]


# ---------------------------------------------------------------------------------------------- reading


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


# ---------------------------------------------------------------------------------------------- creating


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
        apply_form(minute, record)
        for reference in record.references:
            if reference.typed:
                session.add(
                    MinuteReference(
                        minute_id=minute.id,
                        typed_committee=reference.committee_name,
                        typed_date=reference.meeting_date,
                        typed_number=reference.number,
                        resolution_number=reference.resolution_number,
                    )
                )
            elif session.get(Minute, reference.referenced_minute_id) is not None:
                session.add(
                    MinuteReference(
                        minute_id=minute.id,
                        referenced_minute_id=reference.referenced_minute_id,
                        resolution_number=reference.resolution_number,
                    )
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


def _save_text(
    db: Database, minute_id: int, field: str, value: str | None, based_on: str | None = None
) -> TextSaved:
    """Save one text of a minute. With ``based_on`` (the text as the officer's copy last had it),
    a text another officer has changed since is not overwritten: ``EditConflictError`` says whose
    text is there now (the row is locked while it is compared, on a database server)."""
    text = _clean_body(value)
    now = utcnow()
    column = getattr(Minute, field)
    with db.write() as session:
        found = session.execute(
            select(Minute.meeting_id, column, Minute.updated_at)
            .where(Minute.id == minute_id)
            .with_for_update()
        ).first()
        if found is None:
            raise NotFoundError(f"There is no minute with id {minute_id}.")
        meeting_id, stored, changed_at = found
        ensure_minutes_editable(session, meeting_id)
        if based_on is not None:
            refuse_if_changed_since(
                session,
                Minute.__tablename__,
                minute_id,
                stored={field: stored or ""},
                based_on={field: _clean_body(based_on)},
                wanted={field: text},
                changed_at=changed_at,
                what="this minute's text",
            )
        session.execute(
            update(Minute)
            .where(Minute.id == minute_id)
            .values({field: text, "updated_at": now})
            .execution_options(synchronize_session=False)
        )
    return TextSaved(minute_id, field, len(text), now)


def set_text(db: Database, minute_id: int, text: str | None, based_on: str | None = None) -> TextSaved:
    """Save the narrative of a minute (called while typing: one small UPDATE); see ``_save_text``."""
    return _save_text(db, minute_id, "text", text, based_on)


def set_public_summary(db: Database, minute_id: int, text: str | None) -> TextSaved:
    """What the public minutes print in place of an exempt item's discussion."""
    return _save_text(db, minute_id, "public_summary", text)


def set_heading(
    db: Database, minute_id: int, heading: str, based_on: str | None = None
) -> Change[MinuteRecord]:
    """Give a minute its heading. With ``based_on`` (the heading the officer's copy had), one another
    officer changed since is not overwritten (``EditConflictError``); the undo is based on the
    heading given, so it never takes back a later edit either."""
    value = required(heading, "The heading", field="heading", max_length=HEADING_MAX)
    with db.write() as session:
        minute = for_change(session, Minute, minute_id)
        if minute is None:
            raise NotFoundError(f"There is no minute with id {minute_id}.")
        ensure_minutes_editable(session, minute.meeting_id)
        if based_on is not None:
            refuse_if_row_changed(
                session,
                minute,
                {"heading": clean_text(based_on, multiline=False)},
                {"heading": value},
                "this minute's heading",
            )
        before = _record_of(session, minute)
        minute.heading = value
        return Change(
            before,
            _record_of(session, minute),
            Changed.MINUTES,
            lambda db: set_heading(db, minute_id, before.heading, based_on=value),
        )


def set_outcome(
    db: Database, minute_id: int, outcome: MinuteOutcome | str, based_on: MinuteOutcome | None = None
) -> Change[MinuteRecord]:
    """Taken, deferred or withdrawn. With ``based_on`` (the outcome the officer saw; its undo is
    based on the outcome set), one another officer set since is not overwritten."""
    try:
        value = MinuteOutcome(outcome)
    except ValueError as error:
        raise ValidationError(f"“{outcome}” is not an outcome of an item.", field="outcome") from error
    with db.write() as session:
        minute = for_change(session, Minute, minute_id)
        if minute is None:
            raise NotFoundError(f"There is no minute with id {minute_id}.")
        ensure_minutes_editable(session, minute.meeting_id)
        if based_on is not None:
            refuse_if_row_changed(
                session, minute, {"outcome": based_on}, {"outcome": value}, "this item's outcome"
            )
        before = _record_of(session, minute)
        minute.outcome = value
        return Change(
            before,
            _record_of(session, minute),
            Changed.MINUTES,
            lambda db: set_outcome(db, minute_id, before.outcome, based_on=value),
        )
