"""Dialogs of the directory screens. Each does its work through the undo stack on OK (closing when
the answer comes back) and stays open, with everything typed, when a rule refuses it."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.enums import CommitteeKind, MembershipRole
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.services.records import CommitteeRecord, MembershipRecord, OrganisationRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations import directory
from sst_desktop.ui.widgets.change_dialog import ChangeDialog
from sst_desktop.ui.widgets.date_box import DateBox
from sst_desktop.ui.widgets.person_picker import PersonPicker
from sst_desktop.ui.window_geometry import keep_geometry


def date_of(box: DateBox) -> date:
    value = box.date()
    assert value is not None  # the dialogs' boxes refuse to be empty
    return value


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def role_box(
    roles: list[MembershipRole] | None = None, current: MembershipRole = MembershipRole.MEMBER
) -> QComboBox:
    box = QComboBox()
    for role in roles or list(MembershipRole):
        box.addItem(role.label, role)
    box.setCurrentIndex(max(box.findData(current), 0))
    return box


class NewCommitteeDialog(ChangeDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.created: CommitteeRecord | None = None
        self.setWindowTitle("New committee")
        keep_geometry(self, "new_committee")
        self.setMinimumWidth(440)
        self.name = QLineEdit()
        self.name.setPlaceholderText("Safer Sefton Together")
        self.short_name = QLineEdit()
        self.short_name.setPlaceholderText("SST")
        self.kind = QComboBox()
        for kind in CommitteeKind:
            self.kind.addItem(kind.label, kind)
        self.kind.setCurrentIndex(self.kind.findData(CommitteeKind.COMMITTEE))
        form = QFormLayout()
        form.addRow("Name *", self.name)
        form.addRow("Short name *", self.short_name)
        form.addRow("Kind", self.kind)
        note = QLabel("Venue, start time, committee officer and members can be filled in next.")
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(_buttons(self, "Add committee"))

    def accept(self) -> None:
        details = CommitteePatch(
            name=self.name.text(), short_name=self.short_name.text(), kind=self.kind.currentData()
        )
        label = self.short_name.text().strip() or self.name.text().strip()
        self.send(directory.create_committee(self.context, self, details, label))


class AddMemberDialog(ChangeDialog):
    """Add someone to a committee: pick them (or add them on the spot), their role and start date."""

    def __init__(
        self, context: AppContext, committee: CommitteeRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.committee = committee
        self.created: MembershipRecord | None = None
        self.setWindowTitle(f"Add a member to {committee.name}")
        keep_geometry(self, "add_member")
        self.setMinimumWidth(520)
        self.person = PersonPicker(context, placeholder="Type a name, title or organisation…")
        self.role = role_box()
        self.start = DateBox(date.today(), allow_empty=False)
        self.representing = QLineEdit()
        self.representing.setPlaceholderText("e.g. Sefton CVS (if different from their organisation)")
        form = QFormLayout()
        form.addRow("Person *", self.person)
        form.addRow("Role", self.role)
        form.addRow("Member from", self.start)
        form.addRow("", self.start.message_label())
        form.addRow("Representing", self.representing)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, "Add member"))
        self.person.setFocus()

    def accept(self) -> None:
        if not self.start.commit():  # the reason is shown at the date
            self.start.setFocus()
            return
        person_id = self.person.person_id()
        if person_id is None:
            self.person.resolve()  # a typed name that matches one person
            person_id = self.person.person_id()
        if person_id is None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(
                self,
                "Please check the details",
                "Choose the person from the list under the name field, or add them as a new person.",
            )
            return
        self.send(
            directory.add_member(
                self.context,
                self,
                self.committee,
                person_id,
                self.person.text(),
                role=self.role.currentData(),
                start=date_of(self.start),
                representing=self.representing.text(),
            )
        )


class EndMembershipDialog(QDialog):
    def __init__(self, member: MembershipRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("End membership")
        self.setMinimumWidth(440)  # room for the date's explanation on one line
        keep_geometry(self, "end_membership")
        name = " ".join(p for p in (member.person_title, member.person_name) if p)
        text = QLabel(
            f"Last day of {name}'s membership ({member.role.label}, from {member.start_date:%d/%m/%Y}):"
        )
        text.setWordWrap(True)
        self.end = DateBox(max(date.today(), member.start_date), allow_empty=False)
        text.setBuddy(self.end)  # a screen reader names the date box by this sentence
        self.end.set_limits(earliest=member.start_date)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.end)
        layout.addWidget(self.end.message_label())
        layout.addWidget(_buttons(self, "End membership"))

    def accept(self) -> None:
        if self.end.commit():  # otherwise the reason is shown at the date
            super().accept()

    def end_date(self) -> date:
        return date_of(self.end)


class NewOrganisationDialog(ChangeDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.created: OrganisationRecord | None = None
        self.setWindowTitle("New organisation")
        keep_geometry(self, "new_organisation")
        self.setMinimumWidth(420)
        self.name = QLineEdit()
        self.name.setPlaceholderText("Merseyside Police")
        self.short_name = QLineEdit()
        self.short_name.setPlaceholderText("optional, e.g. MFRS")
        form = QFormLayout()
        form.addRow("Name *", self.name)
        form.addRow("Short name", self.short_name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, "Add organisation"))

    def accept(self) -> None:
        self.send(directory.create_organisation(self.context, self, self.name.text(), self.short_name.text()))
