"""References from a minute to earlier ones: "Further to Minute No. 29 of the meeting held on 11
December 2017", to one resolution ("Minute No. 43 (Resolution 2)"), to another committee's minute,
or to a minute from before these records (typed, see ``minute_forms.add_typed_reference``)."""

from __future__ import annotations

from sqlalchemy import select

from sst_desktop.domain import Meeting, Minute, MinuteReference
from sst_desktop.domain.meeting_texts import plain_date
from sst_desktop.services.errors import ValidationError
from sst_desktop.services.guards import ensure_minutes_editable
from sst_desktop.services.minute_forms import (
    add_typed_reference,
    check_resolution_number,
    get_reference,
    typed_reference,
)
from sst_desktop.services.minute_records import MinuteRecord, ReferenceCandidate, _get, _record_of
from sst_desktop.services.outcome import Changed
from sst_desktop.services.records import Change
from sst_desktop.storage.engine import Database


def reference_candidates(
    db: Database, minute_id: int, *, search: str = "", any_committee: bool = False
) -> list[ReferenceCandidate]:
    """Earlier minutes for the picker, newest meeting first: the same committee's, or with
    ``any_committee`` every committee's ("Minute No. 114 of the meeting of the Cabinet …")."""
    with db.read() as session:
        minute = _get(session, minute_id)
        meeting = minute.meeting
        query = (
            select(Minute.id, Minute.number, Minute.heading, Meeting.id, Meeting.date)
            .join(Meeting, Minute.meeting_id == Meeting.id)
            .where(Meeting.date < meeting.date)
            .order_by(Meeting.date.desc(), Minute.number.desc(), Minute.position.desc())
        )
        if not any_committee:
            query = query.where(Meeting.committee_id == meeting.committee_id)
        rows = session.execute(query).all()
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


def add_reference(
    db: Database, minute_id: int, referenced_minute_id: int, resolution_number: int | None = None
) -> Change[MinuteRecord]:
    """Refer to an earlier minute (of any committee), or to one of its resolutions; undo removes it."""
    with db.write() as session:
        minute = _get(session, minute_id)
        ensure_minutes_editable(session, minute.meeting_id)
        target = _get(session, referenced_minute_id)
        if target.id == minute.id:
            raise ValidationError("A minute cannot refer to itself.")
        if target.meeting.date >= minute.meeting.date:
            # (any committee's: "Further to Minute No. 12 of the meeting of the Prevent Steering Group …")
            raise ValidationError("A minute can refer only to a minute of an earlier meeting.")
        resolution = check_resolution_number(target, resolution_number)
        before = _record_of(session, minute)
        if any(r.referenced_minute_id == target.id for r in minute.references):
            return Change(before, before)  # referred to already: nothing to take back
        reference = MinuteReference(
            minute_id=minute.id, referenced_minute_id=target.id, resolution_number=resolution
        )
        minute.references.append(reference)
        session.flush()
        added = reference.id
        return Change(
            before, _record_of(session, minute), Changed.MINUTES, lambda db: remove_reference(db, added)
        )


def remove_reference(db: Database, reference_id: int) -> Change[MinuteRecord]:
    with db.write() as session:
        reference = get_reference(session, reference_id)
        minute = reference.minute
        ensure_minutes_editable(session, minute.meeting_id)
        before = _record_of(session, minute)
        record = next(r for r in before.references if r.id == reference_id)
        minute_id, referenced = minute.id, reference.referenced_minute_id
        minute.references.remove(reference)
        session.delete(reference)
        after = _record_of(session, minute)
    if referenced is None:
        typed = typed_reference(record)
        return Change(before, after, Changed.MINUTES, lambda db: add_typed_reference(db, minute_id, typed))
    resolution = record.resolution_number
    return Change(
        before, after, Changed.MINUTES, lambda db: add_reference(db, minute_id, referenced, resolution)
    )
