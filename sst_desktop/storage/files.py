"""Recognise what a database file is without changing it: ours, another program's, damaged, or newer.

Every check here reads: the first 100 bytes, the file's size, and (through a read-only SQLite
connection) the application id, the table names and the schema revision.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sst_desktop.storage.engine import (
    APPLICATION_ID,
    SQLITE_BUSY,
    SQLITE_CANTOPEN,
    SQLITE_LOCKED,
    SQLITE_READONLY,
    read_only_uri,
)
from sst_desktop.storage.errors import (
    DamagedDatabaseError,
    DatabaseBusyError,
    ForeignDatabaseError,
    NewerDatabaseError,
    NotADatabaseError,
    ReadOnlyLocationError,
)
from sst_desktop.storage.migrations import known_revisions

SQLITE_HEADER = b"SQLite format 3\x00"
KEPT_SAFE = "The file has not been changed."


@dataclass(frozen=True)
class FileState:
    """What an SQLite file holds, read without changing it."""

    exists: bool
    revision: str | None = None
    application_id: int = 0
    has_tables: bool = False
    writable: bool = True
    needs_recovery: bool = False  # a crash left a journal that the first writer will roll back


def sidecars(path: Path) -> list[Path]:
    """The journal files SQLite keeps beside a database."""
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _non_empty(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def header_problem(path: Path, header: bytes, size: int) -> str | None:
    """Why the header says the file is cut short, or None when it looks whole."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "its header is damaged"
    journal = path.with_name(path.name + "-journal")
    wal = path.with_name(path.name + "-wal")
    if _non_empty(journal) or _non_empty(wal):
        return None  # a journal may still hold pages that belong at the end of the file
    if size % page_size:
        return f"it ends part-way through a page ({size} bytes, pages of {page_size})"
    pages = int.from_bytes(header[28:32], "big")
    change_counter, valid_for = header[24:28], header[92:96]
    if pages and change_counter == valid_for and pages * page_size > size:
        return f"it is shorter than its header says ({size} of {pages * page_size} bytes)"
    return None


def location_writable(path: Path) -> bool:
    """Can SQLite change this file? It needs the file and its folder (for the journal)."""
    folder = path.parent if str(path.parent) else Path(".")
    file_ok = not path.exists() or os.access(path, os.W_OK)
    return file_ok and os.access(folder, os.W_OK | os.X_OK)


def inspect_sqlite_file(path: Path) -> FileState:
    """Classify ``path``; raise a StorageError for anything we must not open."""
    if not path.exists():
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise ReadOnlyLocationError(
                f"The folder {folder} does not exist.", advice="Choose another folder for the database."
            )
        if not os.access(folder, os.W_OK | os.X_OK):
            raise ReadOnlyLocationError(
                f"SST Desktop cannot write to the folder {folder}, so it cannot create a database there.",
                advice="Choose a folder you can write to, or ask IT for access.",
            )
        return FileState(exists=False)
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not a database file.", advice="Choose a database file.")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
        size = path.stat().st_size
    except OSError as error:
        raise NotADatabaseError(
            f"{path} cannot be read ({error.strerror}).",
            advice="Check you are allowed to read it (ask IT), or choose another file.",
        ) from error
    if not header:
        raise NotADatabaseError(
            f"{path} is empty (0 bytes), so it is not an SST Desktop database.",
            advice=f"Open a backup, or choose another file. {KEPT_SAFE}",
        )
    if not header.startswith(SQLITE_HEADER):
        raise NotADatabaseError(
            f"{path} is not an SST Desktop database (it is not an SQLite file).",
            advice=f"Choose another file, or open a backup. {KEPT_SAFE}",
        )
    if len(header) < 100:
        raise DamagedDatabaseError(
            f"{path} is damaged: it is shorter than an SQLite header, as if a copy stopped part-way.",
            advice=f"Open one of its backups instead, or choose another file. {KEPT_SAFE}",
        )
    problem = header_problem(path, header, size)
    if problem is not None:
        raise DamagedDatabaseError(
            f"{path} is damaged: {problem}, as if a copy or download stopped part-way.",
            advice=f"Open one of its backups instead, or choose another file. {KEPT_SAFE}",
        )
    writable = location_writable(path)
    try:
        try:
            application_id, tables, revision = _read_facts(path, immutable=False)
        except sqlite3.OperationalError as error:
            if writable or _code(error) not in (SQLITE_CANTOPEN, SQLITE_READONLY):
                raise
            # A WAL database in a folder we cannot write to: SQLite cannot make its index file.
            application_id, tables, revision = _read_facts(path, immutable=True)
    except sqlite3.DatabaseError as error:
        code = _code(error)
        if code == SQLITE_READONLY and _non_empty(path.with_name(path.name + "-journal")) and writable:
            # A crash left a hot journal; only a writer may roll it back, which opening does.
            return FileState(exists=True, has_tables=True, writable=True, needs_recovery=True)
        if code in (SQLITE_BUSY, SQLITE_LOCKED):
            raise DatabaseBusyError(
                f"{path} is busy: another copy of SST Desktop or another program is writing to it.",
                advice=f"Wait a moment and try again. {KEPT_SAFE}",
            ) from error
        raise DamagedDatabaseError(
            f"{path} is damaged and cannot be read ({error}).",
            advice=f"Open one of its backups instead, or choose another file. {KEPT_SAFE}",
        ) from error
    state = FileState(
        exists=True,
        revision=revision,
        application_id=application_id,
        has_tables=bool(tables),
        writable=writable,
    )
    if application_id not in (0, APPLICATION_ID) or (tables and "alembic_version" not in tables):
        raise ForeignDatabaseError(
            f"{path} is an SQLite database made by another program, not by SST Desktop.",
            advice=f"Choose an SST Desktop database. {KEPT_SAFE}",
        )
    if revision is not None and revision not in known_revisions():
        raise NewerDatabaseError(
            f"{path} was made by a newer version of SST Desktop (schema {revision}).",
            advice=f"Install the newer version to open it, or open a backup. {KEPT_SAFE}",
        )
    return state


