"""Actions from minutes and scrutiny recommendations: who will do what by when, and how it is going.

Rules:
- every action has a unique reference "SST/2022/004": the committee's short name, the year of the
  meeting it came from, and a sequence number within that committee and year;
- an action's wording and owner belong to the minutes: once those minutes are confirmed they no
  longer change. Its status, due date, response and progress updates stay live (the log is worked on
  between meetings);
- "completed" always carries the date it was done (today unless told);
- overdue is derived: a due date that has passed on an action that is not done.

A recommendation (kind ``recommendation``) is tracked the same way: the recommendation is the text,
the response is ``response``, progress goes in updates, and signing it off completes it.

This module records and edits actions; the records and reading them are in ``action_records``, the
progress updates in ``action_updates`` (both also reachable here, as ``actions.X``), and the edits
of a returned spreadsheet in ``action_sheet_edits``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import and_, func, select, update
from sqlalchemy.orm import Session

from sst_desktop.domain import Action, Committee, Meeting, Minute, Person
from sst_desktop.domain.base import utcnow
from sst_desktop.domain.enums import ActionKind, ActionStatus
from sst_desktop.domain.field_wording import field_lines
from sst_desktop.domain.patch import UNSET, Unset, given, reverting
from sst_desktop.domain.plain_text import clean_text
from sst_desktop.services.action_fields import (
    TEXT_LIMIT,
    check_people,
    check_reference_free,
    complete_status,
    parse_status,
    validated_fields,
)
from sst_desktop.services.action_records import (
    DONE_STATUSES,
    OPEN_STATUSES,
    UPDATE_LIMIT,
    ActionRecord,
    ActionUpdateRecord,
    _get,
    _record,
    _update_record,
    _update_row,
    find_action,
    get_action,
    list_actions,
    list_actions_for_meeting,
    list_actions_for_minute,
    list_recommendations,
    list_updates,
    open_actions_for_committee,
    version_stamp,
)
from sst_desktop.services.action_updates import add_update, delete_update, restore_update
from sst_desktop.services.errors import NotFoundError, ServiceError, ValidationError
from sst_desktop.services.guards import (
    ensure_minutes_editable,
    for_change,
    refuse_if_changed_since,
    refuse_if_row_changed,
    take_turns,
)
from sst_desktop.services.outcome import Changed, Outcome
from sst_desktop.services.records import Change
from sst_desktop.services.validation import required
from sst_desktop.storage.engine import Database

__all__ = [
    "DONE_STATUSES",
    "MINUTES_FIELDS",
    "OPEN_STATUSES",
    "TEXT_LIMIT",
    "UPDATE_LIMIT",
    "ActionPatch",
    "ActionRecord",
    "ActionUpdateRecord",
    "add_update",
    "create_action",
    "delete_action",
    "delete_update",
    "find_action",
    "get_action",
    "list_actions",
    "list_actions_for_meeting",
    "list_actions_for_minute",
    "list_recommendations",
    "list_updates",
    "next_reference",
    "open_actions_for_committee",
    "parse_status",
    "reference_prefix",
    "restore_action",
    "restore_update",
    "set_action_text",
    "set_due",
    "set_owner",
    "set_status",
    "sign_off",
    "update_action",
    "version_stamp",
]

# Fields that are part of the minutes: refused once the minutes are confirmed.
MINUTES_FIELDS = frozenset(
    {"text", "owner_person_id", "owner_text", "organisation_id", "kind", "minute_id", "position"}
)
# How an action's fields are shown to an officer (the owner whichever way it is recorded).
SHOWN_AS = {"owner_person_id": "owner", "owner_text": "owner", "due_next_meeting": "due_date"}


# References ---------------------------------------------------------------------------------------

_SAFE_SHORT = re.compile(r"\s+")


def reference_prefix(short_name: str, year: int) -> str:
    return f"{_SAFE_SHORT.sub('', short_name)}/{year}/"


def next_reference(session: Session, short_name: str, year: int) -> str:
    """The next free reference for a committee and year: "SST/2022/001", "SST/2022/002"…"""
    prefix = reference_prefix(short_name, year)
    take_turns(session, f"action reference {prefix}")  # two officers never get the same one
    existing = session.scalars(
        select(Action.reference).where(func.substr(Action.reference, 1, len(prefix)) == prefix)
    ).all()
    numbers = [int(ref[len(prefix) :]) for ref in existing if ref[len(prefix) :].isdigit()]
    return f"{prefix}{(max(numbers, default=0) + 1):03d}"


# Writing ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionPatch:
    """The action fields an edit sets (see ``patch``). Wording, owner and place in the minutes are
    refused once the minutes are confirmed; the rest stays open to change."""

    text: str | Unset = UNSET
    response: str | Unset = UNSET
    owner_person_id: int | Unset | None = UNSET
    owner_text: str | Unset = UNSET
    organisation_id: int | Unset | None = UNSET
    kind: ActionKind | Unset = UNSET
    minute_id: int | Unset | None = UNSET
    position: int | Unset = UNSET
    due_date: date | Unset | None = UNSET
    due_next_meeting: bool | Unset = UNSET
    status: ActionStatus | Unset = UNSET
    completed_on: date | Unset | None = UNSET


def create_action(
    db: Database,
    *,
    text: str,
    committee_id: int | None = None,
    meeting_id: int | None = None,
    minute_id: int | None = None,
    kind: ActionKind | str = ActionKind.ACTION,
    response: str = "",
    owner_person_id: int | None = None,
    owner_text: str = "",
    organisation_id: int | None = None,
    due_date: date | None = None,
    due_next_meeting: bool = False,
    status: ActionStatus | str = ActionStatus.OPEN,
    completed_on: date | None = None,
    reference: str | None = None,
    position: int | None = None,
) -> Change[ActionRecord]:
    """Record an action (or a recommendation). The committee and meeting follow from the minute
    when one is given. The organisation defaults to the owner's. Undo removes it again."""
    values = validated_fields(
        {
            "text": text,
            "kind": kind,
            "response": response,
            "owner_text": owner_text,
            "due_date": due_date,
            "due_next_meeting": due_next_meeting,
            "status": status,
            "completed_on": completed_on,
        },
        partial=False,
    )
    with db.write() as session:
        if minute_id is not None:
            minute = session.get(Minute, minute_id)
            if minute is None:
                raise NotFoundError(f"There is no minute with id {minute_id}.")
            if meeting_id is not None and meeting_id != minute.meeting_id:
                raise ValidationError("That minute belongs to another meeting.", field="minute_id")
            meeting_id = minute.meeting_id
        meeting: Meeting | None = None
        if meeting_id is not None:
            meeting = ensure_minutes_editable(session, meeting_id)
            if committee_id is not None and committee_id != meeting.committee_id:
                raise ValidationError("That meeting belongs to another committee.", field="committee_id")
            committee_id = meeting.committee_id
        if committee_id is None:
            raise ValidationError("An action belongs to a committee or a meeting.", field="committee_id")
        committee = session.get(Committee, committee_id)
        if committee is None:
            raise NotFoundError(f"There is no committee with id {committee_id}.")
        check_people(session, owner_person_id, organisation_id)
        if organisation_id is None and owner_person_id is not None:
            organisation_id = session.get(Person, owner_person_id).organisation_id  # type: ignore[union-attr]
        complete_status(values)
        if reference is None:
            year = meeting.date.year if meeting is not None else date.today().year
            reference = next_reference(session, committee.short_name, year)
        else:
            reference = required(reference, "The reference", field="reference", max_length=40)
            check_reference_free(session, reference)
        if position is None:
            position = (
                session.scalar(
                    select(func.max(Action.position)).where(
                        Action.minute_id == minute_id
                        if minute_id is not None
                        else and_(Action.committee_id == committee_id, Action.minute_id.is_(None))
                    )
                )
                or 0
            ) + 1
        action = Action(
            reference=reference,
            committee_id=committee_id,
            meeting_id=meeting_id,
            minute_id=minute_id,
            owner_person_id=owner_person_id,
            organisation_id=organisation_id,
            position=position,
            **values,
        )
        session.add(action)
        session.flush()
        return _created(_record(session, action.id))


