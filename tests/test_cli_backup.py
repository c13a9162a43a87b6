"""``sst-desktop backup``, ``restore`` and ``check`` from the command line: each bad input one line, exit 1."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from sst_desktop.cli.main import main
from sst_desktop.domain import Organisation
from sst_desktop.storage.backup import backups_folder, list_backups
from sst_desktop.storage.opening import open_path
from tests.sqlite_tools import connect
from tests.unprivileged import as_unprivileged, give_to_unprivileged, shared_folder

ROOT = Path(__file__).resolve().parent.parent


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names_in(path: Path) -> list[str]:
    with connect(f"file:{path}?mode=ro", uri=True) as connection:
        return [row[0] for row in connection.execute("SELECT name FROM organisations ORDER BY id")]


def make_board(path: Path, *names: str) -> Path:
    db = open_path(path, backup_dir=path.parent / "opening-backups")
    with db.write() as session:
        session.add_all(Organisation(name=name) for name in names)
    db.dispose()
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def board(tmp_path: Path) -> Path:
    return make_board(tmp_path / "board.db", "Sefton Council", "Merseyside Police")


# backup -------------------------------------------------------------------------------------------
def test_backup_to_a_file(capsys: pytest.CaptureFixture[str], board: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "copy.db"
    code, out, err = run(capsys, "backup", "--out", str(out_file), "--database", str(board))
    assert (code, err) == (0, "")
    assert out.strip() == f"backed up {board} to {out_file}"
    assert names_in(out_file) == ["Sefton Council", "Merseyside Police"]

    code, _out, err = run(capsys, "backup", "--out", str(out_file), "--database", str(board))
    assert code == 1
    assert err.strip() == f"sst-desktop: error: {out_file} already exists (use --force to replace it)"
    assert run(capsys, "backup", "--out", str(out_file), "--force", "--database", str(board))[0] == 0


def test_backup_into_the_backup_folder_rotates_and_lists(
    capsys: pytest.CaptureFixture[str], board: Path
) -> None:
    for _ in range(3):
        assert run(capsys, "backup", "--keep", "2", "--database", str(board))[0] == 0
    kept = list_backups(board)
    assert len(kept) == 2
    assert all(b.path.parent == backups_folder(board) for b in kept)
    code, out, _err = run(capsys, "backup", "--list", "--database", str(board))
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == 2
    assert "Backed up by hand" in lines[0] and str(kept[0].path) in lines[0]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--out", "{tmp}/no/such/folder/copy.db"], "the folder {tmp}/no/such/folder does not exist"),
        (["--out", "{tmp}"], "is a folder: give the backup a file name"),
        (["--out", "{board}", "--force"], "is the database itself"),
    ],
)
def test_backup_bad_targets(
    capsys: pytest.CaptureFixture[str], board: Path, tmp_path: Path, argv: list[str], message: str
) -> None:
    argv = [a.format(tmp=tmp_path, board=board) for a in argv]
    before = checksum(board)
    code, out, err = run(capsys, "backup", *argv, "--database", str(board))
    assert code == 1 and out == ""
    assert err.startswith("sst-desktop: error: ") and err.count("\n") == 1
    assert message.format(tmp=tmp_path) in err
    assert checksum(board) == before


@pytest.mark.parametrize("keep", ["0", "-3", "lots", "100000"])
def test_backup_keep_must_be_sensible(capsys: pytest.CaptureFixture[str], board: Path, keep: str) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["backup", "--keep", keep, "--database", str(board)])
    assert raised.value.code == 2
    assert "whole number from 1 to 1000" in capsys.readouterr().err


def test_backup_of_something_that_is_not_a_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "notes.db"
    path.write_text("Minutes of the meeting held on 22 June 2022")
    code, _out, err = run(capsys, "backup", "--out", str(tmp_path / "x.db"), "--database", str(path))
    assert code == 1
    assert "is not an SST Desktop database" in err
    assert not (tmp_path / "x.db").exists()
    code, _out, err = run(capsys, "backup", "--database", str(tmp_path / "missing.db"))
    assert code == 1 and "missing.db does not exist. Check the path" in err
    assert not (tmp_path / "missing.db").exists()


def _cli_backup(database: str, target: str) -> tuple[int, str]:
    import contextlib
    import io

    stream = io.StringIO()
    with contextlib.redirect_stderr(stream), contextlib.redirect_stdout(io.StringIO()):
        code = main(["backup", "--out", target, "--database", database])
    return code, stream.getvalue()


def test_backup_into_a_folder_that_cannot_be_written(board: Path, tmp_path: Path) -> None:
    _cli_backup(str(board), str(tmp_path / "warm.db"))  # import everything while still allowed
    with shared_folder() as folder:
        locked = folder / "locked"
        locked.mkdir()
        give_to_unprivileged(locked)
        locked.chmod(0o555)
        source = folder / "board.db"
        source.write_bytes(board.read_bytes())
        give_to_unprivileged(source)
        code, err = as_unprivileged(_cli_backup, str(source), str(locked / "copy.db"))
        assert code == 1
        assert err.startswith("sst-desktop: error: The backup ") and "could not be written" in err
        assert "permission denied" in err and err.count("\n") == 1
        assert list(locked.iterdir()) == []


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from sst_desktop.domain import Organisation
    from sst_desktop.storage.opening import open_path
    db = open_path(Path(sys.argv[1]), backup_dir=Path(sys.argv[1]).parent / "w")
    n = 0
    print("writing", flush=True)
    while True:
        with db.write() as session:
            for _ in range(20):
                n += 1
                session.add(Organisation(name=f"Organisation {n}", short_name="x" * 100))
    """
)


