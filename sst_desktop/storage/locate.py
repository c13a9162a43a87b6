"""Which database to open: ``--database PATH``, else ``SST_DATABASE_URL``, else the user's default file."""

from __future__ import annotations

import os
from pathlib import Path

from sst_desktop.paths import default_database_path
from sst_desktop.storage.engine import sqlite_url

ENV_URL = "SST_DATABASE_URL"


def resolve_url(database: str | Path | None = None) -> str:
    if database:
        return sqlite_url(Path(database).expanduser())
    url = os.environ.get(ENV_URL, "").strip()
    if url:
        return url
    path = default_database_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return sqlite_url(path)