def update_action(
    db: Database, action_id: int, patch: ActionPatch, based_on: ActionPatch | None = None
) -> Change[ActionRecord]:
    """Change the fields ``patch`` sets; undo puts back what they were. Wording and owner are refused
    once the action's minutes are confirmed; status, due date, response and progress stay open.
    With ``based_on`` (the values of those fields the officer's copy had), a field another officer
    changed since is not overwritten (``EditConflictError``); the undo is based on the values this
    change left, so it never takes back a later edit either."""
    values = validated_fields(given(patch), partial=True)
    with db.write() as session:
        action = for_change(session, Action, action_id)
        if action is None:
            raise NotFoundError(f"There is no action with id {action_id}.")
        if based_on is not None:
            refuse_if_row_changed(
                session,
                action,
                validated_fields(given(based_on), partial=True),
                values,
                action.reference,
                field_lines(_record(session, action_id), given(based_on), SHOWN_AS),
            )
        before = _record(session, action_id)
        revert = reverting(patch, before)
        if "status" in values or "completed_on" in values:
            status = values.get("status", action.status)
            assert isinstance(status, ActionStatus)
            on = values.get("completed_on")
            if on is None and action.status.is_done and status.is_done:
                on = action.completed_on  # still done: keep the date it was done
            merged: dict[str, object] = {"status": status, "completed_on": on}
            complete_status(merged)
            values.update(merged)
            # the date it was done follows the status: undo puts back both as they were
            revert = replace(revert, status=before.status, completed_on=before.completed_on)
        changed = {k: v for k, v in values.items() if getattr(action, k) != v}
        if MINUTES_FIELDS & changed.keys() and action.meeting_id is not None:
            ensure_minutes_editable(session, action.meeting_id)
        if "minute_id" in changed and changed["minute_id"] is not None:
            minute = session.get(Minute, changed["minute_id"])
            if minute is None or minute.meeting_id != action.meeting_id:
                raise ValidationError("An action can only move to another minute of its meeting.")
        check_people(session, changed.get("owner_person_id"), changed.get("organisation_id"))
        if not changed:
            return Change(before, before)
        for key, value in changed.items():
            setattr(action, key, value)
        action.updated_at = utcnow()
        session.flush()
        after = _record(session, action_id)
        return Change(
            before,
            after,
            Changed.ACTIONS,
            lambda db: update_action(db, action_id, revert, based_on=reverting(revert, after)),
        )


