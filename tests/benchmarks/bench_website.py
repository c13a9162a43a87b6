"""Publishing speed: a website of 20 years of one committee's meetings under 30 s (issue 15), and
publishing it again, when nothing changed, in a fraction of that. Each meeting has a full agenda and
minutes of every item with a resolution, as the demo's meetings do."""

from __future__ import annotations

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

from tests.benchmarks.run import Benchmark  # noqa: E402

YEARS = 20
MEETINGS_A_YEAR = 5
ITEMS = 6
NARRATIVE = (
    "Members considered a report giving an update on the carrying out of Domestic Homicide Reviews in "
    "Sefton. It was reported that there were currently difficulties in attracting independent Chairs "
    "for reviews, and that partners were asked to consider funding the training of new Chairs. "
)


@cache
def setup() -> tuple[object, int]:
    from sst_desktop.services import agenda, meetings, minutes
    from sst_desktop.storage.opening import open_path
    from tests.meeting_factory import make_sst

    folder = Path(tempfile.mkdtemp(prefix="sst-bench-website-"))
    db = open_path(folder / "bench.db", backup_dir=folder / "backups")
    sst = make_sst(db)
    for year in range(2003, 2003 + YEARS):
        for month in (6, 9, 11, 1, 3)[:MEETINGS_A_YEAR]:
            day = date(year + (month < 5), month, 10)
            with db.write():
                meeting = meetings.schedule_meeting(db, sst.committee_id, day).after
                assert meeting is not None
                agenda.build_default_agenda(db, meeting.id)
                for number in range(ITEMS):
                    agenda.add_item(db, meeting.id, f"Community safety report {number + 1}")
                minutes.open_minutes(db, meeting.id)
                for minute in minutes.minutes_outline(db, meeting.id):
                    if minute.procedural_role is None:
                        minutes.set_text(db, minute.id, NARRATIVE * 3)
                        minutes.add_resolution(db, minute.id, "the report be noted")
    return db, sst.committee_id


def website() -> dict[str, float]:
    from sst_desktop.exports.website.writer import publish_site

    db, committee_id = setup()
    folder = Path(tempfile.mkdtemp(prefix="sst-bench-site-")) / "site"
    start = time.perf_counter()
    first = publish_site(db, committee_id, folder, with_actions=True)  # type: ignore[arg-type]
    published = time.perf_counter() - start
    assert len(list((folder / "meetings").glob("*.html"))) >= YEARS * MEETINGS_A_YEAR
    start = time.perf_counter()
    again = publish_site(db, committee_id, folder, with_actions=True)  # type: ignore[arg-type]
    republished = time.perf_counter() - start
    assert first.written and not again.written
    return {
        f"website of {YEARS} years ({YEARS * MEETINGS_A_YEAR} meetings), first publish": published,
        "the same website published again, nothing changed": republished,
    }


BENCHMARKS = [Benchmark("website", 30.0, website)]
