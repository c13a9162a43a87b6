"""The forms a council's minutes take beyond narrative and resolutions: "moved by …, seconded by … and
RESOLVED", an executive body's decision form (reasons, alternative options rejected), references
opening the narrative, and the Minutes of Previous Meeting item confirming two meetings "subject to"
a correction, with the Minute book to be signed later. Also references to minutes from before these
records (committee, date and number typed), which have no minute to link to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from sst_desktop.domain import Meeting, Minute, MinuteReference
from sst_desktop.domain.meeting_texts import join_names, plain_date
from sst_desktop.domain.patch import UNSET, Unset, given, reverting
from sst_desktop.services.errors import NotFoundError, ValidationError
from sst_desktop.services.guards import ensure_minutes_editable
from sst_desktop.services.minute_records import (
    CORRECT_RECORD,
    MinuteRecord,
    ReferenceRecord,
    _get,
    _previous_meeting,
    _record_of,
)
from sst_desktop.services.outcome import Changed
from sst_desktop.services.records import Change
from sst_desktop.services.validation import as_text, optional
from sst_desktop.storage.engine import Database

MINUTE_BOOK_LATER = "The Chair reported that the Minute book would be signed at a future meeting."
SUBJECT_TO_MAX = 2000


@dataclass(frozen=True)
class MinuteFormPatch:
    """The form fields of a minute an edit sets: ``MinuteFormPatch(moved_by="Councillor Hardy")``."""

    moved_by: str | Unset = UNSET
    seconded_by: str | Unset = UNSET
    decision_reasons: str | Unset = UNSET
    alternative_options: str | Unset = UNSET
    references_inline: bool | Unset = UNSET
    confirms_two_meetings: bool | Unset = UNSET
    confirmed_subject_to: str | Unset = UNSET
    minute_book_later: bool | Unset = UNSET


@dataclass(frozen=True)
class TypedReference:
    """A minute from before these records: "Minute No. 12 of the meeting of the Cabinet held on …".
    ``committee`` is empty for the minute's own committee."""

    meeting_date: date
    number: int | None = None
    committee: str = ""
    resolution_number: int | None = None


def _validated(fields: dict[str, object]) -> dict[str, object]:
    """The values of a form edit, checked: the one place they are validated."""
    values: dict[str, object] = {}
    for name, label in (("moved_by", "Who moved it"), ("seconded_by", "Who seconded it")):
        if name in fields:
            values[name] = optional(as_text(fields[name]), label, field=name, max_length=200)
    for name, label in (
        ("decision_reasons", "The reasons for the decision"),
        ("alternative_options", "The alternative options"),
    ):
        if name in fields:
            values[name] = optional(as_text(fields[name]), label, field=name, multiline=True)
    if "confirmed_subject_to" in fields:
        values["confirmed_subject_to"] = optional(
            as_text(fields["confirmed_subject_to"]),
            "What the record is confirmed subject to",
            field="confirmed_subject_to",
            max_length=SUBJECT_TO_MAX,
        )
    for name in ("references_inline", "confirms_two_meetings", "minute_book_later"):
        if name in fields:
            values[name] = bool(fields[name])
    return values


def update_minute_form(db: Database, minute_id: int, patch: MinuteFormPatch) -> Change[MinuteRecord]:
    """Change the form fields ``patch`` sets; undo puts back what they were."""
    values = _validated(given(patch))
    with db.write() as session:
        minute = _get(session, minute_id)
        ensure_minutes_editable(session, minute.meeting_id)
        before = _record_of(session, minute)
        for key, value in values.items():
            setattr(minute, key, value)
        session.flush()
        revert = reverting(patch, before)
        return Change(
            before,
            _record_of(session, minute),
            Changed.MINUTES,
            lambda db: update_minute_form(db, minute_id, revert),
        )


def form_patch(record: MinuteRecord) -> MinuteFormPatch:
    """Every form field of ``record`` (putting back a deleted minute)."""
    return MinuteFormPatch(
        moved_by=record.moved_by,
        seconded_by=record.seconded_by,
        decision_reasons=record.decision_reasons,
        alternative_options=record.alternative_options,
        references_inline=record.references_inline,
        confirms_two_meetings=record.confirms_two_meetings,
        confirmed_subject_to=record.confirmed_subject_to,
        minute_book_later=record.minute_book_later,
    )


