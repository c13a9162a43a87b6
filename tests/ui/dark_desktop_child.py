"""Run apart from the test process: screens drawn on a dark desktop, measured for how much of them is
light. (A fresh process: changing the palette of the test run's application restyles every widget
it has made, which is slow late in a run.)

    python -m tests.ui.dark_desktop_child FOLDER NAME…   prints one line per screen: NAME LIGHT TOTAL
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from sst_desktop.ui.app import apply_style
from tests.ui.test_theme import DARK
from tests.ui.window_catalogue import Catalogue, answered, build_demo


def main(folder: Path, names: list[str]) -> None:
    app = QApplication([])
    app.setPalette(DARK)
    apply_style(app)
    master = build_demo(folder)
    for index, name in enumerate(names):
        place = folder / f"screen-{index}"
        place.mkdir()
        catalogue = Catalogue(place, master)
        window = catalogue.open(name)
        answered()
        image = window.grab().toImage()
        points = [(x, y) for x in range(0, image.width(), 16) for y in range(0, image.height(), 16)]
        light = sum(1 for x, y in points if QColor(image.pixel(x, y)).lightnessF() > 0.8)
        print(name, light, len(points), flush=True)
        catalogue.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
