"""Item models of the meetings screens, each over a list of service records.

Tables of meetings, forward-plan and standing items use the shared ``RecordTableModel``. The agenda
has its own model: its rows are numbered as the agenda prints them and move by drag and drop; the
move itself is done by the builder (an undoable service call), the model only says which rows were
dropped where.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Sequence
from datetime import date, time
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from sst_desktop.domain.agenda_labels import item_labels, printed_label
from sst_desktop.domain.enums import ForwardPlanStatus, MeetingStatus, ReportStatus
from sst_desktop.services.agenda_records import AgendaItemRecord
from sst_desktop.services.forward_plan import ForwardPlanRecord
from sst_desktop.services.meetings import MeetingRecord
from sst_desktop.services.standing_items import StandingItemRecord
from sst_desktop.ui import theme
from sst_desktop.ui.meetings.formatting import clock, day_text, place_text, plain_date
from sst_desktop.ui.widgets.record_model import RECORD_ROLE, SORT_ROLE, Column, RecordTableModel

ID_ROLE = Qt.ItemDataRole.UserRole + 3

AGENDA_MIME = "application/x-sst-agenda-items"

Index = QModelIndex | QPersistentModelIndex


def meeting_columns() -> list[Column[MeetingRecord]]:
    return [
        Column("Date", lambda m: day_text(m.date), sort_key=lambda m: m.date),
        Column("Time", lambda m: clock(m.start_time), sort_key=lambda m: m.start_time or time.min),
        Column("Venue", lambda m: place_text(m.venue, m.remote_link), tooltip=lambda m: m.remote_link),
        Column("Status", lambda m: m.status.label, tooltip=lambda m: m.status_reason),
    ]


def meetings_model(parent: Any = None) -> RecordTableModel[MeetingRecord]:
    """A committee's meetings; cancelled and postponed ones greyed."""
    return RecordTableModel(
        meeting_columns(),
        muted=lambda m: m.status in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED),
        parent=parent,
    )


# ---------------------------------------------------------------- agenda


class AgendaColumn(enum.IntEnum):
    NUMBER = 0
    TITLE = 1
    KIND = 2
    PRESENTERS = 3
    REPORT = 4


def report_summary(record: AgendaItemRecord) -> str:
    """ "2 reports, 14 pages", "Report to follow", "Verbal", ""."""
    if record.attachments:
        count = len(record.attachments)
        pages = record.attachment_pages
        text = f"{count} report{'s' if count != 1 else ''}, {pages} page{'s' if pages != 1 else ''}"
    elif record.report_status in (ReportStatus.TO_FOLLOW, ReportStatus.VERBAL):
        text = record.report_status.label
    elif record.report_status == ReportStatus.ATTACHED:
        text = "Attached (no file yet)"
    else:
        text = ""
    if record.is_exempt:
        paragraphs = ", ".join(str(p) for p in record.exempt_paragraphs)
        text = f"Exempt (para. {paragraphs})" + (f" · {text}" if text else "")
    return text


