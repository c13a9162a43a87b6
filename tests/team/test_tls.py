"""A team database over TLS, for real: a throwaway server with ssl=on and a certificate signed by a
test certificate authority (``.ci/postgres.sh DIR PORT tls``), reached through the program's own
way of opening a database, and the server confirming the connection is encrypted (pg_stat_ssl)."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from sst_desktop.storage.opening import open_database
from tests.server import admin_url

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tls_server() -> Iterator[dict[str, str]]:
    """The exports of a server speaking TLS (SST_TEST_DATABASE_URL, SST_TEST_POSTGRES_CA, …)."""
    admin_url()  # (no server configured for the tests: skipped, as the other server tests are)
    folder = Path(tempfile.mkdtemp(prefix="sst-tls-"))
    folder.chmod(0o755)  # (the server runs as its own user, which must reach its folder)
    try:
        started = subprocess.run(
            ["bash", str(ROOT / ".ci" / "postgres.sh"), str(folder / "postgres"), "", "tls"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert started.returncode == 0, started.stderr
        exported = dict(
            shlex.split(line.removeprefix("export "))[0].split("=", 1) for line in started.stdout.splitlines()
        )
        try:
            yield exported
        finally:
            subprocess.run(shlex.split(exported["SST_TEST_POSTGRES_STOP"]), capture_output=True, timeout=60)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _new_database(admin: str, name: str) -> str:
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    return (
        make_url(admin)
        .set(drivername="postgresql+psycopg", database=name)
        .render_as_string(hide_password=False)
    )


def _encryption(url: str) -> tuple[bool, str]:
    database = open_database(url)  # (creates the tables on first use, as for a new team)
    try:
        with database.engine.connect() as connection:
            ssl, version = connection.execute(
                text("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            ).one()
        return bool(ssl), str(version)
    finally:
        database.dispose()


def test_sslmode_require_opens_an_encrypted_connection(tls_server: dict[str, str]) -> None:
    url = _new_database(tls_server["SST_TEST_DATABASE_URL"], "sst_tls_require")
    assert _encryption(f"{url}?sslmode=require")[0] is True


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1"])
def test_verify_full_with_the_councils_certificate_authority(tls_server: dict[str, str], host: str) -> None:
    url = make_url(_new_database(tls_server["SST_TEST_DATABASE_URL"], f"sst_tls_{host.replace('.', '_')}"))
    url = url.set(
        host=host, query={"sslmode": "verify-full", "sslrootcert": tls_server["SST_TEST_POSTGRES_CA"]}
    )
    ssl, version = _encryption(url.render_as_string(hide_password=False))
    assert ssl is True and version.startswith("TLS")
