"""The team's PostgreSQL server stopped dead for a while, as a frozen or overloaded machine is: every
process of the cluster (the postmaster and its children) is paused with SIGSTOP, and always
resumed with SIGCONT afterwards."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from sqlalchemy import text

from sst_desktop.storage.engine import Database


def _parent_of(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def cluster_processes(database: Database) -> list[int]:
    """The server's postmaster (the parent of the backend serving a new connection) and its children."""
    with database.engine.connect() as connection:
        backend = int(connection.execute(text("SELECT pg_backend_pid()")).scalar_one())
    if not Path(f"/proc/{backend}").exists():
        pytest.skip("the test server runs on another machine: it cannot be paused from here")
    postmaster = _parent_of(backend)
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if _parent_of(int(entry.name)) == postmaster:
                    children.append(int(entry.name))
            except (OSError, IndexError):  # (a process that ended meanwhile)
                continue
    try:
        os.kill(postmaster, 0)
    except PermissionError:
        pytest.skip("the test server belongs to another user: it cannot be paused from here")
    return [postmaster, *children]


@contextmanager
def server_paused(database: Database) -> Iterator[None]:
    """The whole cluster paused for the block (SIGSTOP), resumed after it whatever happens."""
    processes = cluster_processes(database)
    # Should this test process die meanwhile, the server still runs again a minute later.
    safety = subprocess.Popen(["sh", "-c", f"sleep 60; kill -CONT {' '.join(map(str, processes))}"])
    stopped = []
    try:
        for pid in processes:
            os.kill(pid, signal.SIGSTOP)
            stopped.append(pid)
        yield
    finally:
        for pid in stopped:
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)
        safety.kill()
        safety.wait()
