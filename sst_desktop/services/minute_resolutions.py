"""The RESOLVED block of a minute: numbered resolutions, typed or inserted as standard phrases.

"A further report be submitted to the next meeting" also puts the item on the forward plan (one
change, one undo); "confirmed as a correct record" confirms the previous minutes
(``minute_confirmation``), which is never undone."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sst_desktop.domain import AgendaItem, Meeting, Minute, Resolution
from sst_desktop.domain.base import utcnow
from sst_desktop.domain.enums import (
    ItemKind,
    ProceduralRole,
)
from sst_desktop.domain.meeting_texts import clock, plain_date, weekday_date
from sst_desktop.domain.plain_text import clean_text
from sst_desktop.services import forward_plan
from sst_desktop.services.errors import NotFoundError, ValidationError
from sst_desktop.services.forward_plan import ForwardPlanPatch, ForwardPlanRecord
from sst_desktop.services.guards import (
    ensure_minutes_editable,
    for_change,
    refuse_if_changed_since,
    refuse_if_row_changed,
)
from sst_desktop.services.minute_confirmation import confirm_previous_minutes
from sst_desktop.services.minute_forms import correct_record_text, meetings_confirmed
from sst_desktop.services.minute_records import (
    FURTHER_REPORT,
    REPORT_NOTED,
    RESOLUTION_MAX,
    THANKED,
    UPDATE_NOTED,
    MinuteRecord,
    QuickPhrase,
    QuickPhraseOption,
    ResolutionRecord,
    TextSaved,
    _add_resolution,
    _get,
    _next_meeting,
    _ordered,
    _record_of,
    _reposition,
    get_minute,
    presenter_names,
)
from sst_desktop.services.minutes_copies import Copier
from sst_desktop.services.outcome import Changed, Undoable
from sst_desktop.services.records import Change
from sst_desktop.services.validation import optional, required
from sst_desktop.storage.engine import Database

# ---------------------------------------------------------------------------------------------- resolutions


def _resolution_text(text: str) -> str:
    value = required(text, "The resolution", field="text", max_length=RESOLUTION_MAX, multiline=True)
    return value


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
            before,
            _record_of(session, minute),
            Changed.MINUTES,
            lambda db: remove_resolution(db, added, based_on=value),
        )


def update_resolution(
    db: Database, resolution_id: int, text: str, based_on: str | None = None
) -> Change[MinuteRecord]:
    """Change a resolution's wording. With ``based_on`` (the wording the officer's copy had), wording
    another officer changed since is not overwritten (``EditConflictError``); the undo is based on
    the wording given, so it never takes back a later edit either."""
    value = _resolution_text(text)
    with db.write() as session:
        resolution = _resolution_for_change(session, resolution_id)
        minute = resolution.minute
        ensure_minutes_editable(session, minute.meeting_id)
        _refuse_if_reworded(session, resolution, based_on, value)
        before = _record_of(session, minute)
        former = resolution.text
        resolution.text = value
        return Change(
            before,
            _record_of(session, minute),
            Changed.MINUTES,
            lambda db: update_resolution(db, resolution_id, former, based_on=value),
        )


def set_resolution_text(
    db: Database, resolution_id: int, text: str, based_on: str | None = None
) -> TextSaved:
    """Save a resolution's wording while it is typed: one small UPDATE, like ``set_text`` (use
    ``update_resolution`` for an undoable change that returns the whole minute). With ``based_on``,
    wording another officer saved since is not overwritten (``EditConflictError``)."""
    value = _resolution_text(text)
    now = utcnow()
    with db.write() as session:
        found = session.execute(
            select(Resolution.minute_id, Minute.meeting_id, Resolution.text, Resolution.updated_at)
            .join(Minute, Minute.id == Resolution.minute_id)
            .where(Resolution.id == resolution_id)
            .with_for_update(of=Resolution)
        ).first()
        if found is None:
            raise NotFoundError(f"There is no resolution with id {resolution_id}.")
        ensure_minutes_editable(session, found.meeting_id)
        if based_on is not None:
            refuse_if_changed_since(
                session,
                Resolution.__tablename__,
                resolution_id,
                stored={"text": found.text},
                based_on={"text": clean_text(based_on)},
                wanted={"text": value},
                changed_at=found.updated_at,
                what="this resolution's wording",
            )
        session.execute(
            update(Resolution)
            .where(Resolution.id == resolution_id)
            .values(text=value, updated_at=now)
            .execution_options(synchronize_session=False)
        )
    return TextSaved(found.minute_id, "resolution", len(value), now)


def remove_resolution(db: Database, resolution_id: int, based_on: str | None = None) -> Change[MinuteRecord]:
    """Remove a resolution; undo puts it back. With ``based_on`` (the undo of adding it: the wording
    it was added with), one another officer has reworded since is kept (``EditConflictError``)."""
    with db.write() as session:
        resolution = _resolution_for_change(session, resolution_id)
        minute = resolution.minute
        ensure_minutes_editable(session, minute.meeting_id)
        _refuse_if_reworded(session, resolution, based_on, None)
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


def _refuse_if_reworded(
    session: Session, resolution: Resolution, based_on: str | None, value: str | None
) -> None:
    if based_on is not None:
        refuse_if_row_changed(
            session,
            resolution,
            {"text": clean_text(based_on)},
            {"text": value} if value is not None else {},
            "this resolution's wording",
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


def _resolution_for_change(session: Session, resolution_id: int) -> Resolution:
    """The resolution as it is now, locked until the change commits (on a database server)."""
    resolution = for_change(session, Resolution, resolution_id)
    if resolution is None:
        raise NotFoundError(f"There is no resolution with id {resolution_id}.")
    return resolution


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
            confirming = meetings_confirmed(session, minute)
            if confirming:
                text = correct_record_text([p.date for p in confirming], minute.confirmed_subject_to)
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
            before,
            _record_of(session, minute),
            Changed.MINUTES,
            lambda db: remove_resolution(db, added, based_on=text),
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
            removed = remove_resolution(db, added, based_on=FURTHER_REPORT)
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