def set_action_text(db: Database, action_id: int, text: str, based_on: str | None = None) -> Outcome[str]:
    """Save an action's wording while the officer types it: one small UPDATE (refused, like any change
    of wording, once its minutes are confirmed). The value is the text stored; undo puts back the
    wording it replaced. With ``based_on``, wording another officer saved since is not overwritten
    (``EditConflictError``), and the undo is based on the wording saved here."""
    value = required(text, "The action", field="text", max_length=TEXT_LIMIT, multiline=True)
    with db.write() as session:
        found = session.execute(
            select(Action.meeting_id, Action.text, Action.reference, Action.updated_at)
            .where(Action.id == action_id)
            .with_for_update()
        ).first()
        if found is None:
            raise NotFoundError(f"There is no action with id {action_id}.")
        meeting_id, before, reference, changed_at = found
        if meeting_id is not None:
            ensure_minutes_editable(session, meeting_id)
        if based_on is not None:
            refuse_if_changed_since(
                session,
                Action.__tablename__,
                action_id,
                stored={"text": before},
                based_on={"text": clean_text(based_on)},
                wanted={"text": value},
                changed_at=changed_at,
                what=f"the wording of {reference}",
            )
        session.execute(
            update(Action)
            .where(Action.id == action_id)
            .values(text=value, updated_at=utcnow())
            .execution_options(synchronize_session=False)
        )
    return Outcome(value, Changed.ACTIONS, lambda db: set_action_text(db, action_id, before, based_on=value))


