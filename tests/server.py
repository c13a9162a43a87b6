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


@contextmanager
def login_role(name: str, password: str | None = None) -> Iterator[str]:
    """A login role on the test server (dropped afterwards: drop its databases first)."""
    engine = create_engine(make_url(admin_url()), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
            secret = f" PASSWORD '{password}'" if password else ""
            connection.execute(text(f'CREATE ROLE "{name}" LOGIN{secret}'))
        try:
            yield name
        finally:
            with engine.connect() as connection:
                connection.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
    finally:
        engine.dispose()


def grant_all(url: str, role: str) -> None:
    """Let ``role`` read and change every table of the (migrated) database at ``url``."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(f'GRANT USAGE ON SCHEMA public TO "{role}"'))
            connection.execute(text(f'GRANT ALL ON ALL TABLES IN SCHEMA public TO "{role}"'))
            connection.execute(text(f'GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO "{role}"'))
    finally:
        engine.dispose()


def as_role(url: str, role: str, password: str | None = None) -> str:
    """``url`` logging in as ``role`` (with ``password`` in it, when given)."""
    return make_url(url).set(username=role, password=password).render_as_string(hide_password=False)
