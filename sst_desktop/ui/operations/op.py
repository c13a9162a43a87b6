"""An operation: database work run on the worker, its result handed back to the window that asked.

The operation modules beside this one (``directory``, ``meetings``…) give each user operation one
short function that builds an op; the widget chains what to do with the result and runs it::

    directory.rename_committee(context, self, committee_id, name).success(self._show).run()

``ReadOp`` reads (lists, details, documents) and changes nothing. ``ChangeOp`` makes a change: the
service returns an ``Undoable`` result (a ``Change`` or an ``Outcome``); every screen hears the kinds
it changed, and the change goes on the undo stack of the window it was made in. A refusal or a storage problem is explained in a dialog over
the window that asked (or marked on the field that was being saved); nothing is lost either way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

import shiboken6
from PySide6.QtWidgets import QWidget

from sst_desktop.services.errors import EditConflictError
from sst_desktop.services.outcome import Undoable
from sst_desktop.storage.engine import Database
from sst_desktop.ui.errors import refusal, report_error
from sst_desktop.ui.operations.undo import OperationCommand, undo_stack_for
from sst_desktop.ui.operations.worker import database_worker

if TYPE_CHECKING:
    from sst_desktop.ui.context import AppContext

T = TypeVar("T")
U = TypeVar("U", bound=Undoable)


class Rejectable(Protocol):
    """A form field that can show why the value typed into it was refused."""

    def reject(self, message: str, suggestion: str | None = None) -> None: ...


def alive(widget: QWidget | None) -> QWidget | None:
    """``widget`` if it still exists (a window closed while its work ran no longer does)."""
    if widget is not None and not shiboken6.isValid(widget):
        return None
    return widget


class ReadOp(Generic[T]):
    """Database work whose result one widget shows; it changes nothing."""

    def __init__(self, context: AppContext, parent: QWidget | None, work: Callable[[Database], T]) -> None:
        self._context = context
        self._parent = parent
        self._work = work
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._quiet = False

    def success(self, callback: Callable[[T], None]) -> ReadOp[T]:
        """Called on the GUI thread with the result, unless the widget that asked has gone."""
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> ReadOp[T]:
        """Called instead of the standard error dialog."""
        self._on_failure = callback
        return self

    def quietly(self) -> ReadOp[T]:
        """Long work that shows its own progress: the window does not say it is waiting for it."""
        self._quiet = True
        return self

    def run(self) -> None:
        database = self._context.database
        database_worker().submit(
            lambda: self._work(database), self._succeeded, self._failed, quiet=self._quiet
        )

    def _succeeded(self, result: Any) -> None:
        if self._parent is not None and alive(self._parent) is None:
            return
        if self._on_success is not None:
            self._on_success(result)

    def _failed(self, error: BaseException) -> None:
        if self._on_failure is not None and (self._parent is None or alive(self._parent) is not None):
            self._on_failure(error)
            return
        report_error(alive(self._parent), error)


class ChangeOp(ReadOp[U]):
    """Database work that changes the record; its result (``U``) says what changed and how to undo it."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None,
        work: Callable[[Database], U],
        undo_text: str = "",
    ) -> None:
        super().__init__(context, parent, work)
        self._undo_text = undo_text
        self._field: Rejectable | None = None
        self._on_conflict: Callable[[EditConflictError], None] | None = None

    def refused_in(self, field: Rejectable) -> ChangeOp[U]:
        """A refusal is also marked on ``field``, which keeps the text as typed."""
        self._field = field
        return self

    def on_conflict(self, callback: Callable[[EditConflictError], None]) -> ChangeOp[U]:
        """Another officer changed it since the officer's copy was read (the change was based on
        it): ``callback`` offers both versions, instead of the error dialog and the field's mark."""
        self._on_conflict = callback
        return self

    def success(self, callback: Callable[[U], None]) -> ChangeOp[U]:
        super().success(callback)
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> ChangeOp[U]:
        super().failure(callback)
        return self

    def _succeeded(self, result: Any) -> None:
        outcome: Undoable = result
        parent = alive(self._parent)
        if self._undo_text and outcome.undo is not None and (parent is not None or self._parent is None):
            # (a change made in a window closed meanwhile is saved and announced, but that window's
            # history has gone with it)
            stack = undo_stack_for(parent) or self._context.undo_stack
            stack.push(OperationCommand(self._context, self._undo_text, outcome.undo))
        self._context.announce(outcome.changed)
        super()._succeeded(result)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, EditConflictError) and self._on_conflict is not None:
            if self._parent is None or alive(self._parent) is not None:
                self._on_conflict(error)
            return
        field = self._field
        if field is not None and (not isinstance(field, QWidget) or alive(field) is not None):
            field.reject(*refusal(error))
        super()._failed(error)
