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


def copy_alone(database: Path, folder: Path) -> Path:
    """A copy of just the database file, without the -wal and -shm beside it, as an email or a USB
    stick would carry it."""
    import shutil

    folder.mkdir()
    copy = folder / database.name
    shutil.copyfile(database, copy)
    return copy


def root_page(path: Path, table: str) -> int:
    """The page holding the root of ``table`` (read as unchanging: no -wal or -shm is left behind)."""
    with connect(f"file:{path}?mode=ro&immutable=1", uri=True) as connection:
        return int(
            connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        )


def flip_cell_pointer(path: Path, page: int, *, cell: int = 0, bit: int = 0) -> None:
    """Damage ``path`` as a failing disk or a bad copy can: flip one bit of a cell pointer of ``page``
    (the offset where one row starts). The header still looks right; the integrity check fails."""
    data = bytearray(Path(path).read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    start = (page - 1) * page_size + (100 if page == 1 else 0)
    header = 8 if data[start] in (10, 13) else 12  # leaf pages have the shorter header
    at = start + header + 2 * cell
    pointer = int.from_bytes(data[at : at + 2], "big") ^ (1 << bit)
    data[at : at + 2] = pointer.to_bytes(2, "big")
    Path(path).write_bytes(bytes(data))
