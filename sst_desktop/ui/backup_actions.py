"""File → Back up now, Save a copy…, and Restore from backup…

- **Back up now** takes an online copy of the open database into its backup folder (on the worker
  thread; the window stays usable) and says where it went.
- **Save a copy…** writes the same kind of copy to a file the officer names: the whole record in one
  file, to hand to someone (the database file itself may have recent changes in a ``-wal`` beside it
  while SST Desktop runs).
- A team database on a server is backed up with ``pg_dump`` and restored with ``pg_restore`` (see
  ``storage.pg_backup``), from the same entries; Save a copy… is for files.
- **Restore from backup…** lists this database's backups with their dates and kinds (or takes any
  backup file), asks for confirmation, saves any edit in progress, keeps a copy of the current file,
  restores, and reopens the database in a fresh window.

How many backups of each kind are kept is a setting (``backups/keep`` in QSettings, 10 unless
changed in the restore dialog); the open-time backup and Back up now both use it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.storage.backup import (
    DEFAULT_KEEP,
    MAX_KEEP,
    BackupInfo,
    backups_folder,
    checked_keep,
    list_backups,
)
from sst_desktop.storage.errors import BackupError
from sst_desktop.storage.pg_backup import list_server_backups, server_backups_folder
from sst_desktop.storage.server import describe as describe_server
from sst_desktop.storage.server import is_server_url
from sst_desktop.ui.open_flow import ask_new_database_file
from sst_desktop.ui.operations import backups
from sst_desktop.ui.tasks import Task
from sst_desktop.ui.window_geometry import keep_geometry

if TYPE_CHECKING:
    from sst_desktop.storage.engine import Database
    from sst_desktop.ui.main_window import MainWindow

KEEP_KEY = "backups/keep"
PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def backup_keep(settings: QSettings | None = None) -> int:
    """How many backups of each kind to keep (the ``backups/keep`` setting; 10 by default)."""
    value = (settings or QSettings()).value(KEEP_KEY, DEFAULT_KEEP)
    try:
        return checked_keep(value)  # type: ignore[arg-type]
    except BackupError:
        return DEFAULT_KEEP


def describe(info: BackupInfo) -> str:
    return f"{info.taken_at:%A %d %B %Y at %H:%M:%S} ({info.label.lower()})"


def _size(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return str(size)


def _target(database: Database) -> Path | str | None:
    """What has backups: the database file, a server database's URL (no password), or nothing."""
    if database.path is not None:
        return database.path
    return database.url if is_server_url(database.url) else None


def _name(target: Path | str) -> str:
    return target.name if isinstance(target, Path) else describe_server(target)


def _folder(target: Path | str) -> Path:
    return backups_folder(target) if isinstance(target, Path) else server_backups_folder(target)


