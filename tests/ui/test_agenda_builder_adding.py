"""Adding to a new agenda as the officer does: where Add item puts business after Create agenda, and
the Action Log / Matters Arising item that Create agenda offers when the committee has open actions.
Each check reads the database (and the agenda PDF) back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from sst_desktop.domain.enums import ItemKind, ProceduralRole
from sst_desktop.exports.agenda_pdf import build_agenda_pdf
from sst_desktop.services import actions, agenda, meetings, standing_items
from sst_desktop.storage.engine import Database
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.meetings.agenda_builder import AgendaBuilder
from tests.exports.minutes_helpers import in_order, pdf_pages
from tests.meeting_factory import SST, make_sst
from tests.ui.directory_support import drive_dialog
from tests.ui.waiting import settle

STANDARD = ["Apologies for Absence", "Declarations of Interest", "Minutes of Previous Meeting"]


def open_builder(qtbot, context: AppContext, meeting_id: int) -> AgendaBuilder:  # type: ignore[no-untyped-def]
    builder = AgendaBuilder(context)
    qtbot.addWidget(builder)
    builder.resize(1366, 768)
    builder.show()
    builder.show_meeting(meetings.get_meeting(context.database, meeting_id))
    settle(qtbot)
    return builder


def titles(db: Database, meeting_id: int) -> list[str]:
    return [i.title for i in agenda.list_agenda_items(db, meeting_id)]


def click_row(qtbot, builder: AgendaBuilder, title: str) -> None:  # type: ignore[no-untyped-def]
    row = next(r for r, record in enumerate(builder.model.records) if record.title == title)
    rect = builder.view.visualRect(builder.model.index(row, 1))
    qtbot.mouseClick(builder.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert builder.current_item() is not None and builder.current_item().title == title


def add_titled(qtbot, builder: AgendaBuilder, title: str) -> None:  # type: ignore[no-untyped-def]
    """Insert in the list (as Add item does), then type the title and press Enter."""
    builder.view.setFocus()
    qtbot.keyClick(builder.view, Qt.Key.Key_Insert)
    settle(qtbot)
    editor = builder.editor.title
    editor.selectAll()
    qtbot.keyClicks(editor, title)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    settle(qtbot)


def test_business_added_after_create_agenda_goes_before_date_of_next_meeting(
    qtbot, context: AppContext, db: Database
) -> None:
    sst = make_sst(db)
    standing_items.add_standing_item(db, sst.committee_id, "Prevent Update")
    builder = open_builder(qtbot, context, sst.september)
    qtbot.mouseClick(builder.create_button, Qt.MouseButton.LeftButton)  # nothing to offer: no dialog
    settle(qtbot)
    assert builder.current_item() is not None
    assert builder.current_item().title == "Apologies for Absence"  # as Create agenda leaves it

    qtbot.mouseClick(builder.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    qtbot.keyClicks(builder.editor.title, "DHR10 report")
    qtbot.keyClick(builder.editor.title, Qt.Key.Key_Return)
    settle(qtbot)
    assert titles(db, sst.september) == [*STANDARD, "Prevent Update", "DHR10 report", "Date of Next Meeting"]

    # An opening procedural item chosen: business still goes after the business already there.
    click_row(qtbot, builder, "Declarations of Interest")
    add_titled(qtbot, builder, "Serious Violence Duty")
    click_row(qtbot, builder, "Date of Next Meeting")
    add_titled(qtbot, builder, "Project ADDER")
    # A business item chosen: the new one follows it.
    click_row(qtbot, builder, "Prevent Update")
    add_titled(qtbot, builder, "Prevent Health Check")

    expected = [
        *STANDARD,
        "Prevent Update",
        "Prevent Health Check",
        "DHR10 report",
        "Serious Violence Duty",
        "Project ADDER",
        "Date of Next Meeting",
    ]
    assert titles(db, sst.september) == expected
    assert [r.title for r in builder.model.records] == expected
    pages = pdf_pages(build_agenda_pdf(db, sst.september).pdf)
    in_order(" ".join(pages), [f"{n}. {title}" for n, title in enumerate(expected, start=1)])


def create_agenda(qtbot, builder: AgendaBuilder) -> None:  # type: ignore[no-untyped-def]
    """Click Create agenda, and wait while it reads what to offer, asks, and makes the agenda."""
    qtbot.mouseClick(builder.create_button, Qt.MouseButton.LeftButton)
    settle(qtbot)


def _open_actions(db: Database, sst: SST, count: int) -> None:
    for n in range(count):
        actions.create_action(
            db, text=f"Action {n + 1} from June", committee_id=sst.committee_id, meeting_id=sst.june
        )


def test_create_agenda_offers_the_action_log_when_actions_are_open(
    qtbot, context: AppContext, db: Database
) -> None:
    sst = make_sst(db)
    _open_actions(db, sst, 2)
    builder = open_builder(qtbot, context, sst.september)
    offered: list[str] = []

    def accept(dialog: QDialog) -> None:
        box = dialog.matters  # type: ignore[attr-defined]
        offered.append(box.text())
        assert box.isVisible() and box.isChecked()  # on by default
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]

    drive_dialog(qtbot, lambda: create_agenda(qtbot, builder), accept)

    assert offered == ["Action Log / Matters Arising: the 2 open actions from earlier meetings, to review"]
    items = agenda.list_agenda_items(db, sst.september)
    assert [i.title for i in items] == [*STANDARD, "Action Log / Matters Arising", "Date of Next Meeting"]
    assert items[3].kind == ItemKind.ACTION_LOG
    assert items[3].procedural_role == ProceduralRole.MATTERS_ARISING
    assert items[3].description == "To review the 2 open actions from previous meetings."
    assert not builder.matters_action.isEnabled()  # one per agenda

    # Business added next goes after it, before Date of Next Meeting.
    qtbot.mouseClick(builder.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert titles(db, sst.september)[4] == "New item"

    context.undo_stack.undo()  # the new item
    context.undo_stack.undo()  # Create agenda, the action log with it, is one step
    settle(qtbot)
    assert titles(db, sst.september) == []


def test_the_officer_may_leave_the_action_log_off(qtbot, context: AppContext, db: Database) -> None:
    sst = make_sst(db)
    _open_actions(db, sst, 1)
    builder = open_builder(qtbot, context, sst.september)

    def untick(dialog: QDialog) -> None:
        box = dialog.matters  # type: ignore[attr-defined]
        assert box.text().startswith("Action Log / Matters Arising: the 1 open action from")
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
        assert not box.isChecked()
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]

    drive_dialog(qtbot, lambda: create_agenda(qtbot, builder), untick)
    assert titles(db, sst.september) == [*STANDARD, "Date of Next Meeting"]
    assert builder.matters_action.isEnabled()  # still there to add by hand
