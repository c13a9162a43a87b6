"""The action operations on their own: each runs on the database worker, announces what it changed
and goes on the undo stack of the window it was made in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from sst_desktop.domain.enums import ActionStatus
from sst_desktop.services import actions
from sst_desktop.services.outcome import Changed
from sst_desktop.ui.operations import actions as operations
from sst_desktop.ui.operations.undo import DocumentWindow
from tests.action_world import World, build_world
from tests.ui.waiting import settle


class Document(DocumentWindow, QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.undo_stack = QUndoStack(self)


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return build_world(db)


@pytest.fixture
def window(qtbot) -> Document:  # type: ignore[no-untyped-def]
    document = Document()
    qtbot.addWidget(document)
    return document


def test_an_owner_is_changed_announced_and_undone_in_its_window(qtbot, context, db, world, window) -> None:  # type: ignore[no-untyped-def]
    heard: list[Changed] = []
    context.changed.connect(heard.append)
    svd, reference = world.refs["svd"], world.ref(db, "svd")
    operations.set_owner(context, window, svd, reference, world.dawn).run()
    settle(qtbot)
    record = actions.get_action(db, svd)
    assert (record.owner, record.organisation_name) == ("Dawn McNally", "Merseyside Police")
    assert heard == [Changed.ACTIONS]
    assert window.undo_stack.undoText() == f"Change the owner of {reference}"
    assert context.undo_stack.count() == 0  # not the main window's
    window.undo_stack.undo()
    settle(qtbot)
    assert actions.get_action(db, svd).owner == "Ian Maher"
    window.undo_stack.redo()
    settle(qtbot)
    assert actions.get_action(db, svd).owner == "Dawn McNally"


def test_status_due_date_and_update_each_one_undo_step(qtbot, context, db, world, window) -> None:  # type: ignore[no-untyped-def]
    asb, reference = world.refs["asb"], world.ref(db, "asb")
    operations.set_status(context, window, asb, reference, ActionStatus.COMPLETED, date(2022, 10, 1)).run()
    operations.set_due(context, window, asb, reference, None).run()
    operations.add_update(context, window, asb, reference, "Briefing held — ✓", date(2022, 10, 2)).run()
    settle(qtbot)
    record = actions.get_action(db, asb)
    assert (record.status, record.completed_on, record.due_date) == (
        ActionStatus.COMPLETED,
        date(2022, 10, 1),
        None,
    )
    assert record.latest_update_text == "Briefing held — ✓"
    assert [window.undo_stack.text(i) for i in range(window.undo_stack.count())] == [
        "Mark SST/2022/004 completed",
        "Change the due date of SST/2022/004",
        "Add an update to SST/2022/004",
    ]
    for _ in range(3):
        window.undo_stack.undo()
    settle(qtbot)
    record = actions.get_action(db, asb)
    assert record.status is ActionStatus.IN_PROGRESS and record.completed_on is None
    assert record.due_date is not None and record.latest_update_text == "Briefing booked for October"


def test_an_applied_import_is_announced_and_is_no_undo_step(  # type: ignore[no-untyped-def]
    qtbot, context, db, world, window, tmp_path: Path
) -> None:
    path = tmp_path / "log.xlsx"
    exported: list[object] = []
    operations.export_log(context, window, path).done.connect(exported.append)
    qtbot.waitUntil(lambda: bool(exported), timeout=10_000)
    wb = load_workbook(path)
    ws = wb["Action log"]
    headers = {c.value: c.column for c in ws[1]}
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == world.ref(db, "svd"))
    ws.cell(row, headers["Status"]).value = "Deferred"
    wb.save(path)
    previews: list[object] = []
    operations.preview_import(context, window, path).done.connect(previews.append)
    qtbot.waitUntil(lambda: bool(previews), timeout=10_000)
    heard: list[Changed] = []
    context.changed.connect(heard.append)
    applied: list[object] = []
    operations.apply_import(context, window, previews[0]).done.connect(applied.append)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(applied), timeout=10_000)
    assert actions.get_action(db, world.refs["svd"]).status is ActionStatus.DEFERRED
    assert heard == [Changed.ACTIONS]
    assert window.undo_stack.count() == 0 and context.undo_stack.count() == 0
