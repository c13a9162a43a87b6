"""The File menu: New database…, Open database…, Open recent, Quit — and the windows they open.

One window shows one database. Opening another database opens its window and closes the current
one (after saving any edit in progress); the database that was open is released.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QWidget

from sst_desktop.storage.engine import Database
from sst_desktop.ui.open_flow import FILE_FILTER, open_interactively
from sst_desktop.ui.operations.watch import ChangeWatcher

if TYPE_CHECKING:
    from sst_desktop.ui.main_window import MainWindow

RECENT_KEY = "recent_files"
MAX_RECENT = 8

_windows: list[QWidget] = []  # open main windows (Qt does not keep top-level windows alive)
_databases: list[Database] = []  # every database a window showed in this run, to close at the end
_backups: list[threading.Thread] = []  # open-time backups started in this run, waited for at the end


def open_window(
    database: Database, *, settings: QSettings | None = None, replacing: MainWindow | None = None
) -> MainWindow:
    """Show ``database`` in a new main window; close ``replacing`` (another database's window)."""
    from sst_desktop.ui.context import AppContext
    from sst_desktop.ui.main_window import MainWindow

    if replacing is not None:
        replacing.flush_pending()
        replacing.save_window_state()
    window = MainWindow(AppContext(database), settings)
    if database not in _databases:
        _databases.append(database)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _windows.append(window)
    window.destroyed.connect(lambda *_: _forget(window))
    window.show()
    if replacing is not None:
        replacing.close()
    _BackupAfterShow(window)
    window.defer(lambda: ChangeWatcher(window.context, window))  # other officers' changes show
    return window


class _BackupAfterShow(QObject):
    """Take the open-time backup on a worker thread once the window is up; a failure is shown."""

    failed = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.failed.connect(window.show_notice)
        database = window.context.database
        QTimer.singleShot(200, lambda: self._start(database))

    def _start(self, database: Database) -> None:
        from sst_desktop.ui.operations.backups import take_open_backup  # (loaded once the window shows)

        thread = threading.Thread(target=self._run, args=(database, take_open_backup), daemon=True)
        _backups.append(thread)
        thread.start()

    def _run(self, database: Database, take_open_backup: Callable[[Database], str]) -> None:
        collecting = gc.isenabled()
        gc.disable()  # (no cycle collection on this thread: Qt objects are freed on the GUI thread)
        try:
            notice = take_open_backup(database)
            if notice:
                self.failed.emit(notice)
        finally:
            if collecting:
                gc.enable()


def close_databases() -> None:
    """When the program ends: let background work finish, then close every database it showed, so
    each file holds its whole record (nothing left in a ``-wal`` beside it)."""
    from sst_desktop.ui.operations.worker import database_worker

    database_worker().drain(30.0)
    while _backups:  # (an open-time backup still copying holds its database open)
        _backups.pop().join(30.0)
    while _databases:
        _databases.pop().dispose()


def _forget(window: QWidget) -> None:
    if window in _windows:
        _windows.remove(window)


def recent_files(settings: QSettings) -> list[str]:
    value = settings.value(RECENT_KEY, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):  # nothing stored yet
        value = []
    return [str(v) for v in value if v]


def remember_recent(settings: QSettings, path: Path) -> None:
    entry = str(Path(path).resolve())
    entries = [entry] + [e for e in recent_files(settings) if e != entry]
    settings.setValue(RECENT_KEY, entries[:MAX_RECENT])


def forget_recent(settings: QSettings, entry: str) -> None:
    settings.setValue(RECENT_KEY, [e for e in recent_files(settings) if e != entry])


class FileActions(QObject):
    """Builds the File menu of ``window`` (a MainWindow) and carries out its commands."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings: QSettings = window.settings

        self.new_action = QAction("&New database…", window)
        self.new_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_action.setStatusTip("Create an empty database file and open it")
        self.new_action.triggered.connect(lambda: self.new_database())
        self.open_action = QAction("&Open database…", window)
        self.open_action.setShortcut(QKeySequence("Ctrl+O"))
        self.open_action.setStatusTip("Open another database file")
        self.open_action.triggered.connect(lambda: self.open_database())
        self.recent_menu = QMenu("Open &recent", window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.quit_action = QAction("&Quit", window)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.quit)

        window.add_file_action(self.new_action, section="database")
        window.add_file_action(self.open_action, section="database")
        window.add_file_action(self.recent_menu.menuAction(), section="database")
        from sst_desktop.ui.connect_dialog import TeamActions  # Connect to a team database…

        self.team_actions = TeamActions(window, self._switch_to)
        window.add_file_action(self.quit_action, section="quit")
        from sst_desktop.ui.backup_actions import BackupActions  # Back up now, Restore from backup…

        self.backup_actions = BackupActions(window)
        from sst_desktop.ui.publish_dialog import PublishActions  # Publish website…

        self.publish_actions = PublishActions(window)
        from sst_desktop.ui.damaged import (
            DamagedFileActions,
        )  # a damaged file: restore, or save what can be read

        self.damaged_actions = DamagedFileActions(window)

        path = window.context.database.path
        if path is not None:
            remember_recent(self.settings, path)

    # Commands ---------------------------------------------------------------------------------
    def new_database(self, path: Path | None = None) -> MainWindow | None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self.window,
                "New database",
                str(self._folder() / "new-database.db"),
                "SST Desktop databases (*.db)",
            )
            if not name:
                return None
            path = Path(name)
            if path.suffix.lower() != ".db":
                path = path.with_name(path.name + ".db")
        if path.exists():
            QMessageBox.warning(
                self.window,
                "That file already exists",
                f"{path} already exists and has not been changed.\n\n"
                "Choose a new name for the new database, or use File → Open database to open this one.",
            )
            return None
        return self._switch_to(path)

    def open_database(self, path: Path | None = None) -> MainWindow | None:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self.window, "Open database", str(self._folder()), FILE_FILTER
            )
            if not name:
                return None
            path = Path(name)
        current = self.window.context.database.path
        if current is not None and path.exists() and current.exists() and path.samefile(current):
            self.window.context.status_message.emit(f"{path.name} is already open")
            return self.window
        return self._switch_to(path)

    def open_recent(self, entry: str) -> MainWindow | None:
        path = Path(entry)
        if not path.exists():
            forget_recent(self.settings, entry)
            QMessageBox.warning(
                self.window,
                "File not found",
                f"{entry} no longer exists (it may have been moved, renamed or deleted). "
                "It has been taken off the recent files.",
            )
            return None
        return self.open_database(path)

    def quit(self) -> None:
        for window in list(_windows) or [self.window]:
            window.close()
        QApplication.quit()

    # Helpers ----------------------------------------------------------------------------------
    def _switch_to(self, path: Path | str) -> MainWindow | None:
        """Open ``path`` (or a server's URL) in a new window in place of this one."""
        database = open_interactively(self.window, path)
        if database is None:
            return None
        if database.path is not None:
            remember_recent(self.settings, database.path)
        old = self.window.context.database
        window = open_window(database, settings=self.settings, replacing=self.window)
        old.dispose()
        return window

    def _folder(self) -> Path:
        current = self.window.context.database.path
        return current.parent if current is not None else Path.home()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        entries = recent_files(self.settings)
        current = self.window.context.database.path
        shown = 0
        for entry in entries:
            if current is not None and str(current.resolve()) == entry:
                continue
            shown += 1
            label = f"&{shown}  {Path(entry).name}" if shown < 10 else Path(entry).name
            action = self.recent_menu.addAction(label)
            action.setToolTip(entry)
            action.setStatusTip(entry)
            action.triggered.connect(lambda _=False, e=entry: self.open_recent(e))
        if not shown:
            self.recent_menu.addAction("No recent databases").setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear the list", lambda: self.settings.setValue(RECENT_KEY, []))
