"""The audit trail: who changed a minute, resolution, action or action update, when, and from what to what.

Installed once for every SQLAlchemy session (``install()``, done when the engine module is imported):

- changes made through the unit of work (``session.add``, attribute edits, ``session.delete``, cascades)
  are recorded after each flush, when new rows have their ids and old values are still known;
- ORM bulk ``update(Minute)…`` / ``delete(...)`` statements (the minute text is saved that way while
  the officer types) are recorded around their execution: the affected rows are read before and after.

Each entry is written in the same transaction as the change it describes, so one never exists without
the other. ``changes`` is JSON ``{field: [old, new]}``; ``user`` is the database role on a server
(``session_user``), else the operating-system user (or the one set with ``acting_as``). Edits of the
same row by the same user within ``COALESCE_SECONDS`` are merged into one entry (first old value, last
new value), so typing a paragraph makes one entry, not one per pause; never across a change made in
between that the trail did not see (plain SQL, another program), whose replaced text would be hidden.
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any, cast

from sqlalchemy import Connection, Table, and_, delete, event, inspect, select, update
from sqlalchemy.orm import Mapper, ORMExecuteState, Session
from sqlalchemy.orm.attributes import get_history

from sst_desktop.domain import Action, ActionUpdate, AuditEntry, Minute, Resolution
from sst_desktop.domain.base import utcnow
from sst_desktop.storage.server import session_user

TRACKED: dict[type, str] = {
    Minute: Minute.__tablename__,
    Resolution: Resolution.__tablename__,
    Action: Action.__tablename__,
    ActionUpdate: ActionUpdate.__tablename__,
}
IGNORED_FIELDS = frozenset({"id", "created_at", "updated_at"})
COALESCE_SECONDS = 60

_acting_user: ContextVar[str | None] = ContextVar("sst_audit_user", default=None)
_installed = False
_audit = cast(Table, AuditEntry.__table__)


def current_user() -> str:
    """The person making changes: ``acting_as`` if set, else the operating-system user."""
    override = _acting_user.get()
    if override:
        return override
    try:
        name = getpass.getuser()
    except (KeyError, OSError, ImportError):
        name = os.environ.get("USERNAME") or os.environ.get("USER") or ""
    return (name or "unknown")[:200]


@contextmanager
def acting_as(user: str) -> Iterator[None]:
    """Record changes made inside the block as made by ``user``."""
    token = _acting_user.set(user)
    try:
        yield
    finally:
        _acting_user.reset(token)


def install() -> None:
    """Listen to every session (once per process)."""
    global _installed
    if _installed:
        return
    event.listen(Session, "after_flush", _after_flush)
    event.listen(Session, "do_orm_execute", _on_orm_execute)
    _installed = True


# Values -------------------------------------------------------------------------------------------
def plain(value: Any) -> Any:
    """A JSON-friendly form of a column value."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return f"<{len(bytes(value))} bytes>"
    return str(value)


def _fields(cls: type) -> list[str]:
    mapper: Mapper[Any] = inspect(cls)
    return [attr.key for attr in mapper.column_attrs if attr.key not in IGNORED_FIELDS]


def _row_values(obj: object) -> dict[str, Any]:
    return {key: plain(getattr(obj, key)) for key in _fields(type(obj))}


# Unit-of-work changes -----------------------------------------------------------------------------
def _after_flush(session: Session, _context: object) -> None:
    entries: list[dict[str, Any]] = []
    for obj in session.new:
        entity = TRACKED.get(type(obj))
        if entity is not None:
            values = _row_values(obj)
            changes = {k: [None, v] for k, v in values.items() if v not in (None, "")}
            entries.append(_entry(entity, obj.id, "insert", changes))
    for obj in session.dirty:
        entity = TRACKED.get(type(obj))
        if entity is None or obj in session.deleted:
            continue
        changes = {}
        for key in _fields(type(obj)):
            history = get_history(obj, key)
            if history.has_changes():
                old = plain(history.deleted[0]) if history.deleted else None
                new = plain(history.added[0]) if history.added else None
                if old != new:
                    changes[key] = [old, new]
        if changes:
            entries.append(_entry(entity, obj.id, "update", changes))
    for obj in session.deleted:
        entity = TRACKED.get(type(obj))
        if entity is not None:
            state = inspect(obj)
            values = {key: plain(state.attrs[key].loaded_value) for key in _fields(type(obj))}
            changes = {k: [v, None] for k, v in values.items() if v not in (None, "")}
            entries.append(_entry(entity, obj.id, "delete", changes))
    if entries:
        _write(session, entries)


def _entry(entity: str, entity_id: int, operation: str, changes: dict[str, list[Any]]) -> dict[str, Any]:
    return {"entity": entity, "entity_id": entity_id, "operation": operation, "changes": changes}


