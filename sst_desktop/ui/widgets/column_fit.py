"""Table columns sized to the table, so a table never needs scrolling sideways to be read.

Columns whose content has a natural width — dates, numbers, references, statuses — get exactly that
width and are cut short only when the table cannot hold them all (large text on a small screen). The text columns share what is left by weight (none narrower than
``minimum``), and a cell whose text does not fit shows all of it in a tooltip (or wraps, where the
view wraps and ``wrap_rows`` is set). Widths follow the table as it is resized and as its rows change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QFrame, QHeaderView, QListView, QScrollArea, QTableView, QToolTip, QWidget

# Room a cell takes around its text: the style's margins and the house style's item padding.
CELL_PADDING = 16
HEADER_EXTRA = 8  # a header section's padding beyond a cell's (resources/styles/app.qss)
SORT_ARROW = 18
MINIMUM_TEXT = 32  # a text column is never squeezed below a few characters


class ColumnFit(QObject):
    """Keeps ``view``'s columns fitted: ``text`` maps each text column to its share of the spare width.

    ``natural(column)`` gives the width a fixed column needs; by default the wider of its header and
    its content (``sizeHintForColumn``, which reads every row: pass a cheaper measure for big tables).
    """

    def __init__(
        self,
        view: QTableView,
        text: Mapping[int, int],
        *,
        natural: Callable[[int], int] | None = None,
        minimum: int = 64,
        wrap_rows: bool = False,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.text = dict(text)
        self.minimum = minimum
        self.wrap_rows = wrap_rows
        self._natural = natural or self.content_width
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(header.count()):  # (a hidden section is left alone: Qt would show a gap)
            if not header.isSectionHidden(column):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        self._viewport = view.viewport()  # (kept: asking the view during its destruction fails)
        self._viewport.installEventFilter(self)
        header.sortIndicatorChanged.connect(self._timer.start)
        self.watch_model()

    def watch_model(self) -> None:
        """Refit when the rows change (call again after ``setModel``)."""
        model = self.view.model()
        if model is None:
            return
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._timer.start)
        model.dataChanged.connect(self._timer.start)

    def content_width(self, column: int) -> int:
        return max(self.header_width(column), self.view.sizeHintForColumn(column))

    def header_width(self, column: int) -> int:
        """The header's title whole, with room for the sort arrow only where it is shown (Qt's own
        size hint keeps that room on every column, which a narrow table cannot spare)."""
        header = self.view.horizontalHeader()
        title = str(self.view.model().headerData(column, Qt.Orientation.Horizontal) or "")
        width = self.text_width(title, bold=True) + HEADER_EXTRA
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
            width += SORT_ARROW
        return width

    def text_width(self, *samples: str, bold: bool = False) -> int:
        """What a cell needs to show the widest of ``samples`` whole (a fixed column's width)."""
        font = QFont(self.view.font())
        font.setBold(bold)
        metrics = QFontMetrics(font)
        return max((metrics.horizontalAdvance(s) for s in samples), default=0) + CELL_PADDING

    def fit(self) -> None:
        """Size the columns to the view's width now."""
        header = self.view.horizontalHeader()
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        fixed = {c: self._natural(c) for c in shown if c not in self.text}
        flexible = [c for c in sorted(shown, key=header.visualIndex) if c in self.text]
        available = self.view.viewport().width()
        least = self.least()
        floor = len(flexible) * least
        if fixed and sum(fixed.values()) + floor > available:
            # Too narrow even for the fixed columns (large text, a small screen): they give up room in
            # proportion and elide, with the whole text in the tooltip, rather than scroll sideways.
            room, total = max(available - floor, 0), sum(fixed.values())
            fixed = {c: max(least, width * room // total) for c, width in fixed.items()}
        widths = dict(fixed)
        widths.update(self.shares(available - sum(fixed.values()), flexible))
        for column, width in widths.items():
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
        if self.wrap_rows:
            self.view.resizeRowsToContents()

    def least(self) -> int:
        """The narrowest a column may be: a few characters, and no less than the header allows."""
        return max(MINIMUM_TEXT, self.view.horizontalHeader().minimumSectionSize())

    def shares(self, spare: int, columns: list[int]) -> dict[int, int]:
        """Split ``spare`` pixels between text ``columns`` by weight. A column whose text needs less
        than its share gets what it needs; one that would fall below ``minimum`` gets that; the
        others share the rest. Only when even the minimums do not fit do they shrink below it
        (never below a few characters), rather than scroll sideways."""
        floor = max(min(self.minimum, spare // max(len(columns), 1)), self.least())
        need = {c: max(self._natural(c), floor) for c in columns}
        widths: dict[int, int] = {}
        rest = list(columns)
        while rest:
            left = spare - sum(widths.values())
            weights = sum(self.text[c] for c in rest) or 1
            share = {c: left * self.text[c] // weights for c in rest}
            settled = {c: need[c] for c in rest if need[c] <= share[c]} or {
                c: floor for c in rest if share[c] < floor
            }
            if not settled:
                break
            widths.update(settled)
            rest = [c for c in rest if c not in settled]
        left = spare - sum(widths.values())
        weights = sum(self.text[c] for c in rest) or 1
        for column in rest[:-1]:
            widths[column] = left * self.text[column] // weights
        if rest:
            widths[rest[-1]] = spare - sum(widths.values())
        elif columns and left > 0:  # every text fits whole: the last column takes what is over
            widths[columns[-1]] += left
        return widths

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # (a wrapper Qt made afresh for this object has none of its attributes: ignore its events)
        if watched is getattr(self, "_viewport", None):
            if event.type() == QEvent.Type.Resize:
                self._timer.start()
            elif event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
                return self._tooltip(event)
        return False

    def _tooltip(self, event: QHelpEvent) -> bool:
        """A cell with no tooltip of its own, whose text is cut short, shows its whole text."""
        index = self.view.indexAt(event.pos())
        if not index.isValid() or index.data(Qt.ItemDataRole.ToolTipRole):
            return False
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        width = self.view.fontMetrics().horizontalAdvance(text) + CELL_PADDING
        if text and width > self.view.columnWidth(index.column()):
            QToolTip.showText(event.globalPos(), text, self.view.viewport())
        else:
            QToolTip.hideText()
        return True


def wrap_list(view: QListView) -> QListView:
    """A list whose long entries wrap onto more lines, so it never needs scrolling sideways."""
    view.setWordWrap(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view


def vertical_scroll(body: QWidget) -> QScrollArea:
    """``body`` in a frameless area that scrolls up and down only. The area is not a stop of its own
    when tabbing: the keyboard goes straight to the controls it holds."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidget(body)
    return scroll
