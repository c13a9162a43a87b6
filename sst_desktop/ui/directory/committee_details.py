"""The details of one committee, saved field by field as they are edited."""

from __future__ import annotations

import calendar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.enums import CommitteeKind
from sst_desktop.domain.patch import given
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.services.errors import EditConflictError, ValidationError
from sst_desktop.services.records import Change, CommitteeRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.operations import directory
from sst_desktop.ui.widgets.fields import CommitLineEdit, CommitTextEdit, parse_time_text, time_text
from sst_desktop.ui.widgets.person_picker import PersonPicker
from sst_desktop.ui.widgets.wrapping_row import WrappingRow

LABELS = {
    "name": "name",
    "short_name": "short name",
    "kind": "kind",
    "former_names": "former names",
    "default_venue": "venue",
    "default_start_time": "start time",
    "officer_id": "committee officer",
    "open_to_public": "public access",
    "uses_call_in": "call-in",
    "declarations_as_table": "declarations layout",
    "municipal_year_start_month": "municipal year",
    "description": "description",
}


class CommitteeDetails(QGroupBox):
    """Name, short name, kind, former names, default venue and start time, committee officer,
    public access, call-in and the month the municipal year starts."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Details", parent)
        self.context = context
        self.record: CommitteeRecord | None = None

        self.name = CommitLineEdit()
        self.short_name = CommitLineEdit()
        self.short_name.setMaximumWidth(140)
        self.kind = QComboBox()
        self.kind.setMaximumWidth(200)
        for kind in CommitteeKind:
            self.kind.addItem(kind.label, kind)
        self.former_names = CommitTextEdit()
        self.former_names.setPlaceholderText("One per line, e.g. Sefton Safer Communities Partnership")
        self.former_names.setFixedHeight(54)
        self.venue = CommitLineEdit()
        self.venue.setPlaceholderText("e.g. Bootle Town Hall, or Remote Meeting - Microsoft Teams")
        self.start_time = CommitLineEdit()
        self.start_time.setPlaceholderText("10:00")
        self.start_time.setAccessibleName("Start time")
        self.start_time.setFixedWidth(80)
        self.officer = PersonPicker(context, placeholder="Type the committee officer's name…")
        self.officer.setToolTip("The committee officer named on agendas and minutes")
        self.officer_contact = QLabel()
        self.officer_contact.setObjectName("hint")
        self.officer_contact.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_to_public = QCheckBox("Meetings are open to the public")
        self.uses_call_in = QCheckBox("Decisions are subject to call-in")
        self.declarations_as_table = QCheckBox("Minutes list declarations of interest as a table")
        self.declarations_as_table.setObjectName("declarationsAsTable")
        self.declarations_as_table.setToolTip(
            "Member / Minute No. / Nature of Interest, instead of a sentence for each declaration."
        )
        self.year_start = QComboBox()
        for month in range(1, 13):
            self.year_start.addItem(calendar.month_name[month], month)

        left = QFormLayout()
        left.setHorizontalSpacing(12)
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        left.addRow("Name", self.name)
        left.addRow("Short name", self.short_name)
        left.addRow("Kind", self.kind)
        left.addRow("Former names", self.former_names)

        officer_box = QVBoxLayout()
        officer_box.setSpacing(2)
        officer_box.addWidget(self.officer)
        officer_box.addWidget(self.officer_contact)
        right = QFormLayout()
        right.setHorizontalSpacing(12)
        right.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        right.addRow("Default venue", self.venue)
        time_row = QHBoxLayout()
        time_row.addWidget(self.start_time)
        time_row.addSpacing(16)
        time_row.addWidget(QLabel("Year starts in"))
        time_row.addWidget(self.year_start)
        time_row.addStretch(1)
        right.addRow("Start time", time_row)
        right.addRow("Officer", officer_box)
        checks = QVBoxLayout()
        checks.setSpacing(4)
        checks.addWidget(self.open_to_public)
        checks.addWidget(self.uses_call_in)
        checks.addWidget(self.declarations_as_table)
        right.addRow("", checks)

        columns = WrappingRow(spacing=24)  # two columns; one under the other with large text
        columns.add(left, 1)
        columns.add(right, 1)
        QVBoxLayout(self).addWidget(columns)

        self.name.commit_requested.connect(lambda text: self.save(CommitteePatch(name=text), self.name))
        self.short_name.commit_requested.connect(
            lambda text: self.save(CommitteePatch(short_name=text), self.short_name)
        )
        self.venue.commit_requested.connect(
            lambda text: self.save(CommitteePatch(default_venue=text), self.venue)
        )
        self.former_names.commit_requested.connect(self._save_former_names)
        self.start_time.commit_requested.connect(self._save_start_time)
        self.kind.activated.connect(lambda _i: self.save(CommitteePatch(kind=self.kind.currentData())))
        self.year_start.activated.connect(
            lambda _i: self.save(CommitteePatch(municipal_year_start_month=self.year_start.currentData()))
        )
        self.open_to_public.clicked.connect(lambda checked: self.save(CommitteePatch(open_to_public=checked)))
        self.uses_call_in.clicked.connect(lambda checked: self.save(CommitteePatch(uses_call_in=checked)))
        self.declarations_as_table.clicked.connect(
            lambda checked: self.save(CommitteePatch(declarations_as_table=checked))
        )
        self.officer.person_changed.connect(lambda person_id: self.save(CommitteePatch(officer_id=person_id)))
        self.setEnabled(False)

    # Showing ----------------------------------------------------------------------------------
    def show_committee(self, record: CommitteeRecord | None, *, same: bool = False) -> None:
        """Fill the form; ``same`` (the same committee reloaded) keeps edits still in progress."""
        self.record = record
        self.setEnabled(record is not None)
        if record is None:
            return
        self.name.set_saved_text(record.name, keep_edit=same)
        self.short_name.set_saved_text(record.short_name, keep_edit=same)
        self.former_names.set_saved_text("\n".join(record.former_names), keep_edit=same)
        self.venue.set_saved_text(record.default_venue, keep_edit=same)
        self.start_time.set_saved_text(time_text(record.default_start_time), keep_edit=same)
        self.kind.setCurrentIndex(self.kind.findData(record.kind))
        self.year_start.setCurrentIndex(record.municipal_year_start_month - 1)
        self.open_to_public.setChecked(record.open_to_public)
        self.uses_call_in.setChecked(record.uses_call_in)
        self.declarations_as_table.setChecked(record.declarations_as_table)
        if not (same and self.officer.line_edit.hasFocus()):
            self.officer.set_person_id(record.officer_id, record.officer_name or None)
        contact = [x for x in (record.officer_telephone, record.officer_email) if x]
        self.officer_contact.setText("  ·  ".join(contact))
        self.officer_contact.setVisible(bool(contact))

    def commit_pending(self) -> None:
        for field in (self.name, self.short_name, self.venue, self.start_time, self.former_names):
            if field.is_dirty():
                field.commit_pending()

    # Saving -----------------------------------------------------------------------------------
    def save(self, patch: CommitteePatch, widget: CommitLineEdit | CommitTextEdit | None = None) -> None:
        """Save the field ``patch`` sets, through the undo stack; on refusal the widget keeps the
        text, marked (a box or tick with no text goes back to what is stored)."""
        record = self.record
        if record is None:
            return
        changes = given(patch)
        if all(getattr(record, name) == value for name, value in changes.items()):
            return
        what = ", ".join(LABELS.get(name, name) for name in changes)
        op = directory.update_committee(self.context, self, record, patch, what)
        op.on_conflict(lambda conflict: self._conflict(conflict, patch, widget))
        if widget is not None:
            op.refused_in(widget)
        else:
            op.failure(lambda error: self._refused(error))
        field = next(iter(changes))
        op.success(lambda change: self._saved(change, field, widget, what)).run()

    def _saved(
        self,
        change: Change[CommitteeRecord],
        field: str,
        widget: CommitLineEdit | CommitTextEdit | None,
        what: str,
    ) -> None:
        fresh = change.after
        if fresh is None or self.record is None or self.record.id != fresh.id:
            return
        self.show_committee(fresh, same=True)
        if widget is not None:
            widget.set_saved_text(_display(field, fresh))
        self.context.status_message.emit(f"Saved the {what} of {fresh.short_name}")

    def _refused(self, error: BaseException) -> None:
        report_error(self, error)
        self.show_committee(self.record, same=True)  # put the box back as stored

    def _conflict(
        self,
        conflict: EditConflictError,
        patch: CommitteePatch,
        widget: CommitLineEdit | CommitTextEdit | None,
    ) -> None:
        """Another officer changed the field since it was shown: keep mine (saved over theirs) or
        take theirs (shown as stored)."""
        from sst_desktop.ui.minutes.conflict import keep_mine_in  # (when first needed: start-up speed)

        kept = keep_mine_in(self, "record", patch, conflict, "Someone else changed this committee")
        if kept:
            self.save(patch, widget)
        elif kept is False and self.record is not None:
            self.show_committee(self.record, same=True)
            if widget is not None:
                widget.set_saved_text(_display(next(iter(given(patch))), self.record))

    def _save_former_names(self, text: str) -> None:
        names = tuple(line.strip() for line in text.splitlines() if line.strip())
        self.save(CommitteePatch(former_names=names), self.former_names)

    def _save_start_time(self, text: str) -> None:
        try:
            value = parse_time_text(text)
        except ValueError as error:
            report_error(self, ValidationError(str(error), field="default_start_time"))
            self.start_time.reject(str(error))
            return
        self.save(CommitteePatch(default_start_time=value), self.start_time)


def _display(field: str, record: CommitteeRecord) -> str:
    value = getattr(record, field)
    if field == "former_names":
        return "\n".join(value)
    if field == "default_start_time":
        return time_text(value)
    return str(value)
