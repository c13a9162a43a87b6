"""Two officers start SST Desktop on a new, empty team database at the same moment: one creates the
schema, the other waits for it and opens the result (no "duplicate key … pg_type")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sst_desktop.storage.migrations import head_revision
from tests.server import empty_server_database

ROOT = Path(__file__).resolve().parents[2]


def start_officers(action: str, url: str, go: Path, count: int) -> list[subprocess.Popen[str]]:
    return [
        subprocess.Popen(
            [sys.executable, "-m", "tests.team.starter", action, url, str(go)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(count)
    ]


def test_two_first_starts_at_once_one_migrates_the_other_waits(tmp_path: Path) -> None:
    go = tmp_path / "go"
    with empty_server_database() as url:
        officers = start_officers("open", url, go, 3)
        go.touch()
        results = [officer.communicate(timeout=120) for officer in officers]
        for officer, (out, err) in zip(officers, results, strict=True):
            assert officer.returncode == 0, err
            assert out.splitlines()[-1] == f"opened {head_revision()}"
        assert sum(out.splitlines().count("migrating") for out, _ in results) == 1
