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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import Select, and_, func, select, update
from sqlalchemy.orm import Session, aliased

from sst_desktop.domain import Action, ActionUpdate, Committee, Meeting, Minute, Organisation, Person
from sst_desktop.domain.base import utcnow
from sst_desktop.domain.enums import ActionKind, ActionStatus
from sst_desktop.services.errors import NotFoundError, ServiceError, ValidationError
from sst_desktop.services.guards import ensure_minutes_editable, for_change, take_turns
from sst_desktop.services.jobs import JobHooks
from sst_desktop.services.outcome import Changed, Outcome
from sst_desktop.services.patch import UNSET, Unset, given, reverting
from sst_desktop.services.records import Change
from sst_desktop.services.validation import optional, required
from sst_desktop.storage.engine import Database

DONE_STATUSES = frozenset(s for s in ActionStatus if s.is_done)
OPEN_STATUSES = frozenset(s for s in ActionStatus if not s.is_done)

# Fields that are part of the minutes: refused once the minutes are confirmed.
MINUTES_FIELDS = frozenset(
    {"text", "owner_person_id", "owner_text", "organisation_id", "kind", "minute_id", "position"}
)
TEXT_LIMIT = 20_000
UPDATE_LIMIT = 10_000


@dataclass(frozen=True)
class ActionRecord:
    id: int
    reference: str
    kind: ActionKind
    committee_id: int
    committee_name: str
    committee_short_name: str
    meeting_id: int | None
    meeting_date: date | None
    minute_id: int | None
    minute_number: int | None
    text: str
    response: str
    owner_person_id: int | None
    owner_person_name: str
    owner_text: str
    organisation_id: int | None
    organisation_name: str
    due_date: date | None
    due_next_meeting: bool
    status: ActionStatus
    completed_on: date | None
    latest_update_text: str
    latest_update_on: date | None
    updated_at: datetime
    position: int = 0

    @property
    def owner(self) -> str:
        """Who the action is with, as people read it: the person, else the free text."""
        return self.owner_person_name or self.owner_text

    @property
    def is_done(self) -> bool:
        return self.status.is_done

    def overdue_on(self, as_of: date) -> bool:
        return self.due_date is not None and self.due_date < as_of and not self.status.is_done

    @property
    def is_overdue(self) -> bool:
        """Due date passed (today) and not done."""
        return self.overdue_on(date.today())

    @property
    def version(self) -> str:
        """The stamp an exported spreadsheet keeps to tell whether the action changed since."""
        return version_stamp(self.updated_at)

    @property
    def is_recommendation(self) -> bool:
        return self.kind is ActionKind.RECOMMENDATION

    @property
    def signed_off(self) -> bool:
        """A recommendation is signed off when it is completed."""
        return self.status is ActionStatus.COMPLETED


@dataclass(frozen=True)
class ActionUpdateRecord:
    id: int
    action_id: int
    on: date
    text: str
    author: str
    created_at: datetime


# Reading ------------------------------------------------------------------------------------------


def _record_query() -> Select:
    owner = aliased(Person)
    latest = aliased(ActionUpdate)
    latest_id = (
        select(latest.id)
        .where(latest.action_id == Action.id)
        .order_by(latest.on.desc(), latest.id.desc())
        .limit(1)
        .correlate(Action)
        .scalar_subquery()
    )
    return (
        select(
            Action,
            Committee.name,
            Committee.short_name,
            Meeting.date,
            Minute.number,
            owner.first_name,
            owner.last_name,
            Organisation.name,
            ActionUpdate.text,
            ActionUpdate.on,
        )
        .join(Committee, Committee.id == Action.committee_id)
        .outerjoin(Meeting, Meeting.id == Action.meeting_id)
        .outerjoin(Minute, Minute.id == Action.minute_id)
        .outerjoin(owner, owner.id == Action.owner_person_id)
        .outerjoin(Organisation, Organisation.id == Action.organisation_id)
        .outerjoin(ActionUpdate, ActionUpdate.id == latest_id)
    )


