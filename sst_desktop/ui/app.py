"""Start the GUI: show the window first, then do whatever can wait.

Start-up probe: with ``SST_DESKTOP_STARTUP_PROBE=1`` in the environment the application prints
``first-paint <seconds>`` (seconds since the interpreter started) on standard output as soon as
the main window has painted with its first screen's records, then quits. ``tests/benchmarks/bench_startup.py`` uses it.
The cycle collector, held while the program loads (``sst_desktop.loading``), resumes at that moment.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from sst_desktop import __version__
from sst_desktop.loading import resume_collection
from sst_desktop.paths import APP_NAME

PROBE_ENV = "SST_DESKTOP_STARTUP_PROBE"
COLLECTION_HELD_AT_MOST_MS = 10_000


def make_application(argv: list[str] | None = None) -> QApplication:
    QCoreApplication.setOrganizationName("SST Desktop")
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    existing = QApplication.instance()
    if existing is None:  # (Qt takes the style as it starts: quicker than setting it after)
        app = QApplication([*(argv if argv is not None else sys.argv[:1]), "-style", "Fusion"])
        apply_style(app, fusion=False)
        return app
    apply_style(existing)  # type: ignore[arg-type]
    return existing  # type: ignore[return-value]


def apply_style(app: QApplication, *, fusion: bool = True) -> None:
    """The house look: Fusion (unless the application was started with it) plus resources/styles/app.qss,
    in the colours ``ui.theme`` chooses for the desktop's palette (house colours on a light desktop; its
    own on a dark or high-contrast one). Chosen again when the desktop's colour scheme changes."""
    from sst_desktop.paths import resource
    from sst_desktop.ui import theme

    if fusion:
        app.setStyle("Fusion")
    theme.apply(app.palette())
    with contextlib.suppress(OSError):  # an unstyled window still works
        style = resource("styles", "app.qss").read_text(encoding="utf-8")
        app.setStyleSheet(theme.fill(style.replace("@ICONS@", resource("icons").as_posix())))
    hints = app.styleHints()
    if hints is not None and not app.property("sst-follows-scheme"):
        app.setProperty("sst-follows-scheme", True)
        hints.colorSchemeChanged.connect(lambda *_: apply_style(app))


def demo_copy_path() -> Path:
    """A fresh demo database in a new temporary folder."""
    from sst_desktop.demo.build import build_demo_database

    path = Path(tempfile.mkdtemp(prefix="sst-demo-")) / "sst-demo.db"
    build_demo_database(path)
    return path


def run_gui(database: str | None = None, demo: bool = False) -> int:
    app = make_application()
    from sst_desktop.ui.open_flow import open_interactively

    target: str | Path | None = database
    if demo:
        target = _demo_or_none()
        if target is None:
            return 1
    db = open_interactively(None, target, at_start=True)
    if db is None:
        return 1
    from sst_desktop.ui.file_actions import open_window

    window = open_window(db)
    from sst_desktop.ui.minutes import resume_minute_taking

    window.defer(lambda: resume_minute_taking(window))  # the meeting being minuted when it stopped
    from sst_desktop.ui.operations.opening import prepare_models

    shown: list[Callable[[], object]] = [_report_first_paint] if os.environ.get(PROBE_ENV) else []
    when_first_screen_shown(window, [*shown, resume_collection, prepare_models])
    QTimer.singleShot(COLLECTION_HELD_AT_MOST_MS, resume_collection)  # (should the window never paint)
    try:
        return app.exec()
    finally:
        from sst_desktop.ui.file_actions import close_databases

        close_databases()


def _demo_or_none() -> Path | None:
    resume_collection()  # (building the demo makes short-lived objects: collect them as usual)
    try:
        return demo_copy_path()
    except Exception as error:  # the demo is built from shipped data; say so rather than crash
        from sst_desktop.ui.errors import report_error

        report_error(None, error)
        return None


def when_first_screen_shown(window: QWidget, callbacks: list[Callable[[], object]]) -> None:
    """Call ``callbacks`` in turn once ``window`` has painted with its first screen's records."""
    _FirstScreen(window, callbacks)


class _FirstScreen(QObject):
    def __init__(self, window: QWidget, callbacks: list[Callable[[], object]]) -> None:
        super().__init__(window)
        self._window = window
        self._callbacks = callbacks
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._when_painted)  # after this paint (of the whole window) is done
        return False

    def _when_painted(self) -> None:
        """The first screen's records come from the database worker: count the paint that shows
        them, not an empty screen painted while they are on their way."""
        from sst_desktop.ui.operations.worker import database_worker

        worker = database_worker()
        if worker.is_idle():
            self._shown()
            return
        worker.idle.connect(self._shown_with_data)

    def _shown_with_data(self) -> None:
        from sst_desktop.ui.operations.worker import database_worker

        database_worker().idle.disconnect(self._shown_with_data)
        self._window.repaint()  # paint what the answers filled in, now
        self._shown()

    def _shown(self) -> None:
        for callback in self._callbacks:
            callback()


def _report_first_paint() -> None:
    print(f"first-paint {time.perf_counter() - _process_started():.3f}", flush=True)
    QTimer.singleShot(0, QApplication.quit)


def _process_started() -> float:
    """perf_counter() at the moment this process started (Linux: from /proc; else module import)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        ticks = int(fields[19])  # starttime, in clock ticks since boot
        with open("/proc/uptime", encoding="ascii") as uptime:
            up = float(uptime.read().split()[0])
        age = up - ticks / os.sysconf("SC_CLK_TCK")
        return time.perf_counter() - age
    except (OSError, ValueError, IndexError):
        return _IMPORTED


_IMPORTED = time.perf_counter()
