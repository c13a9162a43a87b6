"""Start the GUI: show the window first, then do whatever can wait."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from sst_desktop import __version__
from sst_desktop.paths import APP_NAME
from sst_desktop.storage.errors import StorageError
from sst_desktop.storage.locate import resolve_url
from sst_desktop.storage.opening import open_database
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.main_window import MainWindow


def make_application(argv: list[str] | None = None) -> QApplication:
    QCoreApplication.setOrganizationName("SST Desktop")
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    return app  # type: ignore[return-value]


def demo_copy_path() -> Path:
    """A fresh demo database in a new temporary folder."""
    from sst_desktop.demo.build import build_demo_database

    path = Path(tempfile.mkdtemp(prefix="sst-demo-")) / "sst-demo.db"
    build_demo_database(path)
    return path


def run_gui(database: str | None = None, demo: bool = False) -> int:
    app = make_application()
    try:
        url = resolve_url(demo_copy_path() if demo else database)
        db = open_database(url)
    except StorageError as error:
        QMessageBox.critical(
            None, "SST Desktop cannot open the database", f"{error.message}\n\n{error.advice}"
        )
        return 1
    context = AppContext(db)
    window = MainWindow(context)
    window.show()
    return app.exec()
