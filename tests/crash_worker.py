"""A program that takes minutes the way the GUI does, for tests/test_crash_safety.py to kill.

    python -m tests.crash_worker DATABASE ROUND SEED [--network]

It opens the database as the GUI does (``open_path``: checks, backup on open), then edits the meeting
through the real services — minute text saved while typing, resolutions, actions, progress updates,
the register — forever. Before each change it prints ``intent N {json}``, after the service call
returned (the change is committed) ``saved N``. ``--network`` makes the file look as if it were on
a network share, so the rollback journal is used instead of WAL.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from sqlalchemy import select

from sst_desktop.domain import Action, Attendance, Meeting, Minute
from sst_desktop.services import actions, attendance, minutes
from sst_desktop.storage import filesystems
from sst_desktop.storage.opening import open_path

STATUSES = ("present", "apologies", "absent")
WORDS = (
    "Members considered a report on Domestic Homicide Reviews",
    "Superintendent Robson gave a presentation on the Sefton Local Profile",
    "Project ADDER – Merseyside Police £50,000 bid",
    "Résumé of the Prevent Local Partnerships Health Check",
    "تحديث خدمة عدالة الشباب",  # Arabic: youth justice service update
    "社区安全战略",  # Chinese: community safety strategy
    "<b>bold</b> & 'quoted' =SUM(A1)",
)


def _targets(db) -> tuple[int, list[int], list[int], list[int]]:  # type: ignore[no-untyped-def]
    with db.read() as session:
        meeting_id = session.scalar(
            select(Minute.meeting_id)
            .join(Meeting, Meeting.id == Minute.meeting_id)
            .where(Meeting.minutes_confirmed_at.is_(None))
            .limit(1)
        )
        minute_ids = list(session.scalars(select(Minute.id).where(Minute.meeting_id == meeting_id)))
        action_ids = list(session.scalars(select(Action.id).where(Action.meeting_id == meeting_id)))
        attendance_ids = list(
            session.scalars(select(Attendance.id).where(Attendance.meeting_id == meeting_id))
        )
    return meeting_id, minute_ids, action_ids, attendance_ids  # type: ignore[return-value]


def _text(rng: random.Random, label: str) -> str:
    sentences = rng.randint(1, 60)
    return f"{label}: " + " ".join(rng.choice(WORDS) + "." for _ in range(sentences))


def main(argv: list[str]) -> int:
    path, round_number, seed = Path(argv[0]), int(argv[1]), int(argv[2])
    if "--network" in argv:
        filesystems.locate = lambda p: filesystems.Location("cifs", True)  # type: ignore[assignment]
    rng = random.Random(seed)
    db = open_path(path, backup_dir=path.parent / "backups", keep_backups=3)
    _meeting_id, minute_ids, action_ids, attendance_ids = _targets(db)
    print(f"ready {db.journal_mode}", flush=True)
    n = 0
    while True:
        n += 1
        label = f"r{round_number}n{n}"
        kind = rng.choices(("text", "resolution", "action", "update", "attendance"), (5, 2, 1, 2, 2))[0]
        if kind == "update" and not action_ids:
            kind = "action"
        if kind == "text":
            op = {"op": "text", "minute": rng.choice(minute_ids), "text": _text(rng, label)}
        elif kind == "resolution":
            op = {
                "op": "resolution",
                "minute": rng.choice(minute_ids),
                "text": f"{label} the report be noted",
            }
        elif kind == "action":
            op = {"op": "action", "minute": rng.choice(minute_ids), "text": _text(rng, label)[:2000].strip()}
        elif kind == "update":
            op = {"op": "update", "action": rng.choice(action_ids), "text": f"{label} progress reported"}
        else:
            op = {"op": "attendance", "id": rng.choice(attendance_ids), "status": rng.choice(STATUSES)}
        print(f"intent {n} {json.dumps(op, ensure_ascii=False)}", flush=True)
        if kind == "text":
            minutes.set_text(db, op["minute"], op["text"])
        elif kind == "resolution":
            minutes.add_resolution(db, op["minute"], op["text"])
        elif kind == "action":
            created = actions.create_action(db, minute_id=op["minute"], text=op["text"]).after
            action_ids.append(created.id)  # type: ignore[union-attr]
        elif kind == "update":
            actions.add_update(db, op["action"], op["text"])
        else:
            setter = {
                "present": attendance.set_present,
                "apologies": attendance.set_apologies,
                "absent": attendance.set_absent,
            }[op["status"]]
            setter(db, op["id"])
        print(f"saved {n}", flush=True)


if __name__ == "__main__":
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[attr-defined]
    raise SystemExit(main(sys.argv[1:]))
