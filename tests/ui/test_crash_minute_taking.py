"""Kill a real minute-taking process (SIGKILL) while the officer types; everything it reported saved
is there when the program starts again, and it reopens the meeting where the officer was.

The child (``tests/ui/minute_taking_child.py``) drives the real window with simulated keystrokes, so
the writes go through the same autosaver and commands as in use. Two rounds run here, each killed at
a random moment; ``SST_MINUTES_CRASH_ROUNDS`` runs more by hand (they reuse the two typing plans).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from sst_desktop.services import attendance, minutes
from sst_desktop.storage.opening import open_path
from tests.minutes_data import build_committee_and_meetings
from tests.ui.minute_taking_child import planned_text

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


class Child:
    """The child process and the lines it printed, read on a thread so the pipe never fills."""

    def __init__(self, *args: str) -> None:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.ui.minute_taking_child", *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.strip())

    def count(self, prefix: str) -> int:
        return sum(1 for line in list(self.lines) if line.startswith(prefix))

    def wait_for(self, prefix: str, count: int, timeout: float) -> None:
        end = time.monotonic() + timeout
        while self.count(prefix) < count:
            if self.process.poll() is not None:
                stderr = self.process.stderr.read() if self.process.stderr else ""
                self.kill()
                pytest.fail(f"the minute-taking process ended early:\n{stderr}")
            if time.monotonic() > end:
                self.kill()
                pytest.fail(f"no {count} × {prefix} within {timeout} s; got {self.lines[-5:]}")
            time.sleep(0.01)

    def kill(self) -> list[str]:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        self._reader.join(timeout=5)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
        return list(self.lines)


def reported(lines: list[str]) -> dict[str, dict[int, object]]:
    """The last report of each kind per object: what the process said had reached the database."""
    found: dict[str, dict[int, object]] = {"MARK": {}, "SAVED": {}, "RESOLUTION": {}, "ITEM": {}}
    for line in lines:
        parts = line.split()
        if not parts or parts[0] not in found:
            continue
        if parts[0] == "ITEM":
            found["ITEM"][len(found["ITEM"])] = int(parts[1])
        elif parts[0] == "MARK":
            found["MARK"][int(parts[1])] = parts[2]
        else:
            found[parts[0]][int(parts[1])] = int(parts[2])
    return found


def test_killed_while_typing_nothing_reported_saved_is_lost(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "minutes.db"
    db = open_path(path, backup_dir=tmp_path / "backups")
    seed = build_committee_and_meetings(db)
    db.dispose()
    settings_path = tmp_path / "settings.ini"
    rounds = int(os.environ.get("SST_MINUTES_CRASH_ROUNDS", "2"))
    rng = random.Random(os.environ.get("SST_MINUTES_CRASH_SEED") or time.time_ns())
    all_marks: dict[int, object] = {}
    item_index = {item_id: index for index, item_id in enumerate(seed.item_ids)}

    for number in range(rounds):
        plan = 1 if number % 2 == 0 else 2
        db = open_path(path, backup_dir=tmp_path / "backups")
        before = {m.id: m.text for m in minutes.list_minutes(db, seed.meeting_id)}  # what earlier rounds left
        db.dispose()
        child = Child(str(path), str(settings_path), str(plan), str(seed.meeting_id))
        child.wait_for("READY", 1, timeout=60)
        # Let it type a random while (through register marks and at least one narrative save).
        child.wait_for("SAVED", rng.randint(1, 3), timeout=60)
        time.sleep(rng.uniform(0.0, 0.8))
        lines = child.kill()
        found = reported(lines)
        assert found["SAVED"], "the process reported no save before it was killed"
        all_marks.update(found["MARK"])

        # Start again: the file opens, and every change reported saved is there.
        db = open_path(path, backup_dir=tmp_path / "backups")
        try:
            with db.engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            by_id = {m.id: m for m in minutes.list_minutes(db, seed.meeting_id)}
            for minute_id, length in found["SAVED"].items():
                text = by_id[minute_id].text
                earlier = before.get(minute_id, "")
                typed = planned_text(item_index[by_id[minute_id].agenda_item_id])  # type: ignore[index]
                assert len(text) >= length, f"minute {minute_id} lost typing that was reported saved"  # type: ignore[operator]
                assert text.startswith(earlier), "typing saved in an earlier run was lost"
                assert typed.startswith(text[len(earlier) :]), "the saved text is not what was typed"
            for minute_id, count in found["RESOLUTION"].items():
                assert len(by_id[minute_id].resolutions) >= count  # type: ignore[operator]
            register = {r.id: r for r in attendance.list_attendance(db, seed.meeting_id)}
            for attendance_id, status in all_marks.items():
                assert register[attendance_id].status.value == status

            # The program reopens the meeting at the item the officer was on.
            from sst_desktop.ui.minutes.place import remembered

            settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
            where = remembered(settings, db.url)
            assert where is not None and where[0] == seed.meeting_id
            visited = list(found["ITEM"].values())
            following = seed.item_ids[seed.item_ids.index(visited[-1]) + 1]
            assert where[1] in (visited[-1], following)
        finally:
            db.dispose()
