"""``sst-desktop check``: is this database healthy, and is its schema current?"""

from __future__ import annotations

from dataclasses import dataclass, field

from sst_desktop.storage.engine import create_app_engine, sqlite_path
from sst_desktop.storage.errors import StorageError
from sst_desktop.storage.migrations import current_revision, head_revision, known_revisions
from sst_desktop.storage.opening import inspect_sqlite_file


@dataclass
class HealthReport:
    url: str
    revision: str | None = None
    head: str = ""
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems


def check_database(url: str) -> HealthReport:
    """Read-only checks: the file is ours, intact (``PRAGMA integrity_check``) and migrated to head."""
    report = HealthReport(url=url, head=head_revision())
    path = sqlite_path(url)
    if path is not None:
        if not path.exists():
            report.problems.append(f"{path} does not exist.")
            return report
        try:
            inspect_sqlite_file(path)
        except StorageError as error:
            report.problems.append(str(error))
            return report
    engine = create_app_engine(url, read_only=path is not None)
    try:
        with engine.connect() as connection:
            report.revision = current_revision(connection)
            if path is not None:
                rows = [r[0] for r in connection.exec_driver_sql("PRAGMA integrity_check").fetchall()]
                if rows != ["ok"]:
                    report.problems.append("integrity check failed: " + "; ".join(rows[:5]))
                fk = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if fk:
                    report.problems.append(f"{len(fk)} rows break foreign keys (first in table {fk[0][0]}).")
    except Exception as error:
        report.problems.append(f"the database cannot be read: {error}")
        return report
    finally:
        engine.dispose()
    if report.revision is None:
        report.problems.append("the database has no SST Desktop schema (run the program once to create it).")
    elif report.revision not in known_revisions():
        report.problems.append(f"schema {report.revision} is from a newer version of SST Desktop.")
    elif report.revision != report.head:
        report.notes.append(f"schema {report.revision} will be upgraded to {report.head} when opened.")
    return report
