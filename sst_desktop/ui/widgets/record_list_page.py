"""The shape People, Organisations and Committees share: a list of records on the left (with "Show
archived", and a search box and count where the list is long), the chosen record on the right.

A page says how to read its records (on the database worker), which ones a search keeps, how to
show the chosen one and which changes make it read the list again; the list keeps the officer's
choice across reloads and searches, and a record just added is chosen when the list comes back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from sst_desktop.services.outcome import Changed
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.widgets.fields import SearchField
from sst_desktop.ui.widgets.record_model import RecordTableModel, select_record, selected_record


class Identified(Protocol):
    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=Identified)


class RecordListPage(QWidget, Generic[R]):
    """A directory page: subclasses build their widgets, then call ``attach`` and ``reload``."""

    PLURAL = "records"  # "12 people", "3 of 12 people"
    RELOAD_ON = Changed.NOTHING  # kinds of change that make the list be read again

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.current: R | None = None
        self._select_next: int | None = None  # a record just added, chosen when the list comes back
        self.search: SearchField | None = None
        self.count: QLabel | None = None
        self.show_archived = QCheckBox("Show archived")
        self.show_archived.toggled.connect(lambda _checked: self.reload())

    def lay_out(
        self, left: QWidget, right: QWidget, sizes: tuple[int, int], stretch: tuple[int, int]
    ) -> None:
        """The list beside the chosen record, split where the officer drags it (neither side closes)."""
        layout = QHBoxLayout(self)
        splitter = QSplitter(self)  # in place before the sides go in: each is moved once (start-up speed)
        layout.addWidget(splitter)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, stretch[0])
        splitter.setStretchFactor(1, stretch[1])
        splitter.setSizes(list(sizes))
        splitter.setChildrenCollapsible(False)
        layout.setContentsMargins(0, 0, 0, 0)

    @staticmethod
    def record_side(title: QLabel, *parts: QWidget, grow: QWidget, button: QWidget) -> QWidget:
        """The chosen record: its name, its details, ``grow`` taking the height left, and ``button``
        (archive) at the bottom right."""
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(6, 12, 16, 12)
        layout.addWidget(title)
        layout.addSpacing(4)
        for part in parts:
            layout.addWidget(part)
        layout.addWidget(grow, 1)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
        return side

    def attach(self, model: RecordTableModel[R], table: QTableView) -> None:
        """Start following the list's choice, the search box and the record's changes."""
        self.model = model
        self.table = table
        if self.search is not None:
            self.search.textChanged.connect(lambda _text: self._filter())
        table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.context.changed.connect(self.on_changed)

    # What a page says -----------------------------------------------------------------------------
    def read(self, deliver: Callable[[list[R]], None]) -> None:
        """Read the records (on the database worker) and hand them to ``deliver``."""
        raise NotImplementedError

    def keeps(self, record: R, text: str) -> bool:
        """Does a search for ``text`` keep ``record`` in the list?"""
        return True

    def show_record(self, record: R | None, *, same: bool) -> None:
        """Show the chosen record (``same``: the one shown before, read again: keep edits in progress)."""
        raise NotImplementedError

    def flush_pending(self) -> None:
        """Save what is typed but not yet saved (another record is being chosen)."""

    def on_changed(self, changed: Changed) -> None:
        if changed & self.RELOAD_ON:
            self.reload()

    # The list ---------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the list again, keeping the choice (and edits in progress)."""
        self.read(self._listed)

    def _listed(self, records: list[R]) -> None:
        wanted, self._select_next = self._select_next, None
        self.model.set_records(records)
        self._keep_choice(wanted or self._current_id())
        if wanted is not None and self._current_id() != wanted:
            self.select(wanted)  # (hidden by the search)

    def _filter(self) -> None:
        self._keep_choice(self._current_id())

    def _keep_choice(self, keep: int | None) -> None:
        """Filter the list by the search, choose ``keep`` again (else the first), and show it."""
        self.table.selectionModel().blockSignals(True)
        text = self.search.text() if self.search is not None else ""
        self.model.set_filter((lambda record: self.keeps(record, text)) if text.strip() else None)
        found = keep is not None and select_record(self.table, lambda r: r.id == keep)
        if not found and self.model.rowCount():
            self.table.selectRow(0)
        self.table.selectionModel().blockSignals(False)
        self._show_count()
        self._selection_changed()

    def _show_count(self) -> None:
        if self.count is None:
            return
        shown, total = self.model.rowCount(), len(self.model.all_records())
        self.count.setText(
            f"{shown} of {total} {self.PLURAL}" if shown != total else f"{total} {self.PLURAL}"
        )

    def _selection_changed(self) -> None:
        record: R | None = selected_record(self.table)
        if record is None or record.id != self._current_id():
            self.flush_pending()
        same = record is not None and record.id == self._current_id()
        self.current = record
        self.show_record(record, same=same)

    def _current_id(self) -> int | None:
        return self.current.id if self.current is not None else None

    # Choosing ---------------------------------------------------------------------------------------
    def search_text(self) -> str:
        """What is typed in the search box: a good start for the name of a record to add."""
        return self.search.text().strip() if self.search is not None else ""

    def focus_search(self) -> None:
        if self.search is not None:
            self.search.focus()

    def select(self, record_id: int) -> bool:
        """Choose the record ``record_id``, clearing a search that hides it."""
        if select_record(self.table, lambda r: r.id == record_id):
            return True
        if self.search is not None and self.search.text():
            self.search.clear()
            return select_record(self.table, lambda r: r.id == record_id)
        return False

    def choose_when_listed(self, record_id: int) -> None:
        """A record just added: choose it now, or when the list comes back with it."""
        if not self.select(record_id):
            self._select_next = record_id
