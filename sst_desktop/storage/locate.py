"""Which database to open: ``--database PATH`` (or URL), else ``SST_DATABASE_URL``, else the user's default file."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from sst_desktop.paths import default_database_path
from sst_desktop.storage.engine import sqlite_path, sqlite_url
from sst_desktop.storage.server import checked_url

ENV_URL = "SST_DATABASE_URL"
CREATE_HINT = "a new database is made with File → New database… in SST Desktop or “sst-desktop demo-db PATH”"


def resolve_url(database: str | Path | None = None, *, create_folder: bool = True) -> str:
    """The URL to open. ``create_folder`` makes the default file's folder (the GUI, which may create
    the default database); commands that only read or change an existing file pass False."""
    if database and isinstance(database, str) and "://" in database:
        return checked_url(database)  # a URL: a team's server (postgresql://user@host/db)
    if database:
        return sqlite_url(Path(database).expanduser())
    url = os.environ.get(ENV_URL, "").strip()
    if url:
        return checked_url(url)
    path = default_database_path()
    if create_folder:
        path.parent.mkdir(parents=True, exist_ok=True)
    return sqlite_url(path)


def missing_file_problem(path: Path) -> str | None:
    """Why ``path`` names no file (a typo, a link to nothing, a loop of links), or None when it exists.

    Asked before anything opens the path, because SQLite would quietly create an empty database there.
    """
    try:
        os.stat(path)
        return None
    except OSError as error:
        if error.errno == errno.ELOOP:
            return f"{path} is a symbolic link that leads round in a loop, so it names no file"
        if error.errno not in (errno.ENOENT, errno.ENOTDIR):
            return f"{path} cannot be reached ({error.strerror})"
    if path.is_symlink():
        return f"{path} is a symbolic link to {os.readlink(path)}, which does not exist"
    return f"{path} does not exist. Check the path ({CREATE_HINT})."


def existing_database_url(database: str | Path | None = None) -> tuple[str, str | None]:
    """(URL, problem): the database to open and, for an SQLite file that is not there, why not."""
    url = resolve_url(database, create_folder=False)
    path = sqlite_path(url)
    return url, (missing_file_problem(path) if path is not None else None)
