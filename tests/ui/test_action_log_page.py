"""The action log page driven like an officer: filter, search, sort, change a status inline, add an
update with a keystroke, jump to the minute, export and import the partners' spreadsheet."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QMessageBox

from sst_desktop.domain import action_filters as af
from sst_desktop.domain import action_rows as ar
from sst_desktop.domain.action_rows import Column
from sst_desktop.domain.enums import ActionStatus
from sst_desktop.services import action_log as al
from sst_desktop.services import actions, committees
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.services.outcome import Changed
from sst_desktop.ui import theme
from sst_desktop.ui.actions import log_workbooks
from sst_desktop.ui.actions.log_model import ActionLogModel
from sst_desktop.ui.actions.log_view import ActionLogPage
from sst_desktop.ui.actions.transfer import ExportChoices, ImportPreviewDialog
from sst_desktop.ui.context import AppContext
from tests.action_world import TODAY, build_world, confirm_minutes, world_file
from tests.sqlite_tools import held_exclusively
from tests.ui.date_entry import type_date
from tests.ui.directory_support import capture_message_boxes
from tests.ui.waiting import settle


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    return build_world(db)


@pytest.fixture
def page(qtbot, context, world) -> ActionLogPage:  # type: ignore[no-untyped-def]
    widget = ActionLogPage(context)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    settle(qtbot)  # the log is read on the database worker
    return widget


def shown(page: ActionLogPage) -> list[str]:
    return [r[ar.R_REFERENCE] for r in page.model.rows()]


def ref(db, world, name: str) -> str:  # type: ignore[no-untyped-def]
    return world.ref(db, name)


def choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


def cell(page: ActionLogPage, reference: str, column: Column) -> str:
    row = next(i for i, r in enumerate(page.model.rows()) if r[ar.R_REFERENCE] == reference)
    return page.model.index(row, column).data()


def test_every_action_shows_with_its_columns(qtbot, db, world, page) -> None:  # type: ignore[no-untyped-def]
    assert page.model.rowCount() == 6
    assert page.count.text() == "6 actions; 2 overdue"
    assert [page.model.headerData(c, Qt.Orientation.Horizontal) for c in Column] == [c.title for c in Column]
    prevent = ref(db, world, "prevent")
    assert cell(page, prevent, Column.COMMITTEE) == "SST"
    assert cell(page, prevent, Column.MEETING_DATE) == "22/06/2022"
    assert cell(page, prevent, Column.MINUTE) == "5"
    assert cell(page, prevent, Column.OWNER) == "Dawn McNally"
    assert cell(page, prevent, Column.ORGANISATION) == "Merseyside Police"
    assert cell(page, prevent, Column.STATUS) == "Open"
    assert cell(page, prevent, Column.LATEST_UPDATE) == "01/08/2022: Figures circulated in draft"
    assert cell(page, ref(db, world, "svd"), Column.DUE) == "Next meeting"
    rec = ref(db, world, "recommendation")
    assert cell(page, rec, Column.ACTION).startswith("Recommendation: That the Council adopts")


def test_overdue_rows_stand_out(qtbot, db, world, page) -> None:  # type: ignore[no-untyped-def]
    rows = {r[ar.R_REFERENCE]: i for i, r in enumerate(page.model.rows())}
    overdue = page.model.index(rows[ref(db, world, "prevent")], Column.DUE)
    assert overdue.data(Qt.ItemDataRole.BackgroundRole) == theme.brush("overdue_back")
    assert overdue.data(Qt.ItemDataRole.FontRole).bold()
    assert overdue.data(Qt.ItemDataRole.ToolTipRole) == "Overdue by 10 days"
    done = page.model.index(rows[ref(db, world, "done")], Column.DUE)  # past due but completed
    assert done.data(Qt.ItemDataRole.BackgroundRole) is None
    on_time = page.model.index(rows[ref(db, world, "asb")], Column.ACTION)
    assert on_time.data(Qt.ItemDataRole.BackgroundRole) is None


def test_search_as_you_type_and_escape_clears(qtbot, db, world, page) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(page.filters.search, "mcn")
    assert shown(page) == [ref(db, world, "prevent"), ref(db, world, "asb")]
    qtbot.keyClicks(page.filters.search, "ally bootle")
    assert shown(page) == [ref(db, world, "asb")]
    assert page.count.text() == "1 of 6 actions"
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Backspace)
    qtbot.keyClicks(page.filters.search, "x")
    assert shown(page) == []
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Escape)
    assert page.filters.search.text() == "" and len(shown(page)) == 6


def test_filters_combine_and_clear(qtbot, db, world, page) -> None:  # type: ignore[no-untyped-def]
    choose(page.filters.committee, "Safer Sefton Together")
    assert len(shown(page)) == 5
    choose(page.filters.owner, "Dawn McNally")
    assert shown(page) == [ref(db, world, "prevent"), ref(db, world, "asb")]
    qtbot.mouseClick(page.filters.overdue, Qt.MouseButton.LeftButton)
    assert shown(page) == [ref(db, world, "prevent")]
    qtbot.mouseClick(page.filters.clear_button, Qt.MouseButton.LeftButton)
    assert len(shown(page)) == 6 and not page.filters.overdue.isChecked()

    choose(page.filters.kind, "Recommendations")
    assert shown(page) == [ref(db, world, "recommendation")]
    choose(page.filters.kind, "Actions and recommendations")
    choose(page.filters.status, "Not done")
    assert ref(db, world, "done") not in shown(page) and len(shown(page)) == 5
    choose(page.filters.status, "Completed")
    assert shown(page) == [ref(db, world, "done")]
    choose(page.filters.status, "Any status")
    choose(page.filters.organisation, "Sefton Council")
    assert ref(db, world, "formula") in shown(page) and ref(db, world, "prevent") not in shown(page)
    choose(page.filters.organisation, "Any organisation")
    page.filters.due_days.setValue(7)
    qtbot.mouseClick(page.filters.due_soon, Qt.MouseButton.LeftButton)
    assert sorted(shown(page)) == sorted(ref(db, world, n) for n in ("prevent", "formula", "recommendation"))
    page.filters.due_days.setValue(60)
    assert ref(db, world, "asb") in shown(page)


def test_sort_by_header_click_both_ways(qtbot, db, world, page) -> None:  # type: ignore[no-untyped-def]
    header = page.table.horizontalHeader()

    def click(column: Column) -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))

    click(Column.OWNER)
    first = [page.model.index(r, Column.OWNER).data() for r in range(page.model.rowCount())]
    assert first == ["+Community Safety Team", "Dawn McNally", "Dawn McNally", "Ian Maher", "Ian Maher", ""]
    click(Column.OWNER)
    second = [page.model.index(r, Column.OWNER).data() for r in range(page.model.rowCount())]
    assert second == ["Ian Maher", "Ian Maher", "Dawn McNally", "Dawn McNally", "+Community Safety Team", ""]
    click(Column.DUE)
    dues = [r[ar.R_DUE] for r in page.model.rows()]
    assert dues[:5] == sorted(d for d in dues if d) and dues[-1] is None
    # the sort holds while filtering
    qtbot.keyClicks(page.filters.search, "sst")
    dues = [r[ar.R_DUE] for r in page.model.rows() if r[ar.R_DUE]]
    assert dues == sorted(dues)


def test_inline_status_change_saves_and_undoes(qtbot, db, world, context, page) -> None:  # type: ignore[no-untyped-def]
    prevent = ref(db, world, "prevent")
    row = next(i for i, r in enumerate(page.model.rows()) if r[ar.R_REFERENCE] == prevent)
    index = page.model.index(row, Column.STATUS)
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    editor = page.table.findChild(QComboBox, "status-editor")
    assert editor is not None and editor.currentText() == "Open"
    editor.setCurrentIndex(editor.findText("Completed"))
    editor.activated.emit(editor.currentIndex())
    settle(qtbot)
    record = actions.get_action(db, world.refs["prevent"])
    assert record.status is ActionStatus.COMPLETED and record.completed_on == date.today()
    assert cell(page, prevent, Column.STATUS) == "Completed"
    assert page.model.index(row, Column.DUE).data(Qt.ItemDataRole.BackgroundRole) is None  # no longer overdue
    assert page.details.status.currentText() == "Completed"
    context.undo_stack.undo()
    settle(qtbot)
    assert actions.get_action(db, world.refs["prevent"]).status is ActionStatus.OPEN
    assert cell(page, prevent, Column.STATUS) == "Open"


def test_status_allowed_on_confirmed_minutes_from_the_details(qtbot, db, world, page) -> None:  # type: ignore[no-untyped-def]
    confirm_minutes(db, world.june)
    assert page.select_action(world.refs["prevent"])
    settle(qtbot)
    combo = page.details.status
    combo.setCurrentIndex(combo.findText("Deferred"))
    combo.activated.emit(combo.currentIndex())
    settle(qtbot)
    assert actions.get_action(db, world.refs["prevent"]).status is ActionStatus.DEFERRED


def test_add_an_update_with_enter_and_see_the_history(qtbot, db, world, context, page) -> None:  # type: ignore[no-untyped-def]
    asb = ref(db, world, "asb")
    page.select_action(world.refs["asb"])
    settle(qtbot)
    assert page.details.heading.text() == f"Action {asb}"
    assert [page.details.history.item(i).text() for i in range(page.details.history.count())] == [
        "20/09/2022 — Briefing booked for October"
    ]
    qtbot.keyClick(page.table, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert page.details.update_text.hasFocus()
    qtbot.keyClicks(page.details.update_text, "Briefing held ")
    page.details.update_text.insert("— 12 attended <b>&")  # (key clicks cannot type a dash)
    qtbot.keyClick(page.details.update_text, Qt.Key.Key_Return)
    settle(qtbot)
    updates = actions.list_updates(db, world.refs["asb"])
    assert [u.text for u in updates][-1] == "Briefing held — 12 attended <b>&"
    assert updates[-1].on == date.today()
    assert page.details.update_text.text() == ""
    history = [page.details.history.item(i).text() for i in range(page.details.history.count())]
    assert history[-1] == f"{date.today():%d/%m/%Y} — Briefing held — 12 attended <b>&"
    assert cell(page, asb, Column.LATEST_UPDATE).endswith("Briefing held — 12 attended <b>&")
    context.undo_stack.undo()
    settle(qtbot)
    assert len(actions.list_updates(db, world.refs["asb"])) == 1
    assert cell(page, asb, Column.LATEST_UPDATE) == "20/09/2022: Briefing booked for October"


def test_due_date_change_from_the_details(qtbot, db, world, page) -> None:  # type: ignore[no-untyped-def]
    page.select_action(world.refs["prevent"])
    settle(qtbot)
    target = TODAY + timedelta(days=30)
    type_date(qtbot, page.details.due, f"{target.day}/{target.month}/{target:%y}")
    settle(qtbot)
    assert actions.get_action(db, world.refs["prevent"]).due_date == target
    assert cell(page, ref(db, world, "prevent"), Column.DUE) == f"{target:%d/%m/%Y}"
    assert page.count.text() == "6 actions; 1 overdue"


def test_recommendation_details_show_the_response(qtbot, db, world, page) -> None:  # type: ignore[no-untyped-def]
    page.select_action(world.refs["recommendation"])
    settle(qtbot)
    details = page.details
    assert details.heading.text().startswith("Recommendation PRWG/")
    assert details.response.isVisibleTo(details) and details.response.text().startswith("Accepted.")
    assert not details.open_button.isEnabled()  # no meeting behind it


def test_go_to_minute_asks_for_the_meeting(qtbot, db, world, context, page) -> None:  # type: ignore[no-untyped-def]
    page.select_action(world.refs["svd"])
    settle(qtbot)
    assert "minute 6" in page.details.source.text()
    with qtbot.waitSignal(context.open_meeting_requested, timeout=1000) as signal:
        qtbot.mouseClick(page.details.open_button, Qt.MouseButton.LeftButton)
    assert signal.args == [world.june]


def test_changes_made_elsewhere_reload_the_log(qtbot, db, world, context, page) -> None:  # type: ignore[no-untyped-def]
    page.select_action(world.refs["asb"])
    actions.create_action(db, minute_id=world.m14, text="Made in the minutes screen")
    context.announce(Changed.ACTIONS)
    qtbot.waitUntil(lambda: page.model.rowCount() == 7, timeout=3000)
    assert page.current_action_id() == world.refs["asb"]  # the choice survives the reload


def test_own_edits_read_again_only_the_actions_they_changed(qtbot, db, world, context, page) -> None:  # type: ignore[no-untyped-def]
    log = page.model.log
    page.select_action(world.refs["svd"])
    settle(qtbot)
    combo = page.details.status
    combo.setCurrentIndex(combo.findText("In progress"))
    combo.activated.emit(combo.currentIndex())
    settle(qtbot)
    assert page.model.log is log  # (not the whole log read again)
    assert cell(page, ref(db, world, "svd"), Column.STATUS) == "In progress"
    assert page.details.status.currentText() == "In progress"
    assert context.undo_stack.undoText() == f"Mark {ref(db, world, 'svd')} in progress"


def test_a_date_being_typed_survives_the_details_read_again_after_an_earlier_change(  # type: ignore[no-untyped-def]
    qtbot, db, world, page
) -> None:
    page.select_action(world.refs["prevent"])
    settle(qtbot)
    combo = page.details.status
    combo.setCurrentIndex(combo.findText("In progress"))
    combo.activated.emit(combo.currentIndex())  # saved on the worker; the details are read again after
    due = page.details.due
    due.selectAll()
    qtbot.keyClicks(due, "1/3/27")  # (not entered yet)
    settle(qtbot)
    assert page.details.status.currentText() == "In progress"
    assert due.text() == "1/3/27"
    qtbot.keyClick(due, Qt.Key.Key_Return)
    settle(qtbot)
    assert actions.get_action(db, world.refs["prevent"]).due_date == date(2027, 3, 1)


def test_names_changed_elsewhere_read_the_log_again(qtbot, db, world, context, page) -> None:  # type: ignore[no-untyped-def]
    committees.update_committee(db, world.sst, CommitteePatch(short_name="SSTP"))
    context.announce(Changed.COMMITTEES)
    qtbot.waitUntil(lambda: cell(page, ref(db, world, "prevent"), Column.COMMITTEE) == "SSTP", timeout=5000)
    settle(qtbot)


def test_a_refused_change_is_explained_and_the_details_show_what_is_stored(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch, db, world, page
) -> None:
    boxes = capture_message_boxes(monkeypatch)
    page.select_action(world.refs["svd"])
    settle(qtbot)
    actions.delete_action(db, world.refs["svd"])  # (by another window, unannounced)
    combo = page.details.status
    combo.setCurrentIndex(combo.findText("Deferred"))
    combo.activated.emit(combo.currentIndex())
    settle(qtbot)
    assert [(kind, title) for kind, title, _text in boxes.shown] == [("warning", "That cannot be done")]
    assert "no action" in boxes.shown[0][2]
    assert combo.currentText() == "Open"


def test_a_locked_file_is_explained_when_the_log_is_read(qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    boxes = capture_message_boxes(monkeypatch)
    path, db = world_file(tmp_path, busy_timeout=0.3)
    try:
        with held_exclusively(path):
            widget = ActionLogPage(AppContext(db))
            qtbot.addWidget(widget)
            settle(qtbot)
        assert [(kind, title) for kind, title, _text in boxes.shown] == [("warning", "Database problem")]
        assert "is busy" in boxes.shown[0][2] and "unexpected" not in boxes.shown[0][2]
        widget.reload()  # the officer tries again once the other program has finished
        settle(qtbot)
        assert widget.model.rowCount() == 6
    finally:
        db.dispose()


def test_export_from_the_page_reads_back(qtbot, monkeypatch, db, world, tmp_path: Path, page) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(page.filters.search, "mcnally")
    target = tmp_path / "shown.xlsx"
    monkeypatch.setattr(ExportChoices, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(
        log_workbooks.QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "shown"), "")
    )
    page.workbooks.choose_export()
    qtbot.waitUntil(lambda: page.workbooks.last_export is not None, timeout=10_000)
    ws = load_workbook(target)["Action log"]
    assert sorted(ws.cell(r, 1).value for r in range(2, ws.max_row + 1)) == sorted(
        [ref(db, world, "prevent"), ref(db, world, "asb")]
    )
    assert page.workbooks.last_export.rows == 2


def test_import_from_the_page_previews_then_applies(
    qtbot, monkeypatch, db, world, tmp_path: Path, page
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "log.xlsx"
    task = page.workbooks.export_to(path)
    qtbot.waitUntil(lambda: page.workbooks.last_export is not None, timeout=10_000)
    del task
    wb = load_workbook(path)
    ws = wb["Action log"]
    headers = {c.value: c.column for c in ws[1]}
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value == ref(db, world, "asb"):
            ws.cell(r, headers["Status"]).value = "Completed"
            ws.cell(r, headers["Completed on"]).value = datetime(2022, 11, 1)
            ws.cell(r, headers["New update"]).value = "Delivered"
        if ws.cell(r, 1).value == ref(db, world, "prevent"):
            ws.cell(r, headers["Status"]).value = "Nearly"
    wb.save(path)
    seen: list[ImportPreviewDialog] = []

    def accept(dialog):  # type: ignore[no-untyped-def]
        seen.append(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportPreviewDialog, "exec", accept)
    monkeypatch.setattr(log_workbooks.QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    page.workbooks.choose_import()
    qtbot.waitUntil(lambda: page.workbooks.last_import is not None, timeout=10_000)
    dialog = seen[0]
    assert dialog.apply_button.isEnabled() and dialog.apply_button.text() == "Apply 1 change"
    table = dialog.table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert ["Change", ref(db, world, "asb"), "Action log row 6", "Status", "In progress → Completed"] in rows
    assert any(r[0] == "Problem" and "“Nearly” is not a status" in r[4] for r in rows)
    record = actions.get_action(db, world.refs["asb"])
    assert record.status is ActionStatus.COMPLETED and record.completed_on == date(2022, 11, 1)
    assert record.latest_update_text == "Delivered"
    settle(qtbot)  # the log hears of the change and reads the actions it touched
    assert cell(page, ref(db, world, "asb"), Column.STATUS) == "Completed"


def test_a_foreign_file_is_refused_with_a_dialog(qtbot, monkeypatch, tmp_path: Path, page) -> None:  # type: ignore[no-untyped-def]
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a workbook")
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a, **k: messages.append(text))
    task = page.workbooks.preview_import(junk)
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert "junk.xlsx is not an Excel workbook" in messages[0]
    del task


def test_attendance_register_from_the_page(qtbot, db, world, tmp_path: Path, page) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "register.xlsx"
    page.workbooks.export_register(world.sst, target)
    qtbot.waitUntil(lambda: page.workbooks.last_export is not None, timeout=10_000)
    assert load_workbook(target)["Attendance"]["A1"].value == "Safer Sefton Together: attendance register"


def test_model_keeps_filter_and_sort_across_reload(qtbot, db, world) -> None:  # type: ignore[no-untyped-def]
    model = ActionLogModel()
    model.set_log(al.load_log(db))
    model.sort(Column.REFERENCE, Qt.SortOrder.DescendingOrder)
    model.set_filter(af.LogFilter(text="sst"))
    refs = [r[ar.R_REFERENCE] for r in model.rows()]
    assert refs == sorted(refs, reverse=True) and len(refs) == 5
    model.set_log(al.load_log(db))
    assert [r[ar.R_REFERENCE] for r in model.rows()] == refs


def test_the_model_passes_qt_model_checks(qtmodeltester, db, world) -> None:  # type: ignore[no-untyped-def]
    model = ActionLogModel()
    model.set_log(al.load_log(db))
    qtmodeltester.check(model)
    model.set_filter(af.LogFilter(text="sst"))
    model.sort(Column.DUE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_latest_updates_show_while_the_rest_are_still_being_read(qtbot, db, world) -> None:  # type: ignore[no-untyped-def]
    log = al.load_log(db, latest=False)  # the latest updates are still being read
    model = ActionLogModel()
    asked: list[list[int]] = []

    def reader(ids):  # type: ignore[no-untyped-def]
        asked.append(ids)  # (the page reads them on the database worker; answered at once here)
        model.show_latest(al.load_latest(db, ids))

    model.latest_wanted.connect(reader)
    model.set_log(log)
    row = model.row_of_id(world.refs["prevent"])
    assert model.index(row, Column.LATEST_UPDATE).data() == "01/08/2022: Figures circulated in draft"
    assert model.index(0, Column.LATEST_UPDATE).data() is not None
    assert len(asked) == 1  # one window of rows read at once
    log.take_latest(al.read_latest(db, log.rows))
    with qtbot.waitSignal(model.dataChanged):
        model.latest_arrived()
    assert log.latest is not None
    assert model.index(row, Column.LATEST_UPDATE).data() == "01/08/2022: Figures circulated in draft"
    assert len(asked) == 1
