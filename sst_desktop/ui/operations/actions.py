"""Operations on the action log: reading it, changing an action, and the workbooks partners use.

Each function builds the operation for one thing an officer does; the widget says what to do with
the result and runs it (see ``op``). Workbooks and the attendance register are long work with a
progress dialog (``tasks``); applying an import announces what it changed, as a change does.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from sst_desktop.domain.action_rows import ActionLog, Latest, LatestIndex, LogChanges, Row
from sst_desktop.domain.enums import ActionStatus
from sst_desktop.services import action_log, actions
from sst_desktop.services.actions import ActionPatch, ActionRecord, ActionUpdateRecord
from sst_desktop.services.jobs import JobHooks
from sst_desktop.services.outcome import Outcome
from sst_desktop.services.records import Change
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations.op import ChangeOp, ReadOp
from sst_desktop.ui.tasks import Task, run_task

if TYPE_CHECKING:
    from sst_desktop.exports.actions_xlsx import ActionsExport
    from sst_desktop.exports.attendance_xlsx import AttendanceExport
    from sst_desktop.imports.actions_xlsx import ImportPreview, ImportResult

# Reading the log ----------------------------------------------------------------------------------


def load_log(context: AppContext, parent: QWidget) -> ReadOp[ActionLog]:
    """Every action as rows, and the names they refer to (the latest updates come after them)."""
    return ReadOp(context, parent, lambda db: action_log.load_log(db, latest=False))


def load_latest(context: AppContext, parent: QWidget, rows: list[Row]) -> ReadOp[LatestIndex]:
    """The latest update of every action, with the search index and order built over them."""
    return ReadOp(context, parent, lambda db: action_log.read_latest(db, rows))


def latest_of(context: AppContext, parent: QWidget, action_ids: list[int]) -> ReadOp[Latest]:
    """The latest updates of the rows on screen, while those of the whole log are being read."""
    return ReadOp(context, parent, lambda db: action_log.load_latest(db, action_ids))


def load_changes(context: AppContext, parent: QWidget, log: ActionLog) -> ReadOp[LogChanges]:
    """The actions added, changed or removed since ``log`` was read."""
    stamp, known = log.stamp, log.positions()
    return ReadOp(context, parent, lambda db: action_log.read_changes(db, stamp, known.keys()))


def load_action(
    context: AppContext, parent: QWidget, action_id: int
) -> ReadOp[tuple[ActionRecord, list[ActionUpdateRecord]]]:
    """One action and its progress updates, for its details."""
    return ReadOp(
        context, parent, lambda db: (actions.get_action(db, action_id), actions.list_updates(db, action_id))
    )


# Changing an action ---------------------------------------------------------------------------------


def set_status(
    context: AppContext,
    parent: QWidget,
    action_id: int,
    reference: str,
    status: ActionStatus,
    completed_on: date | None = None,
    based_on: ActionStatus | None = None,
) -> ChangeOp[Change[ActionRecord]]:
    """Based on the status the officer saw (``based_on``): one set since is not overwritten."""
    return ChangeOp(
        context,
        parent,
        lambda db: actions.set_status(db, action_id, status, completed_on, based_on),
        f"Mark {reference} {status.label.lower()}",
    )


def set_due(
    context: AppContext,
    parent: QWidget,
    action_id: int,
    reference: str,
    due: date | None,
    based_on: ActionPatch | None = None,
) -> ChangeOp[Change[ActionRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: actions.set_due(db, action_id, due, based_on),
        f"Change the due date of {reference}",
    )


def set_owner(
    context: AppContext,
    parent: QWidget,
    action_id: int,
    reference: str,
    person_id: int | None,
    owner_text: str = "",
    organisation_id: int | None = None,
) -> ChangeOp[Change[ActionRecord]]:
    """Give the action to a person in the directory, or (no ``person_id``) to an owner as typed."""
    return ChangeOp(
        context,
        parent,
        lambda db: actions.set_owner(db, action_id, person_id, owner_text, organisation_id),
        f"Change the owner of {reference}",
    )


def add_update(
    context: AppContext, parent: QWidget, action_id: int, reference: str, text: str, on: date | None
) -> ChangeOp[Outcome[ActionUpdateRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: actions.add_update(db, action_id, text, on=on),
        f"Add an update to {reference}",
    )


# Workbooks ----------------------------------------------------------------------------------------
# (The exports and imports are imported by the work itself, on the worker: openpyxl takes a moment
# to import, and the window keeps answering meanwhile.)


def export_log(
    context: AppContext,
    parent: QWidget,
    path: Path,
    *,
    action_ids: list[int] | None = None,
    per_committee: bool = False,
) -> Task:
    """Write the action log workbook partners update (all actions, or those given)."""
    database = context.database

    def work(hooks: JobHooks) -> ActionsExport:
        from sst_desktop.exports.actions_xlsx import export_actions_xlsx

        return export_actions_xlsx(
            database, path, action_ids=action_ids, per_committee=per_committee, hooks=hooks
        )

    return run_task(parent, "Writing the action log workbook…", work)


def preview_import(context: AppContext, parent: QWidget, path: Path) -> Task:
    """Read a workbook partners returned and say what it would change; nothing is written."""
    database = context.database

    def work(hooks: JobHooks) -> ImportPreview:
        from sst_desktop.imports.actions_xlsx import preview_actions_xlsx

        return preview_actions_xlsx(database, path, hooks=hooks)

    return run_task(parent, f"Reading {path.name}…", work)


def apply_import(context: AppContext, parent: QWidget, preview: ImportPreview) -> Task:
    """Apply a previewed import, all or nothing; every screen hears what it changed."""
    database = context.database

    def work(hooks: JobHooks) -> ImportResult:
        from sst_desktop.imports.actions_xlsx import apply_preview

        return apply_preview(database, preview, hooks=hooks)

    task = run_task(parent, "Applying the changes…", work)
    task.done.connect(lambda result: context.announce(result.changed))
    return task


def export_register(context: AppContext, parent: QWidget, committee_id: int, path: Path) -> Task:
    """Write a committee's attendance register."""
    database = context.database

    def work(hooks: JobHooks) -> AttendanceExport:
        from sst_desktop.exports.attendance_xlsx import export_attendance_xlsx

        return export_attendance_xlsx(database, committee_id, path, hooks=hooks)

    return run_task(parent, "Writing the attendance register…", work)
