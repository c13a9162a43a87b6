"""``export actions``, ``export attendance`` and ``import actions`` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from sst_desktop.cli.main import main
from sst_desktop.domain.enums import ActionStatus
from sst_desktop.services import actions
from sst_desktop.storage.opening import open_path
from tests.action_world import build_world


@pytest.fixture
def database(db, db_path: Path):  # type: ignore[no-untyped-def]
    world = build_world(db)
    return db_path, world


def run(*args: str) -> int:
    return main(list(args))


def test_export_all_actions_then_filtered(database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path, _ = database
    out = tmp_path / "all.xlsx"
    assert run("export", "actions", "--out", str(out), "--database", str(path)) == 0
    assert "Wrote 6 actions to all.xlsx." in capsys.readouterr().out
    assert load_workbook(out)["Action log"].max_row == 7

    out = tmp_path / "sst.xlsx"
    code = run(
        "export", "actions", "--committee", "sst", "--status", "open", "--status", "In progress",
        "--out", str(out), "--database", str(path),
    )  # fmt: skip
    assert code == 0
    ws = load_workbook(out)["Action log"]
    assert sorted(ws.cell(r, 11).value for r in range(2, ws.max_row + 1)) == [
        "In progress",
        "Open",
        "Open",
        "Open",
    ]

    out = tmp_path / "outstanding.xlsx"
    assert (
        run(
            "export",
            "actions",
            "--status",
            "not-done",
            "--per-committee",
            "--out",
            str(out),
            "--database",
            str(path),
        )
        == 0
    )
    assert load_workbook(out).sheetnames == ["PRWG", "SST", "SST Desktop"]


def test_export_errors_are_one_line(database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path, _ = database
    assert (
        run(
            "export",
            "actions",
            "--status",
            "finished",
            "--out",
            str(tmp_path / "x.xlsx"),
            "--database",
            str(path),
        )
        == 1
    )
    err = capsys.readouterr().err
    assert err.startswith("sst-desktop: error: unknown status “finished”") and err.count("\n") == 1
    assert (
        run(
            "export",
            "actions",
            "--committee",
            "Nope",
            "--out",
            str(tmp_path / "x.xlsx"),
            "--database",
            str(path),
        )
        == 1
    )
    assert "no committee called “Nope”" in capsys.readouterr().err
    assert run("export", "actions", "--out", str(tmp_path / "x.pdf"), "--database", str(path)) == 1
    assert "must end in .xlsx" in capsys.readouterr().err
    assert run("export", "actions", "--out", str(tmp_path / "no" / "x.xlsx"), "--database", str(path)) == 1
    assert "does not exist" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        run("export", "actions", "--database", str(path))
    assert exit_info.value.code == 2


def test_export_attendance(database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path, _ = database
    out = tmp_path / "register.xlsx"
    assert (
        run(
            "export",
            "attendance",
            "--committee",
            "Safer Sefton Together",
            "--out",
            str(out),
            "--database",
            str(path),
        )
        == 0
    )
    assert "attendance register" in capsys.readouterr().out
    assert load_workbook(out)["Attendance"]["A1"].value == "Safer Sefton Together: attendance register"
    assert (
        run(
            "export",
            "attendance",
            "--committee",
            "SST",
            "--from",
            "2022-13-01",
            "--out",
            str(out),
            "--database",
            str(path),
        )
        == 1
    )
    assert "--from must be a date" in capsys.readouterr().err


def test_import_shows_then_applies(database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path, world = database
    out = tmp_path / "log.xlsx"
    assert run("export", "actions", "--out", str(out), "--database", str(path)) == 0
    db = open_path(path, backup_dir=tmp_path / "b")
    reference = world.ref(db, "prevent")
    wb = load_workbook(out)
    ws = wb["Action log"]
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value == reference:
            ws.cell(r, 11).value = "Completed"
            ws.cell(r, 14).value = "All done"
    wb.save(out)
    capsys.readouterr()

    assert run("import", "actions", "--xlsx", str(out), "--database", str(path)) == 0
    printed = capsys.readouterr().out
    assert f"change   {reference} (Action log row" in printed and "Status: “Open” → “Completed”" in printed
    assert "run again with --apply" in printed
    assert actions.get_action(db, world.refs["prevent"]).status is ActionStatus.OPEN

    assert run("import", "actions", "--xlsx", str(out), "--apply", "--database", str(path)) == 0
    assert "Imported: 1 action changed, 1 update added." in capsys.readouterr().out
    assert actions.get_action(db, world.refs["prevent"]).status is ActionStatus.COMPLETED

    assert run("import", "actions", "--xlsx", str(out), "--apply", "--database", str(path)) == 0
    assert "nothing to apply" in capsys.readouterr().out
    db.dispose()


def test_import_refuses_foreign_files_in_one_line(database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path, _ = database
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"\x00\x01 not a workbook")
    assert run("import", "actions", "--xlsx", str(junk), "--database", str(path)) == 1
    err = capsys.readouterr().err
    assert "junk.xlsx is not an Excel workbook" in err and err.count("\n") == 1
    assert run("import", "actions", "--xlsx", str(tmp_path / "notes.csv"), "--database", str(path)) == 1
    assert "not an Excel workbook" in capsys.readouterr().err
