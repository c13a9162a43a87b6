"""Operations of minute-taking: the minute's texts, outcome and references, declarations of
interest, resolutions, confirming the previous minutes.

Each function builds the operation for one thing the officer does while minuting; the widget says
what to do with the result and runs it (see ``op``). Edits go on the minute-taking window's own undo
stack, because the widget asking is in that window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from sst_desktop.domain.enums import MinuteOutcome
from sst_desktop.exports.minutes_copy import copy_minutes
from sst_desktop.services import declarations, minute_forms, minutes
from sst_desktop.services.declarations import DeclarationPatch, DeclarationRecord
from sst_desktop.services.minute_forms import MinuteFormPatch, TypedReference
from sst_desktop.services.minutes import (
    Confirmation,
    MeetingRef,
    MinuteRecord,
    QuickPhraseOption,
    ReferenceCandidate,
    TextSaved,
)
from sst_desktop.services.records import Change
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations.op import ChangeOp, ReadOp

R = TypeVar("R")


# The minute itself ----------------------------------------------------------------------------------
def get_minute(context: AppContext, parent: QWidget, minute_id: int) -> ReadOp[MinuteRecord]:
    return ReadOp(context, parent, lambda db: minutes.get_minute(db, minute_id))


def minute_for_item(context: AppContext, parent: QWidget, item_id: int) -> ReadOp[MinuteRecord]:
    """The minute of an agenda item, begun (empty) the first time the item comes up."""
    return ReadOp(context, parent, lambda db: minutes.minute_for_item(db, item_id))


def previous_meeting(context: AppContext, parent: QWidget, meeting_id: int) -> ReadOp[MeetingRef | None]:
    """The meeting whose minutes this one confirms."""
    return ReadOp(context, parent, lambda db: minutes.previous_meeting(db, meeting_id))


@dataclass
class TextBasis:
    """A text as this window last read or saved it (a minute's narrative or heading, a resolution's
    or an action's wording): what its next save is based on, so that another officer's text saved
    meanwhile is never overwritten (read and moved on by the saves themselves, on the database
    worker, in the order they were typed)."""

    text: str


def based(basis: TextBasis | None, text: str, write: Callable[[str | None], R]) -> Callable[[], R]:
    """The save of ``text`` for the autosaver: ``write`` is given the text it is based on (None: no
    basis, nothing compared), and once it is saved the basis moves on to it."""

    def save() -> R:
        saved = write(basis.text if basis is not None else None)
        if basis is not None:
            basis.text = text
        return saved

    return save


def text_typed(
    context: AppContext, minute_id: int, text: str, basis: TextBasis | None = None
) -> Callable[[], TextSaved]:
    """The write of the narrative as typed, for the autosaver (run on the database worker). With a
    ``basis``, a text another officer changed since is refused (``EditConflictError``)."""
    database = context.database
    return based(basis, text, lambda was: minutes.set_text(database, minute_id, text, based_on=was))


def summary_typed(context: AppContext, minute_id: int, text: str) -> Callable[[], TextSaved]:
    """The write of an exempt item's published summary as typed, for the autosaver."""
    database = context.database
    return lambda: minutes.set_public_summary(database, minute_id, text)


def heading_typed(
    context: AppContext, minute_id: int, heading: str, basis: TextBasis | None = None
) -> Callable[[], Change[MinuteRecord]]:
    """The write of the heading as typed, for the autosaver (refused, with a ``basis``, when another
    officer changed it since)."""
    database = context.database
    return based(basis, heading, lambda was: minutes.set_heading(database, minute_id, heading, based_on=was))


def set_outcome(
    context: AppContext, parent: QWidget, minute_id: int, outcome: MinuteOutcome
) -> ChangeOp[Change[MinuteRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: minutes.set_outcome(db, minute_id, outcome),
        f"Item {outcome.label.lower()}",
    )


def reference_candidates(
    context: AppContext, parent: QWidget, minute_id: int
) -> ReadOp[list[ReferenceCandidate]]:
    return ReadOp(context, parent, lambda db: minutes.reference_candidates(db, minute_id))


def add_reference(
    context: AppContext,
    parent: QWidget,
    minute_id: int,
    referenced_minute_id: int,
    resolution_number: int | None = None,
) -> ChangeOp[Change[MinuteRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: minutes.add_reference(db, minute_id, referenced_minute_id, resolution_number),
        "Reference to an earlier minute",
    )


def remove_reference(
    context: AppContext, parent: QWidget, reference_id: int
) -> ChangeOp[Change[MinuteRecord]]:
    return ChangeOp(
        context, parent, lambda db: minutes.remove_reference(db, reference_id), "Reference removed"
    )


def add_typed_reference(
    context: AppContext, parent: QWidget, minute_id: int, typed: TypedReference
) -> ChangeOp[Change[MinuteRecord]]:
    """Refer to a minute from before these records (committee, date and number typed)."""
    return ChangeOp(
        context,
        parent,
        lambda db: minute_forms.add_typed_reference(db, minute_id, typed),
        "Reference to an earlier minute",
    )


def update_minute_form(
    context: AppContext, parent: QWidget, minute_id: int, patch: MinuteFormPatch, what: str
) -> ChangeOp[Change[MinuteRecord]]:
    """Moved and seconded, the decision form, how the previous minutes are confirmed…"""
    return ChangeOp(
        context, parent, lambda db: minute_forms.update_minute_form(db, minute_id, patch), f"Change {what}"
    )


# Declarations of interest ---------------------------------------------------------------------------
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


def resolution_typed(
    context: AppContext, resolution_id: int, text: str, basis: TextBasis | None = None
) -> Callable[[], TextSaved]:
    """The write of a resolution's wording as typed, for the autosaver (run on the database worker;
    refused, with a ``basis``, when another officer reworded it since)."""
    database = context.database
    return based(
        basis, text, lambda was: minutes.set_resolution_text(database, resolution_id, text, based_on=was)
    )


# Confirming the previous minutes (never an undo step) -----------------------------------------------
def confirm_previous_minutes(context: AppContext, parent: QWidget, minute_id: int) -> ChangeOp[Confirmation]:
    """Resolve the previous minutes a correct record; no undo text: it is taken back only by
    ``withdraw_confirmation``, with a reason."""
    return ChangeOp(context, parent, lambda db: minutes.confirm_previous_minutes(db, minute_id, copy_minutes))


def withdraw_confirmation(
    context: AppContext, parent: QWidget, minute_id: int, reason: str
) -> ChangeOp[Confirmation]:
    return ChangeOp(context, parent, lambda db: minutes.withdraw_confirmation(db, minute_id, reason))


def minute(context: AppContext, parent: QWidget, minute_id: int) -> ReadOp[MinuteRecord]:
    """One minute, to open minute-taking at it."""
    return ReadOp(context, parent, lambda db: minutes.get_minute(db, minute_id))
