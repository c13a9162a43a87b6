"""Backups: consistent online copies, automatic on open and before migrations, rotation, restore."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from sst_desktop.domain import Organisation
from sst_desktop.services.organisations import create_organisation, list_organisations
from sst_desktop.storage import backup
from sst_desktop.storage.backup import (
    BackupPolicy,
    backup_database_file,
    checked_keep,
    list_backups,
    restore_backup,
    rotate,
    take_backup,
    verify_backup,
)
from sst_desktop.storage.errors import BackupError
from sst_desktop.storage.opening import open_path
from tests.sqlite_tools import connect


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names_in(path: Path) -> list[str]:
    with connect(f"file:{path}?mode=ro", uri=True) as connection:
        return [row[0] for row in connection.execute("SELECT name FROM organisations ORDER BY id")]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "backups"


def test_backup_includes_committed_work_still_in_the_wal(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "board.db"
    db = open_path(path, backup_dir=folder)
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_autocheckpoint = 0")
    create_organisation(db, "Sefton Council")
    create_organisation(db, "Merseyside Police")
    assert (tmp_path / "board.db-wal").stat().st_size > 0

    # Another connection is half-way through a change that is never committed.
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute(
        "INSERT INTO organisations (name, short_name, archived, created_at, updated_at) "
        "VALUES ('Uncommitted', '', 0, '2022-01-01', '2022-01-01')"
    )
    copy = take_backup(db, folder=folder)
    other.execute("ROLLBACK")
    other.close()
    db.dispose()

    assert copy is not None
    assert names_in(copy) == ["Sefton Council", "Merseyside Police"]
    with connect(copy) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert not list(copy.parent.glob(".*partial"))


def test_open_takes_a_backup_only_when_something_changed(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "board.db"
    db = open_path(path, backup_dir=folder)
    create_organisation(db, "Sefton Council")
    db.dispose()
    assert list_backups(path, folder) == []  # a brand-new file has nothing worth keeping yet

    open_path(path, backup_dir=folder).dispose()
    first = list_backups(path, folder)
    assert [b.reason for b in first] == ["open"]
    assert names_in(first[0].path) == ["Sefton Council"]

    open_path(path, backup_dir=folder).dispose()
    assert list_backups(path, folder) == first  # nothing changed: no second copy

    db = open_path(path, backup_dir=folder)
    create_organisation(db, "Merseyside Police")
    db.dispose()
    open_path(path, backup_dir=folder).dispose()
    after = list_backups(path, folder)
    assert len(after) == 2
    assert names_in(after[0].path) == ["Sefton Council", "Merseyside Police"]


def test_rotation_keeps_the_newest_of_each_kind(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "board.db"
    db = open_path(path, backup_dir=folder)
    create_organisation(db, "Sefton Council")
    migration = backup_database_file(path, reason="before-migration", folder=folder, keep=3)
    made = [backup_database_file(path, reason="manual", folder=folder, keep=3) for _ in range(5)]
    db.dispose()
    kept = list_backups(path, folder)
    assert [b.path for b in kept if b.reason == "manual"] == list(reversed(made))[:3]
    assert [b.path for b in kept if b.reason == "before-migration"] == [migration]
    assert (
        rotate(backup.backups_folder(path, folder), 1) == [b.path for b in kept if b.reason == "manual"][1:]
    )


def test_two_databases_with_the_same_name_keep_separate_backups(tmp_path: Path, folder: Path) -> None:
    first = tmp_path / "a" / "board.db"
    second = tmp_path / "b" / "board.db"
    for path, name in ((first, "First"), (second, "Second")):
        path.parent.mkdir()
        db = open_path(path, backup_dir=folder)
        create_organisation(db, name)
        take_backup(db, folder=folder, keep=1)
        db.dispose()
    assert [names_in(b.path) for b in list_backups(first, folder)] == [["First"]]
    assert [names_in(b.path) for b in list_backups(second, folder)] == [["Second"]]


def test_damaged_database_never_replaces_a_good_backup(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "board.db"
    db = open_path(path, backup_dir=folder)
    with db.write() as session:
        session.add_all(Organisation(name=f"Organisation {n} " + "x" * 150) for n in range(300))
    good = take_backup(db, folder=folder, keep=1)
    db.dispose()
    with connect(path) as connection:
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name='organisations'").fetchone()[
            0
        ]
    data = bytearray(path.read_bytes())
    start = (root + 2) * 4096
    data[start : start + 4096] = b"\x00\x01" * 2048  # scribble over a page of the table
    path.write_bytes(bytes(data))

    with pytest.raises(BackupError, match="damaged"):
        backup_database_file(path, folder=folder, keep=1)
    assert [b.path for b in list_backups(path, folder)] == [good]
    assert not [p for p in good.parent.iterdir() if p.name.startswith(".")]


def test_keep_count_is_checked() -> None:
    assert checked_keep(None) == backup.DEFAULT_KEEP
    assert checked_keep("3") == 3
    for bad in (0, -1, "many", 10_000):
        with pytest.raises(BackupError, match="whole number from 1"):
            checked_keep(bad)
    with pytest.raises(ValueError):
        BackupPolicy(keep=0)


# Restore ----------------------------------------------------------------------------------------
def _board_with_backup(tmp_path: Path, folder: Path) -> tuple[Path, Path]:
    path = tmp_path / "board.db"
    db = open_path(path, backup_dir=folder)
    create_organisation(db, "Sefton Council")
    copy = take_backup(db, folder=folder)
    create_organisation(db, "Added after the backup")
    db.dispose()
    assert copy is not None
    return path, copy


def test_restore_keeps_the_current_file_then_brings_the_backup_back(tmp_path: Path, folder: Path) -> None:
    path, copy = _board_with_backup(tmp_path, folder)
    copy_sum = checksum(copy)
    result = restore_backup(copy, path, folder=folder)
    assert result.kept_copy is not None and result.kept_copy.exists()
    assert names_in(result.kept_copy) == ["Sefton Council", "Added after the backup"]
    assert names_in(path) == ["Sefton Council"]
    assert checksum(copy) == copy_sum  # the backup itself is untouched
    db = open_path(path, backup_dir=folder)
    assert [o.name for o in list_organisations(db)] == ["Sefton Council"]
    create_organisation(db, "Works again")
    db.dispose()


def test_restore_reaches_a_program_that_has_the_file_open(tmp_path: Path, folder: Path) -> None:
    path, copy = _board_with_backup(tmp_path, folder)
    other = sqlite3.connect(path)
    assert other.execute("SELECT count(*) FROM organisations").fetchone() == (2,)
    restore_backup(copy, path, folder=folder)
    assert other.execute("SELECT count(*) FROM organisations").fetchone() == (1,)
    other.close()


def test_restore_over_a_damaged_file_keeps_its_bytes(tmp_path: Path, folder: Path) -> None:
    path, copy = _board_with_backup(tmp_path, folder)
    path.write_bytes(b"this used to be a database")
    result = restore_backup(copy, path, folder=folder)
    assert result.kept_copy is not None
    assert result.kept_copy.read_bytes() == b"this used to be a database"
    assert names_in(path) == ["Sefton Council"]


@pytest.mark.parametrize("kind", ["zero", "text", "foreign", "truncated", "newer", "damaged"])
def test_restore_refuses_a_file_that_is_not_a_good_backup(tmp_path: Path, folder: Path, kind: str) -> None:
    path, copy = _board_with_backup(tmp_path, folder)
    bad = tmp_path / f"{kind}.db"
    if kind == "zero":
        bad.touch()
    elif kind == "text":
        bad.write_text("Minutes of the meeting held on 22 June 2022")
    elif kind == "foreign":
        with connect(bad) as connection:
            connection.execute("CREATE TABLE recipes (name TEXT)")
    elif kind == "truncated":
        db = open_path(tmp_path / "big.db", backup_dir=folder)
        with db.write() as session:
            session.add_all(Organisation(name=f"Organisation {n}" + "x" * 150) for n in range(300))
        db.dispose()
        bad.write_bytes((tmp_path / "big.db").read_bytes()[:20000])
    elif kind == "newer":
        shutil.copyfile(copy, bad)
        with connect(bad) as connection:
            connection.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    elif kind == "damaged":
        shutil.copyfile(copy, bad)
        data = bytearray(bad.read_bytes())
        data[4096 * 2 : 4096 * 3] = b"\x07" * 4096
        bad.write_bytes(bytes(data))
    before = checksum(path)
    with pytest.raises(BackupError, match=r"cannot be restored|does not exist") as raised:
        restore_backup(bad, path, folder=folder)
    assert "Choose another backup" in str(raised.value)
    assert checksum(path) == before
    assert [b.reason for b in list_backups(path, folder)] == ["manual"]


def test_restore_refuses_the_database_itself(tmp_path: Path, folder: Path) -> None:
    path, _copy = _board_with_backup(tmp_path, folder)
    with pytest.raises(BackupError, match="is the database itself"):
        restore_backup(path, path, folder=folder)


def test_verify_backup_describes_a_good_one(tmp_path: Path, folder: Path) -> None:
    _path, copy = _board_with_backup(tmp_path, folder)
    info = verify_backup(copy)
    assert info.reason == "manual" and info.label == "Backed up by hand"
    assert info.size == copy.stat().st_size


def test_half_written_copies_left_by_a_crash_are_cleared_later(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "board.db"
    db = open_path(path, backup_dir=folder)
    create_organisation(db, "Sefton Council")
    first = take_backup(db, folder=folder)
    assert first is not None
    stale = first.parent / ".board-20220101-100000-open.db.partial"
    fresh = first.parent / ".board-20220101-100001-open.db.partial"
    stale.write_bytes(b"half a copy")
    fresh.write_bytes(b"being written right now")
    old = time.time() - backup.STALE_PARTIAL_SECONDS - 60
    os.utime(stale, (old, old))
    take_backup(db, folder=folder)
    db.dispose()
    assert not stale.exists()
    assert fresh.exists()
