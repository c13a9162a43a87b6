"""Operations on the directory: committees (people, organisations and memberships to follow here).

Each function builds the operation for one thing an officer does; the widget says what to do with
the result and runs it (see ``op``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sst_desktop.services import committees
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.services.records import Change, CommitteeRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations.op import ChangeOp, ReadOp


def list_committees(
    context: AppContext, parent: QWidget, *, include_archived: bool
) -> ReadOp[list[CommitteeRecord]]:
    return ReadOp(
        context, parent, lambda db: committees.list_committees(db, include_archived=include_archived)
    )


def create_committee(
    context: AppContext, parent: QWidget, details: CommitteePatch, label: str
) -> ChangeOp[Change[CommitteeRecord]]:
    return ChangeOp(
        context, parent, lambda db: committees.create_committee(db, details), f"Add committee {label}"
    )


def update_committee(
    context: AppContext, parent: QWidget, committee: CommitteeRecord, patch: CommitteePatch, what: str
) -> ChangeOp[Change[CommitteeRecord]]:
    """Change the fields ``patch`` sets; ``what`` names them for Undo ("venue")."""
    return ChangeOp(
        context,
        parent,
        lambda db: committees.update_committee(db, committee.id, patch),
        f"Change {what} of {committee.short_name}",
    )


def archive_committee(
    context: AppContext, parent: QWidget, committee: CommitteeRecord, archived: bool
) -> ChangeOp[Change[CommitteeRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: committees.archive_committee(db, committee.id, archived),
        f"{'Archive' if archived else 'Restore'} {committee.short_name}",
    )
