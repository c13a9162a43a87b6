"""``--database``: given before or after the subcommand it is the file worked on, and a file that is
not there is never created (only ``demo-db`` and the GUI create databases)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sst_desktop.cli.main import main
from sst_desktop.paths import default_database_path


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from sst_desktop.demo.build import build_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo_database(path)
    return path


def _one_line_error(capsys: pytest.CaptureFixture[str], code: int) -> str:
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("sst-desktop: error: ")
    return lines[0]


def _action_rows(workbook: Path) -> int:
    wb = load_workbook(workbook, read_only=True)
    try:
        return sum(1 for row in wb["Action log"].iter_rows(min_row=2, values_only=True) if row[0])
    finally:
        wb.close()


@pytest.mark.parametrize("where", ["before", "after"])
def test_the_database_given_before_or_after_the_subcommand_is_used(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    out = tmp_path / "actions.xlsx"
    option = ["--database", str(demo_db)]
    command = ["export", "actions", "--out", str(out)]
    argv = option + command if where == "before" else command + option
    assert main(argv) == 0, capsys.readouterr().err
    assert capsys.readouterr().out.startswith("Wrote 20 actions")
    assert _action_rows(out) == 20
    assert not default_database_path().exists()


def test_check_before_the_subcommand_checks_that_file(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", str(demo_db), "check"]) == 0
    assert capsys.readouterr().out.startswith("ok: integrity check passed")
    assert not default_database_path().exists()


COMMANDS = {
    "export actions": ["export", "actions", "--out", "{tmp}/a.xlsx"],
    "export attendance": ["export", "attendance", "--committee", "SST", "--out", "{tmp}/r.xlsx"],
    "export agenda": ["export", "agenda", "--meeting", "SST@2022-09-08", "--out", "{tmp}/a.pdf"],
    "export minutes": ["export", "minutes", "--meeting", "SST@2022-06-22", "--out", "{tmp}/m.pdf"],
    "export calendar": ["export", "calendar", "--committee", "SST", "--out", "{tmp}/c.ics"],
    "import actions": ["import", "actions", "--xlsx", "{tmp}/returned.xlsx", "--apply"],
    "check": ["check"],
    "backup": ["backup", "--out", "{tmp}/copy.db"],
    "restore": ["restore", "--from", "{demo}"],
}


def _argv(name: str, tmp_path: Path, demo_db: Path) -> list[str]:
    return [part.format(tmp=tmp_path, demo=demo_db) for part in COMMANDS[name]]


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("kind", ["typo", "dangling link", "loop"])
def test_a_database_that_is_not_there_is_refused_in_one_line_and_not_created(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, kind: str
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "returned.xlsx").write_bytes(b"")
    target = work / "board.db"
    if kind == "dangling link":
        target.symlink_to(work / "moved-away.db")
    elif kind == "loop":
        target.symlink_to(work / "other.db")
        (work / "other.db").symlink_to(target)
    before = _files(work)
    line = _one_line_error(capsys, main([*_argv(command, work, demo_db), "--database", str(target)]))
    expected = {
        "typo": "board.db does not exist",
        "dangling link": "moved-away.db, which does not exist",
        "loop": "leads round in a loop",
    }[kind]
    assert expected in line
    assert _files(work) == before  # no database, journal or output was made
    assert not (work / "moved-away.db").exists()


def test_without_any_database_the_default_file_is_not_created(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = _one_line_error(capsys, main(_argv("export actions", tmp_path, demo_db)))
    assert f"{default_database_path()} does not exist" in line
    assert not default_database_path().parent.exists()
    assert not (tmp_path / "a.xlsx").exists()


def test_backups_of_a_file_that_is_gone_can_still_be_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gone = tmp_path / "gone.db"
    assert main(["backup", "--list", "--database", str(gone)]) == 0
    assert "no backups of" in capsys.readouterr().out
    assert not gone.exists() and os.listdir(tmp_path) == []
