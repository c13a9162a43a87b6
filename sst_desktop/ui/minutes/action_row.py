"""One action in minute-taking: its wording, owner, organisation, due date and reference, each saved
as it is edited (``ActionsList`` holds the rows)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.field_wording import field_lines
from sst_desktop.services.actions import SHOWN_AS, ActionPatch, ActionRecord
from sst_desktop.services.records import PersonRecord
from sst_desktop.ui.minutes.session import MinuteSession
from sst_desktop.ui.minutes.widgets import GrowingTextEdit
from sst_desktop.ui.operations import minute_actions
from sst_desktop.ui.operations.minutes import TextBasis
from sst_desktop.ui.widgets.accessible import name_editor
from sst_desktop.ui.widgets.date_box import DateBox
from sst_desktop.ui.widgets.organisation_box import OrganisationBox
from sst_desktop.ui.widgets.wrapping_row import WrappingRow


def action_key(action_id: int, field: str) -> str:
    return f"action:{action_id}:{field}"


FIELDS = ("text", "owner", "organisation", "due")
TAKEN_WORDING = "sst_taken_wording"  # the new-action box's property: a resolution's wording taken with Tab


class OwnerBox(QComboBox):
    """Who an action is with: a person from the directory, or any text ("All partners")."""

    owner_changed = Signal()

    def __init__(self, people_list: list[PersonRecord], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        line = self.lineEdit()
        assert line is not None  # an editable combo box has one
        line.setPlaceholderText("Owner")
        name_editor(line, "Owner")
        self.addItem("", None)
        for person in people_list:
            self.addItem(person.full_name, person.id)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.activated.connect(lambda _i: self.owner_changed.emit())
        line.editingFinished.connect(self.owner_changed.emit)

    def owner(self) -> tuple[int | None, str]:
        """(person id, "") for someone in the directory, else (None, the text typed)."""
        text = " ".join(self.currentText().split())
        if not text:
            return None, ""
        for row in range(1, self.count()):
            if self.itemText(row).casefold() == text.casefold():
                return self.itemData(row), ""
        return None, text

    def set_owner(self, person_id: int | None, name: str, text: str) -> None:
        self.blockSignals(True)
        if person_id is not None:
            row = self.findData(person_id)
            if row < 0:
                self.addItem(name, person_id)
                row = self.count() - 1
            self.setCurrentIndex(row)
            self.setEditText(self.itemText(row))
        else:
            self.setCurrentIndex(0)
            self.setEditText(text)
        self.blockSignals(False)


class ActionRow(QWidget):
    def __init__(self, session: MinuteSession, record: ActionRecord, people_list: list[PersonRecord]) -> None:
        super().__init__()
        self.record = record
        self.number = QLabel()
        self.number.setObjectName("resolutionNumber")
        self.number.setFixedWidth(34)
        self.number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.text = GrowingTextEdit(max_lines=6)
        self.text.setObjectName("actionText")
        self.text.setAccessibleName("Action")
        self.text.set_text_quietly(record.text)
        # what the next saves of its wording and of its other fields are based on
        self.text_basis = TextBasis(record.text)
        self.fields_basis = minute_actions.FieldsBasis.of(record)
        self.edited: dict[str, ActionPatch] = {}  # the last edit of each field saved (to save again)
        self.reference = QLabel(record.reference)
        self.reference.setObjectName("muted")
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setObjectName("removeButton")
        self.remove.setToolTip("Remove this action")
        self.remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove.setFixedWidth(22)
        self.owner = OwnerBox(people_list)
        self.owner.setObjectName("actionOwner")
        self.owner.set_owner(record.owner_person_id, record.owner_person_name, record.owner_text)
        self.organisation = OrganisationBox(session.context)
        self.organisation.setObjectName("actionOrganisation")
        self.organisation.set_organisation(record.organisation_id, record.organisation_name)
        for box in (self.owner, self.organisation):
            # Sized by the pane, not by the longest name in the directory (which pushed the row wider
            # than the window and scrolled the minute sideways).
            box.setMinimumContentsLength(10)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.due = DateBox(calendar_start=session.meeting.date)  # due dates are reckoned from the meeting
        self.due.setObjectName("actionDue")
        self.due.setAccessibleName("Due")
        self.due.refused.connect(session.context.status_message.emit)
        self.next_meeting = QPushButton("Next meeting")
        self.next_meeting.setObjectName("nextMeetingButton")
        self.next_meeting.setCheckable(True)
        self.next_meeting.setToolTip("Due at the next meeting (Ctrl+M in the action)")
        self.set_due(record.due_date, record.due_next_meeting)

        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.text, 1)
        top.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)
        who = QHBoxLayout()
        who.addWidget(QLabel("Owner"))
        who.addWidget(self.owner, 1)
        who.addWidget(QLabel("Organisation"))
        who.addWidget(self.organisation, 1)
        when = QHBoxLayout()
        when.addWidget(QLabel("Due"))
        when.addWidget(self.due)
        when.addWidget(self.next_meeting)
        when.addWidget(self.reference)
        details = WrappingRow()  # who and when side by side; one under the other with large text
        details.add(who, 1)
        details.add(when)
        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        bottom.addSpacing(40)
        bottom.addWidget(details, 1)
        bottom.addSpacing(28)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addLayout(bottom)

    def set_number(self, number: int) -> None:
        self.number.setText(f"({number})")

    def set_due(self, due: date | None, next_meeting: bool) -> None:
        self.due.set_date(due)
        self.next_meeting.blockSignals(True)
        self.next_meeting.setChecked(next_meeting)
        self.next_meeting.blockSignals(False)

    def due_date(self) -> date | None:
        return self.due.date()

    def editors(self) -> list[QWidget]:
        return [self.text, self.owner, self.organisation, self.due, self.next_meeting]


SHOWN_FIELDS = {"owner": ("owner_text",), "organisation": ("organisation_id",), "due": ("due_date",)}


def mine_shown(row: ActionRow, field: str) -> str:
    """This officer's value of an action's ``field`` as typed, shown as the other officer's is."""
    person_id, text = row.owner.owner()
    mine = replace(
        row.record,
        owner_person_id=person_id,
        owner_person_name=row.owner.currentText() if person_id is not None else "",
        owner_text=text,
        organisation_name=row.organisation.currentText(),
        due_date=row.due_date(),
    )
    return field_lines(mine, SHOWN_FIELDS[field], SHOWN_AS)
