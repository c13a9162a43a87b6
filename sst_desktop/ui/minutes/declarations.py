"""Declarations of interest: who declared what kind of interest on which item, and what they did."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.agenda_labels import item_labels, printed_label
from sst_desktop.domain.enums import DeclarationAction, InterestKind
from sst_desktop.domain.meeting_texts import join_names
from sst_desktop.domain.patch import UNSET
from sst_desktop.services.attendance import AttendanceRecord
from sst_desktop.services.declarations import DeclarationPatch, DeclarationRecord
from sst_desktop.services.outcome import Changed
from sst_desktop.ui import theme
from sst_desktop.ui.minutes.session import MinuteSession
from sst_desktop.ui.operations import attendance, minutes
from sst_desktop.ui.widgets.person_picker import PersonPicker
from sst_desktop.ui.window_geometry import keep_geometry

NONE_DECLARED = "No declarations of any disclosable pecuniary interests or personal interests were received."


class DeclarationDialog(QDialog):
    """Person, item, kind of interest, its nature, and what they did — Tab through, Enter to record.

    A new declaration starts with no kind and no action chosen: the first entries of those lists are
    the most serious (disclosable pecuniary, withdrew from the room), and a default would put them on
    the record unnoticed. Record says what is still to choose.
    """

    def __init__(
        self,
        session: MinuteSession,
        register: list[AttendanceRecord],
        *,
        record: DeclarationRecord | None = None,
        item_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Declaration of interest")
        keep_geometry(self, "declaration")
        self.setMinimumWidth(560)

        self.person = QComboBox()
        self.person.setObjectName("declarationPerson")
        present = [r for r in register if r.is_present or r.also_present]
        others = [r for r in register if not (r.is_present or r.also_present)]
        for r in [*present, *others]:
            self.person.addItem(r.full_name, r.person_id)
        self.person.addItem("Someone else (type the name below)…", None)
        self.other = PersonPicker(
            session.context, placeholder="Type the name of someone not on the register…"
        )
        self.other.setObjectName("declarationOtherPerson")
        self.other.setVisible(False)
        self.person.currentIndexChanged.connect(self._person_chosen)

        self.item = QComboBox()
        self.item.setObjectName("declarationItem")
        self.item.addItem("(the meeting generally)", None)
        labels = item_labels(session.items)  # as the agenda prints them: "1.", "(A)", or none
        for item in session.items:
            self.item.addItem(f"{printed_label(labels[item.id])} {item.title}".strip(), item.id)

        self.kind = QComboBox()
        self.kind.setObjectName("declarationKind")
        self.kind.setPlaceholderText("Choose the kind of interest…")
        for kind in InterestKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.setCurrentIndex(-1)
        self.nature = QLineEdit()
        self.nature.setObjectName("declarationNature")
        self.nature.setPlaceholderText("e.g. Trustee of a charity named in the report")
        self.action = QComboBox()
        self.action.setObjectName("declarationAction")
        self.action.setPlaceholderText("Choose what they did…")
        for action in DeclarationAction:
            self.action.addItem(action.label, action.value)
        self.action.setCurrentIndex(-1)
        self.missing = QLabel()
        self.missing.setObjectName("declarationMissing")
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet(theme.text_style("error_text"))
        self.missing.setVisible(False)

        if record is not None:
            index = self.person.findData(record.person_id)
            if index < 0:
                self.person.insertItem(0, record.person_name, record.person_id)
                index = 0
            self.person.setCurrentIndex(index)
            self.item.setCurrentIndex(max(0, self.item.findData(record.agenda_item_id)))
            self.kind.setCurrentIndex(self.kind.findData(record.kind.value))
            self.nature.setText(record.nature)
            self.action.setCurrentIndex(self.action.findData(record.action.value))
        else:
            self.item.setCurrentIndex(max(0, self.item.findData(item_id)))

        form = QFormLayout()
        form.addRow("Who:", self.person)
        form.addRow("", self.other)
        form.addRow("Item:", self.item)
        form.addRow("Kind of interest:", self.kind)
        form.addRow("Nature:", self.nature)
        form.addRow("What they did:", self.action)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Record")
        box.accepted.connect(self._accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.missing)
        layout.addWidget(box)
        self.person.setFocus()

    def _person_chosen(self, _index: int) -> None:
        other = self.person.currentData() is None
        self.other.setVisible(other)
        if other:
            self.other.setFocus()

    def person_id(self) -> int | None:
        value = self.person.currentData()
        if value is None:
            return self.other.person_id()
        return int(value)

    def values(self) -> DeclarationPatch:
        """What was chosen (only once ``missing_choices`` is empty)."""
        person_id = self.person_id()
        return DeclarationPatch(
            person_id=person_id if person_id is not None else UNSET,
            agenda_item_id=self.item.currentData(),
            kind=InterestKind(self.kind.currentData()),
            nature=self.nature.text(),
            action=DeclarationAction(self.action.currentData()),
        )

    def missing_choices(self) -> list[tuple[str, QWidget]]:
        """What is still to choose, in the order of the form, with the field that takes it."""
        missing: list[tuple[str, QWidget]] = []
        if self.person_id() is None:
            missing.append(
                ("who declared it", self.other if self.person.currentData() is None else self.person)
            )
        if self.kind.currentIndex() < 0:
            missing.append(("the kind of interest", self.kind))
        if self.action.currentIndex() < 0:
            missing.append(("what they did", self.action))
        return missing

    def _accept(self) -> None:
        missing = self.missing_choices()
        if missing:
            listed = join_names(name for name, _ in missing)
            self.missing.setText(f"Choose {listed} before recording the declaration.")
            self.missing.setVisible(True)
            missing[0][1].setFocus()
            return
        self.accept()


class DeclarationsTable(QTableWidget):
    edit_requested = Signal()
    remove_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_requested.emit()
            return
        if event.key() == Qt.Key.Key_Delete:
            self.remove_requested.emit()
            return
        super().keyPressEvent(event)


class DeclarationsPanel(QWidget):
    """The declarations of one item, or (``whole_meeting``) of the whole meeting."""

    changed = Signal()

    def __init__(
        self, session: MinuteSession, *, whole_meeting: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.whole_meeting = whole_meeting
        self.item_id: int | None = None
        self.records: list[DeclarationRecord] = []

        self.title = QLabel("DECLARATIONS OF INTEREST")
        self.title.setObjectName("sectionTitle")
        self.none_label = QLabel(NONE_DECLARED if whole_meeting else "None declared on this item.")
        self.none_label.setObjectName("muted")
        self.none_label.setWordWrap(True)
        self.table = DeclarationsTable()
        self.table.setObjectName("declarationsTable")
        headers = ["Who", "Kind", "Nature", "What they did"] + (["Item"] if whole_meeting else [])
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.table.edit_requested.connect(self.edit_current)
        self.table.remove_requested.connect(self.remove_current)

        self.add_button = QPushButton("Declare an interest…   Ctrl+D")
        self.add_button.setObjectName("declareButton")
        self.add_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.add_button.clicked.connect(self.declare)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.none_label)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        session.read_only_changed.connect(lambda _ro: self._apply_read_only())
        session.context.changed.connect(self._changed)
        self._apply_read_only()

    def _apply_read_only(self) -> None:
        self.add_button.setEnabled(not self.session.read_only)
        self.remove_button.setEnabled(not self.session.read_only and bool(self.records))
        for button in (self.add_button, self.remove_button):  # confirmed minutes: no changes offered
            button.setVisible(not self.session.read_only)

    def set_item(self, item_id: int | None) -> None:
        self.item_id = item_id
        self.reload()

    def _changed(self, changed: object) -> None:
        if isinstance(changed, Changed) and changed & Changed.DECLARATIONS and shiboken6.isValid(self):
            self.reload()  # an edit here, or Undo/Redo in this window or another

    def reload(self) -> None:
        minutes.list_declarations(self.session.context, self, self.session.meeting.id).success(
            self._show
        ).run()

    def _show(self, records: list[DeclarationRecord]) -> None:
        if not self.whole_meeting:
            records = [r for r in records if r.agenda_item_id == self.item_id]
        self.records = records
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            cells = [record.person_name, record.kind.label, record.nature, record.action.label]
            if self.whole_meeting:
                cells.append(
                    f"{record.item_number}. {record.item_title}" if record.item_number else "Generally"
                )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        self.table.setVisible(bool(records))
        self.none_label.setVisible(not records)
        height = self.table.horizontalHeader().height() + sum(
            self.table.rowHeight(r) for r in range(len(records))
        )
        self.table.setFixedHeight(height + 4)
        self._apply_read_only()
        self.changed.emit()

    def current(self) -> DeclarationRecord | None:
        row = self.table.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def declare(self) -> bool:
        """Ask who declared what (the register read first, off the GUI thread), then record it."""
        if self.session.refuse_if_read_only(self):
            return False
        item_id = self.item_id if not self.whole_meeting else None

        def ask(register: list[AttendanceRecord]) -> None:
            dialog = DeclarationDialog(self.session, register, item_id=item_id, parent=self.window())
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.add(dialog.values())

        attendance.list_attendance(self.session.context, self, self.session.meeting.id).success(ask).run()
        return True

    def add(self, details: DeclarationPatch) -> bool:
        op = minutes.add_declaration(self.session.context, self, self.session.meeting.id, details)
        return self.session.go(self, op)

    def edit_current(self) -> bool:
        record = self.current()
        if record is None or self.session.refuse_if_read_only(self):
            return False

        def ask(register: list[AttendanceRecord]) -> None:
            dialog = DeclarationDialog(self.session, register, record=record, parent=self.window())
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.session.go(
                    self, minutes.update_declaration(self.session.context, self, record, dialog.values())
                )

        attendance.list_attendance(self.session.context, self, self.session.meeting.id).success(ask).run()
        return True

    def remove_current(self) -> bool:
        record = self.current()
        if record is None:
            return False
        return self.session.go(self, minutes.remove_declaration(self.session.context, self, record))
