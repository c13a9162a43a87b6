"""GUI fixtures: settings kept in a temporary folder; the demo data opened in every window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication

from sst_desktop.storage.engine import Database
from sst_desktop.ui.app import apply_style
from sst_desktop.ui.context import AppContext
from tests.ui.window_catalogue import LAPTOP, Catalogue, build_demo


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def context(qapp, db: Database) -> AppContext:  # type: ignore[no-untyped-def]
    return AppContext(db)


@pytest.fixture(scope="module")
def house_style(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The program's own style sheet (``make_application`` applies it), for tests of how it looks."""
    before = qapp.styleSheet()
    apply_style(qapp)
    yield
    qapp.setStyleSheet(before)


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, built once; ``catalogue`` opens a copy of it."""
    return build_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def catalogue(qapp, house_style, tmp_path: Path, demo_master: Path) -> Iterator[Catalogue]:  # type: ignore[no-untyped-def]
    """A main window on the demo data, in the house style, on the laptop screen of tests/conftest.py."""
    if QGuiApplication.primaryScreen().availableGeometry().size() != LAPTOP:
        pytest.skip("needs the offscreen laptop screen of tests/conftest.py")
    opened = Catalogue(tmp_path, demo_master)
    yield opened
    opened.close()
