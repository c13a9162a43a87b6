"""File → Publish website…: the dialog publishes a committee's website, remembers the folder, and
says clearly what is wrong with what was typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from sst_desktop.services import minutes
from sst_desktop.ui import file_actions
from sst_desktop.ui.publish_dialog import PublishDialog
from tests.meeting_factory import make_sst
from tests.ui.test_backup_actions import close_if_open, menu_action, on_next_modal
from tests.ui.waiting import settle


@pytest.fixture
def window(qtbot, db, settings):  # type: ignore[no-untyped-def]
    sst = make_sst(db, venue="Bootle Town Hall")
    minutes.open_minutes(db, sst.june)
    win = file_actions.open_window(db, settings=settings)
    settle(qtbot)
    yield win
    close_if_open(win)


def open_dialog(qtbot, window) -> PublishDialog:  # type: ignore[no-untyped-def]
    menu_action(window, "file-publish").trigger()
    dialog = window.file_actions.publish_actions.dialog
    assert isinstance(dialog, PublishDialog)
    settle(qtbot)
    qtbot.waitUntil(lambda: dialog.committee.count() > 0)
    return dialog


def test_publishing_from_the_file_menu(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, window)
    assert dialog.committee.currentText() == "Safer Sefton Together"
    site = tmp_path / "site"
    qtbot.keyClicks(dialog.folder, str(site))
    qtbot.mouseClick(dialog.with_actions, Qt.MouseButton.LeftButton, pos=dialog.with_actions.rect().center())
    assert dialog.with_actions.isChecked()
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.published is not None, timeout=20_000)
    assert (site / "index.html").is_file() and (site / "actions.html").is_file()
    assert "22 June 2022" in (site / "index.html").read_text(encoding="utf-8")
    assert dialog.message.text().startswith(f"Published Safer Sefton Together to {site}:")
    assert dialog.open_button.isEnabled()
    dialog.close()

    again = open_dialog(qtbot, window)
    assert again.folder.text() == str(site) and again.with_actions.isChecked()  # remembered for the committee
    qtbot.mouseClick(again.publish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.published is not None, timeout=20_000)
    assert ": 0 files written" in again.message.text()


def test_a_first_date_leaves_out_earlier_meetings(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.folder, str(tmp_path / "site"))
    qtbot.keyClicks(dialog.since, "01/07/2022")
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.published is not None, timeout=20_000)
    published = sorted(p.name for p in (tmp_path / "site" / "meetings").iterdir())
    assert published == ["2022-09-08.html", "2022-12-08.html"]  # not June


def test_what_is_wrong_is_said_and_nothing_is_written(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Choose the folder to publish the website to."
    qtbot.keyClicks(dialog.folder, str(tmp_path / "missing" / "site"))
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == f"The folder {tmp_path / 'missing'} does not exist."
    dialog.folder.clear()
    qtbot.keyClicks(dialog.folder, str(tmp_path / "site"))
    qtbot.keyClicks(dialog.since, "31/02/2022")
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    assert "is not a date" in dialog.message.text()
    assert not (tmp_path / "site").exists()


def test_a_folder_of_other_files_is_refused_with_a_message(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "home.html").write_text("the council's own page")
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.folder, str(tmp_path))
    texts: list[str] = []
    on_next_modal(lambda box: (texts.append(box.text()), box.accept()), QMessageBox)
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(texts), timeout=20_000)
    assert "already holds other files" in texts[0]
    assert (tmp_path / "home.html").read_text() == "the council's own page"
    qtbot.waitUntil(dialog.publish_button.isEnabled)
