"""Alembic, run from inside the application over the application's own connection.

The configuration is built in code (no alembic.ini to ship); migrations live in ``database/migrations``.

Alembic itself is imported only when a migration runs: importing it costs about 0.12 s, a fifth of
the start-up budget, and opening an up-to-date database needs only the revision ids, which
``head_revision`` and ``known_revisions`` read straight from the migration files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from sst_desktop.paths import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

_REVISION = re.compile(r"""^revision\s*(?::[^=\n]*)?=\s*['"]([^'"]+)['"]""", re.MULTILINE)
_DOWN_REVISION = re.compile(r"""^down_revision\s*(?::[^=\n]*)?=\s*(.+)$""", re.MULTILINE)
_QUOTED = re.compile(r"""['"]([^'"]+)['"]""")


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


@cache
def revision_graph() -> dict[str, tuple[str, ...]]:
    """Each revision and the revisions it follows, read from the migration files without Alembic
    (once per process: the shipped files do not change while the program runs)."""
    graph: dict[str, tuple[str, ...]] = {}
    for path in sorted((migrations_dir() / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        revision = _REVISION.search(source)
        if revision is None:
            continue
        down = _DOWN_REVISION.search(source)
        graph[revision.group(1)] = tuple(_QUOTED.findall(down.group(1))) if down else ()
    return graph


def head_revision() -> str:
    graph = revision_graph()
    followed = {parent for parents in graph.values() for parent in parents}
    heads = sorted(set(graph) - followed)
    if len(heads) != 1:
        raise RuntimeError(f"migrations have {len(heads)} heads; expected one")
    return heads[0]


def known_revisions() -> set[str]:
    return set(revision_graph())


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


@contextmanager
def schema_connection(engine: Engine) -> Iterator[Connection]:
    """A transaction for schema changes, committed at the end of the block.

    On SQLite, foreign keys are switched off first (they can only be switched outside a transaction):
    batch mode rebuilds a table by copying it and dropping the old one, and that DROP, with foreign
    keys on, would cascade-delete every row referring to it — a meeting's agenda, minutes and
    register. The references are checked before the commit instead.
    """
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        raw = connection.connection.driver_connection
        if sqlite:
            raw.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
        try:
            with connection.begin():
                yield connection
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(
                            f"a migration left {len(broken)} broken references (first in table {broken[0][0]})"
                        )
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with schema_connection(engine) as connection:
        command.upgrade(alembic_config(connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    with schema_connection(engine) as connection:
        command.downgrade(alembic_config(connection), revision)
