"""The SQLAlchemy engine and sessions, set up the way the application needs SQLite to behave.

- foreign keys on, WAL journal (rollback journal where WAL cannot work, e.g. network shares);
- writes start with ``BEGIN IMMEDIATE`` so a stale read never turns into a failed write, and a second
  instance waits (``busy_timeout``) instead of failing at once;
- our files carry an ``application_id`` so a foreign SQLite file is recognised.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

APPLICATION_ID = 0x53535444  # "SSTD"
BUSY_TIMEOUT_SECONDS = 10.0
_IMMEDIATE = "sst_immediate"


@dataclass
class Database:
    """An open database: the engine, and sessions for reading and for writing."""

    url: str
    engine: Engine
    read_only: bool = False
    journal_mode: str = ""
    notices: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(
            self.engine.execution_options(**{_IMMEDIATE: True}), expire_on_commit=False
        )

    @property
    def path(self) -> Path | None:
        """The file behind an SQLite URL, or None for other databases and in-memory ones."""
        return sqlite_path(self.url)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed."""
        with self._reader() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose work is committed at the end of the block, or rolled back on error."""
        with self._writer() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def create_app_engine(url: str, *, read_only: bool = False, wal: bool = True) -> Engine:
    """An engine with the application's connection rules installed."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)

    path = sqlite_path(url)
    connect_args: dict[str, object] = {"timeout": BUSY_TIMEOUT_SECONDS, "check_same_thread": False}
    if read_only and path is not None:
        url = f"sqlite:///file:{path.as_posix()}?mode=ro&uri=true"
        connect_args["uri"] = True
    engine = create_engine(url, connect_args=connect_args)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy emit BEGIN itself so it can be BEGIN IMMEDIATE for writers.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        if not read_only and path is not None:
            mode = "WAL" if wal else "DELETE"
            cursor.execute(f"PRAGMA journal_mode = {mode}")
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        immediate = connection.get_execution_options().get(_IMMEDIATE) and not read_only
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine
