"""Reading the audit trail of one minute or one action, for the History… dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sst_desktop.services import history
from sst_desktop.services.history import HistoryRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations.op import ReadOp


def minute_history(context: AppContext, parent: QWidget, minute_id: int) -> ReadOp[list[HistoryRecord]]:
    return ReadOp(context, parent, lambda db: history.minute_history(db, minute_id))


def action_history(context: AppContext, parent: QWidget, action_id: int) -> ReadOp[list[HistoryRecord]]:
    return ReadOp(context, parent, lambda db: history.action_history(db, action_id))
