"""Backups, copies and restores of the open database file (or server database), on the database worker.

They queue behind the edits the window has asked for, so a backup holds everything typed before it
was asked for, and a restore replaces the file only once every pending save has reached it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from sst_desktop.storage import backup, pg_backup
from sst_desktop.storage.backup import BackupInfo, RestoreResult
from sst_desktop.storage.engine import Database
from sst_desktop.storage.errors import StorageError
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations.op import ReadOp
from sst_desktop.ui.tasks import Task, run_task


def back_up(parent: QWidget, database: Database, keep: int) -> Task:
    """A backup taken by hand (of a server: with pg_dump); ``Task.done`` gives its path."""
    if database.path is None:
        return run_task(
            parent,
            f"Backing up {database.display_name}…",
            lambda hooks: pg_backup.take_server_backup(database, reason="manual", keep=keep),
        )
    return run_task(
        parent,
        "Backing up the database…",
        lambda hooks: backup.take_backup(database, reason="manual", keep=keep),
    )


def save_copy(parent: QWidget, source: Path, target: Path) -> Task:
    """The whole database written to ``target``, to hand over."""
    return run_task(
        parent, f"Saving a copy to {target.name}…", lambda hooks: backup.backup_to(source, target)
    )


def check_backup(context: AppContext, parent: QWidget, source: Path) -> ReadOp[BackupInfo]:
    """What ``source`` holds, refused (``StorageError``) unless it is a backup that can be restored."""
    if context.database.path is None:
        return ReadOp(context, parent, lambda db: pg_backup.verify_server_backup(source, db))
    return ReadOp(context, parent, lambda db: backup.verify_backup(source))


def restore(parent: QWidget, database: Database, source: Path, keep: int) -> Task:
    """Replace the open file with ``source`` (its current state kept with the backups first); the
    database's connections close first, so nothing of the old file stays open."""
    path = database.path
    if path is None:  # a server: pg_restore into it, a pg_dump of it kept first
        return run_task(
            parent,
            f"Restoring {database.display_name} from the backup…",
            lambda hooks: pg_backup.restore_server_backup(source, database, keep=keep),
        )

    def work(hooks: object) -> RestoreResult:
        database.dispose()
        return backup.restore_backup(source, path, keep=keep)

    return run_task(parent, f"Restoring {path.name} from the backup…", work)


def take_open_backup(database: Database) -> str:
    """The backup taken when a database is opened (skipped when nothing changed since the newest).

    Runs on a thread of its own once the window shows (a large file's copy must not hold up the
    officer's first edits); returns a notice for the user when it failed.
    """
    if database.read_only or database.path is None:
        return ""
    from sst_desktop.ui.backup_actions import backup_keep

    try:
        backup.take_backup(database, reason="open", skip_if_unchanged=True, keep=backup_keep())
    except (StorageError, OSError) as error:
        return f"No backup was taken when the database was opened: {error}"
    return ""