class AgendaModel(QAbstractItemModel):
    """The items of one agenda, in order, numbered 1, 2, 3 … as the agenda prints them.

    Rows can be dragged to a new place; ``move_requested(ids, row)`` is then called with the dragged
    item ids and the row they were dropped before (``len(records)`` for the end).
    """

    HEADERS: dict[int, str] = {  # by AgendaColumn, looked up by section number
        AgendaColumn.NUMBER: "No.",
        AgendaColumn.TITLE: "Item",
        AgendaColumn.KIND: "Kind",
        AgendaColumn.PRESENTERS: "Presenters",
        AgendaColumn.REPORT: "Report",
    }

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.records: list[AgendaItemRecord] = []
        self.move_requested: Callable[[list[int], int], None] | None = None
        self.editable = True

    # records ------------------------------------------------------------------------------
    def set_records(self, records: Sequence[AgendaItemRecord]) -> None:
        """Show ``records``; when only their fields changed (same items, same order) the rows are
        updated in place, so the selection and scroll position stay."""
        ordered = sorted(records, key=lambda r: (r.position, r.id))
        if [r.id for r in ordered] == [r.id for r in self.records] and ordered:
            self.records = ordered
            self.dataChanged.emit(self.index(0, 0), self.index(len(ordered) - 1, len(AgendaColumn) - 1))
            return
        self.beginResetModel()
        self.records = ordered
        self.endResetModel()

    def record(self, row: int) -> AgendaItemRecord | None:
        return self.records[row] if 0 <= row < len(self.records) else None

    def row_of(self, item_id: int) -> int:
        return next((i for i, r in enumerate(self.records) if r.id == item_id), -1)

    # shape --------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if parent.isValid() or not (0 <= row < len(self.records) and 0 <= column < len(AgendaColumn)):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(AgendaColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return next((text for column, text in self.HEADERS.items() if column == section), "")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.records):
            return None
        record = self.records[index.row()]
        column = index.column()
        if role == RECORD_ROLE:
            return record
        if role == ID_ROLE:
            return record.id
        if role == SORT_ROLE:
            return record.position
        if role == Qt.ItemDataRole.DisplayRole:
            if column == AgendaColumn.NUMBER:
                label = item_labels(self.records)[record.id]  # unnumbered items do not count
                return printed_label(label)
            if column == AgendaColumn.TITLE:
                return record.title
            if column == AgendaColumn.KIND:
                return record.kind.label
            if column == AgendaColumn.PRESENTERS:
                return record.presenters_display
            if column == AgendaColumn.REPORT:
                return report_summary(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            return record.description or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == AgendaColumn.NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == AgendaColumn.REPORT and (
                record.is_exempt or record.report_status == ReportStatus.TO_FOLLOW
            ):
                return theme.brush("caution_text")
            if record.is_procedural and column != AgendaColumn.TITLE:
                return theme.brush("list_muted")
        if role == Qt.ItemDataRole.FontRole and column == AgendaColumn.TITLE and not record.is_procedural:
            font = QFont()
            font.setBold(True)
            return font
        return None

    # drag and drop --------------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():  # the space between and after rows takes drops
            return Qt.ItemFlag.ItemIsDropEnabled if self.editable else Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsDragEnabled if self.editable else base

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [AGENDA_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        ids = [self.records[r].id for r in rows if 0 <= r < len(self.records)]
        data = QMimeData()
        data.setData(AGENDA_MIME, json.dumps({"meeting": self._meeting_id(), "ids": ids}).encode())
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.editable or action != Qt.DropAction.MoveAction or not data.hasFormat(AGENDA_MIME):
            return False
        payload = _payload(data)
        return payload is not None and payload.get("meeting") == self._meeting_id()

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        payload = _payload(data)
        assert payload is not None
        ids = [i for i in payload.get("ids", []) if self.row_of(i) >= 0]
        if not ids:
            return False
        if row < 0:  # dropped onto an item: put the dragged ones before it
            row = parent.row() if parent.isValid() else len(self.records)
        if self.move_requested is not None:
            self.move_requested(ids, row)
        # The builder has reloaded the rows already; nothing is left for the view to remove.
        return False

    def _meeting_id(self) -> int | None:
        return self.records[0].meeting_id if self.records else None


def order_after_drop(current: Sequence[int], moved: Sequence[int], row: int) -> list[int]:
    """The new order of ``current`` ids when ``moved`` are dropped before position ``row``."""
    moving = [i for i in current if i in set(moved)]
    before = [i for i in current[:row] if i not in set(moved)]
    after = [i for i in current[row:] if i not in set(moved)]
    return before + moving + after


def _payload(data: QMimeData) -> dict[str, Any] | None:
    try:
        value = json.loads(bytes(data.data(AGENDA_MIME).data()).decode())
    except (ValueError, UnicodeDecodeError):
        return None
    return value if isinstance(value, dict) else None


# ---------------------------------------------------------------- forward plan and standing items


def plan_source(record: ForwardPlanRecord) -> str:
    """Where the item came from, short: the minute if known, else the note, else when it was added."""
    text = record.source_minute_label or record.source_text
    if text:
        return text if len(text) <= 48 else text[:47] + "…"
    return f"Added {plain_date(record.requested_on)}" if record.requested_on else ""


def forward_plan_model(parent: Any = None) -> RecordTableModel[ForwardPlanRecord]:
    """A committee's forward plan; done and dropped items greyed."""
    return RecordTableModel(
        [
            Column(
                "Item",
                lambda p: p.title,
                tooltip=lambda p: "\n".join(x for x in (p.title, p.description, p.presenters_text) if x),
            ),
            Column(
                "Due at",
                lambda p: p.due_label,
                sort_key=lambda p: (p.target_meeting_date or date.min, p.requested_on or date.min),
            ),
            Column("Asked for at", plan_source, tooltip=lambda p: p.source_label),
            Column("Presenters", lambda p: p.presenters_text),
            Column("Status", lambda p: p.status.label),
        ],
        muted=lambda p: p.status in (ForwardPlanStatus.DONE, ForwardPlanStatus.DROPPED),
        parent=parent,
    )


def standing_items_model(parent: Any = None) -> RecordTableModel[StandingItemRecord]:
    """A committee's standing items in agenda order; paused ones greyed."""
    return RecordTableModel(
        [
            Column(
                "Standing item",
                lambda s: s.title if s.active else f"{s.title} (paused)",
                tooltip=lambda s: s.description,
            ),
            Column("Presenters", lambda s: s.presenters_text),
            Column("Kind", lambda s: s.kind.label),
        ],
        muted=lambda s: not s.active,
        parent=parent,
    )