def _to_record(row) -> ActionRecord:  # type: ignore[no-untyped-def]
    action: Action = row[0]
    first, last = row[5], row[6]
    person_name = " ".join(p for p in (first, last) if p) if (first or last) else ""
    return ActionRecord(
        id=action.id,
        reference=action.reference,
        kind=action.kind,
        committee_id=action.committee_id,
        committee_name=row[1],
        committee_short_name=row[2],
        meeting_id=action.meeting_id,
        meeting_date=row[3],
        minute_id=action.minute_id,
        minute_number=row[4],
        text=action.text,
        response=action.response,
        owner_person_id=action.owner_person_id,
        owner_person_name=person_name,
        owner_text=action.owner_text,
        organisation_id=action.organisation_id,
        organisation_name=row[7] or "",
        due_date=action.due_date,
        due_next_meeting=action.due_next_meeting,
        status=action.status,
        completed_on=action.completed_on,
        latest_update_text=row[8] or "",
        latest_update_on=row[9],
        updated_at=action.updated_at,
        position=action.position,
    )


def _load(session: Session, *conditions, order=None) -> list[ActionRecord]:  # type: ignore[no-untyped-def]
    query = _record_query().where(*conditions)
    if order is None:
        order = (Meeting.date, Minute.number, Action.position, Action.id)
    query = query.order_by(*order)
    return [_to_record(row) for row in session.execute(query)]


def _record(session: Session, action_id: int) -> ActionRecord:
    found = _load(session, Action.id == action_id)
    if not found:
        raise NotFoundError(f"There is no action with id {action_id}.")
    return found[0]


def get_action(db: Database, action_id: int) -> ActionRecord:
    with db.read() as session:
        return _record(session, action_id)


def find_action(db: Database, reference: str) -> ActionRecord:
    """An action by its reference ("SST/2022/004"), ignoring case and surrounding spaces."""
    key = reference.strip()
    with db.read() as session:
        found = _load(session, func.upper(Action.reference) == key.upper())
    if not found:
        raise NotFoundError(f"There is no action with the reference “{reference}”.")
    return found[0]


def list_actions(
    db: Database,
    *,
    committee_id: int | None = None,
    kind: ActionKind | None = None,
    statuses: frozenset[ActionStatus] | set[ActionStatus] | None = None,
) -> list[ActionRecord]:
    """Actions as full records (for screens showing a few hundred; the log loads rows faster, see
    ``services.action_log``)."""
    conditions = []
    if committee_id is not None:
        conditions.append(Action.committee_id == committee_id)
    if kind is not None:
        conditions.append(Action.kind == kind)
    if statuses is not None:
        conditions.append(Action.status.in_(list(statuses)))
    with db.read() as session:
        return _load(session, *conditions)


def list_actions_for_minute(db: Database, minute_id: int) -> list[ActionRecord]:
    with db.read() as session:
        return _load(session, Action.minute_id == minute_id, order=(Action.position, Action.id))


def list_actions_for_meeting(db: Database, meeting_id: int) -> list[ActionRecord]:
    """Actions recorded at a meeting, in minute order."""
    with db.read() as session:
        return _load(
            session,
            Action.meeting_id == meeting_id,
            order=(Minute.position, Minute.number, Action.position, Action.id),
        )


def open_actions_for_committee(
    db: Database, committee_id: int, as_of: date | None = None
) -> list[ActionRecord]:
    """The committee's actions that are not done, from meetings held before ``as_of`` (a meeting's
    date, for its matters arising; by default today, i.e. every open action), oldest first."""
    conditions = [Action.committee_id == committee_id, Action.status.in_(list(OPEN_STATUSES))]
    if as_of is not None:
        conditions.append((Action.meeting_id.is_(None)) | (Meeting.date < as_of))
    with db.read() as session:
        return _load(session, *conditions)


def list_recommendations(db: Database, committee_id: int | None = None) -> list[ActionRecord]:
    return list_actions(db, committee_id=committee_id, kind=ActionKind.RECOMMENDATION)


def list_updates(db: Database, action_id: int) -> list[ActionUpdateRecord]:
    """The dated history of progress on an action, oldest first."""
    with db.read() as session:
        if session.get(Action, action_id) is None:
            raise NotFoundError(f"There is no action with id {action_id}.")
        rows = session.scalars(
            select(ActionUpdate)
            .where(ActionUpdate.action_id == action_id)
            .order_by(ActionUpdate.on, ActionUpdate.id)
        )
        return [_update_record(u) for u in rows]


