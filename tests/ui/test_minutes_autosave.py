"""The autosaver: writes follow the typing within a second, never block it, and never drop text."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from sst_desktop.services.errors import ConfirmedMinutesError
from sst_desktop.ui.minutes.autosave import Autosaver, SaveState
from tests.ui.waiting import settle


def test_latest_edit_per_key_is_written_once_typing_pauses(qtbot) -> None:  # type: ignore[no-untyped-def]
    written: list[str] = []
    saver = Autosaver(idle_ms=100, max_wait_ms=600)
    for text in ("M", "Me", "Mem", "Memb"):
        saver.schedule("narrative", lambda t=text: written.append(t))
    assert saver.state is SaveState.PENDING
    assert written == []  # nothing is written on the keystroke itself
    qtbot.waitUntil(lambda: saver.state is SaveState.SAVED, timeout=2000)
    assert written == ["Memb"]
    assert saver.last_saved_at is not None


def test_continuous_typing_is_still_saved_within_the_maximum_wait(qtbot) -> None:  # type: ignore[no-untyped-def]
    written: list[str] = []
    saver = Autosaver(idle_ms=300, max_wait_ms=500)
    start = time.monotonic()
    text = ""
    # Keep typing faster than the idle delay for well over the maximum wait.
    while time.monotonic() - start < 1.5:
        text += "x"
        saver.schedule("narrative", lambda t=text: written.append(t))
        qtbot.wait(50)
    assert written, "typing without a pause must still reach the database"
    assert len(written) >= 2


def test_flush_writes_everything_now_in_first_changed_order(qtbot) -> None:  # type: ignore[no-untyped-def]
    written: list[str] = []
    saver = Autosaver(idle_ms=10_000, max_wait_ms=10_000)
    saver.schedule("a", lambda: written.append("a1"))
    saver.schedule("b", lambda: written.append("b1"))
    saver.schedule("a", lambda: written.append("a2"))
    assert saver.flush() is True
    assert written == ["b1", "a2"]
    assert not saver.has_pending


def test_a_failing_write_is_kept_and_retried(qtbot) -> None:  # type: ignore[no-untyped-def]
    attempts: list[int] = []

    def flaky() -> None:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError(28, "No space left on device")

    saver = Autosaver(idle_ms=10, max_wait_ms=50, retry_ms=50)
    saver.schedule("narrative", flaky)
    qtbot.waitUntil(lambda: saver.state is SaveState.ERROR, timeout=2000)
    assert saver.has_pending
    qtbot.waitUntil(lambda: saver.state is SaveState.SAVED, timeout=2000)
    assert len(attempts) == 2
    assert not saver.has_pending


def test_a_refused_write_is_dropped_and_reported(qtbot) -> None:  # type: ignore[no-untyped-def]
    saver = Autosaver(idle_ms=10, max_wait_ms=50)
    refused: list[object] = []
    saver.rejected.connect(lambda key, error: refused.append((key, error)))

    def confirmed() -> None:
        raise ConfirmedMinutesError("These minutes are confirmed.")

    saver.schedule("narrative", confirmed)
    qtbot.waitUntil(lambda: bool(refused), timeout=2000)
    assert refused[0][0] == "narrative"
    assert saver.state is SaveState.SAVED
    assert not saver.has_pending


def test_on_the_database_worker_saved_is_said_only_once_the_write_has_run(qtbot) -> None:  # type: ignore[no-untyped-def]
    import threading

    from sst_desktop.ui.operations.worker import database_worker

    written: list[str] = []
    release = threading.Event()
    saver = Autosaver(idle_ms=10_000, max_wait_ms=10_000, worker=database_worker())
    saved: list[str] = []
    saver.saved.connect(lambda key, _result: saved.append(key))

    def slow_write() -> None:
        release.wait(10)  # the database is busy: another program holds the write lock
        written.append("Members noted the report")

    saver.schedule("narrative", slow_write)
    assert saver.flush() is True  # handed to the worker: the window does not wait for it
    assert saver.state is SaveState.PENDING and saver.is_pending("narrative") and saved == []
    release.set()
    settle(qtbot)
    assert written == ["Members noted the report"] and saved == ["narrative"]
    assert saver.state is SaveState.SAVED and not saver.has_pending


@pytest.mark.parametrize("key", ["narrative"])
def test_discard_forgets_a_pending_write(qtbot, key: str) -> None:  # type: ignore[no-untyped-def]
    written: list[str] = []
    saver = Autosaver(idle_ms=10_000)
    saver.schedule(key, lambda: written.append("x"))
    saver.discard(key)
    assert saver.flush() is True
    assert written == []


# The real window: typing reaches the database within a second, off the keystroke path -------------


@pytest.fixture
def seed(db):  # type: ignore[no-untyped-def]
    from tests.minutes_data import build_committee_and_meetings

    return build_committee_and_meetings(db)


@pytest.fixture
def window(qtbot, context, settings, seed):  # type: ignore[no-untyped-def]
    from tests.ui.minute_window import open_minute_taking

    win = open_minute_taking(context, seed.meeting_id, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.go_to(seed.item_ids[3])
    return win


def _text(db, item_id: int) -> str:  # type: ignore[no-untyped-def]
    from sst_desktop.services import minutes

    return minutes.minute_for_item(db, item_id).text


def test_typing_is_saved_within_a_second_of_the_last_keystroke(qtbot, window, db, seed) -> None:  # type: ignore[no-untyped-def]
    narrative = window.editor.narrative
    narrative.setFocus()
    qtbot.keyClicks(narrative, "Members considered a report. ")
    # The keystrokes themselves did not write: the indicator says so, the database has nothing yet.
    assert window.session.saver.state is SaveState.PENDING
    assert window.save_indicator.text() == "Saving…"
    assert _text(db, seed.item_ids[3]) == ""
    qtbot.waitUntil(lambda: _text(db, seed.item_ids[3]) == "Members considered a report. ", timeout=1500)
    qtbot.waitUntil(lambda: window.save_indicator.text().startswith("Saved"), timeout=1000)


def test_unicode_and_markup_round_trip_through_the_editor(qtbot, window, db, seed) -> None:  # type: ignore[no-untyped-def]
    text = "Café – ŵ Łódź Ελλάδα Кириллица عربى 中文 😀 <b> & =SUM(A1)\n\nsecond paragraph"
    window.editor.narrative.setPlainText(text)
    window.session.saver.flush()
    settle(qtbot)
    assert _text(db, seed.item_ids[3]) == text
    window.go_to(seed.item_ids[4])
    window.go_to(seed.item_ids[3])
    assert window.editor.narrative.toPlainText() == text


def test_switching_item_writes_pending_typing_at_once(qtbot, window, db, seed) -> None:  # type: ignore[no-untyped-def]
    narrative = window.editor.narrative
    narrative.setFocus()
    qtbot.keyClicks(narrative, "It was reported that chairs were hard to find.")
    assert window.session.saver.has_pending
    qtbot.keyClick(narrative, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    # No waiting for a pause in the typing: the switch handed it to the database worker at once.
    settle(qtbot)
    assert _text(db, seed.item_ids[3]) == "It was reported that chairs were hard to find."
    assert window.session.current_item.id == seed.item_ids[4]
    assert not window.session.saver.has_pending


def test_closing_writes_pending_typing_and_forgets_the_meeting(qtbot, window, db, seed, settings) -> None:  # type: ignore[no-untyped-def]
    from sst_desktop.ui.minutes.place import remembered

    assert remembered(settings, db.url) == (seed.meeting_id, seed.item_ids[3])
    qtbot.keyClicks(window.editor.narrative, "Last words before closing")
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # qtbot closes it again at the end
    window.close()
    assert _text(db, seed.item_ids[3]) == "Last words before closing"
    assert remembered(settings, db.url) is None  # closed on purpose: not reopened next time


def test_a_restart_reopens_the_meeting_at_the_item(qtbot, context, settings, db, seed) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from sst_desktop.ui.main_window import MainWindow
    from sst_desktop.ui.minutes.page import MinutesPage, resume_minute_taking

    first = MainWindow(context, settings)
    second = None
    try:
        first.show()
        page = first.show_page("minutes")
        assert isinstance(page, MinutesPage)
        settle(qtbot)  # the meetings are read
        assert page.select_meeting(seed.meeting_id)
        if QApplication.activeWindow() is not first:
            with qtbot.waitActive(first):
                first.activateWindow()
        page.table.setFocus()
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
        settle(qtbot)  # the window opens once what it shows is read
        minute_window = page.windows[seed.meeting_id]
        minute_window.go_to(seed.item_ids[6])
        qtbot.keyClicks(minute_window.editor.narrative, "Typed just before the laptop died")
        qtbot.waitUntil(lambda: not minute_window.session.saver.has_pending, timeout=1500)
        # The program stops with the window open (the main window closes around it).
        first.close()
        assert _text(db, seed.item_ids[6]) == "Typed just before the laptop died"

        second = MainWindow(context, settings)
        second.show()
        resume_minute_taking(second)
        settle(qtbot)  # reopened once what it shows is read
        reopened = second.page("minutes").windows.get(seed.meeting_id)
        assert reopened is not None
        assert reopened.session.meeting.id == seed.meeting_id
        assert reopened.session.current_item.id == seed.item_ids[6]
        assert reopened.editor.narrative.toPlainText() == "Typed just before the laptop died"
    finally:
        _dispose(first, second)


def _dispose(*windows) -> None:  # type: ignore[no-untyped-def]
    """Close and delete main windows now, so nothing of them outlives the test."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for window in windows:
        if window is not None:
            window.close()
            window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def test_nothing_is_reopened_for_another_database(qtbot, context, settings, db, seed) -> None:  # type: ignore[no-untyped-def]
    from sst_desktop.ui.main_window import MainWindow
    from sst_desktop.ui.minutes.page import resume_minute_taking
    from sst_desktop.ui.minutes.place import remember

    remember(settings, "sqlite:////elsewhere/other.db", seed.meeting_id, seed.item_ids[2])
    main = MainWindow(context, settings)
    try:
        assert resume_minute_taking(main) is None
        settle(qtbot)
        assert main.page("minutes").windows == {}
    finally:
        _dispose(main)


