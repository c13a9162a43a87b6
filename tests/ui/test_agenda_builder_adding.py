"""Adding to a new agenda as the officer does: where Add item puts business after Create agenda.
Each check reads the database (and the agenda PDF) back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sst_desktop.exports.agenda_pdf import build_agenda_pdf
from sst_desktop.services import agenda, forward_plan, meetings
from sst_desktop.storage.engine import Database
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.meetings.agenda_builder import AgendaBuilder
from tests.exports.minutes_helpers import in_order, pdf_pages
from tests.meeting_factory import make_sst

STANDARD = ["Apologies for Absence", "Declarations of Interest", "Minutes of Previous Meeting"]


def open_builder(qtbot, context: AppContext, meeting_id: int) -> AgendaBuilder:  # type: ignore[no-untyped-def]
    builder = AgendaBuilder(context)
    qtbot.addWidget(builder)
    builder.resize(1366, 768)
    builder.show()
    builder.show_meeting(meetings.get_meeting(context.database, meeting_id))
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
    editor = builder.editor.title
    editor.selectAll()
    qtbot.keyClicks(editor, title)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_business_added_after_create_agenda_goes_before_date_of_next_meeting(
    qtbot, context: AppContext, db: Database
) -> None:
    sst = make_sst(db)
    forward_plan.add_standing_item(db, sst.committee_id, "Prevent Update")
    builder = open_builder(qtbot, context, sst.september)
    qtbot.mouseClick(builder.create_button, Qt.MouseButton.LeftButton)  # nothing to offer: no dialog
    assert builder.current_item() is not None
    assert builder.current_item().title == "Apologies for Absence"  # as Create agenda leaves it

    qtbot.mouseClick(builder.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(builder.editor.title, "DHR10 report")
    qtbot.keyClick(builder.editor.title, Qt.Key.Key_Return)
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
