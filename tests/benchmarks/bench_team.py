"""A team at work (issue 11): ten officers, each a separate process, saving to one database at once
for a minute — minute texts as they type, action statuses and progress updates. Every save is
timed; at the end every officer's last text must be what the database holds (no lost edit), and
no save may have failed. Run on an SQLite file, and on PostgreSQL when SST_TEST_DATABASE_URL names
a server (an admin URL: a database of its own is made and dropped).

    python tests/benchmarks/run.py team
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.benchmarks.run import Benchmark  # noqa: E402

OFFICERS = 10
SECONDS = float(os.environ.get("SST_BENCH_TEAM_SECONDS", "60"))
P95_LIMIT = 0.050


def _prepare(url: str) -> list[tuple[int, int]]:
    """A committee with a meeting of ten minutes and ten actions: one minute and one action each."""
    from sst_desktop.services import actions, minutes
    from sst_desktop.storage.opening import open_database
    from tests.minutes_data import build_committee_and_meetings

    db = open_database(url)
    try:
        seed = build_committee_and_meetings(db)
        pairs = []
        for number in range(OFFICERS):
            minute = minutes.minute_for_item(db, seed.item_ids[2 + number % (len(seed.item_ids) - 3)])
            assert minute is not None
            action = actions.create_action(db, minute_id=minute.id, text=f"Officer {number}'s action").after
            assert action is not None
            pairs.append((minute.id, action.id))
        return pairs
    finally:
        db.dispose()


def _officer(url: str, number: int, minute_id: int, action_id: int, seconds: float) -> dict[str, object]:
    """One officer's minute of work (run in a process of its own)."""
    from sst_desktop.services import actions, minutes
    from sst_desktop.storage.opening import open_database

    db = open_database(url)
    timings: list[float] = []
    errors: list[str] = []
    last = ""
    end = time.monotonic() + seconds
    count = 0
    try:
        while time.monotonic() < end:
            count += 1
            try:
                start = time.perf_counter()
                if count % 10 == 0:
                    status = "in_progress" if count % 20 else "open"
                    actions.set_status(db, action_id, status)
                elif count % 10 == 5:
                    actions.add_update(db, action_id, f"Officer {number}, update {count}")
                else:
                    text = f"Officer {number} typing, save {count}: " + "word " * (count % 40)
                    minutes.set_text(db, minute_id, text)
                    last = text
                timings.append(time.perf_counter() - start)
            except Exception as error:  # counted: the benchmark's target is none
                errors.append(f"{type(error).__name__}: {error}")
            time.sleep(0.2)  # an officer saves about five times a second at most
    finally:
        db.dispose()
    return {"timings": timings, "errors": errors, "last": last, "minute_id": minute_id}


def _run(url: str) -> dict[str, tuple[float, float] | tuple[float, float, str]]:
    from sst_desktop.services import minutes
    from sst_desktop.storage.opening import open_database

    pairs = _prepare(url)
    processes = [
        subprocess.Popen(
            [sys.executable, __file__, url, str(number), str(minute_id), str(action_id), str(SECONDS)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        for number, (minute_id, action_id) in enumerate(pairs)
    ]
    results = [json.loads(p.communicate(timeout=SECONDS + 120)[0]) for p in processes]
    timings = sorted(t for r in results for t in r["timings"])
    errors = [e for r in results for e in r["errors"]]
    db = open_database(url)
    try:
        lost = sum(
            1 for r in results if r["last"] and minutes.get_minute(db, r["minute_id"]).text != r["last"]
        )
    finally:
        db.dispose()
    for error in errors[:5]:
        print(f"  error: {error}", file=sys.stderr)
    p95 = timings[int(len(timings) * 0.95)] if timings else float("inf")
    print(f"  {len(timings)} saves by {OFFICERS} officers in {SECONDS:.0f} s", file=sys.stderr)
    return {
        "95th-percentile save": (p95, P95_LIMIT),
        "edits lost": (float(lost), 0.0, "edits"),
        "errors": (float(len(errors)), 0.0, "errors"),
    }


def team_on_sqlite() -> dict[str, tuple[float, float] | tuple[float, float, str]]:
    from sst_desktop.storage.engine import sqlite_url
    from sst_desktop.storage.opening import open_path

    folder = Path(tempfile.mkdtemp(prefix="sst-bench-team-"))
    open_path(folder / "team.db", backup_dir=folder / "backups").dispose()
    return _run(sqlite_url(folder / "team.db"))


def team_on_postgresql() -> dict[str, tuple[float, float] | tuple[float, float, str]]:
    if not os.environ.get("SST_TEST_DATABASE_URL"):
        print("  SST_TEST_DATABASE_URL is not set: no PostgreSQL figure", file=sys.stderr)
        return {}
    from tests.server import empty_server_database

    with empty_server_database() as url:
        return _run(url)


BENCHMARKS = [
    Benchmark("team of ten on one SQLite file", P95_LIMIT, team_on_sqlite),
    Benchmark("team of ten on one PostgreSQL database", P95_LIMIT, team_on_postgresql),
]


if __name__ == "__main__":
    url, number, minute_id, action_id, seconds = sys.argv[1:]
    print(json.dumps(_officer(url, int(number), int(minute_id), int(action_id), float(seconds))))
