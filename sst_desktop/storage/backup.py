"""Consistent copies of a live database, taken with SQLite's online backup API (never a file copy)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sst_desktop.paths import default_backup_dir
from sst_desktop.storage.engine import Database

DEFAULT_KEEP = 10


def backup_folder_for(database: Database, folder: Path | None = None) -> Path:
    return folder if folder is not None else default_backup_dir()


def take_backup(
    database: Database, *, reason: str = "manual", folder: Path | None = None, keep: int = DEFAULT_KEEP
) -> Path | None:
    """Copy the database into ``folder`` (the user's backup folder by default); return the copy's path.

    Returns None for databases that are not SQLite files (in-memory, PostgreSQL).
    """
    source = database.path
    if source is None or not source.exists():
        return None
    target_folder = backup_folder_for(database, folder)
    target_folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = target_folder / f"{source.stem}-{stamp}-{reason}.db"
    backup_to(source, target)
    rotate(target_folder, source.stem, keep)
    return target


def backup_to(source: Path, target: Path) -> None:
    """Online backup of ``source`` into ``target`` (written under a temporary name, then renamed)."""
    partial = target.with_name(target.name + ".partial")
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)


def rotate(folder: Path, stem: str, keep: int) -> None:
    """Keep the newest ``keep`` backups of this database in ``folder``."""
    copies = sorted(folder.glob(f"{stem}-*.db"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in copies[max(keep, 1) :]:
        old.unlink(missing_ok=True)
