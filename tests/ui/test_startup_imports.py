"""Start-up loads only what the first screen needs: the main window paints with the committees
list filled before any document library or any other screen's modules are imported, and before
the models' relationships are resolved (the first screen's reads are Core queries); the cycle
collector, held while the program loads, runs as usual once that screen is shown.

The program is started as a process (as ``python -m sst_desktop`` starts it) on a copy of the
demo data; ``tests/startup_modules.py`` lists the modules loaded at the first painted screen.
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sst_desktop.loading import hold_collection, resume_collection

ROOT = Path(__file__).resolve().parents[2]

# Needed only for documents (PDF, Word, Excel) or for other screens: imported when first used.
NOT_AT_START = (
    "pypdf",
    "reportlab",
    "docx",
    "openpyxl",
    "PIL",
    "fontTools",
    "alembic",
    "sst_desktop.exports",
    "sst_desktop.imports",
    "sst_desktop.demo",
    "sst_desktop.ui.directory.people_view",
    "sst_desktop.ui.directory.organisations_view",
    "sst_desktop.ui.meetings.meetings_view",
    "sst_desktop.ui.minutes.page",
    "sst_desktop.ui.minutes.minute_taking",
    "sst_desktop.ui.actions.log_view",
    "sst_desktop.services.search",  # (the search box is there; searching loads it)
    "sst_desktop.services.attachments",
    "sst_desktop.cli.maintenance",  # (the commands' modules: the GUI needs none of them)
    "sst_desktop.cli.export",
    "sst_desktop.cli.backup",
    "sst_desktop.cli.import_actions",
    "sst_desktop.cli.search",
)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from sst_desktop.demo.build import build_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo_database(path)
    return path


def start(database: Path, home: Path) -> list[str]:
    """The lines ``tests/startup_modules.py`` prints, the user's folders in ``home``."""
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    environment.update({f"XDG_{kind}_HOME": str(home / kind.lower()) for kind in ("DATA", "CONFIG", "CACHE")})
    result = subprocess.run(
        [sys.executable, "-m", "tests.startup_modules", "--database", str(database)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines and lines[0].startswith("first-paint "), result.stdout
    return lines[1:]


@pytest.fixture(scope="module")
def started(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("started")
    shutil.copy(demo_file, folder / "demo.db")
    return start(folder / "demo.db", folder / "home")


def test_the_first_screen_paints_without_document_libraries_or_other_screens(started: list[str]) -> None:
    loaded = started[2:-1]
    assert "sst_desktop.ui.directory.committees_page" in loaded  # (the first screen is there)
    early = [name for name in loaded if any(name == n or name.startswith(n + ".") for n in NOT_AT_START)]
    assert early == []


def test_the_first_screen_is_read_without_resolving_the_models_relationships(started: list[str]) -> None:
    """The committees and the chosen committee's members are read with Core queries: SQLAlchemy's
    mapper configuration (every relationship of every model) waits until after the first paint."""
    assert started[1] == "models configured False"


def test_the_cycle_collector_waits_for_the_first_screen_then_runs_as_usual(started: list[str]) -> None:
    assert started[0] == "collector (0, 10, 10)"  # held while the program loaded
    assert started[-1] == f"collector {gc.get_threshold()}"  # this process's own: Python's usual


def test_holding_the_collector_keeps_whether_it_is_enabled() -> None:
    """The threads that pause collection while they work check ``gc.isenabled()``: it never changes."""
    usual = gc.get_threshold()
    try:
        hold_collection()
        hold_collection()  # (twice: still one hold)
        assert gc.get_threshold()[0] == 0
        assert gc.isenabled()
        resume_collection()
        assert gc.get_threshold() == usual
        resume_collection()  # (nothing held: nothing changes)
        assert gc.get_threshold() == usual
    finally:
        resume_collection()
