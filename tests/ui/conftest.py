"""GUI fixtures: settings kept in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from sst_desktop.storage.engine import Database
from sst_desktop.ui.context import AppContext


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def context(qapp, db: Database) -> AppContext:  # type: ignore[no-untyped-def]
    return AppContext(db)
