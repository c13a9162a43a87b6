"""The people directory: instant search, a person's details saved as edited, add and archive."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.services import committees, memberships, organisations, people
from sst_desktop.services.people import PersonPatch
from sst_desktop.services.records import PersonRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.directory.models import people_model
from sst_desktop.ui.widgets.fields import CommitLineEdit, SearchField
from sst_desktop.ui.widgets.list_panel import list_panel
from sst_desktop.ui.widgets.organisation_box import OrganisationBox
from sst_desktop.ui.widgets.person_dialog import TITLES, PersonDialog
from sst_desktop.ui.widgets.record_model import record_table_view, select_record, selected_record

FIELD_LABELS = {
    "title": "title",
    "first_name": "first name",
    "last_name": "surname",
    "job_title": "job title",
    "organisation_id": "organisation",
    "email": "email",
    "telephone": "telephone",
}


class PersonDetails(QGroupBox):
    """One person's details; each field saved through the undo stack when the edit is finished."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Details", parent)
        self.context = context
        self.record: PersonRecord | None = None
        self.title = CommitLineEdit()
        self.title.setPlaceholderText("Councillor, Superintendent, Ms…")
        from PySide6.QtWidgets import QCompleter

        completer = QCompleter(list(TITLES), self.title)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.title.setCompleter(completer)
        self.first_name = CommitLineEdit()
        self.last_name = CommitLineEdit()
        self.job_title = CommitLineEdit()
        self.organisation = OrganisationBox(context)
        self.email = CommitLineEdit()
        self.telephone = CommitLineEdit()
        self.fields: dict[str, CommitLineEdit] = {
            "title": self.title,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "job_title": self.job_title,
            "email": self.email,
            "telephone": self.telephone,
        }
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Title or rank", self.title)
        form.addRow("First name(s)", self.first_name)
        form.addRow("Surname", self.last_name)
        form.addRow("Job title", self.job_title)
        form.addRow("Organisation", self.organisation)
        form.addRow("Email", self.email)
        form.addRow("Telephone", self.telephone)
        for key, field in self.fields.items():
            field.commit_requested.connect(lambda text, k=key, f=field: self.save(k, text, f))
        self.organisation.organisation_changed.connect(self._save_organisation)
        self.setEnabled(False)

    def show_person(self, record: PersonRecord | None, *, same: bool = False) -> None:
        self.record = record
        self.setEnabled(record is not None)
        for key, field in self.fields.items():
            field.set_saved_text(getattr(record, key) if record else "", keep_edit=same)
        if not (same and self.organisation.lineEdit().hasFocus()):
            if record is None:
                self.organisation.set_organisation(None)
            else:
                self.organisation.set_organisation(record.organisation_id, record.organisation_name)

    def commit_pending(self) -> None:
        for field in self.fields.values():
            if field.is_dirty():
                field.commit_pending()

    def save(self, key: str, value: object, widget: CommitLineEdit | None = None) -> bool:
        record = self.record
        if record is None:
            return False
        before = getattr(record, key)
        if before == value:
            return True
        db = self.context.database
        person_id = record.id
        if not self.context.edit(
            self,
            f"Change {FIELD_LABELS[key]} of {record.plain_name or record.last_name}",
            _update(db, person_id, key, value),
            _update(db, person_id, key, before),
            "person",
            field=widget,
        ):
            if widget is None:
                self.show_person(self.record, same=True)  # a box: show what is stored again
            return False
        fresh = self.context.call(self, lambda: people.get_person(db, person_id))
        if fresh is not None and self.record is not None and self.record.id == person_id:
            self.show_person(fresh, same=True)
            if widget is not None:
                widget.set_saved_text(getattr(fresh, key))
        self.context.status_message.emit(f"Saved the {FIELD_LABELS[key]} of {record.plain_name}")
        return True

    def _save_organisation(self) -> None:
        record = self.record
        if record is None:
            return
        name = self.organisation.organisation_name()
        organisation_id = self.organisation.organisation_id()
        if organisation_id == record.organisation_id and (organisation_id is not None or not name):
            return
        if organisation_id is None and name:
            # A new organisation, made on the spot and chosen in one undoable step.
            db = self.context.database
            self.context.undo_stack.beginMacro(f"Set organisation of {record.plain_name} to {name}")
            created = self.context.create(
                self,
                f"Add organisation {name}",
                lambda: organisations.create_organisation(db, name),
                lambda org_id: organisations.delete_organisation(db, org_id),
                lambda r: organisations.recreate_organisation(db, r),
                "organisation",
            )
            if created is not None:
                self.save("organisation_id", created.id)
            self.context.undo_stack.endMacro()
            self.organisation.reload()
            if created is None:
                return
        else:
            self.save("organisation_id", organisation_id)
        fresh = self.record
        if fresh is not None:
            self.organisation.set_organisation(fresh.organisation_id, fresh.organisation_name)


def _update(db, person_id: int, key: str, value: object) -> Callable[[], object]:  # type: ignore[no-untyped-def]
    return lambda: people.update_person(db, person_id, PersonPatch(**{key: value}))  # type: ignore[arg-type]


