"""Alembic, run from inside the application over the application's own connection.

The configuration is built in code (no alembic.ini to ship); migrations live in ``database/migrations``.

Alembic itself is imported only when a migration runs: importing it costs about 0.12 s, a fifth of
the start-up budget, and opening an up-to-date database needs only the revision ids, which
``head_revision`` and ``known_revisions`` read straight from the migration files.
"""

from __future__ import annotations

import re
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


def revision_graph() -> dict[str, tuple[str, ...]]:
    """Each revision and the revisions it follows, read from the migration files without Alembic."""
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


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)