def apply_form(minute: Minute, record: MinuteRecord) -> None:
    """Copy ``record``'s form fields onto a minute being put back (already validated once)."""
    for key, value in given(form_patch(record)).items():
        setattr(minute, key, value)


# ---------------------------------------------------------------------------------------------- confirming


def meetings_confirmed(session: Session, minute: Minute) -> list[Meeting]:
    """The meetings a Minutes of Previous Meeting item confirms, earliest first: the previous one,
    and the one before it when the item confirms two."""
    found: list[Meeting] = []
    meeting = minute.meeting
    for _ in range(2 if minute.confirms_two_meetings else 1):
        previous = _previous_meeting(session, meeting)
        if previous is None:
            break
        found.insert(0, previous)
        meeting = previous
    return found


def correct_record_text(dates: list[date], subject_to: str = "") -> str:
    """ "the Minutes of the meetings held on 10 March 2022 and 17 March 2022 be confirmed as a correct
    record subject to …"."""
    if len(dates) > 1:
        text = CORRECT_RECORD.replace("the meeting held", "the meetings held").format(
            date=join_names(plain_date(d) for d in dates)
        )
    else:
        text = CORRECT_RECORD.format(date=plain_date(dates[0]))
    subject_to = " ".join(subject_to.split()).rstrip(" .;")
    if subject_to:
        if not subject_to.casefold().startswith("subject to"):
            subject_to = "subject to " + subject_to
        text += " " + subject_to
    return text


def is_correct_record_resolution(text: str) -> bool:
    """Whether a resolution is the one confirming earlier minutes (whatever dates and correction)."""
    words = " ".join(text.split()).casefold()
    return words.startswith("the minutes of the meeting") and "confirmed as a correct record" in words


# ---------------------------------------------------------------------------------------------- references


def add_typed_reference(db: Database, minute_id: int, typed: TypedReference) -> Change[MinuteRecord]:
    """Refer to a minute from before these records, as typed; undo removes the reference."""
    committee = optional(typed.committee, "The committee", field="committee", max_length=200)
    number = _positive(typed.number, "The minute number", "number")
    resolution = _positive(typed.resolution_number, "The resolution number", "resolution_number")
    if not isinstance(typed.meeting_date, date):
        raise ValidationError("The date of the meeting must be a date.", field="meeting_date")
    with db.write() as session:
        minute = _get(session, minute_id)
        ensure_minutes_editable(session, minute.meeting_id)
        if typed.meeting_date >= minute.meeting.date:
            raise ValidationError(
                "A minute can refer only to a minute of an earlier meeting.", field="meeting_date"
            )
        before = _record_of(session, minute)
        reference = MinuteReference(
            minute_id=minute.id,
            referenced_minute_id=None,
            typed_committee=committee,
            typed_date=typed.meeting_date,
            typed_number=number,
            resolution_number=resolution,
        )
        minute.references.append(reference)
        session.flush()
        added = reference.id
        from sst_desktop.services.minute_references import remove_reference

        return Change(
            before, _record_of(session, minute), Changed.MINUTES, lambda db: remove_reference(db, added)
        )


def typed_reference(record: ReferenceRecord) -> TypedReference:
    """What ``add_typed_reference`` needs to put back a typed reference."""
    return TypedReference(
        meeting_date=record.meeting_date,
        number=record.number,
        committee=record.committee_name,
        resolution_number=record.resolution_number,
    )


def check_resolution_number(target: Minute, resolution_number: int | None) -> int | None:
    """A resolution of the minute referred to, by its number (1 = the first)."""
    number = _positive(resolution_number, "The resolution number", "resolution_number")
    if number is not None and number > len(target.resolutions):
        count = len(target.resolutions)
        has = f"has {count} resolution{'s' if count != 1 else ''}" if count else "has no resolutions"
        raise ValidationError(
            f"That minute {has}: there is no Resolution {number}.", field="resolution_number"
        )
    return number


def _positive(value: int | None, label: str, field: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError(f"{label} must be a whole number from 1 up.", field=field)
    return value


def get_reference(session: Session, reference_id: int) -> MinuteReference:
    reference = session.get(MinuteReference, reference_id)
    if reference is None:
        raise NotFoundError(f"There is no minute reference with id {reference_id}.")
    return reference
