"""Operations on a meeting's register of attendance: who was present, sent apologies or was absent.

Each function builds the operation for one thing the officer does; the widget says what to do with
the result and runs it (see ``op``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sst_desktop.services import attendance
from sst_desktop.services.attendance import AttendanceRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations.op import ReadOp


def list_attendance(context: AppContext, parent: QWidget, meeting_id: int) -> ReadOp[list[AttendanceRecord]]:
    return ReadOp(context, parent, lambda db: attendance.list_attendance(db, meeting_id))
