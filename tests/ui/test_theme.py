"""The window's colours follow the desktop: the house colours on a light desktop, the desktop's own
on a dark or high-contrast one, and text always readable at WCAG AA contrast."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtGui import QColor, QPalette

from sst_desktop.paths import resource
from sst_desktop.ui import theme
from tests.ui.window_catalogue import OPENERS

Role = QPalette.ColorRole
# Text roles and the background each is drawn on.
TEXT_ON = [
    ("text", "window"),
    ("text", "base"),
    ("heading", "window"),
    ("muted", "window"),
    ("muted", "base"),
    ("header_text", "panel"),
    ("quiet", "base"),
    ("sidebar_text", "sidebar"),
    ("sidebar_muted", "sidebar"),
    ("warning_text", "warning_back"),
    ("error_text", "base"),
    ("error_text", "overdue_back"),
    ("waiting_text", "window"),
    ("caution_text", "base"),
    ("done_text", "base"),
    ("details_text", "base"),
    ("recommendation_text", "base"),
    ("success_text", "base"),
    ("success_text", "window"),
    ("amber_text", "base"),
    ("grey_text", "base"),
    ("grey_text", "window"),
    ("list_muted", "base"),
    ("accent_text", "accent"),
    ("selection_text", "selection"),
    ("minutes_text", "base"),
    ("minutes_muted", "base"),
    ("minutes_accent", "base"),
    ("minutes_exempt", "base"),
    ("minutes_banner_text", "minutes_banner_back"),
    ("minutes_selected_text", "minutes_selected"),
]


def palette(window: str, text: str, base: str, highlight: str, highlighted_text: str) -> QPalette:
    chosen = QPalette(QColor(window))  # Qt derives the shades (Mid, Dark…) from the window colour
    for role, value in (
        (Role.Window, window),
        (Role.WindowText, text),
        (Role.Base, base),
        (Role.AlternateBase, base),
        (Role.Text, text),
        (Role.Button, window),
        (Role.ButtonText, text),
        (Role.PlaceholderText, text),
        (Role.Highlight, highlight),
        (Role.HighlightedText, highlighted_text),
        (Role.Link, highlight),
    ):
        chosen.setColor(role, QColor(value))
    return chosen


DARK = palette("#202124", "#e8eaed", "#17181a", "#8ab4f8", "#202124")
HIGH_CONTRAST = palette("#000000", "#ffffff", "#000000", "#ffff00", "#000000")


@pytest.fixture
def desktop(qapp) -> Iterator[Callable[[QPalette], str]]:  # type: ignore[no-untyped-def]
    """Sets the desktop's palette for a test and gives the house style sheet in the colours chosen for
    it (applied to the windows a test looks at, not the whole application: restyling every widget the
    run has made is slow); puts the usual palette back after."""
    before = qapp.palette()

    def use(chosen: QPalette) -> str:
        qapp.setPalette(chosen)
        theme.apply(chosen)
        sheet = resource("styles", "app.qss").read_text(encoding="utf-8")
        return theme.fill(sheet.replace("@ICONS@", resource("icons").as_posix()))

    yield use
    qapp.setPalette(before)
    theme.apply(before)


def test_a_light_desktop_keeps_the_house_colours(qapp) -> None:  # type: ignore[no-untyped-def]
    assert theme.colours_for(qapp.palette()) == theme.HOUSE
    sheet = theme.fill(resource("styles", "app.qss").read_text(encoding="utf-8"))
    assert "@" not in sheet.replace("@ICONS@", "")  # every role has its colour
    assert "background: #1d2b3a;" in sheet  # the house sidebar


@pytest.mark.parametrize("chosen", [DARK, HIGH_CONTRAST], ids=["dark", "high-contrast"])
def test_a_dark_or_high_contrast_desktop_gets_its_own_colours(desktop, chosen: QPalette) -> None:  # type: ignore[no-untyped-def]
    sheet = desktop(chosen)
    colours = theme.colours_for(chosen)
    assert colours["window"] == chosen.color(Role.Window).name()
    assert colours["text"] == chosen.color(Role.WindowText).name()
    assert colours["accent"] == chosen.color(Role.Highlight).name()
    house_only = {v for k, v in theme.HOUSE.items()} - set(colours.values())
    assert [c for c in house_only if c in sheet] == []  # no colour only the style sheet knows


@pytest.mark.parametrize("chosen", [None, DARK, HIGH_CONTRAST], ids=["house", "dark", "high-contrast"])
def test_text_reads_at_aa_contrast(qapp, chosen: QPalette | None) -> None:  # type: ignore[no-untyped-def]
    colours = theme.colours_for(chosen or qapp.palette())
    low = [
        f"{fore} on {back}: {theme.contrast(QColor(colours[fore]), QColor(colours[back])):.2f}"
        for fore, back in TEXT_ON
        if theme.contrast(QColor(colours[fore]), QColor(colours[back])) < 4.5
    ]
    assert low == []


def test_screens_are_drawn_in_the_desktops_dark_colours(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The People screen, the action log and minute-taking on a dark desktop are dark (a light style
    sheet over a dark palette would leave them mostly light)."""
    import os
    import subprocess
    import sys

    names = ["main-window-people", "main-window-actions", "minute-taking-minute"]
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.dark_desktop_child", str(tmp_path), *names],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")},
    )
    rows = [line.split() for line in done.stdout.splitlines() if line.strip()]
    assert [row[0] for row in rows] == names, done.stderr[-2000:]
    for name, light, total in rows:
        assert int(light) / int(total) < 0.05, f"{name}: {light} of {total} sampled points are light"


def test_every_opener_is_known() -> None:
    assert "minute-taking-minute" in OPENERS
