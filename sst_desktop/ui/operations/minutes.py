"""Operations of minute-taking: declarations of interest, resolutions, confirming the previous
minutes.

Each function builds the operation for one thing the officer does while minuting; the widget says
what to do with the result and runs it (see ``op``). Edits go on the minute-taking window's own undo
stack, because the widget asking is in that window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from sst_desktop.exports.minutes_copy import copy_minutes
from sst_desktop.services import declarations, minutes
from sst_desktop.services.declarations import DeclarationPatch, DeclarationRecord
from sst_desktop.services.minutes import Confirmation, MinuteRecord, QuickPhraseOption, TextSaved
from sst_desktop.services.records import Change
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations.op import ChangeOp, ReadOp


def list_declarations(
    context: AppContext, parent: QWidget, meeting_id: int
) -> ReadOp[list[DeclarationRecord]]:
    return ReadOp(context, parent, lambda db: declarations.list_declarations(db, meeting_id))


def add_declaration(
    context: AppContext, parent: QWidget, meeting_id: int, details: DeclarationPatch
) -> ChangeOp[Change[DeclarationRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: declarations.add_declaration(db, meeting_id, details),
        "Declaration of interest",
    )


def update_declaration(
    context: AppContext, parent: QWidget, declaration: DeclarationRecord, patch: DeclarationPatch
) -> ChangeOp[Change[DeclarationRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: declarations.update_declaration(db, declaration.id, patch),
        "Declaration changed",
    )


def remove_declaration(
    context: AppContext, parent: QWidget, declaration: DeclarationRecord
) -> ChangeOp[Change[DeclarationRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: declarations.remove_declaration(db, declaration.id),
        "Declaration removed",
    )


# Resolutions ----------------------------------------------------------------------------------------
def quick_phrases(context: AppContext, parent: QWidget, minute_id: int) -> ReadOp[list[QuickPhraseOption]]:
    return ReadOp(context, parent, lambda db: minutes.quick_phrases(db, minute_id))


def insert_phrase(
    context: AppContext, parent: QWidget, minute_id: int, option: QuickPhraseOption
) -> ChangeOp[Change[MinuteRecord]]:
    """A standard phrase as a resolution ("a further report…" also goes on the forward plan)."""
    return ChangeOp(
        context,
        parent,
        lambda db: minutes.insert_quick_phrase(db, minute_id, option.phrase, presenter=option.presenter),
        f"Resolution: {option.text}",
    )


def add_resolution(
    context: AppContext, parent: QWidget, minute_id: int, text: str
) -> ChangeOp[Change[MinuteRecord]]:
    return ChangeOp(
        context, parent, lambda db: minutes.add_resolution(db, minute_id, text), "Resolution added"
    )


def remove_resolution(
    context: AppContext, parent: QWidget, resolution_id: int
) -> ChangeOp[Change[MinuteRecord]]:
    return ChangeOp(
        context, parent, lambda db: minutes.remove_resolution(db, resolution_id), "Resolution removed"
    )


def move_resolution(
    context: AppContext, parent: QWidget, resolution_id: int, new_index: int
) -> ChangeOp[Change[MinuteRecord]]:
    return ChangeOp(
        context, parent, lambda db: minutes.move_resolution(db, resolution_id, new_index), "Resolution moved"
    )


def resolution_typed(context: AppContext, resolution_id: int, text: str) -> Callable[[], TextSaved]:
    """The write of a resolution's wording as typed, for the autosaver (run on the database worker)."""
    database = context.database
    return lambda: minutes.set_resolution_text(database, resolution_id, text)


# Confirming the previous minutes (never an undo step) -----------------------------------------------
def confirm_previous_minutes(context: AppContext, parent: QWidget, minute_id: int) -> ChangeOp[Confirmation]:
    """Resolve the previous minutes a correct record; no undo text: it is taken back only by
    ``withdraw_confirmation``, with a reason."""
    return ChangeOp(context, parent, lambda db: minutes.confirm_previous_minutes(db, minute_id, copy_minutes))


def withdraw_confirmation(
    context: AppContext, parent: QWidget, minute_id: int, reason: str
) -> ChangeOp[Confirmation]:
    return ChangeOp(context, parent, lambda db: minutes.withdraw_confirmation(db, minute_id, reason))
