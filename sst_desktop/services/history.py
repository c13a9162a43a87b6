"""The history of a minute or an action, from the audit trail: who changed what, when, from what to what.

A minute's history includes its resolutions (also deleted ones); an action's includes its progress
updates. Records are newest first; times are UTC as stored (``local_time`` converts for display).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from sst_desktop.domain import Action, ActionUpdate, AuditEntry, Minute, Organisation, Person, Resolution
from sst_desktop.domain.enums import ActionKind, ActionStatus, MinuteOutcome
from sst_desktop.services.errors import NotFoundError
from sst_desktop.storage.engine import Database

ENTITY_NAMES = {
    Minute.__tablename__: "Minute",
    Resolution.__tablename__: "Resolution",
    Action.__tablename__: "Action",
    ActionUpdate.__tablename__: "Progress update",
}
FIELD_LABELS = {
    "text": "Text",
    "heading": "Heading",
    "public_summary": "Public summary",
    "outcome": "Outcome",
    "number": "Minute number",
    "position": "Position",
    "agenda_item_id": "Agenda item",
    "meeting_id": "Meeting",
    "minute_id": "Minute",
    "reference": "Reference",
    "kind": "Kind",
    "committee_id": "Committee",
    "response": "Response",
    "owner_person_id": "Owner",
    "owner_text": "Owner (as typed)",
    "organisation_id": "Organisation",
    "due_date": "Due date",
    "due_next_meeting": "Due at next meeting",
    "status": "Status",
    "completed_on": "Completed on",
    "action_id": "Action",
    "on": "Date",
    "author": "Author",
    "confirmed": "Previous minutes confirmed",
    "reason": "Reason",
}
OPERATION_LABELS = {
    "insert": "Added",
    "update": "Changed",
    "delete": "Deleted",
    "confirm": "Confirmed previous minutes",
    "withdraw": "Withdrew confirmation",
}
_ENUMS = {"status": ActionStatus, "outcome": MinuteOutcome, "kind": ActionKind}
# Fields that only say where a row sits; shown in the history but not in the one-line summary.
_QUIET = {"position", "meeting_id", "minute_id", "committee_id", "action_id", "agenda_item_id"}


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class HistoryRecord:
    id: int
    at: datetime  # UTC, naive, as stored
    user: str
    entity: str  # table name
    entity_id: int
    operation: str  # insert / update / delete
    changes: tuple[FieldChange, ...]

    @property
    def subject(self) -> str:
        return ENTITY_NAMES.get(self.entity, self.entity)

    @property
    def action_label(self) -> str:
        return OPERATION_LABELS.get(self.operation, self.operation)

    @property
    def summary(self) -> str:
        """ "Changed Text", "Added", "Deleted" — what a row of the history view says."""
        if self.operation != "update":
            return f"{self.action_label} {self.subject.lower()}"
        shown = [c.label for c in self.changes if c.field not in _QUIET] or [c.label for c in self.changes]
        return f"Changed {', '.join(shown).lower()}" if shown else "Changed"

    @property
    def local_at(self) -> datetime:
        return local_time(self.at)


def local_time(at: datetime) -> datetime:
    """A stored UTC time in this computer's time zone (naive)."""
    return at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def minute_history(db: Database, minute_id: int) -> list[HistoryRecord]:
    """Changes to a minute and to its resolutions, newest first."""
    with db.read() as session:
        if session.get(Minute, minute_id) is None and not _has_entries(
            session, Minute.__tablename__, minute_id
        ):
            raise NotFoundError(f"There is no minute with id {minute_id}.")
        children = _child_ids(session, Resolution, Resolution.minute_id, "minute_id", minute_id)
        return _records(session, Minute.__tablename__, minute_id, Resolution.__tablename__, children)


