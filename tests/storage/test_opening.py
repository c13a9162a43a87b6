from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sst_desktop.storage.errors import (
    ForeignDatabaseError,
    NewerDatabaseError,
    NotADatabaseError,
    ReadOnlyLocationError,
)
from sst_desktop.storage.opening import open_path


def _unchanged(path: Path, before: bytes) -> None:
    assert path.read_bytes() == before


def test_random_bytes_are_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "random.db"
    path.write_bytes(bytes(range(256)) * 40)
    before = path.read_bytes()
    with pytest.raises(NotADatabaseError, match="not an SST Desktop database"):
        open_path(path)
    _unchanged(path, before)


def test_zero_byte_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    with pytest.raises(NotADatabaseError, match="empty"):
        open_path(path)
    assert path.stat().st_size == 0


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(ForeignDatabaseError, match="another program"):
        open_path(path)
    _unchanged(path, before)


def test_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    open_path(path, backup_dir=tmp_path / "b").dispose()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer version"):
        open_path(path)
    _unchanged(path, before)


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReadOnlyLocationError, match="does not exist"):
        open_path(tmp_path / "no" / "such" / "folder.db")
