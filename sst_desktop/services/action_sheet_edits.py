"""Edits coming back from the action log spreadsheet partners return: checked when previewed, then
applied all together or not at all."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sst_desktop.domain import Action, ActionUpdate
from sst_desktop.domain.base import utcnow
from sst_desktop.domain.enums import ActionStatus
from sst_desktop.services.action_fields import complete_status
from sst_desktop.services.action_records import (
    UPDATE_LIMIT,
    version_stamp,
)
from sst_desktop.services.errors import NotFoundError, ServiceError, ValidationError
from sst_desktop.services.guards import for_change
from sst_desktop.services.jobs import JobHooks
from sst_desktop.services.outcome import Changed, Outcome
from sst_desktop.services.validation import optional, required
from sst_desktop.storage.engine import Database


@dataclass(frozen=True)
class SheetEdit:
    """What a partner changed on one action in a returned spreadsheet, checked and ready to apply.

    ``version`` is the action's version when the change was previewed: if it moved since, the
    action was edited meanwhile and the whole batch is refused."""

    action_id: int
    reference: str
    version: str
    status: ActionStatus | None = None
    completed_on: date | None = None
    set_due: bool = False
    due_date: date | None = None
    new_updates: tuple[str, ...] = ()


def apply_sheet_edits(
    db: Database,
    edits: list[SheetEdit] | tuple[SheetEdit, ...],
    *,
    on: date | None = None,
    author: str = "",
    hooks: JobHooks | None = None,
) -> Outcome[int]:
    """Apply every edit in one transaction: all of them, or (on any error or cancel) none.
    New updates are dated ``on`` (today). The value is the number of actions changed; a whole
    import is not an undo step (the officer saw every change before applying it)."""
    hooks = hooks or JobHooks()
    on = on or date.today()
    author = optional(author, "The author", max_length=200)
    changed = 0
    with db.write() as session:
        for index, edit in enumerate(edits):
            action = for_change(session, Action, edit.action_id)
            if action is None:
                raise NotFoundError(
                    f"{edit.reference} no longer exists in SST Desktop; preview the file again."
                )
            if version_stamp(action.updated_at) != edit.version:
                raise ServiceError(
                    f"{edit.reference} was changed in SST Desktop after the preview; "
                    "nothing was imported. Preview the file again."
                )
            touched = False
            if edit.status is not None or edit.completed_on is not None:
                status = edit.status or action.status
                when = edit.completed_on
                if when is None and status.is_done and action.status.is_done:
                    when = action.completed_on
                merged: dict[str, object] = {"status": status, "completed_on": when}
                try:
                    complete_status(merged)
                except ValidationError as error:
                    raise ValidationError(f"{edit.reference}: {error}") from error
                for key, value in merged.items():
                    if getattr(action, key) != value:
                        setattr(action, key, value)
                        touched = True
            if edit.set_due and (action.due_date != edit.due_date):
                action.due_date = edit.due_date
                if edit.due_date is not None:
                    action.due_next_meeting = False
                touched = True
            for text in edit.new_updates:
                text = required(text, "The update", max_length=UPDATE_LIMIT, multiline=True)
                session.add(ActionUpdate(action_id=action.id, on=on, text=text, author=author))
                touched = True
            if touched:
                action.updated_at = utcnow()
                changed += 1
            if index % 100 == 0:
                hooks.step(index, len(edits))
        session.flush()
    hooks.progress(len(edits), len(edits))
    return Outcome(changed, Changed.ACTIONS if changed else Changed.NOTHING)