def test_backups_taken_while_another_program_writes_are_consistent(
    capsys: pytest.CaptureFixture[str], board: Path, tmp_path: Path
) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(board)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "writing"
        counts: list[int] = []
        deadline = time.monotonic() + 60
        while len(set(counts)) < 3 and time.monotonic() < deadline:  # copies taken mid-stream
            target = tmp_path / f"live-{len(counts)}.db"
            assert run(capsys, "backup", "--out", str(target), "--database", str(board))[0] == 0
            with connect(target) as connection:
                assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
                count = connection.execute("SELECT count(*) FROM organisations").fetchone()[0]
            assert (count - 2) % 20 == 0  # whole transactions only
            counts.append(count)
            target.unlink()
    finally:
        writer.kill()
        writer.communicate()  # waits, and closes the pipe
    assert len(set(counts)) >= 3, counts


# restore ------------------------------------------------------------------------------------------
def test_restore_keeps_a_copy_and_brings_the_backup_back(
    capsys: pytest.CaptureFixture[str], board: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.db"
    assert run(capsys, "backup", "--out", str(copy), "--database", str(board))[0] == 0
    make_board(board, "Added later")
    code, out, err = run(capsys, "restore", "--from", str(copy), "--database", str(board))
    assert (code, err) == (0, "")
    lines = out.strip().splitlines()
    assert lines[0] == f"restored {board} from {copy}"
    kept = Path(lines[1].rsplit(" at ", 1)[1])
    assert names_in(kept) == ["Sefton Council", "Merseyside Police", "Added later"]
    assert names_in(board) == ["Sefton Council", "Merseyside Police"]
    assert run(capsys, "check", "--database", str(board))[0] == 0


@pytest.mark.parametrize("kind", ["zero", "text", "foreign", "damaged", "missing"])
def test_restore_refuses_what_is_not_a_good_backup(
    capsys: pytest.CaptureFixture[str], board: Path, tmp_path: Path, kind: str
) -> None:
    bad = tmp_path / "bad.db"
    if kind == "zero":
        bad.touch()
    elif kind == "text":
        bad.write_text("=cmd|' /C calc'!A0")
    elif kind == "foreign":
        with connect(bad) as connection:
            connection.execute("CREATE TABLE recipes (name TEXT)")
    elif kind == "damaged":
        data = bytearray(board.read_bytes())
        data[4096 * 2 : 4096 * 3] = b"\x07" * 4096
        bad.write_bytes(bytes(data))
    before = checksum(board)
    code, out, err = run(capsys, "restore", "--from", str(bad), "--database", str(board))
    assert code == 1 and out == ""
    assert err.startswith("sst-desktop: error: ") and err.count("\n") == 1
    assert ("cannot be restored" in err and "Choose another backup" in err) or "does not exist" in err
    assert checksum(board) == before
    assert list_backups(board) == []


def test_restore_needs_from(capsys: pytest.CaptureFixture[str], board: Path) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["restore", "--database", str(board)])
    assert raised.value.code == 2
    assert "--from" in capsys.readouterr().err


# check --------------------------------------------------------------------------------------------
def _bad_file(kind: str, tmp_path: Path, board: Path) -> Path:
    path = tmp_path / f"{kind}.db"
    if kind == "zero":
        path.touch()
    elif kind == "not-a-database":
        path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    elif kind == "truncated":
        big = make_board(tmp_path / "big.db", *(f"Organisation {n} " + "x" * 150 for n in range(300)))
        path.write_bytes(big.read_bytes()[:30000])
    elif kind == "foreign":
        with connect(path) as connection:
            connection.execute("CREATE TABLE recipes (name TEXT)")
    elif kind == "newer":
        path.write_bytes(board.read_bytes())
        with connect(path) as connection:
            connection.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    elif kind == "damaged":
        data = bytearray(board.read_bytes())
        data[4096 * 3 : 4096 * 4] = b"\x07" * 4096
        path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize(
    ("kind", "says"),
    [
        ("zero", "is empty (0 bytes)"),
        ("not-a-database", "is not an SST Desktop database"),
        ("truncated", "is damaged"),
        ("foreign", "made by another program"),
        ("newer", "newer version of SST Desktop"),
        ("damaged", "damaged"),
        ("missing", "does not exist"),
    ],
)
def test_check_explains_each_bad_file_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], board: Path, tmp_path: Path, kind: str, says: str
) -> None:
    path = _bad_file(kind, tmp_path, board) if kind != "missing" else tmp_path / "missing.db"
    before = checksum(path) if path.exists() else None
    code, out, err = run(capsys, "check", "--database", str(path))
    assert code == 1 and out == ""
    assert err.startswith("sst-desktop: error: ") and err.count("\n") == 1
    assert says in err
    what_to_do = ("backup", "Choose", "Install", "Check the path", "restore")
    assert any(advice in err for advice in what_to_do), err
    assert (checksum(path) if path.exists() else None) == before
    assert not any(p.name.startswith(path.name + "-") for p in tmp_path.iterdir())


def test_check_healthy_database(capsys: pytest.CaptureFixture[str], board: Path) -> None:
    before = checksum(board)
    code, out, _err = run(capsys, "check", "--database", str(board))
    assert code == 0 and out.startswith("ok: integrity check passed")
    assert checksum(board) == before
