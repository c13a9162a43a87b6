"""The agenda builder driven as the officer does: build, reorder by keys and by drag and drop, add,
edit, mark exempt, attach reports. Every check reads the database back."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from sst_desktop.domain.enums import ForwardPlanStatus, ItemKind, ItemNumbering, ProceduralRole, ReportStatus
from sst_desktop.services import actions, agenda, attachments, forward_plan, meetings, standing_items
from sst_desktop.services.agenda_records import AgendaItemPatch
from sst_desktop.services.forward_plan import ForwardPlanPatch
from sst_desktop.storage.engine import Database
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.meetings.agenda_builder import AgendaBuilder
from sst_desktop.ui.meetings.agenda_create import AgendaOfferDialog
from sst_desktop.ui.meetings.models import AgendaColumn
from tests.meeting_factory import SST, make_sst, pdf_bytes
from tests.ui.waiting import settle


@pytest.fixture
def sst(db: Database) -> SST:
    return make_sst(db)


@pytest.fixture
def builder(qtbot, context: AppContext, sst: SST) -> AgendaBuilder:  # type: ignore[no-untyped-def]
    widget = AgendaBuilder(context)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    widget.show_meeting(meetings.get_meeting(context.database, sst.september))
    settle(qtbot)
    return widget


@pytest.fixture(autouse=True)
def errors(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Error dialogs shown, as (title, text), instead of blocking the test. A test that expects some
    checks them and clears the list; any left over fail the test."""
    shown: list[tuple[str, str]] = []

    def warning(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QMessageBox, "critical", warning)
    yield shown
    assert shown == [], f"unexpected error dialogs: {shown}"


def shown_titles(builder: AgendaBuilder) -> list[str]:
    model = builder.model
    return [model.index(row, AgendaColumn.TITLE).data() for row in range(model.rowCount())]


def shown_numbers(builder: AgendaBuilder) -> list[str]:
    model = builder.model
    return [model.index(row, AgendaColumn.NUMBER).data() for row in range(model.rowCount())]


def stored(db: Database, meeting_id: int) -> list[tuple[int, str]]:
    """(number, title) of each item as the database holds it."""
    return [(r.number, r.title) for r in agenda.list_agenda_items(db, meeting_id)]


def build(builder: AgendaBuilder, qtbot, monkeypatch, *, accept: bool = True) -> None:  # type: ignore[no-untyped-def]
    """Click "Create agenda" and answer the forward-plan offer (all ticked, or leave them)."""
    code = QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected
    monkeypatch.setattr(AgendaOfferDialog, "exec", lambda self: code)
    qtbot.mouseClick(builder.create_button, Qt.MouseButton.LeftButton)
    settle(qtbot)


def test_create_agenda_adds_standard_items_and_the_forward_plan_items_accepted(
    qtbot, monkeypatch, builder: AgendaBuilder, context: AppContext, sst: SST
) -> None:
    db = context.database
    standing_items.add_standing_item(db, sst.committee_id, "Prevent Update", presenters_text="Steve Martlew")
    plan = forward_plan.add_forward_plan_item(
        db, sst.committee_id, "Recruitment of DHR chairs", ForwardPlanPatch(target_meeting_id=sst.september)
    ).after
    assert plan is not None
    builder.reload()
    settle(qtbot)
    assert builder.create_button.text() == "Create agenda"

    build(builder, qtbot, monkeypatch)

    expected = [
        "Apologies for Absence",
        "Declarations of Interest",
        "Minutes of Previous Meeting",
        "Prevent Update",
        "Recruitment of DHR chairs",
        "Date of Next Meeting",
    ]
    assert shown_titles(builder) == expected
    assert shown_numbers(builder) == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert stored(db, sst.september) == list(enumerate(expected, start=1))
    items = agenda.list_agenda_items(db, sst.september)
    assert items[2].description == "Minutes of the meeting held on 22 June 2022"
    assert "8 December 2022" in items[-1].description
    assert forward_plan.get_forward_plan_item(db, plan.id).status == ForwardPlanStatus.SCHEDULED
    assert builder.create_button.text() == "Add standard items"
    assert not builder.due_box.isVisible()

    ids = [i.id for i in items]
    context.undo_stack.undo()  # the whole "Create agenda" is one step
    settle(qtbot)
    assert stored(db, sst.september) == []
    assert forward_plan.get_forward_plan_item(db, plan.id).status == ForwardPlanStatus.PENDING
    context.undo_stack.redo()
    settle(qtbot)
    assert [i.id for i in agenda.list_agenda_items(db, sst.september)] == ids  # same items back


