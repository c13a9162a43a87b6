"""The Action log page in the main window's navigation (the screen loads when first shown)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sst_desktop.ui.context import AppContext
from sst_desktop.ui.pages import PageSpec


def _build(context: AppContext, parent: QWidget) -> QWidget:
    from sst_desktop.ui.actions.log_view import ActionLogPage

    return ActionLogPage(context, parent)


PAGE = PageSpec("actions", "Action log", 40, _build, "Ctrl+L")
