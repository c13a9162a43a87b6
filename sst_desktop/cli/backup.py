"""``backup`` and ``restore``: consistent copies of the database, and bringing one back safely.

    sst-desktop backup [--out FILE] [--keep N] [--list] [--database PATH]
    sst-desktop restore --from FILE [--keep N] [--database PATH]

``backup`` without ``--out`` writes into the database's backup folder and keeps the newest N there.
``restore`` checks the backup is an intact SST Desktop database first, and keeps a copy of the
current file in the backup folder before replacing it.

A team database on a server is backed up with ``pg_dump`` (custom format, ``.dump``) into a folder
named after the server and database, and restored with ``pg_restore``: same checks, same rotation.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sst_desktop.cli.common import CommandError, add_database_option, database_url, open_with_password
from sst_desktop.storage import backup, pg_backup
from sst_desktop.storage.engine import sqlite_path
from sst_desktop.storage.errors import StorageError
from sst_desktop.storage.files import inspect_sqlite_file
from sst_desktop.storage.locate import resolve_url
from sst_desktop.storage.server import display_url, is_server_url


def register(subparsers: argparse._SubParsersAction) -> None:
    make = subparsers.add_parser(
        "backup",
        help="take a consistent copy of the database (safe while SST Desktop is running)",
        description="Copy the database with SQLite's online backup, into --out FILE or the backup folder. "
        "--out FILE is the way to hand the record to someone: one checked file holding everything.",
    )
    make.add_argument("--out", metavar="FILE", help="write the backup to FILE (default: the backup folder)")
    make.add_argument("--force", action="store_true", help="replace FILE if it exists")
    make.add_argument(
        "--keep",
        metavar="N",
        type=_keep,
        default=backup.DEFAULT_KEEP,
        help=f"backups of each kind to keep in the backup folder (default {backup.DEFAULT_KEEP})",
    )
    make.add_argument("--list", action="store_true", help="list the backups of the database, newest first")
    add_database_option(make)
    make.set_defaults(handler=run_backup)

    restore = subparsers.add_parser(
        "restore",
        help="replace the database with a backup (a copy of the current file is kept)",
        description="Check FILE is an intact SST Desktop backup, keep a copy of the current database in "
        "the backup folder, then bring the backup back.",
    )
    restore.add_argument("--from", dest="source", metavar="FILE", required=True, help="the backup to restore")
    restore.add_argument(
        "--keep",
        metavar="N",
        type=_keep,
        default=backup.DEFAULT_KEEP,
        help=f"backups of each kind to keep in the backup folder (default {backup.DEFAULT_KEEP})",
    )
    add_database_option(restore)
    restore.set_defaults(handler=run_restore)


def _keep(value: str) -> int:
    try:
        return backup.checked_keep(value)
    except StorageError as error:
        raise argparse.ArgumentTypeError(error.message) from error


def _database_file(args: argparse.Namespace, *, must_exist: bool = True) -> Path:
    """The database file; it must exist unless only its backups are listed (those outlive it)."""
    url = database_url(args) if must_exist else resolve_url(args.database, create_folder=False)
    path = sqlite_path(url)
    if path is None:
        raise CommandError(
            "backups are taken of SQLite database files; use your database server's own backup tools"
        )
    return path


def _out_file(args: argparse.Namespace, example: str) -> Path:
    """``--out FILE``, refused when it is a folder, in a missing folder, or there already (no --force)."""
    target = Path(args.out).expanduser()
    if target.is_dir():
        raise CommandError(f"{target} is a folder: give the backup a file name, e.g. {target / example}")
    if not target.parent.is_dir():
        raise CommandError(f"the folder {target.parent} does not exist")
    if target.exists() and not args.force:
        raise CommandError(f"{target} already exists (use --force to replace it)")
    return target


def run_backup(args: argparse.Namespace) -> int:
    url = resolve_url(args.database, create_folder=False)
    if is_server_url(url):
        return _server_backup(args, url)
    path = _database_file(args, must_exist=not args.list)
    if args.list:
        return _print_backups(backup.list_backups(path), str(path), backup.backups_folder(path))
    inspect_sqlite_file(path)  # refuses (one line, file untouched) what is not an SST Desktop database
    if args.out:
        target = _out_file(args, path.name)
        if target.exists() and target.resolve() == path.resolve():
            raise CommandError(f"{target} is the database itself; choose another file")
        backup.backup_to(path, target)
    else:
        made = backup.backup_database_file(path, reason="manual", keep=args.keep)
        if made is None:  # only happens when asked to skip unchanged copies
            raise CommandError("no backup was written")
        target = made
    print(f"backed up {path} to {target}")
    return 0


def _print_backups(found: list[backup.BackupInfo], name: str, folder: Path) -> int:
    if not found:
        print(f"no backups of {name} in {folder}")
    for info in found:
        print(f"{info.taken_at:%Y-%m-%d %H:%M:%S}  {info.label:<18}  {info.size:>10,} bytes  {info.path}")
    return 0


def _server_backup(args: argparse.Namespace, url: str) -> int:
    if args.list:
        return _print_backups(
            pg_backup.list_server_backups(url), display_url(url), pg_backup.server_backups_folder(url)
        )
    database = open_with_password(url, migrate=False)
    try:
        if args.out:
            target = _out_file(args, "sst.dump")
            pg_backup.dump_to(database, target)
        else:
            target = pg_backup.take_server_backup(database, reason="manual", keep=args.keep)
    finally:
        database.dispose()
    print(f"backed up {database.display_name} to {target}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    url = resolve_url(args.database, create_folder=False)
    if is_server_url(url):
        database = open_with_password(url, migrate=False)
        try:
            done = pg_backup.restore_server_backup(Path(args.source).expanduser(), database, keep=args.keep)
        finally:
            database.dispose()
        print(f"restored {done.database} from {done.restored_from}")
        print(f"the database as it was before is kept at {done.kept_copy}")
        return 0
    path = _database_file(args)
    source = Path(args.source).expanduser()
    result = backup.restore_backup(source, path, keep=args.keep)
    print(f"restored {path} from {source}")
    if result.kept_copy is not None:
        print(f"the file as it was before is kept at {result.kept_copy}")
    return 0