def test_starting_the_program_reopens_minute_taking(qtbot, qapp, db, seed, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """``run_gui`` itself: after the main window shows, the meeting being minuted comes back."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from sst_desktop.ui import app as app_module
    from sst_desktop.ui import file_actions
    from sst_desktop.ui.minutes.minute_taking import MinuteTakingWindow
    from sst_desktop.ui.minutes.place import remember

    app_module.make_application()
    remember(QSettings(), db.url, seed.meeting_id, seed.item_ids[4])
    opened: list[MinuteTakingWindow] = []

    def run_events(_self=None) -> int:  # type: ignore[no-untyped-def]
        def found() -> bool:
            opened[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MinuteTakingWindow)]
            return bool(opened)

        qtbot.waitUntil(found, timeout=5000)
        return 0

    monkeypatch.setattr(QApplication, "exec", run_events)
    assert app_module.run_gui(str(db.path)) == 0
    window = opened[0]
    try:
        assert window.session.meeting.id == seed.meeting_id
        assert window.session.current_item.id == seed.item_ids[4]
    finally:
        for main in list(file_actions._windows):
            main.close()


def test_a_refused_change_is_said_once_and_shown_until_put_right(
    qtbot, window, db, seed, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: told.append(text))
    heading = window.editor.heading
    heading.setFocus()
    heading.setText("x" * 500)
    for letter in "yz":
        qtbot.keyClicks(heading, letter)
        window.session.saver.flush()
        settle(qtbot)
    assert len(told) == 1 and "too long" in told[0]  # one dialog, not one per pause
    assert window.save_indicator.text() == "Not saved — see why"
    assert "too long" in window.save_indicator.toolTip()
    assert "x" * 500 not in window.editor.minute.heading
    heading.selectAll()
    qtbot.keyClicks(heading, "Domestic Homicide Reviews")
    window.session.saver.flush()
    settle(qtbot)
    assert window.save_indicator.text().startswith("Saved")
    from sst_desktop.services import minutes

    assert minutes.minute_for_item(db, seed.item_ids[3]).heading == "Domestic Homicide Reviews"
