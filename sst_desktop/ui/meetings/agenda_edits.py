"""What the builder does to the items of an agenda: add one (or the action log, or forward-plan
items due), remove the chosen ones, and move them by keys or by drag and drop.

Moves and removals show at once, before the database has answered, so pressing Ctrl+Up three times
moves the item three places; the list is read back when the change is made (or put back as it
was when the change is refused).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMessageBox

from sst_desktop.domain.agenda_labels import item_references
from sst_desktop.services.forward_plan import ForwardPlanRecord
from sst_desktop.services.outcome import Outcome
from sst_desktop.services.records import Change
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.meetings.models import order_after_drop
from sst_desktop.ui.operations import agenda
from sst_desktop.ui.operations.op import ChangeOp

if TYPE_CHECKING:
    from sst_desktop.ui.meetings.agenda_builder import AgendaBuilder

NEW_ITEM_TITLE = "New item"


def add_item(builder: AgendaBuilder, title: str = NEW_ITEM_TITLE) -> None:
    """Add an item after the chosen business item, else after the last business item and before
    Date of Next Meeting (``agenda.new_item_index``), and put the cursor in its title."""
    meeting = builder.meeting
    if meeting is None or not builder.editable:
        return
    current = builder.current_item()
    after = current.id if current is not None else None
    agenda.add_item(builder.context, builder, meeting.id, title, after).success(
        lambda change: _added(builder, change, focus=True)
    ).run()


def add_matters_arising(builder: AgendaBuilder) -> None:
    """The action log as an item (after Minutes of Previous Meeting): the open actions come back."""
    meeting = builder.meeting
    if meeting is not None and builder.editable:
        agenda.add_matters_arising(builder.context, builder, meeting.id).success(
            lambda change: _added(builder, change)
        ).run()


def accept_plans(builder: AgendaBuilder, plans: Sequence[ForwardPlanRecord]) -> None:
    """Put forward-plan items on the agenda (before Date of Next Meeting); they are scheduled on the plan."""
    meeting = builder.meeting
    if meeting is not None and builder.editable and plans:
        agenda.accept_plans(builder.context, builder, meeting.id, plans).success(
            lambda made: _accepted(builder, made)
        ).run()


def _added(builder: AgendaBuilder, change: Change[Any], *, focus: bool = False) -> None:
    if change.after is not None:
        builder.select_when_shown(change.after.id, focus_title=focus)


def _accepted(builder: AgendaBuilder, made: Outcome[tuple[Any, ...]]) -> None:
    if made.value:
        builder.select_when_shown(made.value[-1].id)


def remove_selected(builder: AgendaBuilder) -> None:
    """Remove the chosen items (asking first when reports go with them); one undo step."""
    items = builder.selected_items()
    meeting = builder.meeting
    if not items or meeting is None or not builder.editable:
        return
    reports = sum(len(i.attachments) for i in items)
    if reports:
        references = item_references(builder.model.records)
        names = ", ".join(f"{references[i.id]} ({i.title})" if references[i.id] else i.title for i in items)
        answer = QMessageBox.question(
            builder,
            "Remove agenda items",
            f"Remove item{'s' if len(items) != 1 else ''} {names} and "
            f"{reports} attached report{'s' if reports != 1 else ''}?\n\nEdit > Undo puts them back.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
    gone = {i.id for i in items}
    left = [r.id for r in builder.model.records if r.id not in gone]
    first = min(builder.model.row_of(i.id) for i in items)
    builder.show_order(left, left[min(first, len(left) - 1)] if left else None)  # the neighbour
    _shown_at_once(builder, agenda.remove_items(builder.context, builder, items))


def move_current(builder: AgendaBuilder, step: int) -> None:
    """Move the current item one place up (-1) or down (+1)."""
    item = builder.current_item()
    if item is None or not builder.editable:
        return
    ids = [r.id for r in builder.model.records]
    row = ids.index(item.id)
    target = row + step
    if not 0 <= target < len(ids):
        return
    ids.insert(target, ids.pop(row))
    builder.show_order(ids, item.id)
    _shown_at_once(builder, agenda.move_item(builder.context, builder, item, target))


def move_items(builder: AgendaBuilder, ids: list[int], row: int) -> None:
    """Dropped by drag and drop: ``ids`` go before ``row``."""
    meeting = builder.meeting
    if meeting is None or not builder.editable:
        return
    current = [r.id for r in builder.model.records]
    new = order_after_drop(current, ids, row)
    if new != current:
        builder.show_order(new, ids[0])
        _shown_at_once(builder, agenda.reorder_items(builder.context, builder, meeting.id, new, len(ids)))


def _shown_at_once(builder: AgendaBuilder, op: ChangeOp[Any]) -> None:
    """Run a change the list already shows; when it is refused, show the agenda as stored again."""

    def refused(error: BaseException) -> None:
        report_error(builder, error)
        builder.reload()

    op.failure(refused).run()
