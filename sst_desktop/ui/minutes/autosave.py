"""Every edit saved as it is made, without making the typing wait.

Typing only records *what* to save (a dict entry and a timer restart). The write happens when the
typing pauses (``idle_ms``) and never later than ``max_wait_ms`` after the first unsaved change, so
an officer typing without a break still has everything but the last second on disk. Switching item,
closing the window or quitting flushes at once.

A save that breaks a rule (confirmed minutes, a blank required field) can never succeed: it is
dropped and reported. A save that fails for a passing reason (the disk, a locked database) stays
pending and is retried; the text is still in the editor, and the indicator says "Not saved".

Given the database ``worker``, the writes run there, in order with every other database job, so
the window keeps repainting while the database is busy; a write counts as pending until its answer
is back, and "saved" is said only for a write that has committed.
"""

from __future__ import annotations

import contextvars
import enum
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from sst_desktop.services.errors import ServiceError
from sst_desktop.ui.operations.worker import DatabaseWorker

log = logging.getLogger(__name__)

IDLE_MS = 400
MAX_WAIT_MS = 900
RETRY_MS = 3000


class SaveState(enum.Enum):
    SAVED = "saved"
    PENDING = "pending"  # edits waiting for the typing to pause
    ERROR = "error"  # a write failed and will be retried


class Autosaver(QObject):
    """Collects pending writes by key (the latest one per key wins) and runs them off the keystroke path."""

    state_changed = Signal(object)  # SaveState
    saved = Signal(str, object)  # key, and what the save returned, once the write is committed
    rejected = Signal(str, object)  # key, ServiceError: a write refused for good (dropped)
    failed = Signal(str, object)  # key, error: a write that failed and will be retried

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        idle_ms: int = IDLE_MS,
        max_wait_ms: int = MAX_WAIT_MS,
        retry_ms: int = RETRY_MS,
        worker: DatabaseWorker | None = None,
    ) -> None:
        super().__init__(parent)
        self.idle_ms = idle_ms
        self.max_wait_ms = max_wait_ms
        self.retry_ms = retry_ms
        self._pending: dict[str, Callable[[], object]] = {}
        self._worker = worker
        self._in_flight: dict[str, int] = {}  # writes handed to the worker, by key, not yet answered
        self._first_pending_at: float | None = None
        self._state = SaveState.SAVED
        self.last_saved_at: float | None = None  # time.time() of the last successful write
        self.last_error: BaseException | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    # State --------------------------------------------------------------------------------------
    @property
    def state(self) -> SaveState:
        return self._state

    @property
    def has_pending(self) -> bool:
        return bool(self._pending or self._in_flight)

    def is_pending(self, key: str) -> bool:
        return key in self._pending or key in self._in_flight

    def _set_state(self, state: SaveState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)

    # Scheduling ---------------------------------------------------------------------------------
    def schedule(self, key: str, save: Callable[[], object]) -> None:
        """Remember to run ``save`` soon; a later call with the same key replaces it."""
        now = time.monotonic()
        self._pending.pop(key, None)
        self._pending[key] = save
        if self._first_pending_at is None:
            self._first_pending_at = now
        if self._state is not SaveState.ERROR:
            self._set_state(SaveState.PENDING)
            waited_ms = (now - self._first_pending_at) * 1000
            delay = max(0, min(self.idle_ms, int(self.max_wait_ms - waited_ms)))
            self._timer.start(delay)

    def note_saved(self) -> None:
        """A write made outside the autosaver (a register mark, a new resolution) reached the database."""
        self.last_saved_at = time.time()
        if not self._pending and self._state is SaveState.SAVED:
            self.state_changed.emit(self._state)  # the indicator shows the new time

    def discard(self, key: str) -> None:
        """Forget a pending write (its object was deleted meanwhile)."""
        self._pending.pop(key, None)
        if not self._pending:
            self._timer.stop()
        if not self.has_pending:
            self._first_pending_at = None
            self._set_state(SaveState.SAVED)

    # Writing ------------------------------------------------------------------------------------
    def flush(self, *, wait: bool = False) -> bool:
        """Write everything pending now, in the order it was first changed. True if nothing is left.

        With a worker the writes are queued (ahead of any database work asked for after this) and
        True means none has failed so far; ``wait`` (closing the window) waits for their answers."""
        if self._worker is not None:
            self._hand_over(self._worker)
            for _round in range(3 if wait else 0):
                self._worker.drain()
                if not self._pending:
                    break
                self._hand_over(self._worker)  # an answer shown meanwhile asked for one more write
            return not (self._pending or (wait and self._in_flight)) and self._state is not SaveState.ERROR
        self._timer.stop()
        retry = False
        while self._pending:
            key = next(iter(self._pending))
            save = self._pending.pop(key)
            try:
                result = save()
            except ServiceError as error:
                log.info("save of %s refused: %s", key, error)
                self.rejected.emit(key, error)
                continue
            except Exception as error:  # the disk, a lock, a bug: keep it and try again
                log.warning("save of %s failed: %s", key, error)
                self._pending = {key: save, **self._pending}
                self.last_error = error
                retry = True
                self.failed.emit(key, error)
                break
            self.last_saved_at = time.time()
            self.saved.emit(key, result)
        if retry:
            self._set_state(SaveState.ERROR)
            self._timer.start(self.retry_ms)
            return False
        self._first_pending_at = None
        self.last_error = None
        self._set_state(SaveState.SAVED)
        return True

    # Writing on the database worker -------------------------------------------------------------
    def _hand_over(self, worker: DatabaseWorker) -> None:
        self._timer.stop()
        while self._pending:
            key = next(iter(self._pending))
            save = self._pending.pop(key)
            self._in_flight[key] = self._in_flight.get(key, 0) + 1
            self._submit(worker, key, save)

    def _submit(self, worker: DatabaseWorker, key: str, save: Callable[[], object]) -> None:
        asked_in = contextvars.copy_context()  # e.g. who the change is recorded as made by

        def write() -> object:
            return asked_in.run(save)

        def written(result: object) -> None:
            self._written(key, result)

        def not_written(error: BaseException) -> None:
            self._not_written(key, save, error)

        worker.submit(write, written, not_written)

    def _answered(self, key: str) -> None:
        left = self._in_flight.get(key, 0) - 1
        if left > 0:
            self._in_flight[key] = left
        else:
            self._in_flight.pop(key, None)

    def _written(self, key: str, result: object) -> None:
        self._answered(key)
        self.last_saved_at = time.time()
        self.saved.emit(key, result)
        self._settled()

    def _not_written(self, key: str, save: Callable[[], object], error: BaseException) -> None:
        self._answered(key)
        if isinstance(error, ServiceError):
            log.info("save of %s refused: %s", key, error)
            self.rejected.emit(key, error)
            self._settled()
            return
        log.warning("save of %s failed: %s", key, error)  # the disk, a lock: keep it and try again
        if key not in self._pending:  # unless newer text for it is already waiting
            self._pending = {key: save, **self._pending}
        self.last_error = error
        self.failed.emit(key, error)
        self._set_state(SaveState.ERROR)
        self._timer.start(self.retry_ms)

    def _settled(self) -> None:
        """Every write answered: saved, unless one is waiting to be retried."""
        if self.has_pending:
            return
        self._first_pending_at = None
        self.last_error = None
        self._set_state(SaveState.SAVED)
