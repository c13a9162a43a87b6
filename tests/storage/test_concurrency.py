"""Two programs on one file: no update is lost, a busy file waits, and a lock held too long is explained."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from sst_desktop.domain import Organisation
from sst_desktop.services.organisations import create_organisation, list_organisations
from sst_desktop.storage.errors import DatabaseBusyError
from sst_desktop.storage.opening import open_path

ROOT = Path(__file__).resolve().parents[2]

INCREMENTER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from sqlalchemy import select
    from sst_desktop.domain import Organisation
    from sst_desktop.storage.opening import open_path

    path, count, backups = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    db = open_path(path, backup_dir=backups)
    print("ready", flush=True)
    sys.stdin.readline()  # start together
    for _ in range(count):
        with db.write() as session:  # read, then write what was read plus one
            counter = session.scalar(select(Organisation).where(Organisation.name == "Counter"))
            counter.short_name = str(int(counter.short_name) + 1)
    db.dispose()
    print("done", flush=True)
    """
)

HOLDER = textwrap.dedent(
    """
    import sqlite3, sys, time
    connection = sqlite3.connect(sys.argv[1], isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("UPDATE organisations SET short_name = 'held' WHERE name = 'Counter'")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    connection.execute("COMMIT")
    print("released", flush=True)
    """
)


def _start(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def board(tmp_path: Path) -> Path:
    path = tmp_path / "board.db"
    db = open_path(path, backup_dir=tmp_path / "backups")
    with db.write() as session:
        session.add(Organisation(name="Counter", short_name="0"))
    db.dispose()
    return path


def test_two_processes_writing_at_once_lose_no_update(board: Path, tmp_path: Path) -> None:
    count = 150
    workers = [_start(INCREMENTER, str(board), str(count), str(tmp_path / "backups")) for _ in range(2)]
    for worker in workers:
        assert worker.stdout is not None and worker.stdout.readline().strip() == "ready"
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        assert out.strip() == "done"
    db = open_path(board, backup_dir=tmp_path / "backups")
    counter = next(o for o in list_organisations(db) if o.name == "Counter")
    db.dispose()
    assert counter.short_name == str(2 * count)


def test_a_write_waits_for_another_program_then_saves(board: Path, tmp_path: Path) -> None:
    holder = _start(HOLDER, str(board), "2")
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    db = open_path(board, backup_dir=tmp_path / "backups", busy_timeout=10)
    assert any("saving to board.db right now" in notice for notice in db.notices)
    assert holder.poll() is None  # still holding the lock
    started = time.monotonic()
    create_organisation(db, "Merseyside Police")
    waited = time.monotonic() - started
    holder.communicate(timeout=30)
    names = {o.name: o.short_name for o in list_organisations(db)}
    db.dispose()
    assert waited > 0.2
    assert names == {"Counter": "held", "Merseyside Police": ""}


def test_a_lock_held_too_long_gives_a_clear_message_and_loses_nothing(board: Path, tmp_path: Path) -> None:
    holder = _start(HOLDER, str(board), "1.5")
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    db = open_path(board, backup_dir=tmp_path / "backups", busy_timeout=0.3)
    with pytest.raises(DatabaseBusyError) as raised:
        create_organisation(db, "Merseyside Police")
    assert "another copy of SST Desktop or another program" in raised.value.message
    assert "This change was not saved" in raised.value.advice
    assert "try again" in raised.value.advice
    holder.communicate(timeout=30)
    create_organisation(db, "Merseyside Police")  # trying again works once the other has finished
    names = sorted(o.name for o in list_organisations(db))
    db.dispose()
    assert names == ["Counter", "Merseyside Police"]
