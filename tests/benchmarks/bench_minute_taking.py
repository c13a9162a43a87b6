"""Minute-taking mode (issue 4): typing never waits on the disk.

Measured through the real window (offscreen), the way the officer uses it:

- a keystroke in the narrative: what the GUI thread does per key (no write happens here);
- each autosave write the window makes — the narrative, a resolution, an action's wording — and a
  register mark (one key, one undoable write): each under 20 ms, the issue's target;
- moving to the next item (pending typing written, the next minute loaded and shown).

    python tests/benchmarks/run.py minute-taking
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sst_desktop.ui.operations.worker import database_worker  # noqa: E402
from tests.benchmarks.run import Benchmark  # noqa: E402

SAVE_LIMIT = 0.020
KEY_LIMIT = 0.005
SWITCH_LIMIT = 0.150
ROUNDS = 60
SENTENCE = "Superintendent Robson reported on funding allocated to areas within Merseyside; "


@cache
def window():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from sst_desktop.storage.opening import open_path
    from sst_desktop.ui.context import AppContext
    from tests.minutes_data import build_committee_and_meetings
    from tests.ui.minute_window import open_minute_taking

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="sst-bench-minute-taking-"))
    db = open_path(folder / "bench.db", backup_dir=folder / "backups")
    seed = build_committee_and_meetings(db)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    win = open_minute_taking(AppContext(db), seed.meeting_id, settings)
    win.resize(1320, 860)
    win.show()
    app.processEvents()
    win.go_to(seed.item_ids[3])
    return app, win, seed


def _p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10)[-1]


def keystrokes() -> dict[str, float]:
    """The GUI thread's work per key typed into the narrative (the write comes later, off this path)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    app, win, _seed = window()
    narrative = win.editor.narrative
    narrative.setFocus()
    times = []
    for n in range(400):
        key = Qt.Key.Key_A if n % 7 else Qt.Key.Key_Space
        start = time.perf_counter()
        QTest.keyClick(narrative, key)
        times.append(time.perf_counter() - start)
    assert win.session.saver.has_pending, "a keystroke must not write"
    win.session.saver.flush()
    app.processEvents()
    return {"keystroke (median)": statistics.median(times), "keystroke (90th percentile)": _p90(times)}


def _timed_flush(win, schedule) -> float:  # type: ignore[no-untyped-def]
    schedule()
    start = time.perf_counter()
    assert win.session.saver.flush()
    return time.perf_counter() - start


def saves() -> dict[str, float]:
    """Each write the autosaver makes, timed as the window makes it (the flush after a pause)."""
    app, win, _seed = window()
    editor = win.editor
    narrative, resolution, action = [], [], []
    editor.resolutions.add_resolution("the report be noted")
    editor.actions_list.add_action("Share the process with partners")
    while not database_worker().is_idle():  # both are added on the database worker
        app.processEvents()
        time.sleep(0.001)
    app.processEvents()
    row = editor.resolutions.ordered_rows()[0]
    action_row = editor.actions_list.ordered_rows()[0]
    text = editor.narrative.toPlainText()
    for n in range(ROUNDS):
        text += SENTENCE
        narrative.append(_timed_flush(win, lambda t=text: editor.narrative.setPlainText(t)))
        resolution.append(_timed_flush(win, lambda n=n: row.edit.setPlainText(f"the report be noted ({n})")))
        action.append(_timed_flush(win, lambda n=n: action_row.text.setPlainText(f"Share the process ({n})")))
    app.processEvents()
    return {
        f"narrative save of {len(text):,} characters (median)": statistics.median(narrative),
        "narrative save (90th percentile)": _p90(narrative),
        "resolution save (median)": statistics.median(resolution),
        "resolution save (90th percentile)": _p90(resolution),
        "action wording save (median)": statistics.median(action),
        "action wording save (90th percentile)": _p90(action),
    }


def register_marks() -> dict[str, float]:
    """One register key (P or A) on the selected row: the undoable write and the register redrawn."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    app, win, _seed = window()
    win.show_register()
    table = win.register.table
    times = []
    for n in range(ROUNDS):
        table.selectRow(n % win.register.model.rowCount())
        key = Qt.Key.Key_P if n % 2 else Qt.Key.Key_A
        start = time.perf_counter()
        QTest.keyClick(table, key)
        times.append(time.perf_counter() - start)
    app.processEvents()
    return {
        "register mark (median)": statistics.median(times),
        "register mark (90th percentile)": _p90(times),
    }


def item_switch() -> dict[str, float]:
    """Next item with typing pending: written, the next minute loaded and shown."""
    app, win, seed = window()
    times = []
    for n in range(30):
        win.go_to(seed.item_ids[3 + n % 8])
        win.editor.narrative.insertPlainText("x")
        start = time.perf_counter()
        win.next_item()
        times.append(time.perf_counter() - start)
        app.processEvents()
    database_worker().drain()  # the minutes read for the items shown have come back
    return {"next item (median)": statistics.median(times), "next item (90th percentile)": _p90(times)}


BENCHMARKS = [
    Benchmark("minute-taking keys", KEY_LIMIT, keystrokes),
    Benchmark("minute-taking saves", SAVE_LIMIT, saves),
    Benchmark("minute-taking register", SAVE_LIMIT, register_marks),
    Benchmark("minute-taking switch", SWITCH_LIMIT, item_switch),
]
