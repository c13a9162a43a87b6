"""Operations of minute-taking: declarations of interest (minutes, resolutions and references to
follow here).

Each function builds the operation for one thing the officer does while minuting; the widget says
what to do with the result and runs it (see ``op``). Edits go on the minute-taking window's own undo
stack, because the widget asking is in that window.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sst_desktop.services import declarations
from sst_desktop.services.declarations import DeclarationPatch, DeclarationRecord
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
