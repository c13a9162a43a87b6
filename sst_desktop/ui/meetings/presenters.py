"""Who presents an item: people from the directory (picked with the directory's person picker) and
free text for anyone else ("Mary Mason and Monica Touhey")."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.ui.context import AppContext
from sst_desktop.ui.widgets.fields import CommitLineEdit
from sst_desktop.ui.widgets.person_picker import PersonPicker


class _ChosenList(QListWidget):
    removal_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.removal_requested.emit()
            return
        super().keyPressEvent(event)


class PresentersEditor(QWidget):
    """Directory people chosen for an item, and a free-text line for anyone else.

    ``people_changed(list[int])`` fires when a person is added or removed; the free text commits
    through ``free_text.commit_requested``.
    """

    people_changed = Signal(list)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []

        self.chosen = _ChosenList()
        self.chosen.setObjectName("presenters")
        self.chosen.setFlow(QListView.Flow.LeftToRight)
        self.chosen.setWrapping(True)
        self.chosen.setResizeMode(QListView.ResizeMode.Adjust)
        self.chosen.setSpacing(2)
        self.chosen.setMaximumHeight(48)
        self.chosen.setToolTip("Select a person and press Delete to take them off the item.")
        self.chosen.removal_requested.connect(self.remove_selected)
        self.chosen.itemSelectionChanged.connect(self._update)

        self.picker = PersonPicker(context, placeholder="Add someone from the directory…")
        self.picker.setObjectName("presenterPicker")
        self.picker.person_changed.connect(self._picked)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setToolTip("Take the chosen person off this item")
        self.remove_button.clicked.connect(self.remove_selected)

        self.free_text = CommitLineEdit()
        self.free_text.setObjectName("presentersText")
        self.free_text.setPlaceholderText("or others, as free text")
        self.free_text.setToolTip("Presenters not in the directory, e.g. Mary Mason and Monica Touhey")

        row = QHBoxLayout()
        row.addWidget(self.picker, 1)
        row.addWidget(self.free_text, 1)
        chosen_row = QHBoxLayout()
        chosen_row.addWidget(self.chosen, 1)
        chosen_row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        self.chosen_row = QWidget()
        self.chosen_row.setLayout(chosen_row)
        chosen_row.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.chosen_row)
        layout.addLayout(row)
        self._update()

    def set_people(self, ids: tuple[int, ...], names: tuple[str, ...]) -> None:
        self._ids = list(ids)
        self.chosen.clear()
        for person_id, name in zip(ids, names, strict=False):
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, person_id)
            self.chosen.addItem(item)
        self.chosen_row.setVisible(bool(ids))
        self._update()

    def ids(self) -> list[int]:
        return list(self._ids)

    def add_person(self, person_id: int) -> None:
        if person_id not in self._ids:
            self.people_changed.emit([*self._ids, person_id])

    def remove_selected(self) -> None:
        chosen = {i.data(Qt.ItemDataRole.UserRole) for i in self.chosen.selectedItems()}
        if chosen:
            self.people_changed.emit([i for i in self._ids if i not in chosen])

    def _picked(self, person_id: object) -> None:
        if isinstance(person_id, int):
            self.picker.set_person(None)
            self.add_person(person_id)

    def _update(self) -> None:
        self.remove_button.setEnabled(bool(self.chosen.selectedItems()))
