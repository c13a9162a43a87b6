"""Opening a database: recognise what the file is, refuse what we must not touch, migrate after a backup.

Nothing here modifies a file it refuses. The checks run on a read-only connection first.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError

from sst_desktop.storage import backup
from sst_desktop.storage.engine import APPLICATION_ID, Database, create_app_engine, sqlite_path, sqlite_url
from sst_desktop.storage.errors import (
    DamagedDatabaseError,
    ForeignDatabaseError,
    NewerDatabaseError,
    NotADatabaseError,
    ReadOnlyLocationError,
    StorageError,
)
from sst_desktop.storage.migrations import head_revision, known_revisions, upgrade

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileState:
    """What an SQLite file holds, read without changing it."""

    exists: bool
    revision: str | None = None
    application_id: int = 0
    has_tables: bool = False


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
                f"SST Desktop cannot write to the folder {folder}.",
                advice="Choose a folder you can write to, or ask IT for access.",
            )
        return FileState(exists=False)
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not a database file.", advice="Choose a database file.")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise NotADatabaseError(
            f"{path} cannot be read ({error.strerror}).", advice="Check the file's permissions."
        ) from error
    if not header:
        raise NotADatabaseError(
            f"{path} is empty (0 bytes), so it is not an SST Desktop database.",
            advice="Open a backup, or choose another file. The file has not been changed.",
        )
    if not header.startswith(SQLITE_HEADER):
        raise NotADatabaseError(
            f"{path} is not an SST Desktop database (it is not an SQLite file).",
            advice="Open a backup, or choose another file. The file has not been changed.",
        )
    if len(header) < 100:
        raise DamagedDatabaseError(
            f"{path} is damaged: it is shorter than an SQLite header.",
            advice="Open a backup. The file has not been changed.",
        )
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            tables = {
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise DamagedDatabaseError(
            f"{path} is damaged and cannot be read ({error}).",
            advice="Open a backup. The file has not been changed.",
        ) from error
    state = FileState(exists=True, revision=revision, application_id=application_id, has_tables=bool(tables))
    if application_id not in (0, APPLICATION_ID) or (tables and "alembic_version" not in tables):
        raise ForeignDatabaseError(
            f"{path} is an SQLite database made by another program, not by SST Desktop.",
            advice="Choose an SST Desktop database. The file has not been changed.",
        )
    if revision is not None and revision not in known_revisions():
        raise NewerDatabaseError(
            f"{path} was made by a newer version of SST Desktop (schema {revision}).",
            advice="Install the newer version to open it. The file has not been changed.",
        )
    return state


def open_database(url: str, *, migrate: bool = True, backup_dir: Path | None = None) -> Database:
    """Open (creating if needed) the database at ``url`` and bring its schema up to date."""
    path = sqlite_path(url)
    state = inspect_sqlite_file(path) if path is not None else None
    engine = create_app_engine(url)
    database = Database(url=url, engine=engine)
    try:
        with engine.connect() as connection:
            if path is not None:
                database.journal_mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar() or ""
            revision = _revision(connection)
        if path is None and revision is not None and revision not in known_revisions():
            raise NewerDatabaseError(
                f"The database was made by a newer version of SST Desktop (schema {revision}).",
                advice="Install the newer version to open it.",
            )
        if migrate and revision != head_revision():
            if path is not None and state is not None and state.exists and state.has_tables:
                backup.take_backup(database, reason=f"before-migration-{revision}", folder=backup_dir)
            upgrade(engine)
            if path is not None:
                with engine.begin() as connection:
                    connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    except StorageError:
        engine.dispose()
        raise
    except (OperationalError, SADatabaseError) as error:
        engine.dispose()
        raise DamagedDatabaseError(
            f"The database could not be opened: {error.orig}.",
            advice="Open a backup, or choose another file.",
        ) from error
    return database


def _revision(connection) -> str | None:  # type: ignore[no-untyped-def]
    if "alembic_version" not in inspect(connection).get_table_names():
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def open_path(path: Path, **kwargs) -> Database:  # type: ignore[no-untyped-def]
    return open_database(sqlite_url(path), **kwargs)
