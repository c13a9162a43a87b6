"""The people directory: instant search, a person's details saved as edited, add and archive."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.name_search import filter_people
from sst_desktop.domain.patch import given
from sst_desktop.services.errors import EditConflictError
from sst_desktop.services.outcome import Changed
from sst_desktop.services.people import PersonPatch
from sst_desktop.services.records import Change, CommitteeRecord, MembershipRecord, PersonRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.directory.models import people_model
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.minutes.conflict import keep_mine_in
from sst_desktop.ui.operations import directory
from sst_desktop.ui.widgets.change_dialog import run_modal
from sst_desktop.ui.widgets.column_fit import ColumnFit, wrap_list
from sst_desktop.ui.widgets.fields import CommitLineEdit, SearchField
from sst_desktop.ui.widgets.list_panel import list_panel
from sst_desktop.ui.widgets.organisation_box import OrganisationBox
from sst_desktop.ui.widgets.person_dialog import TITLES, PersonDialog
from sst_desktop.ui.widgets.record_list_page import RecordListPage
from sst_desktop.ui.widgets.record_model import record_table_view

FIELD_LABELS = {
    "title": "title",
    "first_name": "first name",
    "last_name": "surname",
    "job_title": "job title",
    "organisation_id": "organisation",
    "email": "email",
    "telephone": "telephone",
    "known_as": "known-as name",
}


class PersonDetails(QGroupBox):
    """One person's details; each field saved through the undo stack when the edit is finished."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Details", parent)
        self.context = context
        self.record: PersonRecord | None = None
        self.title_edit = CommitLineEdit()
        self.title_edit.setPlaceholderText("Councillor, Superintendent, Ms…")
        from PySide6.QtWidgets import QCompleter

        completer = QCompleter(list(TITLES), self.title_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.title_edit.setCompleter(completer)
        self.first_name = CommitLineEdit()
        self.last_name = CommitLineEdit()
        self.known_as = CommitLineEdit()
        self.known_as.setObjectName("knownAs")
        self.known_as.setPlaceholderText("the first name documents print, e.g. Bob for Robert")
        self.job_title = CommitLineEdit()
        self.organisation = OrganisationBox(context)
        self._organisation_shown = ""  # the name the box was given, to tell it from one being typed
        self.email = CommitLineEdit()
        self.telephone = CommitLineEdit()
        self.fields: dict[str, CommitLineEdit] = {
            "title": self.title_edit,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "known_as": self.known_as,
            "job_title": self.job_title,
            "email": self.email,
            "telephone": self.telephone,
        }
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Title or rank", self.title_edit)
        form.addRow("First name(s)", self.first_name)
        form.addRow("Surname", self.last_name)
        form.addRow("Known as", self.known_as)
        form.addRow("Job title", self.job_title)
        form.addRow("Organisation", self.organisation)
        form.addRow("Email", self.email)
        form.addRow("Telephone", self.telephone)
        self.title_edit.commit_requested.connect(
            lambda text: self.save(PersonPatch(title=text), self.title_edit)
        )
        self.first_name.commit_requested.connect(
            lambda text: self.save(PersonPatch(first_name=text), self.first_name)
        )
        self.last_name.commit_requested.connect(
            lambda text: self.save(PersonPatch(last_name=text), self.last_name)
        )
        self.job_title.commit_requested.connect(
            lambda text: self.save(PersonPatch(job_title=text), self.job_title)
        )
        self.known_as.commit_requested.connect(
            lambda text: self.save(PersonPatch(known_as=text), self.known_as)
        )
        self.email.commit_requested.connect(lambda text: self.save(PersonPatch(email=text), self.email))
        self.telephone.commit_requested.connect(
            lambda text: self.save(PersonPatch(telephone=text), self.telephone)
        )
        self.organisation.organisation_changed.connect(self._save_organisation)
        self.setEnabled(False)

    def show_person(self, record: PersonRecord | None, *, same: bool = False) -> None:
        self.record = record
        self.setEnabled(record is not None)
        for key, field in self.fields.items():
            field.set_saved_text(getattr(record, key) if record else "", keep_edit=same)
        editing = self.organisation.organisation_name() != self._organisation_shown
        line = self.organisation.lineEdit()
        if not (same and editing and line is not None and line.hasFocus()):
            self._show_organisation(record)

    def _show_organisation(self, record: PersonRecord | None) -> None:
        """Show the stored organisation (an undo changes it under the cursor too; a name being
        typed is left alone)."""
        if record is None:
            self.organisation.set_organisation(None)
        else:
            self.organisation.set_organisation(record.organisation_id, record.organisation_name)
        self._organisation_shown = self.organisation.organisation_name()

    def commit_pending(self) -> None:
        for field in self.fields.values():
            if field.is_dirty():
                field.commit_pending()

    def save(self, patch: PersonPatch, widget: CommitLineEdit | None = None) -> None:
        """Save the field ``patch`` sets, through the undo stack; on refusal the widget keeps the
        text, marked (the organisation box goes back to what is stored)."""
        record = self.record
        if record is None:
            return
        changes = given(patch)
        if all(getattr(record, name) == value for name, value in changes.items()):
            return
        field = next(iter(changes))
        what = FIELD_LABELS[field]
        op = directory.update_person(self.context, self, record, patch, what)
        op.on_conflict(lambda conflict: self._conflict(conflict, patch, widget))
        if widget is not None:
            op.refused_in(widget)
        else:
            op.failure(self._refused)
        op.success(lambda change: self._saved(change, field, widget, what)).run()

    def _saved(
        self, change: Change[PersonRecord], field: str, widget: CommitLineEdit | None, what: str
    ) -> None:
        fresh = change.after
        if fresh is None or self.record is None or self.record.id != fresh.id:
            return
        self.show_person(fresh, same=True)
        if widget is not None:
            widget.set_saved_text(getattr(fresh, field))
        else:
            self._show_organisation(fresh)
        self.context.status_message.emit(f"Saved the {what} of {fresh.plain_name}")

    def _refused(self, error: BaseException) -> None:
        report_error(self, error)
        self._show_organisation(self.record)  # the box goes back to what is stored

    def _conflict(
        self, conflict: EditConflictError, patch: PersonPatch, widget: CommitLineEdit | None
    ) -> None:
        """Another officer changed the field since it was shown: keep mine (saved over theirs) or
        take theirs (shown as stored)."""
        kept = keep_mine_in(self, "record", patch, conflict, "Someone else changed this person", "plain_name")
        if kept:
            self.save(patch, widget)
        elif kept is False and widget is not None and self.record is not None:
            widget.set_saved_text(getattr(self.record, next(iter(given(patch)))))
        elif kept is False:
            self.context.announce(Changed.PEOPLE)  # the organisation, read again with its name

    def _save_organisation(self) -> None:
        record = self.record
        if record is None:
            return
        name = self.organisation.organisation_name()
        organisation_id = self.organisation.organisation_id()
        if organisation_id == record.organisation_id and (organisation_id is not None or not name):
            return
        if organisation_id is not None or not name:
            self.save(PersonPatch(organisation_id=organisation_id))
            return
        # A new organisation, added on the spot and chosen in one undoable step.
        directory.set_person_organisation(self.context, self, record, name).success(
            lambda change: self._saved(change, "organisation_id", None, "organisation")
        ).failure(self._refused).run()


class PeoplePage(RecordListPage[PersonRecord]):
    PLURAL = "people"
    RELOAD_ON = Changed.PEOPLE | Changed.ORGANISATIONS

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.search = SearchField("Search people by name, title, organisation, email… (Ctrl+F)")
        self.model = people_model()
        self.table = record_table_view(self.model, sortable=True)
        self.table.setObjectName("people")
        self.table.setAccessibleName("People")
        # Name, organisation, job title and email share the width; the telephone number is kept whole.
        self.columns = ColumnFit(self.table, {0: 3, 1: 2, 2: 2, 3: 2})
        self.count = QLabel()
        self.count.setObjectName("hint")
        self.new_button = QPushButton("New person…")
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_person)
        left = list_panel("People", self.search, self.new_button, self.table, self.count, self.show_archived)

        self.name_label = QLabel()
        self.name_label.setObjectName("section-title")
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_label.setWordWrap(True)
        self.archived_note = QLabel("Archived: kept for the record, no longer offered when picking people.")
        self.archived_note.setObjectName("warning")
        self.archived_note.setWordWrap(True)
        self.details = PersonDetails(context)
        self.archive_button = QPushButton("Archive person")
        self.archive_button.clicked.connect(self.toggle_archived)
        self.committees_box = QGroupBox("Committees")
        self.committees_list = QListWidget()
        wrap_list(self.committees_list)
        self.committees_list.setObjectName("person-committees")
        box_layout = QVBoxLayout(self.committees_box)
        box_layout.addWidget(self.committees_list)
        right = self.record_side(
            self.name_label,
            self.archived_note,
            self.details,
            grow=self.committees_box,
            button=self.archive_button,
        )
        self.lay_out(left, right, sizes=(620, 420), stretch=(3, 2))

        self.attach(self.model, self.table)
        self.reload()

    # The list page ----------------------------------------------------------------------------
    def read(self, deliver: Callable[[list[PersonRecord]], None]) -> None:
        directory.list_people(self.context, self, include_archived=self.show_archived.isChecked()).success(
            deliver
        ).run()

    def keeps(self, record: PersonRecord, text: str) -> bool:
        return bool(filter_people([record], text))

    def show_record(self, record: PersonRecord | None, *, same: bool) -> None:
        self.name_label.setText(record.full_name if record else "No one selected")
        self.archived_note.setVisible(bool(record and record.archived))
        self.archive_button.setEnabled(record is not None)
        self.archive_button.setText("Restore person" if record and record.archived else "Archive person")
        self.details.show_person(record, same=same)
        if not same:
            self.committees_list.clear()
        self._show_committees(record)

    def flush_pending(self) -> None:
        self.details.commit_pending()

    def on_changed(self, changed: Changed) -> None:
        if changed & self.RELOAD_ON:
            self.reload()
        elif changed & (Changed.MEMBERSHIPS | Changed.COMMITTEES):
            self._show_committees(self.current)

    # The committees a person is on ------------------------------------------------------------
    def _show_committees(self, record: PersonRecord | None) -> None:
        if record is not None:
            directory.person_committees(self.context, self, record.id).success(
                lambda found: self._list_committees(record.id, *found)
            ).run()

    def _list_committees(
        self, person_id: int, rows: list[MembershipRecord], all_committees: list[CommitteeRecord]
    ) -> None:
        if self.current is None or self.current.id != person_id:
            return  # another person was chosen meanwhile
        self.committees_list.clear()
        names = {c.id: c.name for c in all_committees}
        for committee in all_committees:
            if committee.officer_id == person_id:
                self.committees_list.addItem(f"{committee.name} — Committee officer")
        today = date.today()
        for m in rows:
            period = f"from {m.start_date:%d/%m/%Y}" + (f" to {m.end_date:%d/%m/%Y}" if m.end_date else "")
            self.committees_list.addItem(f"{names.get(m.committee_id, '?')} — {m.role.label}, {period}")
            if not m.is_current(today):
                self.committees_list.item(self.committees_list.count() - 1).setForeground(Qt.GlobalColor.gray)
        if not self.committees_list.count():
            self.committees_list.addItem("Not on any committee")

    # Actions ----------------------------------------------------------------------------------
    def select_person(self, person_id: int) -> bool:
        return self.select(person_id)

    def new_person(self) -> PersonRecord | None:
        created: PersonRecord | None = run_modal(
            PersonDialog(self.context, self.window(), name_hint=self.search_text()), lambda d: d.created
        )
        if created is not None:
            self.choose_when_listed(created.id)
        return created

    def toggle_archived(self) -> None:
        record = self.current
        if record is None:
            return
        archive = not record.archived
        directory.archive_person(self.context, self, record, archive).success(
            lambda _change: self.context.status_message.emit(
                f"{record.full_name} {'archived' if archive else 'restored'}"
            )
        ).run()
