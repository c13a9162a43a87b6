"""The people directory: instant search, the duplicate warning, edits saved as made, archive."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from sst_desktop.services import organisations, people
from sst_desktop.ui.directory.organisations_view import OrganisationsPage
from sst_desktop.ui.directory.people_view import PeoplePage
from sst_desktop.ui.widgets import person_dialog
from sst_desktop.ui.widgets.person_picker import PersonPicker
from sst_desktop.ui.widgets.record_model import selected_record
from tests.ui.directory_support import (
    Sample,
    capture_message_boxes,
    drive_dialog,
    recorded_sql,
    sample_directory,
    shown_page,
    write_transactions,
)
from tests.ui.waiting import settle


@pytest.fixture
def sample(db) -> Sample:  # type: ignore[no-untyped-def]
    return sample_directory(db)


@pytest.fixture
def page(qtbot, context, sample) -> PeoplePage:  # type: ignore[no-untyped-def]
    return shown_page(qtbot, PeoplePage(context), (1100, 700))


def _names(page: PeoplePage) -> list[str]:
    return [p.plain_name for p in page.model.records()]


def _ok(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_search_filters_as_you_type(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    assert _names(page) == ["Ian Barton", "Neil Frackleton", "Trish Hardy", "Sonya Kelly"]
    qtbot.keyClicks(page.search, "sefton")
    assert _names(page) == ["Ian Barton", "Trish Hardy", "Sonya Kelly"]
    qtbot.keyClicks(page.search, " council hard")
    assert _names(page) == ["Trish Hardy"]
    assert page.current is not None and page.current.last_name == "Hardy"
    assert page.count.text() == "1 of 4 people"
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == "" and len(_names(page)) == 4


def test_ctrl_f_is_the_search_box_and_sorting_by_column(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    page.focus_search()
    assert page.search.hasFocus()
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _names(page)[0] == "Sonya Kelly"


def test_the_chosen_person_stays_chosen_when_the_list_is_sorted(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    table = page.table
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(page.model.index(1, 0)).center()
    )
    chosen = page.details.record
    assert chosen is not None and selected_record(table).id == chosen.id
    header = table.horizontalHeader()
    rows = set()
    for _ in range(2):  # both ways: the row moves at least once
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(10, header.height() // 2))
        assert selected_record(table).id == chosen.id
        assert page.details.record.id == chosen.id
        rows.add(table.selectionModel().selectedRows()[0].row())
    assert len(rows) == 2


def test_duplicate_warning_on_create(qtbot, monkeypatch, db, sample, page) -> None:  # type: ignore[no-untyped-def]
    asked: list[list[str]] = []
    answers = [False, True]

    def ask(_parent, name, duplicates):  # type: ignore[no-untyped-def]
        asked.append([d.person.last_name for d in duplicates])
        return answers.pop(0)

    monkeypatch.setattr(person_dialog, "ask_add_anyway", ask)
    seen: dict[str, object] = {}

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.first_name, "Neil")
        qtbot.keyClicks(dialog.last_name, "Frackelton")
        dialog.last_name.editingFinished.emit()
        settle(qtbot)
        seen["warning"] = dialog.duplicates.text()
        seen["visible"] = not dialog.duplicates.isHidden()
        _ok(dialog)  # "Go back": the dialog stays, with what was typed
        settle(qtbot)
        seen["still_open"] = dialog.isVisible() and dialog.last_name.text() == "Frackelton"
        _ok(dialog)  # "Add as a new person"

    drive_dialog(qtbot, lambda: qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton), fill)
    assert seen["visible"] and "Neil Frackleton" in str(seen["warning"])
    assert seen["still_open"]
    assert asked == [["Frackleton"], ["Frackleton"]]
    assert [p.last_name for p in people.list_people(db, search="neil")] == ["Frackelton", "Frackleton"]
    assert page.current is not None and page.current.last_name == "Frackelton"


def test_new_person_with_a_new_organisation_is_one_undo_step(qtbot, monkeypatch, context, db, page) -> None:  # type: ignore[no-untyped-def]
    capture_message_boxes(monkeypatch)

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.title.setEditText("Chief Inspector")
        qtbot.keyClicks(dialog.first_name, "Tracy")
        qtbot.keyClicks(dialog.last_name, "Trubshaw")
        dialog.organisation.setEditText("Merseyside Police Authority")
        qtbot.keyClicks(dialog.email, "tracy.trubshaw@merseyside.police.uk")
        _ok(dialog)

    drive_dialog(qtbot, page.new_person, fill)
    [tracy] = people.list_people(db, search="trubshaw")
    assert (tracy.full_name, tracy.organisation_name) == (
        "Chief Inspector Tracy Trubshaw",
        "Merseyside Police Authority",
    )
    context.undo_stack.undo()
    settle(qtbot)
    assert people.list_people(db, search="trubshaw") == []
    assert "Merseyside Police Authority" not in [o.name for o in organisations.list_organisations(db)]
    context.undo_stack.redo()
    settle(qtbot)
    assert people.get_person(db, tracy.id).organisation_name == "Merseyside Police Authority"


def test_invalid_email_in_new_person_dialog_keeps_everything(qtbot, monkeypatch, db, page) -> None:  # type: ignore[no-untyped-def]
    boxes = capture_message_boxes(monkeypatch)
    state: dict[str, object] = {}

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.first_name, "Andrea")
        qtbot.keyClicks(dialog.last_name, "Watts")
        qtbot.keyClicks(dialog.email, "andrea.watts at sefton")
        _ok(dialog)
        settle(qtbot)
        state["open"] = dialog.isVisible()
        state["typed"] = (dialog.first_name.text(), dialog.last_name.text(), dialog.email.text())
        dialog.reject()

    drive_dialog(qtbot, page.new_person, fill)
    assert "not an email address" in boxes.texts()
    assert state == {"open": True, "typed": ("Andrea", "Watts", "andrea.watts at sefton")}
    assert people.list_people(db, search="watts") == []


def test_details_saved_as_edited_refused_text_kept_and_undo(
    qtbot, monkeypatch, context, db, sample, page
) -> None:  # type: ignore[no-untyped-def]
    boxes = capture_message_boxes(monkeypatch)
    assert page.select_person(sample.hardy)
    email = page.details.email
    qtbot.keyClicks(email, "trish.hardy@sefton")
    qtbot.keyClick(email, Qt.Key.Key_Return)
    settle(qtbot)
    assert "not an email address" in boxes.texts()
    assert email.text() == "trish.hardy@sefton" and email.property("error") is True
    assert people.get_person(db, sample.hardy).email == ""
    qtbot.keyClicks(email, ".gov.uk")
    qtbot.keyClick(email, Qt.Key.Key_Return)
    settle(qtbot)
    assert people.get_person(db, sample.hardy).email == "trish.hardy@sefton.gov.uk"

    job = page.details.job_title
    job.setFocus()
    job.insert("Cabinet Member – Communities")  # typed (keyClicks sends ASCII only)
    qtbot.keyClick(job, Qt.Key.Key_Tab)  # leaving the field saves it too
    settle(qtbot)
    assert people.get_person(db, sample.hardy).job_title == "Cabinet Member – Communities"

    page.details.organisation.setEditText("Merseyside Police")
    page.details.organisation.organisation_changed.emit()
    settle(qtbot)
    assert people.get_person(db, sample.hardy).organisation_id == sample.police

    context.undo_stack.undo()
    context.undo_stack.undo()
    context.undo_stack.undo()
    settle(qtbot)
    record = people.get_person(db, sample.hardy)
    assert (record.email, record.job_title, record.organisation_id) == ("", "", sample.council)
    assert page.details.email.text() == ""


def test_archive_hides_and_restore(qtbot, context, db, sample, page) -> None:  # type: ignore[no-untyped-def]
    page.select_person(sample.frackleton)
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert people.get_person(db, sample.frackleton).archived
    assert "Neil Frackleton" not in _names(page)
    page.show_archived.click()
    settle(qtbot)
    assert "Neil Frackleton" in _names(page)
    page.select_person(sample.frackleton)
    assert not page.archived_note.isHidden()
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert not people.get_person(db, sample.frackleton).archived


def test_person_page_lists_committees_and_officer_roles(qtbot, sample, page) -> None:  # type: ignore[no-untyped-def]
    page.select_person(sample.barton)
    settle(qtbot)
    items = [page.committees_list.item(i).text() for i in range(page.committees_list.count())]
    assert items == ["Safer Sefton Together — Committee officer"]
    page.select_person(sample.hardy)
    settle(qtbot)
    items = [page.committees_list.item(i).text() for i in range(page.committees_list.count())]
    assert items == ["Safer Sefton Together — Chair, from 01/05/2022"]


def test_a_new_organisation_typed_for_a_person_is_one_undo_step(qtbot, context, db, sample, page) -> None:  # type: ignore[no-untyped-def]
    assert page.select_person(sample.kelly)
    box = page.details.organisation
    box.setEditText("Sefton CVS")
    box.organisation_changed.emit()
    settle(qtbot)
    kelly = people.get_person(db, sample.kelly)
    assert kelly.organisation_name == "Sefton CVS"
    assert box.organisation_id() == kelly.organisation_id  # the box lists the new organisation
    assert context.undo_stack.count() == 1

    with recorded_sql(db) as seen:
        context.undo_stack.undo()
        settle(qtbot)
    assert people.get_person(db, sample.kelly).organisation_id == sample.council
    assert "Sefton CVS" not in [o.name for o in organisations.list_organisations(db, include_archived=True)]
    assert write_transactions(seen) == 1  # the person and the organisation, taken back together
    assert box.currentText() == "Sefton Council"

    context.undo_stack.redo()
    settle(qtbot)
    assert people.get_person(db, sample.kelly).organisation_name == "Sefton CVS"


def test_the_directory_screens_never_touch_the_database_on_the_gui_thread(
    qtbot, monkeypatch, context, db, sample
) -> None:  # type: ignore[no-untyped-def]
    capture_message_boxes(monkeypatch)
    with recorded_sql(db) as seen:
        page = PeoplePage(context)
        qtbot.addWidget(page)
        page.show()
        settle(qtbot)
        qtbot.keyClicks(page.search, "kelly")
        page.details.job_title.setText("Cabinet Member")
        qtbot.keyClick(page.details.job_title, Qt.Key.Key_Return)
        settle(qtbot)
        qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
        settle(qtbot)
        context.undo_stack.undo()
        settle(qtbot)

        organisations_page = OrganisationsPage(context)
        qtbot.addWidget(organisations_page)
        organisations_page.show()
        settle(qtbot)
        qtbot.keyClicks(organisations_page.search, "council")
        organisations_page.short_name.setText("SMBC")
        qtbot.keyClick(organisations_page.short_name, Qt.Key.Key_Return)
        settle(qtbot)

        def fill(dialog) -> None:  # type: ignore[no-untyped-def]
            qtbot.keyClicks(dialog.last_name, "Kelly")  # a possible duplicate, checked on the worker
            dialog.last_name.editingFinished.emit()
            settle(qtbot)
            dialog.reject()

        drive_dialog(qtbot, page.new_person, fill)
    assert people.get_person(db, sample.kelly).job_title == "Cabinet Member"
    assert organisations.get_organisation(db, sample.council).short_name == "SMBC"
    assert seen and {thread for thread, _statement in seen} == {"database"}


def test_typing_in_the_person_picker_never_waits_for_the_database(qtbot, context, db, sample) -> None:  # type: ignore[no-untyped-def]
    picker = PersonPicker(context)
    qtbot.addWidget(picker)
    picker.show()
    with recorded_sql(db) as seen:
        picker.line_edit.setFocus()
        qtbot.keyClicks(picker.line_edit, "har")  # before the directory has come back
        settle(qtbot)  # …and the suggestions follow as soon as it has
        assert [picker.suggestions.item(row).text() for row in range(picker.suggestions.rowCount())] == [
            "Councillor Trish Hardy — Sefton Council",
            "➕ Add “har” as a new person…",
        ]
        reads = len(seen)
        qtbot.keyClicks(picker.line_edit, "dy")
        assert picker.suggestions.rowCount() == 2
    assert {thread for thread, _statement in seen} == {"database"}
    assert len(seen) == reads  # the later keystrokes searched the list in memory
    qtbot.keyClick(picker.completer.popup(), Qt.Key.Key_Return)  # nothing highlighted: the one match
    assert picker.person_id() == sample.hardy


def test_undo_puts_the_stored_organisation_back_in_the_box_with_the_focus(
    qtbot, context, db, sample, page
) -> None:  # type: ignore[no-untyped-def]
    assert page.select_person(sample.hardy)
    box = page.details.organisation
    box.setFocus()
    qtbot.waitUntil(box.lineEdit().hasFocus)
    box.setEditText("Merseyside Police")
    box.organisation_changed.emit()
    settle(qtbot)
    assert people.get_person(db, sample.hardy).organisation_id == sample.police

    context.undo_stack.undo()
    settle(qtbot)
    assert box.lineEdit().hasFocus() and box.currentText() == "Sefton Council"
    page.details.email.setFocus()  # leaving the box does not save the old choice again
    settle(qtbot)
    assert people.get_person(db, sample.hardy).organisation_id == sample.council
    assert context.undo_stack.index() == 0 and context.undo_stack.count() == 1


def test_known_as_name_typed_in_the_details(qtbot, context, db, sample, page) -> None:  # type: ignore[no-untyped-def]
    assert page.select_person(sample.hardy)
    known_as = page.details.known_as
    known_as.setFocus()
    qtbot.keyClicks(known_as, "Trish")
    qtbot.keyClick(known_as, Qt.Key.Key_Return)
    settle(qtbot)
    assert people.get_person(db, sample.hardy).known_as == "Trish"
    context.undo_stack.undo()
    settle(qtbot)
    assert people.get_person(db, sample.hardy).known_as == ""
    assert known_as.text() == ""
