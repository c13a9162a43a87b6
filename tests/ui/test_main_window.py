"""The main window: working pages only, shortcuts, menus, remembered geometry, File menu, open flow."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from sst_desktop.services import committees, people
from sst_desktop.services.people import PersonPatch
from sst_desktop.storage.opening import open_path
from sst_desktop.ui import file_actions, open_flow
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.main_window import MainWindow
from sst_desktop.ui.pages import PAGE_MODULES, PageSpec
from tests.ui.directory_support import capture_message_boxes, sample_directory
from tests.ui.waiting import settle


@pytest.fixture
def window(qtbot, context, settings) -> MainWindow:  # type: ignore[no-untyped-def]
    sample_directory(context.database)
    win = MainWindow(context, settings)
    qtbot.addWidget(win)
    win.show()
    settle(qtbot)  # the first screen has its records
    return win


def _titles(window: MainWindow) -> list[str]:
    return [window.navigation.item(i).text() for i in range(window.navigation.count())]


def test_navigation_lists_the_registered_pages_and_builds_them_when_shown(window) -> None:  # type: ignore[no-untyped-def]
    assert len(_titles(window)) == len(PAGE_MODULES)
    assert _titles(window)[0] == "Committees"
    assert {"Committees", "People", "Organisations"} <= set(_titles(window))
    orders = [spec.order for spec in window.pages]
    assert orders == sorted(orders)
    assert list(window._built) == ["committees"]  # only the first page is built at start
    window.show_page("people")
    assert window.stack.currentWidget() is window.page("people")
    assert window.navigation.currentItem().text() == "People"


def test_every_page_is_made_in_its_place_in_the_window(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Each page is built as a child of the window's page stack (never assembled apart and moved in,
    which works out every widget's style again), and shows there."""
    made_in: dict[str, object] = {}

    def watched(spec: PageSpec) -> PageSpec:
        def build(context: AppContext, parent: QWidget) -> QWidget:
            page = spec.factory(context, parent)
            made_in[spec.key] = page.parent()  # (before the window puts it in the stack)
            return page

        return dataclasses.replace(spec, factory=build)

    window.pages = [watched(spec) for spec in window.pages]
    for spec in window.pages[1:]:
        page = window.show_page(spec.key)
        settle(qtbot)
        assert window.stack.currentWidget() is page and page.isVisible()
    assert list(made_in) == [spec.key for spec in window.pages[1:]]
    assert all(parent is window.stack for parent in made_in.values())


def test_page_shortcuts_and_find(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    keys = [spec.key for spec in window.pages]
    for position, key in enumerate(keys[:9], 1):
        if not next(spec for spec in window.pages if spec.key == key).shortcut:
            assert window.page_actions[key].shortcut().toString() == f"Ctrl+{position}"
    window.page_actions["people"].trigger()
    assert window.stack.currentWidget().objectName() == "page-people"
    assert window.find_action.shortcut().toString() == "Ctrl+F"
    window.find_action.trigger()
    assert QApplication.focusWidget() is window.page("people").search
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert [s.toString() for s in window.redo_action.shortcuts()] == ["Ctrl+Shift+Z", "Ctrl+Y"]


def test_undo_redo_menu_and_status_bar(qtbot, context, db, window) -> None:  # type: ignore[no-untyped-def]
    details = window.page("committees").details
    details.venue.setText("Remote Meeting - Microsoft Teams")
    details.venue.editingFinished.emit()
    settle(qtbot)
    sst = committees.find_committee(db, "SST")
    assert sst.default_venue == "Remote Meeting - Microsoft Teams"
    assert window.statusBar().currentMessage().startswith("Saved")
    assert window.undo_action.isEnabled() and "venue" in window.undo_action.text()
    window.undo_action.trigger()
    settle(qtbot)
    assert committees.get_committee(db, sst.id).default_venue == "Bootle Town Hall"
    assert window.statusBar().currentMessage().startswith("Undone")
    window.redo_action.trigger()
    settle(qtbot)
    assert committees.get_committee(db, sst.id).default_venue == "Remote Meeting - Microsoft Teams"


def test_window_geometry_and_page_are_remembered(qtbot, context, settings) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(context, settings)
    qtbot.addWidget(first)
    first.show()
    first.setGeometry(QRect(20, 30, 770, 530))
    first.show_page("organisations")
    first.close()
    second = MainWindow(context, settings)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (770, 530)
    assert (second.x(), second.y()) == (first.x(), first.y())
    assert second.navigation.currentItem().text() == "Organisations"


def test_a_remembered_layout_not_written_by_the_window_is_ignored(qtbot, context, settings) -> None:  # type: ignore[no-untyped-def]
    settings.setValue("main_window/geometry", "770x530")  # edited by hand, or by another program
    settings.setValue("main_window/state", 3)
    window = MainWindow(context, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.navigation.currentItem().text() == "Committees"


def test_help_about_and_shortcuts(monkeypatch, window) -> None:  # type: ignore[no-untyped-def]
    boxes = capture_message_boxes(monkeypatch)
    window.show_about()
    window.show_shortcuts()
    assert boxes.kinds() == ["about", "information"]
    assert "test.db" in boxes.shown[0][2]
    assert "Go to People" in boxes.shown[1][2]


def test_file_menu_has_new_open_recent_and_quit(window) -> None:  # type: ignore[no-untyped-def]
    texts = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    # New, Open and Recent lead the menu; Quit ends it; other parts add their entries in between.
    assert texts[:3] == ["&New database…", "&Open database…", "Open &recent"]
    assert texts[-1] == "&Quit"
    assert "&Back up now" in texts
    fa = window.file_actions
    assert [
        fa.new_action.shortcut().toString(),
        fa.open_action.shortcut().toString(),
        fa.quit_action.shortcut().toString(),
    ] == ["Ctrl+N", "Ctrl+O", "Ctrl+Q"]


def test_new_database_opens_in_a_new_window_and_joins_recent_files(
    qtbot, monkeypatch, tmp_path, window, settings
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "board.db"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "board"), ""))
    )
    window.file_actions.new_action.trigger()
    new = file_actions._windows[-1]  # deletes itself when closed
    assert target.exists()
    assert new.context.database.path == target
    assert new.windowTitle() == "board.db — SST Desktop"
    assert not window.isVisible()
    assert file_actions.recent_files(settings)[0] == str(target.resolve())
    # The new database is empty and usable.
    assert committees.list_committees(new.context.database) == []
    new.close()


