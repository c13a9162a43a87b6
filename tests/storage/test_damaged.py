"""A damaged file (its integrity check fails) opens read-only, nothing can be written to it, and what
can still be read is saved to a new file."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from sst_desktop.cli.main import main
from sst_desktop.domain import Committee, Organisation, Person
from sst_desktop.services.organisations import create_organisation, list_organisations
from sst_desktop.storage.backup import list_backups
from sst_desktop.storage.errors import DamagedDatabaseError, ReadOnlyDatabaseError
from sst_desktop.storage.opening import open_path
from sst_desktop.storage.salvage import salvage_database
from tests.sqlite_tools import connect, flip_cell_pointer, root_page

NAMES = [
    "Sefton Council",
    "Merseyside Police",
    "Merseyside Fire and Rescue Service",
    "National Probation Service",
    "Sefton CVS",
    "Sefton Youth Justice Service",
    "Home Office",
]

COMMITTEES = [("Safer Sefton Together", "SST"), ("Peer Review Working Group", "PRWG")]


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damaged_board(folder: Path, table: str = "organisations") -> Path:
    """A board's database whose ``table`` has one bit of a cell pointer on its first page flipped (one
    that makes reading the table fail, as well as the integrity check)."""
    path = folder / "board.db"
    db = open_path(path, backup_dir=folder / "opening-backups")
    with db.write() as session:
        organisations = [Organisation(name=name) for name in NAMES]
        session.add_all(organisations)
        session.flush()
        session.add(Person(first_name="Ian", last_name="Barton", organisation_id=organisations[0].id))
        session.add(Person(first_name="Lynn", last_name="Abbott", organisation_id=organisations[1].id))
        session.add_all(Committee(name=name, short_name=short) for name, short in COMMITTEES)
    db.dispose()
    assert sorted(p.name for p in folder.glob("board.db*")) == ["board.db"]
    flip_cell_pointer(path, root_page(path, table), bit=1)
    return path


def test_a_damaged_file_opens_read_only_and_nothing_reaches_it(tmp_path: Path) -> None:
    path = damaged_board(tmp_path)
    before = checksum(path)
    db = open_path(path, backup_dir=tmp_path / "backups")
    try:
        assert db.read_only and db.damage
        assert any(
            "board.db is damaged" in notice and "Save what can be read" in notice for notice in db.notices
        )
        with db.read() as session:  # what is not on the damaged page reads as ever
            assert sorted(p.last_name for p in session.query(Person)) == ["Abbott", "Barton"]
        with pytest.raises(DamagedDatabaseError, match="is damaged"):  # what is, says so
            list_organisations(db)
        with pytest.raises(ReadOnlyDatabaseError) as refused:
            create_organisation(db, "Sefton Council for Voluntary Service")
        assert "damaged" in str(refused.value) and "Restore a backup" in str(refused.value)
    finally:
        db.dispose()
    assert checksum(path) == before
    assert list_backups(path, tmp_path / "backups") == []  # no backup of a damaged file replaces a good one
    assert sorted(p.name for p in tmp_path.glob("board.db*")) == ["board.db"]


def test_commands_read_a_damaged_file_but_never_change_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = damaged_board(tmp_path)
    before = checksum(path)
    assert main(["export", "actions", "--out", str(tmp_path / "log.xlsx"), "--database", str(path)]) == 0
    assert "board.db is damaged" in capsys.readouterr().err
    assert main(["check", "--database", str(path)]) == 1
    assert "integrity check failed" in capsys.readouterr().err
    assert checksum(path) == before


def test_what_can_be_read_is_saved_to_a_new_file_that_opens_normally(tmp_path: Path) -> None:
    path = damaged_board(tmp_path)
    before = checksum(path)
    steps: list[tuple[int, int]] = []
    report = salvage_database(path, tmp_path / "rescued.db", lambda done, total: steps.append((done, total)))
    assert checksum(path) == before
    assert steps[-1][0] == steps[-1][1] == report.tables
    assert not report.complete
    with connect(tmp_path / "rescued.db") as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        rescued = {name for (name,) in connection.execute("SELECT name FROM organisations")}
        people = connection.execute("SELECT last_name FROM people ORDER BY last_name").fetchall()
    assert set(NAMES[1:]) <= rescued  # only the row whose pointer was flipped is lost
    assert people == [("Abbott",), ("Barton",)]  # kept, though Barton's organisation is gone

    rescued_db = open_path(tmp_path / "rescued.db", backup_dir=tmp_path / "backups")
    try:
        assert not rescued_db.read_only and not rescued_db.damage
        create_organisation(rescued_db, "Sefton Council")
        assert "Sefton Council" in {o.name for o in list_organisations(rescued_db)}
    finally:
        rescued_db.dispose()


def test_salvage_of_a_healthy_file_copies_everything(tmp_path: Path) -> None:
    path = tmp_path / "board.db"
    db = open_path(path, backup_dir=tmp_path / "b")
    for name in NAMES:
        create_organisation(db, name)
    db.dispose()
    report = salvage_database(path, tmp_path / "copy.db")
    assert report.complete and "Everything could be read" in report.summary
    with connect(tmp_path / "copy.db") as connection:
        assert sorted(n for (n,) in connection.execute("SELECT name FROM organisations")) == sorted(NAMES)


def test_salvage_refuses_a_file_whose_list_of_tables_is_gone(tmp_path: Path) -> None:
    path = tmp_path / "board.db"
    db = open_path(path, backup_dir=tmp_path / "b")
    db.dispose()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\x00" * (4096 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedDatabaseError, match="its list of tables cannot be read"):
        salvage_database(path, tmp_path / "copy.db")
    assert not (tmp_path / "copy.db").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_damage_found_on_opening_does_not_slow_a_healthy_open(tmp_path: Path) -> None:
    """(Not a timing test: a healthy file opens read-write with no notice about damage.)"""
    path = tmp_path / "board.db"
    db = open_path(path, backup_dir=tmp_path / "b")
    create_organisation(db, "Sefton Council")
    db.dispose()
    again = open_path(path, backup_dir=tmp_path / "b")
    try:
        assert not again.read_only and again.damage == ()
        assert not any("damaged" in notice for notice in again.notices)
    finally:
        again.dispose()
