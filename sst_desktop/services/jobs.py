"""The shape of long work (exports, packs, imports): plain callbacks, so it runs in tests without Qt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Progress = Callable[[int, int], None]  # (done, total)
IsCancelled = Callable[[], bool]


class Cancelled(Exception):
    """Raised by long work when ``is_cancelled()`` turned true; nothing half-done is kept."""


def no_progress(done: int, total: int) -> None:
    return None


def never_cancelled() -> bool:
    return False


@dataclass
class JobHooks:
    progress: Progress = no_progress
    is_cancelled: IsCancelled = never_cancelled

    def step(self, done: int, total: int) -> None:
        """Report progress and stop if the user cancelled."""
        if self.is_cancelled():
            raise Cancelled()
        self.progress(done, total)
