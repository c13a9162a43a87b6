"""Pasted control characters and line breaks: a one-line field refuses a line break, and a control
character is replaced by a space, not dropped (which runs words together); the officer is told, sees
the text as it will be saved, and saves it with Enter (or OK again in a dialog)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from sst_desktop.services import committees
from tests.ui import test_directory_committees as committee_screen
from tests.ui.directory_support import capture_message_boxes, drive_dialog
from tests.ui.waiting import settle

sample, page = committee_screen.sample, committee_screen.page  # the committee screen's fixtures


def paste(qtbot, box, text: str) -> None:  # type: ignore[no-untyped-def]
    """Replace the box's text by pasting ``text``, as from another program."""
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QGuiApplication.clipboard().setText(text)
    qtbot.keyClick(box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert text in (box.text() if hasattr(box, "text") else box.toPlainText())


def test_a_line_break_in_the_committee_name_is_refused_and_the_joined_name_offered(
    qtbot, monkeypatch, db, sample, page
) -> None:  # type: ignore[no-untyped-def]
    boxes = capture_message_boxes(monkeypatch)
    name = page.details.name
    paste(qtbot, name, "Safer Sefton\nPartnership")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    settle(qtbot)

    assert "The committee's name must be on one line" in boxes.texts()
    assert committees.get_committee(db, sample.sst).name == "Safer Sefton Together"  # as it was
    assert name.text() == "Safer Sefton Partnership" and name.property("error")
    assert "must be on one line" in name.toolTip()

    qtbot.keyClick(name, Qt.Key.Key_Return)  # saved as shown
    settle(qtbot)
    assert committees.get_committee(db, sample.sst).name == "Safer Sefton Partnership"
    assert not name.property("error")
    assert len(boxes.shown) == 1


@pytest.mark.parametrize(
    ("pasted", "told", "saved"),
    [
        ("Southport Town\x0bHall", "must be on one line", "Southport Town Hall"),  # Word's line break
        ("Southport\x07Town Hall", "control character (U+0007)", "Southport Town Hall"),
        ("Southport Town\tHall", "a tab", "Southport Town Hall"),
    ],
)
def test_a_control_character_in_the_venue_becomes_a_space_and_the_officer_is_told(
    qtbot, monkeypatch, db, sample, page, pasted: str, told: str, saved: str
) -> None:  # type: ignore[no-untyped-def]
    boxes = capture_message_boxes(monkeypatch)
    venue = page.details.venue
    paste(qtbot, venue, pasted)
    qtbot.keyClick(venue, Qt.Key.Key_Return)
    settle(qtbot)
    assert told in boxes.texts() and "The venue" in boxes.texts()
    assert committees.get_committee(db, sample.sst).default_venue != saved
    assert venue.text() == saved  # never "SouthportTown Hall"
    qtbot.keyClick(venue, Qt.Key.Key_Return)
    settle(qtbot)
    assert committees.get_committee(db, sample.sst).default_venue == saved


def test_a_dialog_shows_the_cleaned_text_and_saves_it_on_ok_again(qtbot, monkeypatch, db, page) -> None:  # type: ignore[no-untyped-def]
    boxes = capture_message_boxes(monkeypatch)
    seen: list[str] = []

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        paste(qtbot, dialog.name, "Peer Review\x00Working Group")
        qtbot.keyClicks(dialog.short_name, "PRWG")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        ok.click()
        settle(qtbot)  # the refusal comes back and the cleaned name is shown
        seen.append(dialog.name.text())
        ok.click()

    drive_dialog(qtbot, lambda: qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton), fill)
    assert "had a NUL character in it" in boxes.texts()
    assert seen == ["Peer Review Working Group"]
    assert committees.find_committee(db, "PRWG").name == "Peer Review Working Group"


def test_a_resolution_typed_live_gets_the_space_too(qtbot, monkeypatch, context, settings, db) -> None:  # type: ignore[no-untyped-def]
    from sst_desktop.services import minutes
    from tests.minutes_data import build_committee_and_meetings
    from tests.ui.minute_window import open_minute_taking

    seed = build_committee_and_meetings(db)
    window = open_minute_taking(context, seed.meeting_id, settings)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot)
    window.go_to(seed.item_ids[3])
    settle(qtbot)
    boxes = capture_message_boxes(monkeypatch)
    new = window.editor.resolutions.new_edit
    paste(qtbot, new, "the report be\x07noted")
    qtbot.keyClick(new, Qt.Key.Key_Return)
    settle(qtbot)
    assert "The resolution had a control character (U+0007)" in boxes.texts()
    assert new.toPlainText() == "the report be noted"
    assert minutes.minute_for_item(db, seed.item_ids[3]).resolutions == ()
    qtbot.keyClick(new, Qt.Key.Key_Return)
    settle(qtbot)
    assert [r.text for r in minutes.minute_for_item(db, seed.item_ids[3]).resolutions] == [
        "the report be noted"
    ]
