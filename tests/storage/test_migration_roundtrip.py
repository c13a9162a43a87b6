"""Every migration can be undone and redone, and a mid-year first minute number survives an upgrade."""

from __future__ import annotations

from pathlib import Path

from sst_desktop.storage.engine import create_app_engine, sqlite_url
from sst_desktop.storage.migrations import current_revision, downgrade, head_revision, upgrade


def test_downgrade_to_base_and_upgrade_again(tmp_path: Path) -> None:
    engine = create_app_engine(sqlite_url(tmp_path / "r.db"))
    upgrade(engine)
    downgrade(engine, "base")
    with engine.connect() as connection:
        assert current_revision(connection) is None
        tables = {
            r[0] for r in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
        }
    assert tables <= {"alembic_version"}
    upgrade(engine)
    with engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        columns = {r[1] for r in connection.exec_driver_sql("PRAGMA table_info(meetings)")}
    engine.dispose()
    assert "first_minute_number" in columns


def test_first_minute_number_is_checked_by_the_schema(tmp_path: Path) -> None:
    import sqlite3

    import pytest

    engine = create_app_engine(sqlite_url(tmp_path / "c.db"))
    upgrade(engine)
    engine.dispose()
    connection = sqlite3.connect(tmp_path / "c.db")
    connection.execute(
        "INSERT INTO committees (name, short_name, kind, description, default_venue, open_to_public,"
        " uses_call_in, municipal_year_start_month, archived, created_at, updated_at) VALUES "
        "('C', 'C', 'committee', '', '', 1, 0, 5, 0, '2022-01-01', '2022-01-01')"
    )
    with pytest.raises(sqlite3.IntegrityError):
        connection.execute(
            "INSERT INTO meetings (committee_id, date, venue, remote_link, status, status_reason, "
            "open_to_public, first_minute_number, created_at, updated_at) VALUES "
            "(1, '2022-09-08', '', '', 'scheduled', '', 1, 0, '2022-01-01', '2022-01-01')"
        )
    connection.close()
