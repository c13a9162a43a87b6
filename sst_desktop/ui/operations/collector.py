"""Python's cycle collector runs on the GUI thread only.

The collector runs in whichever thread happens to allocate when it is due; with the database worker
allocating most of the time, a Qt object caught in a reference cycle (a closed dialog, a window) could
be freed on the worker thread, which Qt does not allow (it crashes in its timers). So automatic
collection is turned off and the GUI thread collects on a timer instead, as Anki does.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QTimer

COLLECT_EVERY_MS = 5_000

_timer: QTimer | None = None


def collect_on_gui_thread() -> None:
    """Call once, on the GUI thread, after the application object exists."""
    global _timer
    if _timer is not None:
        return
    gc.disable()
    _timer = QTimer(QCoreApplication.instance())
    _timer.setInterval(COLLECT_EVERY_MS)
    _timer.timeout.connect(gc.collect)
    _timer.start()
