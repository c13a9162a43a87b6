"""The committee screen, driven like a user: every change checked in the database, and undone."""

from __future__ import annotations

from collections import Counter
from datetime import date, time, timedelta

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QStackedWidget, QWidget

from sst_desktop.domain.enums import CommitteeKind, MembershipRole
from sst_desktop.services import committees, memberships, people
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.ui.directory.committees_page import CommitteesPage
from sst_desktop.ui.operations.worker import DatabaseWorker
from tests.ui.date_entry import type_date
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
def page(qtbot, context, sample) -> CommitteesPage:  # type: ignore[no-untyped-def]
    return shown_page(qtbot, CommitteesPage(context), (1100, 760))


def _roles(db, committee_id: int) -> dict[str, MembershipRole]:  # type: ignore[no-untyped-def]
    return {m.person_name: m.role for m in memberships.list_memberships(db, committee_id)}


def _ok(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def _select_member(page: CommitteesPage, surname: str) -> None:
    row = page.members.model.row_of(lambda m: m.person_name.endswith(surname))
    assert row >= 0, surname
    page.members.table.selectRow(row)


def test_add_committee_add_member_make_chair_and_undo_each_step(
    qtbot, monkeypatch, context, db, sample, page
) -> None:  # type: ignore[no-untyped-def]
    capture_message_boxes(monkeypatch)

    # Add a committee through its dialog.
    def fill_committee(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.name, "Peer Review Working Group")
        qtbot.keyClicks(dialog.short_name, "PRWG")
        dialog.kind.setCurrentIndex(dialog.kind.findData(CommitteeKind.WORKING_GROUP))
        _ok(dialog)

    drive_dialog(qtbot, lambda: qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton), fill_committee)
    created = committees.find_committee(db, "PRWG")
    assert (created.name, created.kind) == ("Peer Review Working Group", CommitteeKind.WORKING_GROUP)
    assert page.current is not None and page.current.id == created.id
    assert page.title.text() == "Peer Review Working Group"

    # Add a member by typing part of her name and picking the suggestion.
    def fill_member(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.person.line_edit, "sonya")
        popup = dialog.person.completer.popup()
        qtbot.waitUntil(popup.isVisible)
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
        settle(qtbot)
        assert dialog.person.person_id() == sample.kelly
        _ok(dialog)

    drive_dialog(
        qtbot, lambda: qtbot.mouseClick(page.members.add_button, Qt.MouseButton.LeftButton), fill_member
    )
    assert _roles(db, created.id) == {"Sonya Kelly": MembershipRole.MEMBER}
    assert page.members.model.rowCount() == 1

    # Make her Chair.
    _select_member(page, "Kelly")
    qtbot.mouseClick(page.members.chair_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert _roles(db, created.id) == {"Sonya Kelly": MembershipRole.CHAIR}
    assert page.members.model.record(0).role is MembershipRole.CHAIR

    # Undo, step by step, through the Edit menu's action; each step reaches the database.
    undo = context.undo_stack
    undo.undo()
    settle(qtbot)
    assert _roles(db, created.id) == {"Sonya Kelly": MembershipRole.MEMBER}
    undo.undo()
    settle(qtbot)
    assert memberships.list_memberships(db, created.id) == []
    undo.undo()
    settle(qtbot)
    assert [c.short_name for c in committees.list_committees(db)] == ["SST"]
    # Redo brings back the same rows (same ids), so the later steps still apply.
    undo.redo()
    undo.redo()
    undo.redo()
    settle(qtbot)
    assert committees.find_committee(db, "PRWG").id == created.id
    assert _roles(db, created.id) == {"Sonya Kelly": MembershipRole.CHAIR}


def test_the_first_look_brings_the_first_committees_members_with_the_list(
    qtbot, monkeypatch, context, db, sample
) -> None:  # type: ignore[no-untyped-def]
    """The screen the window opens on paints complete: one trip to the database worker gives the
    committees and the members of the one shown; choosing another committee reads its members."""
    trips: list[object] = []
    submit = DatabaseWorker.submit

    def counted(worker, work, *args, **kwargs):  # type: ignore[no-untyped-def]
        trips.append(work)
        return submit(worker, work, *args, **kwargs)

    monkeypatch.setattr(DatabaseWorker, "submit", counted)
    other = committees.create_committee(db, CommitteePatch(name="Audit Panel", short_name="AP")).after.id
    memberships.add_membership(db, other, sample.frackleton, start_date=date(2023, 1, 1))
    page = shown_page(qtbot, CommitteesPage(context), (1100, 760))
    assert len(trips) == 1
    assert page.current is not None and page.current.id == other  # (first by name)
    assert [m.person_name for m in page.members.model.records()] == ["Neil Frackleton"]
    assert page.members.title() == "Members (1)"

    page.list.selectRow(page.model.row_of(lambda c: c.id == sample.sst))
    settle(qtbot)
    assert [m.person_name for m in page.members.model.records()] == ["Trish Hardy", "Sonya Kelly"]
    assert len(trips) == 2


class _Moves(QObject):
    """Counts, for every widget, how often it was moved (itself or with what holds it)."""

    def __init__(self) -> None:
        super().__init__()
        self.carried: Counter[int] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ParentChange and isinstance(watched, QWidget):
            for widget in (watched, *watched.findChildren(QWidget)):
                self.carried[_address(widget)] += 1
        return False


def _address(widget: QWidget) -> int:
    """The Qt object's own address (a Python wrapper made for the moment may share another's id)."""
    return int(shiboken6.getCppPointer(widget)[0])


def test_the_screen_is_built_in_place(qtbot, context, sample) -> None:  # type: ignore[no-untyped-def]
    """Every move of a widget works its style out again for all it holds: the details and members
    (most of the screen) are moved once, into their place, and the page is made in the window."""
    moves = _Moves()
    application = QApplication.instance()
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    application.installEventFilter(moves)
    try:
        page = CommitteesPage(context, stack)
    finally:
        application.removeEventFilter(moves)
    moved = [moves.carried[_address(w)] for w in (page, page.details, page.members, page.tabs)]
    assert moved == [1, 1, 1, 1]  # (the page: made in the stack)
    stack.addWidget(page)
    settle(qtbot)


def test_make_chair_hands_over_and_chair_is_listed_first(qtbot, context, db, sample, page) -> None:  # type: ignore[no-untyped-def]
    assert [m.person_name for m in page.members.model.records()] == ["Trish Hardy", "Sonya Kelly"]
    _select_member(page, "Kelly")
    qtbot.mouseClick(page.members.chair_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert _roles(db, sample.sst) == {
        "Trish Hardy": MembershipRole.MEMBER,
        "Sonya Kelly": MembershipRole.CHAIR,
    }
    assert [m.person_name for m in page.members.model.records()] == ["Sonya Kelly", "Trish Hardy"]
    context.undo_stack.undo()
    settle(qtbot)
    assert _roles(db, sample.sst) == {
        "Trish Hardy": MembershipRole.CHAIR,
        "Sonya Kelly": MembershipRole.MEMBER,
    }


def test_undo_of_make_chair_gives_both_roles_back_in_one_step_and_one_transaction(
    qtbot, context, db, sample, page
) -> None:  # type: ignore[no-untyped-def]
    _select_member(page, "Kelly")
    qtbot.mouseClick(page.members.chair_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert context.undo_stack.count() == 1  # the hand-over is one step, not one per membership
    assert context.undo_stack.undoText() == "Make Sonya Kelly Chair"

    with recorded_sql(db) as seen:
        context.undo_stack.undo()
        settle(qtbot)
    assert _roles(db, sample.sst) == {
        "Trish Hardy": MembershipRole.CHAIR,
        "Sonya Kelly": MembershipRole.MEMBER,
    }
    assert write_transactions(seen) == 1
    assert [(m.person_name, m.role) for m in page.members.model.records()] == [
        ("Trish Hardy", MembershipRole.CHAIR),
        ("Sonya Kelly", MembershipRole.MEMBER),
    ]

    with recorded_sql(db) as seen:
        context.undo_stack.redo()
        settle(qtbot)
    assert _roles(db, sample.sst) == {
        "Trish Hardy": MembershipRole.MEMBER,
        "Sonya Kelly": MembershipRole.CHAIR,
    }
    assert write_transactions(seen) == 1


def test_change_role_end_membership_and_past_members(qtbot, monkeypatch, context, db, sample, page) -> None:  # type: ignore[no-untyped-def]
    _select_member(page, "Kelly")
    page.members.role_actions[MembershipRole.VICE_CHAIR].trigger()
    settle(qtbot)
    assert _roles(db, sample.sst)["Sonya Kelly"] is MembershipRole.VICE_CHAIR

    _select_member(page, "Kelly")

    def last_day(dialog) -> None:  # type: ignore[no-untyped-def]
        type_date(qtbot, dialog.end, f"{date.today() - timedelta(days=1):%d/%m/%Y}")  # ended yesterday
        _ok(dialog)

    drive_dialog(
        qtbot, lambda: qtbot.mouseClick(page.members.end_button, Qt.MouseButton.LeftButton), last_day
    )
    period = memberships.list_memberships(db, sample.sst, include_past=True)
    kelly = next(m for m in period if m.person_name == "Sonya Kelly")
    assert kelly.end_date is not None and kelly.end_date < date.today()
    assert [m.person_name for m in page.members.model.records()] == ["Trish Hardy"]
    page.members.show_past.click()
    settle(qtbot)
    assert [m.person_name for m in page.members.model.records()] == ["Trish Hardy", "Sonya Kelly"]
    context.undo_stack.undo()
    settle(qtbot)
    assert (
        next(
            m for m in memberships.list_memberships(db, sample.sst) if m.person_name == "Sonya Kelly"
        ).end_date
        is None
    )


def test_details_saved_as_edited_and_undone(qtbot, context, db, sample, page) -> None:  # type: ignore[no-untyped-def]
    venue = page.details.venue
    venue.selectAll()
    qtbot.keyClicks(venue, "Remote Meeting - Microsoft Teams")
    qtbot.keyClick(venue, Qt.Key.Key_Return)
    settle(qtbot)
    assert committees.get_committee(db, sample.sst).default_venue == "Remote Meeting - Microsoft Teams"

    page.details.start_time.selectAll()
    qtbot.keyClicks(page.details.start_time, "2pm")
    qtbot.keyClick(page.details.start_time, Qt.Key.Key_Return)
    settle(qtbot)
    assert committees.get_committee(db, sample.sst).default_start_time == time(14, 0)
    assert page.details.start_time.text() == "14:00"

    page.details.open_to_public.click()
    page.details.uses_call_in.click()
    settle(qtbot)
    page.details.year_start.setCurrentIndex(3)
    page.details.year_start.activated.emit(3)
    settle(qtbot)
    record = committees.get_committee(db, sample.sst)
    assert (record.open_to_public, record.uses_call_in, record.municipal_year_start_month) == (True, True, 4)

    former = page.details.former_names
    former.setFocus()
    former.setPlainText("Sefton Safer Communities Partnership\nSefton Community Safety Partnership")
    page.members.table.setFocus()  # leaving the field saves it
    former.commit_pending()
    settle(qtbot)
    assert committees.get_committee(db, sample.sst).former_names == (
        "Sefton Safer Communities Partnership",
        "Sefton Community Safety Partnership",
    )

    for _ in range(6):
        context.undo_stack.undo()
        settle(qtbot)
    record = committees.get_committee(db, sample.sst)
    assert record.default_venue == "Bootle Town Hall"
    assert record.default_start_time == time(10, 0)
    assert (record.open_to_public, record.uses_call_in, record.municipal_year_start_month) == (
        False,
        False,
        5,
    )
    assert page.details.venue.text() == "Bootle Town Hall"


def test_committee_officer_picked_from_people(qtbot, context, db, sample, page) -> None:  # type: ignore[no-untyped-def]
    picker = page.details.officer
    assert picker.text() == "Ian Barton"
    assert "0151 934 2788" in page.details.officer_contact.text()
    picker.line_edit.clear()
    qtbot.keyClicks(picker.line_edit, "frack")
    popup = picker.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert picker.suggestions.rowCount() == 2  # Neil Frackleton, and "Add … as a new person"
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # nothing highlighted: Enter takes the one match
    settle(qtbot)
    assert committees.get_committee(db, sample.sst).officer_id == sample.frackleton
    context.undo_stack.undo()
    settle(qtbot)
    assert committees.get_committee(db, sample.sst).officer_id == sample.barton


def test_refused_input_shows_a_dialog_and_keeps_the_text(
    qtbot, monkeypatch, context, db, sample, page
) -> None:  # type: ignore[no-untyped-def]
    boxes = capture_message_boxes(monkeypatch)
    name = page.details.name
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Delete)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    settle(qtbot)
    assert boxes.kinds() == ["warning"]
    assert "name is required" in boxes.texts()
    assert committees.get_committee(db, sample.sst).name == "Safer Sefton Together"
    assert name.text() == "" and name.property("error") is True
    qtbot.keyClick(name, Qt.Key.Key_Return)  # the same refused text is not submitted twice
    settle(qtbot)
    assert len(boxes.shown) == 1

    time_field = page.details.start_time
    time_field.selectAll()
    qtbot.keyClicks(time_field, "25:99")
    qtbot.keyClick(time_field, Qt.Key.Key_Return)
    settle(qtbot)
    assert "not a time of day" in boxes.texts()
    assert time_field.text() == "25:99"
    assert committees.get_committee(db, sample.sst).default_start_time == time(10, 0)

    # Another committee with the same short name is refused too; typed text stays.
    short = page.details.short_name
    committees.create_committee(db, CommitteePatch(name="Health and Wellbeing Board", short_name="HWB"))
    short.selectAll()
    qtbot.keyClicks(short, "hwb")
    qtbot.keyClick(short, Qt.Key.Key_Return)
    settle(qtbot)
    assert "already has the short name" in boxes.texts()
    assert short.text() == "hwb"
    assert context.undo_stack.count() == 0  # nothing refused reached the undo stack

    # Correcting the text saves it and clears the mark.
    name.setText("Safer Sefton Together Partnership")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    settle(qtbot)
    assert committees.get_committee(db, sample.sst).name == "Safer Sefton Together Partnership"
    assert name.property("error") is False


def test_unicode_names_round_trip_through_the_form(qtbot, context, db, sample, page) -> None:  # type: ignore[no-untyped-def]
    text = "Siân’s <Board> & Co — 委员会 🙂 =SUM(A1)"
    page.details.name.setText(text)
    qtbot.keyClick(page.details.name, Qt.Key.Key_Return)
    settle(qtbot)
    assert committees.get_committee(db, sample.sst).name == text
    assert page.title.text() == text


def test_add_a_new_person_on_the_spot_from_the_picker(qtbot, monkeypatch, context, db, sample, page) -> None:  # type: ignore[no-untyped-def]
    capture_message_boxes(monkeypatch)

    def fill_person(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.title.currentText() == "Superintendent"
        assert (dialog.first_name.text(), dialog.last_name.text()) == ("Dawn", "McNally")
        dialog.organisation.setEditText("Merseyside Police")
        _ok(dialog)

    def fill_member(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.person.line_edit, "Supt Dawn McNally")
        popup = dialog.person.completer.popup()
        qtbot.waitUntil(popup.isVisible)
        # Nobody matches: the only suggestion adds a new person.
        assert dialog.person.suggestions.rowCount() == 1
        drive_dialog(
            qtbot,
            lambda: dialog.person.completer.activated[type(popup.currentIndex())].emit(
                dialog.person.suggestions.index(0, 0)
            ),
            fill_person,
        )
        assert dialog.person.text() == "Superintendent Dawn McNally"
        dialog.role.setCurrentIndex(dialog.role.findData(MembershipRole.ADVISER))
        _ok(dialog)

    drive_dialog(qtbot, page.members.add_member, fill_member)
    mcnally = people.list_people(db, search="mcnally")
    assert [(p.full_name, p.organisation_name) for p in mcnally] == [
        ("Superintendent Dawn McNally", "Merseyside Police")
    ]
    assert _roles(db, sample.sst)["Dawn McNally"] is MembershipRole.ADVISER
    # Two undo steps: the membership, then the person.
    context.undo_stack.undo()
    context.undo_stack.undo()
    settle(qtbot)
    assert people.list_people(db, search="mcnally") == []


def test_archive_and_restore_committee(qtbot, monkeypatch, context, db, sample, page) -> None:  # type: ignore[no-untyped-def]
    capture_message_boxes(monkeypatch)  # answers Yes to "Archive?"
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert committees.list_committees(db) == []
    assert page.title.text() == "No committee yet"
    page.show_archived.click()
    settle(qtbot)
    assert page.current is not None and page.current.archived
    context.undo_stack.undo()
    settle(qtbot)
    assert [c.short_name for c in committees.list_committees(db)] == ["SST"]


def test_declarations_as_a_table_is_ticked_on_the_committee(qtbot, context, db, sample, page) -> None:  # type: ignore[no-untyped-def]
    box = page.details.declarations_as_table
    assert not box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().bottomLeft() + QPoint(8, -6))
    settle(qtbot)
    assert committees.get_committee(db, sample.sst).declarations_as_table is True
    context.undo_stack.undo()
    settle(qtbot)
    assert committees.get_committee(db, sample.sst).declarations_as_table is False
    assert not box.isChecked()
