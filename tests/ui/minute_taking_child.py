"""A minute-taking session run in its own process, for the crash test to kill.

    python -m tests.ui.minute_taking_child DATABASE SETTINGS.ini ROUND

It opens the real minute-taking window (offscreen) and types into it with simulated keystrokes:
register marks, then item after item of narrative and a standard resolution. Every write goes the
way the GUI makes it (the window's autosaver and undoable commands); after each one reaches the
database a line is printed:

    MARK <attendance id> <status>          a register mark committed
    SAVED <minute id> <length>             the narrative of a minute committed up to <length> characters
    RESOLUTION <minute id> <count>         a minute has <count> resolutions
    ITEM <agenda item id>                  the officer moved to that item

It never stops by itself: the test ends it with SIGKILL.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The two plans type into different items; a plan run again carries on at the end of the text.
ROUND_ITEMS = {1: (3, 4, 5, 6, 7), 2: (8, 9, 10, 11)}  # indexes into the agenda


def planned_text(item_index: int) -> str:
    """What the officer types for an item: long enough that the kill comes while typing."""
    sentence = f"Item {item_index + 1}: it was reported that partners had met; Élodie noted 12 actions & <none> overdue. "
    return sentence * 6


def say(line: str) -> None:
    print(line, flush=True)


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from sst_desktop.services import agenda
    from sst_desktop.storage.opening import open_path
    from sst_desktop.ui.context import AppContext
    from sst_desktop.ui.minutes.editor import text_key
    from sst_desktop.ui.operations.worker import database_worker
    from tests.ui.minute_window import open_minute_taking

    database, settings_path, round_number = Path(argv[0]), argv[1], int(argv[2])
    app = QApplication([])
    db = open_path(database, backup_dir=database.parent / "child-backups")
    context = AppContext(db)
    settings = QSettings(settings_path, QSettings.Format.IniFormat)
    meeting_id = int(argv[3])
    window = open_minute_taking(context, meeting_id, settings)
    window.show()
    items = agenda.list_agenda_items(db, meeting_id)

    def saved(key: str, result: object) -> None:
        if key.startswith("text:") and result is not None:
            say(f"SAVED {result.minute_id} {result.length}")  # type: ignore[attr-defined]

    window.session.saver.saved.connect(saved)
    say("READY")

    def answered() -> None:
        """Until every database job asked for so far has run and its answer been shown."""
        while not database_worker().is_idle():
            app.processEvents()
            time.sleep(0.005)

    def pump(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.005)

    if round_number == 1:
        # The register: P, A, P, A … down the list.
        window.show_register()
        table = window.register.table
        table.selectRow(0)
        for index, record in enumerate(window.register.model.records()):
            key = Qt.Key.Key_P if index % 2 == 0 else Qt.Key.Key_A
            QTest.keyClick(table, key)
            status = "present" if key == Qt.Key.Key_P else "apologies"
            answered()  # the mark is committed on the database worker before it is reported
            say(f"MARK {record.id} {status}")
            pump(0.01)

    for item_index in ROUND_ITEMS[round_number]:
        item = items[item_index]
        window.go_to(item.id)
        say(f"ITEM {item.id}")
        editor = window.editor
        editor.narrative.setFocus()
        QTest.keyClick(editor.narrative, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # go on typing
        minute_id = editor.minute.id  # type: ignore[union-attr]
        text = planned_text(item_index)
        for start in range(0, len(text), 12):
            QTest.keyClicks(editor.narrative, text[start : start + 12])
            pump(0.02 if start % 240 else 0.5)  # now and then the officer pauses
        pump(1.0)
        assert not window.session.saver.is_pending(text_key(minute_id))
        QTest.keyClick(editor.narrative, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
        answered()
        say(f"RESOLUTION {minute_id} {len(editor.resolutions.rows)}")
    while True:  # wait to be killed
        pump(0.1)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
