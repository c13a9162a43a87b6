"""A plain SQLite connection for tests that poke at files directly: autocommit, and always closed.

(``with sqlite3.connect(...)`` commits but does not close, and an open connection left to the garbage
collector may fold its WAL into the file later, changing a file a test is checking.)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def connect(path: str | Path, **kwargs: object) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(path, isolation_level=None, **kwargs)  # type: ignore[arg-type]
    try:
        yield connection
    finally:
        connection.close()


def copy_alone(database: Path, folder: Path) -> Path:
    """A copy of just the database file, without the -wal and -shm beside it, as an email or a USB
    stick would carry it."""
    import shutil

    folder.mkdir()
    copy = folder / database.name
    shutil.copyfile(database, copy)
    return copy
