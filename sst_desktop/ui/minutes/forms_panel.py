"""The forms of a minute beyond its narrative and resolutions, entered while minuting: who moved and
seconded, the decision form of an executive body, whether the references open the narrative, a
reference to a minute from before these records, and — on the Minutes of Previous Meeting item — two
meetings confirmed at once, "subject to" a correction, and the Minute book signed later.

Every field saves when it is left (or ticked) and is one step on the window's undo stack."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.enums import MinuteOutcome, ProceduralRole
from sst_desktop.domain.patch import given
from sst_desktop.services.minute_forms import MinuteFormPatch, TypedReference
from sst_desktop.services.minutes import MinuteRecord
from sst_desktop.services.records import Change
from sst_desktop.ui.minutes.session import MinuteSession
from sst_desktop.ui.operations import minutes
from sst_desktop.ui.widgets.date_box import DateBox
from sst_desktop.ui.widgets.fields import CommitLineEdit, CommitTextEdit
from sst_desktop.ui.widgets.wrapping_row import WrappingRow

FIELD_LABELS = {
    "moved_by": "who moved it",
    "seconded_by": "who seconded it",
    "decision_reasons": "the reasons for the decision",
    "alternative_options": "the alternative options",
    "references_inline": "where the references print",
    "confirms_two_meetings": "the meetings confirmed",
    "confirmed_subject_to": "what the record is confirmed subject to",
    "minute_book_later": "the Minute book note",
}


class MinuteFormPanel(QGroupBox):
    """The form fields of the minute shown; ``changed`` carries the minute after an edit made here."""

    changed = Signal(object)  # MinuteRecord

    def __init__(self, session: MinuteSession, parent: QWidget | None = None) -> None:
        super().__init__("Form of the minute", parent)
        self.setObjectName("minuteForm")
        self.session = session
        self.minute: MinuteRecord | None = None
        self.moved_by = CommitLineEdit()
        self.moved_by.setObjectName("movedBy")
        self.moved_by.setPlaceholderText("e.g. Councillor Hardy")
        self.seconded_by = CommitLineEdit()
        self.seconded_by.setObjectName("secondedBy")
        self.seconded_by.setPlaceholderText("e.g. Councillor Kelly")
        self.decision_reasons = CommitTextEdit()
        self.decision_reasons.setObjectName("decisionReasons")
        self.decision_reasons.setPlaceholderText(
            "Reasons for the Decision (an executive body's decision form)"
        )
        self.decision_reasons.setFixedHeight(48)
        self.alternative_options = CommitTextEdit()
        self.alternative_options.setObjectName("alternativeOptions")
        self.alternative_options.setPlaceholderText("Alternative Options Considered and Rejected")
        self.alternative_options.setFixedHeight(48)
        self.references_inline = QCheckBox(
            "References open the narrative (“Further to Minute No. 29 …, the …”)"
        )
        self.references_inline.setObjectName("referencesInline")
        self.typed_reference_button = QPushButton("Minute from before these records…")
        self.typed_reference_button.setObjectName("typedReferenceButton")
        self.typed_reference_button.setToolTip(
            "Refer to a minute SST Desktop does not hold: type its details"
        )

        self.confirms_two = QCheckBox("Confirms the two previous meetings")
        self.confirms_two.setObjectName("confirmsTwoMeetings")
        self.subject_to = CommitLineEdit()
        self.subject_to.setObjectName("confirmedSubjectTo")
        self.subject_to.setPlaceholderText("Confirmed subject to… (e.g. the correction of Minute No. 12)")
        self.minute_book = QCheckBox("The Minute book will be signed at a future meeting")
        self.minute_book.setObjectName("minuteBookLater")

        moved = QHBoxLayout()
        moved.addWidget(self.moved_by, 1)
        moved.addWidget(QLabel("Seconded by"))
        moved.addWidget(self.seconded_by, 1)
        references = WrappingRow()
        references.add(self.references_inline, 1)
        references.add(self.typed_reference_button)
        self.previous = QWidget()
        previous = QVBoxLayout(self.previous)
        previous.setContentsMargins(0, 0, 0, 0)
        previous.addWidget(self.confirms_two)
        previous.addWidget(self.subject_to)
        previous.addWidget(self.minute_book)
        form = QFormLayout(self)
        form.addRow("Moved by", moved)
        form.addRow("Decision form", self.decision_reasons)
        form.addRow("", self.alternative_options)
        form.addRow("References", references)
        form.addRow(self.previous)

        self.moved_by.commit_requested.connect(
            lambda t: self.save(MinuteFormPatch(moved_by=t), self.moved_by)
        )
        self.seconded_by.commit_requested.connect(
            lambda t: self.save(MinuteFormPatch(seconded_by=t), self.seconded_by)
        )
        self.decision_reasons.commit_requested.connect(
            lambda t: self.save(MinuteFormPatch(decision_reasons=t), self.decision_reasons)
        )
        self.alternative_options.commit_requested.connect(
            lambda t: self.save(MinuteFormPatch(alternative_options=t), self.alternative_options)
        )
        self.subject_to.commit_requested.connect(
            lambda t: self.save(MinuteFormPatch(confirmed_subject_to=t), self.subject_to)
        )
        self.references_inline.clicked.connect(lambda on: self.save(MinuteFormPatch(references_inline=on)))
        self.confirms_two.clicked.connect(lambda on: self.save(MinuteFormPatch(confirms_two_meetings=on)))
        self.minute_book.clicked.connect(lambda on: self.save(MinuteFormPatch(minute_book_later=on)))
        self.typed_reference_button.clicked.connect(self.type_reference)

    def _texts(self) -> tuple[CommitLineEdit | CommitTextEdit, ...]:
        return (
            self.moved_by,
            self.seconded_by,
            self.decision_reasons,
            self.alternative_options,
            self.subject_to,
        )

    def show_minute(self, minute: MinuteRecord | None, role: ProceduralRole | None) -> None:
        same = minute is not None and self.minute is not None and minute.id == self.minute.id
        if not same:
            self.commit_pending()
        self.minute = minute
        self.setEnabled(minute is not None)
        self.previous.setVisible(role == ProceduralRole.PREVIOUS_MINUTES)
        values = minute or MinuteRecord(0, 0, None, None, 0, "", "", "", MinuteOutcome.TAKEN)
        self.moved_by.set_saved_text(values.moved_by, keep_edit=same)
        self.seconded_by.set_saved_text(values.seconded_by, keep_edit=same)
        self.decision_reasons.set_saved_text(values.decision_reasons, keep_edit=same)
        self.alternative_options.set_saved_text(values.alternative_options, keep_edit=same)
        self.subject_to.set_saved_text(values.confirmed_subject_to, keep_edit=same)
        self.references_inline.setChecked(values.references_inline)
        self.confirms_two.setChecked(values.confirms_two_meetings)
        self.minute_book.setChecked(values.minute_book_later)
        self.apply_read_only()

    def apply_read_only(self) -> None:
        read_only = self.session.read_only
        for field in self._texts():
            field.setReadOnly(read_only)
        for box in (self.references_inline, self.confirms_two, self.minute_book, self.typed_reference_button):
            box.setEnabled(not read_only)

    def commit_pending(self) -> None:
        if self.minute is None:
            return
        for field in self._texts():
            if field.is_dirty():
                field.commit_pending()

    def save(self, patch: MinuteFormPatch, widget: CommitLineEdit | CommitTextEdit | None = None) -> bool:
        minute = self.minute
        if minute is None:
            return False
        changes = given(patch)
        if all(getattr(minute, name) == value for name, value in changes.items()):
            return True
        what = ", ".join(FIELD_LABELS[name] for name in changes)
        op = minutes.update_minute_form(self.session.context, self, minute.id, patch, what)
        if widget is not None:
            op.refused_in(widget)
        return self.session.go(self, op, self._saved)

    def _saved(self, change: Change[MinuteRecord]) -> None:
        fresh = change.after
        if fresh is not None and self.minute is not None and fresh.id == self.minute.id:
            self.minute = fresh
            self.changed.emit(fresh)

    def type_reference(self) -> bool:
        """Ask for a minute from before these records and refer to it."""
        minute = self.minute
        if minute is None or self.session.refuse_if_read_only(self):
            return False
        dialog = TypedReferenceDialog(self.session.meeting.date, self.window())
        try:
            typed = dialog.typed() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
        if typed is None:
            return False
        return self.add_typed_reference(typed)

    def add_typed_reference(self, typed: TypedReference) -> bool:
        if self.minute is None:
            return False
        op = minutes.add_typed_reference(self.session.context, self, self.minute.id, typed)
        return self.session.go(self, op, self._saved)


class TypedReferenceDialog(QDialog):
    """The committee, date and number of a minute SST Desktop does not hold."""

    def __init__(self, before: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Refer to a minute from before these records")
        self.committee = QLineEdit()
        self.committee.setObjectName("typedCommittee")
        self.committee.setPlaceholderText("blank for this committee; e.g. Cabinet")
        self.when = DateBox(None, allow_empty=False, calendar_start=before)
        self.when.setObjectName("typedDate")
        self.when.set_limits(latest=before)
        self.number = QSpinBox()
        self.number.setObjectName("typedNumber")
        self.number.setRange(0, 99999)
        self.number.setSpecialValueText("no number")
        self.resolution = QSpinBox()
        self.resolution.setObjectName("typedResolution")
        self.resolution.setRange(0, 999)
        self.resolution.setSpecialValueText("the whole minute")
        form = QFormLayout()
        form.addRow("Committee", self.committee)
        form.addRow("Meeting held on *", self.when)
        form.addRow("", self.when.message_label())
        form.addRow("Minute No.", self.number)
        form.addRow("Resolution", self.resolution)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Refer to it")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.when.setFocus()

    def accept(self) -> None:
        if not self.when.commit() or self.when.date() is None:
            self.when.setFocus()  # the reason is shown under the date
            return
        super().accept()

    def typed(self) -> TypedReference | None:
        when = self.when.date()
        if when is None:
            return None
        return TypedReference(
            meeting_date=when,
            number=self.number.value() or None,
            committee=self.committee.text().strip(),
            resolution_number=self.resolution.value() or None,
        )
