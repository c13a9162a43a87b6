"""Committees: the list on the left; the chosen committee's details and members on the right."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.services.outcome import Changed
from sst_desktop.services.records import CommitteeRecord, MembershipRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.directory.committee_details import CommitteeDetails
from sst_desktop.ui.directory.members_panel import MembersPanel
from sst_desktop.ui.directory.models import committee_model
from sst_desktop.ui.operations import directory
from sst_desktop.ui.pages import PageSpec
from sst_desktop.ui.widgets.change_dialog import run_modal
from sst_desktop.ui.widgets.column_fit import vertical_scroll
from sst_desktop.ui.widgets.record_list_page import RecordListPage
from sst_desktop.ui.widgets.record_model import record_table_view

if TYPE_CHECKING:
    from sst_desktop.ui.directory.documents_tab import DocumentsTab

DOCUMENTS_TAB = 1  # the tab with the committee's document style


class CommitteesPage(RecordListPage[CommitteeRecord]):
    PLURAL = "committees"
    RELOAD_ON = Changed.COMMITTEES | Changed.PEOPLE | Changed.ORGANISATIONS

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)

        # The two sides are in place first and filled after, so that each part is moved once, into
        # where it stays (a moved widget has its style worked out again: start-up speed).
        left = QWidget()
        left.setObjectName("list-panel")
        right = QWidget()
        self.lay_out(left, right, sizes=(260, 900), stretch=(0, 1))

        # Left: the list of committees.
        self.model = committee_model()
        self.list = record_table_view(self.model)
        self.list.setObjectName("committee-list")
        self.list.setAccessibleName("Committees")
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
        self.title.setWordWrap(True)  # a long name wraps rather than being cut off
        self.subtitle = QLabel()
        self.subtitle.setObjectName("hint")
        self.archive_button = QPushButton("Archive committee")
        self.archive_button.clicked.connect(self.toggle_archived)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(16, 12, 16, 12)
        right_layout.setSpacing(8)
        header = QHBoxLayout()
        right_layout.addLayout(header)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        header.addLayout(titles, 1)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addWidget(self.archive_button, 0, Qt.AlignmentFlag.AlignTop)
        # The committee's document style on a tab of its own beside its details and members, built
        # when the officer first opens it (it is not needed to show the first screen: start-up speed).
        self._documents: DocumentsTab | None = None
        self._committees: list[CommitteeRecord] = []
        self._first_members: tuple[int, list[MembershipRecord]] | None = None  # (see _first_listed)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        right_layout.addWidget(self.tabs, 1)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 8, 0, 0)
        body_layout.setSpacing(12)
        self.tabs.addTab(vertical_scroll(body), "Details and members")
        self.tabs.addTab(QWidget(), "Documents")
        self.tabs.currentChanged.connect(lambda index: index == DOCUMENTS_TAB and self.documents)
        self.details = CommitteeDetails(context)
        self.members = MembersPanel(context)
        body_layout.addWidget(self.details)
        body_layout.addWidget(self.members, 1)

        self.attach(self.model, self.list)
        self.reload()

    @property
    def documents(self) -> DocumentsTab:
        """The Documents tab, built the first time it is wanted."""
        if self._documents is None:
            from sst_desktop.ui.directory.documents_tab import DocumentsTab

            tab = DocumentsTab(self.context)
            self._documents = tab
            tab.set_committees(self._committees)
            tab.show_committee(self.current)
            shown = self.tabs.currentIndex() == DOCUMENTS_TAB
            self.tabs.blockSignals(True)
            placeholder = self.tabs.widget(DOCUMENTS_TAB)
            self.tabs.removeTab(DOCUMENTS_TAB)
            self.tabs.insertTab(DOCUMENTS_TAB, tab, "Documents")
            if shown:
                self.tabs.setCurrentIndex(DOCUMENTS_TAB)
            self.tabs.blockSignals(False)
            if placeholder is not None:
                placeholder.deleteLater()
        return self._documents

    # The list page ----------------------------------------------------------------------------
    def read(self, deliver: Callable[[list[CommitteeRecord]], None]) -> None:
        include_archived = self.show_archived.isChecked()
        if self.current is None and not self._committees:  # the first look: members come along
            directory.committees_and_first_members(
                self.context, self, include_archived=include_archived
            ).success(lambda answer: self._first_listed(deliver, *answer)).run()
            return
        directory.list_committees(self.context, self, include_archived=include_archived).success(
            deliver
        ).run()

    def _first_listed(
        self,
        deliver: Callable[[list[CommitteeRecord]], None],
        records: list[CommitteeRecord],
        members: list[MembershipRecord],
    ) -> None:
        """The first committee's members were read with the list: shown with it when it is chosen."""
        self._first_members = (records[0].id, members) if records else None
        try:
            deliver(records)
        finally:
            self._first_members = None

    def _listed(self, records: list[CommitteeRecord]) -> None:
        super()._listed(records)
        self.list.resizeRowsToContents()
        self._committees = records
        if self._documents is not None:
            self._documents.set_committees(records)

    def show_record(self, record: CommitteeRecord | None, *, same: bool) -> None:
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
        if self._documents is not None:
            self._documents.show_committee(record, same=same)
        if not same:
            first = self._first_members
            read = first[1] if first is not None and record is not None and record.id == first[0] else None
            self.members.show_committee(record, members=read)
        else:
            self.members.committee = record

    def on_changed(self, changed: Changed) -> None:
        super().on_changed(changed)
        if changed & (Changed.MEMBERSHIPS | Changed.PEOPLE | Changed.ORGANISATIONS):
            self.members.reload()

    def flush_pending(self) -> None:
        self.details.commit_pending()
        if self._documents is not None:
            self._documents.commit_pending()

    def select_committee(self, committee_id: int) -> bool:
        return self.select(committee_id)

    def screenshot_states(self) -> list[tuple[str, Callable[[], object]]]:
        """The Documents tab and its printed-page preview, for the README (docs/make_screenshots.py)."""
        return [("documents", lambda: self.tabs.setCurrentWidget(self.documents))]

    # Actions ----------------------------------------------------------------------------------
    def new_committee(self) -> CommitteeRecord | None:
        from sst_desktop.ui.directory.dialogs import NewCommitteeDialog  # when first needed: start-up speed

        created: CommitteeRecord | None = run_modal(
            NewCommitteeDialog(self.context, self.window()), lambda d: d.created
        )
        if created is None:
            return None
        self.choose_when_listed(created.id)
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
