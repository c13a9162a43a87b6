"""Windows that close leave nothing behind: signals of the shared context no longer reach them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent

from sst_desktop.services import committees
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.main_window import MainWindow
from tests.minutes_data import SeedMeeting, build_committee_and_meetings
from tests.ui.waiting import settle


def _deleted_now() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_status_messages_after_minute_taking_closed_raise_nothing(qtbot, db, settings) -> None:  # type: ignore[no-untyped-def]
    seed: SeedMeeting = build_committee_and_meetings(db)
    context = AppContext(db)
    main = MainWindow(context, settings)
    qtbot.addWidget(main)
    main.show()
    settle(qtbot)
    main.page("minutes").open_minute_taking(seed.meeting_id)
    settle(qtbot)  # the window opens once what it shows is read
    window = main.page("minutes").windows.get(seed.meeting_id)
    assert window is not None and window.isVisible()
    window.close()
    _deleted_now()  # the window deletes itself when closed

    # An ordinary edit elsewhere reports itself in the status bar (and used to raise
    # "Internal C++ object (MinuteTakingWindow) already deleted" from the closed window).
    details = main.page("committees").details
    details.venue.setText("Remote Meeting - Microsoft Teams")
    details.venue.editingFinished.emit()
    settle(qtbot)
    context.status_message.emit("Saved a copy")
    assert main.statusBar().currentMessage() == "Saved a copy"
    assert committees.get_committee(db, seed.committee_id).default_venue == "Remote Meeting - Microsoft Teams"


def test_status_messages_after_a_main_window_closed_raise_nothing(qtbot, context, settings) -> None:  # type: ignore[no-untyped-def]
    staying = MainWindow(context, settings)
    qtbot.addWidget(staying)
    leaving = MainWindow(context, settings)
    leaving.show()
    leaving.close()
    leaving.deleteLater()
    _deleted_now()
    context.status_message.emit("Backed up")
    assert staying.statusBar().currentMessage() == "Backed up"
