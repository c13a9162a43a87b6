"""The screens the main window's navigation offers. Each page module defines ``PAGE``.

Only working screens are listed here; add a module to ``PAGE_MODULES`` when its screen works.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from sst_desktop.ui.context import AppContext

PAGE_MODULES: tuple[str, ...] = (
    "sst_desktop.ui.directory.committees_page",
    "sst_desktop.ui.directory.people_page",
    "sst_desktop.ui.directory.organisations_page",
)


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    order: int
    factory: Callable[[AppContext], QWidget]
    shortcut: str = ""  # e.g. "Ctrl+1"


def load_pages() -> list[PageSpec]:
    pages = [importlib.import_module(name).PAGE for name in PAGE_MODULES]
    return sorted(pages, key=lambda page: page.order)
