"""The members of one committee: add, change role, make Chair, end a membership, remove a mistake."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.enums import MembershipRole
from sst_desktop.services.records import CommitteeRecord, MembershipRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.directory.models import member_name, membership_model
from sst_desktop.ui.operations import directory
from sst_desktop.ui.widgets.change_dialog import run_modal
from sst_desktop.ui.widgets.column_fit import ColumnFit
from sst_desktop.ui.widgets.record_model import record_table_view, select_record, selected_record
from sst_desktop.ui.widgets.wrapping_row import WrappingRow


class MembersPanel(QGroupBox):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Members", parent)
        self.context = context
        self.committee: CommitteeRecord | None = None
        self._select_next: int | None = None  # a membership just added, chosen when the list comes back
        self.model = membership_model()
        self.table = record_table_view(self.model)
        self.table.setObjectName("members")
        # Name, organisation and representing share the width; role and dates keep theirs, so the
        # table never scrolls sideways, even with large text on a laptop.
        self.columns = ColumnFit(self.table, {0: 3, 2: 3, 3: 2})
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        self.add_button = QPushButton("Add member…")
        self.add_button.setObjectName("primary")
        self.add_button.clicked.connect(self.add_member)
        self.role_button = QToolButton()
        self.role_button.setText("Change role")
        self.role_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.role_menu = QMenu(self.role_button)
        self.role_actions: dict[MembershipRole, QAction] = {}
        for role in MembershipRole:
            action = self.role_menu.addAction("Make Chair" if role is MembershipRole.CHAIR else role.label)
            action.triggered.connect(lambda _=False, r=role: self.change_role(r))
            self.role_actions[role] = action
        self.role_button.setMenu(self.role_menu)
        self.table.doubleClicked.connect(lambda _index: self.role_button.showMenu())
        self.chair_button = QPushButton("Make Chair")
        self.chair_button.clicked.connect(self.make_chair)
        self.end_button = QPushButton("End membership…")
        self.end_button.clicked.connect(lambda: self.end_membership())
        self.remove_button = QPushButton("Remove…")
        self.remove_button.setObjectName("quiet")
        self.remove_button.setToolTip(
            "Remove a membership entered by mistake (End membership keeps the record)"
        )
        self.remove_button.clicked.connect(self.remove_membership)
        self.show_past = QCheckBox("Show past members")
        self.show_past.toggled.connect(lambda _checked: self.reload())
        self.count = QLabel()
        self.count.setObjectName("hint")

        buttons = QHBoxLayout()
        for widget in (
            self.add_button,
            self.role_button,
            self.chair_button,
            self.end_button,
            self.remove_button,
        ):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        tools = WrappingRow()  # the choice of former members goes under the buttons with large text
        tools.add(buttons, 1)
        tools.add(self.show_past)
        layout = QVBoxLayout(self)
        layout.addWidget(tools)
        layout.addWidget(self.table)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    # Showing ----------------------------------------------------------------------------------
    def show_committee(
        self, committee: CommitteeRecord | None, *, members: list[MembershipRecord] | None = None
    ) -> None:
        """Show ``committee``'s current members: ``members`` when they were read already, else read."""
        changed = committee is None or self.committee is None or committee.id != self.committee.id
        self.committee = committee
        if changed:
            self.show_past.blockSignals(True)
            self.show_past.setChecked(False)
            self.show_past.blockSignals(False)
        if committee is not None and members is not None and not self.show_past.isChecked():
            self._listed(committee.id, members)
            return
        self.reload()

    def reload(self) -> None:
        """Reload the members shown, keeping the one chosen."""
        if self.committee is None:
            self._listed(None, [])
            return
        committee_id = self.committee.id
        directory.list_memberships(
            self.context, self, committee_id, include_past=self.show_past.isChecked()
        ).success(lambda records: self._listed(committee_id, records)).run()

    def _listed(self, committee_id: int | None, records: list[MembershipRecord]) -> None:
        if committee_id != (self.committee.id if self.committee else None):
            return  # another committee was chosen meanwhile; its members are on their way
        selected = self.selected()
        keep = self._select_next or (selected.id if selected else None)
        self._select_next = None
        self.model.set_records(records)
        if keep is not None:
            select_record(self.table, lambda m: m.id == keep)
        current = sum(1 for m in self.model.records() if m.is_current(date.today()))
        self.count.setText(f"{current} current member{'' if current == 1 else 's'}")
        self.setTitle(f"Members ({current})" if self.committee is not None else "Members")
        self._update_buttons()

    def selected(self) -> MembershipRecord | None:
        return selected_record(self.table)

    def _update_buttons(self) -> None:
        member = self.selected()
        current = member is not None and (member.end_date is None or member.end_date >= date.today())
        self.add_button.setEnabled(self.committee is not None)
        self.role_button.setEnabled(current)
        self.chair_button.setEnabled(current and member.role is not MembershipRole.CHAIR)  # type: ignore[union-attr]
        self.end_button.setEnabled(current and member.end_date is None)  # type: ignore[union-attr]
        self.remove_button.setEnabled(member is not None)
        for role, action in self.role_actions.items():
            action.setEnabled(member is not None and member.role is not role)

    def _context_menu(self, position: QPoint) -> None:
        if self.selected() is None:
            return
        menu = QMenu(self)
        menu.addMenu(self.role_menu).setText("Change role")
        menu.addAction("Make Chair", self.make_chair).setEnabled(self.chair_button.isEnabled())
        menu.addAction("End membership…", self.end_membership).setEnabled(self.end_button.isEnabled())
        menu.addSeparator()
        menu.addAction("Remove (entered by mistake)…", self.remove_membership)
        menu.exec(self.table.viewport().mapToGlobal(position))

    # Edits ------------------------------------------------------------------------------------
    def add_member(self) -> MembershipRecord | None:
        if self.committee is None:
            return None
        from sst_desktop.ui.directory.dialogs import AddMemberDialog  # when first needed: start-up speed

        created: MembershipRecord | None = run_modal(
            AddMemberDialog(self.context, self.committee, self.window()), lambda d: d.created
        )
        if created is None:
            return None
        if not select_record(self.table, lambda m: m.id == created.id):
            self._select_next = created.id  # the list is on its way back
        self.context.status_message.emit(f"Added {member_name(created)} as {created.role.label}")
        return created

    def make_chair(self) -> None:
        member = self.selected()
        committee = self.committee
        if member is None or committee is None:
            return
        on = max(date.today(), member.start_date)
        directory.make_chair(self.context, self, member, on).success(
            lambda _handover: self.context.status_message.emit(
                f"{member_name(member)} is now Chair of {committee.short_name}"
            )
        ).run()

    def change_role(self, role: MembershipRole) -> None:
        if role is MembershipRole.CHAIR:
            self.make_chair()
            return
        member = self.selected()
        if member is not None:
            directory.change_role(self.context, self, member, role).run()

    def end_membership(self, end: date | None = None) -> None:
        member = self.selected()
        if member is None:
            return
        if end is None:
            from sst_desktop.ui.directory.dialogs import EndMembershipDialog

            end = run_modal(EndMembershipDialog(member, self.window()), lambda d: d.end_date())
            if end is None:
                return
        last_day = end
        directory.end_membership(self.context, self, member, last_day).success(
            lambda _change: self.context.status_message.emit(
                f"{member_name(member)}'s membership ends on {last_day:%d/%m/%Y}"
            )
        ).run()

    def remove_membership(self) -> None:
        member = self.selected()
        if member is None:
            return
        answer = QMessageBox.question(
            self,
            "Remove membership",
            f"Remove {member_name(member)} ({member.role.label}) from this committee as if never added?\n\n"
            "To record that someone left, use End membership instead.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            directory.remove_membership(self.context, self, member).run()