def _update_record(update: ActionUpdate) -> ActionUpdateRecord:
    return ActionUpdateRecord(
        id=update.id,
        action_id=update.action_id,
        on=update.on,
        text=update.text,
        author=update.author,
        created_at=update.created_at,
    )


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
    values = _validated(
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
        _check_people(session, owner_person_id, organisation_id)
        if organisation_id is None and owner_person_id is not None:
            organisation_id = session.get(Person, owner_person_id).organisation_id  # type: ignore[union-attr]
        _complete_status(values)
        if reference is None:
            year = meeting.date.year if meeting is not None else date.today().year
            reference = next_reference(session, committee.short_name, year)
        else:
            reference = required(reference, "The reference", field="reference", max_length=40)
            _check_reference_free(session, reference)
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


def update_action(db: Database, action_id: int, patch: ActionPatch) -> Change[ActionRecord]:
    """Change the fields ``patch`` sets; undo puts back what they were. Wording and owner are refused
    once the action's minutes are confirmed; status, due date, response and progress stay open."""
    values = _validated(given(patch), partial=True)
    with db.write() as session:
        action = _get(session, action_id)
        before = _record(session, action_id)
        revert = reverting(patch, before)
        if "status" in values or "completed_on" in values:
            status = values.get("status", action.status)
            assert isinstance(status, ActionStatus)
            on = values.get("completed_on")
            if on is None and action.status.is_done and status.is_done:
                on = action.completed_on  # still done: keep the date it was done
            merged: dict[str, object] = {"status": status, "completed_on": on}
            _complete_status(merged)
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
        _check_people(session, changed.get("owner_person_id"), changed.get("organisation_id"))
        if not changed:
            return Change(before, before)
        for key, value in changed.items():
            setattr(action, key, value)
        action.updated_at = utcnow()
        session.flush()
        return Change(
            before,
            _record(session, action_id),
            Changed.ACTIONS,
            lambda db: update_action(db, action_id, revert),
        )


def set_action_text(db: Database, action_id: int, text: str) -> Outcome[str]:
    """Save an action's wording while the officer types it: one small UPDATE (refused, like any change
    of wording, once its minutes are confirmed). The value is the text stored; undo puts back the
    wording it replaced."""
    value = required(text, "The action", field="text", max_length=TEXT_LIMIT, multiline=True)
    with db.write() as session:
        found = session.execute(select(Action.meeting_id, Action.text).where(Action.id == action_id)).first()
        if found is None:
            raise NotFoundError(f"There is no action with id {action_id}.")
        meeting_id, before = found
        if meeting_id is not None:
            ensure_minutes_editable(session, meeting_id)
        session.execute(
            update(Action)
            .where(Action.id == action_id)
            .values(text=value, updated_at=utcnow())
            .execution_options(synchronize_session=False)
        )
    return Outcome(value, Changed.ACTIONS, lambda db: set_action_text(db, action_id, before))


def set_status(
    db: Database, action_id: int, status: ActionStatus | str, completed_on: date | None = None
) -> Change[ActionRecord]:
    """Move an action to ``status`` (its value or label). Completed (and closed) carry a date, today
    unless given; undo puts back the status and the date it had."""
    return update_action(db, action_id, ActionPatch(status=parse_status(status), completed_on=completed_on))


def set_due(db: Database, action_id: int, due: date | None) -> Change[ActionRecord]:
    """Give an action a due date; with none, it stays due at the next meeting if it was."""
    with db.write():
        before = get_action(db, action_id)
        return update_action(
            db,
            action_id,
            ActionPatch(due_date=due, due_next_meeting=before.due_next_meeting and due is None),
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


def add_update(
    db: Database, action_id: int, text: str, on: date | None = None, author: str = ""
) -> Outcome[ActionUpdateRecord]:
    """Add a dated line of progress (today unless told). Allowed at any time: the log is live.
    Undo removes it again."""
    text = required(text, "The update", field="text", max_length=UPDATE_LIMIT, multiline=True)
    author = optional(author, "The author", field="author", max_length=200)
    if on is None:
        on = date.today()
    elif not isinstance(on, date) or isinstance(on, datetime):
        raise ValidationError("The update's date must be a date.", field="on")
    with db.write() as session:
        action = _get(session, action_id)
        update = ActionUpdate(action_id=action_id, on=on, text=text, author=author)
        session.add(update)
        action.updated_at = utcnow()
        session.flush()
        return _update_added(_update_record(update))


def delete_update(db: Database, update_id: int) -> Outcome[ActionUpdateRecord]:
    """Remove a progress line; undo puts it back as it was."""
    with db.write() as session:
        update = session.get(ActionUpdate, update_id)
        if update is None:
            raise NotFoundError(f"There is no progress update with id {update_id}.")
        record = _update_record(update)
        action = _get(session, update.action_id)
        session.delete(update)
        action.updated_at = utcnow()
        return Outcome(record, Changed.ACTIONS, lambda db: restore_update(db, record))


def restore_update(db: Database, record: ActionUpdateRecord) -> Outcome[ActionUpdateRecord]:
    """Put back a progress line removed by ``delete_update``, with the same id (redo of adding it)."""
    with db.write() as session:
        action = _get(session, record.action_id)
        if session.get(ActionUpdate, record.id) is not None:
            raise ServiceError("That progress update is already there.")
        session.add(_update_row(record))
        action.updated_at = utcnow()
        session.flush()
        return _update_added(record)


def _update_added(record: ActionUpdateRecord) -> Outcome[ActionUpdateRecord]:
    return Outcome(record, Changed.ACTIONS, lambda db: delete_update(db, record.id))


def _update_row(record: ActionUpdateRecord) -> ActionUpdate:
    """The progress line ``record`` describes, as it was (same id and times)."""
    return ActionUpdate(
        id=record.id,
        action_id=record.action_id,
        on=record.on,
        text=record.text,
        author=record.author,
        created_at=record.created_at,
    )


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
    values = _validated(
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
        _check_reference_free(session, record.reference)
        _check_people(session, record.owner_person_id, record.organisation_id)
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


# Helpers ------------------------------------------------------------------------------------------


def _get(session: Session, action_id: int) -> Action:
    action = for_change(session, Action, action_id)
    if action is None:
        raise NotFoundError(f"There is no action with id {action_id}.")
    return action


def _check_reference_free(session: Session, reference: str) -> None:
    if session.scalar(select(Action.id).where(func.upper(Action.reference) == reference.upper())):
        raise ValidationError(f"Another action already has the reference “{reference}”.", field="reference")


def _check_people(session: Session, person_id: object, organisation_id: object) -> None:
    if person_id is not None and session.get(Person, person_id) is None:
        raise NotFoundError(f"There is no person with id {person_id}.")
    if organisation_id is not None and session.get(Organisation, organisation_id) is None:
        raise NotFoundError(f"There is no organisation with id {organisation_id}.")


def parse_status(value: object) -> ActionStatus:
    """A status from its value ("in_progress") or its label ("In progress"), any case."""
    if isinstance(value, ActionStatus):
        return value
    key = " ".join(str(value or "").replace("_", " ").split()).casefold()
    for status in ActionStatus:
        if key in (status.value.replace("_", " "), status.label.casefold()):
            return status
    labels = ", ".join(s.label for s in ActionStatus)
    raise ValidationError(f"“{value}” is not a status (one of: {labels}).", field="status")


def _complete_status(values: dict[str, object]) -> None:
    """Completed/closed carry a date (today unless given, never in the future); the others none."""
    status = values["status"]
    assert isinstance(status, ActionStatus)
    if status.is_done:
        on = values.get("completed_on") or date.today()
        if on > date.today():  # type: ignore[operator]
            raise ValidationError("The date it was done cannot be in the future.", field="completed_on")
        values["completed_on"] = on
    else:
        values["completed_on"] = None


def _validated(fields: dict[str, object], *, partial: bool) -> dict[str, object]:
    values: dict[str, object] = {}
    if not partial or "text" in fields:
        values["text"] = required(
            _s(fields.get("text")), "The action", field="text", max_length=TEXT_LIMIT, multiline=True
        )
    if not partial or "response" in fields:
        values["response"] = optional(
            _s(fields.get("response")),
            "The response",
            field="response",
            max_length=TEXT_LIMIT,
            multiline=True,
        )
    if not partial or "owner_text" in fields:
        values["owner_text"] = optional(
            _s(fields.get("owner_text")), "The owner", field="owner_text", max_length=300
        )
    if "kind" in fields:
        try:
            kind = fields["kind"]
            values["kind"] = kind if isinstance(kind, ActionKind) else ActionKind(str(kind))
        except ValueError as error:
            raise ValidationError(f"“{fields['kind']}” is not a kind of action.", field="kind") from error
    if "status" in fields:
        values["status"] = parse_status(fields["status"])
    for key, label in (("due_date", "The due date"), ("completed_on", "The date it was done")):
        if key in fields:
            value = fields[key]
            if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
                raise ValidationError(f"{label} must be a date.", field=key)
            values[key] = value
    if "due_next_meeting" in fields:
        values["due_next_meeting"] = bool(fields["due_next_meeting"])
    for key, label in (
        ("owner_person_id", "The owner"),
        ("organisation_id", "The organisation"),
        ("minute_id", "The minute"),
        ("position", "The position"),
    ):
        if key in fields:
            value = fields[key]
            if value in (None, "") and key != "position":
                values[key] = None
                continue
            try:
                values[key] = int(value)  # type: ignore[call-overload]
            except (TypeError, ValueError) as error:
                raise ValidationError(
                    f"{label} must be given by a whole number (an id).", field=key
                ) from error
    return values


def _s(value: object) -> str:
    return "" if value is None else str(value)


# Edits coming back from a spreadsheet ---------------------------------------------------------------


def version_stamp(value: object) -> str:
    """An ``updated_at`` as text ("2024-01-05 10:31:07.123456"), the same from every driver."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    text = str(value or "").replace("T", " ")
    if len(text) == 19:
        text += ".000000"
    return text


@dataclass(frozen=True)
class SheetEdit:
    """What a partner changed on one action in a returned spreadsheet, checked and ready to apply.

    ``version`` is the action's version when the change was previewed: if it moved since, the
    action was edited meanwhile and the whole batch is refused."""

    action_id: int
    reference: str
    version: str
    status: ActionStatus | None = None
    completed_on: date | None = None
    set_due: bool = False
    due_date: date | None = None
    new_updates: tuple[str, ...] = ()


def apply_sheet_edits(
    db: Database,
    edits: list[SheetEdit] | tuple[SheetEdit, ...],
    *,
    on: date | None = None,
    author: str = "",
    hooks: JobHooks | None = None,
) -> Outcome[int]:
    """Apply every edit in one transaction: all of them, or (on any error or cancel) none.
    New updates are dated ``on`` (today). The value is the number of actions changed; a whole
    import is not an undo step (the officer saw every change before applying it)."""
    hooks = hooks or JobHooks()
    on = on or date.today()
    author = optional(author, "The author", max_length=200)
    changed = 0
    with db.write() as session:
        for index, edit in enumerate(edits):
            action = for_change(session, Action, edit.action_id)
            if action is None:
                raise NotFoundError(
                    f"{edit.reference} no longer exists in SST Desktop; preview the file again."
                )
            if version_stamp(action.updated_at) != edit.version:
                raise ServiceError(
                    f"{edit.reference} was changed in SST Desktop after the preview; "
                    "nothing was imported. Preview the file again."
                )
            touched = False
            if edit.status is not None or edit.completed_on is not None:
                status = edit.status or action.status
                when = edit.completed_on
                if when is None and status.is_done and action.status.is_done:
                    when = action.completed_on
                merged: dict[str, object] = {"status": status, "completed_on": when}
                try:
                    _complete_status(merged)
                except ValidationError as error:
                    raise ValidationError(f"{edit.reference}: {error}") from error
                for key, value in merged.items():
                    if getattr(action, key) != value:
                        setattr(action, key, value)
                        touched = True
            if edit.set_due and (action.due_date != edit.due_date):
                action.due_date = edit.due_date
                if edit.due_date is not None:
                    action.due_next_meeting = False
                touched = True
            for text in edit.new_updates:
                text = required(text, "The update", max_length=UPDATE_LIMIT, multiline=True)
                session.add(ActionUpdate(action_id=action.id, on=on, text=text, author=author))
                touched = True
            if touched:
                action.updated_at = utcnow()
                changed += 1
            if index % 100 == 0:
                hooks.step(index, len(edits))
        session.flush()
    hooks.progress(len(edits), len(edits))
    return Outcome(changed, Changed.ACTIONS if changed else Changed.NOTHING)
