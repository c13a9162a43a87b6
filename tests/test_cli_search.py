"""``sst-desktop search`` from the command line: lines or JSON, exit 0 with results, 1 with none,
2 with a one-line error on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sst_desktop.cli.main import main
from sst_desktop.storage.engine import Database
from tests.search_world import build


@pytest.fixture
def path(db: Database, db_path: Path) -> str:
    build(db)
    db.dispose()
    return str(db_path)


def test_one_line_per_result_newest_first(path: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "taxi marshalling", "--database", path]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("SST  2022-12-08  Minute ")
    assert "[Taxi] [marshalling] evaluation" in lines[0]
    assert any(line.startswith("SST  2022-06-22  Action SST/") for line in lines)


def test_filters_and_json(path: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["search", "taxi", "--kind", "resolution", "--committee", "sst", "--from", "2022-01-01", "--to",
         "2022-06-30", "--json", "--database", path]
    )  # fmt: skip
    assert code == 0
    results = json.loads(capsys.readouterr().out)
    assert [(r["kind"], r["date"], r["committee_short_name"]) for r in results] == [
        ("resolution", "2022-06-22", "SST")
    ]
    assert results[0]["snippet"] == "That the taxi marshalling pilot be extended."


def test_confidential_text_only_with_full_and_marked(path: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "homicide resident", "--database", path]) == 1
    assert capsys.readouterr().out == ""
    assert main(["search", "homicide resident", "--full", "--database", path]) == 0
    assert capsys.readouterr().out.startswith("CONFIDENTIAL  SST  2022-09-08  ")


def test_no_results_exit_1(path: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "zebra", "--database", path]) == 1
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2022-13-01"], "--from must be a date like 2022-09-08"),
        (["--from", "2022-09-01", "--to", "2022-01-01"], "--from must not be after --to"),
        (["--committee", "Nowhere"], "Nowhere"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    path: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["search", "taxi", *args, "--database", path]) == 2
    error = capsys.readouterr().err
    assert error.startswith("sst-desktop: error: ") and message in error
    assert error.count("\n") == 1


def test_no_words_is_bad_input(path: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", '" "', "--database", path]) == 2
    assert "at least one word" in capsys.readouterr().err
