"""The action log opens in reference order (not the order rows were recorded, nor whatever order the
server returns them in), and its header says so."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sst_desktop.domain import action_rows as ar
from sst_desktop.domain.action_rows import Column
from sst_desktop.services import actions
from sst_desktop.ui.actions.log_view import ActionLogPage
from tests.action_world import build_world
from tests.ui.waiting import settle


def test_the_log_opens_in_reference_order(qtbot, context, db) -> None:  # type: ignore[no-untyped-def]
    world = build_world(db)
    # Recorded last, first by reference.
    actions.create_action(
        db, text="Circulate the draft plan", committee_id=world.sst, reference="AAA/2022/001"
    )
    page = ActionLogPage(context)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot)
    references = [row[ar.R_REFERENCE] for row in page.model.rows()]
    assert references[0] == "AAA/2022/001"
    assert references == sorted(references)
    header = page.table.horizontalHeader()
    assert header.sortIndicatorSection() == Column.REFERENCE
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
