"""Crash safety, proven: a program taking minutes through the real services is killed (SIGKILL) at random
moments; after each kill the database passes ``PRAGMA integrity_check`` and holds every change the
program reported as saved (plus, at most, the one it was making when it died).

``SST_CRASH_KILLS`` sets the number of kills (default 12 for CI; the full proof is 50:
``SST_CRASH_KILLS=50 python -m pytest tests/test_crash_safety.py``). ``SST_CRASH_SEED`` repeats a run.
Every fourth round the file is treated as being on a network share, so the rollback journal (and its
recovery after a crash) is exercised as well as WAL.
"""

from __future__ import annotations

import copy
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from sst_desktop.domain import Action, ActionUpdate, Attendance, Minute, Resolution
from sst_desktop.services import minutes
from sst_desktop.storage.engine import Database
from sst_desktop.storage.opening import open_path
from tests.minutes_data import build_committee_and_meetings, take_register

ROOT = Path(__file__).resolve().parent.parent
KILLS = int(os.environ.get("SST_CRASH_KILLS", "12"))
SEED = int(os.environ.get("SST_CRASH_SEED", str(random.SystemRandom().randrange(1_000_000))))

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


@dataclass
class State:
    texts: dict[int, str] = field(default_factory=dict)
    resolutions: dict[int, list[str]] = field(default_factory=dict)
    actions: dict[int, list[str]] = field(default_factory=dict)
    updates: list[tuple[int, str]] = field(default_factory=list)
    attendance: dict[int, str] = field(default_factory=dict)

    def normalised(self) -> State:
        return State(
            dict(self.texts),
            {k: sorted(v) for k, v in self.resolutions.items() if v},
            {k: sorted(v) for k, v in self.actions.items() if v},
            sorted(self.updates),
            dict(self.attendance),
        )

    def apply(self, op: dict[str, Any]) -> State:
        new = copy.deepcopy(self)
        kind = op["op"]
        if kind == "text":
            new.texts[op["minute"]] = op["text"]
        elif kind == "resolution":
            new.resolutions.setdefault(op["minute"], []).append(op["text"])
        elif kind == "action":
            new.actions.setdefault(op["minute"], []).append(op["text"])
        elif kind == "update":
            new.updates.append((op["action"], op["text"]))
        elif kind == "attendance":
            new.attendance[op["id"]] = op["status"]
        return new.normalised()


def snapshot(db: Database) -> State:
    state = State()
    with db.read() as session:
        for minute_id, text in session.execute(select(Minute.id, Minute.text)):
            state.texts[minute_id] = text
        for minute_id, text in session.execute(select(Resolution.minute_id, Resolution.text)):
            state.resolutions.setdefault(minute_id, []).append(text)
        for minute_id, text in session.execute(select(Action.minute_id, Action.text)):
            state.actions.setdefault(minute_id, []).append(text)
        state.updates = [
            tuple(row) for row in session.execute(select(ActionUpdate.action_id, ActionUpdate.text))
        ]  # type: ignore[misc]
        for attendance_id, status in session.execute(select(Attendance.id, Attendance.status)):
            state.attendance[attendance_id] = str(status.value)
    return state.normalised()


def integrity(db: Database) -> tuple[list[str], list[Any]]:
    with db.engine.connect() as connection:
        rows = [r[0] for r in connection.exec_driver_sql("PRAGMA integrity_check").fetchall()]
        keys = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    return rows, keys


class Output:
    """Collects the worker's lines on a thread, so a full pipe never slows it down."""

    def __init__(self, stream: Any) -> None:
        self.lines: list[str] = []
        self.ready = threading.Event()
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream: Any) -> None:
        for line in stream:
            if not line.endswith("\n"):
                break  # cut off by the kill: never reported, so it does not count
            self.lines.append(line.rstrip("\n"))
            if line.startswith("ready"):
                self.ready.set()

    def join(self) -> None:
        self._thread.join(timeout=30)


@dataclass
class Round:
    number: int
    saved: list[dict[str, Any]]
    in_flight: dict[str, Any] | None
    journal: str


