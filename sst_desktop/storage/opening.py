"""Opening a database: recognise what the file is, refuse what we must not touch, migrate after a backup.

Nothing here modifies a file it refuses: the checks run on the bytes and on a read-only connection
first. A file or folder we may not write is opened read-only, a database on a network share keeps
the rollback journal, and ``Database.notices`` tells the user about either.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from sst_desktop.storage import backup, pg_backup, server
from sst_desktop.storage.engine import (
    APPLICATION_ID,
    BUSY_TIMEOUT_SECONDS,
    SQLITE_BUSY,
    SQLITE_CANTOPEN,
    SQLITE_LOCKED,
    SQLITE_READONLY,
    Database,
    create_app_engine,
    sqlite_path,
    sqlite_url,
    translate_error,
)
from sst_desktop.storage.errors import (
    BackupError,
    DamagedDatabaseError,
    ForeignDatabaseError,
    NewerDatabaseError,
    ReadOnlyLocationError,
    StorageError,
)

# Re-exported: the file checks used to live here.
from sst_desktop.storage.files import (
    KEPT_SAFE,
    SQLITE_HEADER,
    FileState,
    damage_found,
    first_damage,
    inspect_sqlite_file,
    nobody_writing,
)
from sst_desktop.storage.filesystems import is_network_location
from sst_desktop.storage.migrations import head_revision, known_revisions, upgrade

__all__ = ["SQLITE_HEADER", "FileState", "inspect_sqlite_file", "open_database", "open_path"]

log = logging.getLogger(__name__)

DAMAGED_CHOICES = (
    "Restore a backup (File → Restore from backup…; the damaged file is kept), or save what can "
    "still be read to a new file and work on that (File → Save what can be read…)."
)
DAMAGED_READ_ONLY = f"It is damaged, so SST Desktop opened it read-only. {DAMAGED_CHOICES}"


def open_database(
    url: str,
    *,
    migrate: bool = True,
    backup_dir: Path | None = None,
    keep_backups: int = backup.DEFAULT_KEEP,
    backup_on_open: bool = True,
    read_only: bool = False,
    busy_timeout: float = BUSY_TIMEOUT_SECONDS,
    password: str | None = None,
) -> Database:
    """Open (creating if needed) the database at ``url`` and bring its schema up to date.

    An existing SQLite file is backed up first (``before-migration`` when its schema will change,
    else ``open`` unless nothing changed since the newest backup), keeping ``keep_backups`` of each
    kind in ``backup_dir`` (the user's backup folder by default). ``read_only`` opens without the
    right to change anything; a file or folder we cannot write is opened that way by itself, and
    so is a file whose integrity check fails (``Database.damage`` says what was found).

    A server database (PostgreSQL) is reached with ``password`` or the one in ``url`` (kept out of
    ``Database.url``), else through the officer's ``.pgpass``; its schema changes under a lock,
    after a ``pg_dump`` backup (see ``pg_backup``).
    """
    path = sqlite_path(server.checked_url(url))
    if path is None:
        url, given = server.without_password(url)
        return _open_server(
            url,
            password=password if password is not None else given,
            migrate=migrate,
            read_only=read_only,
            busy_timeout=busy_timeout,
            backup_dir=backup_dir,
            keep_backups=keep_backups,
        )

    state = inspect_sqlite_file(path)
    notices: list[str] = []
    reason = ""
    if state.exists and not state.writable:
        read_only = True
        reason = (
            f"You may not change {path.name} or its folder. To work on it, copy it to a folder you "
            "can write to and open the copy."
        )
        notices.append(f"{path} is read-only: you can read everything but not change it.")
    elif read_only:
        reason = "It was opened read-only. Open it again normally to make changes."
        notices.append(f"{path} is open read-only: nothing can be changed.")
    if read_only and not state.exists:
        raise ReadOnlyLocationError(f"{path} does not exist.", advice="Choose an existing database file.")
    # Checked before anything connects to change it (even the journal mode is a change).
    damage = damage_found(path) if state.exists and state.has_tables and not state.needs_recovery else []
    if damage:
        read_only = True
        reason = DAMAGED_READ_ONLY
        notices.append(
            f"{path.name} is damaged (its integrity check found: {first_damage(damage)}). It is open "
            f"read-only, so nothing can change it further. {DAMAGED_CHOICES}"
        )

    network = is_network_location(path)
    wal = network is None
    if network is not None and not read_only:
        notices.append(
            f"{path.name} is on a network drive ({network.fstype}). SST Desktop saves it with the "
            "rollback journal there, because the faster WAL journal does not work on network drives; "
            "saving is a little slower. Keep your own copy on this computer if you work without the network."
        )

    # A damaged file is read as unchanging where it can be, so not even empty journals appear beside it.
    immutable = bool(damage) and nobody_writing(path)
    engine = create_app_engine(
        url, read_only=read_only, wal=wal, immutable=immutable, busy_timeout=busy_timeout
    )
    database = Database(
        url=url,
        engine=engine,
        read_only=read_only,
        notices=notices,
        busy_timeout=busy_timeout,
        read_only_reason=reason,
        damage=tuple(damage),
    )
    try:
        revision = _connect(database, path)
        if damage and revision != head_revision():
            raise DamagedDatabaseError(
                f"{path} is damaged (its integrity check found: {first_damage(damage)}), and its schema "
                "cannot be read as this version's.",
                advice=f"Open one of its backups instead, or choose another file. {KEPT_SAFE}",
            )
        if read_only:
            _check_readable_schema(path, revision)
            return database
        if migrate and revision != head_revision():
            if state.exists and state.has_tables:
                # Refuse to upgrade without a copy of what was there.
                backup.take_backup(database, reason="before-migration", folder=backup_dir, keep=keep_backups)
            upgrade(engine)
            with engine.begin() as connection:
                connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        elif backup_on_open and state.exists and state.has_tables:
            try:
                backup.take_backup(
                    database, reason="open", folder=backup_dir, keep=keep_backups, skip_if_unchanged=True
                )
            except BackupError as error:
                notices.append(f"No backup was taken when the database was opened: {error}")
        if _someone_is_writing(path):
            notices.append(
                f"Another copy of SST Desktop or another program is saving to {path.name} right now. "
                "Your changes are saved one at a time after theirs, so nothing is lost; a change "
                f"waits up to {busy_timeout:g} seconds for its turn."
            )
    except StorageError:
        engine.dispose()
        raise
    except DBAPIError as error:
        engine.dispose()
        translated = translate_error(error, database, writing=False)
        if isinstance(translated, StorageError):
            raise translated from error
        raise DamagedDatabaseError(
            f"{path} could not be opened: {error.orig}.",
            advice="Open one of its backups instead, or choose another file.",
        ) from error
    return database


def _connect(database: Database, path: Path) -> str | None:
    """Connect once (a crash's hot journal is rolled back here) and read the schema revision."""
    try:
        with database.engine.connect() as connection:
            database.journal_mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar() or ""
            return _revision(connection)
    except DBAPIError as error:
        code = (getattr(error.orig, "sqlite_errorcode", 0) or 0) & 0xFF
        if not (database.read_only and code in (SQLITE_CANTOPEN, SQLITE_READONLY)):
            raise
    # A WAL database in a folder we may not write: read it as an unchanging file.
    database.engine.dispose()
    database.engine = create_app_engine(
        database.url, read_only=True, immutable=True, busy_timeout=database.busy_timeout
    )
    database.__post_init__()
    database.notices.append(
        "Changes another program makes to this file while it is open here will show only after you open it again."
    )
    with database.engine.connect() as connection:
        database.journal_mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar() or ""
        return _revision(connection)


def _check_readable_schema(path: Path, revision: str | None) -> None:
    if revision == head_revision():
        return
    if revision is None:
        raise ReadOnlyLocationError(
            f"{path} is not an SST Desktop database yet, and it is read-only so it cannot become one.",
            advice="Choose another file, or a folder you can write to.",
        )
    raise ReadOnlyLocationError(
        f"{path} was made by an older version of SST Desktop and must be upgraded before it can be opened, "
        "but it is read-only.",
        advice="Copy it to a folder you can write to and open the copy (the upgrade keeps a backup).",
    )


def _someone_is_writing(path: Path) -> bool:
    """Does another connection hold the write lock right now? (Asked without waiting, changing nothing.)"""
    try:
        probe = sqlite3.connect(path, timeout=0, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as error:
        return ((getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF) in (SQLITE_BUSY, SQLITE_LOCKED)
    finally:
        probe.close()


def _open_server(
    url: str,
    *,
    password: str | None,
    migrate: bool,
    read_only: bool,
    busy_timeout: float,
    backup_dir: Path | None,
    keep_backups: int,
) -> Database:
    """A database that is not an SQLite file (PostgreSQL, in-memory): no file checks.

    A server's schema is created or upgraded under its migration lock (``server.migration_lock``),
    after a ``pg_dump`` backup when there is something to keep."""
    engine = create_app_engine(url, busy_timeout=busy_timeout, password=password)
    database = Database(
        url=url,
        engine=engine,
        busy_timeout=busy_timeout,
        password=password,
        read_only=read_only,
        read_only_reason="It was opened read-only. Open it again normally to make changes."
        if read_only
        else "",
    )
    try:
        with engine.connect() as connection:
            revision = _server_revision(connection, database)
        if migrate and not read_only and revision != head_revision():
            if not server.is_server_url(url):
                upgrade(engine)
                return database
            with server.migration_lock(engine) as connection:
                revision = _server_revision(connection, database)  # another program may have done it
                if revision != head_revision():
                    if revision is not None:
                        # Refuse to upgrade without a copy of what was there.
                        pg_backup.take_server_backup(
                            database, reason="before-migration", folder=backup_dir, keep=keep_backups
                        )
                    upgrade(engine)
    except StorageError:
        engine.dispose()
        raise
    except DBAPIError as error:
        engine.dispose()
        problem = server.connection_problem(error, url, password)
        if problem is not None:
            raise problem from error
        if getattr(error.orig, "sqlstate", None) == "42501":  # insufficient privilege
            raise ReadOnlyLocationError(
                f"{database.display_name} needs its tables created or upgraded, which your login may not do.",
                advice="Ask IT to open it once with the database owner's login; then open it again.",
            ) from error
        raise DamagedDatabaseError(
            f"{database.display_name} could not be opened: "
            f"{server.scrub(str(error.orig).strip().splitlines()[0], password)}.",
            advice="Check the database URL and server.",
        ) from error
    return database


def _server_revision(connection, database: Database) -> str | None:  # type: ignore[no-untyped-def]
    """The schema revision of a server database; refuses one made by a newer version, or one
    holding tables that are not SST Desktop's."""
    tables = inspect(connection).get_table_names()
    if "alembic_version" not in tables:
        if tables and server.is_server_url(database.url):
            raise ForeignDatabaseError(
                f"{database.display_name} holds tables that are not SST Desktop's ({', '.join(sorted(tables)[:3])}…).",
                advice="Ask IT for an empty database of its own for SST Desktop; this one has not been changed.",
            )
        return None
    revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if revision is not None and revision not in known_revisions():
        raise NewerDatabaseError(
            f"{database.display_name} was made by a newer version of SST Desktop (schema {revision}).",
            advice="Install the newer version to open it.",
        )
    return revision


def _revision(connection) -> str | None:  # type: ignore[no-untyped-def]
    if "alembic_version" not in inspect(connection).get_table_names():
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def open_path(path: Path, **kwargs) -> Database:  # type: ignore[no-untyped-def]
    return open_database(sqlite_url(path), **kwargs)