def test_forward_plan_items_left_stay_pending_and_can_be_added_later(
    qtbot, monkeypatch, builder: AgendaBuilder, context: AppContext, sst: SST
) -> None:
    db = context.database
    plan = forward_plan.add_forward_plan_item(
        db, sst.committee_id, "Sefton Bid – VAWG funding", ForwardPlanPatch(requested_on=date(2022, 6, 22))
    ).after
    assert plan is not None
    build(builder, qtbot, monkeypatch, accept=False)
    assert "Sefton Bid – VAWG funding" not in shown_titles(builder)
    assert forward_plan.get_forward_plan_item(db, plan.id).status == ForwardPlanStatus.PENDING
    assert builder.due_box.isVisible() and builder.due_list.count() == 1

    builder.due_list.setCurrentRow(0)
    qtbot.mouseClick(builder.accept_button, Qt.MouseButton.LeftButton)
    settle(qtbot)

    assert shown_titles(builder)[-2:] == ["Sefton Bid – VAWG funding", "Date of Next Meeting"]
    assert forward_plan.get_forward_plan_item(db, plan.id).status == ForwardPlanStatus.SCHEDULED
    assert not builder.due_box.isVisible()


def test_reorder_by_keyboard_keeps_numbers_right(
    qtbot, monkeypatch, builder: AgendaBuilder, context: AppContext, sst: SST
) -> None:
    db = context.database
    for title in ("Prevent Update", "VAWG Strategy", "Serious Violence Duty"):
        agenda.add_item(db, sst.september, title)
    build(builder, qtbot, monkeypatch)
    assert shown_titles(builder)[3:6] == ["Prevent Update", "VAWG Strategy", "Serious Violence Duty"]

    builder.select_item(agenda.list_agenda_items(db, sst.september)[5].id)  # Serious Violence Duty
    builder.view.setFocus()
    qtbot.keyClick(builder.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(builder.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)

    assert stored(db, sst.september)[3:6] == [
        (4, "Serious Violence Duty"),
        (5, "Prevent Update"),
        (6, "VAWG Strategy"),
    ]
    assert shown_titles(builder)[3:6] == ["Serious Violence Duty", "Prevent Update", "VAWG Strategy"]
    assert shown_numbers(builder) == [f"{n}." for n in range(1, 8)]
    assert builder.current_item() is not None and builder.current_item().title == "Serious Violence Duty"

    for _ in range(4):  # up to the top, and no further
        qtbot.keyClick(builder.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert stored(db, sst.september)[0] == (1, "Serious Violence Duty")
    assert not builder.up_button.isEnabled()

    qtbot.keyClick(builder.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert [t for _, t in stored(db, sst.september)[:2]] == ["Apologies for Absence", "Serious Violence Duty"]

    for _ in range(6):
        context.undo_stack.undo()
    settle(qtbot)
    assert [t for _, t in stored(db, sst.september)[3:6]] == [
        "Prevent Update",
        "VAWG Strategy",
        "Serious Violence Duty",
    ]
    positions = [r.position for r in agenda.list_agenda_items(db, sst.september)]
    assert positions == list(range(len(positions)))


def test_reorder_by_drag_and_drop(
    qtbot, monkeypatch, builder: AgendaBuilder, context: AppContext, sst: SST
) -> None:
    db = context.database
    for title in ("DHR10 report", "DHR Update", "Prevent Update"):
        agenda.add_item(db, sst.september, title)
    build(builder, qtbot, monkeypatch)
    model = builder.model
    assert shown_titles(builder)[3:6] == ["DHR10 report", "DHR Update", "Prevent Update"]

    # Drag "Prevent Update" (number 6) and drop it before "DHR10 report" (row 3).
    data = model.mimeData([model.index(5, AgendaColumn.TITLE)])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    settle(qtbot)

    assert stored(db, sst.september)[3:6] == [(4, "Prevent Update"), (5, "DHR10 report"), (6, "DHR Update")]
    assert shown_numbers(builder) == [f"{n}." for n in range(1, 8)]
    assert shown_titles(builder)[3] == "Prevent Update"

    # Two rows at once, dropped at the end: they keep their order.
    data = model.mimeData([model.index(0, 0), model.index(2, 0)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, model.rowCount(), 0, QModelIndex())
    settle(qtbot)
    titles = [t for _, t in stored(db, sst.september)]
    assert titles[-2:] == ["Apologies for Absence", "Minutes of Previous Meeting"]
    assert [n for n, _ in stored(db, sst.september)] == list(range(1, 8))

    context.undo_stack.undo()
    context.undo_stack.undo()
    settle(qtbot)
    assert [t for _, t in stored(db, sst.september)][3:6] == ["DHR10 report", "DHR Update", "Prevent Update"]


def test_drop_from_another_agenda_is_refused(
    qtbot, monkeypatch, builder: AgendaBuilder, context: AppContext, sst: SST
) -> None:
    build(builder, qtbot, monkeypatch)
    other = AgendaBuilder(context)
    qtbot.addWidget(other)
    agenda.add_item(context.database, sst.december, "Elsewhere")
    other.show_meeting(meetings.get_meeting(context.database, sst.december))
    settle(qtbot)
    data = other.model.mimeData([other.model.index(0, 0)])
    before = stored(context.database, sst.september)
    assert not builder.model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert builder.model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex()) is False
    assert stored(context.database, sst.september) == before


def test_add_an_item_and_type_its_details(
    qtbot, monkeypatch, builder: AgendaBuilder, context: AppContext, sst: SST, errors
) -> None:
    db = context.database
    build(builder, qtbot, monkeypatch)
    builder.select_item(agenda.list_agenda_items(db, sst.september)[2].id)  # Minutes of Previous Meeting

    qtbot.mouseClick(builder.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)

    editor = builder.editor
    assert editor.title.hasFocus() or editor.title.selectedText() == "New item"
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, "Serious Violence Duty & <partners> ")
    editor.title.insert("– “SVD” ŵ 中文")  # QTest types ASCII only
    qtbot.keyClick(editor.title, Qt.Key.Key_Return)
    editor.description.setFocus()
    qtbot.keyClicks(editor.description, "Report of the Assistant Director Communities")
    editor.commit_pending()
    editor.kind.setCurrentIndex(editor.kind.findData(ItemKind.PRESENTATION))
    editor.kind.activated.emit(editor.kind.currentIndex())
    editor.report_status.setCurrentIndex(editor.report_status.findData(ReportStatus.TO_FOLLOW))
    editor.report_status.activated.emit(editor.report_status.currentIndex())
    settle(qtbot)

    items = agenda.list_agenda_items(db, sst.september)
    new = items[3]
    assert new.title == "Serious Violence Duty & <partners> – “SVD” ŵ 中文"
    assert new.description == "Report of the Assistant Director Communities"
    assert new.kind == ItemKind.PRESENTATION
    assert new.report_status == ReportStatus.TO_FOLLOW
    assert [r.number for r in items] == [1, 2, 3, 4, 5]
    assert shown_titles(builder)[3] == new.title
    assert "1 to follow" in builder.summary.text()

    # A blank title is refused: the box keeps the text, marked, and the database keeps the title.
    editor.title.selectAll()
    qtbot.keyClick(editor.title, Qt.Key.Key_Delete)
    qtbot.keyClick(editor.title, Qt.Key.Key_Return)
    settle(qtbot)
    assert len(errors) == 1 and "title" in errors[0][1].lower()
    errors.clear()
    assert editor.title.property("error") is True
    assert agenda.get_item(db, new.id).title == new.title

    # Typing into the title twice makes one undo step; undo then removes the item itself.
    context.undo_stack.undo()  # report status
    context.undo_stack.undo()  # kind
    context.undo_stack.undo()  # description
    context.undo_stack.undo()  # title
    settle(qtbot)
    assert agenda.get_item(db, new.id).title == "New item"
    context.undo_stack.undo()  # the new item
    settle(qtbot)
    assert [t for _, t in stored(db, sst.september)] == [
        "Apologies for Absence",
        "Declarations of Interest",
        "Minutes of Previous Meeting",
        "Date of Next Meeting",
    ]
    context.undo_stack.redo()
    settle(qtbot)
    assert agenda.get_item(db, new.id).title == "New item"  # the same item (same id) is back


def test_mark_an_item_exempt(
    qtbot, monkeypatch, builder: AgendaBuilder, context: AppContext, sst: SST
) -> None:
    db = context.database
    item = agenda.add_item(db, sst.september, "DHR10 report").after
    assert item is not None
    builder.reload()
    settle(qtbot)
    builder.select_item(item.id)
    editor = builder.editor

    qtbot.mouseClick(editor.paragraphs[7], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.paragraphs[1], Qt.MouseButton.LeftButton)
    settle(qtbot)

    assert agenda.get_item(db, item.id).exempt_paragraphs == (1, 7)
    assert editor.exempt_notice.isVisible()
    assert "paragraph(s) 1, 7 of Part 1 of Schedule 12A" in editor.exempt_notice.text()
    assert "Exempt (para. 1, 7)" in builder.model.index(0, AgendaColumn.REPORT).data()
    assert "exempt: item 1" in builder.summary.text()

    qtbot.mouseClick(editor.paragraphs[1], Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert agenda.get_item(db, item.id).exempt_paragraphs == (7,)
    context.undo_stack.undo()  # the three clicks on one field are one step
    settle(qtbot)
    assert agenda.get_item(db, item.id).exempt_paragraphs == ()
    assert not editor.paragraphs[7].isChecked()


def test_a_bad_pdf_is_refused_with_the_reason_and_nothing_is_stored(
    qtbot, builder: AgendaBuilder, context: AppContext, sst: SST, tmp_path: Path, monkeypatch, errors
) -> None:
    db = context.database
    item = agenda.add_item(db, sst.september, "Prevent Update").after
    assert item is not None
    builder.reload()
    settle(qtbot)
    builder.select_item(item.id)
    bad = tmp_path / "prevent-update.pdf"
    bad.write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(bad)], "PDF reports (*.pdf)"))
    steps = context.undo_stack.count()

    qtbot.mouseClick(builder.editor.attachments.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)

    assert len(errors) == 1
    title, text = errors[0]
    assert title == "Please check the details"
    assert "prevent-update.pdf" in text and ("damaged" in text or "cannot be read" in text)
    assert attachments.list_attachments(db, item.id) == []
    assert agenda.get_item(db, item.id).report_status == ReportStatus.NONE
    assert context.undo_stack.count() == steps
    assert builder.editor.attachments.list.count() == 0

    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(empty)], ""))
    qtbot.mouseClick(builder.editor.attachments.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert "empty" in errors[1][1]
    assert attachments.list_attachments(db, item.id) == []
    errors.clear()


def test_attach_path_attaches_and_refuses_an_item_removed_meanwhile(
    qtbot, builder: AgendaBuilder, context: AppContext, sst: SST, tmp_path: Path, errors
) -> None:
    db = context.database
    good = tmp_path / "Prevent Update.pdf"
    good.write_bytes(pdf_bytes("Prevent Update"))
    item = agenda.add_item(db, sst.september, "Prevent Update").after
    assert item is not None
    builder.reload()
    settle(qtbot)
    builder.select_item(item.id)
    panel = builder.editor.attachments

    panel.attach_path(good)
    settle(qtbot)
    assert [a.filename for a in attachments.list_attachments(db, item.id)] == ["Prevent Update.pdf"]

    agenda.remove_item(db, item.id)  # removed elsewhere while the panel still shows it
    steps = context.undo_stack.count()
    panel.attach_path(good)
    settle(qtbot)
    assert len(errors) == 1
    assert context.undo_stack.count() == steps
    errors.clear()


def test_attach_open_and_remove_a_report(
    qtbot, builder: AgendaBuilder, context: AppContext, sst: SST, tmp_path: Path, monkeypatch, errors
) -> None:
    db = context.database
    item = agenda.add_item(db, sst.september, "Serious Violence Duty").after
    assert item is not None
    builder.reload()
    settle(qtbot)
    builder.select_item(item.id)
    good = tmp_path / "Serious Violence Duty.pdf"
    good.write_bytes(pdf_bytes("Serious Violence Duty", "Page two"))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(good)], ""))
    opened: list[str] = []
    monkeypatch.setattr(
        "sst_desktop.ui.meetings.attachments_list.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()) or True,
    )
    panel = builder.editor.attachments

    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)

    stored_files = attachments.list_attachments(db, item.id)
    assert [(a.filename, a.page_count) for a in stored_files] == [("Serious Violence Duty.pdf", 2)]
    assert agenda.get_item(db, item.id).report_status == ReportStatus.ATTACHED
    assert panel.list.count() == 1 and "2 pages" in panel.list.item(0).text()
    assert builder.model.index(0, AgendaColumn.REPORT).data() == "1 report, 2 pages"

    panel.list.setCurrentRow(0)
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert len(opened) == 1 and Path(opened[0]).read_bytes() == good.read_bytes()

    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert attachments.list_attachments(db, item.id) == []
    assert agenda.get_item(db, item.id).report_status == ReportStatus.NONE
    context.undo_stack.undo()
    settle(qtbot)
    assert [a.id for a in attachments.list_attachments(db, item.id)] == [stored_files[0].id]
    assert errors == []


