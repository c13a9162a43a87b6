"""Another program holding the SQLite write lock, for tests of a window that must not wait on it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import sqlite3, sys, time
    connection = sqlite3.connect(sys.argv[1], isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    connection.execute("COMMIT")
    connection.close()
    """
)


@contextmanager
def write_lock_held(path: Path, seconds: float) -> Iterator[subprocess.Popen[str]]:
    """Another process takes the write lock on ``path`` (yielded once it has it) and keeps it for
    ``seconds``; the block ends once it has let go."""
    holder = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(path), str(seconds)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield holder
    finally:
        holder.wait(seconds + 30)
        if holder.stdout is not None:
            holder.stdout.close()
