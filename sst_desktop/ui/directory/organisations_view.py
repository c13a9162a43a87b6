"""Organisations partners come from: list with search, details saved as edited, add and archive."""

from __future__ import annotations

from collections.abc import Callable

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

from sst_desktop.domain.name_search import fold
from sst_desktop.domain.patch import given
from sst_desktop.services.errors import EditConflictError
from sst_desktop.services.organisations import OrganisationPatch
from sst_desktop.services.outcome import Changed
from sst_desktop.services.records import Change, OrganisationRecord, PersonRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.directory.dialogs import NewOrganisationDialog
from sst_desktop.ui.directory.models import organisation_model
from sst_desktop.ui.minutes.conflict import keep_mine_in
from sst_desktop.ui.operations import directory
from sst_desktop.ui.widgets.change_dialog import run_modal
from sst_desktop.ui.widgets.fields import CommitLineEdit, SearchField
from sst_desktop.ui.widgets.list_panel import list_panel
from sst_desktop.ui.widgets.record_list_page import RecordListPage
from sst_desktop.ui.widgets.record_model import record_table_view


class OrganisationsPage(RecordListPage[OrganisationRecord]):
    PLURAL = "organisations"
    RELOAD_ON = Changed.ORGANISATIONS | Changed.PEOPLE

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._people: list[PersonRecord] = []
        self._counts: dict[int, int] = {}

        self.search = SearchField("Search organisations (Ctrl+F)")
        self.model = organisation_model(self._counts)
        self.table = record_table_view(self.model, sortable=True)
        self.table.setObjectName("organisations")
        self.table.setAccessibleName("Organisations")
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        header.setSectionResizeMode(1, header.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, header.ResizeMode.ResizeToContents)
        self.new_button = QPushButton("New organisation…")
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_organisation)
        self.count = QLabel()
        self.count.setObjectName("hint")
        left = list_panel(
            "Organisations", self.search, self.new_button, self.table, self.count, self.show_archived
        )

        self.name_label = QLabel()
        self.name_label.setObjectName("section-title")
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_label.setWordWrap(True)
        self.details = QGroupBox("Details")
        self.name = CommitLineEdit()
        self.short_name = CommitLineEdit()
        self.short_name.setPlaceholderText("optional, e.g. MFRS")
        form = QFormLayout(self.details)
        form.addRow("Name", self.name)
        form.addRow("Short name", self.short_name)
        self.people_box = QGroupBox("People")
        self.people_list = QListWidget()
        self.people_list.setObjectName("organisation-people")
        people_layout = QVBoxLayout(self.people_box)
        people_layout.addWidget(self.people_list)
        self.archive_button = QPushButton("Archive organisation")
        self.archive_button.clicked.connect(self.toggle_archived)
        right = self.record_side(
            self.name_label, self.details, grow=self.people_box, button=self.archive_button
        )
        self.lay_out(left, right, sizes=(600, 440), stretch=(3, 2))

        self.name.commit_requested.connect(lambda text: self.save(OrganisationPatch(name=text), self.name))
        self.short_name.commit_requested.connect(
            lambda text: self.save(OrganisationPatch(short_name=text), self.short_name)
        )
        self.attach(self.model, self.table)
        self.reload()

    # The list page ----------------------------------------------------------------------------
    def read(self, deliver: Callable[[list[OrganisationRecord]], None]) -> None:
        """The organisations, and who works where (for the counts and the People box)."""
        directory.organisations_and_people(
            self.context, self, include_archived=self.show_archived.isChecked()
        ).success(lambda found: self._listed_with(*found, deliver)).run()

    def _listed_with(
        self,
        records: list[OrganisationRecord],
        everyone: list[PersonRecord],
        deliver: Callable[[list[OrganisationRecord]], None],
    ) -> None:
        self._people = everyone
        self._counts.clear()
        for person in self._people:
            if person.organisation_id is not None and not person.archived:
                self._counts[person.organisation_id] = self._counts.get(person.organisation_id, 0) + 1
        deliver(records)

    def keeps(self, record: OrganisationRecord, text: str) -> bool:
        return all(fold(word) in fold(f"{record.name} {record.short_name}") for word in text.split())

    def show_record(self, record: OrganisationRecord | None, *, same: bool) -> None:
        self.details.setEnabled(record is not None)
        self.archive_button.setEnabled(record is not None)
        self.archive_button.setText(
            "Restore organisation" if record and record.archived else "Archive organisation"
        )
        archived = " (archived)" if record and record.archived else ""
        self.name_label.setText((record.name + archived) if record else "No organisation selected")
        self.name.set_saved_text(record.name if record else "", keep_edit=same)
        self.short_name.set_saved_text(record.short_name if record else "", keep_edit=same)
        self.people_list.clear()
        if record is not None:
            members = sorted(
                (p for p in self._people if p.organisation_id == record.id), key=lambda p: p.sort_key
            )
            for person in members:
                job = f" — {person.job_title}" if person.job_title else ""
                self.people_list.addItem(f"{person.full_name}{job}{' (archived)' if person.archived else ''}")
            if not members:
                self.people_list.addItem("No one in the directory works here yet")

    def flush_pending(self) -> None:
        for field in (self.name, self.short_name):
            if field.is_dirty():
                field.commit_pending()

    # Edits ------------------------------------------------------------------------------------
    def save(self, patch: OrganisationPatch, widget: CommitLineEdit) -> None:
        """Save the field ``patch`` sets, through the undo stack; a refused text stays, marked."""
        record = self.current
        if record is None:
            return
        field = next(iter(given(patch)))
        what = "name" if field == "name" else "short name"
        directory.update_organisation(self.context, self, record, patch, what).refused_in(widget).on_conflict(
            lambda conflict: self._conflict(conflict, patch, widget)
        ).success(lambda change: self._saved(change, field, widget)).run()

    def _conflict(
        self, conflict: EditConflictError, patch: OrganisationPatch, widget: CommitLineEdit
    ) -> None:
        """Another officer changed the field since it was shown: keep mine (saved over theirs) or
        take theirs (shown as stored)."""
        kept = keep_mine_in(self, "current", patch, conflict, "Someone else changed this organisation")
        if kept:
            self.save(patch, widget)
        elif kept is False and self.current is not None:
            widget.set_saved_text(getattr(self.current, next(iter(given(patch)))))

    def _saved(self, change: Change[OrganisationRecord], field: str, widget: CommitLineEdit) -> None:
        fresh = change.after
        if fresh is None:
            return
        if self.current is not None and self.current.id == fresh.id:
            widget.set_saved_text(getattr(fresh, field))
        self.context.status_message.emit(f"Saved {fresh.name}")

    def new_organisation(self) -> OrganisationRecord | None:
        dialog = NewOrganisationDialog(self.context, self.window())
        dialog.name.setText(self.search_text())
        created: OrganisationRecord | None = run_modal(dialog, lambda d: d.created)
        if created is not None:
            self.choose_when_listed(created.id)
        return created

    def toggle_archived(self) -> None:
        record = self.current
        if record is None:
            return
        directory.archive_organisation(self.context, self, record, not record.archived).run()
