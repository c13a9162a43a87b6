"""Add a person to the directory, with a warning when they may already be in it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.services.people import PersonPatch, PossibleDuplicate
from sst_desktop.services.records import Change, PersonRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations import directory
from sst_desktop.ui.widgets.accessible import name_editor
from sst_desktop.ui.widgets.change_dialog import ChangeDialog
from sst_desktop.ui.widgets.organisation_box import OrganisationBox
from sst_desktop.ui.window_geometry import keep_geometry

TITLES = (
    "Councillor",
    "Superintendent",
    "Chief Superintendent",
    "Chief Inspector",
    "Inspector",
    "Sergeant",
    "Station Manager",
    "Group Manager",
    "Dr",
    "Professor",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
)
_SHORT_TITLES = {"cllr": "Councillor", "supt": "Superintendent", "ci": "Chief Inspector", "insp": "Inspector"}


def split_name(text: str) -> tuple[str, str, str]:
    """Guess (title, first names, surname) from what was typed: "Cllr Trish Hardy"."""
    words = text.split()
    title = ""
    if words:
        lowered = words[0].rstrip(".").casefold()
        known = {t.casefold(): t for t in TITLES} | _SHORT_TITLES
        two = " ".join(words[:2]).casefold()
        if two in known:
            title, words = known[two], words[2:]
        elif lowered in known:
            title, words = known[lowered], words[1:]
    if not words:
        return title, "", ""
    return title, " ".join(words[:-1]), words[-1]


def describe_duplicates(duplicates: list[PossibleDuplicate]) -> str:
    lines = []
    for duplicate in duplicates:
        person = duplicate.person
        where = f", {person.organisation_name}" if person.organisation_name else ""
        archived = " (archived)" if person.archived else ""
        lines.append(f"• {person.full_name}{where}{archived} — {duplicate.reason}")
    return "\n".join(lines)


def ask_add_anyway(parent: QWidget | None, name: str, duplicates: list[PossibleDuplicate]) -> bool:
    """Ask whether to add ``name`` although the directory holds people with a similar name."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("This person may already be in the directory")
    box.setText(f"The directory already holds someone with a similar name to “{name}”:")
    box.setInformativeText(
        describe_duplicates(duplicates) + "\n\nSpellings differ between documents (Frackleton, Frackelton): "
        "choose the existing entry unless this really is another person."
    )
    add = box.addButton("Add as a new person", QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton("Go back", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.exec()
    return box.clickedButton() is add


class PersonDialog(ChangeDialog):
    """New person. On OK the person is added through the undo stack; ``created`` holds the record."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, name_hint: str = "") -> None:
        super().__init__(parent)
        self.context = context
        self.created: PersonRecord | None = None
        self.setWindowTitle("New person")
        keep_geometry(self, "new_person")
        self.setMinimumWidth(460)

        self.title = QComboBox()
        self.title.setEditable(True)
        self.title.addItems(["", *TITLES])
        self.title.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        name_editor(self.title.lineEdit(), "Title")
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.job_title = QLineEdit()
        self.organisation = OrganisationBox(context)
        self.email = QLineEdit()
        self.email.setPlaceholderText("name@sefton.gov.uk")
        self.telephone = QLineEdit()
        self.duplicates = QLabel()
        self.duplicates.setObjectName("warning")
        self.duplicates.setWordWrap(True)
        self.duplicates.setVisible(False)

        form = QFormLayout()
        form.addRow("Title or rank", self.title)
        form.addRow("First name(s)", self.first_name)
        form.addRow("Surname *", self.last_name)
        form.addRow("Job title", self.job_title)
        form.addRow("Organisation", self.organisation)
        form.addRow("Email", self.email)
        form.addRow("Telephone", self.telephone)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add person")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.duplicates)
        layout.addWidget(buttons)

        title, first, last = split_name(name_hint)
        self.title.setEditText(title)
        self.first_name.setText(first)
        self.last_name.setText(last)
        self.first_name.editingFinished.connect(self.check_duplicates)
        self.last_name.editingFinished.connect(self.check_duplicates)
        (self.first_name if first or not last else self.job_title).setFocus(Qt.FocusReason.OtherFocusReason)
        if last:
            self.check_duplicates()

    def details(self) -> PersonPatch:
        return PersonPatch(
            title=self.title.currentText(),
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            job_title=self.job_title.text(),
            email=self.email.text(),
            telephone=self.telephone.text(),
        )

    def _name(self) -> str:
        return " ".join(p for p in (self.first_name.text().strip(), self.last_name.text().strip()) if p)

    def check_duplicates(self) -> None:
        """Say (under the form) who is already in the directory with a similar name."""
        directory.possible_duplicates(
            self.context, self, self.first_name.text(), self.last_name.text()
        ).success(self._show_duplicates).run()

    def _show_duplicates(self, duplicates: list[PossibleDuplicate]) -> None:
        self.duplicates.setVisible(bool(duplicates))
        if duplicates:
            self.duplicates.setText(
                "Already in the directory with a similar name:\n" + describe_duplicates(duplicates)
            )

    def accept(self) -> None:
        """Look for similar names once more, ask when there are some, then add the person (and
        their organisation when it is new) as one undoable step. The form stays, as typed, on a refusal."""
        self.setEnabled(False)  # one request at a time
        directory.possible_duplicates(
            self.context, self, self.first_name.text(), self.last_name.text()
        ).success(self._add_unless_duplicate).failure(self._refused).run()

    def _add_unless_duplicate(self, duplicates: list[PossibleDuplicate]) -> None:
        if not self.isVisible():
            return  # closed while the names were being checked: nothing is added
        if duplicates and not ask_add_anyway(self, self._name(), duplicates):
            self.setEnabled(True)
            return
        self.send(
            directory.create_person(
                self.context, self, self.details(), self.organisation.organisation_name(), self._name()
            )
        )

    def _made(self, result: object) -> None:
        if isinstance(result, Change) and result.after is not None:
            self.context.status_message.emit(f"Added {result.after.full_name} to the directory")
        super()._made(result)
