"""One officer's copy of SST Desktop, as a separate process: ``python -m tests.team.starter ACTION URL GO``.

It waits for the file GO to appear (so several start at the same moment), then does ACTION and prints
what happened, one line per event, for the test to read.

- ``open``: open the database (creating or upgrading its schema if needed); prints ``migrating`` if
  this process ran the migration, then ``opened REVISION``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main(action: str, url: str, go: str) -> int:
    from sst_desktop.storage import opening

    real_upgrade = opening.upgrade

    def announced_upgrade(engine, revision="head"):  # type: ignore[no-untyped-def]
        print("migrating", flush=True)
        real_upgrade(engine, revision)

    opening.upgrade = announced_upgrade  # type: ignore[assignment]
    while not Path(go).exists():
        time.sleep(0.005)
    if action == "open":
        database = opening.open_database(url)
        try:
            with database.engine.connect() as connection:
                revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            print(f"opened {revision}", flush=True)
        finally:
            database.dispose()
        return 0
    print(f"unknown action {action}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
