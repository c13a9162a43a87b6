"""Races only a database server has (SQLite makes writers take turns): each is run with the other
officer in a separate process, holding its transaction open at the worst moment."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

from sst_desktop.services import actions, committees, minutes
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.services.errors import ConfirmedMinutesError
from sst_desktop.storage.engine import Database
from tests.minutes_data import build_committee_and_meetings
from tests.server import server_database

ROOT = Path(__file__).resolve().parents[2]


def test_an_edit_checked_while_the_minutes_are_being_confirmed_is_refused() -> None:
    with server_database() as db:
        seed = build_committee_and_meetings(db)
        minute = minutes.minute_for_item(db, seed.item_ids[3])
        assert minute is not None
        minutes.set_text(db, minute.id, "Members considered the report.")
        url = db.engine.url.render_as_string(hide_password=False)
        confirmer = subprocess.Popen(
            [sys.executable, "-m", "tests.team.confirmer", url, str(seed.meeting_id)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert confirmer.stdin is not None and confirmer.stdout is not None
        try:
            assert confirmer.stdout.readline().strip() == "ready"  # the confirmation is half way
            outcome: list[str] = []

            def edit() -> None:
                try:
                    minutes.set_text(db, minute.id, "Typed while the minutes were being confirmed.")
                    outcome.append("saved")
                except ConfirmedMinutesError:
                    outcome.append("refused")

            editing = threading.Thread(target=edit)
            editing.start()
            editing.join(0.5)
            confirmer.stdin.write("commit\n")
            confirmer.stdin.flush()
            assert confirmer.wait(30) == 0
            editing.join(30)
        finally:
            confirmer.stdin.close()
            confirmer.stdout.close()
            if confirmer.poll() is None:
                confirmer.kill()
                confirmer.wait()
        assert outcome == ["refused"]  # never committed after the confirmation
        assert minutes.get_minute(db, minute.id).text == "Members considered the report."


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
