"""Minute-taking mode driven by the keyboard: the register, a declaration, narrative, resolutions
(typed and inserted), actions — then the database is read back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from sst_desktop.domain.enums import (
    AttendanceStatus,
    DeclarationAction,
    ForwardPlanStatus,
    InterestKind,
    MinuteOutcome,
)
from sst_desktop.exports.minutes_copy import copy_minutes
from sst_desktop.services import actions, attendance, declarations, forward_plan, meetings, minutes
from sst_desktop.services.agenda_records import AgendaItemPatch
from sst_desktop.storage.engine import Database
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.minutes.autosave import SaveState
from sst_desktop.ui.minutes.declarations import DeclarationDialog
from sst_desktop.ui.minutes.minute_taking import MinuteTakingWindow
from tests.minutes_data import SeedMeeting, build_committee_and_meetings
from tests.ui.minute_window import open_minute_taking
from tests.ui.waiting import settle

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def seed(db: Database) -> SeedMeeting:
    return build_committee_and_meetings(db)


@pytest.fixture
def window(qtbot, context: AppContext, settings, seed: SeedMeeting) -> MinuteTakingWindow:  # type: ignore[no-untyped-def]
    win = open_minute_taking(context, seed.meeting_id, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot)  # the register is read
    return win


@pytest.fixture
def answer_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def when_dialog_opens(action: Callable[[QWidget], None]) -> None:
    """Run ``action`` on the modal dialog about to open (``exec`` blocks the test otherwise)."""

    def attempt(tries: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None and tries < 50:
            QTimer.singleShot(20, lambda: attempt(tries + 1))
            return
        assert dialog is not None, "the dialog did not open"
        action(dialog)

    QTimer.singleShot(0, attempt)


def offers_to_open(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the "saved … open it?" boxes shown after an export (answered Close)."""
    from sst_desktop.ui.meetings import export_actions

    offered: list[str] = []
    monkeypatch.setattr(
        export_actions, "offer_to_open", lambda parent, title, text, warnings=(): offered.append(text)
    )
    return offered


