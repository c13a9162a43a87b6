"""Team tests: several officers, each a separate process, on one database — an SQLite file, and
PostgreSQL when a server is configured (SST_TEST_DATABASE_URL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from sst_desktop.storage.engine import Database
from sst_desktop.storage.opening import open_path
from tests.server import server_database


@pytest.fixture(params=["sqlite", "postgresql"])
def shared(request: pytest.FixtureRequest, db_path: Path, tmp_path: Path) -> Iterator[Database]:
    """The team's database, as this officer's copy of SST Desktop opens it."""
    if request.param == "postgresql":
        with server_database() as database:
            yield database
        return
    database = open_path(db_path, backup_dir=tmp_path / "backups")
    yield database
    database.dispose()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
