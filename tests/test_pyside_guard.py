"""PySide6 6.12.0 on CPython 3.11 takes a reference from None on every void call and later aborts
("Fatal Python error: none_dealloc"). This fails if an upgrade brings that bug back."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_do_not_consume_references_to_none(qapp) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    label.setText("warm up")
    before = sys.getrefcount(None)
    for index in range(20_000):
        label.setText("x" if index % 2 else "y")
        label.setEnabled(bool(index % 2))
    after = sys.getrefcount(None)
    assert after >= before - 100, f"None lost {before - after} references over 40,000 void calls"
