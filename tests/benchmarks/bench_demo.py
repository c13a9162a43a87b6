"""Building the demo database: ``sst-desktop --demo`` builds a fresh copy at every start.

Two figures: the build inside a warm process (best of 3), and ``sst-desktop demo-db`` as a new
process, imports and Python start-up included (best of 3) — what a person waits for.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.benchmarks.run import Benchmark, best_of  # noqa: E402

LIMIT = 2.0


def demo_build() -> dict[str, float]:
    from sst_desktop.demo.build import build_demo_database

    folder = Path(tempfile.mkdtemp(prefix="sst-bench-demo-"))
    counter = iter(range(1000))

    def build() -> None:
        build_demo_database(folder / f"demo-{next(counter)}.db")

    def command() -> None:
        target = folder / f"cli-{next(counter)}.db"
        subprocess.run(
            [sys.executable, "-m", "sst_desktop", "demo-db", str(target)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )

    return {"in-process build": best_of(3, build), "demo-db command (new process)": best_of(3, command)}


BENCHMARKS = [Benchmark("demo database", LIMIT, demo_build)]
