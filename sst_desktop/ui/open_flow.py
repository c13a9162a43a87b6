"""Opening a database from the GUI, and what to do when it cannot be opened.

``open_interactively(parent, target)`` opens a path or URL. When SST Desktop refuses the file (not a
database, damaged, made by a newer version, in a folder it cannot use…) a dialog says why and offers:

- **Choose another file…**
- **Open a backup…** — pick one of the backups taken of this database; it is copied to a new file you
  name, and that copy is opened (neither the backup nor the refused file is changed);
- **Quit** (at start-up) or **Cancel** (from File → Open);
- when another program is busy writing to the file: **Try again** and **Open read-only**;
- when a team's server cannot be reached: **Try again**; when it wants a password that ``.pgpass``
  does not give, the password is asked for (``connect_dialog.ask_password``) and never kept.

The refused file itself is never modified.

The backup SST Desktop takes of a database each time it is opened is taken after the window has
painted (``operations.backups.take_open_backup`` on a thread of its own, see ``file_actions.open_window``): it can wait, and
start-up is faster without it.
"""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from sst_desktop.storage.engine import Database, sqlite_path, sqlite_url
from sst_desktop.storage.errors import DatabaseBusyError, StorageError
from sst_desktop.storage.server import PasswordNeededError, ServerUnavailableError

FILE_FILTER = "SST Desktop databases (*.db *.sqlite *.sqlite3);;All files (*)"


class Choice(enum.Enum):
    ANOTHER_FILE = "another"
    BACKUP = "backup"
    GIVE_UP = "give_up"
    RETRY = "retry"  # the file is busy: try again
    READ_ONLY = "read_only"  # the file is busy: read it without changing it


def open_interactively(
    parent: QWidget | None,
    target: str | Path | None,
    *,
    at_start: bool = False,
    backup_on_open: bool = False,
    password: str | None = None,
) -> Database | None:
    """Open ``target`` (a path, an SQLAlchemy URL, or None for the default database).

    Returns the open database, or None when the user gave up (Quit / Cancel). The open-time backup
    is left to ``take_open_backup`` unless ``backup_on_open``. ``password`` is a server's, when
    the officer already gave it in this run.
    """
    from sst_desktop.ui.operations import opening

    try:
        url = target if isinstance(target, str) and "://" in target else opening.database_url(target)
    except OSError as error:
        url = ""
        failure: StorageError | None = StorageError(
            f"The data folder cannot be created ({error.strerror}: {error.filename}).",
            advice="Choose a database file in a folder you can write to.",
        )
    else:
        failure = None
    read_only = False
    while True:
        if failure is None:
            try:
                return opening.open_file(
                    url, backup_on_open=backup_on_open, read_only=read_only, password=password
                )
            except StorageError as error:
                failure = error
        if isinstance(failure, PasswordNeededError):
            from sst_desktop.ui.connect_dialog import ask_password

            password = ask_password(parent, url, failure)
            if password is None:
                return None
            failure = None
            continue
        refused = sqlite_path(url) if url else None
        backups = _backups_of(refused)
        choice = ask_what_next(parent, failure, has_backups=bool(backups), at_start=at_start)
        if choice is Choice.GIVE_UP:
            return None
        if choice in (Choice.RETRY, Choice.READ_ONLY):
            failure, read_only = None, choice is Choice.READ_ONLY
            continue
        read_only = False
        chosen = choose_database_file(parent, refused) if choice is Choice.ANOTHER_FILE else None
        if choice is Choice.BACKUP:
            chosen = copy_backup_to_new_file(parent, refused, backups)
        if chosen is not None:
            url, failure = sqlite_url(chosen), None


def ask_new_database_file(
    parent: QWidget | None, caption: str, suggestion: Path, *, not_over: Path, refusal: str
) -> Path | None:
    """Ask for the name of a database file to write (``.db`` added when missing); None when cancelled,
    or (after ``refusal`` is shown) when the name is the file ``not_over`` itself."""
    name, _ = QFileDialog.getSaveFileName(parent, caption, str(suggestion), "SST Desktop databases (*.db)")
    if not name:
        return None
    target = Path(name)
    if target.suffix.lower() != ".db":
        target = target.with_name(target.name + ".db")
    if target.exists() and target.resolve() == not_over.resolve():
        QMessageBox.warning(parent, "That file is open", f"{target} {refusal}")
        return None
    return target


def _backups_of(path: Path | None) -> list[Path]:
    if path is None:
        return []
    from sst_desktop.storage.backup import list_backups

    try:
        return [info.path for info in list_backups(path)]
    except OSError:
        return []


def ask_what_next(
    parent: QWidget | None, error: StorageError, *, has_backups: bool, at_start: bool
) -> Choice:
    """Explain why the database cannot be opened and ask what to do."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("SST Desktop cannot open this database")
    box.setText(error.message)
    advice = error.advice or "Choose another file."
    if "not been changed" not in advice:
        advice += " The file has not been changed."
    box.setInformativeText(advice)
    busy = isinstance(error, DatabaseBusyError)
    again = busy or isinstance(error, ServerUnavailableError)
    retry = box.addButton("Try again", QMessageBox.ButtonRole.AcceptRole) if again else None
    read_only = box.addButton("Open read-only", QMessageBox.ButtonRole.ActionRole) if busy else None
    another = box.addButton("Choose another file…", QMessageBox.ButtonRole.AcceptRole)
    backup = box.addButton("Open a backup…", QMessageBox.ButtonRole.ActionRole) if has_backups else None
    give_up = box.addButton("Quit" if at_start else "Cancel", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry or another)
    box.setEscapeButton(give_up)
    box.exec()
    clicked = box.clickedButton()
    if retry is not None and clicked is retry:
        return Choice.RETRY
    if read_only is not None and clicked is read_only:
        return Choice.READ_ONLY
    if clicked is another:
        return Choice.ANOTHER_FILE
    if backup is not None and clicked is backup:
        return Choice.BACKUP
    return Choice.GIVE_UP


def choose_database_file(parent: QWidget | None, near: Path | None = None) -> Path | None:
    folder = str(near.parent) if near is not None else str(Path.home())
    name, _ = QFileDialog.getOpenFileName(parent, "Open database", folder, FILE_FILTER)
    return Path(name) if name else None


def copy_backup_to_new_file(parent: QWidget | None, refused: Path | None, backups: list[Path]) -> Path | None:
    """Let the user pick a backup and a new file name; copy the backup there and return the new file."""
    if not backups:
        return None
    name, _ = QFileDialog.getOpenFileName(
        parent, "Choose a backup to open", str(backups[0].parent), "Backups (*.db);;All files (*)"
    )
    if not name:
        return None
    source = Path(name)
    suggestion = (
        refused.parent if refused else Path.home()
    ) / f"{refused.stem if refused else 'sst-desktop'}-restored.db"
    target_name, _ = QFileDialog.getSaveFileName(
        parent, "Save the restored copy as", str(suggestion), "SST Desktop databases (*.db)"
    )
    if not target_name:
        return None
    target = Path(target_name)
    if target.suffix.lower() != ".db":
        target = target.with_name(target.name + ".db")
    if target.exists():
        QMessageBox.warning(
            parent,
            "That file already exists",
            f"{target} already exists and was not changed. Choose a new name for the restored copy.",
        )
        return None
    from sst_desktop.storage.backup import backup_to

    try:
        backup_to(source, target)
    except (StorageError, OSError) as error:
        from sst_desktop.ui.errors import report_error

        report_error(parent, error)
        return None
    return target