class PeoplePage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.current: PersonRecord | None = None

        self.search = SearchField("Search people by name, title, organisation, email… (Ctrl+F)")
        self.model = people_model()
        self.table = record_table_view(self.model, sortable=True)
        self.table.setObjectName("people")
        self.count = QLabel()
        self.count.setObjectName("hint")
        self.new_button = QPushButton("New person…")
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_person)
        self.show_archived = QCheckBox("Show archived")
        self.show_archived.toggled.connect(lambda _c: self.reload())
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
        self.committees_list.setObjectName("person-committees")
        box_layout = QVBoxLayout(self.committees_box)
        box_layout.addWidget(self.committees_list)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 12, 16, 12)
        right_layout.addWidget(self.name_label)
        right_layout.addSpacing(4)
        right_layout.addWidget(self.archived_note)
        right_layout.addWidget(self.details)
        right_layout.addWidget(self.committees_box, 1)
        right_layout.addWidget(self.archive_button, 0, Qt.AlignmentFlag.AlignRight)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([620, 420])
        splitter.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.search.textChanged.connect(self._filter)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        context.data_changed.connect(self._data_changed)
        self.reload()

    # Loading ----------------------------------------------------------------------------------
    def reload(self) -> None:
        keep = self.current.id if self.current else None
        records = self.context.call(
            self,
            lambda: people.list_people(
                self.context.database, include_archived=self.show_archived.isChecked()
            ),
        )
        self.table.selectionModel().blockSignals(True)
        self.model.set_records(records or [])
        self._apply_filter()
        found = keep is not None and select_record(self.table, lambda p: p.id == keep)
        if not found and self.model.rowCount():
            self.table.selectRow(0)
        self.table.selectionModel().blockSignals(False)
        self.table.resizeColumnsToContents()
        self._show(selected_record(self.table))

    def _apply_filter(self) -> None:
        text = self.search.text()
        if text.strip():
            keep_ids = {p.id for p in people.filter_people(self.model.all_records(), text)}
            self.model.set_filter(lambda p: p.id in keep_ids)
        else:
            self.model.set_filter(None)
        shown, total = self.model.rowCount(), len(self.model.all_records())
        self.count.setText(f"{shown} of {total} people" if shown != total else f"{total} people")

    def _filter(self) -> None:
        keep = self.current.id if self.current else None
        self.table.selectionModel().blockSignals(True)
        self._apply_filter()
        found = keep is not None and select_record(self.table, lambda p: p.id == keep)
        if not found and self.model.rowCount():
            self.table.selectRow(0)
        self.table.selectionModel().blockSignals(False)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.details.commit_pending()
        self._show(selected_record(self.table))

    def _show(self, record: PersonRecord | None) -> None:
        same = record is not None and self.current is not None and record.id == self.current.id
        self.current = record
        self.name_label.setText(record.full_name if record else "No one selected")
        self.archived_note.setVisible(bool(record and record.archived))
        self.archive_button.setEnabled(record is not None)
        self.archive_button.setText("Restore person" if record and record.archived else "Archive person")
        self.details.show_person(record, same=same)
        self._show_committees(record)

    def _show_committees(self, record: PersonRecord | None) -> None:
        self.committees_list.clear()
        if record is None:
            return
        db = self.context.database
        rows = self.context.call(
            self, lambda: memberships.list_person_memberships(db, record.id, include_past=True)
        )
        all_committees = committees.list_committees(db, include_archived=True)
        names = {c.id: c.name for c in all_committees}
        for committee in all_committees:
            if committee.officer_id == record.id:
                self.committees_list.addItem(f"{committee.name} — Committee officer")
        today = date.today()
        for m in rows or []:
            period = f"from {m.start_date:%d/%m/%Y}" + (f" to {m.end_date:%d/%m/%Y}" if m.end_date else "")
            self.committees_list.addItem(f"{names.get(m.committee_id, '?')} — {m.role.label}, {period}")
            if not m.is_current(today):
                self.committees_list.item(self.committees_list.count() - 1).setForeground(Qt.GlobalColor.gray)
        if not self.committees_list.count():
            self.committees_list.addItem("Not on any committee")

    def _data_changed(self, what: str) -> None:
        if what in ("person", "organisation"):
            self.details.organisation.reload()
            self.reload()
        elif what in ("membership", "committee") and self.current is not None:
            self._show_committees(self.current)

    # Page protocol ----------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.focus()

    def flush_pending(self) -> None:
        self.details.commit_pending()

    def select_person(self, person_id: int) -> bool:
        if not select_record(self.table, lambda p: p.id == person_id):
            self.search.clear()
            return select_record(self.table, lambda p: p.id == person_id)
        return True

    # Actions ----------------------------------------------------------------------------------
    def new_person(self) -> PersonRecord | None:
        dialog = PersonDialog(self.context, self.window(), name_hint=self.search.text())
        if dialog.exec() != PersonDialog.DialogCode.Accepted or dialog.created is None:
            return None
        self.select_person(dialog.created.id)
        return dialog.created

    def toggle_archived(self) -> bool:
        record = self.current
        if record is None:
            return False
        archive = not record.archived
        db = self.context.database
        done = self.context.edit(
            self,
            f"{'Archive' if archive else 'Restore'} {record.plain_name}",
            lambda: people.archive_person(db, record.id, archive),
            lambda: people.archive_person(db, record.id, not archive),
            "person",
        )
        if done:
            self.context.status_message.emit(f"{record.full_name} {'archived' if archive else 'restored'}")
        return done
