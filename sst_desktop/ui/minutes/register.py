"""The register: who is present (in the room or remotely), who sent apologies, who is absent, who
substitutes for whom, who is in the Chair, who else is present, and who came late or left early.

Keyboard first: on the selected row, P present, R remote, A apologies, X absent, S substitute for…,
C in the Chair, L arrived late (now, during the current item), D left early; Shift+L / Shift+D clear
them; Delete takes an added person off. Marking moves on to the next row, so a register of fifteen
is taken in fifteen keystrokes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.enums import AttendanceStatus
from sst_desktop.domain.name_search import name_key
from sst_desktop.services.attendance import AttendanceRecord
from sst_desktop.services.records import Change
from sst_desktop.ui.minutes.register_dialogs import ComingsDialog, SubstituteDialog
from sst_desktop.ui.minutes.register_model import (
    COL_ARRIVED,
    COL_LEFT,
    COL_NAME,
    COL_ORG,
    COL_STATUS,
    RegisterModel,
    RegisterTable,
    register_summary,
)
from sst_desktop.ui.minutes.session import MinuteSession
from sst_desktop.ui.operations import attendance
from sst_desktop.ui.operations.attendance import Entry
from sst_desktop.ui.widgets.person_picker import PersonPicker

KEY_HELP = (
    "P present · R remote · A apologies · X absent · S substitute · C chair · "
    "L arrived · D left · Shift+L/D clear · Del remove added person"
)


class RegisterPanel(QWidget):
    """The register of the meeting being minuted."""

    changed = Signal()  # the register was reloaded after a change

    def __init__(self, session: MinuteSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = RegisterModel(self)

        title = QLabel("Register")
        title.setObjectName("sectionTitle")
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        self.summary.setWordWrap(True)

        self.table = RegisterTable()
        self.table.setObjectName("registerTable")
        self.table.setAccessibleName("Register")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_ORG, QHeaderView.ResizeMode.Stretch)
        for column in (COL_STATUS, COL_ARRIVED, COL_LEFT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.key_pressed.connect(self._key)
        self.table.doubleClicked.connect(self._double_clicked)

        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.buttons: dict[str, QPushButton] = {}
        for key, label, handler in (
            ("P", "Present", lambda: self.mark_present(remote=False)),
            ("R", "Remote", lambda: self.mark_present(remote=True)),
            ("A", "Apologies", self.mark_apologies),
            ("X", "Absent", self.mark_absent),
            ("S", "Substitute…", self.mark_substitute),
            ("C", "In the Chair", self.toggle_chair),
            ("L", "Arrived", self.mark_arrived),
            ("D", "Left", self.mark_left),
        ):
            button = QPushButton(f"{label}  {key}")
            button.setToolTip(f"{label} (key {key} on the selected row)")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(handler)
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)

        self.person_picker = PersonPicker(self.session.context, placeholder="Add someone: type a name…")
        self.person_picker.setObjectName("alsoPresentPicker")
        self.capacity = QLineEdit()
        self.capacity.setPlaceholderText("Capacity (Presenter, Officer…)")
        self.capacity.setAccessibleName("Capacity")
        self.capacity.setMaximumWidth(240)
        self.add_also_button = QPushButton("Add as also present")
        self.add_also_button.clicked.connect(lambda: self.add_person(also_present=True))
        self.add_member_button = QPushButton("Add as member / substitute")
        self.add_member_button.clicked.connect(lambda: self.add_person(also_present=False))
        self.capacity.returnPressed.connect(lambda: self.add_person(also_present=True))
        adding = QHBoxLayout()
        adding.addWidget(self.person_picker, 2)
        adding.addWidget(self.capacity, 1)
        adding.addWidget(self.add_also_button)
        adding.addWidget(self.add_member_button)

        keys = QLabel(KEY_HELP)
        keys.setObjectName("hint")
        keys.setWordWrap(True)
        self.key_help = keys

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(keys)
        also = QLabel(
            "Also present: officers, presenters and guests — pick from the directory or add a new person"
        )
        also.setObjectName("muted")
        self.also_help = also
        layout.addWidget(also)
        layout.addLayout(adding)
        self.setFocusProxy(self.table)
        session.read_only_changed.connect(self._apply_read_only)
        self._apply_read_only(session.read_only)

    # Loading ------------------------------------------------------------------------------------
    def load(self) -> None:
        """Fill the register (pre-filled from the committee's members while the minutes are open)."""
        read = attendance.list_attendance if self.session.read_only else attendance.prefill_register
        read(self.session.context, self, self.session.meeting.id).success(self._loaded).run()

    def _loaded(self, records: list[AttendanceRecord]) -> None:
        self._show(records)
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def reload(self) -> None:
        attendance.list_attendance(self.session.context, self, self.session.meeting.id).success(
            self._show
        ).run()

    def _show(self, records: list[AttendanceRecord]) -> None:
        current = self.current()
        self.model.set_records(records)
        if current is not None:
            row = self.model.row_of(current.id)
            if row >= 0:
                self.table.selectRow(row)
        self.summary.setText(register_summary(records))
        self.changed.emit()

    def _apply_read_only(self, read_only: bool) -> None:
        """Confirmed minutes: the register is read, not taken — its keys and the add row go."""
        for widget in (
            *self.buttons.values(),
            self.person_picker,
            self.capacity,
            self.add_also_button,
            self.add_member_button,
            self.key_help,
            self.also_help,
        ):
            widget.setEnabled(not read_only)
            widget.setVisible(not read_only)

    # Selection ----------------------------------------------------------------------------------
    def current(self) -> AttendanceRecord | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def select_person(self, person_id: int) -> None:
        row = next((i for i, r in enumerate(self.model.records()) if r.person_id == person_id), -1)
        if row >= 0:
            self.table.selectRow(row)

    def _advance(self) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < self.model.rowCount() - 1:
            self.table.selectRow(row + 1)

    # Keys ---------------------------------------------------------------------------------------
    def _key(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        shift = modifiers == Qt.KeyboardModifier.ShiftModifier
        if modifiers not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return
        key = event.key()
        actions: dict[int, Callable[[], object]] = {
            Qt.Key.Key_P: lambda: self.mark_present(remote=False),
            Qt.Key.Key_R: lambda: self.mark_present(remote=True),
            Qt.Key.Key_A: self.mark_apologies,
            Qt.Key.Key_X: self.mark_absent,
            Qt.Key.Key_S: self.mark_substitute,
            Qt.Key.Key_C: self.toggle_chair,
            Qt.Key.Key_L: self.clear_arrived if shift else self.mark_arrived,
            Qt.Key.Key_D: self.clear_left if shift else self.mark_left,
            Qt.Key.Key_Delete: self.remove_current,
        }
        action = actions.get(key)
        if action is None or (shift and key not in (Qt.Key.Key_L, Qt.Key.Key_D)):
            return
        event.accept()
        action()

    # Marks --------------------------------------------------------------------------------------
    def _edit(self, make: Callable[[AttendanceRecord], Entry], *, advance: bool = False) -> bool:
        """Change the selected entry; marking moves on to the next row at once (the mark is shown
        when it is saved), so a register is taken as fast as the keys are pressed."""
        record = self.current()
        if record is None:
            return False
        ok = self.session.go(self, make(record), self._entry_changed)
        if ok and advance:
            self._advance()
        return ok

    def _entry_changed(self, change: Change[AttendanceRecord]) -> None:
        after = change.after
        if after is not None and self.model.row_of(after.id) >= 0:
            self._show([after if r.id == after.id else r for r in self.model.records()])
        else:
            self.reload()

    def mark_present(self, *, remote: bool = False) -> bool:
        context = self.session.context
        record = self.current()
        if record is not None and record.status == AttendanceStatus.SUBSTITUTE:
            # Still the substitute; only where they attend from changes.
            return self._edit(lambda r: attendance.set_remote(context, self, r, remote), advance=True)
        return self._edit(lambda r: attendance.set_present(context, self, r, remote), advance=True)

    def mark_apologies(self) -> bool:
        return self._edit(lambda r: attendance.set_apologies(self.session.context, self, r), advance=True)

    def mark_absent(self) -> bool:
        return self._edit(lambda r: attendance.set_absent(self.session.context, self, r), advance=True)

    def mark_substitute(self, for_person_id: int | None = None) -> bool:
        record = self.current()
        if record is None:
            return False
        if self.session.refuse_if_read_only(self):
            return False
        if for_person_id is None:
            choices = [r for r in self.model.records() if r.id != record.id and not r.also_present]
            dialog = SubstituteDialog(record, choices, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            for_person_id = dialog.chosen()
            if for_person_id is None:
                return False
        whom = for_person_id
        return self._edit(
            lambda r: attendance.set_substitute(self.session.context, self, r, whom), advance=True
        )

    def toggle_chair(self) -> bool:
        record = self.current()
        if record is None:
            return False
        op = attendance.take_the_chair(self.session.context, self, record, not record.in_chair)
        return self.session.go(self, op, lambda _outcome: self.reload())

    def mark_arrived(self, at: time | None = None, item_id: int | None = None) -> bool:
        at, item_id = self._now_and_item(at, item_id)
        return self._edit(lambda r: attendance.set_arrival(self.session.context, self, r, at, item_id))

    def mark_left(self, at: time | None = None, item_id: int | None = None) -> bool:
        at, item_id = self._now_and_item(at, item_id)
        return self._edit(lambda r: attendance.set_departure(self.session.context, self, r, at, item_id))

    def clear_arrived(self) -> bool:
        return self._edit(lambda r: attendance.set_arrival(self.session.context, self, r, None, None))

    def clear_left(self) -> bool:
        return self._edit(lambda r: attendance.set_departure(self.session.context, self, r, None, None))

    def _now_and_item(self, at: time | None, item_id: int | None) -> tuple[time, int | None]:
        if at is None:
            at = datetime.now().time().replace(second=0, microsecond=0)
        if item_id is None and self.session.current_item is not None:
            item_id = self.session.current_item.id
        return at, item_id

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() in (COL_ARRIVED, COL_LEFT):
            self.edit_comings(arrival=index.column() == COL_ARRIVED)
        elif index.column() == COL_ORG:
            self.edit_capacity()

    def edit_comings(self, *, arrival: bool) -> bool:
        """Adjust the time and item of an arrival or departure."""
        record = self.current()
        if record is None or self.session.refuse_if_read_only(self):
            return False
        at = record.arrived_at if arrival else record.left_at
        item_id = record.arrived_item_id if arrival else record.left_item_id
        dialog = ComingsDialog(self.session, record, arrival=arrival, at=at, item_id=item_id, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        chosen_at, chosen_item = dialog.values()
        context = self.session.context
        if arrival:
            return self._edit(lambda r: attendance.set_arrival(context, self, r, chosen_at, chosen_item))
        return self._edit(lambda r: attendance.set_departure(context, self, r, chosen_at, chosen_item))

    def edit_capacity(self) -> bool:
        record = self.current()
        if record is None or self.session.refuse_if_read_only(self):
            return False
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getText(
            self, "Capacity", f"In what capacity is {record.full_name} here?", text=record.capacity
        )
        if not ok:
            return False
        return self._edit(lambda r: attendance.set_capacity(self.session.context, self, r, text))

    # People added on the day --------------------------------------------------------------------
    def add_person(self, *, also_present: bool = True) -> bool:
        if self.session.refuse_if_read_only(self):
            return False
        person_id = self.person_picker.person_id()
        if person_id is None:
            person_id = self._typed_person()
            if person_id is None:
                return False
        chosen = person_id

        def added(_change: Change[AttendanceRecord]) -> None:
            self.person_picker.set_person(None)
            self.capacity.clear()
            attendance.list_attendance(self.session.context, self, self.session.meeting.id).success(
                shown
            ).run()

        def shown(records: list[AttendanceRecord]) -> None:
            self._show(records)
            self.select_person(chosen)

        op = attendance.add_attendee(
            self.session.context,
            self,
            self.session.meeting.id,
            person_id,
            also_present=also_present,
            capacity=self.capacity.text(),
        )
        return self.session.go(self, op, added)

    def _typed_person(self) -> int | None:
        """The person the picker's text names: the only match, else a new person added on the spot."""
        typed = self.person_picker.text().strip()
        if not typed:
            self.person_picker.setFocus()
            return None
        self.person_picker.hide_suggestions()
        found = self.person_picker.matches(typed)
        exact = [p for p in found if name_key(typed) in (name_key(p.full_name), name_key(p.plain_name))]
        if len(exact) == 1:
            found = exact
        if len(found) == 1:
            self.person_picker.set_person(found[0])
            return found[0].id
        if found:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(
                self,
                "Which person?",
                f"{len(found)} people in the directory match “{typed}”: choose one from the list.",
            )
            self.person_picker.setFocus()
            return None
        created = self.person_picker.add_new_person(typed)
        return created.id if created is not None else None

    def remove_current(self) -> bool:
        """Take an added person off (Delete); members of the committee stay on the register."""
        record = self.current()
        if record is None:
            return False
        if not (record.is_member and not record.also_present):
            return self._remove(record)

        def checked(members: set[int]) -> None:
            if record.person_id in members:
                self._keep(record)
            else:
                self._remove(record)

        attendance.members_on(self.session.context, self, self.session.meeting.id).success(checked).run()
        return True

    def _keep(self, record: AttendanceRecord) -> None:
        if not self.session.refuse_if_read_only(self):
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(
                self,
                "Members stay on the register",
                f"{record.full_name} is a member of the committee, so stays on the register. "
                "Mark them absent (X) or as having sent apologies (A) instead.",
            )

    def _remove(self, record: AttendanceRecord) -> bool:
        op = attendance.remove_attendance(self.session.context, self, record)
        return self.session.go(self, op, lambda _change: self.reload())
