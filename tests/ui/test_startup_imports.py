"""Start-up loads only what the first screen needs: the main window paints with the committees
list filled before any document library or any other screen's modules are imported.

The program is started as a process (as ``python -m sst_desktop`` starts it) on a copy of the
demo data; ``tests/startup_modules.py`` lists the modules loaded at the first painted screen.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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
)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from sst_desktop.demo.build import build_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo_database(path)
    return path


def modules_at_first_paint(database: Path) -> list[str]:
    """(The user's folders are the test's own: see conftest.)"""
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
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


def test_the_first_screen_paints_without_document_libraries_or_other_screens(
    demo_file: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "demo.db"
    shutil.copy(demo_file, copy)
    loaded = modules_at_first_paint(copy)
    assert "sst_desktop.ui.directory.committees_page" in loaded  # (the first screen is there)
    early = [name for name in loaded if any(name == n or name.startswith(n + ".") for n in NOT_AT_START)]
    assert early == []
