"""File → Connect to a team database…: the team's PostgreSQL database, opened like a file.

The dialog asks for what IT gives each officer: server, port, database, user name, and how strictly
to use TLS (``sslmode``). They are remembered for next time; the password never is. It comes from
the officer's ``.pgpass`` or service file, or ``PasswordDialog`` asks for it when the server wants
one, and it lives only in the open database's connection settings until the program ends.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QSize
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.storage.server import PasswordNeededError, describe, team_url
from sst_desktop.ui.window_geometry import keep_geometry

if TYPE_CHECKING:
    from sst_desktop.ui.main_window import MainWindow

SETTINGS_PREFIX = "team_database/"
DEFAULT_PORT = 5432
SSL_CHOICES = (
    ("prefer", "When the server offers it (prefer)"),
    ("require", "Always, without checking the certificate (require)"),
    ("verify-ca", "Always, checking the certificate (verify-ca)"),
    ("verify-full", "Always, checking the certificate and server name (verify-full)"),
    ("disable", "Never (disable)"),
)


class ConnectDialog(QDialog):
    """Server, port, database, user and TLS of a team database; ``url()`` gives what to open."""

    def __init__(self, parent: QWidget | None, settings: QSettings) -> None:
        super().__init__(parent)
        self.setObjectName("connect-dialog")
        self.setWindowTitle("Connect to a team database")
        keep_geometry(self, "connect_team_database", QSize(520, 320))
        self.settings = settings

        def remembered(key: str, default: str) -> str:
            return str(settings.value(SETTINGS_PREFIX + key, default) or default)

        self.host = QLineEdit(remembered("host", ""))
        self.host.setObjectName("connect-host")
        self.host.setPlaceholderText("for example db.council.local")
        self.port = QSpinBox()
        self.port.setObjectName("connect-port")
        self.port.setRange(1, 65535)
        try:
            self.port.setValue(int(remembered("port", str(DEFAULT_PORT))))
        except ValueError:
            self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(remembered("database", ""))
        self.database.setObjectName("connect-database")
        self.user = QLineEdit(remembered("user", _login_name()))
        self.user.setObjectName("connect-user")
        self.sslmode = QComboBox()
        self.sslmode.setObjectName("connect-sslmode")
        for mode, label in SSL_CHOICES:
            self.sslmode.addItem(label, mode)
        chosen = self.sslmode.findData(remembered("sslmode", "prefer"))
        self.sslmode.setCurrentIndex(max(chosen, 0))

        form = QFormLayout()
        form.addRow("&Server:", self.host)
        form.addRow("&Port:", self.port)
        form.addRow("&Database:", self.database)
        form.addRow("&User name:", self.user)
        form.addRow("&Encryption (TLS):", self.sslmode)
        note = QLabel(
            "IT gives you these details. Your password is never stored by SST Desktop: it is read "
            "from your .pgpass file if you have one, or asked for when you connect."
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = buttons.addButton("&Connect", QDialogButtonBox.ButtonRole.AcceptRole)
        self.connect_button.setObjectName("connect-button")
        self.connect_button.setDefault(True)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(buttons)
        for field in (self.host, self.database, self.user):
            field.textChanged.connect(self._update_button)
        self._update_button()

    def url(self) -> str:
        return team_url(
            self.host.text(),
            self.port.value(),
            self.database.text(),
            self.user.text(),
            str(self.sslmode.currentData()),
        )

    def _update_button(self) -> None:
        self.connect_button.setEnabled(
            all(field.text().strip() for field in (self.host, self.database, self.user))
        )

    def _accept(self) -> None:
        if not self.connect_button.isEnabled():
            return
        for key, value in (
            ("host", self.host.text().strip()),
            ("port", str(self.port.value())),
            ("database", self.database.text().strip()),
            ("user", self.user.text().strip()),
            ("sslmode", str(self.sslmode.currentData())),
        ):
            self.settings.setValue(SETTINGS_PREFIX + key, value)
        self.accept()


class PasswordDialog(QDialog):
    """Asks for the database password; what is typed is never shown, kept in settings or logged."""

    def __init__(self, parent: QWidget | None, url: str, reason: PasswordNeededError) -> None:
        super().__init__(parent)
        self.setObjectName("password-dialog")
        self.setWindowTitle("Database password")
        from sqlalchemy.engine import make_url

        user = make_url(url).username or _login_name()
        wrong = "That password was not accepted. " if reason.wrong else ""
        label = QLabel(f"{wrong}Password of {user} for {describe(url)}:")
        label.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setAccessibleName("Password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.password)
        layout.addWidget(buttons)


def ask_password(parent: QWidget | None, url: str, reason: PasswordNeededError) -> str | None:
    """The password the officer types, or None when they cancel."""
    dialog = PasswordDialog(parent, url, reason)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    password = dialog.password.text()
    dialog.password.clear()
    dialog.deleteLater()
    return password if accepted else None


class TeamActions(QObject):
    """File → Connect to a team database…, opening it in place of the window's database."""

    def __init__(self, window: MainWindow, switch_to: Callable[[str], MainWindow | None]) -> None:
        super().__init__(window)
        self.window = window
        self.switch_to = switch_to
        self.connect_action = QAction("Connect to a &team database…", window)
        self.connect_action.setObjectName("connect-team-database")
        self.connect_action.setStatusTip("Open your team's shared database on a PostgreSQL server")
        self.connect_action.triggered.connect(lambda: self.connect_to_team())
        window.add_file_action(self.connect_action, section="database")

    def connect_to_team(self) -> MainWindow | None:
        """Ask for the connection details, then open the database (on the database worker)."""
        dialog = ConnectDialog(self.window, self.window.settings)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.switch_to(dialog.url())


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError):
        return ""
