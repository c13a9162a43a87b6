"""A damaged database: it opens read-only, and the officer chooses what to do about it.

When the integrity check fails on opening (``Database.damage``), nothing can be written to the file
and, once the window shows, a message offers:

- **Restore a backup…** — the restore dialog (File → Restore from backup…); the damaged file is kept
  with the backups;
- **Save what can be read…** — every row that can still be read goes into a new file the officer
  names (``storage.salvage``, on the worker thread), which then opens in place of the damaged one;
- **Keep it open read-only** — to look things up meanwhile.

File → Save what can be read… stays in the menu while a damaged file is open.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from sst_desktop.storage.files import first_damage
from sst_desktop.storage.salvage import SalvageReport, salvage_database
from sst_desktop.ui.open_flow import ask_new_database_file
from sst_desktop.ui.tasks import Task, run_task

if TYPE_CHECKING:
    from sst_desktop.storage.engine import Database
    from sst_desktop.ui.main_window import MainWindow


class DamagedFileActions(QObject):
    """The choices a main window offers when its database is damaged."""

    offered = Signal(object)  # the QMessageBox, as it shows
    salvaged = Signal(object)  # the new window, open on the file that was saved

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.task: Task | None = None
        self.save_action = QAction("Save what can be &read…", window)
        self.save_action.setObjectName("save-what-can-be-read")
        self.save_action.setStatusTip("Copy every row that can still be read into a new file, and open it")
        self.save_action.triggered.connect(lambda: self.save_what_can_be_read())
        window.add_file_action(self.save_action, section="backup")
        damaged = bool(self.database.damage) and self.database.path is not None
        self.save_action.setVisible(damaged)
        if damaged:
            window.defer(self.offer)

    @property
    def database(self) -> Database:
        return self.window.context.database

    def offer(self) -> None:
        """Say the file is damaged and open read-only, and ask what to do."""
        path = self.database.path
        if path is None:  # (only a file can be damaged)
            return
        box = QMessageBox(self.window)
        box.setObjectName("damaged-database")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("This database is damaged")
        box.setText(
            f"{path.name} failed its integrity check ({first_damage(self.database.damage)}). It is open "
            "read-only, so nothing you do can change it further."
        )
        box.setInformativeText(
            "Restore a backup: the database comes back as it was when the backup was taken; the damaged "
            "file is kept with the backups.\n\n"
            "Save what can be read: every row that can still be read goes into a new file, which then "
            "opens here. The damaged file is left as it is."
        )
        restore = box.addButton("Restore a backup…", QMessageBox.ButtonRole.AcceptRole)
        salvage = box.addButton("Save what can be read…", QMessageBox.ButtonRole.ActionRole)
        keep = box.addButton("Keep it open read-only", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        self.offered.emit(box)
        box.exec()
        if box.clickedButton() is restore:
            self.window.file_actions.backup_actions.choose_and_restore()
        elif box.clickedButton() is salvage:
            self.save_what_can_be_read()

    def save_what_can_be_read(self, target: Path | None = None) -> Task | None:
        """Ask for a new file (unless ``target``), copy what can be read into it on the worker thread,
        then open it. Returns the task, or None."""
        path = self.database.path
        if path is None:
            return None
        target = target or ask_new_database_file(
            self.window,
            "Save what can be read to a new file",
            path.parent / f"{path.stem} (what could be read).db",
            not_over=path,
            refusal="is the damaged database. Choose a new file for what can be read.",
        )
        if target is None:
            return None
        task = self.task = run_task(
            self.window,
            f"Saving what can be read of {path.name}…",
            lambda hooks: salvage_database(path, target, hooks.step),
        )
        task.done.connect(self._open_saved)
        return task

    def _open_saved(self, report: SalvageReport) -> None:
        damaged = self.database.path
        window = self.window.file_actions.open_database(report.target)
        if window is None or window is self.window:
            return
        window.show_notice(f"{report.summary} The damaged file {damaged} is left as it was.")
        self.salvaged.emit(window)
