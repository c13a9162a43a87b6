"""A damaged database in the window: it opens read-only, an edit is refused and never reaches the file,
and the officer can restore a backup or save what can be read to a new file, which then opens."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from sst_desktop.services import organisations
from sst_desktop.storage import opening
from sst_desktop.storage.backup import backup_to, backups_folder, list_backups
from sst_desktop.ui import file_actions
from tests.storage.test_damaged import NAMES, checksum, damaged_board
from tests.ui.directory_support import capture_message_boxes
from tests.ui.test_backup_actions import click, close_if_open, menu_action, on_next_modal


def _open_damaged(qtbot, path: Path, settings, answer: str, watch=None):  # type: ignore[no-untyped-def]
    """Open the damaged file in a window as the program does and answer the message it shows;
    ``watch(window)`` runs just before the answer (to listen for what the answer leads to)."""
    offered: list[QMessageBox] = []

    def answer_it(box) -> None:  # type: ignore[no-untyped-def]
        offered.append(box)
        if watch is not None:
            watch(box.parentWidget())
        click(box, answer)

    on_next_modal(answer_it)
    window = file_actions.open_window(opening.open_path(path), settings=settings)
    qtbot.waitUntil(lambda: bool(offered), timeout=10000)
    return window, offered[0]


def _new_window_from(qtbot, signal_of, path: Path, settings, answer: str):  # type: ignore[no-untyped-def]
    """Open the damaged file, answer, and wait for the window the answer leads to."""
    new_windows: list[object] = []
    window, _box = _open_damaged(
        qtbot, path, settings, answer, watch=lambda w: signal_of(w).connect(new_windows.append)
    )
    qtbot.waitUntil(lambda: bool(new_windows), timeout=20000)
    return window, new_windows[0]


def _rename_first_person(qtbot, window, new: str) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("people")
    page.table.selectRow(0)
    page.details.last_name.clear()
    qtbot.keyClicks(page.details.last_name, new)
    qtbot.keyClick(page.details.last_name, Qt.Key.Key_Return)


def test_a_damaged_file_opens_read_only_and_an_edit_never_reaches_it(
    qtbot, monkeypatch, settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = damaged_board(tmp_path)
    before = checksum(path)
    window, box = _open_damaged(qtbot, path, settings, "Keep it open read-only")
    try:
        assert box.windowTitle() == "This database is damaged"
        assert "failed its integrity check" in box.text() and "open read-only" in box.text()
        assert sorted(b.text() for b in box.buttons()) == [
            "Keep it open read-only",
            "Restore a backup…",
            "Save what can be read…",
        ]
        assert "(read-only)" in window.windowTitle()
        assert "board.db is damaged" in window.notice_text.text() and not window.notice_bar.isHidden()
        assert menu_action(window, "save-what-can-be-read").isVisible()

        boxes = capture_message_boxes(monkeypatch)
        people = window.show_page("people")  # built from the damaged table: it says so in its place
        assert people.objectName() == "page-people"
        assert "People cannot be shown" in people.text() and "is damaged" in people.text()

        page = window.show_page("committees")
        page.list.selectRow(0)
        page.details.name.clear()
        qtbot.keyClicks(page.details.name, "Safer Sefton Together Board")
        qtbot.keyClick(page.details.name, Qt.Key.Key_Return)
        assert "open read-only, so this change was not saved" in boxes.texts()
        assert "damaged" in boxes.texts() and "Restore a backup" in boxes.texts()
    finally:
        close_if_open(window)
    assert checksum(path) == before
    assert sorted(p.name for p in tmp_path.glob("board.db*")) == ["board.db"]


def test_save_what_can_be_read_makes_a_new_file_and_opens_it(
    qtbot, monkeypatch, settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = damaged_board(tmp_path)
    before = checksum(path)
    chosen = tmp_path / "rescued"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(chosen), "")))
    window, rescued = _new_window_from(
        qtbot, lambda w: w.file_actions.damaged_actions.salvaged, path, settings, "Save what can be read…"
    )
    try:
        database = rescued.context.database
        assert database.path == tmp_path / "rescued.db"
        assert not database.read_only and "(read-only)" not in rescued.windowTitle()
        assert set(NAMES[1:]) <= {o.name for o in organisations.list_organisations(database)}
        notice = rescued.notice_text.text()
        assert "Saved" in notice and "to rescued.db" in notice and f"The damaged file {path}" in notice
        _rename_first_person(qtbot, rescued, "Abbot-Jones")  # work goes on in the new file
        with database.read() as session:
            from sst_desktop.domain import Person

            assert "Abbot-Jones" in {p.last_name for p in session.query(Person)}
        assert not shiboken6.isValid(window) or not window.isVisible()
    finally:
        close_if_open(rescued)
        close_if_open(window)
    assert checksum(path) == before


def test_restore_a_backup_replaces_the_damaged_file_and_keeps_it(qtbot, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = damaged_board(tmp_path)
    # A good backup from before the damage, where the restore dialog looks for them.
    good_folder = tmp_path / "good"
    good_folder.mkdir()
    backups_folder(path).mkdir(parents=True)
    good = backups_folder(path) / "board-20240105-093000-manual.db"
    healthy = tmp_path / "healthy.db"
    db = opening.open_path(healthy, backup_dir=good_folder)
    for name in NAMES:
        organisations.create_organisation(db, name)
    db.dispose()
    backup_to(healthy, good)
    damaged_bytes = checksum(path)

    def in_restore_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.table.selectRow(0)
        on_next_modal(lambda box: click(box, "Yes"))
        dialog.restore_button.click()

    def restored_by(window):  # type: ignore[no-untyped-def]
        on_next_modal(in_restore_dialog)  # the restore dialog the answer opens
        return window.file_actions.backup_actions.restored

    window, restored = _new_window_from(qtbot, restored_by, path, settings, "Restore a backup…")
    try:
        database = restored.context.database
        assert not database.read_only and not database.damage
        assert sorted(o.name for o in organisations.list_organisations(database)) == sorted(NAMES)
        kept = [b for b in list_backups(path) if b.reason == "before-restore"]
        assert len(kept) == 1 and checksum(kept[0].path) == damaged_bytes  # the damaged file, as it was
    finally:
        close_if_open(restored)
        close_if_open(window)
