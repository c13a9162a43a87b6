"""The operations seam: work runs on the one database worker, results come back on the GUI thread,
changes are announced by kind and undone on the stack of the window they were made in."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow, QWidget

from sst_desktop.services import committees
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.services.outcome import Changed, Outcome, combined
from sst_desktop.storage.engine import Database
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations.op import ChangeOp, ReadOp
from sst_desktop.ui.operations.undo import DocumentWindow, undo_stack_for
from sst_desktop.ui.operations.worker import database_worker
from tests.ui.lock_holder import SCRIPT as HOLDER
from tests.ui.waiting import settle

ROOT = Path(__file__).resolve().parents[2]


class Document(DocumentWindow, QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.undo_stack = QUndoStack(self)


def set_venue(committee_id: int, venue: str):  # type: ignore[no-untyped-def]
    """A change with its reversal, as the services give them."""

    def apply(db: Database) -> Outcome[str]:
        before = committees.get_committee(db, committee_id).default_venue
        committees.update_committee(db, committee_id, CommitteePatch(default_venue=venue))
        return Outcome(venue, Changed.COMMITTEES, set_venue(committee_id, before))

    return apply


@pytest.fixture
def committee_id(db: Database) -> int:
    record = committees.create_committee(
        db, CommitteePatch(name="Safer Sefton Together", short_name="SST")
    ).after
    assert record is not None
    committees.update_committee(db, record.id, CommitteePatch(default_venue="Bootle Town Hall"))
    return record.id


def test_reads_run_off_the_gui_thread_and_answer_on_it(qtbot, context: AppContext, committee_id: int) -> None:  # type: ignore[no-untyped-def]
    threads: list[str] = []
    answers: list[tuple[str, str]] = []

    def work(db: Database) -> str:
        threads.append(threading.current_thread().name)
        return committees.get_committee(db, committee_id).default_venue

    ReadOp(context, None, work).success(lambda v: answers.append((threading.current_thread().name, v))).run()
    settle(qtbot)
    assert threads == ["database"]
    assert answers == [(threading.main_thread().name, "Bootle Town Hall")]


def test_a_change_is_announced_by_kind_and_undone_in_its_own_window(qtbot, context, db, committee_id) -> None:  # type: ignore[no-untyped-def]
    first, second = Document(), Document()
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    field = QWidget(first)
    heard: list[Changed] = []
    context.changed.connect(heard.append)

    ChangeOp(
        context, field, set_venue(committee_id, "Remote Meeting - Microsoft Teams"), "Change venue"
    ).run()
    settle(qtbot)
    assert committees.get_committee(db, committee_id).default_venue == "Remote Meeting - Microsoft Teams"
    assert heard == [Changed.COMMITTEES]
    assert undo_stack_for(field) is first.undo_stack
    assert first.undo_stack.count() == 1 and second.undo_stack.count() == 0

    second.undo_stack.undo()  # the other window has nothing to undo
    first.undo_stack.undo()
    settle(qtbot)
    assert committees.get_committee(db, committee_id).default_venue == "Bootle Town Hall"
    first.undo_stack.redo()
    first.undo_stack.undo()
    first.undo_stack.redo()  # queued back to back: each step uses the reversal the one before returned
    settle(qtbot)
    assert committees.get_committee(db, committee_id).default_venue == "Remote Meeting - Microsoft Teams"


def test_combined_changes_undo_in_one_transaction(qtbot, context, db, committee_id) -> None:  # type: ignore[no-untyped-def]
    def two_steps(db: Database) -> Outcome[None]:
        a = set_venue(committee_id, "Southport Town Hall")(db)
        b = set_venue(committee_id, "Bootle One Stop Shop")(db)
        return combined([a, b], None)

    window = Document()
    qtbot.addWidget(window)
    ChangeOp(context, window, two_steps, "Two steps").run()
    settle(qtbot)
    assert committees.get_committee(db, committee_id).default_venue == "Bootle One Stop Shop"
    statements: list[str] = []

    from sqlalchemy import event

    def seen(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement.split()[0].upper())

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        window.undo_stack.undo()
        settle(qtbot)
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert committees.get_committee(db, committee_id).default_venue == "Bootle Town Hall"
    assert statements.count("BEGIN") == 1, statements


def test_a_refused_change_is_explained_and_not_on_the_stack(
    qtbot, context, db, committee_id, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr("sst_desktop.ui.operations.op.report_error", lambda _p, e: shown.append(str(e)))
    window = Document()
    qtbot.addWidget(window)

    class Field:
        reason = ""

        def reject(self, message: str, suggestion: str | None = None) -> None:
            self.reason = message

    field = Field()

    def blank_name(db: Database) -> Outcome[None]:
        committees.update_committee(db, committee_id, CommitteePatch(name="  "))
        raise AssertionError("a blank name is refused")

    ChangeOp(context, window, blank_name, "Rename").refused_in(field).run()
    settle(qtbot)
    assert shown and "name" in shown[0]
    assert field.reason == shown[0]
    assert window.undo_stack.count() == 0


def test_the_window_keeps_painting_while_another_program_holds_the_write_lock(  # type: ignore[no-untyped-def]
    qtbot, context, db, committee_id, db_path
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path), "3"], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        window = Document()
        qtbot.addWidget(window)
        waiting: list[bool] = []
        database_worker().waiting.connect(waiting.append)
        saved: list[str] = []
        ChangeOp(context, window, set_venue(committee_id, "Crosby Library"), "Change venue").success(
            lambda outcome: saved.append(outcome.value)
        ).run()

        # The event loop stays free: a 10 ms timer never waits long.
        clock = QElapsedTimer()
        clock.start()
        worst = 0
        last = clock.elapsed()

        def tick() -> None:
            nonlocal worst, last
            now = clock.elapsed()
            worst = max(worst, now - last)
            last = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        timer.start()
        qtbot.waitUntil(lambda: bool(saved), timeout=15_000)
        timer.stop()
        database_worker().waiting.disconnect(waiting.append)
        assert saved == ["Crosby Library"]
        assert clock.elapsed() >= 2000, "the save waited for the lock"
        # Waiting on the lock on the GUI thread would stall it for seconds; 100 ms is the aim on a quiet
        # machine, and a busy shared one can delay a timer by a fraction of that again.
        assert worst < 250, f"the event loop stalled for {worst} ms"
        assert waiting == [True, False], "the window was told it was waiting, then that it was done"
        assert committees.get_committee(db, committee_id).default_venue == "Crosby Library"
    finally:
        holder.wait(20)
        if holder.stdout is not None:
            holder.stdout.close()