def back_from_dialog(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    """The window is active again once a dialog or popup closes (the offscreen platform needs telling)."""
    qtbot.wait(10)  # activation changes already queued land first

    def active() -> bool:
        if QApplication.activeWindow() is window:
            return True
        window.activateWindow()
        return False

    qtbot.waitUntil(active, timeout=3000)


def _dispose(window: QWidget) -> None:
    """Close and delete a main window now, so nothing of it outlives the test."""
    from PySide6.QtCore import QCoreApplication, QEvent

    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def key(qtbot, widget: QWidget, k: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """Press a key once the window shows what it was asking for, and wait for what the key asks."""
    settle(qtbot)
    qtbot.keyClick(widget, k, modifier)
    settle(qtbot)


def saved(window: MinuteTakingWindow) -> bool:
    return window.session.saver.state is SaveState.SAVED and not window.session.saver.has_pending


def register_by_name(db: Database, meeting_id: int) -> dict[str, attendance.AttendanceRecord]:
    return {r.last_name: r for r in attendance.list_attendance(db, meeting_id)}


def test_a_remembered_layout_not_written_by_the_window_is_ignored(qtbot, context, settings, seed) -> None:  # type: ignore[no-untyped-def]
    settings.setValue("minute_taking/splitter", "wide")  # edited by hand, or by another program
    settings.setValue("minute_taking/editor_splitter", 2)
    win = open_minute_taking(context, seed.meeting_id, settings)
    qtbot.addWidget(win)
    win.show()
    assert win.splitter.count() > 1 and win.editor.splitter.count() == 2


def test_register_is_prefilled_and_taken_with_one_key_per_member(qtbot, window, db, seed) -> None:  # type: ignore[no-untyped-def]
    panel = window.register
    assert window.pages.currentWidget() is panel
    names = [r.last_name for r in panel.model.records()]
    assert names[:3] == ["Bellamy", "Burnett", "Frackleton"]
    assert len(names) == 13

    table = panel.table
    table.setFocus()
    table.selectRow(0)
    # Bellamy Burnett Frackleton Grainger Hardy Hare Hollis Robson Sexton Stanley Trubshaw Watts White
    for k in "APAA":
        key(qtbot, table, getattr(Qt.Key, f"Key_{k}"))
    key(qtbot, table, Qt.Key.Key_C)  # Hardy in the Chair (the row stays selected)
    key(qtbot, table, Qt.Key.Key_Down)
    for k in "PPRAPPAP":
        key(qtbot, table, getattr(Qt.Key, f"Key_{k}"))

    rows = register_by_name(db, seed.meeting_id)
    assert rows["Hardy"].in_chair and rows["Hardy"].status == AttendanceStatus.PRESENT
    assert rows["Robson"].status == AttendanceStatus.PRESENT and rows["Robson"].remote
    assert {n for n, r in rows.items() if r.status == AttendanceStatus.APOLOGIES} == {
        "Bellamy",
        "Frackleton",
        "Grainger",
        "Sexton",
        "Watts",
    }
    assert {n for n, r in rows.items() if r.status == AttendanceStatus.PRESENT} == {
        "Burnett",
        "Hardy",
        "Hare",
        "Hollis",
        "Robson",
        "Stanley",
        "Trubshaw",
        "White",
    }
    assert "Present 8 (1 remote)" in panel.summary.text()
    assert "In the Chair: Councillor Hardy" in panel.summary.text()

    # A mistake is put right with the right key; Undo (Ctrl+Z on the table) takes a mark back.
    table.selectRow(names.index("White"))
    key(qtbot, table, Qt.Key.Key_X)
    assert register_by_name(db, seed.meeting_id)["White"].status == AttendanceStatus.ABSENT
    table.selectRow(names.index("White"))
    key(qtbot, table, Qt.Key.Key_Z, CTRL)
    assert register_by_name(db, seed.meeting_id)["White"].status == AttendanceStatus.PRESENT


def test_substitute_arrival_departure_and_also_present(qtbot, window, db, seed) -> None:  # type: ignore[no-untyped-def]
    panel = window.register
    table = panel.table
    names = [r.last_name for r in panel.model.records()]

    # Janette Maxwell comes as substitute for Nigel Bellamy, who sent apologies.
    table.selectRow(names.index("Bellamy"))
    key(qtbot, table, Qt.Key.Key_A)
    panel.person_picker.line_edit.setFocus()
    qtbot.keyClicks(panel.person_picker.line_edit, "Janette Maxwell")
    key(qtbot, panel.person_picker.line_edit, Qt.Key.Key_Tab)
    qtbot.mouseClick(panel.add_member_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    rows = register_by_name(db, seed.meeting_id)
    assert "Maxwell" in rows and not rows["Maxwell"].also_present

    def choose_bellamy(dialog: QWidget) -> None:
        combo = dialog.combo  # type: ignore[attr-defined]
        combo.setCurrentIndex(combo.findData(seed.person_ids["Bellamy"]))
        key(qtbot, combo, Qt.Key.Key_Return)

    when_dialog_opens(choose_bellamy)
    key(qtbot, table, Qt.Key.Key_S)  # Maxwell is selected after being added
    rows = register_by_name(db, seed.meeting_id)
    assert rows["Maxwell"].status == AttendanceStatus.SUBSTITUTE
    assert rows["Maxwell"].substitute_for_id == seed.person_ids["Bellamy"]
    assert rows["Maxwell"].substitute_for_name == "Nigel Bellamy"

    # Steven Martlew, an officer, is also present.
    panel.person_picker.line_edit.setFocus()
    qtbot.keyClicks(panel.person_picker.line_edit, "Steven Martlew")
    key(qtbot, panel.person_picker.line_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(panel.capacity, "Localities Service Manager")
    key(qtbot, panel.capacity, Qt.Key.Key_Return)
    rows = register_by_name(db, seed.meeting_id)
    assert rows["Martlew"].also_present and rows["Martlew"].capacity == "Localities Service Manager"

    # Kevin Hollis arrives during item 5 and leaves during item 9.
    window.go_to(seed.item_ids[4])
    window.show_register()
    settle(qtbot)
    table.selectRow(panel.model.row_of(rows["Hollis"].id))
    key(qtbot, table, Qt.Key.Key_L)
    window.go_to(seed.item_ids[8])
    window.show_register()
    settle(qtbot)
    table.selectRow(panel.model.row_of(rows["Hollis"].id))
    key(qtbot, table, Qt.Key.Key_D)
    hollis = register_by_name(db, seed.meeting_id)["Hollis"]
    assert hollis.arrived_at is not None and hollis.arrived_item_number == 5
    assert hollis.left_at is not None and hollis.left_item_number == 9
    key(qtbot, table, Qt.Key.Key_L, SHIFT)
    assert register_by_name(db, seed.meeting_id)["Hollis"].arrived_at is None

    # An added person can be taken off again; a member cannot.
    table.selectRow(panel.model.row_of(rows["Martlew"].id))
    key(qtbot, table, Qt.Key.Key_Delete)
    assert "Martlew" not in register_by_name(db, seed.meeting_id)


def test_whole_meeting_by_keyboard(qtbot, window, db, seed, answer_yes) -> None:  # type: ignore[no-untyped-def]
    agenda = window.agenda_list
    register = window.register.table
    register.setFocus()
    register.selectRow(0)
    for k in "APAAP":
        key(qtbot, register, getattr(Qt.Key, f"Key_{k}"))

    # Item 1, Apologies: the register's apologies are shown.
    key(qtbot, register, Qt.Key.Key_PageDown, CTRL)
    assert window.session.current_item.id == seed.item_ids[0]
    assert "Nigel Bellamy" in window.editor.note.text()

    # Item 2, Declarations: Councillor Hardy declares an interest (dialog filled by keyboard).
    key(qtbot, window.editor.narrative, Qt.Key.Key_Down, ALT)
    assert window.session.current_item.id == seed.item_ids[1]

    def declare(dialog: QWidget) -> None:
        assert isinstance(dialog, DeclarationDialog)
        dialog.person.setCurrentIndex(dialog.person.findData(seed.person_ids["Hardy"]))
        dialog.item.setCurrentIndex(dialog.item.findData(seed.item_ids[3]))
        dialog.kind.setCurrentIndex(dialog.kind.findData(InterestKind.OTHER_REGISTRABLE.value))
        dialog.nature.setFocus()
        qtbot.keyClicks(dialog.nature, "Trustee of a refuge named in the report")
        dialog.action.setCurrentIndex(dialog.action.findData(DeclarationAction.WITHDREW.value))
        key(qtbot, dialog.nature, Qt.Key.Key_Return)

    when_dialog_opens(declare)
    key(qtbot, window.editor.narrative, Qt.Key.Key_D, CTRL)
    settle(qtbot)
    found = declarations.list_declarations(db, seed.meeting_id)
    assert [(d.person_name, d.kind, d.action, d.item_number) for d in found] == [
        ("Councillor Hardy", InterestKind.OTHER_REGISTRABLE, DeclarationAction.WITHDREW, 4)
    ]
    assert found[0].nature == "Trustee of a refuge named in the report"
    back_from_dialog(qtbot, window)

    # Item 3, Minutes of Previous Meeting: Alt+5 confirms them as a correct record.
    key(qtbot, window.editor.narrative, Qt.Key.Key_PageDown, CTRL)
    assert window.session.current_item.id == seed.item_ids[2]
    key(qtbot, window.editor.narrative, Qt.Key.Key_5, ALT)
    assert answer_yes, "confirming earlier minutes asks first"
    previous = meetings.get_meeting(db, seed.previous_id)
    assert previous.minutes_confirmed_at is not None
    third = minutes.minute_for_item(db, seed.item_ids[2])
    assert [r.text for r in third.resolutions] == [
        "the Minutes of the meeting held on 17 March 2022 be confirmed as a correct record"
    ]

    # Item 4: narrative, two resolutions (one typed, one standard), the further report, an action.
    key(qtbot, window.editor.narrative, Qt.Key.Key_PageDown, CTRL)
    editor = window.editor
    assert editor.narrative.hasFocus()
    qtbot.keyClicks(editor.narrative, "Members considered a report on Domestic Homicide Reviews.")
    key(qtbot, editor.narrative, Qt.Key.Key_1, ALT)
    key(qtbot, editor.narrative, Qt.Key.Key_Return, CTRL)
    assert editor.resolutions.new_edit.hasFocus()
    qtbot.keyClicks(editor.resolutions.new_edit, "chairs be recruited & trained <urgently>")
    key(qtbot, editor.resolutions.new_edit, Qt.Key.Key_Return)
    key(qtbot, editor.resolutions.new_edit, Qt.Key.Key_4, ALT)
    key(qtbot, editor.resolutions.new_edit, Qt.Key.Key_A, CTRL | SHIFT)
    assert editor.actions_list.new_edit.hasFocus()
    qtbot.keyClicks(editor.actions_list.new_edit, "Discuss at LCR SD VAG - risk to lack of chairs")
    key(qtbot, editor.actions_list.new_edit, Qt.Key.Key_Return)
    row = editor.actions_list.ordered_rows()[0]
    assert row.owner.hasFocus()
    qtbot.keyClicks(row.owner.lineEdit(), "Simon Bur")
    popup = row.owner.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    key(qtbot, popup, Qt.Key.Key_Down)
    key(qtbot, popup, Qt.Key.Key_Return)
    back_from_dialog(qtbot, window)
    key(qtbot, QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert row.organisation.hasFocus()
    key(qtbot, QApplication.focusWidget(), Qt.Key.Key_M, CTRL)  # due at the next meeting
    qtbot.waitUntil(lambda: saved(window), timeout=3000)
    back_from_dialog(qtbot, window)
    fourth = minutes.minute_for_item(db, seed.item_ids[3])
    assert fourth.text == "Members considered a report on Domestic Homicide Reviews."
    assert [r.text for r in fourth.resolutions] == [
        "the report be noted",
        "chairs be recruited & trained <urgently>",
        "a further report be submitted to the next meeting",
    ]
    plan = forward_plan.list_forward_plan(db, seed.committee_id)
    assert [(p.title, p.source_minute_id, p.status) for p in plan] == [
        ("Domestic Homicide Review (DHRs) Update", fourth.id, ForwardPlanStatus.PENDING)
    ]
    recorded = actions.list_actions_for_minute(db, fourth.id)
    assert len(recorded) == 1
    assert recorded[0].text == "Discuss at LCR SD VAG - risk to lack of chairs"
    assert recorded[0].owner_person_id == seed.person_ids["Burnett"]
    assert recorded[0].due_next_meeting is True
    assert recorded[0].due_date == date(2022, 9, 8)
    assert agenda.currentItem().text(2) == "✓"

    # Item 5: the update noted and the presenter thanked.
    key(qtbot, editor.narrative, Qt.Key.Key_Down, ALT)
    key(qtbot, editor.narrative, Qt.Key.Key_2, ALT)
    key(qtbot, editor.narrative, Qt.Key.Key_3, ALT)
    fifth = minutes.minute_for_item(db, seed.item_ids[4])
    assert [r.text for r in fifth.resolutions] == [
        "the update be noted",
        "Steve Martlew be thanked for their informative update",
    ]

    # Item 6 is deferred; back on item 5 with Alt+Up nothing is lost.
    key(qtbot, editor.narrative, Qt.Key.Key_Down, ALT)
    key(qtbot, editor.narrative, Qt.Key.Key_D, CTRL | SHIFT)
    assert minutes.minute_for_item(db, seed.item_ids[5]).outcome == MinuteOutcome.DEFERRED
    assert agenda.currentItem().text(2) == "deferred"
    key(qtbot, editor.narrative, Qt.Key.Key_Up, ALT)
    assert [r.text for r in editor.resolutions.minute.resolutions] == [r.text for r in fifth.resolutions]
    assert len(editor.resolutions.rows) == 2


def test_editing_a_resolution_saves_it_and_emptying_it_removes_it(qtbot, window, db, seed) -> None:  # type: ignore[no-untyped-def]
    window.go_to(seed.item_ids[3])
    editor = window.editor
    editor.resolutions.add_resolution("the report be notd")
    settle(qtbot)
    row = editor.resolutions.ordered_rows()[0]
    row.edit.setFocus()
    row.edit.moveCursor(row.edit.textCursor().MoveOperation.End)
    key(qtbot, row.edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(row.edit, "ed")
    qtbot.waitUntil(lambda: saved(window), timeout=3000)
    assert [r.text for r in minutes.minute_for_item(db, seed.item_ids[3]).resolutions] == [
        "the report be noted"
    ]

    row.edit.selectAll()
    key(qtbot, row.edit, Qt.Key.Key_Delete)
    editor.narrative.setFocus()  # leaving an emptied resolution removes it
    qtbot.waitUntil(lambda: not minutes.minute_for_item(db, seed.item_ids[3]).resolutions, timeout=3000)
    settle(qtbot)
    assert editor.resolutions.rows == {}


def test_reference_to_an_earlier_minute_is_picked_from_a_list(qtbot, window, db, seed) -> None:  # type: ignore[no-untyped-def]
    earlier = minutes.open_minutes(db, seed.previous_id)
    window.go_to(seed.item_ids[3])

    def pick(dialog: QWidget) -> None:
        assert dialog.list.count() == len(earlier)  # type: ignore[attr-defined]
        qtbot.keyClicks(dialog.search, "Apologies")  # type: ignore[attr-defined]
        key(qtbot, dialog.search, Qt.Key.Key_Return)  # type: ignore[attr-defined]

    settle(qtbot)
    when_dialog_opens(pick)
    key(qtbot, window.editor.narrative, Qt.Key.Key_F, CTRL | SHIFT)
    settle(qtbot)  # the earlier minutes are read, then the picker opens
    settle(qtbot)
    fourth = minutes.minute_for_item(db, seed.item_ids[3])
    assert [r.referenced_minute_id for r in fourth.references] == [earlier[0].id]
    assert fourth.references[0].text == "Further to Minute No. 1 of the meeting held on 17 March 2022"
    assert "Further to Minute No. 1" in window.editor.references_box.itemAt(0).widget().text()


def test_matters_arising_shows_open_actions_and_records_progress(qtbot, db, context, settings, seed) -> None:  # type: ignore[no-untyped-def]
    from sst_desktop.domain.enums import ActionStatus, ItemKind
    from sst_desktop.services import agenda

    earlier_minute = minutes.open_minutes(db, seed.previous_id)[0]
    open_action = actions.create_action(
        db, text="Share the DHR process with MFRS", minute_id=earlier_minute.id
    ).after
    agenda.add_item(db, seed.meeting_id, "Action Log", AgendaItemPatch(kind=ItemKind.ACTION_LOG), position=3)
    win = open_minute_taking(context, seed.meeting_id, settings)
    qtbot.addWidget(win)
    win.show()
    settle(qtbot)
    item = next(i for i in win.session.items if i.kind == ItemKind.ACTION_LOG)
    win.go_to(item.id)
    settle(qtbot)
    panel = win.editor.matters
    assert panel.isVisible()
    assert [r.id for r in panel.records] == [open_action.id]
    panel.table.selectRow(0)
    panel.update_edit.setFocus()
    qtbot.keyClicks(panel.update_edit, "MFRS have the process; training booked")
    key(qtbot, panel.update_edit, Qt.Key.Key_Return)
    settle(qtbot)
    updates = actions.list_updates(db, open_action.id)
    assert [(u.text, u.on) for u in updates] == [
        ("MFRS have the process; training booked", date(2022, 6, 22))
    ]
    box = panel.status_boxes[open_action.id]
    box.setCurrentIndex(box.findData(ActionStatus.COMPLETED.value))
    settle(qtbot)
    done = actions.get_action(db, open_action.id)
    assert done.status == ActionStatus.COMPLETED and done.completed_on == date(2022, 6, 22)
    assert [r.id for r in panel.records] == [open_action.id]  # still listed, so a slip can be undone


def test_confirmed_minutes_open_read_only_and_refuse_edits(
    qtbot, db, context, settings, seed, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    september_item = minutes.open_minutes(db, seed.meeting_id)
    assert september_item
    # The September meeting confirms June's minutes.
    from sst_desktop.domain.enums import ItemKind, ProceduralRole
    from sst_desktop.services import agenda

    item = agenda.add_item(
        db,
        seed.next_id,
        "Minutes of Previous Meeting",
        AgendaItemPatch(kind=ItemKind.PROCEDURAL, procedural_role=ProceduralRole.PREVIOUS_MINUTES),
    ).after
    minutes.confirm_previous_minutes(db, minutes.minute_for_item(db, item.id).id, copy_minutes)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: told.append(text))

    win = open_minute_taking(context, seed.meeting_id, settings)
    qtbot.addWidget(win)
    win.show()
    settle(qtbot)
    assert win.banner.isVisible()
    assert "confirmed as a correct record at the meeting held on 8 September 2022" in win.banner.text()
    assert win.badge.text() == "CONFIRMED"
    win.go_to(seed.item_ids[3])
    settle(qtbot)
    assert win.editor.narrative.isReadOnly()
    qtbot.keyClicks(win.editor.narrative, "x")
    assert told and "no longer changed" in told[0]
    assert win.editor.narrative.toPlainText() == ""
    key(qtbot, win.editor.narrative, Qt.Key.Key_1, ALT)
    settle(qtbot)
    assert minutes.minute_for_item(db, seed.item_ids[3]).resolutions == ()
    win.show_register()
    settle(qtbot)
    key(qtbot, win.register.table, Qt.Key.Key_P)
    settle(qtbot)
    assert all(r.status == AttendanceStatus.ABSENT for r in attendance.list_attendance(db, seed.meeting_id))


def test_minutes_page_opens_minute_taking_and_exports_pdf_and_word(  # type: ignore[no-untyped-def]
    qtbot, context, settings, db, seed, tmp_path, monkeypatch, request
) -> None:
    from docx import Document
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    from sst_desktop.ui.main_window import MainWindow
    from sst_desktop.ui.minutes.page import MinutesPage

    main = MainWindow(context, settings)
    request.addfinalizer(lambda: _dispose(main))
    main.show()
    page = main.show_page("minutes")
    assert isinstance(page, MinutesPage)
    settle(qtbot)  # the meetings are read
    assert [r.id for r in page.model.records()] == [seed.next_id, seed.meeting_id, seed.previous_id]
    assert page.select_meeting(seed.meeting_id)
    back_from_dialog(qtbot, main)
    page.table.setFocus()
    key(qtbot, page.table, Qt.Key.Key_Return)
    settle(qtbot)  # the window opens once what it shows is read
    window = page.windows[seed.meeting_id]
    back_from_dialog(qtbot, window)
    window.go_to(seed.item_ids[3])
    qtbot.keyClicks(window.editor.narrative, "Chairs & reviewers <wanted> ")
    window.editor.narrative.insertPlainText("— Łódź 😀")  # pasted: QTest types ASCII only
    key(qtbot, window.editor.narrative, Qt.Key.Key_1, ALT)

    targets = iter([tmp_path / "public.pdf", tmp_path / "minutes"])  # no ending: .docx is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(next(targets)), ""))
    offered = offers_to_open(monkeypatch)
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)  # pending typing is written first
    qtbot.waitUntil(lambda: len(offered) == 1, timeout=10_000)
    assert str(tmp_path / "public.pdf") in offered[0]
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "public.pdf").pages)
    assert "SAFER SEFTON TOGETHER" in text
    assert "Chairs & reviewers <wanted> — Łódź" in text
    assert "the report be noted" in text

    qtbot.mouseClick(page.docx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(offered) == 2, timeout=10_000)
    document = Document(str(tmp_path / "minutes.docx"))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Chairs & reviewers <wanted> — Łódź 😀" in body


def test_minutes_of_22_june_2022_entered_through_the_window(  # type: ignore[no-untyped-def]
    qtbot, context, settings, db, seed, tmp_path, monkeypatch, answer_yes
) -> None:
    """Seed 002's minutes, entered as the officer would (keys, phrases, pasted paragraphs), export the
    same PDF as the reference data entered through the services."""
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    from sst_desktop.exports.minutes_pdf import build_minutes_pdf
    from sst_desktop.storage.opening import open_path
    from tests.minutes_data import ACTIONS, NARRATIVE, RESOLUTIONS, build_seed_meeting

    win = open_minute_taking(context, seed.meeting_id, settings)
    qtbot.addWidget(win)
    win.show()
    back_from_dialog(qtbot, win)

    # The register, one key per member (in surname order), then two people added on the day.
    table = win.register.table
    table.setFocus()
    table.selectRow(0)
    for k in "APAA":  # Bellamy Burnett Frackleton Grainger
        key(qtbot, table, getattr(Qt.Key, f"Key_{k}"))
    key(qtbot, table, Qt.Key.Key_C)  # Hardy in the Chair
    key(qtbot, table, Qt.Key.Key_Down)
    for k in "PPPAPPAP":  # Hare Hollis Robson Sexton Stanley Trubshaw Watts White
        key(qtbot, table, getattr(Qt.Key, f"Key_{k}"))
    picker = win.register.person_picker
    for name, mark in (("Janette Maxwell", Qt.Key.Key_A), ("Steven Martlew", None)):
        picker.line_edit.setFocus()
        qtbot.keyClicks(picker.line_edit, name)
        qtbot.mouseClick(win.register.add_member_button, Qt.MouseButton.LeftButton)
        if mark is not None:
            key(qtbot, table, mark)
    back_from_dialog(qtbot, win)

    editor = win.editor
    for index, item_id in enumerate(seed.item_ids):
        key(qtbot, QApplication.focusWidget() or table, Qt.Key.Key_PageDown, CTRL)
        assert win.session.current_item.id == item_id
        if index in (2, 12):  # correct record; date of next meeting
            key(qtbot, editor.narrative, Qt.Key.Key_5, ALT)
            back_from_dialog(qtbot, win)
        if index in NARRATIVE:
            editor.narrative.setFocus()
            editor.narrative.insertPlainText(NARRATIVE[index])  # pasted from the officer's notes
        for text in RESOLUTIONS.get(index, []):
            if text == "the report be noted":
                key(qtbot, editor.narrative, Qt.Key.Key_1, ALT)
            elif text == "the update be noted":
                key(qtbot, editor.narrative, Qt.Key.Key_2, ALT)
            else:
                key(qtbot, editor.narrative, Qt.Key.Key_Return, CTRL)
                editor.resolutions.new_edit.insertPlainText(text)
                key(qtbot, editor.resolutions.new_edit, Qt.Key.Key_Return)
        if index == 3:
            for text in ACTIONS:
                key(qtbot, editor.narrative, Qt.Key.Key_A, CTRL | SHIFT)
                editor.actions_list.new_edit.insertPlainText(text)
                key(qtbot, editor.actions_list.new_edit, Qt.Key.Key_Return)
        editor.narrative.setFocus()
    assert "deferred" not in [win.agenda_list.topLevelItem(i).text(2) for i in range(14)]

    target = tmp_path / "minutes-2022-06-22.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    offered = offers_to_open(monkeypatch)
    key(qtbot, editor.narrative, Qt.Key.Key_P, CTRL | SHIFT)  # Minutes PDF (public); pending typing first
    qtbot.waitUntil(lambda: bool(offered), timeout=10_000)
    through_window = [p.extract_text() for p in PdfReader(target).pages]

    reference_db = open_path(tmp_path / "reference.db", backup_dir=tmp_path / "reference-backups")
    try:
        reference = build_seed_meeting(reference_db)
        from io import BytesIO

        pdf = build_minutes_pdf(reference_db, reference.meeting_id)
        through_services = [p.extract_text() for p in PdfReader(BytesIO(pdf)).pages]
    finally:
        reference_db.dispose()
    assert through_window == through_services
    text = "\n".join(through_window)
    for expected in (
        "MEETING HELD AT BOOTLE TOWN HALL ON WEDNESDAY 22ND JUNE",
        "Councillor Hardy (in the Chair)",
        "Apologies for absence were",
        "No declarations of any disclosable pecuniary interests or personal interests",
        "That the Minutes of the meeting held on 17 March 2022 be confirmed as a correct record",
        "Discuss at LCR SD VAG - risk to lack of chairs",
        "That the next meeting be held on Thursday, 8 September 2022 at the Town Hall Bootle",
    ):
        assert expected in " ".join(text.split()), expected


def test_undo_and_redo_of_a_resolution_and_an_action(qtbot, window, db, seed) -> None:  # type: ignore[no-untyped-def]
    window.go_to(seed.item_ids[3])
    settle(qtbot)
    editor = window.editor
    key(qtbot, editor.narrative, Qt.Key.Key_1, ALT)
    editor.actions_list.add_action("Check the cost of the training")
    settle(qtbot)
    minute_id = editor.minute.id
    assert len(minutes.get_minute(db, minute_id).resolutions) == 1
    window.agenda_list.setFocus()  # outside a text box, Ctrl+Z undoes the last edit of the minutes
    key(qtbot, window.agenda_list, Qt.Key.Key_Z, CTRL)
    settle(qtbot)
    assert actions.list_actions_for_minute(db, minute_id) == []
    assert editor.actions_list.rows == {}
    key(qtbot, window.agenda_list, Qt.Key.Key_Z, CTRL)
    settle(qtbot)
    assert minutes.get_minute(db, minute_id).resolutions == ()
    assert editor.resolutions.rows == {}
    key(qtbot, window.agenda_list, Qt.Key.Key_Z, CTRL | SHIFT)
    settle(qtbot)
    assert [r.text for r in minutes.get_minute(db, minute_id).resolutions] == ["the report be noted"]
    assert editor.resolutions.texts() == ["the report be noted"]
