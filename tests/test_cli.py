"""The installed ``sst-desktop`` command, run as a user would: from another folder, as a process.

Every bad input gives one line on standard error and a non-zero exit; bad arguments exit 2 with the
usage; nothing prints a traceback or changes a file it refused.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sst_desktop import __version__
from tests.sqlite_tools import copy_alone


def _command() -> str:
    folder = Path(sys.executable).parent
    for name in ("sst-desktop", "sst-desktop.exe"):
        if (folder / name).exists():
            return str(folder / name)
    found = shutil.which("sst-desktop")
    if found is None:
        pytest.fail("the sst-desktop command is not installed: pip install '.[dev]'")
    return found


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Run ``sst-desktop ARGS`` in a fresh folder with the user's folders isolated."""
    command = _command()
    home = tmp_path / "home"

    def run_command(
        *args: str, env: dict[str, str] | None = None, timeout: float = 120
    ) -> subprocess.CompletedProcess[str]:
        environment = dict(os.environ)
        environment.update(
            XDG_DATA_HOME=str(home / "data"),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_CACHE_HOME=str(home / "cache"),
            QT_QPA_PLATFORM="offscreen",
        )
        environment.pop("SST_DATABASE_URL", None)
        environment.update(env or {})
        return subprocess.run(
            [command, *args], cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=timeout
        )

    return run_command


def _one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("sst-desktop: error: ")
    return lines[0]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from sst_desktop.demo.build import build_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo_database(path)
    return path


def test_version(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"SST Desktop {__version__}")


def test_help_lists_the_commands(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--help")
    assert result.returncode == 0
    for word in ("--database", "--demo", "check", "demo-db"):
        assert word in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("--no-such-option",),
        ("frobnicate",),
        ("check", "--database"),
        ("check", "extra"),
        ("demo-db",),
        ("--demo", "check"),
        ("--database",),
    ],
)
def test_bad_arguments_print_usage_and_exit_2(run, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr.startswith("usage: sst-desktop")
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_demo_db_then_check(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("demo-db", "board.db")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "board.db").is_file()
    result = run("check", "--database", "board.db")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: integrity check passed")

    before = (tmp_path / "board.db").read_bytes()
    line = _one_line_error(run("demo-db", "board.db"))
    assert "already exists" in line and "--force" in line
    assert (tmp_path / "board.db").read_bytes() == before
    line = _one_line_error(run("demo-db", "no/such/folder/board.db"))
    assert "does not exist" in line


def test_check_uses_sst_database_url(run, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("check", env={"SST_DATABASE_URL": f"sqlite:///{demo_db}"})
    assert result.returncode == 0, result.stderr
    assert "ok:" in result.stdout


def _random(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 8)


def _foreign(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.commit()
    connection.close()


def _newer(path: Path, demo: Path) -> None:
    shutil.copy(demo, path)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    connection.commit()
    connection.close()


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("missing", "does not exist"),
        ("empty", "empty"),
        ("random", "not an SST Desktop database"),
        ("foreign", "another program"),
        ("newer", "newer version"),
        ("folder", "folder"),
    ],
)
def test_check_refuses_bad_files_in_one_line_and_leaves_them_alone(
    run, tmp_path: Path, demo_db: Path, kind: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / f"{kind}.db"
    if kind == "empty":
        path.touch()
    elif kind == "random":
        _random(path)
    elif kind == "foreign":
        _foreign(path)
    elif kind == "newer":
        _newer(path, demo_db)
    elif kind == "folder":
        path.mkdir()
    before = path.read_bytes() if path.is_file() else None
    line = _one_line_error(run("check", "--database", str(path)))
    assert message in line
    if before is not None:
        assert path.read_bytes() == before
    else:
        assert kind == "folder" or not path.exists()


def test_check_without_any_database_says_so(run) -> None:  # type: ignore[no-untyped-def]
    line = _one_line_error(run("check"))
    assert "does not exist" in line


def test_gui_starts_on_a_database_paints_and_quits(run, tmp_path: Path, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "copy.db"
    shutil.copy(demo_db, copy)
    result = run("--database", str(copy), env={"SST_DESKTOP_STARTUP_PROBE": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("first-paint ")
    assert "Traceback" not in result.stderr


def test_gui_creates_a_new_database_where_asked(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("--database", "fresh.db", env={"SST_DESKTOP_STARTUP_PROBE": "1"})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "fresh.db").is_file()
    assert run("check", "--database", "fresh.db").returncode == 0


def test_demo_opens_the_gui_on_a_fresh_copy(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--demo", env={"SST_DESKTOP_STARTUP_PROBE": "1"}, timeout=180)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("first-paint ")


def _read(copy: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_after_the_gui_quits_the_database_file_alone_holds_every_table(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("--database", "fresh.db", env={"SST_DESKTOP_STARTUP_PROBE": "1"})
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.glob("fresh.db*")) == ["fresh.db"]
    copy = copy_alone(tmp_path / "fresh.db", tmp_path / "usb")
    tables = {name for (name,) in _read(copy, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"alembic_version", "committees", "meetings", "minutes", "actions"} <= tables
    assert _read(copy, "PRAGMA integrity_check") == [("ok",)]


def test_after_commands_change_it_the_database_file_alone_holds_the_change(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    assert run("demo-db", "board.db").returncode == 0
    result = run("--database", "board.db", "export", "actions", "--out", "log.xlsx")
    assert result.returncode == 0, result.stderr
    wb = load_workbook(tmp_path / "log.xlsx")
    ws = wb["Action log"]
    reference = ws.cell(2, 1).value
    ws.cell(2, 11).value = "Deferred"
    ws.cell(2, 14).value = "Waiting for the partnership's new plan"
    wb.save(tmp_path / "log.xlsx")
    result = run("--database", "board.db", "import", "actions", "--xlsx", "log.xlsx", "--apply")
    assert result.returncode == 0, result.stderr
    assert "Imported: 1 action changed, 1 update added." in result.stdout

    assert sorted(p.name for p in tmp_path.glob("board.db*")) == ["board.db"]
    copy = copy_alone(tmp_path / "board.db", tmp_path / "usb")
    assert _read(copy, f"SELECT status FROM actions WHERE reference = '{reference}'") == [("deferred",)]
    assert _read(copy, "SELECT text FROM action_updates ORDER BY id DESC LIMIT 1") == [
        ("Waiting for the partnership's new plan",)
    ]
