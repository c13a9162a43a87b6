"""Operations on a committee's forward plan (items asked for at a later meeting) and its standing
items (on every agenda).

Each function builds the operation for one thing an officer does; the widget says what to do with
the result and runs it (see ``op``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sst_desktop.domain.enums import ItemKind
from sst_desktop.services import forward_plan, standing_items
from sst_desktop.services.forward_plan import ForwardPlanPatch, ForwardPlanRecord
from sst_desktop.services.records import Change
from sst_desktop.services.standing_items import StandingItemPatch, StandingItemRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations.op import ChangeOp, ReadOp

Plan = tuple[list[ForwardPlanRecord], list[StandingItemRecord]]


def list_plan(
    context: AppContext, parent: QWidget, committee_id: int, *, include_closed: bool
) -> ReadOp[Plan]:
    """The forward plan (done and dropped items too with ``include_closed``) and every standing item."""
    return ReadOp(
        context,
        parent,
        lambda db: (
            forward_plan.list_forward_plan(db, committee_id, include_closed=include_closed),
            standing_items.list_standing_items(db, committee_id, include_inactive=True),
        ),
    )


def add_plan_item(
    context: AppContext, parent: QWidget, committee_id: int, title: str, details: ForwardPlanPatch
) -> ChangeOp[Change[ForwardPlanRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: forward_plan.add_forward_plan_item(db, committee_id, title, details),
        f"Add “{title.strip()}” to the forward plan",
    )


def update_plan_item(
    context: AppContext, parent: QWidget, plan: ForwardPlanRecord, patch: ForwardPlanPatch
) -> ChangeOp[Change[ForwardPlanRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: forward_plan.update_forward_plan_item(db, plan.id, patch),
        f"Edit “{plan.title}” on the forward plan",
    )


def mark_done(
    context: AppContext, parent: QWidget, plan: ForwardPlanRecord
) -> ChangeOp[Change[ForwardPlanRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: forward_plan.mark_forward_plan_done(db, plan.id),
        f"Mark “{plan.title}” done",
    )


def drop(
    context: AppContext, parent: QWidget, plan: ForwardPlanRecord
) -> ChangeOp[Change[ForwardPlanRecord]]:
    return ChangeOp(
        context, parent, lambda db: forward_plan.drop_forward_plan_item(db, plan.id), f"Drop “{plan.title}”"
    )


def add_standing_item(
    context: AppContext,
    parent: QWidget,
    committee_id: int,
    title: str,
    *,
    description: str,
    kind: ItemKind,
    presenters_text: str,
) -> ChangeOp[Change[StandingItemRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: standing_items.add_standing_item(
            db, committee_id, title, description=description, kind=kind, presenters_text=presenters_text
        ),
        f"Add the standing item “{title.strip()}”",
    )


def update_standing_item(
    context: AppContext,
    parent: QWidget,
    item: StandingItemRecord,
    patch: StandingItemPatch,
    verb: str = "Edit",
) -> ChangeOp[Change[StandingItemRecord]]:
    """Change the fields ``patch`` sets; ``verb`` says how for Undo ("Pause", "Resume")."""
    return ChangeOp(
        context,
        parent,
        lambda db: standing_items.update_standing_item(db, item.id, patch),
        f"{verb} the standing item “{item.title}”",
    )


def move_standing_item(
    context: AppContext, parent: QWidget, item: StandingItemRecord, position: int
) -> ChangeOp[Change[StandingItemRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: standing_items.move_standing_item(db, item.id, position),
        f"Move the standing item “{item.title}”",
    )


def remove_standing_item(
    context: AppContext, parent: QWidget, item: StandingItemRecord
) -> ChangeOp[Change[StandingItemRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: standing_items.remove_standing_item(db, item.id),
        f"Remove the standing item “{item.title}”",
    )
