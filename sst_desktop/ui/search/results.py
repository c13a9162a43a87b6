"""The results list: a heading row per meeting (committee and date), then that meeting's results, each
with its label and a snippet whose matching words are bold. Drawn from rich text by a delegate."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from sst_desktop.domain.meeting_texts import plain_date
from sst_desktop.services.search import SearchHit
from sst_desktop.ui import theme

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


def group_title(hit: SearchHit) -> str:
    if hit.meeting_id is None:
        return {"person": "People", "organisation": "Organisations"}.get(hit.kind.value, "Not at a meeting")
    name = hit.committee_name or "Meeting"
    return f"{name} — {plain_date(hit.dated)}" if hit.dated else name


def hit_html(hit: SearchHit) -> str:
    mark = (
        '<span style="color:#b00020; font-weight:bold">CONFIDENTIAL</span>&nbsp; ' if hit.confidential else ""
    )
    snippet = "".join(
        f"<b>{escape(text)}</b>" if marked else escape(text) for text, marked in hit.snippet.pieces
    )
    return f'{mark}<span style="font-weight:600">{escape(hit.label)}</span><br><span>{snippet}</span>'


class ResultsModel(QAbstractListModel):
    """Rows: ``str`` group headings and ``SearchHit`` results, in the order the search returned them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[str | SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        rows: list[str | SearchHit] = []
        last: tuple[object, object] | None = None
        for hit in hits:
            key = (hit.meeting_id, hit.kind if hit.meeting_id is None else None)
            if key != last:
                rows.append(group_title(hit))
                last = key
            rows.append(hit)
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self.rows[index.row()], str):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == HIT_ROLE:
            return row if isinstance(row, SearchHit) else None
        if role == Qt.ItemDataRole.BackgroundRole and isinstance(row, str):
            return theme.colour("group_row")  # a meeting's heading row
        if role == HTML_ROLE:
            return f"<b>{escape(row)}</b>" if isinstance(row, str) else hit_html(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if isinstance(row, str):
                return row
            prefix = "CONFIDENTIAL " if row.confidential else ""
            return f"{prefix}{row.label}: {row.snippet.plain}"
        return None

    def first_hit_row(self, start: int = 0, step: int = 1) -> int:
        """The nearest result row from ``start`` in direction ``step`` (-1 when none)."""
        row = start
        while 0 <= row < len(self.rows):
            if isinstance(self.rows[row], SearchHit):
                return row
            row += step
        return -1


class HtmlDelegate(QStyledItemDelegate):
    """Draws a row's rich text (bold matches), wrapped to the width of the view it is in."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        self._heights: dict[tuple[str, int], int] = {}  # (rich text, width) -> height

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(str(index.data(HTML_ROLE) or ""))
        document.setTextWidth(max(200, self.view.viewport().width() - 16))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(group))
        painter.save()
        rect = option.rect
        painter.translate(rect.left() + 6, rect.top() + 3)
        painter.setClipRect(QRectF(0, 0, rect.width() - 6, rect.height() - 3))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = self.view.viewport().width()
        key = (str(index.data(HTML_ROLE) or ""), width)
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 2000:
                self._heights.clear()
            self.initStyleOption(option, index)
            height = self._heights[key] = int(self._document(option, index).size().height()) + 6
        return QSize(width, height)
