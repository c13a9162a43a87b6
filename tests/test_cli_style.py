"""``sst-desktop style export|import``: a committee's style to a file and back; bad files refused in one line."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sst_desktop.cli.main import main
from sst_desktop.services.committees import CommitteePatch, create_committee
from sst_desktop.services.document_style import DEFAULT_STYLE
from sst_desktop.services.document_styles import committee_style, set_committee_style
from sst_desktop.storage.opening import open_path


@pytest.fixture
def database(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "sst.db"
    db = open_path(path, backup_dir=tmp_path / "backups")
    for name, short in (("Safer Sefton Together", "SST"), ("Overview and Scrutiny Committee", "OSC")):
        create_committee(db, CommitteePatch(name=name, short_name=short))
    set_committee_style(
        db, 1, replace(DEFAULT_STYLE, agenda_title="A G E N D A", held_at="MEETING HELD AT THE")
    )
    db.dispose()
    return path


def _style(path, committee_id: int):  # type: ignore[no-untyped-def]
    db = open_path(path, backup_dir=path.parent / "backups")
    try:
        return committee_style(db, committee_id)
    finally:
        db.dispose()


def test_export_then_import_into_another_committee(database, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "sefton.toml"
    assert (
        main(["style", "export", "--committee", "SST", "--out", str(out), "--database", str(database)]) == 0
    )
    assert 'agenda_title = "A G E N D A"' in out.read_text(encoding="utf-8")
    assert "wrote the document style of Safer Sefton Together" in capsys.readouterr().out
    assert main(["style", "import", "--committee", "OSC", str(out), "--database", str(database)]) == 0
    assert "2 settings differ from the default" in capsys.readouterr().out
    assert _style(database, 2) == _style(database, 1) != DEFAULT_STYLE


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[agenda]\nagenda_title = 5\n", "agenda.agenda_title must be text in quotes"),
        ("[agenda\n", "Not a style file"),
        ("[pages]\npage_numbers = 'margin'\n", "pages.page_numbers must be one of: none, header, footer"),
    ],
)
def test_a_bad_file_is_one_line_and_changes_nothing(database, tmp_path, capsys, content, message) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.toml"
    bad.write_text(content, encoding="utf-8")
    before = _style(database, 1)
    assert main(["style", "import", "--committee", "SST", str(bad), "--database", str(database)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sst-desktop: error: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert _style(database, 1) == before


def test_missing_file_unknown_committee_and_wrong_ending(database, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert (
        main(
            [
                "style",
                "import",
                "--committee",
                "SST",
                str(tmp_path / "none.toml"),
                "--database",
                str(database),
            ]
        )
        == 1
    )
    assert "no style file at" in capsys.readouterr().err
    good = tmp_path / "good.toml"
    good.write_text("format = 1\n", encoding="utf-8")
    assert main(["style", "import", "--committee", "NOPE", str(good), "--database", str(database)]) == 1
    assert capsys.readouterr().err.count("\n") == 1
    assert (
        main(
            [
                "style",
                "export",
                "--committee",
                "SST",
                "--out",
                str(tmp_path / "x.txt"),
                "--database",
                str(database),
            ]
        )
        == 1
    )
    assert "must end in .toml" in capsys.readouterr().err
