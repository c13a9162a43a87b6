"""How the controls look in the house style: spin and time boxes with arrows, a toggle that shows it
is on, and confirmed minutes that read as a record rather than a form."""

from __future__ import annotations

from PySide6.QtCore import QRect, QTime
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractSpinBox, QSpinBox, QTimeEdit

from tests.ui.window_catalogue import MARCH


def dark_shape(image: QImage, area: QRect) -> QRect:
    """The bounding box of the dark pixels in ``area`` (what is drawn there), relative to it."""
    found = [
        (x - area.left(), y - area.top())
        for x in range(area.left(), area.right() + 1)
        for y in range(area.top(), area.bottom() + 1)
        if QColor(image.pixel(x, y)).lightness() < 170
    ]
    if not found:
        return QRect()
    xs, ys = [x for x, _ in found], [y for _, y in found]
    return QRect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


def test_spin_and_time_boxes_show_their_arrows(qtbot, house_style) -> None:  # type: ignore[no-untyped-def]
    days = QSpinBox()
    days.setValue(14)  # (at its minimum a box shows its down arrow greyed)
    boxes: list[QAbstractSpinBox] = [days, QTimeEdit(QTime(10, 0))]
    for box in boxes:
        qtbot.addWidget(box)
        box.resize(160, 32)
        box.show()
        qtbot.waitExposed(box)
        image = box.grab().toImage()
        strip = QRect(box.width() - 18, 3, 14, box.height() - 6)  # where the buttons are
        up = QRect(strip.left(), strip.top(), strip.width(), strip.height() // 2)
        down = QRect(strip.left(), up.bottom() + 1, strip.width(), strip.height() - up.height())
        for half in (up, down):
            # An arrow head: a few pixels wide and tall (a box drawn without arrows leaves only a
            # line along the button's edge).
            shape = dark_shape(image, half)
            assert 4 <= shape.width() <= 10 and 3 <= shape.height() <= 8, (type(box).__name__, shape)


def test_next_meeting_toggle_looks_different_on_and_off(qtbot, catalogue) -> None:  # type: ignore[no-untyped-def]
    window = catalogue.open("minute-taking-minute")
    row = window.editor.actions_list.ordered_rows()[0]
    toggle = row.next_meeting
    toggle.setChecked(False)
    off = QColor(toggle.grab().toImage().pixel(6, toggle.height() // 2))
    toggle.setChecked(True)
    on = QColor(toggle.grab().toImage().pixel(6, toggle.height() // 2))
    assert off.lightness() > 200  # a plain button
    assert on.lightness() < 120 and on.blue() > on.red()  # filled with the house blue


def test_confirmed_minutes_look_read_only(qtbot, catalogue) -> None:  # type: ignore[no-untyped-def]
    window = catalogue.minute_taking(MARCH, "Violence Against Women and Girls – Partner Reports")
    window.show()
    qtbot.waitExposed(window)
    editor = window.editor
    assert window.banner.isVisible()
    assert "Confirmed on 22 June 2022 — read only." in window.banner.text()
    assert "read only" in window.statusBar().currentMessage().casefold()
    # Nothing invites typing: no empty boxes for a new resolution or action, no phrases to insert,
    # no placeholder in place of a narrative.
    assert not editor.resolutions.new_edit.isVisible()
    assert not editor.actions_list.new_edit.isVisible()
    assert not any(b.isVisible() for b in editor.resolutions.phrase_buttons.values())
    assert not editor.declarations.add_button.isVisible()
    assert editor.narrative.placeholderText() == ""
    # The narrative is text on the page: no white box with a border around it.
    image = editor.narrative.grab().toImage()
    edge = QColor(image.pixel(0, image.height() // 2))
    inside = QColor(image.pixel(8, image.height() - 4))
    assert edge == inside
    window.show_register()
    assert not window.register.person_picker.isVisible()
    assert not window.register.buttons["P"].isVisible()


def test_draft_minutes_still_invite_typing(qtbot, catalogue) -> None:  # type: ignore[no-untyped-def]
    window = catalogue.open("minute-taking-minute")
    editor = window.editor
    assert editor.resolutions.new_edit.isVisible() and editor.actions_list.new_edit.isVisible()
    assert editor.narrative.placeholderText()
    image = editor.narrative.grab().toImage()
    assert QColor(image.pixel(0, image.height() // 2)) != QColor(image.pixel(8, image.height() - 4))
