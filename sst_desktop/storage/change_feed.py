"""Changes made by other copies of SST Desktop on the same database, so that open screens show them.

Every write transaction that changed rows adds one line to ``change_feed`` in the same transaction:
the tables it touched and the running copy (``INSTANCE``) that made it. On PostgreSQL the same
transaction also sends a NOTIFY, which the server delivers on commit. A ``FeedReader`` in each
running copy returns the tables the *other* copies changed since it last looked:

- SQLite: ``PRAGMA data_version`` on the reader's own connection changes only when another
  connection has committed, so the feed is read only then (a cheap check, made twice a second);
- PostgreSQL: the reader LISTENs, and reads the feed when a notification arrives.

Only the newest ``KEEP`` lines are kept: each new line drops the one ``KEEP`` before it.
"""

from __future__ import annotations

import time
import uuid
from typing import Any, cast

from sqlalchemy import Table, delete, event, func, insert, select, text
from sqlalchemy.orm import ORMExecuteState, Session

from sst_desktop.domain import ChangeFeedEntry
from sst_desktop.domain.base import utcnow

INSTANCE = uuid.uuid4().hex[:16]  # this running copy of the program
CHANNEL = "sst_changes"
KEEP = 10_000
_TOUCHED = "sst_touched_tables"
_feed = cast(Table, ChangeFeedEntry.__table__)
_installed = False


def install() -> None:
    """Note, in every session, which tables its changes touch (once per process)."""
    global _installed
    if _installed:
        return
    event.listen(Session, "after_flush", _after_flush)
    event.listen(Session, "do_orm_execute", _on_orm_execute)
    _installed = True


def _touched(session: Session) -> set[str]:
    found: set[str] = session.info.setdefault(_TOUCHED, set())
    return found


def _after_flush(session: Session, _context: object) -> None:
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(obj, "__tablename__", None)
        if table is not None and table != _feed.name:
            _touched(session).add(table)


def _on_orm_execute(state: ORMExecuteState) -> None:
    if state.is_update or state.is_delete or state.is_insert:
        mapper = state.bind_mapper
        table = mapper.local_table.name if mapper is not None else None  # type: ignore[attr-defined]
        if table is not None and table != _feed.name:
            _touched(state.session).add(table)


def record(session: Session) -> None:
    """Add this transaction's line to the feed (called just before it commits)."""
    touched = session.info.pop(_TOUCHED, None)
    if not touched:
        return
    tables = ",".join(sorted(touched))
    connection = session.connection()
    added = connection.execute(insert(_feed).values(at=utcnow(), instance=INSTANCE, tables=tables[:2000]))
    entry_id = added.inserted_primary_key[0] if added.inserted_primary_key else None
    if entry_id is not None and entry_id > KEEP:
        connection.execute(delete(_feed).where(_feed.c.id <= entry_id - KEEP))
    if connection.dialect.name == "postgresql":
        connection.execute(
            text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": INSTANCE}
        )


def forget(session: Session) -> None:
    """A transaction rolled back: what it touched was not changed."""
    session.info.pop(_TOUCHED, None)


class FeedReader:
    """Reads, on its own connection, the tables other copies have changed since it last looked.

    ``wait(seconds)`` returns them (an empty set when nothing came in that time). A reader made
    again after a failure is given ``since`` (the ``last_seen`` of the one before): its first look
    reads the feed from there, so a change made while no one listened is still told."""

    def __init__(self, engine: Any, since: int | None = None) -> None:
        self._engine = engine
        self._postgres = engine.dialect.name == "postgresql"
        self._raw = engine.raw_connection()
        self._driver = self._raw.driver_connection
        self._raw.detach()  # (its own connection, never handed back to the pool)
        try:
            if self._postgres:
                self._driver.autocommit = True
                self._driver.execute(f"LISTEN {CHANNEL}")
            self._heard: list[str] = []  # notifications taken while waiting, not yet read
            self._version = self._data_version()
            self._missed = since is not None  # (read the feed at the first look, notified or not)
            self._last = self._newest() if since is None else since
        except BaseException:
            self._raw.close()  # (a server gone while listening: the connection is not left open)
            raise

    @property
    def last_seen(self) -> int:
        """The newest line of the feed this reader has seen."""
        return self._last

    def close(self) -> None:
        self._raw.close()

    def wait(self, seconds: float) -> set[str]:
        """Wait up to ``seconds`` (a PostgreSQL notification ends the wait at once), then ``poll``."""
        if self._postgres:
            self._heard += [n.payload for n in self._driver.notifies(timeout=seconds, stop_after=1)]
        else:
            time.sleep(seconds)
        return self.poll()

    def poll(self) -> set[str]:
        """The tables other copies changed since the last look, without waiting."""
        if self._missed:
            self._missed = False
            self._heard = []
            if self._postgres:
                list(self._driver.notifies(timeout=0))  # (all read below)
            else:
                self._version = self._data_version()
            return self._read()
        if self._postgres:
            heard = [*self._heard, *(n.payload for n in self._driver.notifies(timeout=0))]
            self._heard = []
            if all(payload == INSTANCE for payload in heard):
                return set()
        else:
            version = self._data_version()
            if version == self._version:
                return set()
            self._version = version
        return self._read()

    def _data_version(self) -> int:
        if self._postgres:
            return 0
        cursor = self._driver.execute("PRAGMA data_version")
        try:
            return int(cursor.fetchone()[0])
        finally:
            cursor.close()

    def _query(self, statement: Any) -> list[tuple[Any, ...]]:
        compiled = statement.compile(dialect=self._engine.dialect, compile_kwargs={"literal_binds": True})
        cursor = self._driver.cursor()
        try:
            cursor.execute(str(compiled))
            rows = list(cursor.fetchall())
        finally:
            cursor.close()
        if not self._postgres:
            self._driver.rollback()  # end the read, so the next data_version check sees new commits
        return rows

    def _newest(self) -> int:
        rows = self._query(select(func.coalesce(func.max(_feed.c.id), 0)))
        return int(rows[0][0])

    def _read(self) -> set[str]:
        rows = self._query(
            select(_feed.c.id, _feed.c.instance, _feed.c.tables)
            .where(_feed.c.id > self._last)
            .order_by(_feed.c.id)
        )
        tables: set[str] = set()
        for entry_id, instance, names in rows:
            self._last = max(self._last, int(entry_id))
            if instance != INSTANCE:
                tables.update(name for name in str(names).split(",") if name)
        return tables
