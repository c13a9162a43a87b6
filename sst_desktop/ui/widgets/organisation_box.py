"""Choose an organisation from the directory, or type the name of a new one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from sst_desktop.services import organisations
from sst_desktop.ui.context import AppContext


class OrganisationBox(QComboBox):
    """An editable list of organisations. A name not in the list is a new organisation
    (``organisation_id()`` is then None and ``is_new()`` True); the caller decides when to create it."""

    organisation_changed = Signal()  # the user picked another entry or finished typing

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        line = self.lineEdit()
        assert line is not None  # an editable combo box has one
        line.setPlaceholderText("No organisation")
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.reload()
        self.activated.connect(lambda _i: self.organisation_changed.emit())
        line.editingFinished.connect(self.organisation_changed.emit)

    def reload(self) -> None:
        current = self.currentText()
        self.blockSignals(True)
        self.clear()
        self.addItem("", None)
        for record in organisations.list_organisations(self.context.database):
            self.addItem(record.name, record.id)
        self.setEditText(current)
        self.blockSignals(False)

    def organisation_name(self) -> str:
        return " ".join(self.currentText().split())

    def organisation_id(self) -> int | None:
        name = self.organisation_name().casefold()
        if not name:
            return None
        for row in range(self.count()):
            if self.itemText(row).casefold() == name:
                return self.itemData(row)
        return None

    def is_new(self) -> bool:
        return bool(self.organisation_name()) and self.organisation_id() is None

    def set_organisation(self, organisation_id: int | None, name: str = "") -> None:
        self.blockSignals(True)
        row = self.findData(organisation_id) if organisation_id is not None else 0
        if row < 0 and name:
            self.addItem(name, organisation_id)  # archived: still shown for this person
            row = self.count() - 1
        self.setCurrentIndex(max(row, 0))
        self.setEditText(self.itemText(max(row, 0)))
        self.blockSignals(False)