def action_history(db: Database, action_id: int) -> list[HistoryRecord]:
    """Changes to an action and to its progress updates, newest first."""
    with db.read() as session:
        if session.get(Action, action_id) is None and not _has_entries(
            session, Action.__tablename__, action_id
        ):
            raise NotFoundError(f"There is no action with id {action_id}.")
        children = _child_ids(session, ActionUpdate, ActionUpdate.action_id, "action_id", action_id)
        return _records(session, Action.__tablename__, action_id, ActionUpdate.__tablename__, children)


def entity_history(db: Database, entity: str, entity_id: int) -> list[HistoryRecord]:
    """Changes to one row of a tracked table (``minutes``, ``resolutions``, ``actions``, ``action_updates``)."""
    if entity not in ENTITY_NAMES:
        raise NotFoundError(f"There is no history kept for {entity}.")
    with db.read() as session:
        return _records(session, entity, entity_id, None, set())


def _has_entries(session: Session, entity: str, entity_id: int) -> bool:
    return (
        session.scalar(
            select(AuditEntry.id)
            .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
            .limit(1)
        )
        is not None
    )


def _child_ids(
    session: Session, model: type, parent_column: Any, parent_field: str, parent_id: int
) -> set[int]:
    """Children now under the parent, and those the trail shows under it (deleted or moved away)."""
    ids = set(session.scalars(select(model.id).where(parent_column == parent_id)))  # type: ignore[attr-defined]
    pattern = f'%"{parent_field}": [%'
    for entity_id, changes in session.execute(
        select(AuditEntry.entity_id, AuditEntry.changes).where(
            AuditEntry.entity == model.__tablename__,  # type: ignore[attr-defined]
            AuditEntry.changes.like(pattern),
        )
    ):
        values = json.loads(changes).get(parent_field, [None, None])
        if parent_id in values:
            ids.add(entity_id)
    return ids


def _records(
    session: Session, entity: str, entity_id: int, child_entity: str | None, child_ids: set[int]
) -> list[HistoryRecord]:
    condition = and_(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
    if child_entity and child_ids:
        condition = or_(
            condition, and_(AuditEntry.entity == child_entity, AuditEntry.entity_id.in_(sorted(child_ids)))
        )
    entries = list(session.scalars(select(AuditEntry).where(condition).order_by(AuditEntry.id.desc())))
    names = _Names(session)
    return [
        HistoryRecord(
            id=e.id,
            at=e.at,
            user=e.user,
            entity=e.entity,
            entity_id=e.entity_id,
            operation=e.operation,
            changes=tuple(
                FieldChange(
                    key, FIELD_LABELS.get(key, key.replace("_", " ").capitalize()), *names.pair(key, pair)
                )
                for key, pair in _loads(e.changes).items()
                if e.operation == "update" or key not in _QUIET  # where a new row sits is not news
            ),
        )
        for e in entries
    ]


def _loads(text: str) -> dict[str, list[Any]]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


class _Names:
    """Turns stored values into what a person reads: names for people, labels for statuses."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.cache: dict[tuple[str, Any], str] = {}

    def pair(self, key: str, pair: Any) -> tuple[str, str]:
        old, new = [*pair, None, None][:2] if isinstance(pair, list) else (None, pair)
        return self.show(key, old), self.show(key, new)

    def show(self, key: str, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "Yes" if value else "No"
        if key in _ENUMS:
            try:
                return _ENUMS[key](value).label
            except ValueError:
                return str(value)
        if key in ("owner_person_id", "organisation_id") and isinstance(value, int):
            if (key, value) not in self.cache:
                self.cache[(key, value)] = self._name(key, value)
            return self.cache[(key, value)]
        return str(value)

    def _name(self, key: str, value: int) -> str:
        if key == "owner_person_id":
            person = self.session.get(Person, value)
            if person is not None:
                return " ".join(p for p in (person.title, person.first_name, person.last_name) if p)
        else:
            organisation = self.session.get(Organisation, value)
            if organisation is not None:
                return organisation.name
        return f"#{value}"
