"""Damaged and unusual database files: each refused with a message saying what to do, never modified."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from sst_desktop.domain import Organisation
from sst_desktop.services.organisations import create_organisation, list_organisations
from sst_desktop.storage import filesystems
from sst_desktop.storage.errors import (
    DamagedDatabaseError,
    ForeignDatabaseError,
    NewerDatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    ReadOnlyLocationError,
)
from sst_desktop.storage.opening import open_path
from tests.sqlite_tools import connect
from tests.unprivileged import as_unprivileged, give_to_unprivileged, shared_folder


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_database(path: Path, *names: str) -> None:
    db = open_path(path, backup_dir=path.parent / "backups")
    with db.write() as session:
        session.add_all(Organisation(name=name) for name in names)
    db.dispose()


def test_random_bytes_are_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "random.db"
    path.write_bytes(bytes(range(256)) * 40)
    before = checksum(path)
    with pytest.raises(NotADatabaseError, match="not an SST Desktop database") as raised:
        open_path(path)
    assert "Choose another file, or open a backup" in raised.value.advice
    assert checksum(path) == before


def test_zero_byte_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    with pytest.raises(NotADatabaseError, match="empty") as raised:
        open_path(path)
    assert "Open a backup" in raised.value.advice
    assert path.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.commit()
    connection.close()
    before = checksum(path)
    with pytest.raises(ForeignDatabaseError, match="another program") as raised:
        open_path(path)
    assert "Choose an SST Desktop database" in raised.value.advice
    assert checksum(path) == before


def test_foreign_application_id_is_refused_even_with_our_tables(tmp_path: Path) -> None:
    path = tmp_path / "lookalike.db"
    make_database(path)
    with connect(path) as connection:
        connection.execute("PRAGMA application_id = 1234")
    before = checksum(path)
    with pytest.raises(ForeignDatabaseError):
        open_path(path)
    assert checksum(path) == before


def test_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    make_database(path)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    connection.commit()
    connection.close()
    before = checksum(path)
    with pytest.raises(NewerDatabaseError, match="newer version") as raised:
        open_path(path)
    assert "Install the newer version" in raised.value.advice
    assert checksum(path) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["newer.db"]  # no journal litter


@pytest.mark.parametrize("keep_fraction", [0.5, 0.9])
def test_truncated_file_is_refused(tmp_path: Path, keep_fraction: float) -> None:
    whole = tmp_path / "whole.db"
    make_database(whole, *(f"Organisation {n} " + "x" * 150 for n in range(200)))
    path = tmp_path / "cut.db"
    data = whole.read_bytes()
    path.write_bytes(data[: int(len(data) * keep_fraction)])
    before = checksum(path)
    with pytest.raises(DamagedDatabaseError, match="damaged") as raised:
        open_path(path)
    assert "Open one of its backups instead, or choose another file" in raised.value.advice
    assert checksum(path) == before
    assert not any(p.name.startswith("cut.db-") for p in tmp_path.iterdir())


def test_file_cut_at_a_page_boundary_is_refused(tmp_path: Path) -> None:
    whole = tmp_path / "whole.db"
    make_database(whole, *(f"Organisation {n} " + "x" * 150 for n in range(200)))
    path = tmp_path / "cut.db"
    path.write_bytes(whole.read_bytes()[: 4096 * 3])
    with pytest.raises(DamagedDatabaseError, match="shorter than its header says"):
        open_path(path)


def test_file_shorter_than_a_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "stub.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x10\x00")
    with pytest.raises(DamagedDatabaseError, match="shorter than an SQLite header"):
        open_path(path)


def test_damaged_pages_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "scribbled.db"
    make_database(path, "Sefton Council")
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page after the header
    path.write_bytes(bytes(data))
    before = checksum(path)
    with pytest.raises(DamagedDatabaseError):
        open_path(path)
    assert checksum(path) == before


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(NotADatabaseError, match="is a folder"):
        open_path(tmp_path)


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReadOnlyLocationError, match="does not exist"):
        open_path(tmp_path / "no" / "such" / "folder.db")


def test_explicit_read_only_refuses_writes_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "board.db"
    make_database(path, "Sefton Council")
    before = checksum(path)
    db = open_path(path, read_only=True, backup_dir=tmp_path / "backups")
    assert db.read_only
    assert any("read-only" in notice for notice in db.notices)
    assert [o.name for o in list_organisations(db)] == ["Sefton Council"]
    with pytest.raises(ReadOnlyDatabaseError, match="read-only") as raised:
        create_organisation(db, "Merseyside Police")
    assert "not saved" in raised.value.message
    db.dispose()
    assert checksum(path) == before


# Permissions: these run as an unprivileged user (root ignores file modes). -----------------------
def _open_and_try_to_write(path: str) -> dict[str, object]:
    db = open_path(Path(path), backup_dir=Path(path).parent / "backups")
    names = [o.name for o in list_organisations(db)]
    try:
        create_organisation(db, "Merseyside Police")
        write = "saved"
    except ReadOnlyDatabaseError as error:
        write = str(error)
    result = {"read_only": db.read_only, "notices": list(db.notices), "names": names, "write": write}
    db.dispose()
    return result


def _open_error(path: str) -> tuple[str, str]:
    try:
        open_path(Path(path), backup_dir=Path(path).parent / "backups").dispose()
    except Exception as error:
        return type(error).__name__, str(error)
    return "", "opened"


def _warm_up(tmp_path: Path) -> None:
    """Import everything the unprivileged checks use while we still can (see tests/unprivileged.py)."""
    scratch = tmp_path / "warm.db"
    make_database(scratch, "Warm")
    _open_and_try_to_write(str(scratch))
    _open_error(str(tmp_path / "missing" / "x.db"))


def test_read_only_file_opens_read_only(tmp_path: Path) -> None:
    _warm_up(tmp_path)
    with shared_folder() as folder:
        path = folder / "board.db"
        make_database(path, "Sefton Council")
        give_to_unprivileged(path)
        path.chmod(0o444)
        before = checksum(path)
        result = as_unprivileged(_open_and_try_to_write, str(path))
        assert result["read_only"] is True
        assert result["names"] == ["Sefton Council"]
        assert "read-only" in result["write"] and "not saved" in result["write"]
        assert any("read-only" in n for n in result["notices"])
        assert checksum(path) == before


def test_database_in_read_only_folder_opens_read_only(tmp_path: Path) -> None:
    """A WAL database whose folder cannot be written: SQLite cannot create its -shm file there."""
    _warm_up(tmp_path)
    with shared_folder() as folder:
        inner = folder / "board"
        inner.mkdir()
        path = inner / "board.db"
        make_database(path, "Sefton Council")
        assert not (inner / "board.db-wal").exists()
        give_to_unprivileged(inner, path)
        inner.chmod(0o555)
        before = checksum(path)
        result = as_unprivileged(_open_and_try_to_write, str(path))
        assert result["read_only"] is True
        assert result["names"] == ["Sefton Council"]
        assert "not saved" in result["write"]
        assert checksum(path) == before
        assert sorted(p.name for p in inner.iterdir()) == ["board.db"]
        assert any("open it again" in n for n in result["notices"])


def test_new_database_in_read_only_folder_is_refused(tmp_path: Path) -> None:
    _warm_up(tmp_path)
    with shared_folder() as folder:
        inner = folder / "locked"
        inner.mkdir()
        give_to_unprivileged(inner)
        inner.chmod(0o555)
        kind, message = as_unprivileged(_open_error, str(inner / "new.db"))
        assert kind == "ReadOnlyLocationError"
        assert "cannot write to the folder" in message and "Choose a folder you can write to" in message
        assert list(inner.iterdir()) == []


def test_unreadable_file_is_refused(tmp_path: Path) -> None:
    _warm_up(tmp_path)
    with shared_folder() as folder:
        path = folder / "secret.db"
        make_database(path, "Sefton Council")
        path.chmod(0o000)
        before_mode = path.stat().st_mode
        kind, message = as_unprivileged(_open_error, str(path))
        assert kind == "NotADatabaseError"
        assert "cannot be read" in message and "Permission denied" in message
        assert path.stat().st_mode == before_mode


def test_old_schema_in_read_only_file_is_refused_clearly(tmp_path: Path) -> None:
    from sst_desktop.storage.engine import APPLICATION_ID, create_app_engine, sqlite_url
    from sst_desktop.storage.migrations import head_revision, script_directory, upgrade

    _warm_up(tmp_path)
    previous = script_directory().get_revision(head_revision()).down_revision
    with shared_folder() as folder:
        path = folder / "old.db"
        engine = create_app_engine(sqlite_url(path))
        upgrade(engine, previous)
        engine.dispose()
        with connect(path) as connection:
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        give_to_unprivileged(path)
        path.chmod(0o444)
        before = checksum(path)
        kind, message = as_unprivileged(_open_error, str(path))
        assert kind == "ReadOnlyLocationError"
        assert "older version" in message and "Copy it to a folder you can write to" in message
        assert checksum(path) == before


# Network shares -----------------------------------------------------------------------------------
MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
//server/committees /mnt/council\\040share cifs rw,relatime,vers=3.1.1 0 0
server:/export /srv/nfs nfs4 rw 0 0
user@host:/home /home/me/remote fuse.sshfs rw 0 0
tmpfs /srv/nfs/local tmpfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "fstype"),
    [
        ("/home/me/board.db", "ext4"),
        ("/mnt/council share/board.db", "cifs"),
        ("/srv/nfs/board.db", "nfs4"),
        ("/srv/nfs/local/board.db", "tmpfs"),
        ("/srv/nfsx/board.db", "ext4"),
        ("/home/me/remote/board.db", "fuse.sshfs"),
    ],
)
def test_mount_table_gives_the_file_system(path: str, fstype: str) -> None:
    mounts = filesystems.parse_mounts(MOUNTS)
    assert filesystems.fstype_from_mounts(Path(path), mounts) == fstype


def test_this_machine_tmp_folder_is_local(tmp_path: Path) -> None:
    location = filesystems.locate(tmp_path / "x.db")
    if location is None:
        pytest.skip("this system does not say what file system a folder is on")
    assert not location.network


def test_network_share_uses_the_rollback_journal_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "board.db"
    make_database(path, "Sefton Council")  # made locally, in WAL mode
    monkeypatch.setattr(filesystems, "locate", lambda p: filesystems.Location("cifs", True))
    db = open_path(path, backup_dir=tmp_path / "backups")
    assert db.journal_mode == "delete"
    assert any("network drive (cifs)" in n and "rollback journal" in n for n in db.notices)
    create_organisation(db, "Merseyside Police")
    assert not (tmp_path / "board.db-wal").exists()
    db.dispose()
    with connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert connection.execute("SELECT count(*) FROM organisations").fetchone()[0] == 2


def test_local_database_uses_wal(db_path: Path, tmp_path: Path) -> None:
    db = open_path(db_path, backup_dir=tmp_path / "b")
    assert db.journal_mode == "wal"
    assert not db.notices
    db.dispose()


def test_open_leaves_no_stray_files(tmp_path: Path) -> None:
    path = tmp_path / "board.db"
    make_database(path, "Sefton Council")
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("backups")) == ["board.db"]
    assert os.access(path, os.R_OK)
