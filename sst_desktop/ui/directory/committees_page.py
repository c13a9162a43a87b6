"""Committees: the list on the left; the chosen committee's details and members on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.services.outcome import Changed
from sst_desktop.services.records import CommitteeRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.directory.committee_details import CommitteeDetails
from sst_desktop.ui.directory.members_panel import MembersPanel
from sst_desktop.ui.directory.models import committee_model
from sst_desktop.ui.operations import directory
from sst_desktop.ui.pages import PageSpec
from sst_desktop.ui.widgets.change_dialog import run_modal
from sst_desktop.ui.widgets.record_model import record_table_view, select_record, selected_record


class CommitteesPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.current: CommitteeRecord | None = None
        self._select_next: int | None = None  # a committee just added, chosen when the list comes back

        # Left: the list of committees.
        self.model = committee_model()
        self.list = record_table_view(self.model)
        self.list.setObjectName("committee-list")
        self.list.setAlternatingRowColors(False)
        self.list.setWordWrap(True)
        self.list.horizontalHeader().setVisible(False)
        self.list.setVerticalScrollMode(self.list.ScrollMode.ScrollPerPixel)
        self.list.horizontalHeader().sectionResized.connect(
            lambda *_: QTimer.singleShot(0, self.list, self.list.resizeRowsToContents)  # not after it goes
        )
        self.new_button = QPushButton("New committee…")
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_committee)
        self.show_archived = QCheckBox("Show archived")
        self.show_archived.toggled.connect(lambda _c: self.reload())
        left = QWidget()
        left.setObjectName("list-panel")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(12, 12, 6, 12)
        heading = QLabel("Committees")
        heading.setObjectName("panel-title")
        left_layout.addWidget(heading)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(self.show_archived)

        # Right: the chosen committee.
        self.title = QLabel()
        self.title.setObjectName("page-title")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("hint")
        self.archive_button = QPushButton("Archive committee")
        self.archive_button.clicked.connect(self.toggle_archived)
        self.details = CommitteeDetails(context)
        self.members = MembersPanel(context)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        header.addWidget(self.archive_button, 0, Qt.AlignmentFlag.AlignTop)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(16, 12, 16, 12)
        body_layout.setSpacing(12)
        body_layout.addLayout(header)
        body_layout.addWidget(self.details)
        body_layout.addWidget(self.members, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 900])
        splitter.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.list.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        context.changed.connect(self._changed)
        self.reload()

    # Loading ----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Reload the list and the chosen committee, keeping the choice (and edits in progress)."""
        directory.list_committees(
            self.context, self, include_archived=self.show_archived.isChecked()
        ).success(self._listed).run()

    def _listed(self, records: list[CommitteeRecord]) -> None:
        keep = self._select_next or (self.current.id if self.current else None)
        self._select_next = None
        self.list.selectionModel().blockSignals(True)
        self.model.set_records(records)
        found = keep is not None and select_record(self.list, lambda c: c.id == keep)
        if not found and self.model.rowCount():
            self.list.selectRow(0)
        self.list.selectionModel().blockSignals(False)
        self.list.resizeRowsToContents()
        self._show(selected_record(self.list))

    def _selection_changed(self) -> None:
        self.details.commit_pending()
        self._show(selected_record(self.list))

    def _show(self, record: CommitteeRecord | None) -> None:
        same = record is not None and self.current is not None and record.id == self.current.id
        self.current = record
        self.title.setText(record.name if record else "No committee yet")
        if record is None:
            self.subtitle.setText("Add the first committee with “New committee…”.")
        else:
            formerly = f" · formerly {'; '.join(record.former_names)}" if record.former_names else ""
            archived = " · ARCHIVED" if record.archived else ""
            self.subtitle.setText(f"{record.short_name} · {record.kind.label}{formerly}{archived}")
        self.archive_button.setEnabled(record is not None)
        self.archive_button.setText(
            "Restore committee" if record and record.archived else "Archive committee"
        )
        self.details.show_committee(record, same=same)
        if not same:
            self.members.show_committee(record)
        else:
            self.members.committee = record

    def _changed(self, changed: Changed) -> None:
        if changed & (Changed.COMMITTEES | Changed.PEOPLE | Changed.ORGANISATIONS):
            self.reload()
        if changed & (Changed.MEMBERSHIPS | Changed.PEOPLE | Changed.ORGANISATIONS):
            self.members.reload()

    # Page protocol (main window) ----------------------------------------------------------------
    def flush_pending(self) -> None:
        self.details.commit_pending()

    def select_committee(self, committee_id: int) -> bool:
        return select_record(self.list, lambda c: c.id == committee_id)

    # Actions ----------------------------------------------------------------------------------
    def new_committee(self) -> CommitteeRecord | None:
        from sst_desktop.ui.directory.dialogs import NewCommitteeDialog  # when first needed: start-up speed

        created: CommitteeRecord | None = run_modal(
            NewCommitteeDialog(self.context, self.window()), lambda d: d.created
        )
        if created is None:
            return None
        if not self.select_committee(created.id):
            self._select_next = created.id  # the list is on its way back
        self.details.name.setFocus()
        self.context.status_message.emit(f"Added the committee {created.name}")
        return created

    def toggle_archived(self) -> bool:
        record = self.current
        if record is None:
            return False
        archive = not record.archived
        if archive:
            answer = QMessageBox.question(
                self,
                "Archive committee",
                f"Archive {record.name}? It leaves the list (tick “Show archived” to see it again); "
                "its meetings, minutes and actions are kept.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        directory.archive_committee(self.context, self, record, archive).run()
        return True


PAGE = PageSpec("committees", "Committees", 10, CommitteesPage)
