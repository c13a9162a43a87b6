"""Developer tool: autogenerate a migration from the models against a scratch database at head."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from sst_desktop.storage.engine import create_app_engine, sqlite_url
from sst_desktop.storage.migrations import alembic_config, upgrade


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m sst_desktop.storage.make_migration MESSAGE", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        engine = create_app_engine(sqlite_url(Path(folder) / "scratch.db"))
        upgrade(engine)
        with engine.begin() as connection:
            command.revision(alembic_config(connection), message=argv[0], autogenerate=True)
        engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
