"""Long work off the GUI thread: one worker thread, a progress dialog, and Cancel.

SQLite writes one at a time, so all background work shares a single worker thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from sst_desktop.services.jobs import Cancelled, JobHooks
from sst_desktop.ui.errors import report_error

_pool: QThreadPool | None = None


def worker_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Job(QRunnable):
    def __init__(self, work: Callable[[JobHooks], Any], signals: _Signals, cancel: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._signals = signals
        self._cancel = cancel

    def run(self) -> None:
        hooks = JobHooks(progress=self._signals.progress.emit, is_cancelled=self._cancel.is_set)
        try:
            result = self._work(hooks)
        except Cancelled:
            self._signals.cancelled.emit()
        except BaseException as error:
            self._signals.failed.emit(error)
        else:
            self._signals.finished.emit(result)


class Task(QObject):
    """A running piece of long work. Keep a reference until ``done`` or ``ended`` fires."""

    done = Signal(object)
    ended = Signal()

    def __init__(self, parent: QWidget | None, label: str, work: Callable[[JobHooks], Any]) -> None:
        super().__init__(parent)
        self._parent = parent
        self._cancel = threading.Event()
        self.signals = _Signals()
        self.dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
        self.dialog.setWindowTitle("SST Desktop")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.canceled.connect(self._cancel.set)
        self.signals.progress.connect(self._on_progress)
        self.signals.finished.connect(self._on_finished)
        self.signals.failed.connect(self._on_failed)
        self.signals.cancelled.connect(self._close)
        self.error: BaseException | None = None
        self.result: Any = None
        worker_pool().start(_Job(work, self.signals, self._cancel))

    def cancel(self) -> None:
        self._cancel.set()

    def _on_progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))

    def _on_finished(self, result: object) -> None:
        self.result = result
        self._close()
        self.done.emit(result)

    def _on_failed(self, error: BaseException) -> None:
        self.error = error
        self._close()
        report_error(self._parent, error)

    def _close(self) -> None:
        self.dialog.reset()
        self.dialog.close()
        self.ended.emit()


def run_task(parent: QWidget | None, label: str, work: Callable[[JobHooks], Any]) -> Task:
    """Start ``work(hooks)`` on the worker thread with a progress dialog; connect to ``Task.done``."""
    return Task(parent, label, work)
