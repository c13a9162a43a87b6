"""The services tests run on both backends: an SQLite file, and PostgreSQL when a server is configured
(SST_TEST_DATABASE_URL), so every rule is checked where a team's database keeps it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sst_desktop.storage.engine import Database
from sst_desktop.storage.opening import open_path
from tests.server import server_database


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, db_path: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated database: a file, or a database of its own on the test server."""
    if request.param == "postgresql":
        with server_database() as database:
            yield database
        return
    database = open_path(db_path, backup_dir=tmp_path / "backups")
    yield database
    database.dispose()