def is_wal_file(path: Path) -> bool:
    """Does the header say the file uses the WAL journal (file format versions 2)?"""
    try:
        with path.open("rb") as handle:
            header = handle.read(20)
    except OSError:
        return False
    return len(header) >= 20 and header[18] == 2 and header[19] == 2


def quiet_read_uri(path: Path) -> str:
    """A read-only URI that leaves nothing behind.

    A read-only connection to a WAL file creates ``-wal`` and ``-shm`` files it cannot remove. When
    no ``-wal`` exists nobody is writing, so the file is read as unchanging instead.
    """
    return read_only_uri(path, immutable=nobody_writing(path))


def nobody_writing(path: Path) -> bool:
    """A WAL file with no ``-wal`` beside it: nobody has it open to write, so it can be read as
    unchanging (and a read-only connection then leaves no ``-wal`` or ``-shm`` behind)."""
    return is_wal_file(path) and not path.with_name(path.name + "-wal").exists()


def _code(error: BaseException) -> int:
    return (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF


def _read_facts(path: Path, *, immutable: bool) -> tuple[int, set[str], str | None]:
    """(application id, table names, schema revision) through a read-only connection."""
    uri = read_only_uri(path, immutable=True) if immutable else quiet_read_uri(path)
    connection = sqlite3.connect(uri, uri=True, timeout=5)
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    finally:
        connection.close()
    return application_id, tables, revision


def damage_found(path: Path) -> list[str]:
    """What SQLite's ``quick_check`` finds wrong inside ``path`` (empty when nothing), read-only.

    It walks every page (about 0.16 s for 56 MB here), finding what the header checks cannot: a
    damaged page in the middle of the file. Index contents are left to ``sst-desktop check``.
    """
    try:
        connection = read_only_connection(path)
        try:
            rows = [str(row[0]) for row in connection.execute("PRAGMA quick_check(5)").fetchall()]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        if _code(error) in (SQLITE_BUSY, SQLITE_LOCKED):
            return []  # someone is writing; the file is read normally and checked next time
        return [str(error)]
    return [] if rows == ["ok"] else rows


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that can only read ``path`` and leaves nothing behind (see ``quiet_read_uri``);
    for a WAL file in a folder we may not write, an immutable one."""
    connection = sqlite3.connect(quiet_read_uri(path), uri=True, timeout=5)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return connection
    except sqlite3.OperationalError as error:
        connection.close()
        if location_writable(path) or _code(error) not in (SQLITE_CANTOPEN, SQLITE_READONLY):
            raise
    return sqlite3.connect(read_only_uri(path, immutable=True), uri=True, timeout=5)


def first_damage(damage: list[str] | tuple[str, ...]) -> str:
    """The first thing the check found, as one line ("On tree page 6 cell 0: Rowid 77 out of order")."""
    lines = [
        line.strip() for item in damage for line in item.splitlines() if line.strip() and "***" not in line
    ]
    return lines[0] if lines else "the integrity check failed"
