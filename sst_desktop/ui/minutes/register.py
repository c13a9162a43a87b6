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
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTime, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.enums import AttendanceStatus
from sst_desktop.services import attendance
from sst_desktop.services.attendance import AttendanceRecord
from sst_desktop.services.validation import name_key
from sst_desktop.ui.minutes.session import CHANGED_ATTENDANCE, MinuteSession
from sst_desktop.ui.widgets.person_picker import PersonPicker
from sst_desktop.ui.window_geometry import keep_geometry

_Index = QModelIndex | QPersistentModelIndex

GREEN = QColor("#1f6f43")
AMBER = QColor("#8a5a00")
GREY = QColor("#6b7280")

COLUMNS = ("Name", "Organisation / capacity", "Attendance", "Arrived", "Left")
COL_NAME, COL_ORG, COL_STATUS, COL_ARRIVED, COL_LEFT = range(5)

KEY_HELP = (
    "P present · R remote · A apologies · X absent · S substitute · C chair · "
    "L arrived · D left · Shift+L/D clear · Del remove added person"
)


def status_text(record: AttendanceRecord) -> str:
    remote = " (remote)" if record.remote else ""
    if record.also_present:
        return f"Also present{remote}"
    if record.status == AttendanceStatus.SUBSTITUTE:
        return f"Substitute for {record.substitute_for_name}{remote}"
    if record.status == AttendanceStatus.PRESENT:
        return f"Present{remote}"
    return "Apologies" if record.status == AttendanceStatus.APOLOGIES else "Absent"


def _time(value: time | None) -> str:
    return f"{value:%H:%M}" if value else ""


def comings_text(at: time | None, item_number: int | None) -> str:
    if at is None and item_number is None:
        return ""
    parts = [_time(at)] if at else []
    if item_number is not None:
        parts.append(f"item {item_number}")
    return ", ".join(parts)


