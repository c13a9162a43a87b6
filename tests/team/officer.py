"""Another officer: a separate process that makes one change to the team's database through the
services, as another copy of SST Desktop would (``python -m tests.team.officer URL ACTION ARGS…``)."""

from __future__ import annotations

import os
import sys
import threading
import time

from sst_desktop.services import actions, committees, minutes
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.storage import presence
from sst_desktop.storage.engine import Database
from sst_desktop.storage.opening import open_database


def main(url: str, action: str, *arguments: str) -> None:
    database = open_database(url)
    try:
        if action == "rename-committee":
            committee_id, name = int(arguments[0]), arguments[1]
            committees.update_committee(database, committee_id, CommitteePatch(name=name))
        elif action == "type-minute":
            minute_id, count = int(arguments[0]), int(arguments[1])
            for number in range(count):
                minutes.set_text(database, minute_id, f"Typed by officer, save {number + 1}")
        elif action == "set-minute-text":
            minutes.set_text(database, int(arguments[0]), arguments[1])
        elif action == "set-minute-heading":
            minutes.set_heading(database, int(arguments[0]), arguments[1])
        elif action == "set-resolution-text":
            minutes.set_resolution_text(database, int(arguments[0]), arguments[1])
        elif action == "set-action-text":
            actions.set_action_text(database, int(arguments[0]), arguments[1])
        elif action == "set-action-owner":
            actions.set_owner(database, int(arguments[0]), None, arguments[1])
        elif action == "set-action-status":
            actions.set_status(database, int(arguments[0]), arguments[1])
        elif action == "add-actions":
            committee_id, count = int(arguments[0]), int(arguments[1])
            for number in range(count):
                actions.create_action(database, committee_id=committee_id, text=f"Action {number + 1}")
        elif action == "edit-minute":  # typing in a minute until a line comes on stdin ("stop" or "die")
            _edit_minute(database, int(arguments[0]), arguments[1])
        elif action == "see-minute":  # wait until someone is typing in the minute; print who
            _see_minute(database, int(arguments[0]))
        else:
            raise SystemExit(f"unknown action {action}")
    finally:
        database.dispose()


def _edit_minute(database: Database, minute_id: int, officer: str) -> None:
    """Say this officer is typing in the minute, renewed every second, until told to stop (then
    taken back) or to die (left to expire, as when a program crashes)."""
    told: list[str] = []
    threading.Thread(target=lambda: told.append(sys.stdin.readline().strip()), daemon=True).start()
    while not told:
        with database.engine.begin() as connection:
            presence.announce(connection, minute_id, officer)
        print("typing", flush=True)
        time.sleep(1)
    if told[0] == "die":
        os._exit(0)
    with database.engine.begin() as connection:
        presence.withdraw(connection)


def _see_minute(database: Database, minute_id: int) -> None:
    while True:
        with database.engine.connect() as connection:
            names = [e.officer for e in presence.others(connection) if e.minute_id == minute_id]
        if names:
            print(*names, sep="\n", flush=True)
            return
        time.sleep(0.2)


if __name__ == "__main__":
    main(*sys.argv[1:])
