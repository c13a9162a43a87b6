"""The forms of a minute entered in the minute-taking window: moved and seconded, the decision form,
references opening the narrative, a minute from before these records, and on the Minutes of Previous
Meeting item two meetings confirmed subject to a correction — each read back from the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from sst_desktop.domain.enums import ItemKind, ItemNumbering, ProceduralRole
from sst_desktop.exports.minutes_copy import copy_minutes
from sst_desktop.services import agenda, meetings, minutes
from sst_desktop.services.agenda_records import AgendaItemPatch
from sst_desktop.storage.engine import Database
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.minutes.minute_taking import MinuteTakingWindow
from tests.minutes_data import SeedMeeting, build_committee_and_meetings
from tests.ui.minute_window import open_minute_taking
from tests.ui.test_minute_taking import when_dialog_opens
from tests.ui.waiting import settle


@pytest.fixture
def seed(db: Database) -> SeedMeeting:
    return build_committee_and_meetings(db)


def _window(qtbot, context: AppContext, settings, meeting_id: int) -> MinuteTakingWindow:  # type: ignore[no-untyped-def]
    win = open_minute_taking(context, meeting_id, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot)
    return win


def _type(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    field.setFocus()
    qtbot.keyClicks(field, text)
    field.commit_pending()
    settle(qtbot)


def _tick(qtbot, box) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().bottomLeft() + QPoint(8, -6))
    settle(qtbot)


def test_moved_seconded_decision_form_and_references(qtbot, context, settings, db, seed) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, context, settings, seed.meeting_id)
    window.go_to(seed.item_ids[7])
    settle(qtbot)
    forms = window.editor.forms
    assert not forms.previous.isVisible()  # confirming is the Minutes of Previous Meeting item's
    _type(qtbot, forms.moved_by, "Councillor Hardy")
    _type(qtbot, forms.seconded_by, "Councillor Kelly")
    _type(qtbot, forms.decision_reasons, "To meet the Serious Violence Duty.")
    _type(qtbot, forms.alternative_options, "None.")
    _tick(qtbot, forms.references_inline)

    def fill(dialog: QWidget) -> None:
        dialog.committee.setText("Cabinet")  # type: ignore[attr-defined]
        dialog.when.setText("15/01/2018")  # type: ignore[attr-defined]
        dialog.number.setValue(114)  # type: ignore[attr-defined]
        dialog.resolution.setValue(2)  # type: ignore[attr-defined]
        dialog.accept()

    when_dialog_opens(fill)
    qtbot.mouseClick(forms.typed_reference_button, Qt.MouseButton.LeftButton)
    settle(qtbot)

    minute = minutes.minute_for_item(db, seed.item_ids[7])
    assert (minute.moved_by, minute.seconded_by) == ("Councillor Hardy", "Councillor Kelly")
    assert minute.decision_reasons == "To meet the Serious Violence Duty."
    assert minute.alternative_options == "None."
    assert minute.references_inline
    assert [r.text for r in minute.references] == [
        "Further to Minute No. 114 (Resolution 2) of the meeting of the Cabinet held on 15 January 2018"
    ]
    assert "Minute No. 114 (Resolution 2)" in window.editor.references_box.itemAt(0).widget().text()

    window.undo_stack.undo()  # the reference
    settle(qtbot)
    assert minutes.minute_for_item(db, seed.item_ids[7]).references == ()
    window.undo_stack.undo()  # references inline
    settle(qtbot)
    assert not minutes.minute_for_item(db, seed.item_ids[7]).references_inline
    assert not forms.references_inline.isChecked()


def test_two_meetings_confirmed_subject_to_a_correction(qtbot, context, settings, db, seed) -> None:  # type: ignore[no-untyped-def]
    # 8 September confirms the minutes of 17 March and 22 June in one item.
    added = agenda.add_item(
        db,
        seed.next_id,
        "Minutes of Previous Meetings",
        AgendaItemPatch(kind=ItemKind.PROCEDURAL, procedural_role=ProceduralRole.PREVIOUS_MINUTES),
    ).after
    assert added is not None
    window = _window(qtbot, context, settings, seed.next_id)
    window.go_to(added.id)
    settle(qtbot)
    forms = window.editor.forms
    assert forms.previous.isVisible()
    _tick(qtbot, forms.confirms_two)
    _type(qtbot, forms.subject_to, "the correction of Minute No. 3")
    _tick(qtbot, forms.minute_book)
    minute = minutes.minute_for_item(db, added.id)
    assert minute.confirms_two_meetings and minute.minute_book_later
    assert minute.confirmed_subject_to == "the correction of Minute No. 3"

    minutes.confirm_previous_minutes(db, minute.id, copy_minutes)
    assert [r.text for r in minutes.get_minute(db, minute.id).resolutions] == [
        "the Minutes of the meetings held on 17 March 2022 and 22 June 2022 be confirmed as a correct record "
        "subject to the correction of Minute No. 3"
    ]
    assert meetings.get_meeting(db, seed.previous_id).minutes_confirmed_by_id == seed.next_id
    assert meetings.get_meeting(db, seed.meeting_id).minutes_confirmed_by_id == seed.next_id


def test_reference_to_one_resolution_of_an_earlier_minute(qtbot, context, settings, db, seed) -> None:  # type: ignore[no-untyped-def]
    earlier = minutes.open_minutes(db, seed.previous_id)[0]
    minutes.add_resolution(db, earlier.id, "the apologies be noted")
    minutes.add_resolution(db, earlier.id, "the register be kept")
    window = _window(qtbot, context, settings, seed.meeting_id)
    window.go_to(seed.item_ids[3])
    settle(qtbot)

    def pick(dialog: QWidget) -> None:
        dialog.list.setCurrentRow(0)  # type: ignore[attr-defined]
        dialog.resolution.setValue(2)  # type: ignore[attr-defined]
        dialog.accept()

    when_dialog_opens(pick)
    qtbot.mouseClick(window.editor.reference_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    settle(qtbot)
    fourth = minutes.minute_for_item(db, seed.item_ids[3])
    assert [r.text for r in fourth.references] == [
        "Further to Minute No. 1 (Resolution 2) of the meeting held on 17 March 2022"
    ]


def test_the_agenda_beside_the_minutes_numbers_items_as_printed(qtbot, context, settings, db, seed) -> None:  # type: ignore[no-untyped-def]
    agenda.add_item(db, seed.meeting_id, "Welcome", AgendaItemPatch(numbering=ItemNumbering.NONE), position=0)
    agenda.update_item(db, seed.item_ids[5], AgendaItemPatch(numbering=ItemNumbering.LETTER))
    window = _window(qtbot, context, settings, seed.meeting_id)
    shown = [window.agenda_list.topLevelItem(i).text(0) for i in range(1, 9)]
    assert shown == ["", "1.", "2.", "3.", "4.", "5.", "(A)", "6."]


def test_the_minute_and_the_declaration_name_items_as_printed(qtbot, context, settings, db, seed) -> None:  # type: ignore[no-untyped-def]
    from sst_desktop.ui.minutes.declarations import DeclarationDialog

    agenda.add_item(db, seed.meeting_id, "Welcome", AgendaItemPatch(numbering=ItemNumbering.NONE), position=0)
    agenda.update_item(db, seed.item_ids[5], AgendaItemPatch(numbering=ItemNumbering.LETTER))
    window = _window(qtbot, context, settings, seed.meeting_id)
    tree = window.agenda_list
    for row, place in ((7, "Item A"), (1, "Unnumbered item"), (8, "Item 6")):
        entry = tree.topLevelItem(row)
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(entry).center())
        settle(qtbot)
        assert window.editor.place.text().startswith(f"{place}  ·"), entry.text(1)
    dialog = DeclarationDialog(window.session, [], item_id=seed.item_ids[5], parent=window)
    qtbot.addWidget(dialog)
    shown = [dialog.item.itemText(i) for i in range(dialog.item.count())]
    assert shown[1:4] == [
        "Welcome",
        "1. " + window.session.items[1].title,
        "2. " + window.session.items[2].title,
    ]
    assert f"(A) {window.session.items[6].title}" in shown