def test_remove_items_and_undo(
    qtbot, monkeypatch, builder: AgendaBuilder, context: AppContext, sst: SST
) -> None:
    db = context.database
    for title in ("One", "Two", "Three"):
        agenda.add_item(db, sst.september, title)
    builder.reload()
    settle(qtbot)
    builder.view.selectAll()
    builder.view.selectionModel().select(
        builder.model.index(1, 0),
        builder.view.selectionModel().SelectionFlag.Deselect
        | builder.view.selectionModel().SelectionFlag.Rows,
    )
    builder.view.setFocus()
    qtbot.keyClick(builder.view, Qt.Key.Key_Delete)
    settle(qtbot)
    assert stored(db, sst.september) == [(1, "Two")]
    assert builder.current_item() is not None and builder.current_item().title == "Two"  # a neighbour
    context.undo_stack.undo()
    settle(qtbot)
    assert stored(db, sst.september) == [(1, "One"), (2, "Two"), (3, "Three")]


def test_presenters_from_the_directory_and_free_text(
    qtbot, builder: AgendaBuilder, context: AppContext, sst: SST
) -> None:
    db = context.database
    item = agenda.add_item(db, sst.september, "DHR Update").after
    assert item is not None
    builder.reload()
    settle(qtbot)
    builder.select_item(item.id)
    presenters = builder.editor.presenters

    presenters.picker.choose(sst.people["Burnett"])
    presenters.free_text.setFocus()
    qtbot.keyClicks(presenters.free_text, "Steve Martlew")
    qtbot.keyClick(presenters.free_text, Qt.Key.Key_Return)
    settle(qtbot)

    record = agenda.get_item(db, item.id)
    assert record.presenter_ids == (sst.people["Burnett"],)
    assert record.presenters_display == "Simon Burnett/Steve Martlew"
    assert builder.model.index(0, AgendaColumn.PRESENTERS).data() == "Simon Burnett/Steve Martlew"
    assert presenters.chosen.count() == 1 and presenters.picker.text() == ""

    presenters.chosen.setCurrentRow(0)
    presenters.chosen.item(0).setSelected(True)
    qtbot.mouseClick(presenters.remove_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert agenda.get_item(db, item.id).presenter_ids == ()


def test_action_log_item_lists_open_actions(
    qtbot, builder: AgendaBuilder, context: AppContext, sst: SST
) -> None:
    db = context.database
    actions.create_action(
        db,
        text="Share process with MFRS",
        committee_id=sst.committee_id,
        meeting_id=sst.june,
        owner_text="Chris White",
    )
    agenda.build_default_agenda(db, sst.september)
    builder.reload()
    settle(qtbot)

    builder.matters_action.trigger()
    settle(qtbot)

    items = agenda.list_agenda_items(db, sst.september)
    assert [i.title for i in items][2:4] == ["Minutes of Previous Meeting", "Action Log / Matters Arising"]
    assert items[3].kind == ItemKind.ACTION_LOG and items[3].procedural_role == ProceduralRole.MATTERS_ARISING
    assert items[3].description == "To review the 1 open action from previous meetings."
    assert builder.current_item() is not None and builder.current_item().id == items[3].id
    assert "Share process with MFRS" in builder.editor.actions_label.text()
    assert not builder.matters_action.isEnabled()  # one per agenda


def test_confirmed_meeting_agenda_is_read_only(
    qtbot, builder: AgendaBuilder, context: AppContext, sst: SST
) -> None:
    from sst_desktop.domain import Meeting

    db = context.database
    agenda.add_item(db, sst.june, "Unauthorised encampments")
    with db.write() as session:
        session.get(Meeting, sst.june).minutes_confirmed_at = datetime(2022, 9, 8, 12)
    builder.show_meeting(meetings.get_meeting(db, sst.june))
    settle(qtbot)
    assert not builder.create_button.isEnabled() and not builder.add_button.isEnabled()
    assert (
        builder.model.flags(builder.model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
        == Qt.ItemFlag.NoItemFlags
    )
    assert "on record" in builder.summary.text()


def test_agenda_model_passes_the_model_tester(
    qtbot, qtmodeltester, builder: AgendaBuilder, context: AppContext, sst: SST
) -> None:  # type: ignore[no-untyped-def]
    db = context.database
    agenda.build_default_agenda(db, sst.september)
    exempt = agenda.add_item(db, sst.september, "DHR10 report", AgendaItemPatch(exempt_paragraphs=[7])).after
    assert exempt is not None
    builder.reload()
    settle(qtbot)
    qtmodeltester.check(builder.model, force_py=True)
    builder.model.set_records([])  # an empty agenda too
    qtmodeltester.check(builder.model, force_py=True)


def test_number_flag_and_section_heading_of_an_item(
    qtbot, monkeypatch, builder: AgendaBuilder, context: AppContext, sst: SST
) -> None:
    db = context.database
    build(builder, qtbot, monkeypatch)
    welcome = agenda.add_item(db, sst.september, "Welcome and introductions", position=0).after
    assert welcome is not None
    builder.reload()
    settle(qtbot)
    builder.select_item(welcome.id)
    editor = builder.editor

    editor.numbering.setCurrentIndex(editor.numbering.findData(ItemNumbering.NONE))
    editor.numbering.activated.emit(editor.numbering.currentIndex())
    settle(qtbot)
    assert agenda.get_item(db, welcome.id).numbering == ItemNumbering.NONE
    assert shown_numbers(builder)[:3] == ["", "1.", "2."]  # Apologies is item 1 again

    apologies = agenda.list_agenda_items(db, sst.september)[1]
    builder.select_item(apologies.id)
    settle(qtbot)
    editor.section_heading.setFocus()
    qtbot.keyClicks(editor.section_heading, "Public Session")
    qtbot.keyClick(editor.section_heading, Qt.Key.Key_Return)
    editor.flag.setFocus()
    qtbot.keyClicks(editor.flag, "new")
    qtbot.keyClick(editor.flag, Qt.Key.Key_Return)
    settle(qtbot)
    stored_item = agenda.get_item(db, apologies.id)
    assert (stored_item.section_heading, stored_item.flag) == ("Public Session", "NEW")
    assert editor.flag.text() == "NEW"

    context.undo_stack.undo()  # the flag
    settle(qtbot)
    assert agenda.get_item(db, apologies.id).flag == ""


def test_editor_heading_and_summary_show_the_printed_label(
    qtbot, monkeypatch, builder: AgendaBuilder, context: AppContext, sst: SST
) -> None:
    db = context.database
    build(builder, qtbot, monkeypatch)
    welcome = agenda.add_item(db, sst.september, "Welcome and introductions", position=0).after
    dhr = agenda.add_item(db, sst.september, "DHR10 report", AgendaItemPatch(exempt_paragraphs=[7])).after
    assert welcome is not None and dhr is not None
    builder.reload()
    settle(qtbot)
    editor = builder.editor

    builder.select_item(welcome.id)
    editor.numbering.setCurrentIndex(editor.numbering.findData(ItemNumbering.NONE))
    editor.numbering.activated.emit(editor.numbering.currentIndex())
    settle(qtbot)
    assert editor.heading.text() == "Unnumbered item"

    builder.select_item(dhr.id)
    settle(qtbot)
    editor.numbering.setCurrentIndex(editor.numbering.findData(ItemNumbering.LETTER))
    editor.numbering.activated.emit(editor.numbering.currentIndex())
    settle(qtbot)
    assert agenda.get_item(db, dhr.id).numbering == ItemNumbering.LETTER
    assert editor.heading.text() == "Item A"  # as "(A)" on the agenda, not its place in the list
    assert context.undo_stack.undoText() == "Change the numbering of “DHR10 report”"
    assert "exempt: item A" in builder.summary.text()

    apologies = agenda.list_agenda_items(db, sst.september)[1]
    builder.select_item(apologies.id)
    settle(qtbot)
    assert editor.heading.text() == "Item 1"
