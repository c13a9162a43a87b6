"""Handing the record over: after File → Quit the database file alone holds everything, and File →
Save a copy… writes the whole record to a file the officer chooses."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from sst_desktop.services import organisations
from sst_desktop.ui import file_actions
from tests.sqlite_tools import copy_alone
from tests.ui.test_backup_actions import close_if_open, menu_action


def _organisations(path: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return [name for (name,) in connection.execute("SELECT name FROM organisations ORDER BY name")]
    finally:
        connection.close()


@pytest.fixture
def window(qtbot, db, settings):  # type: ignore[no-untyped-def]
    organisations.create_organisation(db, "Sefton Council")
    win = file_actions.open_window(db, settings=settings)
    yield win
    close_if_open(win)


def _rename_in_the_window(qtbot, window, old: str, new: str) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("organisations")
    row = next(i for i, o in enumerate(page.model.records()) if o.name == old)
    page.table.selectRow(row)
    page.name.clear()
    qtbot.keyClicks(page.name, new)
    qtbot.keyClick(page.name, Qt.Key.Key_Return)


def test_after_quit_a_copy_of_the_database_file_alone_has_every_change(
    qtbot, db, window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _rename_in_the_window(qtbot, window, "Sefton Council", "Sefton Metropolitan Borough Council")
    assert [o.name for o in organisations.list_organisations(db)] == ["Sefton Metropolitan Borough Council"]

    window.file_actions.quit_action.trigger()

    wal = db.path.with_name(db.path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert _organisations(copy_alone(db.path, tmp_path / "usb")) == ["Sefton Metropolitan Borough Council"]


def test_save_a_copy_writes_the_whole_record_to_the_file_chosen(
    qtbot, monkeypatch, db, window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _rename_in_the_window(qtbot, window, "Sefton Council", "Sefton MBC")
    chosen = tmp_path / "for the clerk" / "SST record"
    chosen.parent.mkdir()
    asked: list[str] = []

    def save_name(_parent, caption, suggestion, _filter, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(caption)
        assert suggestion.endswith(".db")
        return str(chosen), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    messages: list[str] = []
    window.context.status_message.connect(messages.append)
    actions = window.file_actions.backup_actions
    with qtbot.waitSignal(actions.copy_saved, timeout=10000) as signal:
        menu_action(window, "save-copy").trigger()

    copy = chosen.with_name("SST record.db")
    assert signal.args == [copy] and asked == ["Save a copy of the database"]
    assert messages[-1] == f"Saved a copy of the database to {copy}"
    assert sorted(p.name for p in copy.parent.iterdir()) == ["SST record.db"]  # one file, nothing beside it
    assert _organisations(copy) == ["Sefton MBC"]
    # The window carries on with the database it had open.
    assert window.context.database.path == db.path
    organisations.create_organisation(db, "Merseyside Police")
    assert _organisations(copy) == ["Sefton MBC"]


def test_save_a_copy_over_the_open_database_is_refused(qtbot, monkeypatch, db, window) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.directory_support import capture_message_boxes

    boxes = capture_message_boxes(monkeypatch)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(db.path), "")))
    before = db.path.read_bytes()
    menu_action(window, "save-copy").trigger()
    assert "is the database that is open" in boxes.texts()
    assert window.file_actions.backup_actions.task is None
    assert db.path.read_bytes() == before


def test_save_a_copy_sits_with_the_backup_entries(window) -> None:  # type: ignore[no-untyped-def]
    texts = [a.text().replace("&", "") for a in window.file_menu.actions()]
    assert texts.index("Back up now") < texts.index("Save a copy…") < texts.index("Restore from backup…")