class RegisterModel(QAbstractTableModel):
    """The register in its own order (members as listed, then people added), so rows never jump
    while the officer marks them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AttendanceRecord] = []

    def set_records(self, records: list[AttendanceRecord]) -> None:
        rows = sorted(records, key=lambda r: (r.also_present, r.position, r.last_name.casefold(), r.id))
        if [r.id for r in rows] == [r.id for r in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def records(self) -> list[AttendanceRecord]:
        return list(self._rows)

    def record(self, row: int) -> AttendanceRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, attendance_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == attendance_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.record(index.row()) if index.isValid() else None
        if record is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NAME:
                return record.full_name + ("  (in the Chair)" if record.in_chair else "")
            if column == COL_ORG:
                return " — ".join(p for p in (record.capacity, record.organisation_name) if p)
            if column == COL_STATUS:
                return status_text(record)
            if column == COL_ARRIVED:
                return comings_text(record.arrived_at, record.arrived_item_number)
            if column == COL_LEFT:
                return comings_text(record.left_at, record.left_item_number)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATUS:
            if record.is_present or record.also_present:
                return QBrush(GREEN)
            if record.status == AttendanceStatus.APOLOGIES:
                return QBrush(AMBER)
            return QBrush(GREY)
        if role == Qt.ItemDataRole.FontRole and column == COL_NAME and record.in_chair:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_NAME:
            return record.job_title or None
        return None


class RegisterTable(QTableView):
    """Hands the register keys to the panel; everything else behaves as a table does."""

    key_pressed = Signal(object)  # QKeyEvent; the panel sets ``accepted``

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.setAccepted(False)
        self.key_pressed.emit(event)
        if not event.isAccepted():
            super().keyPressEvent(event)


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
        db = self.session.db
        meeting_id = self.session.meeting.id
        if self.session.read_only:
            records = self.session.call(self, lambda: attendance.list_attendance(db, meeting_id))
        else:
            records = self.session.call(self, lambda: attendance.prefill_register(db, meeting_id))
        self._show(records or [])
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def reload(self) -> None:
        db = self.session.db
        meeting_id = self.session.meeting.id
        records = self.session.call(self, lambda: attendance.list_attendance(db, meeting_id))
        if records is not None:
            self._show(records)

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
    def _edit(self, label: str, do: Callable[[int], object], *, advance: bool = False) -> bool:
        record = self.current()
        if record is None:
            return False
        db = self.session.db
        before = record
        result: list[object] = []

        def run() -> None:
            result[:] = [do(before.id)]

        ok = self.session.run(
            self,
            f"{label}: {record.full_name}",
            run,
            lambda: attendance.update_attendance(db, before.id, before),
            CHANGED_ATTENDANCE,
        )
        if ok:
            after = getattr(result[0], "after", None) if result else None
            if isinstance(after, AttendanceRecord):
                self._show([after if r.id == after.id else r for r in self.model.records()])
            else:
                self.reload()
            if advance:
                self._advance()
        return ok

    def mark_present(self, *, remote: bool = False) -> bool:
        db = self.session.db
        record = self.current()
        if record is not None and record.status == AttendanceStatus.SUBSTITUTE:
            # Still the substitute; only where they attend from changes.
            return self._edit(
                "Remote" if remote else "In the room",
                lambda i: attendance.set_remote(db, i, remote),
                advance=True,
            )
        return self._edit(
            "Present remotely" if remote else "Present",
            lambda i: attendance.set_present(db, i, remote=remote),
            advance=True,
        )

    def mark_apologies(self) -> bool:
        db = self.session.db
        return self._edit("Apologies", lambda i: attendance.set_apologies(db, i), advance=True)

    def mark_absent(self) -> bool:
        db = self.session.db
        return self._edit("Absent", lambda i: attendance.set_absent(db, i), advance=True)

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
        db = self.session.db
        whom = for_person_id
        return self._edit("Substitute", lambda i: attendance.set_substitute(db, i, whom), advance=True)

    def toggle_chair(self) -> bool:
        record = self.current()
        if record is None:
            return False
        db = self.session.db
        wanted = not record.in_chair
        befores: list[AttendanceRecord] = []

        def do() -> None:
            changes = attendance.set_in_chair(db, record.id, wanted)
            befores[:] = [c.before for c in changes if c.before is not None]

        def undo() -> None:
            for before in befores:
                attendance.update_attendance(db, before.id, before)

        label = "In the Chair" if wanted else "Not in the Chair"
        ok = self.session.run(self, f"{label}: {record.full_name}", do, undo, CHANGED_ATTENDANCE)
        if ok:
            self.reload()
        return ok

    def mark_arrived(self, at: time | None = None, item_id: int | None = None) -> bool:
        db = self.session.db
        at, item_id = self._now_and_item(at, item_id)
        return self._edit("Arrived", lambda i: attendance.set_arrival(db, i, at, item_id))

    def mark_left(self, at: time | None = None, item_id: int | None = None) -> bool:
        db = self.session.db
        at, item_id = self._now_and_item(at, item_id)
        return self._edit("Left", lambda i: attendance.set_departure(db, i, at, item_id))

    def clear_arrived(self) -> bool:
        db = self.session.db
        return self._edit("Arrival cleared", lambda i: attendance.set_arrival(db, i, None, None))

    def clear_left(self) -> bool:
        db = self.session.db
        return self._edit("Departure cleared", lambda i: attendance.set_departure(db, i, None, None))

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
        db = self.session.db
        if arrival:
            return self._edit("Arrived", lambda i: attendance.set_arrival(db, i, chosen_at, chosen_item))
        return self._edit("Left", lambda i: attendance.set_departure(db, i, chosen_at, chosen_item))

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
        db = self.session.db
        return self._edit("Capacity", lambda i: attendance.set_capacity(db, i, text))

    # People added on the day --------------------------------------------------------------------
    def add_person(self, *, also_present: bool = True) -> bool:
        if self.session.refuse_if_read_only(self):
            return False
        person_id = self.person_picker.person_id()
        if person_id is None:
            person_id = self._typed_person()
            if person_id is None:
                return False
        db = self.session.db
        meeting_id = self.session.meeting.id
        capacity = self.capacity.text()
        added: list[int] = []

        def do() -> None:
            change = attendance.add_attendee(
                db, meeting_id, person_id, also_present=also_present, capacity=capacity
            )
            assert change.after is not None
            added[:] = [change.after.id]

        def undo() -> None:
            if added:
                attendance.remove_attendance(db, added[0])

        label = "Also present" if also_present else "Added to the register"
        ok = self.session.run(self, label, do, undo, CHANGED_ATTENDANCE)
        if ok:
            self.person_picker.set_person(None)
            self.capacity.clear()
            self.reload()
            self.select_person(person_id)
        return ok

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
        record = self.current()
        if record is None:
            return False
        if record.is_member and not record.also_present and record.person_id in self._member_ids():
            if not self.session.refuse_if_read_only(self):
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.information(
                    self,
                    "Members stay on the register",
                    f"{record.full_name} is a member of the committee, so stays on the register. "
                    "Mark them absent (X) or as having sent apologies (A) instead.",
                )
            return False
        db = self.session.db
        before = record
        restored: list[int] = []

        def do() -> None:
            attendance.remove_attendance(db, restored[0] if restored else before.id)

        def undo() -> None:
            change = attendance.restore_attendance(db, before)
            assert change.after is not None
            restored[:] = [change.after.id]

        ok = self.session.run(
            self, f"Taken off the register: {record.full_name}", do, undo, CHANGED_ATTENDANCE
        )
        if ok:
            self.reload()
        return ok

    def _member_ids(self) -> set[int]:
        db = self.session.db
        meeting_id = self.session.meeting.id
        return self.session.call(self, lambda: attendance.members_on(db, meeting_id)) or set()


def register_summary(records: list[AttendanceRecord]) -> str:
    members = [r for r in records if not r.also_present]
    present = [r for r in members if r.is_present]
    remote = sum(1 for r in present if r.remote)
    apologies = sum(1 for r in members if r.status == AttendanceStatus.APOLOGIES)
    absent = sum(1 for r in members if r.status == AttendanceStatus.ABSENT)
    also = sum(1 for r in records if r.also_present)
    chair = next((r.name for r in records if r.in_chair), "nobody yet")
    remote_text = f" ({remote} remote)" if remote else ""
    return (
        f"Present {len(present)}{remote_text} · Apologies {apologies} · Absent {absent} · "
        f"Also present {also} · In the Chair: {chair}"
    )


class SubstituteDialog(QDialog):
    """Whom does this person substitute for? Members who sent apologies or are absent come first."""

    def __init__(
        self, record: AttendanceRecord, choices: list[AttendanceRecord], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Substitute")
        keep_geometry(self, "substitute")
        away = [r for r in choices if not r.is_present]
        others = [r for r in choices if r.is_present]
        self.combo = QComboBox()
        for r in [*away, *others]:
            self.combo.addItem(f"{r.full_name} — {status_text(r)}", r.person_id)
        if record.substitute_for_id is not None:
            index = self.combo.findData(record.substitute_for_id)
            if index >= 0:
                self.combo.setCurrentIndex(index)
        form = QFormLayout()
        form.addRow(f"{record.full_name} substitutes for:", self.combo)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)

    def chosen(self) -> int | None:
        value = self.combo.currentData()
        return int(value) if value is not None else None


class ComingsDialog(QDialog):
    """The time and item of a late arrival or early departure."""

    def __init__(
        self,
        session: MinuteSession,
        record: AttendanceRecord,
        *,
        arrival: bool,
        at: time | None,
        item_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Arrived" if arrival else "Left")
        keep_geometry(self, "arrived_left")
        now = datetime.now().time()
        shown = at or now
        self.time_edit = QTimeEdit(QTime(shown.hour, shown.minute))
        self.time_edit.setDisplayFormat("HH:mm")
        self.item = QComboBox()
        self.item.addItem("(no item)", None)
        for item in session.items:
            self.item.addItem(f"{item.number}. {item.title}", item.id)
        wanted = (
            item_id if item_id is not None else (session.current_item.id if session.current_item else None)
        )
        index = self.item.findData(wanted)
        self.item.setCurrentIndex(max(index, 0))
        form = QFormLayout()
        form.addRow(QLabel(record.full_name))
        form.addRow("Time:", self.time_edit)
        form.addRow("During item:", self.item)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)

    def values(self) -> tuple[time, int | None]:
        value = self.time_edit.time()
        return time(value.hour(), value.minute()), self.item.currentData()
