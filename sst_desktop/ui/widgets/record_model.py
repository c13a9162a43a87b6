"""A table model over a list of frozen records: columns declared once, sorting and filtering in Python.

Use it for every table of records (people, members, organisations, actions…). It holds the records,
a list of ``Column``s, ``RECORD_ROLE`` (the record of a row) and ``SORT_ROLE`` (the sort key of a cell).
Filtering and sorting happen on the Python list and then the model resets, which stays fast on
100,000 rows where a QSortFilterProxyModel does not.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QTableView

from sst_desktop.ui import theme

R = TypeVar("R")

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    sort_key: Callable[[R], Any] | None = None  # defaults to the folded text
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    tooltip: Callable[[R], str] | None = None


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Rows are records; ``muted(record)`` greys a row out (archived, past), ``bold(record)`` stresses it."""

    def __init__(
        self,
        columns: Sequence[Column[R]],
        *,
        muted: Callable[[R], bool] | None = None,
        bold: Callable[[R], bool] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._all: list[R] = []
        self._rows: list[R] = []
        self._filter: Callable[[R], bool] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._muted = muted
        self._bold = bold

    # Contents ---------------------------------------------------------------------------------
    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self._all = list(records)
        self._rows = self._arranged()
        self.endResetModel()

    def set_filter(self, keep: Callable[[R], bool] | None) -> None:
        self.beginResetModel()
        self._filter = keep
        self._rows = self._arranged()
        self.endResetModel()

    def records(self) -> list[R]:
        """The rows shown, in order."""
        return list(self._rows)

    def all_records(self) -> list[R]:
        return list(self._all)

    def record(self, row: int) -> R:
        return self._rows[row]

    def row_of(self, match: Callable[[R], bool]) -> int:
        """The first shown row whose record matches, or -1."""
        return next((i for i, r in enumerate(self._rows) if match(r)), -1)

    def _arranged(self) -> list[R]:
        rows = [r for r in self._all if self._filter(r)] if self._filter else list(self._all)
        if self._sort is not None:
            column, order = self._sort
            key = self._key(self.columns[column])
            rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        return rows

    @staticmethod
    def _key(column: Column[R]) -> Callable[[R], Any]:
        if column.sort_key is not None:
            return column.sort_key
        return lambda r: column.text(r).casefold()

    # Qt model interface -----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == RECORD_ROLE:
            return record
        if role == SORT_ROLE:
            return self._key(column)(record)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record) or None
        if role == Qt.ItemDataRole.ForegroundRole and self._muted is not None and self._muted(record):
            return theme.brush("done_text")
        if role == Qt.ItemDataRole.FontRole and self._bold is not None and self._bold(record):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        before = self._rows
        self._sort = (column, order)
        self._rows = self._arranged()
        # A view's selection and current row are persistent indexes: they follow their records.
        moved = self.persistentIndexList()
        if moved:
            row_of = {id(record): row for row, record in enumerate(self._rows)}
            self.changePersistentIndexList(
                moved, [self.index(row_of[id(before[i.row()])], i.column()) for i in moved]
            )
        self.layoutChanged.emit()


def record_table_view(
    model: RecordTableModel[Any], *, sortable: bool = False, parent: Any = None
) -> QTableView:
    """A read-only table of records: whole rows selected, one at a time, no row numbers."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setShowGrid(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(28)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    if sortable:
        view.setSortingEnabled(True)
        view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    return view


def selected_record(view: QTableView) -> Any:
    """The record of the selected row, or None."""
    indexes = view.selectionModel().selectedRows() if view.selectionModel() else []
    return indexes[0].data(RECORD_ROLE) if indexes else None


def select_record(view: QTableView, match: Callable[[Any], bool]) -> bool:
    """Select (and show) the first row whose record matches; False when there is none."""
    model = view.model()
    row = model.row_of(match) if isinstance(model, RecordTableModel) else -1
    if row < 0:
        view.clearSelection()
        return False
    view.selectRow(row)
    view.scrollTo(model.index(row, 0))
    return True
