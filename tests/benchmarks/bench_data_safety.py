"""Data safety (issue 6): what opening checks cost, how long backups, restores and checks take on a
database of a few years' work, and what the audit trail adds to saving a minute while typing.

The open-time backup runs on the worker thread after the window shows, so it never delays start-up;
its figure is here so it stays short anyway.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.benchmarks.run import Benchmark, best_of  # noqa: E402

ACTIONS = 3000
SAVES = 200


@cache
def setup() -> tuple[Path, int]:
    """The seed meeting plus 3,000 actions with two progress updates each (about three years' log)."""
    from sst_desktop.domain import Action, ActionUpdate
    from sst_desktop.storage.opening import open_path
    from tests.minutes_data import build_seed_meeting

    folder = Path(tempfile.mkdtemp(prefix="sst-bench-safety-"))
    path = folder / "board.db"
    db = open_path(path, backup_dir=folder / "backups")
    seed = build_seed_meeting(db)
    with db.write() as session:
        for n in range(ACTIONS):
            action = Action(
                reference=f"BENCH/{n:05d}",
                committee_id=seed.committee_id,
                meeting_id=seed.meeting_id,
                minute_id=seed.minute_ids[3],
                text=f"Action {n}: share the findings with partners and report back to the Board.",
                owner_text="Steve Martlew",
            )
            action.updates = [
                ActionUpdate(on=date(2022, 7, 1), text="Partners contacted; replies awaited."),
                ActionUpdate(on=date(2022, 8, 1), text="Two replies received, one outstanding."),
            ]
            session.add(action)
    db.dispose()
    return path, seed.minute_ids[4]


def open_checks() -> float:
    from sst_desktop.storage.opening import open_path

    path, _ = setup()

    def run() -> None:
        open_path(path, backup_on_open=False).dispose()

    return best_of(5, run)


def backup_figures() -> dict[str, float]:
    from sst_desktop.storage.backup import backup_to, restore_backup
    from sst_desktop.storage.engine import sqlite_url
    from sst_desktop.storage.health import check_database

    path, _ = setup()
    folder = path.parent / "bench-copies"
    folder.mkdir(exist_ok=True)
    counter = iter(range(1000))

    def backup() -> None:
        backup_to(path, folder / f"copy-{next(counter)}.db")

    taken = best_of(3, backup)
    copy = folder / "copy-0.db"

    def restore() -> None:
        restore_backup(copy, path, folder=path.parent / "bench-kept", keep=2)

    return {
        f"online backup ({path.stat().st_size / 1e6:.1f} MB)": taken,
        "restore (keeps a copy first)": best_of(2, restore),
        "sst-desktop check (integrity)": best_of(3, lambda: check_database(sqlite_url(path))),
    }


def audited_saves() -> dict[str, float]:
    """Saving a minute's text as the officer types: one UPDATE plus its audit entry (merged per minute)."""
    from sst_desktop.services import minutes
    from sst_desktop.storage.opening import open_path

    path, minute_id = setup()
    db = open_path(path, backup_on_open=False)
    text = ""
    timings = []
    for n in range(SAVES):
        text += f"word{n} "
        started = time.perf_counter()
        minutes.set_text(db, minute_id, text)
        timings.append(time.perf_counter() - started)
    db.dispose()
    timings.sort()
    return {
        "median": statistics.median(timings),
        "95th percentile": timings[int(len(timings) * 0.95)],
    }


BENCHMARKS = [
    Benchmark("open a database (file checks, no backup)", 0.15, open_checks),
    Benchmark("backup and restore", 2.0, backup_figures),
    Benchmark("minute text save with audit trail", 0.02, audited_saves),
]
