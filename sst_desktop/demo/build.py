"""Write the demo database: Safer Sefton Together (seed 002) and the Peer Review Working Group (seeds
000/001), for ``sst-desktop demo-db PATH`` and ``sst-desktop --demo``.

The database is built in a temporary file beside ``path`` and moved into place only when complete,
so ``path`` never holds half a demo. The result is deterministic: the same ids, texts, PDF bytes and
timestamps every time (row timestamps are set to ``DEMO_TIMESTAMP``).
"""

from __future__ import annotations

import errno
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, event, func, select, text, update

from sst_desktop.demo.directory import build_directory
from sst_desktop.demo.peer_review import build_peer_review
from sst_desktop.demo.report_texts import ALL_REPORTS
from sst_desktop.demo.reports import render_report
from sst_desktop.demo.safer_sefton import build_safer_sefton
from sst_desktop.domain import AuditEntry, Base, ChangeFeedEntry
from sst_desktop.exports.minutes_copy import copy_confirmed_minutes
from sst_desktop.storage.engine import Database
from sst_desktop.storage.errors import StorageError
from sst_desktop.storage.opening import open_path
from sst_desktop.storage.search_index import index_everything

# "Now" in the demo's world: after the September agenda was published, before the meeting.
DEMO_TIMESTAMP = datetime(2022, 9, 1, 9, 0)
DEMO_USER = "demo data"
_SIDECARS = ("-wal", "-shm", "-journal")


def build_demo_database(path: Path, replace: bool = False) -> None:
    """Create the demo database at ``path``; an existing file is replaced only with ``replace``.

    Raises ``FileExistsError`` (path exists, no ``replace``), ``IsADirectoryError``, or a
    ``StorageError`` when the folder cannot be written.
    """
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "That is a folder, not a database file", str(path))
    if path.exists() and not replace:
        raise FileExistsError(errno.EEXIST, "The file already exists", str(path))
    building = path.with_name(f".{path.name}.building-{os.getpid()}")
    _remove(building)
    try:
        database = open_path(building)
        try:
            _without_fsync(database)
            populate(database)
        finally:
            database.dispose()
        _make_self_contained(building)
        # An old database's log would be applied to the new file: remove it, then swap atomically.
        _remove(path, main=False)
        os.replace(building, path)
    finally:
        _remove(building)


def fill_server_database(db: Database) -> None:
    """Enter the demo data into an open, migrated server database that holds no records yet, in one
    transaction (a failure leaves it empty). A database with records in it is refused: the demo is
    never mixed into a team's real record."""
    with db.read() as session:
        held = {
            table.name: count
            for table in Base.metadata.sorted_tables
            if (count := session.scalar(select(func.count()).select_from(table)) or 0)
        }
    if held:
        first = ", ".join(f"{count} {name}" for name, count in list(held.items())[:3])
        raise DemoRefusedError(
            f"{db.display_name} already holds records ({first}…); the demo goes only into an empty database.",
            advice="Ask IT for a new, empty database for the demo (for example: createdb sst_demo).",
        )
    with db.write() as session:
        populate(db)
        # Rows entered with their ids leave the id sequences behind: move each past its table's rows.
        for table in Base.metadata.sorted_tables:
            if "id" in table.c and table.c.id.autoincrement is not False and table.c.id.primary_key:
                session.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table.name}"
                    )
                )


class DemoRefusedError(StorageError):
    """The demo would go into a database that already holds a record."""


def populate(db: Database) -> None:
    """Enter the demo data into an empty, migrated database."""
    reports = {report.key: render_report(report) for report in ALL_REPORTS}
    directory = build_directory(db)
    with db.write() as session:
        build_safer_sefton(session, directory, reports)
        build_peer_review(session, directory)
    copy_confirmed_minutes(db)  # the March minutes print as the June meeting confirmed them
    with db.write() as session:
        for table in Base.metadata.sorted_tables:
            stamps = {name: DEMO_TIMESTAMP for name in ("created_at", "updated_at") if name in table.c}
            if stamps:
                session.execute(update(table).values(**stamps))
        # A new database has no history of changes for other copies to catch up on.
        session.execute(delete(Base.metadata.tables[ChangeFeedEntry.__tablename__]))
        # The audit trail records the rows above as entered by the demo, at the demo's "now".
        session.execute(
            update(Base.metadata.tables[AuditEntry.__tablename__]).values(at=DEMO_TIMESTAMP, user=DEMO_USER)
        )
        # Searchable as a real database is: the reports' text read, every row indexed at its final dates.
        index_everything(session.connection(), extract_reports=True)


def _without_fsync(db: Database) -> None:
    """Skip the disk flush at each commit: the file being built is thrown away if anything fails,
    and it is made durable once, at the end (``_make_self_contained``), before it is moved into place."""

    def relax(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute("PRAGMA synchronous = OFF")

    event.listen(db.engine, "connect", relax)
    db.engine.dispose()  # connections opened from now on get the setting


def _make_self_contained(path: Path) -> None:
    """Fold the write-ahead log into the file, so the file alone is the whole database (the
    application turns WAL back on when it opens it)."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = DELETE").fetchone()
    finally:
        connection.close()


def _remove(path: Path, *, main: bool = True) -> None:
    """Delete ``path`` (unless not ``main``) and its SQLite side files."""
    sidecars = [path.with_name(path.name + suffix) for suffix in _SIDECARS]
    for candidate in [path, *sidecars] if main else sidecars:
        if candidate.is_file() or candidate.is_symlink():
            candidate.unlink()
