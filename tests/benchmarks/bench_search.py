"""Search speed (issue 13) on the action-log benchmark's database (10 committees, 20 years, 100,000
actions) plus its minutes: every minute given a narrative and resolutions, the whole record indexed.

Figures:
- each keystroke of a few queries typed into the search window, from the key to the results painted
  (the query runs on the database worker, as in use); the slowest, under 50 ms;
- the same prefixes as a bare FTS5 ``MATCH`` (every matching rowid, nothing joined, sorted or shown),
  timed in alternation with the window in the same run; the ratio of the slowest keystroke to the
  slowest bare query, within 2×;
- attaching a 100-page report (text extraction and index), under 2 s — the service the worker runs;
- how much the index adds to the database (search_documents, the FTS5 tables, attachment_pages),
  as a share of the database without it, at most 50 %.

The database is kept in the temporary folder (``sst-bench-search-<version>-<revision>.db``).
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CACHE_VERSION = "v2"
QUERIES = ("serious violence duty", "domestic abuse refuge", '"county lines" medusa', "taxi marshalling")
ROUNDS = 5
SENTENCES = (
    "Superintendent Robson reported on funding allocated to areas within Merseyside under project Adder.",
    "Members discussed the serious violence duty strategic needs assessment and the partners' duties.",
    "The Localities Service Manager gave an update on domestic abuse refuge capacity across Sefton.",
    "It was reported that the Operation Medusa county lines results had been shared with schools.",
    "Concerns were raised about anti-social behaviour hotspots in Bootle and taxi marshalling at night.",
    "The board noted the Prevent referral figures and the benchmarks of the recent health check.",
    "Councillor Hardy asked how the youth diversion programme would be evaluated next year.",
    "Café owners in Southport had been consulted; the résumé of responses would follow.",
    "Hate crime reporting centres had seen more reports since the awareness week in October.",
    "Fire safety visits for vulnerable residents had continued, with 312 homes visited this quarter.",
)
RESOLVED = (
    "That the report be noted.",
    "That a further report be submitted to the next meeting.",
    "That the partners be thanked for their work on the serious violence duty.",
    "That the Chair write to the Police and Crime Commissioner about taxi marshalling funding.",
)


def cache_path() -> Path:
    from sst_desktop.storage.migrations import head_revision

    return Path(tempfile.gettempdir()) / f"sst-bench-search-{CACHE_VERSION}-{head_revision()}.db"


def build(path: Path) -> Path:
    """The action-log database, its minutes given narratives and resolutions, everything indexed."""
    from sqlalchemy import insert, select

    from sst_desktop.domain import Minute, Resolution
    from sst_desktop.storage.opening import open_path
    from sst_desktop.storage.search_index import index_everything
    from tests.benchmarks.bench_action_log import synthetic_database

    shutil.copyfile(synthetic_database(), path)
    db = open_path(path, backup_dir=Path(tempfile.mkdtemp(prefix="sst-bench-backups-")))
    rng = random.Random(13)
    now = datetime(2024, 1, 1, 12, 0)
    minutes_table, resolutions_table = Minute.__table__, Resolution.__table__
    try:
        with db.engine.begin() as connection:
            ids = list(connection.execute(select(minutes_table.c.id)).scalars())
            for start in range(0, len(ids), 2000):
                connection.exec_driver_sql(
                    "UPDATE minutes SET text = ? WHERE id = ?",
                    [(" ".join(rng.sample(SENTENCES, 4)), i) for i in ids[start : start + 2000]],
                )
            connection.execute(
                insert(resolutions_table),
                [
                    {
                        "minute_id": i,
                        "position": n,
                        "text": rng.choice(RESOLVED),
                        "created_at": now,
                        "updated_at": now,
                    }
                    for i in ids
                    for n in range(rng.choice([1, 1, 2]))
                ],
            )
            index_everything(connection)
            connection.exec_driver_sql("ANALYZE")
    finally:
        db.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("VACUUM")
    return path


def search_database() -> Path:
    path = cache_path()
    if not path.exists():
        started = time.perf_counter()
        print(f"  building {path}…", file=sys.stderr, flush=True)
        build(path)
        print(f"  built in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return path


def _prefixes(query: str) -> list[str]:
    return [query[:n] for n in range(1, len(query) + 1)]


def bench_keystrokes() -> dict[str, tuple[float, float, str] | tuple[float, float]]:
    """Each keystroke typed into the search window against the bare FTS5 query, in alternation."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from sst_desktop.services.search_query import fts5_match, parse
    from sst_desktop.storage.opening import open_path
    from sst_desktop.ui.context import AppContext
    from sst_desktop.ui.operations.worker import database_worker
    from sst_desktop.ui.search.window import SearchWindow

    app = QApplication.instance() or QApplication([])
    path = search_database()
    db = open_path(path, backup_dir=Path(tempfile.mkdtemp(prefix="sst-bench-backups-")))
    bare = sqlite3.connect(path)
    window = SearchWindow(AppContext(db))
    window.resize(1366, 728)
    window.show()
    shown: list[int] = []
    window.results_shown.connect(shown.append)
    worker = database_worker()

    def settle() -> None:
        while not worker.is_idle():
            app.processEvents()
        app.processEvents()

    settle()
    # each keystroke's best of ROUNDS (the least disturbed by other work on a shared machine)
    app_best: dict[tuple[str, str], float] = {}
    bare_best: dict[tuple[str, str], float] = {}
    for round_ in range(ROUNDS + 1):  # the first round warms the caches up and is not counted
        for query in QUERIES:
            window.query.clear()
            settle()
            for prefix in _prefixes(query):
                key = (query, prefix)
                terms = parse(prefix)
                if terms:  # the bare query of the same words
                    started = time.perf_counter()
                    bare.execute(
                        "SELECT rowid FROM search_fts WHERE search_fts MATCH ?", (fts5_match(terms),)
                    ).fetchall()
                    took = time.perf_counter() - started
                    if round_:
                        bare_best[key] = min(bare_best.get(key, took), took)
                # the keystroke, to the results painted
                before = len(shown)
                started = time.perf_counter()
                QTest.keyClick(window.query, prefix[-1])
                while len(shown) == before or not worker.is_idle():
                    app.processEvents()
                window.results.viewport().repaint()
                took = time.perf_counter() - started
                if terms and round_:
                    app_best[key] = min(app_best.get(key, took), took)
    window.close()
    bare.close()
    db.dispose()
    slowest_app, slowest_bare = max(app_best.values()), max(bare_best.values())
    worst = max(app_best, key=lambda k: app_best[k] / bare_best[k])
    return {
        "slowest keystroke to results painted": (slowest_app, 0.050),
        "slowest bare FTS5 MATCH of the same words": (slowest_bare, 1.0),
        "ratio slowest keystroke / slowest bare MATCH": (slowest_app / slowest_bare, 2.0, "×"),
        "ratio all keystrokes / all bare MATCHes": (
            sum(app_best.values()) / sum(bare_best.values()),
            2.0,
            "×",
        ),
        f"ratio at the worst keystroke ({worst[1]!r}: not gated)": (
            app_best[worst] / bare_best[worst],
            1e9,
            "×",
        ),
    }


