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


def test_a_table_rebuilt_by_a_migration_keeps_the_rows_that_refer_to_it(tmp_path: Path) -> None:
    """SQLite batch mode drops and recreates a table; with foreign keys on, the drop would cascade
    into minutes, attendance and agenda items. Migrations run with them off and check them after."""
    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import text

    from sst_desktop.storage.migrations import schema_connection

    engine = create_app_engine(sqlite_url(tmp_path / "b.db"))
    upgrade(engine)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO committees (name, short_name, kind, description, default_venue, open_to_public,"
                " uses_call_in, municipal_year_start_month, archived, created_at, updated_at) VALUES "
                "('Safer Sefton Together', 'SST', 'partnership', '', '', 1, 0, 5, 0, :t, :t)"
            ),
            {"t": "2022-06-01"},
        )
        connection.execute(
            text(
                "INSERT INTO meetings (committee_id, date, venue, remote_link, status, status_reason,"
                " open_to_public, created_at, updated_at) VALUES (1, '2022-06-22', 'Bootle Town Hall', '',"
                " 'held', '', 1, :t, :t)"
            ),
            {"t": "2022-06-01"},
        )
        connection.execute(
            text(
                "INSERT INTO minutes (meeting_id, position, heading, text, public_summary, outcome, created_at,"
                " updated_at) VALUES (1, 0, 'Prevent', 'Steve Martlew gave an update.', '', 'taken', :t, :t)"
            ),
            {"t": "2022-06-01"},
        )

    with schema_connection(engine) as connection:
        operations = Operations(MigrationContext.configure(connection))
        with operations.batch_alter_table("meetings", recreate="always"):
            pass

    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT heading FROM minutes").scalars().all() == ["Prevent"]
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()
