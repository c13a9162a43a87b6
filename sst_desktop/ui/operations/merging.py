"""Edits of one field that make one undo step: typing into a field and leaving it several times, or
ticking several boxes of one setting, is undone at once, back to how the field was before the first.

``FieldEditOp`` is a ``ChangeOp`` whose command carries a ``key`` (the record and the field); a
change pushed right after another with the same key merges into it. Undo of the merged step takes
back the latest edit, then the first, in one transaction; redo puts both again.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import QWidget

from sst_desktop.services.outcome import Reversal, Undoable, combined
from sst_desktop.storage.engine import Database
from sst_desktop.ui.operations.op import ChangeOp
from sst_desktop.ui.operations.undo import OperationCommand, undo_stack_for

if TYPE_CHECKING:
    from sst_desktop.ui.context import AppContext

U = TypeVar("U", bound=Undoable)

FIELD_EDIT_ID = 0x5357  # the id every mergeable command shares (QUndoCommand.id)


class FieldEditCommand(OperationCommand):
    """An edit of one field of one record; the next edit of the same field merges into it."""

    def __init__(self, context: AppContext, text: str, reversal: Reversal, key: Hashable) -> None:
        super().__init__(context, text, reversal)
        self.key = key

    def id(self) -> int:
        return FIELD_EDIT_ID

    def mergeWith(self, other: Any) -> bool:
        if not isinstance(other, FieldEditCommand) or other.key != self.key:
            return False
        first, latest = self._reversal, other._reversal
        if first is None or latest is None:
            return False

        def undo_both(db: Database) -> Undoable:
            with db.write():
                return combined([latest(db), first(db)], None)

        self._reversal = undo_both
        return True


class FieldEditOp(ChangeOp[U]):
    """A change of one field; its undo step merges with the previous one of the same ``key``."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None,
        work: Callable[[Database], U],
        undo_text: str,
        key: Hashable,
    ) -> None:
        super().__init__(context, parent, work)  # no undo text: the step is pushed here, to merge
        self._text = undo_text
        self._key = key

    def _succeeded(self, result: Any) -> None:
        outcome: Undoable = result
        if outcome.undo is not None:
            stack = undo_stack_for(self._parent) or self._context.undo_stack
            stack.push(FieldEditCommand(self._context, self._text, outcome.undo, self._key))
        super()._succeeded(result)
