"""Shared fixtures. Qt runs offscreen; nothing a test does touches the real user's data or settings."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sst_desktop.storage.engine import Database
from sst_desktop.storage.opening import open_path

# Offscreen, on the screen of the laptops the program is used on: 1366×768 less a 40-pixel taskbar.
# (The offscreen platform has no taskbar, so its whole screen stands for the area windows may use.)
LAPTOP_SCREEN = Path(__file__).with_name("laptop-screen.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={LAPTOP_SCREEN}"


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("SST_DATABASE_URL", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def db(db_path: Path, tmp_path: Path) -> Database:
    """A fresh, migrated database file."""
    database = open_path(db_path, backup_dir=tmp_path / "backups")
    yield database
    database.dispose()


FORGOTTEN_DIALOG_SECONDS = 30  # no test waits this long for a dialog it means to answer


@pytest.fixture(autouse=True)
def _no_dialog_left_waiting() -> Iterator[None]:
    """A modal dialog nobody answers (an unexpected error, say) would wait for ever offscreen and
    hang the whole run: after a while it is closed and the test fails, naming it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance()
    if app is None:
        yield
        return
    forgotten: list[str] = []
    seen: dict[int, float] = {}

    def check() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            return
        first = seen.setdefault(id(widget), time.monotonic())
        if time.monotonic() - first > FORGOTTEN_DIALOG_SECONDS:
            text = widget.text() if isinstance(widget, QMessageBox) else widget.windowTitle()
            forgotten.append(f"{type(widget).__name__}: {text}")
            widget.close()

    timer = QTimer()
    timer.setInterval(1000)
    timer.timeout.connect(check)
    timer.start()
    yield
    timer.stop()
    assert not forgotten, f"a dialog was left waiting for an answer: {forgotten}"


@pytest.fixture(autouse=True)
def _windows_deleted_after_each_test() -> Iterator[None]:
    """Every window a test left open is deleted when it ends, while its Python side is alive.

    Left to the cycle collector, a window is torn down at a random moment of a later test, with Qt
    still sending events to the fields inside it; and thousands of them slow every later restyle."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtWidgets import QApplication

    WINDOW_TYPES = (Qt.WindowType.Window, Qt.WindowType.Dialog)
    if QApplication.instance() is None:
        return
    for widget in QApplication.topLevelWidgets():
        # Windows and dialogs only: a popup (a completer's list, a menu) belongs to the object that
        # made it, which deletes it itself.
        if widget.parentWidget() is None and widget.windowType() in WINDOW_TYPES:
            widget.hide()
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """Before a test's databases are closed, its open windows stop following them, as closing a
    window does: a feed reader still at work would otherwise take a connection the closing misses."""
    watch = sys.modules.get("sst_desktop.ui.operations.watch")
    if watch is not None:
        from PySide6.QtWidgets import QApplication

        for window in QApplication.topLevelWidgets():
            for watcher in window.findChildren(watch.ChangeWatcher):
                watcher.stop(wait=5.0)
    yield
