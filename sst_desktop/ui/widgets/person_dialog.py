"""Add a person to the directory, with a warning when they may already be in it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.services import organisations, people
from sst_desktop.services.people import PersonPatch, PossibleDuplicate
from sst_desktop.services.records import OrganisationRecord, PersonRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.widgets.organisation_box import OrganisationBox

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


class PersonDialog(QDialog):
    """New person. On OK the person is created through the undo stack; ``created`` holds the record."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, name_hint: str = "") -> None:
        super().__init__(parent)
        self.context = context
        self.created: PersonRecord | None = None
        self.setWindowTitle("New person")
        self.setMinimumWidth(460)

        self.title = QComboBox()
        self.title.setEditable(True)
        self.title.addItems(["", *TITLES])
        self.title.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
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

    def values(self) -> dict[str, object]:
        return {
            "title": self.title.currentText(),
            "first_name": self.first_name.text(),
            "last_name": self.last_name.text(),
            "job_title": self.job_title.text(),
            "email": self.email.text(),
            "telephone": self.telephone.text(),
        }

    def find_duplicates(self) -> list[PossibleDuplicate]:
        return (
            self.context.call(
                self,
                lambda: people.possible_duplicates(
                    self.context.database, self.first_name.text(), self.last_name.text()
                ),
            )
            or []
        )

    def check_duplicates(self) -> None:
        duplicates = self.find_duplicates()
        self.duplicates.setVisible(bool(duplicates))
        if duplicates:
            self.duplicates.setText(
                "Already in the directory with a similar name:\n" + describe_duplicates(duplicates)
            )

    def accept(self) -> None:
        duplicates = self.find_duplicates()
        name = " ".join(p for p in (self.first_name.text().strip(), self.last_name.text().strip()) if p)
        if duplicates and not ask_add_anyway(self, name, duplicates):
            return
        record = create_person_undoably(self.context, self, self.values(), self.organisation)
        if record is None:
            return  # the error was shown; everything typed stays in the dialog
        self.created = record
        self.context.status_message.emit(f"Added {record.full_name} to the directory")
        super().accept()


def create_person_undoably(
    context: AppContext, parent: QWidget | None, values: dict[str, object], organisation: OrganisationBox
) -> PersonRecord | None:
    """Create a person (and their organisation when it is new) as one undoable step."""
    db = context.database
    org_id = organisation.organisation_id()
    new_org_name = organisation.organisation_name() if organisation.is_new() else ""
    created_org: list[OrganisationRecord] = []

    def create() -> PersonRecord:
        organisation_id = org_id
        if new_org_name:
            org = organisations.create_organisation(db, new_org_name).after
            assert org is not None
            created_org.append(org)
            organisation_id = org.id
        try:
            return people.create_person(db, PersonPatch(organisation_id=organisation_id, **values)).after  # type: ignore[arg-type,return-value]
        except Exception:
            if created_org:
                organisations.delete_organisation(db, created_org.pop().id)
            raise

    def delete(person_id: int) -> None:
        people.delete_person(db, person_id)
        for org in created_org:
            organisations.delete_organisation(db, org.id)

    def recreate(record: PersonRecord) -> None:
        for org in created_org:
            organisations.recreate_organisation(db, org)
        people.recreate_person(db, record)

    label = " ".join(str(values.get(k) or "").strip() for k in ("first_name", "last_name")).strip()
    record = context.create(parent, f"Add {label or 'person'}", create, delete, recreate, "person")
    if record is not None and created_org:
        context.data_changed.emit("organisation")
    return record
