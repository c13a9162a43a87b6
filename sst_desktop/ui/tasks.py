"""Long work off the GUI thread: one worker thread, a progress dialog, and Cancel.

SQLite writes one at a time, so long work runs on the one database worker with every other read and
write the window makes, in the order they were asked for.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from sst_desktop.services.jobs import Cancelled, JobHooks
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.operations.worker import database_worker


class _Signals(QObject):
    progress = Signal(int, int)


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
        self.error: BaseException | None = None
        self.result: Any = None
        hooks = JobHooks(progress=self.signals.progress.emit, is_cancelled=self._cancel.is_set)
        database_worker().submit(
            lambda: work(hooks),
            self._if_alive(self._on_finished),
            self._if_alive(self._on_failed),
            quiet=True,
        )

    def _if_alive(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        """The window that started the work may have closed before it ended."""
        return lambda value: callback(value) if shiboken6.isValid(self) else None

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
        if isinstance(error, Cancelled):
            self._close()
            return
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
