"""Choose an organisation from the directory, or type the name of a new one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from sst_desktop.services.outcome import Changed
from sst_desktop.services.records import OrganisationRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations import directory
from sst_desktop.ui.widgets.accessible import name_editor


class OrganisationBox(QComboBox):
    """An editable list of organisations. A name not in the list is a new organisation
    (``organisation_id()`` is then None and ``is_new()`` True); the caller decides when to create it.

    The list arrives from the database worker, and again whenever organisations change; until then
    the box shows what it was given (``set_organisation``)."""

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
        name_editor(line, "Organisation")
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.addItem("", None)
        self.reload()
        self.activated.connect(lambda _i: self.organisation_changed.emit())
        line = self.lineEdit()
        assert line is not None  # an editable combo box has one
        line.editingFinished.connect(self.organisation_changed.emit)
        context.changed.connect(self._changed)

    def reload(self) -> None:
        """Fetch the list again (it is shown when it comes back)."""
        directory.list_organisations(self.context, self).success(self._listed).run()

    def _listed(self, records: list[OrganisationRecord]) -> None:
        text = self.currentText()
        shown = self.organisation_id()
        self.blockSignals(True)
        self.clear()
        self.addItem("", None)
        for record in records:
            self.addItem(record.name, record.id)
        if shown is not None and self.findData(shown) < 0:
            self.addItem(text, shown)  # archived: still shown for the record that has it
        self.setCurrentIndex(max(self.findText(text, Qt.MatchFlag.MatchFixedString), 0))
        self.setEditText(text)
        self.blockSignals(False)

    def _changed(self, changed: Changed) -> None:
        if changed & Changed.ORGANISATIONS:
            self.reload()

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
            self.addItem(name, organisation_id)  # archived, or the list is on its way
            row = self.count() - 1
        self.setCurrentIndex(max(row, 0))
        self.setEditText(self.itemText(max(row, 0)))
        self.blockSignals(False)
