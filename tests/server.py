"""A fresh PostgreSQL database per test, on the throwaway server named by SST_TEST_DATABASE_URL.

``.ci/run`` starts that server (``.ci/postgres.sh``); without the variable the tests that need a
server are skipped, so ``pytest`` alone still runs anywhere.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from sst_desktop.storage.engine import Database
from sst_desktop.storage.opening import open_database

ADMIN_URL_VARIABLE = "SST_TEST_DATABASE_URL"


def admin_url() -> str:
    """The admin URL, or skip the test when no server is configured."""
    url = os.environ.get(ADMIN_URL_VARIABLE, "").strip()
    if not url:
        pytest.skip(f"{ADMIN_URL_VARIABLE} is not set: no PostgreSQL server for this test")
    return url


@contextmanager
def empty_server_database() -> Iterator[str]:
    """The URL of a new, empty database, dropped afterwards."""
    admin = make_url(admin_url())
    name = f"sst_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield admin.set(database=name).render_as_string(hide_password=False)
        finally:
            with engine.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        engine.dispose()


@contextmanager
def server_database() -> Iterator[Database]:
    """A new, migrated database on the test server."""
    with empty_server_database() as url:
        database = open_database(url)
        try:
            yield database
        finally:
            database.dispose()
