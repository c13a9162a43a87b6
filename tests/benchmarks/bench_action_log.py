"""The action log at scale: 10 committees, 20 years of meetings, 100,000 actions.

The synthetic database is built once with bulk Core inserts and kept in the temporary folder
(``$TMPDIR/sst-bench-actions-v2-<schema revision>.db``) between runs; delete it to rebuild.

Figures: the action log shown (read on the database worker, model, painted view), and its ratio to
the floor (a raw ``sqlite3`` read of the same rows into a bare table model, painted) timed in
alternation in the same run; each filter keystroke and each sort; the export of all 100,000 actions
and of 1,000; the import preview of 1,000 edited rows; and the peak memory of a fresh process
(VmHWM) with the log open while it exports and imports.
"""

from __future__ import annotations

import gc
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

CACHE_VERSION = "v3"
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
    from sst_desktop.storage.migrations import head_revision

    return Path(tempfile.gettempdir()) / f"sst-bench-actions-{CACHE_VERSION}-{head_revision()}.db"


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
                        "completed_on": min(due or when, when + timedelta(days=30), date.today())
                        if status == "completed"
                        else None,
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


# The measurements ---------------------------------------------------------------------------------


def _best(repeats: int, function) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - started)
    return best


def _qt_app():  # type: ignore[no-untyped-def]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def bench_log_view() -> dict[str, tuple[float, float]]:
    """The page built and painted; then typing a search, choosing filters, sorting each column."""
    app = _qt_app()
    from sst_desktop.domain.action_rows import Column
    from sst_desktop.ui.actions.log_view import ActionLogPage
    from sst_desktop.ui.context import AppContext

    db = open_synthetic()
    context = AppContext(db)
    pages: list = []
    _note_load()

    def show() -> None:
        while pages:  # one page at a time, as in the application
            _delete(app, pages.pop())
        started, page = time.perf_counter(), _shown_page(app, ActionLogPage, context)
        times.append(time.perf_counter() - started)
        pages.append(page)
        _wait(app, lambda: page.model.log.latest is not None)  # then the latest updates and search index
        background.append(time.perf_counter() - started)
        app.processEvents()

    times: list[float] = []
    background: list[float] = []
    show()  # warm up: imports, fonts
    times.clear()
    background.clear()
    for _ in range(3):
        show()
    figures: dict[str, tuple[float, float]] = {}
    figures["action log shown (100,000 rows: read on the database worker, model, painted view)"] = (
        min(times),
        0.3,
    )
    # (not a target of the issue: the rest of the log is expected within a second of opening)
    figures["latest updates and search index read after the rows, ready after"] = (min(background), 1.0)
    page = pages[-1]
    from PySide6.QtCore import Qt

    # Each step below is timed as the best of three tries (the least disturbed by other work on this
    # shared machine), from the same starting state; the figure is the slowest step.
    def step(prepare, act) -> float:  # type: ignore[no-untyped-def]
        best = float("inf")
        for _ in range(3):
            prepare()
            app.processEvents()
            started = time.perf_counter()
            act()
            page.table.viewport().repaint()
            best = min(best, time.perf_counter() - started)
        return best

    def typing(text: str) -> float:
        slowest = 0.0
        for n in range(1, len(text) + 1):

            def prepare(n: int = n) -> None:
                page.filters.search.setText(text[: n - 1])

            slowest = max(slowest, step(prepare, lambda n=n: page.filters.search.setText(text[:n])))
        page.filters.search.clear()
        return slowest

    figures["search keystroke, slowest of 'bootle town' typed"] = (typing("bootle town"), 0.1)
    figures["search keystroke, slowest of 'prevent council' typed"] = (typing("prevent council"), 0.1)

    def choice(combo, index: int) -> float:  # type: ignore[no-untyped-def]
        return step(lambda: combo.setCurrentIndex(0), lambda: combo.setCurrentIndex(index))

    figures["filter change (committee, status, owner, organisation, kind), slowest"] = (
        max(
            choice(page.filters.committee, 3),
            choice(page.filters.status, 1),
            choice(page.filters.organisation, 2),
            choice(page.filters.owner, 5),
            choice(page.filters.kind, 2),
        ),
        0.1,
    )

    def toggle(box) -> float:  # type: ignore[no-untyped-def]
        return step(lambda: box.setChecked(False), lambda: box.setChecked(True))

    figures["overdue / due-within ticked, slowest"] = (
        max(toggle(page.filters.overdue), toggle(page.filters.due_soon)),
        0.1,
    )
    page.filters.overdue.setChecked(False)
    page.filters.due_soon.setChecked(False)

    header = page.table.horizontalHeader()
    slowest_sort = 0.0
    previous = Column.REFERENCE
    for column in Column:
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            slowest_sort = max(
                slowest_sort,
                step(
                    lambda p=previous: header.setSortIndicator(p, Qt.SortOrder.AscendingOrder),
                    lambda c=column, o=order: header.setSortIndicator(c, o),
                ),
            )
        previous = column
    figures["sort on a column (each of 10, both ways, from another sort), slowest"] = (slowest_sort, 0.1)
    figures["first search keystroke while sorted (matches most rows)"] = (
        step(lambda: page.filters.search.setText(""), lambda: page.filters.search.setText("e")),
        0.1,
    )
    _delete(app, page)
    db.dispose()
    return figures


