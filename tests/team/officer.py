"""Another officer: a separate process that makes one change to the team's database through the
services, as another copy of SST Desktop would (``python -m tests.team.officer URL ACTION ARGS…``)."""

from __future__ import annotations

import sys

from sst_desktop.services import actions, committees, minutes
from sst_desktop.services.committees import CommitteePatch
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
        else:
            raise SystemExit(f"unknown action {action}")
    finally:
        database.dispose()


if __name__ == "__main__":
    main(*sys.argv[1:])