# Bulk statements ----------------------------------------------------------------------------------
def _on_orm_execute(state: ORMExecuteState) -> Any:
    if not (state.is_update or state.is_delete) or state.execution_options.get("sst_audit_skip"):
        return None
    mapper = state.bind_mapper
    cls = mapper.class_ if mapper is not None else None
    entity = TRACKED.get(cls) if cls is not None else None
    if entity is None:
        return None
    statement = state.statement
    table = mapper.local_table  # type: ignore[union-attr]
    fields = _fields(cls)  # type: ignore[arg-type]
    columns = [table.c.id, *(table.c[mapper.get_property(k).columns[0].key] for k in fields)]  # type: ignore[union-attr]
    connection = state.session.connection()

    def rows(where: Any) -> dict[int, dict[str, Any]]:
        query = select(*columns)
        if where is not None:
            query = query.where(where)
        return {
            row[0]: {k: plain(v) for k, v in zip(fields, row[1:], strict=True)}
            for row in connection.execute(query)
        }

    params = state.parameters
    if isinstance(params, list) and params and "id" in params[0]:
        where = table.c.id.in_([p["id"] for p in params])
    else:
        where = statement.whereclause  # type: ignore[attr-defined]
    before = rows(where)
    result = state.invoke_statement()
    entries: list[dict[str, Any]] = []
    if state.is_delete:
        for entity_id, values in before.items():
            changes = {k: [v, None] for k, v in values.items() if v not in (None, "")}
            entries.append(_entry(entity, entity_id, "delete", changes))
    elif before:
        after = rows(table.c.id.in_(list(before)))
        for entity_id, old_values in before.items():
            new_values = after.get(entity_id, {})
            changes = {k: [v, new_values.get(k)] for k, v in old_values.items() if new_values.get(k) != v}
            if changes:
                entries.append(_entry(entity, entity_id, "update", changes))
    if entries:
        _write(state.session, entries)
    return result


def last_editor(session: Session, entity: str, entity_id: int) -> str:
    """Who last changed the row, as the audit trail records it ("" when it has no record)."""
    found = session.execute(
        select(_audit.c.user)
        .where(and_(_audit.c.entity == entity, _audit.c.entity_id == entity_id))
        .order_by(_audit.c.id.desc())
        .limit(1)
    ).scalar()
    return str(found or "")


def record_event(
    session: Session, entity: str, entity_id: int, operation: str, changes: dict[str, list[Any]]
) -> None:
    """Record an act that is not a plain row change (confirming minutes, withdrawing a confirmation),
    with who did it and when, in the same transaction as the act itself."""
    _write(
        session,
        [_entry(entity, entity_id, operation, {k: [plain(a), plain(b)] for k, (a, b) in changes.items()})],
    )


# Writing, with typing bursts merged ----------------------------------------------------------------
def _user(connection: Connection) -> str:
    """Who is changing the record: on a server the database role this connection logged in as (each
    officer has a login, and nobody can record a change under another's name); on an SQLite file the
    computer's user (``current_user``)."""
    if connection.dialect.name == "postgresql":
        return session_user(connection)[:200]
    return current_user()


def _continues(previous: dict[str, list[Any]], changes: dict[str, list[Any]]) -> bool:
    """Does ``changes`` start where ``previous`` ended, field by field? If not, a change nobody saw
    here came in between (another program, plain SQL), and merging would hide the text it replaced."""
    return all(previous[key][1] == old for key, (old, _new) in changes.items() if key in previous)


def _write(session: Session, entries: list[dict[str, Any]]) -> None:
    connection = session.connection()
    user = _user(connection)
    now = utcnow()
    window = now - timedelta(seconds=COALESCE_SECONDS)
    fresh: list[dict[str, Any]] = []
    for entry in entries:
        if entry["operation"] == "update":
            last = connection.execute(
                select(_audit.c.id, _audit.c.user, _audit.c.operation, _audit.c.at, _audit.c.changes)
                .where(and_(_audit.c.entity == entry["entity"], _audit.c.entity_id == entry["entity_id"]))
                .order_by(_audit.c.id.desc())
                .limit(1)
            ).first()
            if (
                last is not None
                and last.operation == "update"
                and last.user == user
                and last.at >= window
                and _continues(json.loads(last.changes), entry["changes"])
            ):
                merged = json.loads(last.changes)
                for key, (old, new) in entry["changes"].items():
                    merged[key] = [merged[key][0], new] if key in merged else [old, new]
                merged = {k: v for k, v in merged.items() if v[0] != v[1]}
                if merged:
                    connection.execute(
                        update(_audit)
                        .where(_audit.c.id == last.id)
                        .values(at=now, changes=json.dumps(merged, ensure_ascii=False)),
                        execution_options={"sst_audit_skip": True},
                    )
                else:
                    connection.execute(delete(_audit).where(_audit.c.id == last.id))
                continue
        fresh.append(
            {
                "at": now,
                "user": user,
                "entity": entry["entity"],
                "entity_id": entry["entity_id"],
                "operation": entry["operation"],
                "changes": json.dumps(entry["changes"], ensure_ascii=False),
            }
        )
    if fresh:
        connection.execute(_audit.insert(), fresh)
