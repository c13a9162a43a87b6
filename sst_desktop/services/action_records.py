"""Actions as the windows and documents see them: the records, and reading them (one, a committee's
open ones, a minute's, the whole log)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from sst_desktop.domain import Action, ActionUpdate, Committee, Meeting, Minute, Organisation, Person
from sst_desktop.domain.enums import ActionKind, ActionStatus
from sst_desktop.services.errors import NotFoundError
from sst_desktop.services.guards import for_change
from sst_desktop.storage.engine import Database

DONE_STATUSES = frozenset(s for s in ActionStatus if s.is_done)
OPEN_STATUSES = frozenset(s for s in ActionStatus if not s.is_done)
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


def _get(session: Session, action_id: int) -> Action:
    action = for_change(session, Action, action_id)
    if action is None:
        raise NotFoundError(f"There is no action with id {action_id}.")
    return action


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


def version_stamp(value: object) -> str:
    """An ``updated_at`` as text ("2024-01-05 10:31:07.123456"), the same from every driver."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    text = str(value or "").replace("T", " ")
    if len(text) == 19:
        text += ".000000"
    return text