class RestoreDialog(QDialog):
    """Choose the backup to restore: this database's backups, newest first, or another file."""

    def __init__(self, parent: QWidget | None, database_path: Path | str, settings: QSettings) -> None:
        super().__init__(parent)
        self.setObjectName("restore-dialog")
        self.setWindowTitle("Restore from backup")
        self.database_path = database_path
        self.settings = settings
        keep_geometry(self, "restore_backup", QSize(640, 420))
        self.chosen: Path | None = None

        intro = QLabel(
            f"Choose the backup of {_name(database_path)} to bring back. Before it is restored, a copy of the "
            "database as it is now is kept with the backups, so a restore can itself be undone."
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("backup-table")
        self.table.setAccessibleName("Backups")
        self.table.setHorizontalHeaderLabels(["Taken", "Kind", "Size"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self._accept_selected())
        self.empty = QLabel("There are no backups of this database yet. Use File → Back up now to take one.")
        self.empty.setWordWrap(True)

        self.keep = QSpinBox()
        self.keep.setObjectName("backup-keep")
        self.keep.setAccessibleName("Backups of each kind to keep")
        self.keep.setRange(1, MAX_KEEP)
        self.keep.setValue(backup_keep(settings))
        self.keep.valueChanged.connect(lambda value: self.settings.setValue(KEEP_KEY, int(value)))
        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel("Keep the newest"))
        keep_row.addWidget(self.keep)
        keep_row.addWidget(QLabel("backups of each kind (taken on opening, by hand, before upgrades)"))
        keep_row.addStretch(1)

        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton("Restore…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restore-button")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._accept_selected)
        other = QPushButton("Another backup file…")
        other.setObjectName("other-backup-button")
        other.clicked.connect(self._choose_file)
        buttons.addButton(other, QDialogButtonBox.ButtonRole.ActionRole)
        folder = QPushButton("Show backup folder")
        folder.clicked.connect(self._show_folder)
        buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(keep_row)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        target = self.database_path
        self.backups = list_backups(target) if isinstance(target, Path) else list_server_backups(target)
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            taken = QTableWidgetItem(f"{info.taken_at:%a %d %b %Y  %H:%M:%S}")
            taken.setData(PATH_ROLE, str(info.path))
            taken.setToolTip(str(info.path))
            size = QTableWidgetItem(_size(info.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, taken)
            self.table.setItem(row, 1, QTableWidgetItem(info.label))
            self.table.setItem(row, 2, size)
        self.table.resizeColumnToContents(1)
        self.table.resizeColumnToContents(2)
        self.empty.setVisible(not self.backups)
        if self.backups:
            self.table.selectRow(0)

    def selected(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        return Path(item.data(PATH_ROLE)) if item is not None else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def _accept_selected(self) -> None:
        self.chosen = self.selected()
        if self.chosen is not None:
            self.accept()

    def _choose_file(self) -> None:
        start = str(_folder(self.database_path))
        name, _ = QFileDialog.getOpenFileName(
            self, "Choose a backup file", start, "SST Desktop backups (*.db *.dump);;All files (*)"
        )
        if name:
            self.chosen = Path(name)
            self.accept()

    def _show_folder(self) -> None:
        folder = _folder(self.database_path)
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class BackupActions(QObject):
    """The backup entries of a main window's File menu, and what they do."""

    backed_up = Signal(object)  # Path of the new backup
    copy_saved = Signal(object)  # Path of the copy saved with Save a copy…
    restored = Signal(object)  # the new main window

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings: QSettings = window.settings
        self.backup_action = QAction("&Back up now", window)
        self.backup_action.setObjectName("backup-now")
        self.backup_action.setStatusTip("Take a copy of this database into its backup folder now")
        self.backup_action.triggered.connect(lambda: self.back_up_now())
        self.restore_action = QAction("&Restore from backup…", window)
        self.restore_action.setObjectName("restore-from-backup")
        self.restore_action.setStatusTip("Replace this database with one of its backups (a copy is kept)")
        self.restore_action.triggered.connect(lambda: self.choose_and_restore())
        self.copy_action = QAction("Save a &copy…", window)
        self.copy_action.setObjectName("save-copy")
        self.copy_action.setStatusTip("Write the whole database to one file you choose, to hand to someone")
        self.copy_action.triggered.connect(lambda: self.save_copy())
        window.add_file_action(self.backup_action, section="backup")
        window.add_file_action(self.copy_action, section="backup")
        window.add_file_action(self.restore_action, section="backup")
        is_file = window.context.database.path is not None
        has_backups = is_file or is_server_url(window.context.database.url)  # (a server: pg_dump)
        self.backup_action.setEnabled(has_backups)
        self.copy_action.setEnabled(is_file)
        self.restore_action.setEnabled(has_backups)
        self.task: Task | None = None

    @property
    def database(self) -> Database:
        return self.window.context.database

    # Back up now ------------------------------------------------------------------------------
    def back_up_now(self) -> Task:
        """Start the backup on the worker thread; ``backed_up`` fires with its path when done."""
        self._flush()
        task = self.task = backups.back_up(self.window, self.database, backup_keep(self.settings))
        task.done.connect(self._backed_up)
        return task

    def _backed_up(self, path: object) -> None:
        if isinstance(path, Path):
            self.window.context.status_message.emit(f"Backed up to {path}")
            self.backed_up.emit(path)

    # Save a copy ------------------------------------------------------------------------------
    def save_copy(self, target: Path | None = None) -> Task | None:
        """Ask where (unless ``target``), then copy the database there on the worker thread;
        ``copy_saved`` fires with the file when it is written. Returns the task, or None."""
        path = self.database.path
        if path is None:
            return None
        target = target or ask_new_database_file(
            self.window,
            "Save a copy of the database",
            path.parent / f"{path.stem} copy {date.today():%Y-%m-%d}.db",
            not_over=path,
            refusal="is the database that is open. Choose another name for the copy.",
        )
        if target is None:
            return None
        self._flush()
        task = self.task = backups.save_copy(self.window, path, target)
        task.done.connect(lambda _result: self._copy_saved(target))
        return task

    def _copy_saved(self, target: Path) -> None:
        self.window.context.status_message.emit(f"Saved a copy of the database to {target}")
        self.copy_saved.emit(target)

    # Restore ----------------------------------------------------------------------------------
    def choose_and_restore(self) -> None:
        """Ask which backup, then restore it (see ``restore_from``)."""
        target = _target(self.database)
        if target is None:
            return
        dialog = RestoreDialog(self.window, target, self.settings)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        self.restore_from(dialog.chosen)

    def restore_from(self, source: Path) -> None:
        """Check ``source`` (on the worker), confirm, keep a copy of the current file, restore
        ``source`` and reopen; ``restored`` fires with the new window."""
        database = self.database
        path = _target(database)
        if path is None:
            return
        if database.read_only and not database.damage:  # (a damaged file is read-only to protect it)
            QMessageBox.warning(
                self.window,
                "This database is read-only",
                f"{path} is open read-only, so it cannot be replaced by a backup.\n\n"
                "Open the backup instead (File → Open database), or restore into a folder you can write to.",
            )
            return
        backups.check_backup(self.window.context, self.window, source).success(
            lambda info: self._confirm_restore(source, path, info)
        ).run()

    def _confirm_restore(self, source: Path, path: Path | str, info: BackupInfo) -> None:
        answer = QMessageBox.question(
            self.window,
            "Restore from backup",
            f"Replace {_name(path)} with the backup taken {describe(info)}?\n\n"
            "Changes made since then will no longer show. The database as it is now is kept with the "
            "backups first, so you can go back to it.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._flush()  # (the restore waits behind these saves on the worker)
        task = self.task = backups.restore(self.window, self.database, source, backup_keep(self.settings))
        task.done.connect(lambda result: self._reopen(path, result.kept_copy, info))

    def _reopen(self, path: Path | str, kept: Path | None, info: BackupInfo) -> MainWindow | None:
        from sst_desktop.ui.file_actions import open_window
        from sst_desktop.ui.open_flow import open_interactively

        # (a server's schema may be older than this version's: opening it again brings it up to date)
        reopened = open_interactively(self.window, path, password=self.database.password)
        if reopened is None:
            return None
        old = self.database
        window = open_window(reopened, settings=self.settings, replacing=self.window)
        old.dispose()
        kept_text = f" The database as it was is kept as {kept}." if kept else ""
        window.show_notice(f"Restored {_name(path)} from the backup taken {describe(info)}.{kept_text}")
        self.restored.emit(window)
        return window

    def _flush(self) -> None:
        flush = getattr(self.window, "flush_pending", None)
        if callable(flush):
            flush()
