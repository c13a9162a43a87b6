"""The meetings screens on the operations seam: documents are written on the database worker, screens
follow the kinds of change announced, and one field's edits undo and redo as one step."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from sst_desktop.exports import agenda_pdf, calendar_ics
from sst_desktop.services import agenda, forward_plan
from sst_desktop.services.agenda_records import AgendaItemRecord
from sst_desktop.services.outcome import Changed
from sst_desktop.storage.engine import Database
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.meetings import export_actions
from sst_desktop.ui.meetings.meetings_view import MeetingsPage
from tests.meeting_factory import SST, make_sst
from tests.ui.waiting import settle


@pytest.fixture
def sst(db: Database) -> SST:
    return make_sst(db)


@pytest.fixture
def page(qtbot, context: AppContext, sst: SST) -> MeetingsPage:  # type: ignore[no-untyped-def]
    widget = MeetingsPage(context, today=date(2022, 9, 1))
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    settle(qtbot)
    widget.choose_committee(sst.committee_id)
    settle(qtbot)
    return widget


def chosen_item(qtbot, page: MeetingsPage, sst: SST, title: str) -> AgendaItemRecord:  # type: ignore[no-untyped-def]
    """A new item on September's agenda, chosen in the builder."""
    item = agenda.add_item(page.context.database, sst.september, title).after
    assert item is not None
    page.builder.reload()
    settle(qtbot)
    page.builder.select_item(item.id)
    return item


@pytest.fixture(autouse=True)
def no_error_dialogs(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a, **k: shown.append(text))
    yield
    assert shown == []


def test_the_agenda_and_the_calendar_are_written_on_the_database_worker(
    qtbot, monkeypatch, page: MeetingsPage, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    threads: list[str] = []
    for module, name in ((agenda_pdf, "export_agenda"), (calendar_ics, "export_calendar")):
        real = getattr(module, name)

        def recorded(*args, real=real, **kwargs):  # type: ignore[no-untyped-def]
            threads.append(threading.current_thread().name)
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, recorded)
    written: list[object] = []
    page.exports.finished.connect(written.append)
    monkeypatch.setattr(export_actions, "offer_to_open", lambda *a, **k: False)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "agenda.pdf"), ""))
    page.agenda_button.click()
    assert not page.exports.agenda_action.isEnabled()  # one document at a time
    settle(qtbot)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "sst.ics"), ""))
    page.calendar_button.click()
    settle(qtbot)

    assert threads == ["database", "database"]
    assert [Path(r.path).name for r in written] == ["agenda.pdf", "sst.ics"]  # type: ignore[attr-defined]
    assert (tmp_path / "agenda.pdf").stat().st_size > 0 and (tmp_path / "sst.ics").is_file()
    assert page.exports.agenda_action.isEnabled()


def test_screens_follow_the_kinds_of_change_announced(
    qtbot, page: MeetingsPage, context: AppContext, sst: SST
) -> None:  # type: ignore[no-untyped-def]
    db = context.database
    agenda.add_item(db, sst.september, "Prevent Update")
    forward_plan.add_forward_plan_item(db, sst.committee_id, "VAWG Strategy")

    context.announce(Changed.ATTENDANCE)  # neither the agenda nor the plan: they stay as shown
    settle(qtbot)
    assert page.builder.model.records == [] and page.plan.plan_model.rowCount() == 0

    context.announce(Changed.AGENDA | Changed.FORWARD_PLAN)  # as another window would
    settle(qtbot)
    assert [r.title for r in page.builder.model.records] == ["Prevent Update"]
    assert [r.title for r in page.plan.plan_model.records()] == ["VAWG Strategy"]
    assert "Agenda: 1 item" in page.overview.text()


def test_one_fields_edits_are_undone_and_redone_as_one_step(
    qtbot, page: MeetingsPage, context: AppContext, sst: SST
) -> None:  # type: ignore[no-untyped-def]
    db = context.database
    item = chosen_item(qtbot, page, sst, "DHR10 report")
    editor = page.builder.editor
    steps = context.undo_stack.count()

    for number in (7, 1, 2):
        qtbot.mouseClick(editor.paragraphs[number], Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert agenda.get_item(db, item.id).exempt_paragraphs == (1, 2, 7)
    assert context.undo_stack.count() == steps + 1

    context.undo_stack.undo()
    settle(qtbot)
    assert agenda.get_item(db, item.id).exempt_paragraphs == ()
    context.undo_stack.redo()
    settle(qtbot)
    assert agenda.get_item(db, item.id).exempt_paragraphs == (1, 2, 7)
    assert editor.paragraphs[2].isChecked()


def test_ctrl_down_pressed_quickly_moves_the_item_as_often(
    qtbot, page: MeetingsPage, context: AppContext, sst: SST
) -> None:  # type: ignore[no-untyped-def]
    db = context.database
    for title in ("One", "Two", "Three", "Four"):
        agenda.add_item(db, sst.september, title)
    builder = page.builder
    builder.reload()
    settle(qtbot)
    builder.select_item(builder.model.records[0].id)
    builder.view.setFocus()

    for _ in range(3):  # before the database has answered
        qtbot.keyClick(builder.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [r.title for r in builder.model.records] == ["Two", "Three", "Four", "One"]  # shown at once
    settle(qtbot)

    assert [r.title for r in agenda.list_agenda_items(db, sst.september)] == ["Two", "Three", "Four", "One"]
    assert builder.current_item() is not None and builder.current_item().title == "One"


def test_typing_on_while_a_description_is_saved_loses_nothing(
    qtbot, page: MeetingsPage, context: AppContext, sst: SST
) -> None:  # type: ignore[no-untyped-def]
    db = context.database
    item = chosen_item(qtbot, page, sst, "Prevent Update")
    description = page.builder.editor.description
    description.setFocus()

    qtbot.keyClicks(description, "Report of")
    page.builder.editor._description_paused()  # typing paused: the text so far is saved
    qtbot.keyClicks(description, " the Prevent Lead")  # the officer types on before the answer
    settle(qtbot)

    assert agenda.get_item(db, item.id).description == "Report of"
    assert description.toPlainText() == "Report of the Prevent Lead"
    page.builder.editor.commit_pending()
    settle(qtbot)
    assert agenda.get_item(db, item.id).description == "Report of the Prevent Lead"
    assert description.toPlainText() == "Report of the Prevent Lead"
