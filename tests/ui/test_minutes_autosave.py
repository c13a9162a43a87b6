"""The autosaver: writes follow the typing within a second, never block it, and never drop text."""

from __future__ import annotations

import time

import pytest

from sst_desktop.services.errors import ConfirmedMinutesError
from sst_desktop.ui.minutes.autosave import Autosaver, SaveState


def test_latest_edit_per_key_is_written_once_typing_pauses(qtbot) -> None:  # type: ignore[no-untyped-def]
    written: list[str] = []
    saver = Autosaver(idle_ms=100, max_wait_ms=600)
    for text in ("M", "Me", "Mem", "Memb"):
        saver.schedule("narrative", lambda t=text: written.append(t))
    assert saver.state is SaveState.PENDING
    assert written == []  # nothing is written on the keystroke itself
    qtbot.waitUntil(lambda: saver.state is SaveState.SAVED, timeout=2000)
    assert written == ["Memb"]
    assert saver.last_saved_at is not None


def test_continuous_typing_is_still_saved_within_the_maximum_wait(qtbot) -> None:  # type: ignore[no-untyped-def]
    written: list[str] = []
    saver = Autosaver(idle_ms=300, max_wait_ms=500)
    start = time.monotonic()
    text = ""
    # Keep typing faster than the idle delay for well over the maximum wait.
    while time.monotonic() - start < 1.5:
        text += "x"
        saver.schedule("narrative", lambda t=text: written.append(t))
        qtbot.wait(50)
    assert written, "typing without a pause must still reach the database"
    assert len(written) >= 2


def test_flush_writes_everything_now_in_first_changed_order(qtbot) -> None:  # type: ignore[no-untyped-def]
    written: list[str] = []
    saver = Autosaver(idle_ms=10_000, max_wait_ms=10_000)
    saver.schedule("a", lambda: written.append("a1"))
    saver.schedule("b", lambda: written.append("b1"))
    saver.schedule("a", lambda: written.append("a2"))
    assert saver.flush() is True
    assert written == ["b1", "a2"]
    assert not saver.has_pending


def test_a_failing_write_is_kept_and_retried(qtbot) -> None:  # type: ignore[no-untyped-def]
    attempts: list[int] = []

    def flaky() -> None:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError(28, "No space left on device")

    saver = Autosaver(idle_ms=10, max_wait_ms=50, retry_ms=50)
    saver.schedule("narrative", flaky)
    qtbot.waitUntil(lambda: saver.state is SaveState.ERROR, timeout=2000)
    assert saver.has_pending
    qtbot.waitUntil(lambda: saver.state is SaveState.SAVED, timeout=2000)
    assert len(attempts) == 2
    assert not saver.has_pending


def test_a_refused_write_is_dropped_and_reported(qtbot) -> None:  # type: ignore[no-untyped-def]
    saver = Autosaver(idle_ms=10, max_wait_ms=50)
    refused: list[object] = []
    saver.rejected.connect(lambda key, error: refused.append((key, error)))

    def confirmed() -> None:
        raise ConfirmedMinutesError("These minutes are confirmed.")

    saver.schedule("narrative", confirmed)
    qtbot.waitUntil(lambda: bool(refused), timeout=2000)
    assert refused[0][0] == "narrative"
    assert saver.state is SaveState.SAVED
    assert not saver.has_pending


@pytest.mark.parametrize("key", ["narrative"])
def test_discard_forgets_a_pending_write(qtbot, key: str) -> None:  # type: ignore[no-untyped-def]
    written: list[str] = []
    saver = Autosaver(idle_ms=10_000)
    saver.schedule(key, lambda: written.append("x"))
    saver.discard(key)
    assert saver.flush() is True
    assert written == []
