"""What every screen shares: the open database, the main window's undo stack, and the signals that
say what changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from sst_desktop.services.outcome import Changed
from sst_desktop.storage.engine import Database
from sst_desktop.ui.errors import refusal, report_error
from sst_desktop.ui.operations.op import Rejectable
from sst_desktop.ui.operations.undo import undo_stack_for
from sst_desktop.ui.operations.worker import database_worker

T = TypeVar("T")


_NAMES: dict[Changed, str] = {
    Changed.COMMITTEES: "committee",
    Changed.PEOPLE: "person",
    Changed.ORGANISATIONS: "organisation",
    Changed.MEMBERSHIPS: "membership",
    Changed.MEETINGS: "meeting",
    Changed.AGENDA: "agenda",
    Changed.ATTACHMENTS: "attachments",
    Changed.FORWARD_PLAN: "forward_plan",
    Changed.MINUTES: "minutes",
    Changed.ATTENDANCE: "attendance",
    Changed.DECLARATIONS: "declarations",
    Changed.ACTIONS: "action",
    Changed.STYLE: "style",
}
_KINDS: dict[str, Changed] = {name: kind for kind, name in _NAMES.items()} | {
    "committees": Changed.COMMITTEES,
    "people": Changed.PEOPLE,
    "organisations": Changed.ORGANISATIONS,
    "memberships": Changed.MEMBERSHIPS,
    "meetings": Changed.MEETINGS,
    "attachment": Changed.ATTACHMENTS,
    "declaration": Changed.DECLARATIONS,
    "actions": Changed.ACTIONS,
}


class AppContext(QObject):
    """Shared state of one open database.

    ``changed`` carries the ``Changed`` kinds an edit touched, so the screens showing them reload.
    ``data_changed`` carries the same news as the older names ("committee", "person", "minutes"…)
    for the screens that still listen for those; each is announced through the other.
    """

    changed = Signal(object)  # Changed
    data_changed = Signal(str)
    status_message = Signal(str)
    open_meeting_requested = Signal(int)  # meeting id: show that meeting (e.g. jump from an action)
    open_minute_requested = Signal(int)  # minute id: minute-taking at that minute (e.g. from an action)

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.undo_stack = QUndoStack(self)  # the main window's; other document windows have their own
        self._bridging = False
        self.data_changed.connect(self._named_change)

    def announce(self, changed: Changed) -> None:
        """Tell every screen which kinds of thing have just changed."""
        if not changed:
            return
        self.changed.emit(changed)
        self._bridging = True
        try:
            for kind, name in _NAMES.items():
                if kind & changed:
                    self.data_changed.emit(name)
        finally:
            self._bridging = False

    def _named_change(self, name: str) -> None:
        kind = _KINDS.get(name)
        if kind is not None and not self._bridging:
            self.changed.emit(kind)

    def call(self, parent: QWidget | None, operation: Callable[[], T]) -> T | None:
        """Run a service call; a user-facing error becomes a dialog and None is returned.

        (The older way, on the GUI thread: it first lets the database worker finish what it was
        asked, so it reads and writes after every operation made before it.)"""
        database_worker().drain()
        try:
            return operation()
        except Exception as error:
            report_error(parent, error)
            return None

    def push(self, command: QUndoCommand, parent: QWidget | None = None) -> None:
        """Do an edit through the undo stack of the window ``parent`` is in (its ``redo`` runs now)."""
        if parent is None and isinstance(command, ServiceCommand):
            parent = command.parent_widget
        stack = undo_stack_for(parent) or self.undo_stack
        stack.push(command)

    def edit(
        self,
        parent: QWidget | None,
        text: str,
        do: Callable[[], object],
        undo: Callable[[], object],
        changed: str,
        field: Rejectable | None = None,
    ) -> bool:
        """Make an undoable edit now; False (after an error dialog) when it was refused. A refused
        ``field`` keeps the text as typed, marked with the reason (``reject``)."""
        command = ServiceCommand(self, text, do, undo, changed, parent)
        self.push(command)
        if command.failed and field is not None and command.error is not None:
            field.reject(*refusal(command.error))
        return not command.failed

    def create(
        self,
        parent: QWidget | None,
        text: str,
        create: Callable[[], Any],
        delete: Callable[[int], object],
        recreate: Callable[[Any], object],
        changed: str,
    ) -> Any:
        """Create a row undoably; return its record, or None (after an error dialog) when refused.

        ``create()`` returns a ``Change`` (or a record with an ``id``); undo calls ``delete(id)``,
        redo calls ``recreate(record)`` so the row comes back with the same id.
        """
        command = CreateCommand(self, text, create, delete, recreate, changed, parent)
        self.push(command)
        return None if command.failed else command.record


class ServiceCommand(QUndoCommand):
    """An undoable edit made of two service calls. Failures show a dialog and leave the stack clean.

    ``do`` and ``undo`` return nothing; ``changed`` names what ``data_changed`` should announce.
    """

    def __init__(
        self,
        context: AppContext,
        text: str,
        do: Callable[[], object],
        undo: Callable[[], object],
        changed: str,
        parent_widget: QWidget | None = None,
    ) -> None:
        super().__init__(text)
        self._context = context
        self._do = do
        self._undo = undo
        self._changed = changed
        self.parent_widget = parent_widget
        self.failed = False
        self.error: BaseException | None = None  # why it failed, for the field that asked

    def redo(self) -> None:
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)

    def _dialog_parent(self) -> QWidget | None:
        """The widget to show an error over; a dialog closed since the edit no longer exists."""
        parent = self.parent_widget
        if parent is not None and not shiboken6.isValid(parent):
            return None
        return parent

    def _run(self, operation: Callable[[], object]) -> None:
        database_worker().drain()  # after every operation asked before it (see AppContext.call)
        try:
            operation()
        except Exception as error:
            self.failed = True
            self.error = error
            self.setObsolete(True)
            report_error(self._dialog_parent(), error)
            return
        self._context.data_changed.emit(self._changed)


class CreateCommand(ServiceCommand):
    """Creating a row: undo deletes it, redo puts the same row (same id) back."""

    def __init__(
        self,
        context: AppContext,
        text: str,
        create: Callable[[], Any],
        delete: Callable[[int], object],
        recreate: Callable[[Any], object],
        changed: str,
        parent_widget: QWidget | None = None,
    ) -> None:
        super().__init__(context, text, self._create, self._delete, changed, parent_widget)
        self._create_fn = create
        self._delete_fn = delete
        self._recreate_fn = recreate
        self.record: Any = None

    def _create(self) -> None:
        if self.record is None:
            result = self._create_fn()
            self.record = getattr(result, "after", result)
        else:
            self._recreate_fn(self.record)

    def _delete(self) -> None:
        self._delete_fn(self.record.id)
