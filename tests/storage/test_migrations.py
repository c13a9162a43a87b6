from __future__ import annotations

from datetime import date
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from sst_desktop.domain import Base
from sst_desktop.storage.backup import list_backups
from sst_desktop.storage.engine import create_app_engine, sqlite_url
from sst_desktop.storage.migrations import current_revision, head_revision, script_directory, upgrade
from sst_desktop.storage.opening import open_path
from sst_desktop.storage.search_text import models_only
from tests.sqlite_tools import connect


def test_one_head() -> None:
    assert len(script_directory().get_heads()) == 1


def test_migrated_schema_equals_models(tmp_path: Path) -> None:
    engine = create_app_engine(sqlite_url(tmp_path / "m.db"))
    upgrade(engine)
    with engine.connect() as connection:
        diff = compare_metadata(
            MigrationContext.configure(connection, opts={"compare_type": True, "include_name": models_only}),
            Base.metadata,
        )
    engine.dispose()
    assert diff == []


def test_empty_file_upgrades_to_head(tmp_path: Path) -> None:
    db = open_path(tmp_path / "new.db", backup_dir=tmp_path / "b")
    with db.engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        assert connection.exec_driver_sql("PRAGMA application_id").scalar() == 0x53535444
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()


def test_database_at_previous_revision_keeps_its_data_and_is_backed_up(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    head = script_directory().get_revision(head_revision())
    previous = head.down_revision
    assert previous is not None
    engine = create_app_engine(sqlite_url(path))
    upgrade(engine, previous)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO organisations (name, short_name, archived, created_at, updated_at) "
                "VALUES ('Merseyside Police', 'MP', 0, :t, :t)"
            ),
            {"t": date(2022, 6, 1)},
        )
        connection.execute(
            text(
                "INSERT INTO people (title, first_name, last_name, job_title, organisation_id, "
                "email, telephone, archived, created_at, updated_at) VALUES ('Superintendent', "
                "'Graeme', 'Robson', '', 1, '', '', 0, :t, :t)"
            ),
            {"t": date(2022, 6, 1)},
        )
    engine.dispose()

    db = open_path(path, backup_dir=tmp_path / "backups")
    with db.engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        rows = connection.execute(
            text("SELECT p.last_name, o.name FROM people p JOIN organisations o ON o.id = p.organisation_id")
        ).all()
    db.dispose()
    assert rows == [("Robson", "Merseyside Police")]
    backups = list_backups(path, tmp_path / "backups")
    assert [b.reason for b in backups] == ["before-migration"]
    with connect(backups[0].path) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (previous,)
        assert copy.execute("SELECT last_name FROM people").fetchall() == [("Robson",)]
