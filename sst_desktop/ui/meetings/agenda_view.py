"""The agenda's item list as the builder shows it: the view and its keys, and the one-line summary."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from sst_desktop.domain.agenda_labels import item_references
from sst_desktop.domain.enums import ReportStatus
from sst_desktop.services.agenda_records import AgendaItemRecord


class AgendaView(QTreeView):
    """The item list. Ctrl+Up / Ctrl+Down move the current item; Delete removes it; Insert adds one."""

    move_by = Signal(int)
    remove_pressed = Signal()
    insert_pressed = Signal()
    edit_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaItems")
        self.setAccessibleName("Agenda items")
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropOverwriteMode(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if control and event.key() == Qt.Key.Key_Up:
            self.move_by.emit(-1)
        elif control and event.key() == Qt.Key.Key_Down:
            self.move_by.emit(1)
        elif event.key() == Qt.Key.Key_Delete:
            self.remove_pressed.emit()
        elif event.key() == Qt.Key.Key_Insert:
            self.insert_pressed.emit()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.edit_pressed.emit()
        else:
            super().keyPressEvent(event)


def agenda_summary(records: Sequence[AgendaItemRecord]) -> str:
    """ "13 items · 6 reports (12 pages) · 1 to follow · exempt: item 4"."""
    if not records:
        return "No agenda yet. “Create agenda” starts it with the standard items."
    parts = [f"{len(records)} item{'s' if len(records) != 1 else ''}"]
    reports = sum(len(r.attachments) for r in records)
    pages = sum(r.attachment_pages for r in records)
    if reports:
        parts.append(
            f"{reports} report{'s' if reports != 1 else ''} ({pages} page{'s' if pages != 1 else ''})"
        )
    to_follow = sum(1 for r in records if r.report_status == ReportStatus.TO_FOLLOW)
    if to_follow:
        parts.append(f"{to_follow} to follow")
    references = item_references(records)
    exempt = [references[r.id] or r.title for r in records if r.is_exempt]  # "4", "A", an unnumbered title
    if exempt:
        parts.append(f"exempt: item{'s' if len(exempt) != 1 else ''} {', '.join(exempt)}")
    return " · ".join(parts)
