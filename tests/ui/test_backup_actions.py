"""File → Back up now and File → Restore from backup…, and the busy-file choices when opening."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from sst_desktop.services import organisations
from sst_desktop.storage import opening
from sst_desktop.storage.backup import list_backups, take_backup
from sst_desktop.storage.errors import DatabaseBusyError
from sst_desktop.ui import file_actions, open_flow
from sst_desktop.ui.backup_actions import KEEP_KEY, BackupActions, RestoreDialog, backup_keep
from tests.ui.waiting import settle


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(db) -> list[str]:  # type: ignore[no-untyped-def]
    return [o.name for o in organisations.list_organisations(db)]


@pytest.fixture
def window(qtbot, db, settings):  # type: ignore[no-untyped-def]
    organisations.create_organisation(db, "Sefton Council")
    win = file_actions.open_window(db, settings=settings)
    qtbot.waitUntil(lambda: len(list_backups(db.path)) == 1, timeout=5000)  # the open-time backup
    yield win
    close_if_open(win)


def close_if_open(window) -> None:  # type: ignore[no-untyped-def]
    """Windows delete themselves when closed (WA_DeleteOnClose); close those still there."""
    if shiboken6.isValid(window):
        window.close()


def menu_action(window, name: str):  # type: ignore[no-untyped-def]
    return next(a for a in window.file_menu.actions() if a.objectName() == name)


def actions_of(window) -> BackupActions:  # type: ignore[no-untyped-def]
    return window.file_actions.backup_actions


def on_next_modal(handle, kind: type = object) -> list[object]:  # type: ignore[no-untyped-def]
    """Run ``handle(widget)`` on the next modal window (of type ``kind``) to appear (a dialog or message box)."""
    seen: list[object] = []

    def attempt(tries: int = 0) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or widget in seen or not isinstance(widget, kind):
            if tries < 250:
                QTimer.singleShot(20, lambda: attempt(tries + 1))
            return
        seen.append(widget)
        handle(widget)

    QTimer.singleShot(0, attempt)
    return seen


def click(box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    button.click()


def test_backup_entries_are_in_the_file_menu(window) -> None:  # type: ignore[no-untyped-def]
    texts = [a.text().replace("&", "") for a in window.file_menu.actions()]
    assert "Back up now" in texts and "Restore from backup…" in texts
    assert texts.index("Back up now") < texts.index("Restore from backup…") < texts.index("Quit")


def test_back_up_now_takes_a_copy_and_says_where(qtbot, db, window) -> None:  # type: ignore[no-untyped-def]
    organisations.create_organisation(db, "Merseyside Police")
    messages: list[str] = []
    window.context.status_message.connect(messages.append)
    with qtbot.waitSignal(actions_of(window).backed_up, timeout=10000) as signal:
        menu_action(window, "backup-now").trigger()
    path = signal.args[0]
    assert isinstance(path, Path) and path.exists()
    manual = [b for b in list_backups(db.path) if b.reason == "manual"]
    assert [b.path for b in manual] == [path]
    assert messages == [f"Backed up to {path}"]


def test_keep_setting_is_used_and_changed_in_the_dialog(qtbot, db, window, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    assert backup_keep(settings) == 10
    dialog = RestoreDialog(window, db.path, settings)
    qtbot.addWidget(dialog)
    dialog.keep.setValue(2)
    assert settings.value(KEEP_KEY) == 2 and backup_keep(settings) == 2
    for _ in range(3):
        with qtbot.waitSignal(actions_of(window).backed_up, timeout=10000):
            menu_action(window, "backup-now").trigger()
    assert len([b for b in list_backups(db.path) if b.reason == "manual"]) == 2
    settings.setValue(KEEP_KEY, "nonsense")
    assert backup_keep(settings) == 10


def test_restore_lists_backups_confirms_keeps_a_copy_and_reopens(qtbot, db, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    organisations.create_organisation(db, "Merseyside Police")
    good = take_backup(db, reason="manual")
    organisations.create_organisation(db, "Added after the backup")
    shown: dict[str, object] = {}

    def in_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, RestoreDialog)
        table = dialog.table
        shown["rows"] = [
            (table.item(r, 1).text(), table.item(r, 0).data(Qt.ItemDataRole.UserRole + 1))
            for r in range(table.rowCount())
        ]
        row = next(
            r
            for r in range(table.rowCount())
            if table.item(r, 0).data(Qt.ItemDataRole.UserRole + 1) == str(good)
        )
        table.selectRow(row)
        on_next_modal(lambda box: (shown.setdefault("question", box.text()), click(box, "Yes")))
        dialog.restore_button.click()

    on_next_modal(in_dialog)
    with qtbot.waitSignal(actions_of(window).restored, timeout=10000) as signal:
        menu_action(window, "restore-from-backup").trigger()
    new_window = signal.args[0]

    labels = [label for label, _path in shown["rows"]]  # type: ignore[union-attr]
    assert labels[0] == "Backed up by hand" and "When opened" in labels
    assert "Replace test.db with the backup taken" in str(shown["question"])
    assert sorted(names(new_window.context.database)) == ["Merseyside Police", "Sefton Council"]
    kept = [b for b in list_backups(db.path) if b.reason == "before-restore"]
    assert len(kept) == 1
    assert "Restored test.db from the backup taken" in new_window.notice_text.text()
    assert str(kept[0].path) in new_window.notice_text.text()
    assert not shiboken6.isValid(window) or not window.isVisible()
    new_window.close()


def test_restore_refuses_a_file_that_is_not_a_backup(qtbot, monkeypatch, db, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "holiday-photo.db"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not a database")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), "")))
    before = checksum(db.path)
    warnings: list[str] = []

    def in_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        on_next_modal(lambda box: (warnings.append(box.text()), box.accept()))
        dialog.findChild(QPushButton, "other-backup-button").click()

    on_next_modal(in_dialog)
    actions_of(window).choose_and_restore()
    settle(qtbot)
    assert (
        len(warnings) == 1 and "cannot be restored" in warnings[0] and "Choose another backup" in warnings[0]
    )
    assert checksum(db.path) == before
    assert names(db) == ["Sefton Council"]
    assert window.isVisible()


def test_cancelling_the_confirmation_changes_nothing(qtbot, db, window) -> None:  # type: ignore[no-untyped-def]
    good = take_backup(db, reason="manual")
    organisations.create_organisation(db, "Merseyside Police")
    on_next_modal(lambda box: click(box, "Cancel"))
    actions_of(window).restore_from(good)
    settle(qtbot)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert sorted(names(db)) == ["Merseyside Police", "Sefton Council"]
    assert not [b for b in list_backups(db.path) if b.reason == "before-restore"]


def test_restore_into_a_read_only_database_is_refused(qtbot, db, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = take_backup(db, reason="manual")
    db.dispose()
    read_only = opening.open_path(db.path, read_only=True)
    win = file_actions.open_window(read_only, settings=settings)
    assert "(read-only)" in win.windowTitle()
    warnings: list[str] = []
    on_next_modal(lambda box: (warnings.append(box.text()), box.accept()))
    actions_of(win).restore_from(good)
    assert "open read-only, so it cannot be replaced" in warnings[0]
    win.close()


# Opening a busy file -----------------------------------------------------------------------------
def _busy_then_real(monkeypatch, seen: list[dict]) -> None:  # type: ignore[no-untyped-def]
    real = opening.open_database

    def fake(url, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(kwargs)
        if len(seen) == 1:
            raise DatabaseBusyError(
                "board.db is busy: another copy of SST Desktop or another program is writing to it.",
                advice="Wait a moment and try again. The file has not been changed.",
            )
        return real(url, **kwargs)

    monkeypatch.setattr(opening, "open_database", fake)


@pytest.mark.parametrize(("button", "read_only"), [("Try again", False), ("Open read-only", True)])
def test_a_busy_file_offers_try_again_and_read_only(
    qtbot, monkeypatch, db, button: str, read_only: bool
) -> None:  # type: ignore[no-untyped-def]
    path = db.path
    db.dispose()
    seen: list[dict] = []
    _busy_then_real(monkeypatch, seen)
    texts: list[str] = []

    def answer(box) -> None:  # type: ignore[no-untyped-def]
        texts.append(box.text() + "\n" + box.informativeText())
        texts.append(" | ".join(b.text() for b in box.buttons()))
        click(box, button)

    on_next_modal(answer)
    opened = open_flow.open_interactively(None, path)
    assert opened is not None
    assert "is busy" in texts[0] and "Wait a moment and try again" in texts[0]
    assert "Try again" in texts[1] and "Open read-only" in texts[1]
    assert [k.get("read_only") for k in seen] == [False, read_only]
    assert opened.read_only is read_only
    opened.dispose()


def test_a_database_damaged_inside_opens_read_only_and_takes_no_backup(
    qtbot, settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Damage the header checks cannot see is found by the integrity check on opening."""
    from sst_desktop.domain import Organisation
    from tests.sqlite_tools import connect

    path = tmp_path / "board.db"
    db = opening.open_path(path, backup_dir=tmp_path / "b")
    with db.write() as session:
        session.add_all(Organisation(name=f"Organisation {n} " + "x" * 150) for n in range(300))
    db.dispose()
    with connect(path) as connection:
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name='organisations'").fetchone()[
            0
        ]
    data = bytearray(path.read_bytes())
    data[(root + 2) * 4096 : (root + 3) * 4096] = b"\x00\x01" * 2048
    path.write_bytes(bytes(data))

    damaged = opening.open_path(path, backup_on_open=False)
    offered: list[str] = []
    on_next_modal(lambda box: (offered.append(box.text()), click(box, "Keep it open read-only")))
    win = file_actions.open_window(damaged, settings=settings)
    try:
        qtbot.waitUntil(lambda: bool(offered), timeout=10000)
        assert "failed its integrity check" in offered[0]
        assert damaged.read_only and "board.db is damaged" in win.notice_text.text()
        qtbot.wait(400)  # when the open-time backup would have been taken
        assert list_backups(path) == []
    finally:
        close_if_open(win)