def run_round(path: Path, number: int, rng: random.Random, network: bool) -> Round:
    argv = [sys.executable, "-m", "tests.crash_worker", str(path), str(number), str(rng.randrange(10**9))]
    if network:
        argv.append("--network")
    worker = subprocess.Popen(
        argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8"
    )
    output = Output(worker.stdout)
    if rng.random() < 0.15:
        time.sleep(rng.uniform(0.0, 1.2))  # sometimes while it is still starting and opening the file
    else:
        if not output.ready.wait(60):
            worker.kill()
            pytest.fail(f"the worker did not start: {worker.stderr.read() if worker.stderr else ''}")
        time.sleep(rng.uniform(0.01, 0.6))
    if worker.poll() is not None:
        pytest.fail(f"the worker stopped by itself: {worker.stderr.read() if worker.stderr else ''}")
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait()
    output.join()
    for stream in (worker.stdout, worker.stderr):
        if stream is not None:
            stream.close()
    intents: dict[int, dict[str, Any]] = {}
    saved: list[dict[str, Any]] = []
    last_intent: int | None = None
    journal = ""
    for line in output.lines:
        kind, _, rest = line.partition(" ")
        if kind == "ready":
            journal = rest
        elif kind == "intent":
            n, _, payload = rest.partition(" ")
            intents[int(n)] = json.loads(payload)
            last_intent = int(n)
        elif kind == "saved":
            saved.append(intents.pop(int(rest)))
    in_flight = intents.get(last_intent) if last_intent is not None else None
    return Round(number, saved, in_flight, journal)


def test_killed_at_random_moments_loses_no_saved_change(tmp_path: Path) -> None:
    path = tmp_path / "board.db"
    db = open_path(path, backup_dir=tmp_path / "backups")
    seed_meeting = build_committee_and_meetings(db)
    take_register(db, seed_meeting)
    minutes.open_minutes(db, seed_meeting.meeting_id)
    model = snapshot(db)
    db.dispose()

    rng = random.Random(SEED)
    started = time.monotonic()
    verified = committed_in_flight = lost_in_flight = 0
    journals: set[str] = set()
    for number in range(KILLS):
        result = run_round(path, number, rng, network=number % 4 == 3)
        journals.add(result.journal)
        expected = model
        for op in result.saved:
            expected = expected.apply(op)
        db = open_path(path, backup_dir=tmp_path / "backups", keep_backups=3)  # as the GUI reopens it
        try:
            rows, broken_keys = integrity(db)
            assert rows == ["ok"], f"seed {SEED} round {number}: integrity check failed: {rows[:5]}"
            assert broken_keys == [], f"seed {SEED} round {number}: foreign keys broken: {broken_keys[:5]}"
            actual = snapshot(db)
        finally:
            db.dispose()
        if actual == expected:
            model = expected
            lost_in_flight += result.in_flight is not None
        elif result.in_flight is not None and actual == expected.apply(result.in_flight):
            model = actual  # it was committed just before the kill, before it could say so
            committed_in_flight += 1
        else:
            pytest.fail(
                f"seed {SEED} round {number}: the database does not hold what was reported saved "
                f"({len(result.saved)} changes reported; in flight: {result.in_flight})\n"
                f"{_difference(expected, actual)}"
            )
        verified += len(result.saved)
    elapsed = time.monotonic() - started
    print(
        f"\n{KILLS} kills in {elapsed:.1f} s (seed {SEED}): {verified} reported changes verified; the change in "
        f"flight was committed {committed_in_flight} times and rolled back {lost_in_flight} times; "
        f"journals used: {sorted(j for j in journals if j)}"
    )
    assert verified > KILLS, "the worker hardly wrote anything before being killed"
    if KILLS >= 4:
        assert {"wal", "delete"} <= journals


def _difference(expected: State, actual: State) -> str:
    lines = []
    for name in ("texts", "resolutions", "actions", "updates", "attendance"):
        want, got = getattr(expected, name), getattr(actual, name)
        if want != got:
            if isinstance(want, dict):
                keys = sorted(set(want) | set(got))
                diff = {
                    k: (str(want.get(k))[:80], str(got.get(k))[:80])
                    for k in keys
                    if want.get(k) != got.get(k)
                }
                lines.append(f"{name}: {diff}")
            else:
                lines.append(
                    f"{name}: missing {sorted(set(want) - set(got))[:5]}, extra {sorted(set(got) - set(want))[:5]}"
                )
    return "\n".join(lines)
