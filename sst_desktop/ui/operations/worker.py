"""The one thread that talks to the database, so the GUI thread never waits on it.

SQLite writes one at a time, and a database server answers over the network: either can keep a
call waiting for seconds (another program holding the write lock, a slow disk, a server round trip).
Every read and write the window needs is queued here, run in order on one thread, and its result
handed back to the GUI thread. While work has been waiting longer than a moment, ``waiting`` says
so, and the window shows it; it never stops repainting.
"""

from __future__ import annotations

import contextvars
import gc
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer, Signal

T = TypeVar("T")

WAITING_AFTER_MS = 400  # work queued longer than this is worth telling the officer about

_Job = tuple[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None], bool]


class DatabaseWorker(QObject):
    """Runs database work on its own thread, in the order it was submitted.

    ``submit`` is called on the GUI thread; ``done`` or ``failed`` is called back on the GUI thread.
    """

    waiting = Signal(bool)  # True once work has waited WAITING_AFTER_MS, False when all is done
    idle = Signal()  # nothing queued or running
    _deliver = Signal(object)  # a callable to run on the GUI thread

    def __init__(self, parent: QObject | None = None, name: str = "database") -> None:
        super().__init__(parent)
        self._queue: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._done_lock = threading.Condition()
        self._submitted = 0  # jobs handed to the thread, and jobs it has finished (for ``drain``)
        self._finished = 0
        self._pending = 0
        self._watched = 0  # pending jobs whose wait the officer should hear about
        self._is_waiting = False
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(WAITING_AFTER_MS)
        self._timer.timeout.connect(self._now_waiting)
        self._deliver.connect(self._on_gui_thread, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    @property
    def pending(self) -> int:
        """Jobs submitted whose callback has not run yet."""
        return self._pending

    def is_idle(self) -> bool:
        return self._pending == 0

    def is_waiting(self) -> bool:
        return self._is_waiting

    def submit(
        self,
        work: Callable[[], T],
        done: Callable[[T], None],
        failed: Callable[[BaseException], None],
        *,
        quiet: bool = False,
    ) -> None:
        """Queue ``work``; its result goes to ``done`` (or its exception to ``failed``) on the GUI thread.

        ``quiet`` work (an export with its own progress dialog) does not count as waiting by itself.
        """
        if self._stopped:
            raise RuntimeError("The database worker has stopped.")
        self._pending += 1
        if not quiet:
            self._watched += 1
            if not self._timer.isActive() and not self._is_waiting:
                self._timer.start()
        with self._done_lock:
            self._submitted += 1
        context = contextvars.copy_context()  # who is acting (audit) and the like, as the caller had them
        self._queue.put((lambda: context.run(work), done, failed, quiet))

    def drain(self, timeout: float = 60.0) -> None:
        """Block until every job submitted so far has run, then deliver their answers now.

        For code that still reads or writes the database on the GUI thread itself: it must see,
        and come after, everything asked of the worker before it."""
        with self._done_lock:
            self._done_lock.wait_for(lambda: self._finished >= self._submitted, timeout)
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)

    def wait_for(self, work: Callable[[], T]) -> T:
        """Run ``work`` here and return its result (or raise its error), the GUI thread meanwhile
        repainting in an event loop of its own that holds back the officer's clicks and keys.

        For the few steps nothing else can go on without: opening a database file."""
        loop = QEventLoop()
        answer: list[Any] = []

        def finish(value: object, failed: bool) -> None:
            answer.append((value, failed))
            loop.quit()

        self.submit(work, lambda value: finish(value, False), lambda error: finish(error, True))
        if not answer:
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        value, failed = answer[0]
        if failed:
            raise value
        return value

    def stop(self, timeout: float = 30.0) -> None:
        """Finish the queued work, then end the thread (the database is being closed)."""
        if self._stopped:
            return
        self._stopped = True
        self._queue.put(None)
        self._thread.join(timeout)
        self._timer.stop()

    def _loop(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            work, done, failed, quiet = job
            # No cycle collection while this thread works: it runs in whichever thread allocates
            # when it is due, and a Qt object caught in a cycle (a closed dialog and its models)
            # must never be freed here, which crashes Qt. The GUI thread collects as usual.
            collecting = gc.isenabled()
            gc.disable()
            try:
                try:
                    result = work()
                except BaseException as error:  # handed to the GUI thread, which reports it
                    self._deliver.emit((failed, error, quiet))
                else:
                    self._deliver.emit((done, result, quiet))
                del work, done, failed, job  # (freed now, while the collector is off)
            finally:
                if collecting:
                    gc.enable()
            with self._done_lock:
                self._finished += 1
                self._done_lock.notify_all()

    def _on_gui_thread(self, delivery: tuple[Callable[[Any], None], Any, bool]) -> None:
        callback, value, quiet = delivery
        self._pending -= 1
        if not quiet:
            self._watched -= 1
        try:
            callback(value)
        finally:
            if self._watched == 0:
                self._timer.stop()
                if self._is_waiting:
                    self._is_waiting = False
                    self.waiting.emit(False)
            if self._pending == 0:
                self.idle.emit()

    def _now_waiting(self) -> None:
        if self._watched and not self._is_waiting:
            self._is_waiting = True
            self.waiting.emit(True)


_worker: DatabaseWorker | None = None


def database_worker() -> DatabaseWorker:
    """The application's one database worker (made on first use, on the GUI thread)."""
    global _worker
    if _worker is None:
        _worker = DatabaseWorker()
    return _worker
