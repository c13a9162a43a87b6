"""Consistent copies of a live database, taken with SQLite's online backup API (never a file copy).

Backups of one database live in their own folder inside the backup folder (the user's data folder by
default), named ``<stem>-<8 hex of its full path>``, each file ``<stem>-YYYYMMDD-HHMMSS-<reason>.db``.
Reasons: ``open`` (taken when the database is opened, skipped when nothing changed since the newest
backup), ``manual`` (Back up now), ``before-migration`` and ``before-restore``. Rotation keeps the
newest ``keep`` backups of each kind — routine (open and manual), migration, restore — so a burst
of routine copies never pushes out the copy taken before an upgrade.

Every copy is checked (``PRAGMA quick_check``) before it takes its final name: a damaged database
never replaces a good backup in the rotation.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sst_desktop.paths import default_backup_dir
from sst_desktop.storage.engine import (
    SQLITE_CANTOPEN,
    SQLITE_CORRUPT,
    SQLITE_FULL,
    SQLITE_NOTADB,
    SQLITE_READONLY,
    Database,
    read_only_uri,
)
from sst_desktop.storage.errors import BackupError, StorageError
from sst_desktop.storage.files import inspect_sqlite_file, location_writable, quiet_read_uri, sidecars

DEFAULT_KEEP = 10
STALE_PARTIAL_SECONDS = 15 * 60
MAX_KEEP = 1000
REASONS = ("open", "manual", "before-migration", "before-restore")
_GROUPS = {"open": "routine", "manual": "routine"}
# A server's backups are pg_dump archives (.dump, see pg_backup); they share the names and rotation.
SUFFIXES = (".db", ".dump")
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<day>\d{8})-(?P<time>\d{6})-(?P<reason>[a-z-]+?)(?:-(?P<n>\d+))?\.(?:db|dump)$"
)
_REASON_LABELS = {
    "open": "When opened",
    "manual": "Backed up by hand",
    "before-migration": "Before upgrade",
    "before-restore": "Before a restore",
}
# Header bytes SQLite rewrites without any change to the data: change counter, schema cookie,
# version-valid-for. Two copies that differ only there hold the same data.
_VOLATILE_HEADER = ((24, 28), (40, 44), (92, 96))


@dataclass(frozen=True)
class BackupPolicy:
    """Where backups go (None: the user's backup folder) and how many of each kind to keep."""

    folder: Path | None = None
    keep: int = DEFAULT_KEEP

    def __post_init__(self) -> None:
        if not 1 <= self.keep <= MAX_KEEP:
            raise ValueError(f"keep must be between 1 and {MAX_KEEP}")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # local time
    reason: str
    size: int

    @property
    def label(self) -> str:
        return _REASON_LABELS.get(self.reason, self.reason.replace("-", " ").capitalize())


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    database: Path
    kept_copy: Path | None  # the file as it was before the restore (None when there was no file)


def checked_keep(value: int | str | None) -> int:
    """A keep count from settings or the command line, or BackupError saying what is allowed."""
    try:
        keep = DEFAULT_KEEP if value in (None, "") else int(value)
    except (TypeError, ValueError):
        keep = 0
    if not 1 <= keep <= MAX_KEEP:
        raise BackupError(f"The number of backups to keep must be a whole number from 1 to {MAX_KEEP}.")
    return keep


def backup_root(folder: Path | None = None) -> Path:
    return folder if folder is not None else default_backup_dir()


def backups_folder(database_path: Path, folder: Path | None = None) -> Path:
    """The folder holding the backups of the database at ``database_path``."""
    resolved = Path(os.path.abspath(database_path))
    digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return backup_root(folder) / f"{resolved.stem}-{digest}"


# Backing up --------------------------------------------------------------------------------------
def take_backup(
    database: Database,
    *,
    reason: str = "manual",
    folder: Path | None = None,
    keep: int = DEFAULT_KEEP,
    skip_if_unchanged: bool = False,
) -> Path | None:
    """Copy the open database into its backup folder; return the copy's path.

    Returns None for databases that are not SQLite files (in-memory, PostgreSQL), and when
    ``skip_if_unchanged`` and the newest backup already holds the same data.
    """
    source = database.path
    if source is None or not source.exists():
        return None
    return backup_database_file(
        source, reason=reason, folder=folder, keep=keep, skip_if_unchanged=skip_if_unchanged
    )


def backup_database_file(
    source: Path,
    *,
    reason: str = "manual",
    folder: Path | None = None,
    keep: int = DEFAULT_KEEP,
    skip_if_unchanged: bool = False,
) -> Path | None:
    reason = reason if reason in REASONS else "manual"
    target_folder = prepare_folder(backups_folder(source, folder))
    target = _new_name(target_folder, source.stem, reason)
    backup_to(source, target)
    if skip_if_unchanged:
        previous = [b for b in list_backups(source, folder) if b.path != target]
        if previous and same_data(previous[0].path, target):
            target.unlink(missing_ok=True)
            return None
    rotate(target_folder, keep)
    return target


def prepare_folder(target_folder: Path) -> Path:
    """Make one database's backup folder (BackupError if it cannot be), tidied of stale partial copies."""
    try:
        target_folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(
            f"The backup folder {target_folder} cannot be created ({error.strerror}).",
            advice="Choose another backup folder, or free some space.",
        ) from error
    _remove_stale_partials(target_folder)
    return target_folder


def _remove_stale_partials(folder: Path) -> None:
    """Remove copies a killed program left half-written (old enough that nobody is still writing them)."""
    limit = time.time() - STALE_PARTIAL_SECONDS
    for partial in folder.glob(".*.partial"):
        with contextlib.suppress(OSError):
            if partial.stat().st_mtime < limit:
                partial.unlink()


def _new_name(folder: Path, stem: str, reason: str, suffix: str = ".db") -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{stem}-{stamp}-{reason}{suffix}"
    counter = 2
    while target.exists():
        target = folder / f"{stem}-{stamp}-{reason}-{counter}{suffix}"
        counter += 1
    return target


def _backup_files(folder: Path) -> list[Path]:
    return [path for suffix in SUFFIXES for path in folder.glob(f"*{suffix}")]


def _open_source(source: Path) -> sqlite3.Connection:
    """A connection to read ``source`` from, leaving no journal files behind.

    Where the file may be written this is an ordinary connection (it tidies its WAL files away when
    it closes); otherwise read-only, and for a WAL file in a folder we cannot write, immutable.
    """
    if location_writable(source):
        return sqlite3.connect(f"{source.resolve().as_uri()}?mode=rw", uri=True, timeout=10)
    try:
        connection = sqlite3.connect(read_only_uri(source), uri=True, timeout=10)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return connection
    except sqlite3.OperationalError as error:
        code = (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF
        if code not in (SQLITE_CANTOPEN, SQLITE_READONLY):
            raise
    return sqlite3.connect(read_only_uri(source, immutable=True), uri=True, timeout=10)


def backup_to(source: Path, target: Path) -> None:
    """Online backup of ``source`` into ``target``: written under a temporary name, checked, renamed.

    Raises BackupError (with a message for the user) when the copy cannot be written or is damaged;
    nothing is then left under ``target``.
    """
    partial = target.with_name(f".{target.name}.partial")
    folder = target.parent if str(target.parent) else Path(".")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BackupError(
            f"The backup {target} could not be written: SST Desktop may not write to the folder {folder} "
            "(permission denied).",
            advice="Choose a folder you can write to.",
        )
    try:
        src = _open_source(source)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
                check = [row[0] for row in dst.execute("PRAGMA quick_check").fetchall()]
            finally:
                dst.close()
        finally:
            src.close()
        if check != ["ok"]:
            raise BackupError(
                f"{source} looks damaged ({'; '.join(check[:3])}), so no backup was taken.",
                advice="Your earlier backups are kept. Restore one of them (File → Restore from backup, "
                "or sst-desktop restore).",
            )
        with partial.open("rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(partial, target)
    except sqlite3.Error as error:
        partial.unlink(missing_ok=True)
        message = str(error)
        code = (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF
        if code == SQLITE_FULL or "full" in message:
            raise BackupError(
                f"The disk is full, so the backup {target.name} was not written.",
                advice="Free some space and back up again.",
            ) from error
        if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
            raise BackupError(
                f"{source} looks damaged ({message}), so no backup was taken.",
                advice="Your earlier backups are kept. Restore one of them (File → Restore from backup, "
                "or sst-desktop restore).",
            ) from error
        raise BackupError(
            f"The backup of {source} could not be taken ({message}).",
            advice="Check the database with “sst-desktop check”, and that the backup folder can be written.",
        ) from error
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise BackupError(
            f"The backup {target} could not be written ({error.strerror or error}).",
            advice="Choose a folder you can write to, or free some space.",
        ) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _fingerprint(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        header = bytearray(stream.read(100))
        for start, end in _VOLATILE_HEADER:
            header[start:end] = bytes(end - start)
        digest.update(header)
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def same_data(first: Path, second: Path) -> bool:
    """Do two backup files hold the same pages (ignoring header counters SQLite bumps by itself)?"""
    try:
        if first.stat().st_size != second.stat().st_size:
            return False
        return _fingerprint(first) == _fingerprint(second)
    except OSError:
        return False


def parse_name(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        taken = datetime.strptime(match["day"] + match["time"], "%Y%m%d%H%M%S")
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupInfo(path=path, taken_at=taken, reason=match["reason"], size=size)


def list_backups(database_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The backups of this database, newest first."""
    return backups_in(backups_folder(database_path, folder))


def backups_in(target_folder: Path) -> list[BackupInfo]:
    """The backups in one database's backup folder, newest first."""
    if not target_folder.is_dir():
        return []
    found = [info for p in _backup_files(target_folder) if (info := parse_name(p)) is not None]
    return sorted(found, key=lambda b: (b.taken_at, b.path.stat().st_mtime_ns), reverse=True)


def rotate(folder: Path, keep: int) -> list[Path]:
    """Keep the newest ``keep`` backups of each kind in ``folder``; return what was removed."""
    keep = max(1, keep)
    groups: dict[str, list[BackupInfo]] = {}
    for path in _backup_files(folder):
        info = parse_name(path)
        if info is not None:
            groups.setdefault(_GROUPS.get(info.reason, info.reason), []).append(info)
    removed: list[Path] = []
    for infos in groups.values():
        infos.sort(key=lambda b: (b.taken_at, b.path.stat().st_mtime_ns), reverse=True)
        for old in infos[keep:]:
            old.path.unlink(missing_ok=True)
            removed.append(old.path)
    return removed


# Restoring ---------------------------------------------------------------------------------------
def verify_backup(path: Path) -> BackupInfo:
    """Check ``path`` is an intact SST Desktop database this version can open; BackupError if not."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist.", advice="Choose a backup file.")
    try:
        state = inspect_sqlite_file(path)
    except StorageError as error:
        raise BackupError(
            f"{path} cannot be restored: {error.message}", advice="Choose another backup."
        ) from error
    if state.revision is None:
        raise BackupError(
            f"{path} cannot be restored: it is not an SST Desktop database.", advice="Choose another backup."
        )
    try:
        connection = sqlite3.connect(quiet_read_uri(path), uri=True, timeout=10)
        try:
            check = [row[0] for row in connection.execute("PRAGMA integrity_check").fetchall()]
        finally:
            connection.close()
    except sqlite3.Error as error:
        check = [str(error)]
    if check != ["ok"]:
        raise BackupError(
            f"{path} cannot be restored: it is damaged ({'; '.join(check[:3])}).",
            advice="Choose another backup.",
        )
    info = parse_name(path)
    stat = path.stat()
    return info or BackupInfo(path, datetime.fromtimestamp(stat.st_mtime), "manual", stat.st_size)


def restore_backup(
    backup: Path, database_path: Path, *, folder: Path | None = None, keep: int = DEFAULT_KEEP
) -> RestoreResult:
    """Replace the database at ``database_path`` with the backup ``backup``.

    The backup is checked first. The current file is kept as a ``before-restore`` backup (an online
    copy; a raw copy of its bytes when it is too damaged for that); if no copy can be kept, nothing
    is replaced. A healthy current file is overwritten through SQLite's backup API, so other
    programs holding it open see the restored data; a damaged one is replaced by renaming.
    Close the application's own connections before calling this.
    """
    backup, database_path = Path(backup), Path(database_path)
    verify_backup(backup)
    if database_path.exists() and os.path.samefile(backup, database_path):
        raise BackupError(f"{backup} is the database itself.", advice="Choose a backup file.")
    if not location_writable(database_path):
        raise BackupError(
            f"{database_path} cannot be replaced: the file or its folder is read-only.",
            advice="Restore into a folder you can write to, or ask IT for access.",
        )
    kept = _keep_current(database_path, folder, keep) if database_path.exists() else None
    healthy = False
    if database_path.exists():
        try:
            inspect_sqlite_file(database_path)
            healthy = True
        except StorageError:
            healthy = False
    if healthy:
        _copy_into_live(backup, database_path)
    else:
        _replace_file(backup, database_path)
    return RestoreResult(restored_from=backup, database=database_path, kept_copy=kept)


def _keep_current(database_path: Path, folder: Path | None, keep: int) -> Path:
    target_folder = backups_folder(database_path, folder)
    try:
        kept = backup_database_file(database_path, reason="before-restore", folder=folder, keep=keep)
    except (BackupError, StorageError):
        kept = None
    if kept is not None:
        return kept
    # Too damaged for an online copy: keep its bytes (and its journals) exactly as they are.
    target = _new_name(target_folder, database_path.stem, "before-restore")
    try:
        target_folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(database_path, target)
        for sidecar in sidecars(database_path):
            if sidecar.exists():
                shutil.copyfile(
                    sidecar, target.with_name(target.name + sidecar.name[len(database_path.name) :])
                )
    except OSError as error:
        raise BackupError(
            f"A copy of {database_path} could not be kept ({error.strerror or error}), so nothing was restored.",
            advice="Free some space or choose another backup folder, then try again.",
        ) from error
    return target


def _copy_into_live(backup: Path, database_path: Path) -> None:
    try:
        src = sqlite3.connect(quiet_read_uri(backup), uri=True, timeout=10)
        try:
            dst = sqlite3.connect(database_path, timeout=10)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as error:
        raise BackupError(
            f"{database_path} could not be restored ({error}). The copy kept before the restore is safe.",
            advice="Close other copies of SST Desktop using this file and try again.",
        ) from error


def _replace_file(backup: Path, database_path: Path) -> None:
    temporary = database_path.with_name(f".{database_path.name}.restoring")
    backup_to(backup, temporary)
    try:
        for sidecar in sidecars(database_path):
            sidecar.unlink(missing_ok=True)
        os.replace(temporary, database_path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise BackupError(
            f"{database_path} could not be replaced ({error.strerror or error}). "
            "The copy kept before the restore is safe.",
            advice="Close other programs using the file and try again.",
        ) from error
