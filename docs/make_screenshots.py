"""Make the screenshots in docs/screenshots/ from the demo data, offscreen.

    python docs/make_screenshots.py                # writes docs/screenshots/*.png
    python docs/make_screenshots.py --out /tmp/shots

One PNG per page of the main window's navigation (``<page key>.png``, in navigation order, so every
page listed in ``sst_desktop.ui.pages.PAGE_MODULES`` appears), and ``main-window.png`` — the first
page, the committee screen of Safer Sefton Together — which the README shows.

A page widget may offer more states to picture by defining
``screenshot_states() -> list[tuple[str, Callable[[], object]]]``: for each (name, enter) the script
calls ``enter()`` and saves ``<page key>-<name>.png`` — a picture of the widget ``enter()`` returns
(a window of its own, which is closed afterwards), else of the main window. A page that can
``open_minute_taking(meeting_id)`` is also pictured in minute-taking mode, on the demo's meeting of
22 June 2022 (``<page key>-minute-taking.png``), and typing a minute of the meeting of 8 September
2022, with the suggestions showing (``<page key>-suggestions.png``).

Settings, backups and the database live in a temporary folder: nothing of the user's is touched.
Offscreen, the windows are on a 1920×1080 screen (windows are fitted onto theirs), pictured at
1280×800.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 1280, 800
SCREEN = {"name": "monitor", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "dpr": 1}


def _settle(app: QApplication, seconds: float = 0.3) -> None:
    """Let deferred work (timers, the database worker's reads and drawings reporting back) finish
    before a picture is taken."""
    from sst_desktop.ui.operations.worker import database_worker

    end = time.monotonic() + seconds
    busy_until = time.monotonic() + 15
    while time.monotonic() < end or (not database_worker().is_idle() and time.monotonic() < busy_until):
        app.processEvents()
        time.sleep(0.02)


def _typing_a_minute(app: QApplication, open_minute_taking: Callable[[int], object], meeting_id: int) -> object:
    """Minute-taking on a meeting not yet minuted, a minute half typed: what is offered in grey after
    the cursor and the next likeliest words under the line."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPlainTextEdit

    before = set(app.topLevelWidgets())
    open_minute_taking(meeting_id)
    _settle(app)
    opened = [w for w in app.topLevelWidgets() if w not in before and w.isVisible()]
    if not opened:
        return None
    window = opened[0]
    window.resize(WIDTH, HEIGHT)
    _settle(app)
    for _ in range(5):  # from the register to item 5, the DHR update
        QTest.keyClick(app.focusWidget() or window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        _settle(app, 0.1)
    narrative = window.findChild(QPlainTextEdit, "narrative")
    if narrative is not None:
        narrative.setFocus()
        QTest.keyClicks(narrative, "Members noted the report. It was rep")
        _settle(app)
    return window


def make_screenshots(out: Path) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from sst_desktop.demo.build import build_demo_database
    from sst_desktop.services.committees import find_committee
    from sst_desktop.services.meetings import find_meeting
    from sst_desktop.storage.opening import open_path
    from sst_desktop.ui.app import make_application
    from sst_desktop.ui.context import AppContext
    from sst_desktop.ui.main_window import MainWindow

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="sst-shots-") as name:
        folder = Path(name)
        database_path = folder / "sst-demo.db"
        build_demo_database(database_path)
        app = make_application()
        database = open_path(database_path, backup_dir=folder / "backups")
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(AppContext(database), settings)
        window.resize(WIDTH, HEIGHT)
        window.show()
        _settle(app)  # the committee list comes back from the database worker
        committees_page = window.page("committees")
        select = getattr(committees_page, "select_committee", None)
        if callable(select):
            select(find_committee(database, "SST").id)
        for index, spec in enumerate(window.pages):
            page = window.show_page(spec.key)
            _settle(app)
            shots: list[tuple[str, Callable[[], object] | None]] = [(f"{spec.key}.png", None)]
            states = getattr(page, "screenshot_states", None)
            if callable(states):
                shots += [(f"{spec.key}-{state}.png", enter) for state, enter in states()]
            minute_taking = getattr(page, "open_minute_taking", None)
            if callable(minute_taking):
                june = find_meeting(database, "SST@2022-06-22").id
                shots.append((f"{spec.key}-minute-taking.png", functools.partial(minute_taking, june)))
                september = find_meeting(database, "SST@2022-09-08").id
                typing = functools.partial(_typing_a_minute, app, minute_taking, september)
                shots.append((f"{spec.key}-suggestions.png", typing))
            for filename, enter in shots:
                target: QWidget = window
                if enter is not None:
                    before = set(app.topLevelWidgets())
                    shown = enter()
                    _settle(app)  # (a window read on the database worker opens when its records come)
                    if not (isinstance(shown, QWidget) and shown.isWindow()):
                        opened = [w for w in app.topLevelWidgets() if w not in before and w.isVisible()]
                        shown = opened[0] if opened else None
                    if isinstance(shown, QWidget) and shown.isWindow():
                        shown.resize(WIDTH, HEIGHT)
                        target = shown
                        _settle(app)
                image = target.grab()
                if target is not window:
                    target.close()
                written.append(out / filename)
                image.save(str(written[-1]))
                if index == 0 and enter is None:
                    written.append(out / "main-window.png")
                    image.save(str(written[-1]))
        window.close()
        database.dispose()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description="Make the screenshots in docs/screenshots/.")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sst-shots-home-") as home:
        for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            os.environ[variable] = str(Path(home) / variable.lower())
        if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
            # Windows are fitted onto their screen: give them one larger than the pictures.
            screen = Path(home) / "screen.json"
            screen.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
            os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
        sys.path.insert(0, str(ROOT))
        for path in make_screenshots(args.out):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
