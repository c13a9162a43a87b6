"""A team database on PostgreSQL: connecting, passwords, first use, backups, checks, the audit's names.

The tests that need a server skip unless SST_TEST_DATABASE_URL names one (``.ci/run`` starts it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy import text as sql_text

from sst_desktop.cli.main import main
from sst_desktop.domain import AuditEntry
from sst_desktop.services import minutes
from sst_desktop.services.organisations import create_organisation, list_organisations
from sst_desktop.storage import audit, pg_backup, server
from sst_desktop.storage.errors import BackupError, ReadOnlyLocationError
from sst_desktop.storage.locate import resolve_url
from sst_desktop.storage.migrations import head_revision, upgrade
from sst_desktop.storage.opening import open_database
from tests.minutes_data import build_committee_and_meetings
from tests.server import as_role, empty_server_database, grant_all, login_role, server_database

SECRET = "s3cret-Pässword"


# Without a server ----------------------------------------------------------------------------------
def test_a_password_is_taken_out_of_the_url_that_is_kept() -> None:
    url = f"postgresql://ibarton:{SECRET}@db.sefton.local:5433/sst?sslmode=require"
    kept, password = server.without_password(url)
    assert password == SECRET
    assert kept == "postgresql://ibarton@db.sefton.local:5433/sst?sslmode=require"
    assert server.display_url(url) == kept
    assert server.describe(url) == "sst on db.sefton.local"


def test_team_url_from_the_connect_form() -> None:
    assert (
        server.team_url(" db.sefton.local ", 5433, "sst", "ibarton", "verify-full")
        == "postgresql+psycopg://ibarton@db.sefton.local:5433/sst?sslmode=verify-full"
    )
    assert server.team_url("db", None, "sst", "ibarton") == "postgresql+psycopg://ibarton@db/sst"


def test_database_option_takes_a_url() -> None:
    url = "postgresql://ibarton@db.sefton.local/sst"
    assert resolve_url(url) == url


def test_a_url_that_cannot_be_read_is_one_line_without_the_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["--database", f"postgresql://ibarton:{SECRET}@db:port/sst", "check"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("sst-desktop: error: The database URL is not valid")
    assert SECRET not in err and "Traceback" not in err


def test_without_the_driver_the_message_says_how_to_add_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = server.importlib.util.find_spec
    monkeypatch.setattr(
        server.importlib.util, "find_spec", lambda name, *a: None if name == "psycopg" else real(name, *a)
    )
    with pytest.raises(server.DriverMissingError, match="psycopg is not installed"):
        open_database("postgresql://ibarton@127.0.0.1:1/sst")
    code = main(
        ["--database", "postgresql://ibarton@127.0.0.1:1/sst", "export", "actions", "--out", "x.xlsx"]
    )
    err = capsys.readouterr().err
    assert code == 1 and "sst-desktop[postgres]" in err and "Traceback" not in err


def test_a_refused_connection_is_one_line_without_the_password(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--database", f"postgresql://ibarton:{SECRET}@127.0.0.1:1/sst", "backup"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1
    assert "could not connect to sst on 127.0.0.1: Connection refused" in err
    assert SECRET not in err and "Traceback" not in err


# On a server --------------------------------------------------------------------------------------
def test_the_password_is_never_kept_in_the_url_or_shown() -> None:
    with empty_server_database() as url:
        database = open_database(as_role(url, "postgres", SECRET))
        try:
            assert SECRET not in database.url
            assert SECRET not in database.display_name
            assert SECRET not in repr(database)
            assert database.password == SECRET
        finally:
            database.dispose()


def test_a_password_is_asked_for_refused_when_wrong_and_read_from_pgpass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with login_role("sst_password_test", SECRET), empty_server_database() as url:
        open_database(url).dispose()  # (made by the admin)
        grant_all(url, "sst_password_test")
        officer = as_role(url, "sst_password_test")
        monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
        try:
            open_database(officer).dispose()
        except server.PasswordNeededError as error:
            assert not error.wrong
        else:
            pytest.skip("the test server trusts every role (see .ci/postgres.sh)")
        with pytest.raises(server.PasswordNeededError) as refused:
            open_database(officer, password="wrong")
        assert refused.value.wrong and "wrong" not in str(refused.value)
        open_database(officer, password=SECRET).dispose()
        pgpass = tmp_path / "pgpass"
        pgpass.write_text(f"*:*:*:sst_password_test:{SECRET}\n", encoding="utf-8")
        pgpass.chmod(0o600)
        monkeypatch.setenv("PGPASSFILE", str(pgpass))
        database = open_database(officer)
        try:
            assert database.password is None  # libpq read it: SST Desktop never held it
            with database.read() as session:
                assert session.scalar(sql_text("SELECT session_user")) == "sst_password_test"
        finally:
            database.dispose()


def test_demo_db_fills_an_empty_server_database_once(capsys: pytest.CaptureFixture[str]) -> None:
    with empty_server_database() as url:
        with_password = as_role(url, "postgres", SECRET)
        assert main(["demo-db", with_password]) == 0
        out, err = capsys.readouterr()
        assert out.startswith("wrote the demo data to postgresql://postgres@") and SECRET not in out + err
        database = open_database(url)
        try:
            assert len(list_organisations(database)) > 3
            create_organisation(database, "A new partner")  # the id sequences moved past the demo's rows
        finally:
            database.dispose()
        assert main(["demo-db", url]) == 1
        assert "already holds records" in capsys.readouterr().err
        assert main(["demo-db", url, "--force"]) == 1
        assert "never empties a team's database" in capsys.readouterr().err


def test_check_on_a_server_says_what_it_checked(capsys: pytest.CaptureFixture[str]) -> None:
    with server_database() as database:
        assert main(["--database", database.url, "check"]) == 0
        out = capsys.readouterr().out
        assert f"ok: schema version {head_revision()}" in out
        assert "constraints (keys, references, checks) validated" in out
        assert "amcheck is not installed" in out
        with database.engine.begin() as connection:
            connection.execute(sql_text("CREATE EXTENSION IF NOT EXISTS amcheck"))
        assert main(["--database", database.url, "check"]) == 0
        assert "amcheck:" in capsys.readouterr().out
        with database.engine.begin() as connection:
            connection.execute(sql_text("ALTER TABLE people ADD CONSTRAINT odd CHECK (id > 0) NOT VALID"))
        assert main(["--database", database.url, "check"]) == 1
        assert "not validated (first people.odd)" in capsys.readouterr().err


def test_backup_and_restore_of_a_server_with_pg_dump(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with server_database() as database:
        url = as_role(database.url, "postgres", SECRET)
        create_organisation(database, "Sefton CVS")
        assert main(["--database", url, "backup"]) == 0
        out = capsys.readouterr().out
        assert SECRET not in out
        made = Path(out.strip().split(" to ", 1)[1])
        assert made.suffix == ".dump" and made.name.endswith("-manual.dump")
        assert made.parent == pg_backup.server_backups_folder(database.url)
        assert made.parent.name.startswith("127.0.0.1-") and made.parent.name.endswith(
            database.url.rsplit("/", 1)[1]
        )
        create_organisation(database, "Merseyside Police")
        assert main(["--database", url, "restore", "--from", str(made)]) == 0
        out = capsys.readouterr().out
        assert "kept at" in out and SECRET not in out
        assert [o.name for o in list_organisations(database)] == ["Sefton CVS"]
        assert {info.reason for info in pg_backup.list_server_backups(database.url)} == {
            "manual",
            "before-restore",
        }
        assert main(["--database", url, "backup", "--list"]) == 0
        assert "Before a restore" in capsys.readouterr().out
        # The same rotation as a file's backups: the newest N of each kind.
        for _ in range(3):
            pg_backup.take_server_backup(database, keep=2)
        assert sum(i.reason == "manual" for i in pg_backup.list_server_backups(database.url)) == 2
        # What is not an archive of ours is refused before anything changes.
        junk = tmp_path / "junk.dump"
        junk.write_bytes(b"not a dump")
        assert main(["--database", url, "restore", "--from", str(junk)]) == 1
        assert "failed" in capsys.readouterr().err
        assert [o.name for o in list_organisations(database)] == ["Sefton CVS"]


def test_an_upgrade_on_a_server_takes_a_pg_dump_first(tmp_path: Path) -> None:
    with empty_server_database() as url:
        engine = create_engine(url)
        upgrade(engine, "0004")
        engine.dispose()
        database = open_database(url, backup_dir=tmp_path)
        database.dispose()
        taken = pg_backup.backups_in(pg_backup.server_backups_folder(url, tmp_path))
        assert [info.reason for info in taken] == ["before-migration"]


def test_an_upgrade_without_pg_dump_is_refused_with_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with empty_server_database() as url:
        engine = create_engine(url)
        upgrade(engine, "0004")
        monkeypatch.setenv(pg_backup.PG_BIN_ENV, str(tmp_path))  # a folder without the tools
        with pytest.raises(BackupError, match="pg_dump, which is not installed") as refused:
            open_database(url, backup_dir=tmp_path)
        assert "PATH" in refused.value.advice
        with engine.connect() as connection:
            assert connection.scalar(sql_text("SELECT version_num FROM alembic_version")) == "0004"
        engine.dispose()


def test_on_a_server_the_audit_names_the_database_role() -> None:
    with login_role("sst_test_jsmith"), empty_server_database() as url:
        open_database(url).dispose()
        grant_all(url, "sst_test_jsmith")
        database = open_database(as_role(url, "sst_test_jsmith"))
        try:
            seed = build_committee_and_meetings(database)
            minute = minutes.minute_for_item(database, seed.item_ids[3])
            with audit.acting_as("someone else"):  # a name set on the computer does not count
                minutes.set_text(database, minute.id, "Members considered the report.")
            with database.read() as session:
                last = session.scalars(
                    select(AuditEntry)
                    .where(AuditEntry.entity == "minutes", AuditEntry.entity_id == minute.id)
                    .order_by(AuditEntry.id.desc())
                ).first()
            assert last is not None and last.user == "sst_test_jsmith"
            assert json.loads(last.changes)["text"][1] == "Members considered the report."
        finally:
            database.dispose()


def test_an_officer_who_may_not_create_tables_is_told_to_ask_it() -> None:
    with login_role("sst_test_officer"), empty_server_database() as url:
        with pytest.raises(ReadOnlyLocationError, match="your login may not do") as refused:
            open_database(as_role(url, "sst_test_officer"))
        assert "database owner's login" in refused.value.advice


def test_tls_required_by_the_officer_but_not_offered_by_the_server_says_so() -> None:
    with empty_server_database() as url:
        with pytest.raises(server.ServerUnavailableError, match="SSL") as refused:
            open_database(f"{url}?sslmode=require")
        assert "TLS setting (sslmode)" in refused.value.advice
