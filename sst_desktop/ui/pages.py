"""The screens the main window's navigation offers. Each page module defines ``PAGE``.

Only working screens are listed here; add a module to ``PAGE_MODULES`` when its screen works.

Every module listed here is imported at start-up, before the window shows, so keep it light: define
``PAGE`` with ``lazy_factory("package.module", "ScreenClass")`` and put the screen in that other
module; it is imported the first time the page is shown. Navigation order is ``order``; pages get
Ctrl+1, Ctrl+2… by position unless ``shortcut`` names another key.
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
    "sst_desktop.ui.meetings.meetings_page",
    "sst_desktop.ui.minutes.minutes_page",
    "sst_desktop.ui.actions.log_page",
)


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    order: int
    factory: Callable[[AppContext, QWidget], QWidget]  # (context, parent: where the page goes)
    shortcut: str = ""  # e.g. "Ctrl+1"


def lazy_factory(module: str, name: str) -> Callable[[AppContext, QWidget], QWidget]:
    """A page factory that imports ``module`` only when the page is first shown."""

    def build(context: AppContext, parent: QWidget) -> QWidget:
        return getattr(importlib.import_module(module), name)(context, parent)

    build.__qualname__ = f"lazy_factory({module}.{name})"
    return build


def load_pages() -> list[PageSpec]:
    pages = [importlib.import_module(name).PAGE for name in PAGE_MODULES]
    return sorted(pages, key=lambda page: page.order)
