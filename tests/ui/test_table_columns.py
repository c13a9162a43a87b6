"""Tables fit their width: dates and references whole, text shared out and shown whole in a tooltip
(or wrapped) — on the demo data, on the laptop screen of tests/conftest.py."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from sst_desktop.domain.action_rows import Column
from sst_desktop.ui.minutes.matters import COL_TEXT
from tests.ui.window_catalogue import settle


def test_action_log_keeps_dates_whole_and_every_column_in_view(qtbot, catalogue) -> None:  # type: ignore[no-untyped-def]
    window = catalogue.open("main-window-actions")
    settle(qtbot)
    table = window.page("actions").table
    header = table.horizontalHeader()
    bold = QFont(table.font())
    bold.setBold(True)
    widest_date = QFontMetrics(bold).horizontalAdvance("08/09/2022")  # overdue dates are bold
    for column in (Column.MEETING_DATE, Column.DUE):
        assert table.columnWidth(column) >= widest_date + 8, column.title
    for column in Column:
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert header.sectionViewportPosition(column) >= 0 and right <= table.viewport().width(), column.title

    # A name cut short shows whole in its tooltip.
    metrics = table.fontMetrics()
    model = table.model()
    cut = [
        model.index(row, Column.OWNER)
        for row in range(model.rowCount())
        if metrics.horizontalAdvance(model.index(row, Column.OWNER).data() or "")
        > table.columnWidth(Column.OWNER)
    ]
    assert cut, "no owner is cut short at this width"
    where = table.visualRect(cut[0]).center()
    QApplication.sendEvent(
        table.viewport(),
        QHelpEvent(QEvent.Type.ToolTip, where, table.viewport().mapToGlobal(where)),
    )
    assert QToolTip.text() == cut[0].data()
    QToolTip.hideText()


def test_matters_arising_gives_the_action_its_room(qtbot, catalogue) -> None:  # type: ignore[no-untyped-def]
    window = catalogue.open("minute-taking-matters-arising")
    settle(qtbot)
    table = window.editor.matters.table
    action = table.columnWidth(COL_TEXT)
    assert action >= 25 * table.fontMetrics().averageCharWidth()
    assert action == max(table.columnWidth(c) for c in range(table.columnCount()))
    for row in range(table.rowCount()):  # wrapped, not cut: each row is as tall as its text
        assert table.rowHeight(row) >= table.sizeHintForRow(row)