def test_new_database_never_overwrites_a_file(monkeypatch, tmp_path, window) -> None:  # type: ignore[no-untyped-def]
    boxes = capture_message_boxes(monkeypatch)
    existing = tmp_path / "minutes.db"
    existing.write_bytes(b"precious")
    assert window.file_actions.new_database(existing) is None
    assert existing.read_bytes() == b"precious"
    assert "already exists" in boxes.texts()


def test_open_a_file_that_is_not_a_database_explains_and_leaves_it_alone(
    monkeypatch, tmp_path, window
) -> None:  # type: ignore[no-untyped-def]
    notes = tmp_path / "notes.db"
    notes.write_text("Minutes of the meeting held on 17 March 2022", encoding="utf-8")
    before = notes.read_bytes()
    asked: list[str] = []

    def ask(_parent, error, *, has_backups, at_start):  # type: ignore[no-untyped-def]
        asked.append(error.message)
        return open_flow.Choice.GIVE_UP

    monkeypatch.setattr(open_flow, "ask_what_next", ask)
    assert window.file_actions.open_database(notes) is None
    assert asked and "not an SST Desktop database" in asked[0]
    assert notes.read_bytes() == before
    assert window.isVisible()  # still working on the database that was open


def test_open_flow_choose_another_file_then_open(qtbot, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"\x00" * 10)
    good = tmp_path / "good.db"
    open_path(good, backup_dir=tmp_path / "b").dispose()
    choices = [open_flow.Choice.ANOTHER_FILE]
    monkeypatch.setattr(open_flow, "ask_what_next", lambda *a, **k: choices.pop(0))
    monkeypatch.setattr(open_flow, "choose_database_file", lambda *a, **k: good)
    database = open_flow.open_interactively(None, broken, at_start=True)
    assert database is not None and database.path == good
    assert broken.read_bytes() == b"\x00" * 10
    database.dispose()


def test_open_flow_open_a_backup_copies_it_to_a_new_file(qtbot, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    live = tmp_path / "sst.db"
    db = open_path(live, backup_dir=tmp_path / "backups")
    people.create_person(db, PersonPatch(first_name="Trish", last_name="Hardy"))
    db.dispose()
    backup = tmp_path / "backup-copy.db"
    from sst_desktop.storage.backup import backup_to

    backup_to(live, backup)
    live.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)  # damaged since
    damaged = live.read_bytes()
    restored = tmp_path / "sst-restored.db"
    monkeypatch.setattr(open_flow, "_backups_of", lambda _path: [backup])
    monkeypatch.setattr(open_flow, "ask_what_next", lambda *a, **k: open_flow.Choice.BACKUP)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(backup), "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(restored), "")))
    database = open_flow.open_interactively(None, live, at_start=True)
    assert database is not None and database.path == restored
    assert [p.last_name for p in people.list_people(database)] == ["Hardy"]
    assert live.read_bytes() == damaged  # the refused file is left as it was
    database.dispose()


