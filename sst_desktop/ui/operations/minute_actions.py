"""Operations on the actions recorded in a minute while it is taken: reading them, adding and
removing one, and the writes of its fields as they are edited (for the autosaver).

Changing an open action's status or adding an update from the matters arising use the action log's
operations (``actions``); the actions the item reviews come from ``agenda.open_actions``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtWidgets import QWidget

from sst_desktop.domain.patch import given, reverting
from sst_desktop.services import actions, meetings, organisations
from sst_desktop.services.actions import ActionPatch, ActionRecord
from sst_desktop.services.meetings import MeetingRecord
from sst_desktop.services.organisations import OrganisationRecord
from sst_desktop.services.outcome import Changed, Outcome
from sst_desktop.services.records import Change
from sst_desktop.services.resolution_actions import add_action_from_resolution
from sst_desktop.storage.engine import Database
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations.minutes import TextBasis, based
from sst_desktop.ui.operations.op import ChangeOp, ReadOp


def actions_of_minute(context: AppContext, parent: QWidget, minute_id: int) -> ReadOp[list[ActionRecord]]:
    return ReadOp(context, parent, lambda db: actions.list_actions_for_minute(db, minute_id))


def next_meeting(context: AppContext, parent: QWidget, meeting_id: int) -> ReadOp[MeetingRecord | None]:
    """The committee's meeting after this one (an action "due at the next meeting" is due then)."""
    return ReadOp(context, parent, lambda db: meetings.next_meeting(db, meeting_id))


def add_action(
    context: AppContext, parent: QWidget, minute_id: int, text: str, *, from_resolution: bool = False
) -> ChangeOp[Change[ActionRecord]]:
    """Add an action; ``from_resolution``: its wording was taken from a resolution's suggestion, so
    it gets the presenter as owner and is due at the next meeting (``resolution_actions``)."""

    def add(db: Database) -> Change[ActionRecord]:
        if from_resolution:
            return add_action_from_resolution(db, minute_id, text)
        return actions.create_action(db, text=text, minute_id=minute_id)

    return ChangeOp(context, parent, add, "Action added")


def remove_action(
    context: AppContext, parent: QWidget, action: ActionRecord
) -> ChangeOp[Change[ActionRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: actions.delete_action(db, action.id),
        f"Action removed: {action.reference}",
    )


def action_typed(
    context: AppContext, action_id: int, text: str, basis: TextBasis | None = None
) -> Callable[[], Outcome[str]]:
    """The write of an action's wording as typed, for the autosaver (run on the database worker;
    refused, with a ``basis``, when another officer reworded it since)."""
    database = context.database
    return based(basis, text, lambda was: actions.set_action_text(database, action_id, text, based_on=was))


@dataclass
class FieldsBasis:
    """An action's owner, organisation and due date as this window last read or saved them (an
    ``ActionPatch`` setting each): what the next save of one of them is based on, like ``TextBasis``."""

    values: ActionPatch

    @classmethod
    def of(cls, record: ActionRecord) -> FieldsBasis:
        return cls(
            ActionPatch(
                owner_person_id=record.owner_person_id,
                owner_text=record.owner_text,
                organisation_id=record.organisation_id,
                due_date=record.due_date,
                due_next_meeting=record.due_next_meeting,
            )
        )

    def moved_to(self, values: Mapping[str, Any]) -> None:
        self.values = replace(self.values, **values)


def action_edited(
    context: AppContext, action_id: int, patch: ActionPatch, basis: FieldsBasis | None = None
) -> Callable[[], Change[ActionRecord]]:
    """The write of an action's owner, organisation or due date as edited, for the autosaver
    (refused, with a ``basis``, when another officer changed one of those since)."""
    database = context.database

    def save() -> Change[ActionRecord]:
        based_on = reverting(patch, basis.values) if basis is not None else None
        saved = actions.update_action(database, action_id, patch, based_on)
        if basis is not None:
            basis.moved_to(given(patch))
        return saved

    return save


def organisation_named(
    context: AppContext, parent: QWidget, name: str
) -> ChangeOp[Outcome[OrganisationRecord]]:
    """The organisation typed for an action, added to the directory when new (not an undo step: the
    action's own edit is what the officer takes back)."""
    return ChangeOp(
        context,
        parent,
        lambda db: Outcome(organisations.find_or_create_organisation(db, name), Changed.ORGANISATIONS),
    )
