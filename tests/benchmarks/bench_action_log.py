"""The action log at scale: 10 committees, 20 years of meetings, 100,000 actions.

The synthetic database is built once with bulk Core inserts and kept in the temporary folder
(``$TMPDIR/sst-bench-actions-v1.db``) between runs; delete it to rebuild.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CACHE_VERSION = "v1"
COMMITTEES = 10
YEARS = 20
MEETINGS_PER_YEAR = 6
MINUTES_PER_MEETING = 10
ACTIONS = 100_000
PEOPLE = 300
MEMBERS_PER_COMMITTEE = 15

ORGANISATIONS = [
    "Sefton Council",
    "Merseyside Police",
    "Merseyside Fire and Rescue Service",
    "National Probation Service",
    "NHS Sefton Clinical Commissioning Group",
    "Sefton CVS",
    "Youth Justice Service",
    "Merseyside Police and Crime Commissioner",
    "One Vision Housing",
    "Public Health Sefton",
]
COMMITTEE_NAMES = [
    ("Safer Sefton Together", "SST"),
    ("Overview and Scrutiny Committee (Adult Social Care and Health)", "OSC-ASCH"),
    ("Overview and Scrutiny Committee (Children's Services and Safeguarding)", "OSC-CSS"),
    ("Overview and Scrutiny Committee (Regeneration and Skills)", "OSC-RS"),
    ("Peer Review Working Group", "PRWG"),
    ("Sefton Domestic Abuse Partnership Board", "SDAPB"),
    ("Prevent Steering Group", "PREVENT"),
    ("Serious Violence Duty Board", "SVD"),
    ("Health and Wellbeing Board", "HWB"),
    ("Community Safety Partnership Delivery Group", "CSPDG"),
]
VERBS = ["Circulate", "Report back on", "Arrange a briefing on", "Review", "Update the board on", "Contact"]
TOPICS = [
    "anti-social behaviour hotspots in Bootle",
    "Prevent referral figures",
    "the serious violence duty strategic needs assessment",
    "domestic abuse refuge capacity",
    "knife crime in Southport town centre",
    "the youth diversion programme",
    "hate crime reporting centres",
    "fire safety visits for vulnerable residents",
    "the Operation Medusa county lines results",
    "CCTV coverage in Crosby village",
]
STATUSES = [
    "open",
    "open",
    "in_progress",
    "in_progress",
    "completed",
    "completed",
    "completed",
    "deferred",
    "closed",
]
UPDATES = [
    "Meeting arranged with partners.",
    "Figures circulated to members by email.",
    "Awaiting the quarterly data from the police.",
    "Draft report prepared for the next meeting.",
    "Café consultation completed — résumé sent; ✓",
]


def cache_path() -> Path:
    return Path(tempfile.gettempdir()) / f"sst-bench-actions-{CACHE_VERSION}.db"


def build_database(path: Path, *, actions: int = ACTIONS, seed: int = 7) -> Path:
    """Write the synthetic database to ``path`` (replacing it)."""
    from sst_desktop.domain import (
        Action,
        ActionUpdate,
        Attendance,
        Committee,
        Meeting,
        Membership,
        Minute,
        Organisation,
        Person,
    )
    from sst_desktop.storage.opening import open_path

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    rng = random.Random(seed)
    backups = Path(tempfile.mkdtemp(prefix="sst-bench-backups-"))
    db = open_path(path, backup_dir=backups)
    now = datetime(2024, 1, 1, 12, 0)
    try:
        with db.write() as s:
            s.execute(
                insert(Organisation),
                [
                    {"id": i + 1, "name": n, "created_at": now, "updated_at": now}
                    for i, n in enumerate(ORGANISATIONS)
                ],
            )
            first = ["Dawn", "Ian", "Janette", "Steve", "Ruth", "Mohammed", "Siân", "Zoë", "Peter", "Lina"]
            last = [
                "McNally",
                "Hardy",
                "Maxwell",
                "Frackleton",
                "Harrison",
                "Khan",
                "O'Brien",
                "Núñez",
                "Lee",
                "Wu",
            ]
            s.execute(
                insert(Person),
                [
                    {
                        "id": i + 1,
                        "title": rng.choice(["Councillor", "Superintendent", "Ms", "Mr", "Dr"]),
                        "first_name": first[i % 10],
                        "last_name": f"{last[(i // 10) % 10]}{'' if i < 100 else i}",
                        "organisation_id": rng.randint(1, len(ORGANISATIONS)),
                        "created_at": now,
                        "updated_at": now,
                    }
                    for i in range(PEOPLE)
                ],
            )
            s.execute(
                insert(Committee),
                [
                    {"id": i + 1, "name": n, "short_name": sn, "created_at": now, "updated_at": now}
                    for i, (n, sn) in enumerate(COMMITTEE_NAMES[:COMMITTEES])
                ],
            )
            memberships = []
            members: dict[int, list[int]] = {}
            for c in range(1, COMMITTEES + 1):
                chosen = rng.sample(range(1, PEOPLE + 1), MEMBERS_PER_COMMITTEE)
                members[c] = chosen
                memberships += [
                    {
                        "committee_id": c,
                        "person_id": p,
                        "role": "chair" if k == 0 else "member",
                        "start_date": date(2004, 5, 1),
                        "created_at": now,
                        "updated_at": now,
                    }
                    for k, p in enumerate(chosen)
                ]
            s.execute(insert(Membership), memberships)
            meetings, minutes, attendance = [], [], []
            meeting_id = minute_id = 0
            minute_rows: list[tuple[int, int, int, date]] = []  # (minute id, meeting id, committee id, date)
            start_year = date.today().year - YEARS + 1
            for c in range(1, COMMITTEES + 1):
                for y in range(YEARS):
                    number = 0
                    for m in range(MEETINGS_PER_YEAR):
                        meeting_id += 1
                        when = date(start_year + y, 1 + 2 * m, 5 + c)
                        meetings.append(
                            {
                                "id": meeting_id,
                                "committee_id": c,
                                "date": when,
                                "venue": "Bootle Town Hall",
                                "status": "held" if when < date.today() else "scheduled",
                                "created_at": now,
                                "updated_at": now,
                            }
                        )
                        for k in range(MINUTES_PER_MEETING):
                            minute_id += 1
                            number += 1
                            minutes.append(
                                {
                                    "id": minute_id,
                                    "meeting_id": meeting_id,
                                    "number": number,
                                    "position": k + 1,
                                    "heading": rng.choice(TOPICS).upper(),
                                    "created_at": now,
                                    "updated_at": now,
                                }
                            )
                            minute_rows.append((minute_id, meeting_id, c, when))
                        for p in members[c]:
                            status = rng.choices(["present", "apologies", "absent"], [8, 2, 1])[0]
                            attendance.append(
                                {
                                    "meeting_id": meeting_id,
                                    "person_id": p,
                                    "status": status,
                                    "created_at": now,
                                    "updated_at": now,
                                }
                            )
            s.execute(insert(Meeting), meetings)
            s.execute(insert(Minute), minutes)
            s.execute(insert(Attendance), attendance)
            actions_rows, updates = [], []
            sequence: dict[tuple[int, int], int] = {}
            short = {i + 1: sn for i, (_, sn) in enumerate(COMMITTEE_NAMES)}
            for a in range(1, actions + 1):
                mid, meet, c, when = minute_rows[(a * 7919) % len(minute_rows)]
                key = (c, when.year)
                sequence[key] = sequence.get(key, 0) + 1
                status = rng.choice(STATUSES)
                due = when + timedelta(days=rng.randint(20, 200)) if rng.random() < 0.9 else None
                owner = rng.randint(1, PEOPLE) if rng.random() < 0.8 else None
                actions_rows.append(
                    {
                        "id": a,
                        "reference": f"{short[c]}/{when.year}/{sequence[key]:03d}",
                        "kind": "recommendation" if rng.random() < 0.05 else "action",
                        "committee_id": c,
                        "meeting_id": meet,
                        "minute_id": mid,
                        "position": a,
                        "text": f"{rng.choice(VERBS)} {rng.choice(TOPICS)} (item {a})",
                        "response": "",
                        "owner_person_id": owner,
                        "owner_text": "" if owner else "Community Safety Team",
                        "organisation_id": rng.randint(1, len(ORGANISATIONS)),
                        "due_date": due,
                        "due_next_meeting": due is None,
                        "status": status,
                        "completed_on": (due or when) if status == "completed" else None,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
                for u in range(rng.choice([0, 0, 1, 1, 2, 3])):
                    updates.append(
                        {
                            "action_id": a,
                            "on": when + timedelta(days=10 * (u + 1)),
                            "text": rng.choice(UPDATES),
                            "author": "",
                            "created_at": now,
                        }
                    )
                if len(actions_rows) >= 20_000:
                    s.execute(insert(Action), actions_rows)
                    actions_rows = []
            if actions_rows:
                s.execute(insert(Action), actions_rows)
            s.execute(insert(ActionUpdate), updates)
        with db.engine.connect() as connection:
            connection.exec_driver_sql("ANALYZE")
            connection.commit()
    finally:
        db.dispose()
    return path


def synthetic_database() -> Path:
    path = cache_path()
    if not path.exists():
        started = time.perf_counter()
        print(f"  building {path} ({ACTIONS:,} actions)…", file=sys.stderr, flush=True)
        build_database(path)
        print(f"  built in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return path


def open_synthetic():  # type: ignore[no-untyped-def]
    from sst_desktop.storage.opening import open_path

    return open_path(synthetic_database(), backup_dir=Path(tempfile.mkdtemp(prefix="sst-bench-backups-")))


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else cache_path()
    build_database(target)
    print(target)

BENCHMARKS: list = []
_ = subprocess
