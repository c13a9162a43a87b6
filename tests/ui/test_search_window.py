"""The search window, driven with real keys: Ctrl+K from any screen, results as you type, filters, the
confidential tick box, Enter opening a result where it lives, and the box under the navigation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sst_desktop.services.search import Kind
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.main_window import MainWindow
from sst_desktop.ui.search.navigate import search_window
from sst_desktop.ui.search.window import SearchWindow
from tests.search_world import Record, build
from tests.ui.waiting import settle


@pytest.fixture
def world(context: AppContext) -> Record:
    return build(context.database)


@pytest.fixture
def window(qtbot, context: AppContext, settings, world: Record) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(context, settings)
    qtbot.addWidget(win)
    win.show()
    settle(qtbot)
    return win


def open_search(qtbot, window: MainWindow) -> SearchWindow:  # type: ignore[no-untyped-def]
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    found = search_window(window)
    qtbot.waitUntil(found.isVisible)
    settle(qtbot)
    return found


def type_query(qtbot, search: SearchWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    search.query.clear()
    QTest.keyClicks(search.query, text)
    settle(qtbot)


def shown(search: SearchWindow) -> list[tuple[Kind, int]]:
    return [(hit.kind, hit.source_id) for hit in search.model.rows if not isinstance(hit, str)]


def test_ctrl_k_from_any_screen_and_results_as_you_type(qtbot, window: MainWindow, world: Record) -> None:  # type: ignore[no-untyped-def]
    window.show_page("people")
    search = open_search(qtbot, window)
    assert QApplication.focusWidget() is search.query
    QTest.keyClicks(search.query, "taxi mar")
    settle(qtbot)
    assert (Kind.MINUTE, world.taxi_minute) in shown(search)
    assert isinstance(search.model.rows[0], str) and "8 December 2022" in search.model.rows[0]
    assert "results, newest meeting first" in search.status.text()
    QTest.keyClicks(search.query, "q")  # "taxi marq": nothing
    settle(qtbot)
    assert shown(search) == []
    assert search.status.text().startswith("Nothing found")


def test_only_the_latest_keystrokes_results_are_shown(qtbot, window: MainWindow, world: Record) -> None:  # type: ignore[no-untyped-def]
    search = open_search(qtbot, window)
    for letter in "benchmarks":
        QTest.keyClick(search.query, letter)  # answers come back after every keystroke was sent
    settle(qtbot)
    assert shown(search) == [(Kind.REPORT, world.report)]
    assert search.hits[0].page == 2


def test_confidential_tick_box_and_marking(qtbot, window: MainWindow, world: Record) -> None:  # type: ignore[no-untyped-def]
    search = open_search(qtbot, window)
    type_query(qtbot, search, "homicide resident")
    assert shown(search) == []
    qtbot.mouseClick(search.confidential, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert shown(search) == [(Kind.MINUTE, world.exempt_minute)]
    assert search.hits[0].confidential
    index = search.model.index(search.model.first_hit_row())
    assert index.data().startswith("CONFIDENTIAL ")


def test_filters_by_kind_and_committee(qtbot, window: MainWindow, world: Record) -> None:  # type: ignore[no-untyped-def]
    search = open_search(qtbot, window)
    type_query(qtbot, search, "taxi")
    search.kind.setCurrentIndex(search.kind.findText("Decisions (resolutions)"))
    settle(qtbot)
    assert {kind for kind, _ in shown(search)} == {Kind.RESOLUTION}
    search.kind.setCurrentIndex(0)
    search.order.setCurrentIndex(search.order.findData("best"))
    settle(qtbot)
    assert "best match first" in search.status.text() and shown(search)
    search.committee.setCurrentIndex(search.committee.findData(world.prevent))
    settle(qtbot)
    assert shown(search) == []


def test_enter_opens_a_minute_in_minute_taking(qtbot, window: MainWindow, world: Record) -> None:  # type: ignore[no-untyped-def]
    opened: list[int] = []
    window.context.open_minute_requested.disconnect(window.open_minute)
    window.context.open_minute_requested.connect(opened.append)
    search = open_search(qtbot, window)
    type_query(qtbot, search, '"taxi marshalling pilot"')
    assert shown(search)[0][0] == Kind.RESOLUTION
    QTest.keyClick(search.query, Qt.Key.Key_Return)
    assert opened == [world.taxi_minute]  # the resolution's minute


def test_enter_opens_an_action_in_the_action_log(qtbot, window: MainWindow, world: Record) -> None:  # type: ignore[no-untyped-def]
    search = open_search(qtbot, window)
    type_query(qtbot, search, "licensing team")
    assert shown(search) == [(Kind.ACTION, world.action)]
    QTest.keyClick(search.query, Qt.Key.Key_Return)
    settle(qtbot)
    assert window.stack.currentWidget() is window.page("actions")
    assert window.page("actions").current_action_id() == world.action  # type: ignore[attr-defined]


def test_down_and_enter_open_an_agenda_item_on_the_meetings_screen(
    qtbot, window: MainWindow, world: Record
) -> None:  # type: ignore[no-untyped-def]
    search = open_search(qtbot, window)
    type_query(qtbot, search, "homicide")
    kinds = [kind for kind, _ in shown(search)]
    assert kinds == [Kind.MINUTE, Kind.ITEM]
    QTest.keyClick(search.query, Qt.Key.Key_Down)
    assert search.current_hit() is not None and search.current_hit().kind == Kind.ITEM
    QTest.keyClick(search.query, Qt.Key.Key_Return)
    settle(qtbot)
    page = window.page("meetings")
    assert window.stack.currentWidget() is page
    assert page.tabs.currentWidget() is page.builder  # type: ignore[attr-defined]
    assert page.builder.current_item().id == world.exempt_item  # type: ignore[attr-defined]


def test_the_navigation_box_opens_search_with_what_was_typed(
    qtbot, window: MainWindow, world: Record
) -> None:  # type: ignore[no-untyped-def]
    box = window.navigation_search  # type: ignore[attr-defined]
    QTest.keyClicks(box, "b")
    search = search_window(window)
    qtbot.waitUntil(search.isVisible)
    assert search.query.text() == "b" and box.text() == ""
    assert search.query.cursorPosition() == 1  # typing goes on where it left off
    QTest.keyClicks(search.query, "urnett")
    settle(qtbot)
    assert search.query.text() == "burnett"
    assert (Kind.PERSON, world.person) in shown(search)


def test_search_window_at_laptop_size(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    search = open_search(qtbot, window)
    search.resize(1366, 700)
    type_query(qtbot, search, "taxi")
    assert search.results.viewport().width() > 1000
    assert not search.grab().isNull()
