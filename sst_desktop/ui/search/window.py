"""The search window (Ctrl+K, or the search box under the navigation): type, and results from the whole
record come as you type; Enter opens the chosen one where it lives.

Each keystroke's query runs on the database worker; results that come back after a later keystroke's
were asked for are dropped, so the list never shows an older query's answer over a newer one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.services.committees import CommitteeRecord
from sst_desktop.services.search import Kind, SearchHit, SearchRequest
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations import directory
from sst_desktop.ui.operations import search as search_ops
from sst_desktop.ui.search.results import HIT_ROLE, HtmlDelegate, ResultsModel
from sst_desktop.ui.widgets.accessible import with_clear_button
from sst_desktop.ui.widgets.date_box import DateBox
from sst_desktop.ui.window_geometry import keep_geometry

KIND_CHOICES: tuple[tuple[str, frozenset[Kind]], ...] = (
    ("Everything", frozenset()),
    ("Minutes", frozenset({Kind.MINUTE})),
    ("Decisions (resolutions)", frozenset({Kind.RESOLUTION})),
    ("Actions", frozenset({Kind.ACTION})),
    ("Agenda items", frozenset({Kind.ITEM})),
    ("Reports", frozenset({Kind.REPORT})),
    ("Declarations of interest", frozenset({Kind.DECLARATION})),
    ("People and organisations", frozenset({Kind.PERSON, Kind.ORGANISATION})),
)


SHOWN = 60  # results per query: a screenful or three; more words narrow it


class SearchWindow(QDialog):
    """One per main window, kept between uses (the last query and filters stay)."""

    opened = Signal(object)  # SearchHit: the officer chose it (Enter or double-click)
    results_shown = Signal(int)  # how many results the list now shows

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("searchWindow")
        self.setWindowTitle("Search the record")
        keep_geometry(self, "search_window", QSize(900, 640))
        self._asked = 0  # the number of the latest query sent
        self.hits: list[SearchHit] = []

        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText('Words to find, in any order — "quotes" for an exact phrase')
        with_clear_button(self.query)
        self.query.setAccessibleName("Words to find")
        self.query.textChanged.connect(self.refresh)
        self.query.returnPressed.connect(self.open_current)
        self.query.installEventFilter(self)

        self.committee = QComboBox()
        self.committee.setObjectName("searchCommittee")
        self.committee.addItem("All committees", None)
        self.committee.currentIndexChanged.connect(self.refresh)
        self.kind = QComboBox()
        self.kind.setObjectName("searchKind")
        for label, kinds in KIND_CHOICES:
            self.kind.addItem(label, kinds)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.date_from = DateBox(allow_empty=True)
        self.date_from.setObjectName("searchFrom")
        self.date_from.setAccessibleName("From")
        self.date_to = DateBox(allow_empty=True)
        self.date_to.setObjectName("searchTo")
        self.date_to.setAccessibleName("To")
        for box in (self.date_from, self.date_to):
            box.date_changed.connect(self.refresh)
        self.order = QComboBox()
        self.order.setObjectName("searchOrder")
        self.order.addItem("Newest first", "newest")
        self.order.addItem("Best match first", "best")
        self.order.currentIndexChanged.connect(self.refresh)
        self.confidential = QCheckBox("Include confidential (exempt) text")
        self.confidential.setObjectName("searchConfidential")
        self.confidential.setToolTip(
            "Also search the discussion, description and reports of exempt items; such results are "
            "marked CONFIDENTIAL"
        )
        self.confidential.toggled.connect(self.refresh)

        choices = QHBoxLayout()
        choices.addWidget(self.committee, 2)
        choices.addWidget(self.kind, 1)
        choices.addWidget(self.order)
        span = QHBoxLayout()
        span.addWidget(QLabel("From"))
        span.addWidget(self.date_from)
        span.addWidget(QLabel("to"))
        span.addWidget(self.date_to)
        span.addWidget(self.confidential)
        span.addStretch(1)
        # One row where the screen holds it; with large text the dates go on a second row.
        filters = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        filters.addLayout(choices, 1)
        filters.addLayout(span)
        parts = [self.committee, self.kind, self.order, self.date_from, self.date_to, self.confidential]
        needed = sum(part.sizeHint().width() + 8 for part in parts) + 120  # and the two labels
        if needed > self.screen().availableGeometry().width():
            filters.setDirection(QBoxLayout.Direction.TopToBottom)

        self.model = ResultsModel(self)
        self.results = QListView()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName("Results")
        self.results.setModel(self.model)
        self.results.setItemDelegate(HtmlDelegate(self.results))
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        # rows wrap to the list's width (the delegate measures them so): never a sideways scroll bar
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        # lay out the first rows and paint them; the rest follow (each row's height is measured text)
        self.results.setLayoutMode(QListView.LayoutMode.Batched)
        self.results.setBatchSize(12)
        self.results.setAlternatingRowColors(False)
        self.results.activated.connect(lambda index: self._open(index.data(HIT_ROLE)))
        self.status = QLabel("Type to search minutes, decisions, actions, agendas, reports and people.")
        self.status.setObjectName("searchStatus")

        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addLayout(filters)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        directory.list_committees(context, self, include_archived=True).success(self._fill_committees).run()

    # Asking -------------------------------------------------------------------------------------
    def request(self) -> SearchRequest:
        kinds = self.kind.currentData()
        return SearchRequest(
            self.query.text(),
            limit=SHOWN,
            committee_id=self.committee.currentData(),
            date_from=self.date_from.date(),
            date_to=self.date_to.date(),
            kinds=kinds if isinstance(kinds, frozenset) else frozenset(),
            confidential=self.confidential.isChecked(),
            order="best" if self.order.currentData() == "best" else "newest",
        )

    def refresh(self, *_: object) -> None:
        """Ask again for what the boxes now say; only the latest answer will be shown."""
        request = self.request()
        self._asked += 1
        asked = self._asked
        if not request.text.strip():
            self._show(asked, request, [])
            return
        if request.date_from and request.date_to and request.date_from > request.date_to:
            self.status.setText("The ‘From’ date is after the ‘to’ date.")
            return
        search_ops.find(self.context, self, request).success(
            lambda hits: self._show(asked, request, hits)
        ).run()

    def _show(self, asked: int, request: SearchRequest, hits: list[SearchHit]) -> None:
        if asked != self._asked:
            return  # a later keystroke's results are on their way (or here already)
        self.hits = hits
        self.model.set_hits(hits)
        row = self.model.first_hit_row()
        if row >= 0:
            self.results.setCurrentIndex(self.model.index(row))
        self.results.scrollToTop()
        self.status.setText(self._summary(request, hits))
        self.results_shown.emit(len(hits))

    @staticmethod
    def _summary(request: SearchRequest, hits: list[SearchHit]) -> str:
        if not request.text.strip():
            return "Type to search minutes, decisions, actions, agendas, reports and people."
        if not hits and len(request.text.strip()) < 2:
            return "Type another letter…"
        if not hits:
            return "Nothing found. Fewer words, or another committee or dates, may find it."
        more = " (the first; add words to narrow it)" if len(hits) >= request.limit else ""
        one = "result" if len(hits) == 1 else "results"
        order = "best match first" if request.order == "best" else "newest meeting first"
        return f"{len(hits)} {one}{more}, {order}. Enter opens the chosen one."

    def _fill_committees(self, committees: list[CommitteeRecord]) -> None:
        chosen = self.committee.currentData()
        self.committee.blockSignals(True)
        self.committee.clear()
        self.committee.addItem("All committees", None)
        for committee in committees:
            self.committee.addItem(committee.name, committee.id)
        self.committee.setCurrentIndex(max(0, self.committee.findData(chosen)))
        self.committee.blockSignals(False)

    # Choosing ------------------------------------------------------------------------------------
    def search_for(self, text: str | None = None) -> None:
        """Show the window with the query box ready (holding ``text`` when given)."""
        if text is not None:
            self.query.setText(text)
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus()
        if text is None:
            self.query.selectAll()

    def current_hit(self) -> SearchHit | None:
        hit = self.results.currentIndex().data(HIT_ROLE)
        return hit if isinstance(hit, SearchHit) else None

    def open_current(self) -> None:
        self._open(self.current_hit())

    def _open(self, hit: object) -> None:
        if isinstance(hit, SearchHit):
            self.opened.emit(hit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up and Down in the query box move through the results, skipping the meeting headings.
        if watched is self.query and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None:
                self._move(step)
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        current = self.results.currentIndex().row()
        row = self.model.first_hit_row(current + step if current >= 0 else 0, step)
        if row >= 0:
            self.results.setCurrentIndex(self.model.index(row))