# The floor: the same rows read with plain sqlite3, into the least a table model can be, painted.
FLOOR_SQL = """
SELECT a.id, a.reference, a.kind, a.committee_id, a.meeting_id, a.minute_id, a.text, a.owner_person_id,
       a.owner_text, a.organisation_id, a.due_date, a.due_next_meeting, a.status
FROM actions a ORDER BY a.id
"""
FLOOR_RUNS = 5
RATIO_LIMIT = 1.5


def _floor_shown(app, path: Path) -> float:  # type: ignore[no-untyped-def]
    """Seconds from nothing to the rows painted: a raw sqlite3 read, a bare model, a table view."""
    import sqlite3

    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QHeaderView, QTableView

    class Rows(QAbstractTableModel):
        def __init__(self, rows: list[tuple]) -> None:
            super().__init__()
            self.rows = rows

        def rowCount(self, parent=QModelIndex()) -> int:  # type: ignore[no-untyped-def]
            return 0 if parent.isValid() else len(self.rows)

        def columnCount(self, parent=QModelIndex()) -> int:  # type: ignore[no-untyped-def]
            return 0 if parent.isValid() else 10

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            value = self.rows[index.row()][index.column()]
            return None if value is None else str(value)

    started = time.perf_counter()
    connection = sqlite3.connect(path)
    gc.disable()  # (as the application reads: 100,000 tuples would set off the cycle collector)
    try:
        rows = connection.execute(FLOOR_SQL).fetchall()
    finally:
        gc.enable()
        connection.close()
    view = QTableView()
    header = view.verticalHeader()  # (as any table of 100,000 rows must: no per-row sizes)
    header.setVisible(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header.setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setModel(Rows(rows))
    view.resize(1400, 800)
    view.show()
    _wait(app, lambda: view.windowHandle() is not None and view.windowHandle().isExposed())
    view.viewport().repaint()
    elapsed = time.perf_counter() - started
    _delete(app, view)
    return elapsed


def bench_log_against_floor() -> dict[str, tuple[float, float] | tuple[float, float, str]]:
    """The action log page shown, and the floor, timed in alternation; the best of each and their
    ratio (the issue's target: within 1.5× of the floor)."""
    app = _qt_app()
    from sst_desktop.ui.actions.log_view import ActionLogPage
    from sst_desktop.ui.context import AppContext

    path = synthetic_database()
    db = open_synthetic()
    context = AppContext(db)
    _note_load()

    def application() -> float:
        started = time.perf_counter()
        page = _shown_page(app, ActionLogPage, context)
        elapsed = time.perf_counter() - started
        _delete(app, page)
        return elapsed

    application()  # warm up: imports, fonts, the file in the page cache
    _floor_shown(app, path)
    walls: list[float] = []
    floors: list[float] = []
    for _ in range(FLOOR_RUNS):
        walls.append(application())
        floors.append(_floor_shown(app, path))
    db.dispose()
    for label, runs in (("log shown", walls), ("floor", floors)):
        print(f"  {label} runs: {', '.join(f'{w * 1000:.0f}' for w in runs)} ms", file=sys.stderr)
    return {
        "action log shown (100,000 rows)": (min(walls), 0.3),
        "floor (raw sqlite3 read, bare model, painted view)": (min(floors), 0.3),
        "ratio action log / floor": (min(walls) / min(floors), RATIO_LIMIT, "×"),
    }


def _note_load() -> None:
    """Say how busy the machine is: the figures are wall-clock times on a shared machine."""
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return
    print(f"  load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores", file=sys.stderr)


def _wait(app, condition, timeout: float = 120.0) -> None:  # type: ignore[no-untyped-def]
    """Let the event loop run (the database worker's answers arrive through it) until ``condition()``."""
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the action log did not answer in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


def _shown_page(app, page_class, context):  # type: ignore[no-untyped-def]
    """The action log page, once its rows are read (on the database worker) and painted."""
    page = page_class(context)
    page.resize(1400, 800)
    page.show()
    _wait(app, lambda: page.model.rowCount() > 0 and page.windowHandle().isExposed())
    page.table.viewport().repaint()
    return page


def _delete(app, widget) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent

    from sst_desktop.ui.operations.worker import database_worker

    worker = database_worker()
    while not worker.is_idle():  # its reads end first (an answer may ask for more), as on screen
        worker.drain()
    widget.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gc.collect()


def bench_export_import() -> dict[str, tuple[float, float]]:
    from openpyxl import load_workbook

    from sst_desktop.exports.actions_xlsx import export_actions_xlsx
    from sst_desktop.imports.actions_xlsx import preview_actions_xlsx
    from sst_desktop.services.action_sheet import SheetColumn

    db = open_synthetic()
    _note_load()
    folder = Path(tempfile.mkdtemp(prefix="sst-bench-xlsx-"))
    figures: dict[str, tuple[float, float]] = {}
    everything = folder / "all.xlsx"
    figures["export all 100,000 actions to .xlsx"] = (
        _best(1, lambda: export_actions_xlsx(db, everything)),
        8.5,
    )
    ids = list(range(1, ACTIONS + 1, ACTIONS // 1000))[:1000]
    some = folder / "some.xlsx"
    figures["export 1,000 actions to .xlsx"] = (
        _best(3, lambda: export_actions_xlsx(db, some, action_ids=ids)),
        0.3,
    )

    # a partner edits every row: status, due date, a new update
    wb = load_workbook(some)
    ws = wb.worksheets[0]
    headers = {c.value: c.column for c in ws[1]}
    statuses = ["Completed", "In progress", "Deferred", "Open"]
    for row in range(2, ws.max_row + 1):
        ws.cell(row, headers[SheetColumn.STATUS.header]).value = statuses[row % 4]
        ws.cell(row, headers[SheetColumn.DUE.header]).value = datetime(2030, 1 + row % 12, 1 + row % 28)
        ws.cell(row, headers[SheetColumn.NEW_UPDATE.header]).value = f"Partner update {row} — ✓"
    edited = folder / "edited.xlsx"
    wb.save(edited)
    preview = preview_actions_xlsx(db, edited)
    assert len(preview.changes) == 1000, preview.summary
    figures["import preview of 1,000 edited rows"] = (_best(3, lambda: preview_actions_xlsx(db, edited)), 2.0)
    db.dispose()
    return figures


def _peak_worker() -> None:
    """Run in a fresh process, as the application would: the log open (searched, filtered, sorted on
    every column) while the workbooks of 100,000 and 1,000 actions are written and one is read back;
    then report the peak resident memory (MB)."""
    import resource

    from PySide6.QtCore import Qt

    from sst_desktop.domain.action_rows import Column
    from sst_desktop.ui.actions.log_view import ActionLogPage
    from sst_desktop.ui.context import AppContext

    app = _qt_app()
    db = open_synthetic()
    page = _shown_page(app, ActionLogPage, AppContext(db))
    _wait(app, lambda: page.model.log.latest is not None)
    page.filters.search.setText("prevent")
    page.filters.committee.setCurrentIndex(2)
    page.filters.overdue.setChecked(True)
    for column in Column:
        page.table.horizontalHeader().setSortIndicator(column, Qt.SortOrder.DescendingOrder)
        app.processEvents()
    page.filters.clear()
    app.processEvents()
    bench_export_import()
    print(f"PEAK_MB={_peak_kb(resource) / 1024:.1f}")


def _peak_kb(resource) -> float:  # type: ignore[no-untyped-def]
    """This process's peak resident memory. /proc's VmHWM belongs to this program alone; getrusage's
    ru_maxrss can carry the high-water mark of the process that started it (it survives exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return float(line.split()[1])
    except OSError:
        pass
    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def bench_peak_memory() -> float:
    synthetic_database()
    result = subprocess.run(
        [sys.executable, __file__, "--peak"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    for line in result.stdout.splitlines():
        if line.startswith("PEAK_MB="):
            return float(line.split("=", 1)[1])
    raise RuntimeError(f"the memory run failed:\n{result.stdout}\n{result.stderr}")


def _benchmarks() -> list:
    from tests.benchmarks.run import Benchmark

    return [
        Benchmark("action log view", 0.1, bench_log_view),
        Benchmark(
            f"action log against its floor (best of {FLOOR_RUNS}, alternating)",
            RATIO_LIMIT,
            bench_log_against_floor,
        ),
        Benchmark("action log spreadsheet", 8.5, bench_export_import),
        Benchmark(
            "action log peak memory (log open and worked on, exports and import)",
            300,
            bench_peak_memory,
            unit="MB",
        ),
    ]


if __name__ == "__main__":
    if sys.argv[1:] == ["--peak"]:
        _peak_worker()
    else:
        target = Path(sys.argv[1]) if len(sys.argv) > 1 else cache_path()
        build_database(target)
        print(target)
else:
    BENCHMARKS = _benchmarks()
