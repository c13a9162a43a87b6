"""A screen reader can use every window: each interactive control has a name, tables say their
column headers, and the minute-taking save indicator is announced.

Every window and dialog of ``window_catalogue`` is opened on the demo data and its accessibility tree
(``QAccessible``, what a screen reader reads) is walked.
"""

from __future__ import annotations

import pytest

from tests.ui.accessibility_tree import column_headers, controls
from tests.ui.window_catalogue import OPENERS, settle


@pytest.mark.parametrize("name", list(OPENERS))
def test_every_interactive_control_has_a_name(qtbot, catalogue, name) -> None:  # type: ignore[no-untyped-def]
    window = catalogue.open(name)
    qtbot.waitExposed(window)
    settle(qtbot)
    found = controls(window)
    assert found, f"{name}: no controls found: the walk is broken"
    unnamed = [str(c) for c in found if not c.name]
    assert unnamed == [], f"{name}: controls a screen reader cannot name"


@pytest.mark.parametrize("name", [n for n in OPENERS if n.startswith("main-window")])
def test_tables_say_their_column_headers(qtbot, catalogue, name) -> None:  # type: ignore[no-untyped-def]
    window = catalogue.open(name)
    qtbot.waitExposed(window)
    settle(qtbot)
    for table, headers in column_headers(window).items():
        if headers:
            assert all(h.strip() for h in headers), (
                f"{name}: the table {table!r} has unnamed columns {headers}"
            )


def test_the_save_indicator_announces_saving_stopped_and_recovered(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A screen reader hears "Not saved — retrying" when a save fails, and "Saved" once it succeeds,
    without being told every routine save."""
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    from sst_desktop.ui.minutes.autosave import Autosaver, SaveState
    from sst_desktop.ui.minutes.widgets import SaveIndicator

    heard: list[str] = []

    def hear(event: object) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            heard.append(event.message())

    monkeypatch.setattr(QAccessible, "updateAccessibility", hear)
    attempts: list[int] = []

    def flaky() -> None:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError(28, "No space left on device")

    saver = Autosaver(idle_ms=10, max_wait_ms=50, retry_ms=50)
    indicator = SaveIndicator(saver)
    qtbot.addWidget(indicator)
    saver.schedule("narrative", lambda: None)
    qtbot.waitUntil(lambda: saver.state is SaveState.SAVED and not saver.has_pending, timeout=2000)
    assert heard == []  # a routine save is not announced
    saver.schedule("narrative", flaky)
    qtbot.waitUntil(lambda: saver.state is SaveState.ERROR, timeout=2000)
    qtbot.waitUntil(lambda: saver.state is SaveState.SAVED and not saver.has_pending, timeout=2000)
    assert heard[0] == "Not saved — retrying"
    assert heard[-1].startswith("Saved")
    assert indicator.accessibleDescription() == "Everything you typed is in the database."


@pytest.mark.parametrize("name", list(OPENERS))
def test_focus_is_always_visible(qtbot, catalogue, name) -> None:  # type: ignore[no-untyped-def]
    """Every control the keyboard reaches looks different when it has the focus."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QWidget

    window = catalogue.open(name)
    qtbot.waitExposed(window)
    settle(qtbot)
    reachable = [
        w
        for w in window.findChildren(QWidget)
        if w.isVisible()
        and w.isEnabled()
        and w.window() is window
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
        and w.width() > 4
    ]
    assert reachable, f"{name}: nothing takes the focus"
    unseen = []
    for widget in reachable[:30]:
        widget.clearFocus()
        QApplication.processEvents()
        before = widget.grab().toImage()
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        if widget.hasFocus() and widget.grab().toImage() == before:
            unseen.append(f"{type(widget).__name__}#{widget.objectName()}")
    assert unseen == [], f"{name}: focus not visible on"


@pytest.mark.parametrize("name", list(OPENERS))
def test_tab_order_follows_the_screen(qtbot, catalogue, name) -> None:  # type: ignore[no-untyped-def]
    """Tab goes through the controls as they are read on the screen: down the page, and across to
    the next column, never back up to a control above and to the left (once round, at the end,
    it starts again at the top)."""
    from PySide6.QtCore import QPoint, Qt

    window = catalogue.open(name)
    qtbot.waitExposed(window)
    settle(qtbot)
    chain = []
    widget = window.nextInFocusChain()
    while widget is not window and len(chain) < 2000:
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.window() is window
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
        ):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain, f"{name}: nothing takes the focus"
    places = [w.mapTo(window, QPoint(0, 0)) for w in chain]
    back_up = [
        f"{type(a).__name__}#{a.objectName()} → {type(b).__name__}#{b.objectName()}"
        for a, b, pa, pb in zip(chain, chain[1:], places, places[1:], strict=False)
        if pb.y() < pa.y() - 10 and pb.x() <= pa.x()
    ]
    assert back_up == [], f"{name}: Tab jumps back up"