def set_status(
    db: Database,
    action_id: int,
    status: ActionStatus | str,
    completed_on: date | None = None,
    based_on: ActionStatus | None = None,
) -> Change[ActionRecord]:
    """Move an action to ``status`` (its value or label). Completed (and closed) carry a date, today
    unless given; undo puts back the status and the date it had. With ``based_on`` (the status the
    officer saw), a status another officer set since is not overwritten (``EditConflictError``)."""
    return update_action(
        db,
        action_id,
        ActionPatch(status=parse_status(status), completed_on=completed_on),
        ActionPatch(status=based_on) if based_on is not None else None,
    )


def set_due(
    db: Database, action_id: int, due: date | None, based_on: ActionPatch | None = None
) -> Change[ActionRecord]:
    """Give an action a due date; with none, it stays due at the next meeting if it was. With
    ``based_on`` (the due date the officer saw), one set since is not overwritten."""
    with db.write():
        before = get_action(db, action_id)
        return update_action(
            db,
            action_id,
            ActionPatch(due_date=due, due_next_meeting=before.due_next_meeting and due is None),
            based_on,
        )


def set_owner(
    db: Database,
    action_id: int,
    person_id: int | None,
    owner_text: str = "",
    organisation_id: int | None = None,
) -> Change[ActionRecord]:
    """Give an action to a person in the directory, or (``person_id`` None) to an owner as typed;
    the organisation is the person's unless given. Refused once its minutes are confirmed."""
    with db.write() as session:
        if organisation_id is None and person_id is not None:
            person = session.get(Person, person_id)
            organisation_id = person.organisation_id if person is not None else None
        return update_action(
            db,
            action_id,
            ActionPatch(
                owner_person_id=person_id,
                owner_text="" if person_id is not None else owner_text,
                organisation_id=organisation_id,
            ),
        )


def sign_off(db: Database, action_id: int, on: date | None = None) -> Change[ActionRecord]:
    """Sign off a recommendation (or complete an action)."""
    return set_status(db, action_id, ActionStatus.COMPLETED, on)


def delete_action(db: Database, action_id: int) -> Change[ActionRecord]:
    """Remove an action and its updates. Refused when it belongs to confirmed minutes. Undo puts
    both back as they were (same ids)."""
    with db.write() as session:
        action = _get(session, action_id)
        if action.meeting_id is not None:
            ensure_minutes_editable(session, action.meeting_id)
        before = _record(session, action_id)
        updates = tuple(_update_record(u) for u in action.updates)
        session.delete(action)
        return Change(before, None, Changed.ACTIONS, lambda db: restore_action(db, before, updates))


def restore_action(
    db: Database, record: ActionRecord, updates: tuple[ActionUpdateRecord, ...] = ()
) -> Change[ActionRecord]:
    """Put back an action removed by ``delete_action``, with its id, reference and progress updates
    (redo of recording it)."""
    values = validated_fields(
        {name: getattr(record, name) for name in ("text", "kind", "response", "owner_text", "status")}
        | {"due_date": record.due_date, "due_next_meeting": record.due_next_meeting}
        | {"completed_on": record.completed_on},
        partial=False,
    )
    with db.write() as session:
        if session.get(Action, record.id) is not None:
            raise ServiceError(f"{record.reference} is already there.")
        if record.meeting_id is not None:
            ensure_minutes_editable(session, record.meeting_id)
        check_reference_free(session, record.reference)
        check_people(session, record.owner_person_id, record.organisation_id)
        session.add(
            Action(
                id=record.id,
                reference=record.reference,
                committee_id=record.committee_id,
                meeting_id=record.meeting_id,
                minute_id=record.minute_id,
                owner_person_id=record.owner_person_id,
                organisation_id=record.organisation_id,
                position=record.position,
                **values,
            )
        )
        session.flush()
        session.add_all(_update_row(u) for u in updates)
        session.flush()
        return _created(_record(session, record.id))


def _created(record: ActionRecord) -> Change[ActionRecord]:
    return Change(None, record, Changed.ACTIONS, lambda db: delete_action(db, record.id))
