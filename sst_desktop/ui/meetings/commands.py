"""Undoable edits of the meetings screens, built on ``ServiceCommand``.

- ``run_edit``: one edit (do/undo). With a ``key``, consecutive edits of the same field of the same
  record merge into one undo step (typing into a field and leaving it several times).
- ``run_create``: creating a row. Undo removes it and keeps what was removed; redo puts that same row
  (same id) back, so later edits that name it still find it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from sst_desktop.ui.context import AppContext, ServiceCommand

_FIELD_EDIT_ID = 0x5357  # shared by every mergeable command


class FieldEdit(ServiceCommand):
    """An edit of one field of one record; consecutive edits with the same ``key`` merge."""

    def __init__(
        self,
        context: AppContext,
        text: str,
        do: Callable[[], object],
        undo: Callable[[], object],
        changed: str,
        parent_widget: QWidget | None,
        key: tuple[object, ...],
    ) -> None:
        super().__init__(context, text, do, undo, changed, parent_widget)
        self.key = key

    def id(self) -> int:
        return _FIELD_EDIT_ID

    def mergeWith(self, other: object) -> bool:
        if not isinstance(other, FieldEdit) or other.key != self.key or self.failed or other.failed:
            return False
        # Undo goes back to before the first edit; redo does the latest one.
        self._do = other._do
        return True


def run_edit(
    context: AppContext,
    parent: QWidget | None,
    text: str,
    do: Callable[[], object],
    undo: Callable[[], object],
    changed: str,
    *,
    key: tuple[object, ...] | None = None,
) -> ServiceCommand:
    """Do an edit through the undo stack. The command's ``failed``/``error`` say whether the service
    refused it (the error has been shown already)."""
    if key is None:
        command = ServiceCommand(context, text, do, undo, changed, parent)
    else:
        command = FieldEdit(context, text, do, undo, changed, parent, key)
    context.push(command)
    return command


def run_create(
    context: AppContext,
    parent: QWidget | None,
    text: str,
    create: Callable[[], Any],
    remove: Callable[[Any], Any],
    restore: Callable[[Any], object],
    changed: str,
) -> Any:
    """Create something undoably; return what ``create()`` made (a ``Change``'s ``after``), or None
    when refused. Undo calls ``remove(made)`` and keeps its result; redo calls ``restore(kept)``."""
    state: dict[str, Any] = {"made": None, "kept": None, "removed": False}

    def do() -> None:
        if not state["removed"]:
            result = create()
            state["made"] = getattr(result, "after", result)
        else:
            restore(state["kept"])
            state["removed"] = False

    def undo() -> None:
        state["kept"] = remove(state["made"])
        state["removed"] = True

    command = ServiceCommand(context, text, do, undo, changed, parent)
    context.push(command)
    return None if command.failed else state["made"]
