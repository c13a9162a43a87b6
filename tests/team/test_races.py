"""Races only a database server has (SQLite makes writers take turns): each is run with the other
officer in a separate process, holding its transaction open at the worst moment."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from sst_desktop.domain.enums import ActionStatus
from sst_desktop.services import actions, committees, minutes
from sst_desktop.services.action_sheet_edits import SheetEdit, apply_sheet_edits
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.services.errors import ConfirmedMinutesError, ServiceError
from sst_desktop.storage.engine import Database
from tests.minutes_data import build_committee_and_meetings
from tests.server import server_database

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def half_way(database: Database, statement: str) -> Iterator[Callable[[], None]]:
    """Another officer's change in a separate process, holding its transaction open; the block gets a
    function that lets it commit."""
    url = database.engine.url.render_as_string(hide_password=False)
    holder = subprocess.Popen(
        [sys.executable, "-m", "tests.team.holder", url, statement],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "ready"

        def commit() -> None:
            holder.stdin.write("commit\n")  # type: ignore[union-attr]
            holder.stdin.flush()  # type: ignore[union-attr]
            assert holder.wait(30) == 0

        yield commit
    finally:
        holder.stdin.close()
        holder.stdout.close()
        if holder.poll() is None:
            holder.kill()
            holder.wait()


def meanwhile(work: Callable[[], object]) -> tuple[threading.Thread, list[object]]:
    """Start ``work`` on a thread of this officer's; what it returned or raised goes in the list."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(work())
        except Exception as error:
            outcome.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(0.5)  # (it has reached the database by now, or is waiting on it)
    return thread, outcome


def test_an_edit_checked_while_the_minutes_are_being_confirmed_is_refused() -> None:
    with server_database() as db:
        seed = build_committee_and_meetings(db)
        minute = minutes.minute_for_item(db, seed.item_ids[3])
        assert minute is not None
        minutes.set_text(db, minute.id, "Members considered the report.")
        confirming = f"UPDATE meetings SET minutes_confirmed_at = now() WHERE id = {seed.meeting_id}"
        with half_way(db, confirming) as commit:
            editing, outcome = meanwhile(
                lambda: minutes.set_text(db, minute.id, "Typed while the minutes were being confirmed.")
            )
            commit()
            editing.join(30)
        assert len(outcome) == 1 and isinstance(outcome[0], ConfirmedMinutesError)  # never after it
        assert minutes.get_minute(db, minute.id).text == "Members considered the report."


def test_an_import_never_overwrites_a_status_changed_while_it_ran() -> None:
    with server_database() as db:
        board = committees.create_committee(
            db, CommitteePatch(name="Safer Sefton Together", short_name="SST")
        ).after
        action = actions.create_action(db, committee_id=board.id, text="Find independent DHR chairs").after
        edit = SheetEdit(action.id, action.reference, action.version, status=ActionStatus.COMPLETED)
        changing = f"UPDATE actions SET status = 'in_progress', updated_at = now() WHERE id = {action.id}"
        with half_way(db, changing) as commit:
            importing, outcome = meanwhile(lambda: apply_sheet_edits(db, [edit]))
            commit()
            importing.join(30)
        assert len(outcome) == 1 and isinstance(outcome[0], ServiceError)
        assert "changed in SST Desktop after the preview" in str(outcome[0])
        assert actions.get_action(db, action.id).status is ActionStatus.IN_PROGRESS  # the other change stands


def test_officers_adding_actions_at_once_each_get_their_own_reference(shared: Database) -> None:
    board = committees.create_committee(
        shared, CommitteePatch(name="Safer Sefton Together", short_name="SST")
    ).after
    url = shared.engine.url.render_as_string(hide_password=False)
    officers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.team.officer", url, "add-actions", str(board.id), "20"],
            cwd=ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    said = [officer.communicate(timeout=120)[1] for officer in officers]
    failures = [text for officer, text in zip(officers, said, strict=True) if officer.returncode != 0]
    assert failures == []  # no officer saw an error
    references = [a.reference for a in actions.list_actions(shared, committee_id=board.id)]
    year = date.today().year
    assert sorted(references) == [f"SST/{year}/{n:03d}" for n in range(1, 81)]


def test_officers_typing_minutes_of_one_meeting_at_once_never_fail(shared: Database) -> None:
    """Each save re-indexes its minute for search; on a server those writes take turns (the search
    index's ids of one day were given twice, and saves failed, before)."""
    seed = build_committee_and_meetings(shared)
    minute_ids = [minutes.minute_for_item(shared, item).id for item in seed.item_ids[2:6]]  # type: ignore[union-attr]
    url = shared.engine.url.render_as_string(hide_password=False)
    officers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.team.officer", url, "type-minute", str(minute_id), "25"],
            cwd=ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        for minute_id in minute_ids
    ]
    said = [officer.communicate(timeout=120)[1] for officer in officers]
    assert [text for officer, text in zip(officers, said, strict=True) if officer.returncode != 0] == []
    assert [minutes.get_minute(shared, m).text for m in minute_ids] == ["Typed by officer, save 25"] * 4
