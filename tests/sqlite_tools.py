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


@contextmanager
def held_exclusively(path: str | Path) -> Iterator[sqlite3.Connection]:
    """Another connection holds ``path`` locked against reading too (exclusive locking mode), as a
    program that took the whole file would; let go at the end of the block."""
    with connect(path) as other:
        other.execute("PRAGMA locking_mode = EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        yield other
        other.execute("ROLLBACK")
