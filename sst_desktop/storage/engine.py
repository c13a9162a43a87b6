"""The SQLAlchemy engine and sessions, set up the way the application needs SQLite to behave.

- foreign keys on, WAL journal (rollback journal where WAL cannot work, e.g. network shares);
- writes start with ``BEGIN IMMEDIATE`` so a stale read never turns into a failed write, and a second
  instance waits (``busy_timeout``, then a few short retries) instead of failing at once;
- our files carry an ``application_id`` so a foreign SQLite file is recognised;
- SQLite failures a person can act on (locked, read-only, disk full, damaged) become ``StorageError``s
  with a message saying what happened to their change and what to do; anything else stays a bug.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from sst_desktop.storage import change_feed
from sst_desktop.storage.errors import (
    DamagedDatabaseError,
    DatabaseBusyError,
    DiskFullError,
    DiskIOError,
    ReadOnlyDatabaseError,
    StorageError,
)
from sst_desktop.storage.server import (
    connection_problem,
    create_server_engine,
    display_url,
    is_server_url,
    server_failure,
)

log = logging.getLogger(__name__)

APPLICATION_ID = 0x53535444  # "SSTD"
BUSY_TIMEOUT_SECONDS = 10.0
RETRY_PAUSE_SECONDS = 0.05
CHECKPOINT_WAIT_SECONDS = 1.0
_IMMEDIATE = "sst_immediate"

# SQLite primary result codes (the low byte of an extended code).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


@dataclass
class Database:
    """An open database: the engine, and sessions for reading and for writing.

    ``read_only`` databases refuse ``write()`` with a ``ReadOnlyDatabaseError``; ``notices`` holds
    what the user should be told about how the file was opened (read-only, network share…). A file
    whose integrity check failed is opened read-only, with what was found in ``damage``.
    """

    url: str
    engine: Engine
    read_only: bool = False
    journal_mode: str = ""
    notices: list[str] = field(default_factory=list)
    busy_timeout: float = BUSY_TIMEOUT_SECONDS
    read_only_reason: str = ""
    damage: tuple[str, ...] = ()  # what the integrity check found when it was opened (then read-only)
    # A server's password, when one was given: kept for this run only, never in ``url``, never shown.
    password: str | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._open_write = threading.local()  # this thread's write session, while one is open
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(
            self.engine.execution_options(**{_IMMEDIATE: True}), expire_on_commit=False
        )

    @property
    def path(self) -> Path | None:
        """The file behind an SQLite URL, or None for other databases and in-memory ones."""
        return sqlite_path(self.url)

    @property
    def display_name(self) -> str:
        path = self.path
        return str(path) if path is not None else display_url(self.url)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed.

        Inside a ``write()`` block on the same thread this is that block's session, so a read sees
        what the change has done so far."""
        joined = getattr(self._open_write, "session", None)
        if joined is not None:
            yield joined
            return
        try:
            with self._reader() as session:
                yield session
        except DBAPIError as error:
            raise translate_error(error, self, writing=False) from error

    @contextmanager
    def raw_read(self) -> Iterator[Any]:
        """A driver connection for reads too big for the ORM (the action log's 100,000 rows);
        nothing it does is committed. Failures a person can act on (locked, damaged, gone) become
        ``StorageError``s, as in ``read``; the driver's own errors reach this block unwrapped."""
        try:
            connection = self.engine.raw_connection()
            try:
                yield connection
            finally:
                connection.close()
        except (DBAPIError, sqlite3.Error) as error:
            raise translate_error(error, self, writing=False) from error

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose work is committed at the end of the block, or rolled back on error.

        The transaction starts with ``BEGIN IMMEDIATE`` before the block runs, so the block never
        reads data another instance is about to change. If another program holds the write lock,
        SQLite waits ``busy_timeout`` seconds; a ``DatabaseBusyError`` says so if it is still held.

        A ``write()`` inside another on the same thread joins it: several service calls made as one
        step (an undo that takes back two changes) commit or roll back together.
        """
        joined = getattr(self._open_write, "session", None)
        if joined is not None:
            yield joined
            return
        if self.read_only:
            raise ReadOnlyDatabaseError(
                f"{self.display_name} is open read-only, so this change was not saved.",
                advice=self.read_only_reason
                or "Open a copy you can change, or choose another file (File → Open database).",
            )
        session = self._writer()
        try:
            try:
                self._begin(session)
                self._open_write.session = session
                try:
                    yield session
                finally:
                    self._open_write.session = None
                change_feed.record(session)  # other copies on this database learn of it
                session.commit()
            except BaseException:
                session.rollback()
                raise
        except DBAPIError as error:
            raise translate_error(error, self, writing=True) from error
        finally:
            session.close()

    def _begin(self, session: Session) -> None:
        """Take the write lock now, retrying briefly when SQLite reports busy without waiting."""
        deadline = time.monotonic() + self.busy_timeout
        while True:
            try:
                session.connection()  # emits BEGIN IMMEDIATE (see create_app_engine)
                return
            except DBAPIError as error:
                if _primary_code(error) not in (SQLITE_BUSY, SQLITE_LOCKED) or time.monotonic() >= deadline:
                    raise
                session.rollback()
                time.sleep(RETRY_PAUSE_SECONDS)

    def dispose(self) -> None:
        """Close every connection, leaving the whole record in the database file itself.

        In WAL mode recent changes live in the ``-wal`` file beside the database until a checkpoint
        copies them in; a copy of the ``.db`` alone (an email, a USB stick) would miss them. So the
        WAL is checkpointed and emptied first, then the connections close (the last one to close
        removes the ``-wal`` and ``-shm`` files).
        """
        self.checkpoint()
        self.engine.dispose()

    def checkpoint(self) -> bool:
        """Copy the WAL into the database file and empty it; True when all of it was copied.

        Waits at most ``CHECKPOINT_WAIT_SECONDS`` for another program's reads or writes to finish,
        so quitting never hangs on them; a checkpoint that has to give way is left to the next one.
        """
        path = self.path
        if path is None or self.read_only or not path.exists():
            return True  # (connecting to a file that has gone would create an empty one)
        try:
            connection = self.engine.raw_connection()
        except DBAPIError as error:
            log.info("no checkpoint: %s", error)
            return False
        try:
            cursor = connection.cursor()
            cursor.execute(f"PRAGMA busy_timeout = {int(CHECKPOINT_WAIT_SECONDS * 1000)}")
            busy, _frames, _copied = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            cursor.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")
            cursor.close()
            return not busy
        except sqlite3.Error as error:
            log.info("checkpoint not finished: %s", error)
            return False
        finally:
            connection.close()


def _primary_code(error: BaseException) -> int | None:
    original = getattr(error, "orig", error)
    code = getattr(original, "sqlite_errorcode", None)
    if code is None:
        return None
    return int(code) & 0xFF


def translate_error(
    error: DBAPIError | sqlite3.Error, database: Database | None, *, writing: bool
) -> BaseException:
    """A ``StorageError`` for SQLite failures a person can act on; the original error otherwise."""
    if isinstance(error, DBAPIError) and database is not None and database.path is None:
        return server_failure(error, database.url, writing=writing) or error
    code = _primary_code(error)
    name = database.display_name if database is not None else "the database"
    lost = "This change was not saved. " if writing else ""
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        timeout = database.busy_timeout if database is not None else BUSY_TIMEOUT_SECONDS
        return DatabaseBusyError(
            f"{name} is busy: another copy of SST Desktop or another program has been saving to it "
            f"for more than {timeout:g} seconds.",
            advice=f"{lost}Wait a moment and try again; if it keeps happening, close the other program.",
        )
    if code == SQLITE_READONLY:
        return ReadOnlyDatabaseError(
            f"{name} cannot be changed: the file or its folder is read-only.",
            advice=f"{lost}Open it again to work read-only, or copy it to a folder you can write to.",
        )
    if code == SQLITE_FULL:
        return DiskFullError(
            f"The disk holding {name} is full.",
            advice=f"{lost}Free some space on the disk, then try again. Your earlier work is safe.",
        )
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DamagedDatabaseError(
            f"{name} is damaged ({getattr(error, 'orig', error)}).",
            advice="Restore a backup (File → Restore from backup…; the damaged file is kept as a copy), or "
            "save what can be read to a new file (File → Save what can be read…).",
        )
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN):
        return DiskIOError(
            f"{name} could not be read or written ({getattr(error, 'orig', error)}): the disk or network "
            "drive may have gone away.",
            advice=f"{lost}Check the drive is connected, then try again.",
        )
    return error


def is_storage_failure(error: BaseException) -> bool:
    """True for errors the user must see (locked, read-only, full, damaged), False for bugs."""
    if isinstance(error, StorageError):
        return True
    if isinstance(error, DBAPIError) and connection_problem(error, "postgresql://") is not None:
        return True
    if isinstance(error, DBAPIError | sqlite3.Error):
        return _primary_code(error) in (
            SQLITE_BUSY,
            SQLITE_LOCKED,
            SQLITE_READONLY,
            SQLITE_IOERR,
            SQLITE_CORRUPT,
            SQLITE_FULL,
            SQLITE_CANTOPEN,
            SQLITE_NOTADB,
        )
    return False


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


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """An SQLite URI opening ``path`` without any right to change it."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def create_app_engine(
    url: str,
    *,
    read_only: bool = False,
    wal: bool = True,
    immutable: bool = False,
    busy_timeout: float = BUSY_TIMEOUT_SECONDS,
    password: str | None = None,
) -> Engine:
    """An engine with the application's connection rules installed.

    ``read_only`` opens the file with ``mode=ro`` (SQLite then refuses any write); ``immutable``
    additionally tells SQLite nobody else changes the file (needed to read a WAL database in a
    folder we cannot write to). ``wal=False`` keeps the rollback journal (network shares).
    """
    parsed = make_url(url)
    if is_server_url(parsed):
        return create_server_engine(url, password)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)

    path = sqlite_path(url)
    connect_args: dict[str, object] = {"timeout": busy_timeout, "check_same_thread": False}
    if read_only and path is not None:
        uri = read_only_uri(path, immutable=immutable)
        engine = create_engine("sqlite://", creator=_uri_creator(uri, busy_timeout), poolclass=QueuePool)
    else:
        engine = create_engine(url, connect_args=connect_args)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy emit BEGIN itself so it can be BEGIN IMMEDIATE for writers.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            if not read_only and path is not None:
                mode = "WAL" if wal else "DELETE"
                try:
                    cursor.execute(f"PRAGMA journal_mode = {mode}")
                except sqlite3.OperationalError as error:
                    # Another connection holds the file: keep the journal it already has.
                    log.info("journal mode stays as it is: %s", error)
                cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        immediate = connection.get_execution_options().get(_IMMEDIATE) and not read_only
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _uri_creator(uri: str, busy_timeout: float):  # type: ignore[no-untyped-def]
    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=busy_timeout, check_same_thread=False)

    return connect


def _install_audit() -> None:
    from sst_desktop.storage import audit

    audit.install()
    change_feed.install()


def _install_search_index() -> None:
    from sst_desktop.storage import search_index

    search_index.install()


_install_audit()
_install_search_index()
