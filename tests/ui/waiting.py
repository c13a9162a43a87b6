"""Waiting for the database worker: windows ask it for reads and changes and show the answers when
they come back, so a test waits for every answer before it checks the screen or the database."""

from __future__ import annotations

from sst_desktop.ui.operations.worker import database_worker


def settle(qtbot, timeout: int = 10_000) -> None:  # type: ignore[no-untyped-def]
    """Wait until every queued read and change has run and its answer has been shown."""
    qtbot.waitUntil(database_worker().is_idle, timeout=timeout)
    qtbot.wait(0)  # and what those answers queued in turn
    qtbot.waitUntil(database_worker().is_idle, timeout=timeout)