def test_recent_files_menu_lists_other_databases_and_forgets_missing_ones(
    monkeypatch, tmp_path, window, settings
) -> None:  # type: ignore[no-untyped-def]
    boxes = capture_message_boxes(monkeypatch)
    gone = tmp_path / "gone.db"
    file_actions.remember_recent(settings, gone)
    window.file_actions._fill_recent()
    labels = [a.text() for a in window.file_actions.recent_menu.actions() if not a.isSeparator()]
    assert labels[0] == "&1  gone.db" and labels[-1] == "Clear the list"
    assert window.file_actions.open_recent(str(gone.resolve())) is None
    assert "no longer exists" in boxes.texts()
    assert str(gone.resolve()) not in file_actions.recent_files(settings)


def test_closing_saves_an_edit_in_progress(qtbot, db, window) -> None:  # type: ignore[no-untyped-def]
    details = window.page("committees").details
    details.venue.setFocus()
    details.venue.setText("Southport Town Hall")  # typed, not yet confirmed with Enter or Tab
    window.close()
    assert committees.find_committee(db, "SST").default_venue == "Southport Town Hall"


def test_read_only_notices_are_shown(qtbot, db, settings) -> None:  # type: ignore[no-untyped-def]
    db.notices.append("sst.db is read-only: you can read everything but not change it.")
    win = MainWindow(AppContext(db), settings)
    qtbot.addWidget(win)
    win.show()
    assert not win.notice_bar.isHidden()
    assert "read-only" in win.notice_text.text()


def test_second_window_settings_are_separate_from_the_users(settings: QSettings, tmp_path: Path) -> None:
    assert Path(settings.fileName()).is_relative_to(tmp_path)


def test_the_open_time_backup_is_taken_after_the_window_shows(qtbot, db, settings) -> None:  # type: ignore[no-untyped-def]
    from sst_desktop.storage.backup import list_backups

    assert list_backups(db.path) == []
    window = file_actions.open_window(db, settings=settings)
    qtbot.waitUntil(lambda: len(list_backups(db.path)) == 1, timeout=5000)
    assert list_backups(db.path)[0].reason == "open"
    window.close()


def test_deferred_work_waits_for_the_first_paint(qtbot, context, settings) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(context, settings)
    qtbot.addWidget(win)
    ran: list[bool] = []
    win.defer(lambda: ran.append(win._painted))
    qtbot.wait(50)
    assert ran == []  # not shown, not painted: nothing ran
    win.show()
    qtbot.waitUntil(lambda: ran == [True])
    win.defer(lambda: ran.append(True))
    qtbot.waitUntil(lambda: len(ran) == 2)


def test_ctrl_z_in_a_saved_field_undoes_the_saved_edit(qtbot, db, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    window.activateWindow()
    qtbot.waitActive(window)
    venue = window.page("committees").details.venue
    venue.setFocus()
    venue.selectAll()
    qtbot.keyClicks(venue, "Southport Town Hall")
    qtbot.keyClick(venue, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # while typing: the text
    assert venue.text() != "Southport Town Hall"
    venue.setText("Southport Town Hall")
    qtbot.keyClick(venue, Qt.Key.Key_Return)
    settle(qtbot)
    assert committees.find_committee(db, "SST").default_venue == "Southport Town Hall"
    qtbot.keyClick(venue, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # saved: the edit
    settle(qtbot)
    assert committees.find_committee(db, "SST").default_venue == "Bootle Town Hall"
    assert venue.text() == "Bootle Town Hall"
    qtbot.keyClick(
        venue, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    settle(qtbot)
    assert committees.find_committee(db, "SST").default_venue == "Southport Town Hall"


def test_go_to_minute_opens_minute_taking_at_that_item(qtbot, db, settings) -> None:  # type: ignore[no-untyped-def]
    """The action log's "go to minute" lands on the minute the action came from."""
    from PySide6.QtCore import Qt

    from tests.minutes_data import build_seed_meeting

    seed = build_seed_meeting(db)
    context = AppContext(db)
    win = MainWindow(context, settings)
    qtbot.addWidget(win)
    win.show()
    minute_id = seed.minute_ids[5]
    context.open_minute_requested.emit(minute_id)
    settle(qtbot)
    taking = win.page("minutes").windows[seed.meeting_id]
    assert taking.isVisible()
    row = taking.agenda_list.currentItem()
    assert row is not None and row.data(0, Qt.ItemDataRole.UserRole) == seed.item_ids[5]
    assert taking.editor.isVisible()
    win.page("minutes").close_windows()
