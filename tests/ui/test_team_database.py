"""File → Connect to a team database…, the password asked for and never shown or kept, and Back up
now / Restore from backup… on a server. Skipped unless SST_TEST_DATABASE_URL names a server."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.engine import make_url

from sst_desktop.services import organisations
from sst_desktop.storage import pg_backup
from sst_desktop.storage.opening import open_database
from sst_desktop.ui import file_actions
from sst_desktop.ui.connect_dialog import ConnectDialog, PasswordDialog
from tests.server import as_role, empty_server_database, grant_all, login_role
from tests.ui.test_backup_actions import click, close_if_open, menu_action, on_next_modal
from tests.ui.waiting import settle

SECRET = "tea-urn-42-Secret"


def on_modal(kind: type[QWidget], handle: Callable[[QWidget], object]) -> list[object]:
    """Run ``handle`` on the next modal window of type ``kind`` to appear."""
    return on_next_modal(handle, kind)


@pytest.fixture
def window(qtbot, db, settings):  # type: ignore[no-untyped-def]
    win = file_actions.open_window(db, settings=settings)
    yield win
    close_if_open(win)


def every_setting(settings: QSettings) -> str:
    return "\n".join(f"{key}={settings.value(key)}" for key in settings.allKeys())


def test_connect_asks_for_the_password_and_never_shows_or_keeps_it(  # type: ignore[no-untyped-def]
    qtbot, window, settings: QSettings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    with login_role("sst_password_test", SECRET), empty_server_database() as url:
        open_database(url).dispose()
        grant_all(url, "sst_password_test")
        server = make_url(url)
        asked: list[str] = []

        def fill(dialog: QWidget) -> None:
            assert isinstance(dialog, ConnectDialog)
            dialog.host.setText(str(server.host))
            dialog.port.setValue(int(server.port or 5432))
            dialog.database.setText(str(server.database))
            dialog.user.clear()
            qtbot.keyClicks(dialog.user, "sst_password_test")
            dialog.sslmode.setCurrentIndex(dialog.sslmode.findData("disable"))
            on_modal(PasswordDialog, type_password)
            dialog.connect_button.click()

        def type_password(dialog: QWidget) -> None:
            assert isinstance(dialog, PasswordDialog)
            asked.append(dialog.password.echoMode().name)
            qtbot.keyClicks(dialog.password, SECRET)
            dialog.accept()

        on_modal(ConnectDialog, fill)
        team = window.file_actions.team_actions.connect_to_team()
        assert team is not None, "the team database did not open"
        try:
            assert asked == ["Password"]
            database = team.context.database
            assert organisations.list_organisations(database) == []
            about: list[str] = []
            monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda _p, _t, text: about.append(text)))
            team.show_about()
            shown = [
                team.windowTitle(),
                team.database_label.text(),
                team.database_name.text(),
                team.database_name.toolTip(),
                *about,
            ]
            assert f"{server.database} on {server.host}" in team.windowTitle()
            assert "sst_password_test@" in team.database_label.text()
            assert all(SECRET not in text for text in shown)
            assert SECRET not in every_setting(settings)
            assert settings.value("team_database/user") == "sst_password_test"
            assert SECRET not in database.url and SECRET not in repr(database)
        finally:
            team.close()


def test_a_server_that_cannot_be_reached_says_so_and_offers_try_again(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    told: list[tuple[str, list[str]]] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, ConnectDialog)
        dialog.host.setText("127.0.0.1")
        dialog.port.setValue(1)
        dialog.database.setText("sst")
        dialog.user.setText("ibarton")
        on_modal(QMessageBox, answer)
        dialog.connect_button.click()

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        told.append((f"{box.text()} {box.informativeText()}", [b.text() for b in box.buttons()]))
        click(box, "Cancel")

    on_modal(ConnectDialog, fill)
    assert window.file_actions.team_actions.connect_to_team() is None
    text, buttons = told[0]
    assert "could not connect to sst on 127.0.0.1: Connection refused" in text
    assert "Traceback" not in text and "Try again" in buttons
    assert shiboken6.isValid(window) and window.isVisible()


def test_back_up_now_and_restore_on_a_server(qtbot, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    with empty_server_database() as url:
        database = open_database(as_role(url, "postgres", SECRET))
        organisations.create_organisation(database, "Sefton CVS")
        window = file_actions.open_window(database, settings=settings)
        try:
            actions = window.file_actions.backup_actions
            assert actions.backup_action.isEnabled() and actions.restore_action.isEnabled()
            assert not actions.copy_action.isEnabled()
            with qtbot.waitSignal(actions.backed_up, timeout=30000) as signal:
                menu_action(window, "backup-now").trigger()
            made = signal.args[0]
            assert isinstance(made, Path) and made.suffix == ".dump"
            assert made.parent == pg_backup.server_backups_folder(database.url)
            organisations.create_organisation(database, "Added after the backup")
            on_modal(QMessageBox, lambda box: click(box, "Yes"))  # type: ignore[arg-type]
            with qtbot.waitSignal(actions.restored, timeout=30000) as restored:
                actions.restore_from(made)
            window = restored.args[0]
            settle(qtbot)
            names = [o.name for o in organisations.list_organisations(window.context.database)]
            assert names == ["Sefton CVS"]
            assert "from the backup taken" in window.notice_text.text()
            assert SECRET not in window.notice_text.text()
        finally:
            close_if_open(window)
