"""The Minutes page of the main window (the screen itself loads when first shown)."""

from __future__ import annotations

from sst_desktop.ui.pages import PageSpec, lazy_factory

PAGE = PageSpec("minutes", "Minutes", 16, lazy_factory("sst_desktop.ui.minutes.page", "MinutesPage"))