def bench_attach_report() -> float:
    """A 100-page report attached to an item of the big database: checked, text read, indexed."""
    from datetime import date

    from sst_desktop.services import agenda, attachments
    from sst_desktop.services.meetings import schedule_meeting
    from sst_desktop.storage.opening import open_path
    from tests.meeting_factory import pdf_bytes

    folder = Path(tempfile.mkdtemp(prefix="sst-bench-search-"))
    path = folder / "attach.db"
    shutil.copyfile(search_database(), path)
    db = open_path(path, backup_dir=folder / "backups")
    page = "\n".join(SENTENCES * 4)
    report = pdf_bytes(*(f"Page {n}\n{page}" for n in range(1, 101)))
    best = float("inf")
    try:
        meeting = schedule_meeting(db, 1, date(2031, 1, 9)).after
        assert meeting is not None
        item = agenda.add_item(db, meeting.id, "Serious Violence Duty annual report").after
        assert item is not None
        for _ in range(3):
            started = time.perf_counter()
            added = attachments.attach_pdf(db, item.id, report, "annual-report.pdf").after
            best = min(best, time.perf_counter() - started)
            assert added is not None
            attachments.remove_attachment(db, added.id)
    finally:
        db.dispose()
        shutil.rmtree(folder, ignore_errors=True)
    return best


def bench_index_size() -> dict[str, tuple[float, float, str]]:
    """The database with its index, and a copy with the index dropped and vacuumed."""
    folder = Path(tempfile.mkdtemp(prefix="sst-bench-search-"))
    full = search_database()
    bare = folder / "no-index.db"
    shutil.copyfile(full, bare)
    with sqlite3.connect(bare) as connection:
        connection.execute("DROP TABLE search_fts")
        connection.execute("DROP VIEW search_bodies")
        connection.execute("DROP TABLE search_documents")
        connection.execute("DROP TABLE attachment_pages")
    with sqlite3.connect(bare) as connection:
        connection.execute("VACUUM")
    with_index, without = full.stat().st_size, bare.stat().st_size
    shutil.rmtree(folder, ignore_errors=True)
    return {
        "database without the index": (without / 1e6, 1e6, "MB"),
        "database with the index": (with_index / 1e6, 1e6, "MB"),
        "the index adds": (100 * (with_index - without) / without, 50, "%"),
    }


def _benchmarks() -> list:
    from tests.benchmarks.run import Benchmark

    return [
        Benchmark("search keystrokes", 0.050, bench_keystrokes),
        Benchmark("search: attach a 100-page report", 2.0, bench_attach_report),
        Benchmark("search index size", 50, bench_index_size, unit="%"),
    ]


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else cache_path()))
else:
    BENCHMARKS = _benchmarks()
