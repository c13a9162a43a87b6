"""The meetings screen driven as the officer does: lists, scheduling one meeting and a series,
details edited in place, cancel / postpone / move / reinstate, and the exports read back."""

from __future__ import annotations

import io
from datetime import date, time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QFileDialog, QMessageBox

from sst_desktop.domain.enums import MeetingStatus
from sst_desktop.services import agenda, attachments, meetings
from sst_desktop.services.agenda_records import AgendaItemPatch
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.services.outcome import Changed
from sst_desktop.storage.engine import Database
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.meetings import export_actions, meeting_dialogs
from sst_desktop.ui.meetings.meetings_view import MeetingsPage
from tests.meeting_factory import SST, make_sst, pdf_bytes
from tests.ui.date_entry import type_date
from tests.ui.waiting import settle

TODAY = date(2022, 9, 1)


@pytest.fixture
def sst(db: Database) -> SST:
    return make_sst(db)


@pytest.fixture
def page(qtbot, context: AppContext, sst: SST) -> MeetingsPage:  # type: ignore[no-untyped-def]
    widget = MeetingsPage(context, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    settle(qtbot)
    widget.choose_committee(sst.committee_id)
    settle(qtbot)
    return widget


@pytest.fixture(autouse=True)
def errors(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Error dialogs' texts, recorded instead of blocking the test. A test that expects some checks
    them and clears the list; any left over fail the test."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a, **k: shown.append(text))
    yield shown
    assert shown == [], f"unexpected error dialogs: {shown}"


def column(view, col: int) -> list[str]:  # type: ignore[no-untyped-def]
    model = view.model()
    return [model.index(row, col).data() for row in range(model.rowCount())]


def run_dialog(monkeypatch: pytest.MonkeyPatch, cls: type, fill) -> None:  # type: ignore[no-untyped-def]
    """Make ``cls.exec`` fill the real dialog with ``fill(dialog)`` and press its OK button."""

    def exec_(dialog):  # type: ignore[no-untyped-def]
        fill(dialog)
        dialog.ok.click()
        return dialog.result()

    monkeypatch.setattr(cls, "exec", exec_)


def test_lists_upcoming_and_past_meetings(page: MeetingsPage) -> None:
    assert column(page.upcoming_view, 0) == ["Thu 8 Sep 2022", "Thu 8 Dec 2022"]
    assert column(page.past_view, 0) == ["Wed 22 Jun 2022"]
    assert column(page.upcoming_view, 1) == ["10.00 am", "10.00 am"]
    assert column(page.past_view, 2) == ["Bootle Town Hall"]
    assert column(page.upcoming_view, 3) == ["Scheduled", "Scheduled"]
    assert page.upcoming_label.text() == "Upcoming (2)" and page.past_label.text() == "Past (1)"
    # The next meeting is chosen to start with.
    assert page.meeting is not None and page.meeting.date == date(2022, 9, 8)
    assert page.details.heading.text() == "Thursday 8th September, 2022"
    assert "Previous meeting: 22 June 2022" in page.overview.text()
    assert "Next meeting: 8 December 2022" in page.overview.text()


def test_the_page_is_in_the_main_window(qtbot, context: AppContext, settings) -> None:  # type: ignore[no-untyped-def]
    from sst_desktop.ui.main_window import MainWindow

    window = MainWindow(context, settings)
    qtbot.addWidget(window)
    assert isinstance(window.show_page("meetings"), MeetingsPage)


def test_schedule_one_meeting_with_the_committee_defaults(
    qtbot, monkeypatch, page: MeetingsPage, context: AppContext, sst: SST
) -> None:
    def fill(dialog: meeting_dialogs.ScheduleMeetingDialog) -> None:
        assert dialog.details.venue.text() == "Remote Meeting - Microsoft Teams"  # the committee's
        assert dialog.details.time.time().hour() == 10
        type_date(qtbot, dialog.date, "9/3/2023")
        dialog.details.venue.setText("Bootle Town Hall")

    run_dialog(monkeypatch, meeting_dialogs.ScheduleMeetingDialog, fill)
    qtbot.mouseClick(page.schedule_button, Qt.MouseButton.LeftButton)
    settle(qtbot)

    found = meetings.find_meeting(context.database, "SST@2023-03-09")
    assert (found.venue, found.start_time, found.open_to_public) == ("Bootle Town Hall", time(10), False)
    assert "Thu 9 Mar 2023" in column(page.upcoming_view, 0)
    assert page.meeting is not None and page.meeting.id == found.id
    context.undo_stack.undo()
    settle(qtbot)
    assert [m.date for m in meetings.list_meetings(context.database, sst.committee_id)][-1] == date(
        2022, 12, 8
    )
    context.undo_stack.redo()
    settle(qtbot)
    assert meetings.find_meeting(context.database, "SST@2023-03-09").id == found.id


def test_a_taken_date_is_refused_and_the_dialog_stays_open(
    qtbot, monkeypatch, page: MeetingsPage, context: AppContext, errors
) -> None:
    results: list[int] = []

    def exec_(dialog):  # type: ignore[no-untyped-def]
        type_date(qtbot, dialog.date, "8 Dec 2022")
        dialog.ok.click()
        results.append(dialog.result())
        return dialog.result()

    monkeypatch.setattr(meeting_dialogs.ScheduleMeetingDialog, "exec", exec_)
    qtbot.mouseClick(page.schedule_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert len(errors) == 1 and "already has a meeting on 8 December 2022" in errors[0]
    errors.clear()
    assert results == [0]  # not accepted: still open for a correction
    assert len(meetings.list_meetings(context.database)) == 3


def test_schedule_a_quarterly_series(
    qtbot, monkeypatch, page: MeetingsPage, context: AppContext, sst: SST
) -> None:
    def fill(dialog: meeting_dialogs.ScheduleMeetingDialog) -> None:
        assert dialog.series.isChecked()
        # The default pattern is the quarterly one: second Thursday of March, June, September, December.
        assert dialog.ordinal.currentData() == 2 and dialog.weekday.currentData() == 3
        type_date(qtbot, dialog.start, "01/01/2023")
        type_date(qtbot, dialog.end, "31/12/23")
        assert dialog.preview.text().startswith("4 meetings: 9 March 2023, 8 June 2023, 14 September 2023")
        dialog.details.has_time.setChecked(True)
        dialog.details.time.setTime(QTime(14, 30))

    run_dialog(monkeypatch, meeting_dialogs.ScheduleMeetingDialog, fill)
    qtbot.mouseClick(page.series_button, Qt.MouseButton.LeftButton)
    settle(qtbot)

    made = [m for m in meetings.list_meetings(context.database, sst.committee_id) if m.date.year == 2023]
    assert [m.date for m in made] == [
        date(2023, 3, 9),
        date(2023, 6, 8),
        date(2023, 9, 14),
        date(2023, 12, 14),
    ]
    assert {m.start_time for m in made} == {time(14, 30)}
    assert page.upcoming_model.rowCount() == 6
    ids = [m.id for m in made]

    context.undo_stack.undo()  # the series is one step
    settle(qtbot)
    assert not [m for m in meetings.list_meetings(context.database, sst.committee_id) if m.date.year == 2023]
    context.undo_stack.redo()
    settle(qtbot)
    again = [m for m in meetings.list_meetings(context.database, sst.committee_id) if m.date.year == 2023]
    assert [m.id for m in again] == ids


def test_series_skips_dates_already_taken(
    qtbot, monkeypatch, page: MeetingsPage, context: AppContext, sst: SST
) -> None:
    infos: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a, **k: infos.append(text))

    def fill(dialog: meeting_dialogs.ScheduleMeetingDialog) -> None:
        type_date(qtbot, dialog.start, "1/9/2022")
        type_date(qtbot, dialog.end, "31 March 2023")
        dialog.weekday.setCurrentIndex(3)
        dialog.ordinal.setCurrentIndex(1)  # second Thursday: 8 Sep and 8 Dec 2022 are taken

    run_dialog(monkeypatch, meeting_dialogs.ScheduleMeetingDialog, fill)
    qtbot.mouseClick(page.series_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert infos and "8 September 2022, 8 December 2022" in infos[0]
    assert meetings.find_meeting(context.database, "SST@2023-03-09").status == MeetingStatus.SCHEDULED


def test_edit_the_details_in_place(qtbot, page: MeetingsPage, context: AppContext, sst: SST) -> None:
    details = page.details
    details.venue.setFocus()
    details.venue.selectAll()
    qtbot.keyClicks(details.venue, "Bootle Town Hall, Committee Room 1 & <annexe>")
    qtbot.keyClick(details.venue, Qt.Key.Key_Return)
    details.start_time.selectAll()
    qtbot.keyClicks(details.start_time, "2.30 pm")
    qtbot.keyClick(details.start_time, Qt.Key.Key_Return)
    details.open_to_public.click()
    settle(qtbot)

    record = meetings.get_meeting(context.database, sst.september)
    assert record.venue == "Bootle Town Hall, Committee Room 1 & <annexe>"
    assert record.start_time == time(14, 30)
    assert record.open_to_public is True
    assert column(page.upcoming_view, 1)[0] == "2.30 pm"

    details.start_time.selectAll()
    qtbot.keyClicks(details.start_time, "quarter past")
    qtbot.keyClick(details.start_time, Qt.Key.Key_Return)
    settle(qtbot)
    assert details.start_time.property("error") is True  # refused, kept as typed, marked
    assert meetings.get_meeting(context.database, sst.september).start_time == time(14, 30)

    for _ in range(3):
        context.undo_stack.undo()
    settle(qtbot)
    record = meetings.get_meeting(context.database, sst.september)
    assert (record.venue, record.start_time, record.open_to_public) == (
        "Remote Meeting - Microsoft Teams",
        time(10),
        False,
    )


def test_meeting_prefix_and_title_typed_in_place(
    qtbot, page: MeetingsPage, context: AppContext, sst: SST, errors
) -> None:
    details = page.details
    details.title_prefix.setFocus()
    qtbot.keyClicks(details.title_prefix, "Adjourned")
    qtbot.keyClick(details.title_prefix, Qt.Key.Key_Return)
    details.session_title.setFocus()
    qtbot.keyClicks(details.session_title, "Themed session: Serious Violence Duty")
    qtbot.keyClick(details.session_title, Qt.Key.Key_Return)
    settle(qtbot)
    record = meetings.get_meeting(context.database, sst.september)
    assert (record.title_prefix, record.session_title) == (
        "Adjourned",
        "Themed session: Serious Violence Duty",
    )

    details.title_prefix.selectAll()
    qtbot.keyClicks(details.title_prefix, "x" * 101)
    qtbot.keyClick(details.title_prefix, Qt.Key.Key_Return)
    settle(qtbot)
    assert details.title_prefix.property("error") is True  # refused, kept as typed, marked
    assert errors == ["The title prefix is too long (101 characters; at most 100)."]
    errors.clear()
    assert meetings.get_meeting(context.database, sst.september).title_prefix == "Adjourned"

    context.undo_stack.undo()
    settle(qtbot)
    assert meetings.get_meeting(context.database, sst.september).session_title == ""


def test_cancel_a_meeting_with_a_reason(
    qtbot, monkeypatch, page: MeetingsPage, context: AppContext, sst: SST
) -> None:
    def fill(dialog: meeting_dialogs.ReasonDialog) -> None:
        assert not dialog.ok.isEnabled()  # a reason is required
        dialog.reason.setPlainText("Not quorate")

    run_dialog(monkeypatch, meeting_dialogs.ReasonDialog, fill)
    qtbot.mouseClick(page.details.cancel_button, Qt.MouseButton.LeftButton)
    settle(qtbot)

    record = meetings.get_meeting(context.database, sst.september)
    assert (record.status, record.status_reason) == (MeetingStatus.CANCELLED, "Not quorate")
    assert column(page.upcoming_view, 3)[0] == "Cancelled"
    assert "Cancelled — Not quorate" in page.details.status.text()
    assert page.details.reinstate_button.isVisible() and not page.details.cancel_button.isEnabled()

    qtbot.mouseClick(page.details.reinstate_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert meetings.get_meeting(context.database, sst.september).status == MeetingStatus.SCHEDULED
    context.undo_stack.undo()
    context.undo_stack.undo()
    settle(qtbot)
    record = meetings.get_meeting(context.database, sst.september)
    assert (record.status, record.status_reason) == (MeetingStatus.SCHEDULED, "")


def test_postpone_then_move_to_another_date(
    qtbot, monkeypatch, page: MeetingsPage, context: AppContext, sst: SST
) -> None:
    run_dialog(
        monkeypatch,
        meeting_dialogs.ReasonDialog,
        lambda dialog: dialog.reason.setPlainText("Awaiting the Community Safety Strategy"),
    )
    qtbot.mouseClick(page.details.postpone_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert meetings.get_meeting(context.database, sst.september).status == MeetingStatus.POSTPONED

    def fill(dialog: meeting_dialogs.MoveDialog) -> None:
        type_date(qtbot, dialog.date, "13/10/2022")
        dialog.reason.setText("Strategy ready")

    run_dialog(monkeypatch, meeting_dialogs.MoveDialog, fill)
    qtbot.mouseClick(page.details.move_button, Qt.MouseButton.LeftButton)
    settle(qtbot)

    record = meetings.get_meeting(context.database, sst.september)
    assert (record.date, record.status) == (date(2022, 10, 13), MeetingStatus.SCHEDULED)
    assert record.status_reason == "Moved from 8 September 2022: Strategy ready"
    assert column(page.upcoming_view, 0) == ["Thu 13 Oct 2022", "Thu 8 Dec 2022"]
    assert page.meeting is not None and page.meeting.id == sst.september  # still the chosen one
    context.undo_stack.undo()
    settle(qtbot)
    assert meetings.get_meeting(context.database, sst.september).date == date(2022, 9, 8)


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """Answer the save dialog with ``path`` and "Open" in the saved-file box; returns the files opened."""
    opened: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    notes: list[tuple[str, tuple[str, ...]]] = []

    def offer(parent, title, text, warnings=()):  # type: ignore[no-untyped-def]
        notes.append((text, tuple(warnings)))
        return True

    monkeypatch.setattr(export_actions, "offer_to_open", offer)
    monkeypatch.setattr(
        export_actions.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    save_to.notes = notes  # type: ignore[attr-defined]
    return opened


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_export_the_agenda_pdf(
    qtbot, monkeypatch, page: MeetingsPage, context: AppContext, sst: SST, tmp_path: Path
) -> None:
    db = context.database
    agenda.build_default_agenda(db, sst.september)
    agenda.add_item(db, sst.september, "Prevent Update", AgendaItemPatch(description="Steve Martlew"))
    agenda.add_item(db, sst.september, "Draft Victim Bill & <Victims’ Code>")
    page.select_meeting(sst.september)
    target = tmp_path / "agenda"  # no suffix: .pdf is added
    opened = save_to(monkeypatch, target)

    page.agenda_button.click()
    settle(qtbot)

    written = tmp_path / "agenda.pdf"
    text = pdf_text(written)
    for expected in ("AGENDA", "Safer Sefton Together", "Thursday 8th September, 2022", "MEMBERSHIP"):
        assert expected in text
    order = [
        text.index(t)
        for t in (
            "1.",
            "Apologies for Absence",
            "Prevent Update",
            "Draft Victim Bill & <Victims’ Code>",
            "Date of Next Meeting",
        )
    ]
    assert order == sorted(order)
    assert opened == [str(written)]


def test_export_the_pack_with_progress_and_warnings(
    qtbot, monkeypatch, context: AppContext, tmp_path: Path
) -> None:
    db = context.database
    sst = make_sst(db, officer=False, venue="")
    page = MeetingsPage(context, today=TODAY)
    qtbot.addWidget(page)
    settle(qtbot)
    page.choose_committee(sst.committee_id)
    settle(qtbot)
    page.select_meeting(sst.september)
    agenda.build_default_agenda(db, sst.september)
    public = agenda.add_item(db, sst.september, "Prevent Update").after
    secret = agenda.add_item(db, sst.september, "DHR10 report", AgendaItemPatch(exempt_paragraphs="7")).after
    assert public and secret
    attachments.attach_pdf(db, public.id, pdf_bytes("Prevent duty toolkit"), "prevent.pdf")
    attachments.attach_pdf(db, secret.id, pdf_bytes("Victim named Jane Doe"), "dhr10.pdf")
    opened = save_to(monkeypatch, tmp_path / "pack.pdf")

    with qtbot.waitSignal(page.exports.finished, timeout=20000) as finished:
        task = page.exports.export_pack(full=False)
        assert task is not None
        assert not page.exports.pack_action.isEnabled()  # one pack at a time

    result = finished.args[0]
    text = pdf_text(tmp_path / "pack.pdf")
    assert "Prevent duty toolkit" in text and "Document is Restricted" in text
    assert "Jane Doe" not in text
    assert "Agenda Item 5" in text
    notes = save_to.notes  # type: ignore[attr-defined]
    warnings = " ".join(notes[0][1])
    assert "no committee officer" in warnings and "no venue" in warnings
    assert opened == [str(result.path)]
    qtbot.waitUntil(lambda: page.exports.pack_action.isEnabled())

    opened.clear()
    with qtbot.waitSignal(page.exports.finished, timeout=20000):
        page.exports.export_pack(full=True)
    assert "Jane Doe" in pdf_text(tmp_path / "pack.pdf")


def test_cancelling_the_pack_writes_nothing(
    qtbot, monkeypatch, page: MeetingsPage, context: AppContext, sst: SST, tmp_path: Path
) -> None:
    db = context.database
    agenda.build_default_agenda(db, sst.september)
    for number in range(4):
        item = agenda.add_item(db, sst.september, f"Report {number}").after
        assert item is not None
        attachments.attach_pdf(db, item.id, pdf_bytes(*[f"page {p}" for p in range(5)]), f"r{number}.pdf")
    page.select_meeting(sst.september)
    save_to(monkeypatch, tmp_path / "pack.pdf")
    messages: list[str] = []
    context.status_message.connect(messages.append)

    task = page.exports.export_pack()
    assert task is not None
    task.cancel()
    qtbot.waitUntil(lambda: page.exports.task is None, timeout=20000)

    assert not (tmp_path / "pack.pdf").exists()
    assert not list(tmp_path.glob("*.part"))
    assert any("cancelled" in m for m in messages)


def test_export_the_calendar(
    qtbot, monkeypatch, page: MeetingsPage, context: AppContext, sst: SST, tmp_path: Path
) -> None:
    meetings.cancel_meeting(context.database, sst.december, "Not quorate")
    opened = save_to(monkeypatch, tmp_path / "sst.ics")
    page.calendar_button.click()
    settle(qtbot)
    text = (tmp_path / "sst.ics").read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == 3
    assert text.count("STATUS:CANCELLED") == 1
    assert "3 meetings of Safer Sefton Together" in save_to.notes[0][0]  # type: ignore[attr-defined]
    assert opened == [str(tmp_path / "sst.ics")]


def test_the_saved_file_box_lists_what_is_missing_and_offers_to_open(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: list[str] = []

    def answer(button: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.informativeText())
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(0, lambda: answer("Open"))
    warnings = ("The committee has no committee officer.", "The meeting has no venue or remote link.")
    assert export_actions.offer_to_open(None, "Agenda saved", "Saved", warnings) is True
    assert "• The committee has no committee officer." in seen[0] and "no venue" in seen[0]

    QTimer.singleShot(0, lambda: answer("Close"))
    assert export_actions.offer_to_open(None, "Agenda saved", "Saved") is False
    assert seen[1] == ""


def test_forward_plan_items_added_edited_and_closed(
    qtbot, monkeypatch, page: MeetingsPage, context: AppContext, sst: SST
) -> None:
    from sst_desktop.domain.enums import ForwardPlanStatus
    from sst_desktop.services import forward_plan
    from sst_desktop.ui.meetings.forward_plan_panel import PlanItemDialog

    panel = page.plan
    db = context.database

    def fill(dialog: PlanItemDialog) -> None:
        assert dialog.due is not None and dialog.source is not None
        dialog.title.setText("Recruitment of independent DHR chairs")
        dialog.due.setCurrentIndex(dialog.due.findData(sst.december))
        dialog.source.setText("Minute 4, 22 June 2022")

    run_dialog(monkeypatch, PlanItemDialog, fill)
    qtbot.mouseClick(panel.add_plan_button, Qt.MouseButton.LeftButton)
    settle(qtbot)

    [plan] = forward_plan.list_forward_plan(db, sst.committee_id)
    assert (plan.title, plan.target_meeting_id, plan.source_text) == (
        "Recruitment of independent DHR chairs",
        sst.december,
        "Minute 4, 22 June 2022",
    )
    assert column(panel.plan_view, 1) == ["8 December 2022"]

    run_dialog(monkeypatch, PlanItemDialog, lambda dialog: dialog.due.setCurrentIndex(0))  # "Next meeting"
    qtbot.mouseClick(panel.edit_plan_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert forward_plan.get_forward_plan_item(db, plan.id).target_meeting_id is None
    assert column(panel.plan_view, 1) == ["Next meeting"]

    qtbot.mouseClick(panel.drop_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert forward_plan.get_forward_plan_item(db, plan.id).status == ForwardPlanStatus.DROPPED
    assert panel.plan_model.rowCount() == 0  # closed items are hidden…
    panel.show_closed.setChecked(True)
    settle(qtbot)
    assert column(panel.plan_view, 4) == ["Dropped"]  # …until asked for

    for _ in range(3):
        context.undo_stack.undo()
    settle(qtbot)
    assert forward_plan.list_forward_plan(db, sst.committee_id, include_closed=True) == []
    context.undo_stack.redo()
    settle(qtbot)
    assert forward_plan.get_forward_plan_item(db, plan.id).title == "Recruitment of independent DHR chairs"


def test_standing_items_recur_and_can_be_paused_and_ordered(
    qtbot, monkeypatch, page: MeetingsPage, context: AppContext, sst: SST
) -> None:
    from sst_desktop.services import standing_items
    from sst_desktop.ui.meetings.forward_plan_panel import PlanItemDialog
    from sst_desktop.ui.widgets.record_model import select_record

    panel = page.plan
    db = context.database
    for title in ("Prevent Update", "Youth Justice Service Update"):
        run_dialog(monkeypatch, PlanItemDialog, lambda dialog, t=title: dialog.title.setText(t))
        qtbot.mouseClick(panel.add_standing_button, Qt.MouseButton.LeftButton)
        settle(qtbot)
    assert [s.title for s in standing_items.list_standing_items(db, sst.committee_id)] == [
        "Prevent Update",
        "Youth Justice Service Update",
    ]

    select_record(panel.standing_view, lambda s: s.title == "Youth Justice Service Update")
    qtbot.mouseClick(panel.standing_up, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert standing_items.list_standing_items(db, sst.committee_id)[0].title == "Youth Justice Service Update"
    select_record(panel.standing_view, lambda s: s.title == "Prevent Update")
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert [s.title for s in standing_items.list_standing_items(db, sst.committee_id)] == [
        "Youth Justice Service Update"
    ]
    assert column(panel.standing_view, 0)[1] == "Prevent Update (paused)"

    agenda.build_default_agenda(db, sst.september)
    titles = [i.title for i in agenda.list_agenda_items(db, sst.september)]
    assert "Youth Justice Service Update" in titles and "Prevent Update" not in titles


def test_a_committee_without_meetings(qtbot, page: MeetingsPage, context: AppContext) -> None:
    from sst_desktop.services.committees import create_committee

    created = create_committee(
        context.database, CommitteePatch(name="Peer Review Working Group", short_name="PRWG")
    ).after
    assert created is not None
    context.announce(Changed.COMMITTEES)  # as the Committees screen announces it
    settle(qtbot)
    assert page.committee_box.count() == 2
    assert page.committee is not None and page.committee.short_name == "SST"  # the choice stays
    page.choose_committee(created.id)
    settle(qtbot)
    assert page.upcoming_model.rowCount() == 0 and page.past_model.rowCount() == 0
    assert page.meeting is None and page.details.heading.text() == "No meeting chosen"
    assert not page.agenda_button.isEnabled() and not page.exports.pack_action.isEnabled()
    assert page.calendar_button.isEnabled() and page.schedule_button.isEnabled()
    assert not page.builder.create_button.isEnabled()


def test_first_minute_number_typed_saved_renumbers_and_undoes(
    qtbot, page: MeetingsPage, context: AppContext, sst: SST
) -> None:  # type: ignore[no-untyped-def]
    from sst_desktop.services import agenda, minutes

    agenda.build_default_agenda(context.database, sst.september)
    minutes.open_minutes(context.database, sst.september)
    page.select_meeting(sst.september)
    details = page.details
    assert details.meeting is not None and details.meeting.id == sst.september
    details.first_minute.setFocus()
    qtbot.keyClicks(details.first_minute, "13")
    qtbot.keyClick(details.first_minute, Qt.Key.Key_Return)
    settle(qtbot)
    assert meetings.get_meeting(context.database, sst.september).first_minute_number == 13
    assert minutes.list_minutes(context.database, sst.september)[0].number == 13

    details.first_minute.selectAll()
    qtbot.keyClicks(details.first_minute, "thirteen")
    qtbot.keyClick(details.first_minute, Qt.Key.Key_Return)
    settle(qtbot)
    assert details.first_minute.property("error") is True
    assert meetings.get_meeting(context.database, sst.september).first_minute_number == 13

    context.undo_stack.undo()
    settle(qtbot)
    assert meetings.get_meeting(context.database, sst.september).first_minute_number is None


def test_take_minutes_opens_minute_taking_for_the_meeting(
    qtbot, context: AppContext, settings, sst: SST
) -> None:  # type: ignore[no-untyped-def]
    from sst_desktop.ui.main_window import MainWindow

    window = MainWindow(context, settings)
    qtbot.addWidget(window)
    page = window.show_page("meetings")
    settle(qtbot)
    page.choose_committee(sst.committee_id)
    settle(qtbot)
    page.select_meeting(sst.september)
    assert page.details.take_minutes_button.isEnabled()
    qtbot.mouseClick(page.details.take_minutes_button, Qt.MouseButton.LeftButton)
    settle(qtbot)  # the window opens once what it shows is read
    minutes_page = window.page("minutes")
    taking = minutes_page.windows.get(sst.september)
    assert taking is not None and taking.isVisible()
    minutes_page.close_windows()
