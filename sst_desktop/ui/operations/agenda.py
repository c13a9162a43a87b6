"""Operations on a meeting's agenda: its items, Create agenda and what it offers, the forward-plan
items due, and the reports attached to items.

Each function builds the operation for one thing an officer does; the widget says what to do with
the result and runs it (see ``op``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QWidget

from sst_desktop.domain.patch import given
from sst_desktop.services import actions, agenda, agenda_offers, attachments, forward_plan, matters_arising
from sst_desktop.services.actions import ActionRecord
from sst_desktop.services.agenda_offers import AgendaOffer
from sst_desktop.services.agenda_records import AgendaItemPatch, AgendaItemRecord, RemovedItem
from sst_desktop.services.attachments import AttachmentRecord, RemovedAttachment
from sst_desktop.services.forward_plan import ForwardPlanRecord
from sst_desktop.services.meetings import MeetingRecord
from sst_desktop.services.outcome import Outcome
from sst_desktop.services.records import Change
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations.merging import FieldEditOp
from sst_desktop.ui.operations.op import ChangeOp, ReadOp

# ---------------------------------------------------------------- reading


def list_items(context: AppContext, parent: QWidget, meeting_id: int) -> ReadOp[list[AgendaItemRecord]]:
    return ReadOp(context, parent, lambda db: agenda.list_agenda_items(db, meeting_id))


def items_due(context: AppContext, parent: QWidget, meeting_id: int) -> ReadOp[list[ForwardPlanRecord]]:
    """Forward-plan items due at the meeting and not yet on its agenda."""
    return ReadOp(context, parent, lambda db: forward_plan.items_due(db, meeting_id))


def open_actions(context: AppContext, parent: QWidget, meeting: MeetingRecord) -> ReadOp[list[ActionRecord]]:
    """The committee's actions open before the meeting: what its action log item reviews."""
    return ReadOp(
        context,
        parent,
        lambda db: actions.open_actions_for_committee(db, meeting.committee_id, as_of=meeting.date),
    )


def agenda_offer(context: AppContext, parent: QWidget, meeting_id: int) -> ReadOp[AgendaOffer]:
    """What Create agenda offers beyond the standard items."""
    return ReadOp(context, parent, lambda db: agenda_offers.agenda_offer(db, meeting_id))


# ---------------------------------------------------------------- building


def create_agenda(
    context: AppContext,
    parent: QWidget,
    meeting_id: int,
    *,
    matters_arising_item: bool,
    plan_ids: Sequence[int],
) -> ChangeOp[Outcome[list[AgendaItemRecord]]]:
    """The standard items, and the action log and forward-plan items ticked: one undo step."""
    ids = tuple(plan_ids)
    return ChangeOp(
        context,
        parent,
        lambda db: agenda_offers.create_agenda(
            db, meeting_id, matters_arising_item=matters_arising_item, plan_ids=ids
        ),
        "Create agenda",
    )


def add_item(
    context: AppContext, parent: QWidget, meeting_id: int, title: str, after_item_id: int | None
) -> ChangeOp[Change[AgendaItemRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: agenda.add_item(db, meeting_id, title, after_item_id=after_item_id),
        "Add an agenda item",
    )


def add_matters_arising(
    context: AppContext, parent: QWidget, meeting_id: int
) -> ChangeOp[Change[AgendaItemRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: matters_arising.add_matters_arising(db, meeting_id),
        "Add the action log to the agenda",
    )


def accept_plans(
    context: AppContext, parent: QWidget, meeting_id: int, plans: Sequence[ForwardPlanRecord]
) -> ChangeOp[Outcome[tuple[AgendaItemRecord, ...]]]:
    """Put forward-plan items on the agenda (before Date of Next Meeting): one undo step."""
    ids = tuple(p.id for p in plans)
    text = (
        f"Put “{plans[0].title}” on the agenda" if len(plans) == 1 else "Add forward-plan items to the agenda"
    )
    return ChangeOp(context, parent, lambda db: forward_plan.accept_several(db, ids, meeting_id), text)


# ---------------------------------------------------------------- editing


def update_item(
    context: AppContext, parent: QWidget, item: AgendaItemRecord, patch: AgendaItemPatch, what: str
) -> FieldEditOp[Change[AgendaItemRecord]]:
    """Change the fields ``patch`` sets; ``what`` names them for Undo ("title"). Edits of the same
    field one after another are one undo step. Undo names the item by its title: its place in the
    list is not the number the agenda prints (unnumbered and lettered items)."""
    return FieldEditOp(
        context,
        parent,
        lambda db: agenda.update_item(db, item.id, patch),
        f"Change the {what} of “{item.title}”",
        ("agenda_item", item.id, tuple(given(patch))),
    )


def move_item(
    context: AppContext, parent: QWidget, item: AgendaItemRecord, position: int
) -> ChangeOp[Change[AgendaItemRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: agenda.move_item(db, item.id, position),
        f"Move “{item.title}” to number {position + 1}",
    )


def reorder_items(
    context: AppContext, parent: QWidget, meeting_id: int, item_ids: Sequence[int], moved: int
) -> ChangeOp[Outcome[list[AgendaItemRecord]]]:
    """The agenda in a new order (``moved`` items were dragged)."""
    ids = tuple(item_ids)
    text = "Move an agenda item" if moved == 1 else f"Move {moved} agenda items"
    return ChangeOp(context, parent, lambda db: agenda.reorder_items(db, meeting_id, ids), text)


def remove_items(
    context: AppContext, parent: QWidget, items: Sequence[AgendaItemRecord]
) -> ChangeOp[Outcome[tuple[RemovedItem, ...]]]:
    ids = tuple(i.id for i in items)
    text = f"Remove “{items[0].title}”" if len(items) == 1 else f"Remove {len(items)} items"
    return ChangeOp(context, parent, lambda db: agenda.remove_items(db, ids), text)


# ---------------------------------------------------------------- reports


def attach_file(
    context: AppContext, parent: QWidget, item: AgendaItemRecord, path: Path
) -> ChangeOp[Change[AttachmentRecord]]:
    """Read and check a PDF and store it on the item; a file that is not a readable PDF is refused."""
    return ChangeOp(
        context,
        parent,
        lambda db: attachments.attach_file(db, item.id, path),
        f"Attach {path.name} to “{item.title}”",
    )


def attachment_bytes(context: AppContext, parent: QWidget, attachment: AttachmentRecord) -> ReadOp[bytes]:
    return ReadOp(context, parent, lambda db: attachments.attachment_bytes(db, attachment.id))


def rename_attachment(
    context: AppContext, parent: QWidget, attachment: AttachmentRecord, title: str
) -> ChangeOp[Change[AttachmentRecord]]:
    return ChangeOp(
        context,
        parent,
        lambda db: attachments.rename_attachment(db, attachment.id, title),
        f"Rename {attachment.filename}",
    )


def remove_attachment(
    context: AppContext, parent: QWidget, attachment: AttachmentRecord, item: AgendaItemRecord
) -> ChangeOp[RemovedAttachment]:
    return ChangeOp(
        context,
        parent,
        lambda db: attachments.remove_attachment(db, attachment.id),
        f"Remove {attachment.filename} from “{item.title}”",
    )
