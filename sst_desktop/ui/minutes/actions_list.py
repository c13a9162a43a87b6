"""Actions recorded in a minute: what, who (from the directory or free text), which organisation, by when.

Typing an action and pressing Enter records it and moves to its owner; Tab goes on to the
organisation, the due date and the "Next meeting" shortcut. Every field saves as it is edited.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.services.actions import ActionPatch, ActionRecord
from sst_desktop.services.errors import EditConflictError
from sst_desktop.services.meetings import MeetingRecord
from sst_desktop.services.organisations import OrganisationRecord
from sst_desktop.services.outcome import Changed, Outcome
from sst_desktop.services.records import Change, PersonRecord
from sst_desktop.ui.minutes.action_row import (
    FIELDS,
    TAKEN_WORDING,
    ActionRow,
    action_key,
    mine_shown,
)
from sst_desktop.ui.minutes.conflict import ask_which, keep_mine
from sst_desktop.ui.minutes.session import MinuteSession
from sst_desktop.ui.minutes.widgets import GrowingTextEdit, new_entry_row
from sst_desktop.ui.operations import directory, minute_actions
from sst_desktop.ui.operations.minutes import TextBasis
from sst_desktop.ui.widgets.accessible import rows_in_tab_order


class ActionsList(QWidget):
    """The actions of the minute being taken."""

    changed = Signal()

    def __init__(self, session: MinuteSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.minute_id: int | None = None
        self.rows: dict[int, ActionRow] = {}
        self._people: list[PersonRecord] | None = None
        self._next_meeting_date: date | bool | None = False  # False: not looked up yet
        self._focus_owner_of: int | None = None  # an action just added here: its owner is typed next

        title = QLabel("ACTIONS")
        title.setObjectName("sectionTitle")
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setSpacing(2)
        self.new_edit = GrowingTextEdit(max_lines=4)
        self.new_edit.setObjectName("newAction")
        self.new_edit.setAccessibleName("New action")
        self.new_edit.setPlaceholderText(
            "Type an action and press Enter; then its owner, organisation and due date"
        )
        self.new_edit.committed.connect(self.add_typed)
        self.new_number, new_row = new_entry_row(self.new_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addLayout(self.rows_layout)
        layout.addLayout(new_row)
        session.read_only_changed.connect(lambda _ro: self._apply_read_only())
        session.context.changed.connect(self._data_changed)

    def _data_changed(self, changed: Changed) -> None:
        if changed & (Changed.PEOPLE | Changed.ORGANISATIONS):
            self._people = None
        if changed & Changed.MEETINGS:
            self._next_meeting_date = False

    def people(self) -> list[PersonRecord]:
        """The directory as last read (for the owners' lists)."""
        return self._people or []

    # Showing ------------------------------------------------------------------------------------
    def set_minute(self, minute_id: int | None) -> None:
        if minute_id != self.minute_id:
            for row in self.rows.values():
                row.hide()
                row.deleteLater()
            self.rows.clear()
            self.new_edit.set_text_quietly("")
        self.minute_id = minute_id
        self.reload()

    def reload(self) -> None:
        """Read the minute's actions again (the directory too, the first time or once it changed)."""
        minute_id = self.minute_id
        if minute_id is None:
            self._show(None, [])
            return
        context = self.session.context
        if self._people is None:
            directory.list_people(context, self).success(lambda found: self._people_read(found)).run()
        minute_actions.actions_of_minute(context, self, minute_id).success(
            lambda records: self._show(minute_id, records)
        ).run()

    def _people_read(self, found: list[PersonRecord]) -> None:
        self._people = found

    def _show(self, minute_id: int | None, records: list[ActionRecord]) -> None:
        if minute_id != self.minute_id:
            return  # another minute is shown by now
        wanted = {r.id for r in records}
        row: ActionRow | None
        for action_id in list(self.rows):
            if action_id not in wanted:
                row = self.rows.pop(action_id)
                for field in FIELDS:
                    self.session.saver.discard(action_key(action_id, field))
                row.hide()
                row.deleteLater()
        for row in self.rows.values():
            self.rows_layout.removeWidget(row)
        for index, record in enumerate(records):
            row = self.rows.get(record.id)
            if row is None:
                row = self._make_row(record)
            else:
                self._refresh_row(row, record)
            row.set_number(index + 1)
            self.rows_layout.addWidget(row)
            row.show()
        self.new_number.setText(f"({len(records) + 1})")
        rows_in_tab_order(self.ordered_rows(), self.new_edit)
        self._apply_read_only()
        added = self.rows.get(self._focus_owner_of) if self._focus_owner_of is not None else None
        if added is not None:
            self._focus_owner_of = None
            added.owner.setFocus()
            line = added.owner.lineEdit()
            if line is not None:
                line.selectAll()
        self.changed.emit()

    def _refresh_row(self, row: ActionRow, record: ActionRecord) -> None:
        row.record = record
        saver = self.session.saver
        if not saver.is_pending(action_key(record.id, "text")):
            if not row.text.hasFocus() and row.text.toPlainText() != record.text:
                row.text.set_text_quietly(record.text)
            if row.text.toPlainText() == record.text:
                row.text_basis = TextBasis(record.text)  # (else: typed over an older copy)
        stored = minute_actions.FieldsBasis.of(record).values
        if not row.owner.hasFocus() and not saver.is_pending(action_key(record.id, "owner")):
            row.owner.set_owner(record.owner_person_id, record.owner_person_name, record.owner_text)
            row.fields_basis.moved_to(
                {"owner_person_id": stored.owner_person_id, "owner_text": stored.owner_text}
            )
        if not row.organisation.hasFocus() and not saver.is_pending(action_key(record.id, "organisation")):
            row.organisation.set_organisation(record.organisation_id, record.organisation_name)
            row.fields_basis.moved_to({"organisation_id": stored.organisation_id})
        if not saver.is_pending(action_key(record.id, "due")) and not row.due.is_edited():
            row.set_due(record.due_date, record.due_next_meeting)
            row.fields_basis.moved_to(
                {"due_date": stored.due_date, "due_next_meeting": stored.due_next_meeting}
            )

    def _make_row(self, record: ActionRecord) -> ActionRow:
        row = ActionRow(self.session, record, self.people())
        row.text.textChanged.connect(lambda r=row: self._text_typed(r))
        row.text.committed.connect(lambda r=row: r.owner.setFocus())
        row.owner.owner_changed.connect(lambda r=row: self._owner_changed(r))
        row.organisation.organisation_changed.connect(lambda r=row: self._organisation_changed(r))
        row.due.date_changed.connect(lambda _d, r=row: self._due_changed(r))
        row.next_meeting.toggled.connect(lambda checked, r=row: self._next_meeting_toggled(r, checked))
        row.remove.clicked.connect(lambda _=False, r=row: self.remove_action(r.record.id))
        self.rows[record.id] = row
        return row

    def ordered_rows(self) -> list[ActionRow]:
        return sorted(self.rows.values(), key=lambda r: (r.record.position, r.record.id))

    def _apply_read_only(self) -> None:
        read_only = self.session.read_only
        self.new_edit.setReadOnly(read_only or self.minute_id is None)
        for widget in (self.new_edit, self.new_number):  # confirmed minutes: nothing to type into
            widget.setVisible(not read_only)
        for row in self.rows.values():
            row.text.setReadOnly(read_only)
            for field in (row.owner, row.organisation, row.due, row.next_meeting):
                field.setEnabled(not read_only)
            row.remove.setVisible(not read_only)

    # Saving fields ------------------------------------------------------------------------------
    def _schedule(self, row: ActionRow, field: str, patch: ActionPatch) -> None:
        if self.session.read_only:
            return
        action_id = row.record.id
        row.edited[field] = patch
        save = minute_actions.action_edited(self.session.context, action_id, patch, row.fields_basis)
        self.session.saver.schedule(action_key(action_id, field), save)

    def _text_typed(self, row: ActionRow) -> None:
        text = row.text.toPlainText()
        key = action_key(row.record.id, "text")
        if text.strip() and not self.session.read_only:
            typed = minute_actions.action_typed(self.session.context, row.record.id, text, row.text_basis)
            self.session.saver.schedule(key, typed)
        else:
            self.session.saver.discard(key)

    def resolve_conflict(self, key: str, conflict: EditConflictError) -> bool:
        """Another officer changed an action this officer was editing: show both, and go on with what
        the officer chooses (a merge for its wording). False when ``key`` is not an action shown here."""
        found = next(
            ((r, f) for r in self.rows.values() for f in FIELDS if action_key(r.record.id, f) == key), None
        )
        if found is None:
            return False
        row, field = found
        reference = row.record.reference
        if field == "text":
            chosen = ask_which(self.window(), row.text.toPlainText(), conflict, f"the wording of {reference}")
            if self.rows.get(row.record.id) is row:
                row.text_basis = TextBasis(conflict.theirs)
                row.text.set_text_quietly(chosen)
                row.text.moveCursor(QTextCursor.MoveOperation.End)  # typing goes on after it
                if chosen != conflict.theirs:
                    self._text_typed(row)
            return True
        mine = mine_shown(row, field)
        kept = keep_mine(self.window(), mine, conflict, reference, "Someone else changed this action")
        if self.rows.get(row.record.id) is not row:
            return True
        row.fields_basis.moved_to(conflict.stored)  # what is there now: the next save is based on it
        patch = row.edited.get(field)
        if kept and patch is not None:
            self._schedule(row, field, patch)
        else:
            self.reload()  # theirs, shown as stored
        return True

    def _owner_changed(self, row: ActionRow) -> None:
        person_id, text = row.owner.owner()
        if (person_id, text) == (
            row.record.owner_person_id,
            row.record.owner_text if person_id is None else "",
        ):
            return
        patch = ActionPatch(owner_person_id=person_id, owner_text=text)
        if person_id is not None and row.organisation.organisation_id() is None:
            organisation = next((p for p in self.people() if p.id == person_id), None)
            if organisation is not None and organisation.organisation_id is not None:
                row.organisation.set_organisation(
                    organisation.organisation_id, organisation.organisation_name
                )
                patch = replace(patch, organisation_id=organisation.organisation_id)
        self._schedule(row, "owner", patch)
        row.record = replace(row.record, owner_person_id=person_id, owner_text=text)

    def _organisation_changed(self, row: ActionRow) -> None:
        if self.session.read_only:
            return
        if row.organisation.is_new():
            name = row.organisation.organisation_name()
            minute_actions.organisation_named(self.session.context, self, name).success(
                lambda outcome: self._organisation_added(row, outcome)
            ).run()
            return
        self._set_organisation(row, row.organisation.organisation_id())

    def _organisation_added(self, row: ActionRow, outcome: Outcome[OrganisationRecord]) -> None:
        created = outcome.value
        if row.record.id not in self.rows:
            return  # the action was removed meanwhile
        row.organisation.reload()
        row.organisation.set_organisation(created.id, created.name)
        self._set_organisation(row, created.id)

    def _set_organisation(self, row: ActionRow, organisation_id: int | None) -> None:
        if organisation_id == row.record.organisation_id:
            return
        self._schedule(row, "organisation", ActionPatch(organisation_id=organisation_id))
        row.record = replace(row.record, organisation_id=organisation_id)

    def _due_changed(self, row: ActionRow) -> None:
        due = row.due_date()
        row.next_meeting.blockSignals(True)
        row.next_meeting.setChecked(False)
        row.next_meeting.blockSignals(False)
        self._schedule(row, "due", ActionPatch(due_date=due, due_next_meeting=False))

    def _next_meeting_toggled(self, row: ActionRow, checked: bool) -> None:
        if checked and self._next_meeting_date is False:  # look it up first
            minute_actions.next_meeting(self.session.context, self, self.session.meeting.id).success(
                lambda following: self._next_meeting_found(row, following)
            ).run()
            return
        due = self._next_meeting_date if checked else row.due_date()
        assert due is None or isinstance(due, date)
        if checked:
            row.due.set_date(due)
        self._schedule(row, "due", ActionPatch(due_date=due, due_next_meeting=checked))
        if checked and due is None:
            self.session.context.status_message.emit(
                "No next meeting is scheduled yet: the action is due at the next meeting, whenever it is."
            )

    def _next_meeting_found(self, row: ActionRow, following: MeetingRecord | None) -> None:
        self._next_meeting_date = following.date if following is not None else None
        if row.record.id in self.rows and row.next_meeting.isChecked():
            self._next_meeting_toggled(row, True)

    def set_due_next_meeting(self, action_id: int) -> None:
        row = self.rows.get(action_id)
        if row is not None:
            row.next_meeting.setChecked(True)

    def focused_row(self) -> ActionRow | None:
        focus = self.focusWidget()
        for row in self.rows.values():
            if focus is not None and (row is focus or row.isAncestorOf(focus)):
                return row
        return None

    # Adding and removing ------------------------------------------------------------------------
    def focus_new(self) -> None:
        self.new_edit.setFocus()

    def add_typed(self) -> bool:
        """Enter in the new-action box: add what was typed, then go to its owner once it is saved."""
        text = self.new_edit.toPlainText().strip()
        if not text:
            return False
        # A resolution's wording taken as suggested (and not changed since) brings owner and due date.
        taken = self.new_edit.property(TAKEN_WORDING)
        self.new_edit.setProperty(TAKEN_WORDING, None)
        return self.add_action(text, from_resolution=taken == text)

    def add_action(self, text: str, *, from_resolution: bool = False) -> bool:
        if self.minute_id is None:
            return False
        op = minute_actions.add_action(
            self.session.context, self, self.minute_id, text, from_resolution=from_resolution
        )
        return self.session.go(self, op, lambda change: self._added(text, change))

    def _added(self, text: str, change: Change[ActionRecord]) -> None:
        if change.after is None or change.after.minute_id != self.minute_id:
            return
        if self.new_edit.toPlainText().strip() == text:
            self.new_edit.set_text_quietly("")
        self._focus_owner_of = change.after.id
        self.reload()

    def remove_action(self, action_id: int) -> bool:
        row = self.rows.get(action_id)
        if row is None:
            return False
        for field in FIELDS:
            self.session.saver.discard(action_key(action_id, field))
        op = minute_actions.remove_action(self.session.context, self, row.record)
        return self.session.go(self, op, lambda _change: self._removed())

    def _removed(self) -> None:
        self.reload()
        self.new_edit.setFocus()
