"""Style and the layer contract are checked with the tests, so every landing keeps them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> list[str]:
    exe = Path(sys.executable).parent / name
    if exe.exists():
        return [str(exe)]
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed; install the dev extras: pip install '.[dev]'")
    return [found]


def test_ruff_finds_nothing() -> None:
    result = subprocess.run(
        [*_tool("ruff"), "check", "sst_desktop", "tests", "database"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_qt_below_ui_and_layers_respected() -> None:
    result = subprocess.run([*_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing() -> None:
    """The files and strictness are in pyproject.toml ([tool.mypy]): the package and docs/ scripts, not
    the tests. The cache (.mypy_cache, ignored by git) keeps a run after a small change to seconds."""
    result = subprocess.run(_tool("mypy"), cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_shipped_folders_are_found() -> None:
    from sst_desktop.paths import migrations_dir, resource

    assert (migrations_dir() / "env.py").is_file()
    assert resource("fonts", "DejaVuSans.ttf").is_file()
