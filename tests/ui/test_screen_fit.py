"""Every window and dialog fits a 1366×768 laptop and comes back where it was left.

The tests run on an offscreen screen of 1366×728 (the laptop less its taskbar, see tests/conftest.py).
Each window and dialog of ``window_catalogue`` is opened on the demo data at the size it chooses for
itself; its frame must lie on the screen and none of its tables, lists or panes may need scrolling
sideways to be read.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea, QWidget

from sst_desktop.ui.main_window import MainWindow
from sst_desktop.ui.minutes.declarations import DeclarationDialog
from sst_desktop.ui.minutes.minute_taking import MinuteTakingWindow
from tests.ui.window_catalogue import LAPTOP, OPENERS, dialog_classes, settle


def scrolled_sideways(window: QWidget) -> list[str]:
    """The panes of ``window`` that show a horizontal scroll bar, or cut off what they hold on the
    right (a scroll area with its horizontal bar turned off, holding something wider than itself)."""
    return [
        f"{type(area).__name__} {area.objectName() or ''}".strip()
        for area in window.findChildren(QAbstractScrollArea)
        if area.isVisible()
        and area.window() is window
        and (
            area.horizontalScrollBar().isVisible()
            or (
                isinstance(area, QScrollArea)
                and area.widget() is not None
                and area.widget().width() > area.viewport().width()
            )
        )
    ]


@pytest.mark.parametrize("name", list(OPENERS))
def test_window_fits_a_laptop_and_needs_no_sideways_scrolling(qtbot, catalogue, name) -> None:  # type: ignore[no-untyped-def]
    window = catalogue.open(name)
    qtbot.waitExposed(window)
    settle(qtbot)
    area = window.screen().availableGeometry()
    frame = window.frameGeometry()
    assert area.contains(frame), f"{name}: frame {frame} is not on the screen {area}"
    assert frame.width() <= LAPTOP.width() and frame.height() <= LAPTOP.height()
    assert scrolled_sideways(window) == [], name


@pytest.fixture
def large_text(qapp):  # type: ignore[no-untyped-def]
    """Text scaled to 150%, as Windows' "Make text bigger" does, for the test; then back."""
    before = qapp.font()
    bigger = QFont(before)
    bigger.setPointSizeF(before.pointSizeF() * 1.5)
    qapp.setFont(bigger)
    yield
    qapp.setFont(before)


@pytest.mark.parametrize("name", list(OPENERS))
def test_window_fits_a_laptop_with_text_at_150_percent(qtbot, large_text, catalogue, name) -> None:  # type: ignore[no-untyped-def]
    window = catalogue.open(name)
    qtbot.waitExposed(window)
    settle(qtbot)
    area = window.screen().availableGeometry()
    frame = window.frameGeometry()
    assert area.contains(frame), f"{name}: frame {frame} is not on the screen {area}"
    assert scrolled_sideways(window) == [], name


def test_every_window_and_dialog_is_in_the_catalogue(qtbot, catalogue) -> None:  # type: ignore[no-untyped-def]
    shown = {type(catalogue.open(name)) for name in OPENERS}
    missing = {cls.__qualname__ for cls in dialog_classes() - shown}
    assert missing == set(), "add these to tests/ui/window_catalogue.py"


def test_minute_taking_fits_every_item_of_a_meeting(qtbot, catalogue) -> None:  # type: ignore[no-untyped-def]
    window: MinuteTakingWindow = catalogue.open("minute-taking-register")
    settle(qtbot)
    for item in [None, *window.session.items]:
        window.go_to(item.id if item else None)
        settle(qtbot)
        assert scrolled_sideways(window) == [], item.title if item else "Register"
    # The register's add row and the shortcut hints are on the screen, not below it.
    area = window.screen().availableGeometry()
    window.show_register()
    settle(qtbot)
    for widget in (window.register.add_member_button, window.statusBar()):
        corner = widget.mapToGlobal(widget.rect().bottomRight())
        assert area.contains(corner), widget


def test_geometry_is_remembered_across_reopening(qtbot, catalogue) -> None:  # type: ignore[no-untyped-def]
    window = catalogue.open("minute-taking-register")
    window.setGeometry(QRect(120, 60, 1100, 600))
    window.close()
    reopened = catalogue.open("minute-taking-register")
    assert reopened is not window
    assert reopened.geometry() == QRect(120, 60, 1100, 600)

    dialog = catalogue.open("declaration")
    dialog.setGeometry(QRect(200, 100, 700, 480))
    dialog.close()
    again = catalogue.open("declaration")
    assert isinstance(again, DeclarationDialog) and again is not dialog
    assert again.geometry() == QRect(200, 100, 700, 480)


def test_a_remembered_geometry_larger_than_the_screen_is_fitted_onto_it(qtbot, catalogue) -> None:  # type: ignore[no-untyped-def]
    """Saved on a 1920×1080 monitor, opened on the laptop: the window comes back whole, on screen."""
    window = catalogue.open("history")
    window.setGeometry(QRect(900, 500, 1800, 1000))
    window.close()
    again = catalogue.open("history")
    area = again.screen().availableGeometry()
    assert area.contains(again.frameGeometry())
    assert again.width() >= again.minimumSizeHint().width()


def test_a_window_sized_by_its_caller_keeps_that_size_within_the_screen(qtbot, context, settings) -> None:  # type: ignore[no-untyped-def]
    sized = MainWindow(context, settings)
    qtbot.addWidget(sized)
    sized.resize(1000, 600)
    sized.show()
    assert (sized.width(), sized.height()) == (1000, 600)  # not the preferred size
    huge = MainWindow(context, settings)
    qtbot.addWidget(huge)
    huge.resize(3000, 2000)
    huge.show()
    assert huge.screen().availableGeometry().contains(huge.frameGeometry())


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_the_documents_tab_keeps_its_form_whole_beside_or_above_the_preview(
    qtbot, qapp, catalogue, scale
) -> None:  # type: ignore[no-untyped-def]
    before = qapp.font()
    bigger = QFont(before)
    bigger.setPointSizeF(before.pointSizeF() * scale)
    qapp.setFont(bigger)
    try:
        window = catalogue.open("main-window-committees")
        qtbot.waitExposed(window)
        page = window.page("committees")
        page.tabs.setCurrentWidget(page.documents)
        tab = page.documents
        qtbot.waitUntil(lambda: not tab.preview.pixmap().isNull(), timeout=10_000)  # the page drawn
        settle(qtbot)
        assert scrolled_sideways(window) == [], scale
        form = tab.form_scroll.geometry()
        preview = tab.preview_box.geometry()
        assert not form.intersects(preview), f"the preview {preview} lies over the form {form}"
        side_by_side = tab.splitter.orientation().name == "Horizontal"
        assert side_by_side == (scale == 1.0)  # at 150% on a laptop the page goes under the form
    finally:
        qapp.setFont(before)
