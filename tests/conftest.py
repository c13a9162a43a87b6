"""Shared fixtures. Qt runs offscreen; nothing a test does touches the real user's data or settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sst_desktop.storage.engine import Database
from sst_desktop.storage.opening import open_path

# Offscreen, on the screen of the laptops the program is used on: 1366×768 less a 40-pixel taskbar.
# (The offscreen platform has no taskbar, so its whole screen stands for the area windows may use.)
LAPTOP_SCREEN = Path(__file__).with_name("laptop-screen.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={LAPTOP_SCREEN}"


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("SST_DATABASE_URL", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def db(db_path: Path, tmp_path: Path) -> Database:
    """A fresh, migrated database file."""
    database = open_path(db_path, backup_dir=tmp_path / "backups")
    yield database
    database.dispose()
