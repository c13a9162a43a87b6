"""``sst-desktop check``: is this database healthy, and is its schema current?

Every check reads through a read-only connection: checking never changes the file.
Each problem is one sentence saying what is wrong and what to do.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from sst_desktop.storage.engine import (
    SQLITE_BUSY,
    SQLITE_CANTOPEN,
    SQLITE_LOCKED,
    SQLITE_READONLY,
    create_app_engine,
    read_only_uri,
    sqlite_path,
)
from sst_desktop.storage.errors import StorageError
from sst_desktop.storage.files import inspect_sqlite_file, location_writable, quiet_read_uri
from sst_desktop.storage.filesystems import is_network_location
from sst_desktop.storage.migrations import current_revision, head_revision, known_revisions
from sst_desktop.storage.server import connection_problem, scrub, without_password

RESTORE_ADVICE = "Restore a backup: sst-desktop restore --from FILE (the damaged file is kept)."


@dataclass
class HealthReport:
    url: str
    revision: str | None = None
    head: str = ""
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)  # what a server check looked at (see _check_server)

    @property
    def healthy(self) -> bool:
        return not self.problems


def check_database(url: str) -> HealthReport:
    """Read-only checks: the file is ours, intact (``PRAGMA integrity_check``) and migrated to head."""
    report = HealthReport(url=url, head=head_revision())
    path = sqlite_path(url)
    if path is None:
        return _check_server(url, report)
    if not path.exists():
        report.problems.append(
            f"{path} does not exist. Check the path, or start SST Desktop once to create it."
        )
        return report
    try:
        state = inspect_sqlite_file(path)
    except StorageError as error:
        report.problems.append(str(error))
        return report
    if not state.writable:
        report.notes.append(f"{path} is read-only here: SST Desktop will open it read-only.")
    network = is_network_location(path)
    if network is not None:
        report.notes.append(
            f"{path} is on a network drive ({network.fstype}): SST Desktop uses the rollback journal there."
        )
    if state.needs_recovery:
        report.notes.append(
            "a program stopped part-way through saving; SST Desktop finishes tidying up the next time it "
            "opens the file (nothing committed is lost)."
        )
    try:
        rows, broken_keys, revision = _read(path, immutable=False)
    except sqlite3.OperationalError as error:
        code = (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF
        if code in (SQLITE_BUSY, SQLITE_LOCKED):
            report.problems.append(
                f"{path} is busy: another program is writing to it. Wait a moment and check again."
            )
            return report
        if code in (SQLITE_CANTOPEN, SQLITE_READONLY) and not location_writable(path):
            rows, broken_keys, revision = _read(path, immutable=True)
        elif state.needs_recovery:
            report.revision = None
            report.problems.append(
                f"{path} needs tidying up after a program stopped while saving. Open it in SST Desktop "
                "once (it finishes the job and keeps everything committed), then check again."
            )
            return report
        else:
            report.problems.append(f"{path} cannot be read ({error}). {RESTORE_ADVICE}")
            return report
    except sqlite3.DatabaseError as error:
        report.problems.append(f"{path} is damaged ({error}). {RESTORE_ADVICE}")
        return report
    report.revision = revision
    if rows != ["ok"]:
        report.problems.append(
            f"{path} is damaged: integrity check failed: {'; '.join(rows[:3])}. {RESTORE_ADVICE}"
        )
    if broken_keys:
        report.problems.append(
            f"{path} has {len(broken_keys)} rows pointing at rows that do not exist (first in table "
            f"{broken_keys[0][0]}). {RESTORE_ADVICE}"
        )
    _check_revision(report)
    return report


def _read(path, *, immutable: bool):  # type: ignore[no-untyped-def]
    uri = read_only_uri(path, immutable=True) if immutable else quiet_read_uri(path)
    connection = sqlite3.connect(uri, uri=True, timeout=5)
    try:
        rows = [r[0] for r in connection.execute("PRAGMA integrity_check").fetchall()]
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    finally:
        connection.close()
    return rows, broken, revision


def _check_revision(report: HealthReport) -> None:
    if report.revision is None:
        report.problems.append(
            "the database has no SST Desktop schema yet: open it once in SST Desktop to create it."
        )
    elif report.revision not in known_revisions():
        report.problems.append(
            f"schema {report.revision} is from a newer version of SST Desktop: install that version to use it."
        )
    elif report.revision != report.head:
        report.notes.append(
            f"schema {report.revision} will be upgraded to {report.head} when opened (a backup is taken first)."
        )


def _check_server(url: str, report: HealthReport) -> HealthReport:
    """What can be checked of a server database without changing it: the schema version, that every
    constraint is validated, and the indexes' structure with amcheck where the database has it.
    ``report.checked`` says exactly which of these ran."""
    url, password = without_password(url)
    report.url = url
    try:
        engine = create_app_engine(url, password=password)
    except StorageError as error:
        report.problems.append(str(error))
        return report
    try:
        with engine.connect() as connection:
            report.revision = current_revision(connection)
            report.checked.append(
                f"schema version {report.revision or 'none'} (this version's is {report.head})"
            )
            _check_constraints(connection, report)
            _check_indexes(connection, report)
    except DBAPIError as error:
        problem = connection_problem(error, url, password)
        report.problems.append(
            str(problem) if problem else f"the database cannot be checked: {scrub(str(error.orig), password)}"
        )
        return report
    finally:
        engine.dispose()
    _check_revision(report)
    return report


def _check_constraints(connection: Connection, report: HealthReport) -> None:
    rows = connection.execute(
        text(
            "SELECT c.conrelid::regclass::text, c.conname, c.convalidated FROM pg_constraint c "
            "JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = current_schema() "
            "ORDER BY 1, 2"
        )
    ).all()
    invalid = [f"{table}.{name}" for table, name, valid in rows if not valid]
    if invalid:
        report.problems.append(
            f"{len(invalid)} constraints are not validated (first {invalid[0]}): rows may break the record's "
            "rules. Ask IT to run ALTER TABLE … VALIDATE CONSTRAINT, or restore a backup."
        )
    else:
        report.checked.append(f"all {len(rows)} constraints (keys, references, checks) validated")


def _check_indexes(connection: Connection, report: HealthReport) -> None:
    installed = connection.execute(text("SELECT 1 FROM pg_extension WHERE extname = 'amcheck'")).scalar()
    if not installed:
        report.notes.append(
            "amcheck is not installed in this database, so its indexes were not checked "
            "(IT can add it: CREATE EXTENSION amcheck)."
        )
        return
    indexes = (
        connection.execute(
            text(
                "SELECT i.indexrelid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am a ON a.oid = c.relam "
                "WHERE n.nspname = current_schema() AND a.amname = 'btree' AND i.indisvalid ORDER BY 1"
            )
        )
        .scalars()
        .all()
    )
    for index in indexes:
        try:
            connection.execute(text("SELECT bt_index_check(CAST(:name AS regclass))"), {"name": index})
        except DBAPIError as error:
            report.problems.append(
                f"index {index} is damaged ({str(error.orig).strip().splitlines()[0]}). Ask IT to REINDEX it."
            )
            connection.rollback()
    report.checked.append(f"amcheck: {len(indexes)} indexes")
