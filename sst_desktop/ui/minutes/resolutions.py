"""The RESOLVED block of a minute: numbered resolutions, typed or inserted as standard phrases.

Each resolution is edited in place and saved as it is typed. The box under them takes a new one
(Enter adds it); the buttons, or Alt+1 … Alt+5, insert the standard phrases. "A further report be
submitted to the next meeting" also puts the item on the forward plan; "confirmed as a correct
record" confirms the previous meeting's minutes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.meeting_texts import not_held_reason
from sst_desktop.services.errors import EditConflictError
from sst_desktop.services.minutes import (
    Confirmation,
    MinuteRecord,
    QuickPhrase,
    QuickPhraseOption,
    ResolutionRecord,
)
from sst_desktop.services.records import Change
from sst_desktop.ui.minutes.conflict import ask_which
from sst_desktop.ui.minutes.session import MinuteSession
from sst_desktop.ui.minutes.widgets import GrowingTextEdit, clear_layout, new_entry_row
from sst_desktop.ui.operations import minutes
from sst_desktop.ui.widgets.accessible import rows_in_tab_order

# Alt+N inserts the N-th of these (the procedural phrase, where an item offers one, is Alt+5).
SHORTCUT_ORDER = (
    QuickPhrase.REPORT_NOTED,
    QuickPhrase.UPDATE_NOTED,
    QuickPhrase.THANKED,
    QuickPhrase.FURTHER_REPORT,
)
PROCEDURAL = (QuickPhrase.CORRECT_RECORD, QuickPhrase.NEXT_MEETING)
BUTTON_LABELS = {
    QuickPhrase.REPORT_NOTED: "Report noted",
    QuickPhrase.UPDATE_NOTED: "Update noted",
    QuickPhrase.THANKED: "Thank presenter",
    QuickPhrase.FURTHER_REPORT: "Further report",
    QuickPhrase.CORRECT_RECORD: "Correct record",
    QuickPhrase.NEXT_MEETING: "Next meeting",
}


def resolution_key(resolution_id: int) -> str:
    return f"resolution:{resolution_id}"


class ResolutionRow(QWidget):
    def __init__(self, record: ResolutionRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.number = QLabel()
        self.number.setObjectName("resolutionNumber")
        self.number.setFixedWidth(34)
        self.number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.edit = GrowingTextEdit(max_lines=8)
        self.edit.setObjectName("resolutionEdit")
        self.edit.setAccessibleName("Resolution")
        self.edit.set_text_quietly(record.text)
        self.basis = minutes.TextBasis(record.text)  # the wording its next save is based on
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setObjectName("removeButton")
        self.remove.setToolTip("Remove this resolution (Ctrl+Delete)")
        self.remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove.setFixedWidth(22)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)

    def set_number(self, number: int) -> None:
        self.number.setText(f"({number})")


class _RowKeys(QObject):
    """Ctrl+Delete removes a resolution; Alt+Shift+Up/Down moves it."""

    def __init__(self, owner: ResolutionsList) -> None:
        super().__init__(owner)
        self.owner = owner

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        row = self.owner.row_for_editor(watched)
        if row is None:
            return False
        mods = event.modifiers()
        if event.key() == Qt.Key.Key_Delete and mods == Qt.KeyboardModifier.ControlModifier:
            self.owner.remove_resolution(row.record.id)
            return True
        alt_shift = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
        if mods == alt_shift and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.owner.move_resolution(row.record.id, -1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return False


class ResolutionsList(QWidget):
    """RESOLVED: the minute's resolutions, numbered, with the standard phrases one key away."""

    changed = Signal(object)  # MinuteRecord after a change made here

    def __init__(self, session: MinuteSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.minute: MinuteRecord | None = None
        self.options: list[QuickPhraseOption] = []
        self.rows: dict[int, ResolutionRow] = {}
        self._keys = _RowKeys(self)

        title = QLabel("RESOLVED")
        title.setObjectName("sectionTitle")
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setSpacing(4)
        self.new_edit = GrowingTextEdit(max_lines=6)
        self.new_edit.setObjectName("newResolution")
        self.new_edit.setAccessibleName("New resolution")
        self.new_edit.setPlaceholderText(
            "Type a resolution (“That …” is added in the minutes) and press Enter"
        )
        self.new_edit.committed.connect(self.add_typed)
        self.new_number, new_row = new_entry_row(self.new_edit)

        self.phrase_bar = QGridLayout()
        self.phrase_bar.setHorizontalSpacing(6)
        self.phrase_bar.setVerticalSpacing(4)
        self.phrase_buttons: dict[QuickPhrase, QPushButton] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addLayout(self.rows_layout)
        layout.addLayout(new_row)
        layout.addLayout(self.phrase_bar)
        session.read_only_changed.connect(lambda _ro: self._apply_read_only())

    # Showing ------------------------------------------------------------------------------------
    def set_minute(self, minute: MinuteRecord | None, *, reload_phrases: bool = True) -> None:
        """Show ``minute``'s resolutions, keeping rows (and the caret) of those already shown."""
        new_minute = minute is None or self.minute is None or minute.id != self.minute.id
        self.minute = minute
        records = list(minute.resolutions) if minute is not None else []
        if new_minute:
            self._clear_rows()
            self.new_edit.set_text_quietly("")
        wanted = {r.id for r in records}
        row: ResolutionRow | None
        for resolution_id in list(self.rows):
            if resolution_id not in wanted:
                row = self.rows.pop(resolution_id)
                self.session.saver.discard(resolution_key(resolution_id))
                row.hide()
                row.deleteLater()
        for row in self.rows.values():
            self.rows_layout.removeWidget(row)
        for index, record in enumerate(records):
            row = self.rows.get(record.id)
            if row is None:
                row = self._make_row(record)
            elif not self.session.saver.is_pending(resolution_key(record.id)):
                if not row.edit.hasFocus() and row.edit.toPlainText() != record.text:
                    row.edit.set_text_quietly(record.text)
                if row.edit.toPlainText() == record.text:
                    row.basis = minutes.TextBasis(record.text)  # (else: typed over an older copy)
            row.record = record
            row.set_number(index + 1)
            self.rows_layout.addWidget(row)
            row.show()
        self.new_number.setText(f"({len(records) + 1})")
        rows_in_tab_order(self.ordered_rows(), self.new_edit)
        if reload_phrases or new_minute:
            self._load_phrases()
        self._apply_read_only()

    def _clear_rows(self) -> None:
        for row in self.rows.values():
            row.hide()
            row.deleteLater()
        self.rows.clear()

    def _make_row(self, record: ResolutionRecord) -> ResolutionRow:
        row = ResolutionRow(record)
        row.edit.textChanged.connect(lambda r=row: self._typed(r))
        row.edit.committed.connect(lambda r=row: self._next_after(r))
        row.edit.focus_left.connect(lambda r=row: self._left(r))
        row.edit.installEventFilter(self._keys)
        row.remove.clicked.connect(lambda _=False, r=row: self.remove_resolution(r.record.id))
        self.rows[record.id] = row
        row.edit.setReadOnly(self.session.read_only)
        return row

    def row_for_editor(self, editor: object) -> ResolutionRow | None:
        return next((r for r in self.rows.values() if r.edit is editor), None)

    def ordered_rows(self) -> list[ResolutionRow]:
        return sorted(self.rows.values(), key=lambda r: r.record.position)

    def _apply_read_only(self) -> None:
        read_only = self.session.read_only or self.minute is None
        self.new_edit.setReadOnly(read_only)
        # Confirmed minutes offer nothing to type into: no empty box, no phrases to insert.
        for widget in (self.new_edit, self.new_number):
            widget.setVisible(not self.session.read_only)
        for row in self.rows.values():
            row.edit.setReadOnly(self.session.read_only)
            row.remove.setVisible(not self.session.read_only)
        for button in self.phrase_buttons.values():
            button.setEnabled(not read_only)
            button.setVisible(not self.session.read_only)

    # Standard phrases ---------------------------------------------------------------------------
    def _load_phrases(self) -> None:
        clear_layout(self.phrase_bar)
        self.phrase_buttons.clear()
        self.options = []
        if self.minute is None:
            return
        minute_id = self.minute.id
        minutes.quick_phrases(self.session.context, self, minute_id).success(
            lambda options: self._show_phrases(minute_id, options)
        ).run()

    def _show_phrases(self, minute_id: int, options: list[QuickPhraseOption]) -> None:
        if self.minute is None or self.minute.id != minute_id:
            return  # another minute is shown by now
        self.options = options
        column = 0
        for number, phrase in enumerate(SHORTCUT_ORDER, 1):
            self._add_phrase_button(phrase, f"Alt+{number}", column)
            column += 1
        for phrase in PROCEDURAL:
            if any(o.phrase == phrase for o in self.options):
                self._add_phrase_button(phrase, "Alt+5", column)
                column += 1
        self.phrase_bar.setColumnStretch(column, 1)
        self._apply_read_only()

    def _add_phrase_button(self, phrase: QuickPhrase, shortcut: str, column: int) -> None:
        matching = [o for o in self.options if o.phrase == phrase]
        if not matching:
            return
        button = QPushButton(f"{BUTTON_LABELS[phrase]}   {shortcut}")
        button.setObjectName("phraseButton")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setToolTip(f"“{matching[0].text}” ({shortcut})")
        button.clicked.connect(lambda _=False, p=phrase: self.insert_phrase(p))
        self.phrase_buttons[phrase] = button
        self.phrase_bar.addWidget(button, 0, column)

    def insert_shortcut(self, number: int) -> bool:
        """Alt+``number``: 1–4 the standard phrases, 5 the item's procedural phrase."""
        if 1 <= number <= len(SHORTCUT_ORDER):
            return self.insert_phrase(SHORTCUT_ORDER[number - 1])
        if number == 5:
            for phrase in PROCEDURAL:
                if any(o.phrase == phrase for o in self.options):
                    return self.insert_phrase(phrase)
        return False

    def insert_phrase(self, phrase: QuickPhrase, presenter: str | None = None) -> bool:
        if self.minute is None or self.session.refuse_if_read_only(self):
            return False
        matching = [o for o in self.options if o.phrase == phrase]
        if not matching:
            return False
        if phrase == QuickPhrase.THANKED and presenter is None and len(matching) > 1:
            chosen = self._choose_presenter(matching)
            if chosen is None:
                return False
            presenter = chosen
        option = next((o for o in matching if presenter is None or o.presenter == presenter), matching[0])
        if phrase == QuickPhrase.CORRECT_RECORD:
            return self.confirm_previous(option)
        op = minutes.insert_phrase(self.session.context, self, self.minute.id, option)
        return self.session.go(self, op, self._changed_minute)

    def _choose_presenter(self, options: list[QuickPhraseOption]) -> str | None:
        menu = QMenu(self)
        for option in options:
            menu.addAction(option.text).setData(option.presenter)
        button = self.phrase_buttons.get(QuickPhrase.THANKED)
        where = (
            button.mapToGlobal(button.rect().bottomLeft())
            if button
            else self.mapToGlobal(self.rect().center())
        )
        chosen = menu.exec(where)
        return chosen.data() if chosen is not None else None

    def confirm_previous(self, option: QuickPhraseOption) -> bool:
        """Resolve the previous minutes a correct record: they are frozen from then on.

        Not an undo step: a confirmation recorded in error is taken back only by Withdraw
        confirmation…, with a reason kept in the audit trail."""
        if self.minute is None:
            return False
        meeting = self.session.meeting
        refused = not_held_reason(meeting.date, meeting.status)
        if refused:  # the service refuses it too; say so before asking
            QMessageBox.warning(self, "The previous minutes cannot be confirmed yet", refused)
            return False
        answer = QMessageBox.question(
            self,
            "Confirm the previous minutes",
            f"Record that {option.text}?\n\nThose minutes can no longer be changed once confirmed. "
            "Undo does not take a confirmation back: if it is recorded in error, use Withdraw "
            "confirmation… on this item and give the reason.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        op = minutes.confirm_previous_minutes(self.session.context, self, self.minute.id)
        return self.session.go(self, op, self._confirmed)

    def _confirmed(self, confirmation: Confirmation) -> None:
        self._after_change(confirmation.minute)

    # Typing -------------------------------------------------------------------------------------
    def _typed(self, row: ResolutionRow) -> None:
        if self.session.read_only:
            return
        text = row.edit.toPlainText()
        key = resolution_key(row.record.id)
        if not text.strip():
            self.session.saver.discard(key)  # an emptied resolution is removed when left
            return
        typed = minutes.resolution_typed(self.session.context, row.record.id, text, row.basis)
        self.session.saver.schedule(key, typed)

    def resolve_conflict(self, key: str, conflict: EditConflictError) -> bool:
        """Another officer reworded a resolution this officer was typing: show both, and go on with
        the wording the officer chooses. False when ``key`` is not a resolution shown here."""
        row = next((r for r in self.rows.values() if resolution_key(r.record.id) == key), None)
        if row is None:
            return False
        number = self.ordered_rows().index(row) + 1
        chosen = ask_which(self.window(), row.edit.toPlainText(), conflict, f"resolution ({number})")
        if self.rows.get(row.record.id) is not row:
            return True  # removed meanwhile
        row.basis = minutes.TextBasis(conflict.theirs)
        row.edit.set_text_quietly(chosen)
        row.edit.moveCursor(QTextCursor.MoveOperation.End)  # typing goes on after it
        if chosen != conflict.theirs:
            self._typed(row)
        return True

    def _left(self, row: ResolutionRow) -> None:
        if self.session.read_only or row.record.id not in self.rows:
            return
        if not row.edit.toPlainText().strip():
            self.remove_resolution(row.record.id)

    def _next_after(self, row: ResolutionRow) -> None:
        ordered = self.ordered_rows()
        index = ordered.index(row) if row in ordered else -1
        if 0 <= index < len(ordered) - 1:
            ordered[index + 1].edit.setFocus()
        else:
            self.new_edit.setFocus()

    def focus_new(self) -> None:
        self.new_edit.setFocus()

    def add_typed(self) -> bool:
        """Enter in the new-resolution box: add what was typed (the box empties once it is saved)."""
        text = self.new_edit.toPlainText().strip()
        if not text or self.minute is None:
            return False
        return self.add_resolution(text)

    def add_resolution(self, text: str) -> bool:
        if self.minute is None:
            return False

        def added(change: Change[MinuteRecord]) -> None:
            if self.new_edit.toPlainText().strip() == text:
                self.new_edit.set_text_quietly("")
                self.new_edit.setFocus()
            self._changed_minute(change)

        op = minutes.add_resolution(self.session.context, self, self.minute.id, text)
        return self.session.go(self, op, added)

    def remove_resolution(self, resolution_id: int) -> bool:
        row = self.rows.get(resolution_id)
        if row is None or self.minute is None:
            return False
        self.session.saver.discard(resolution_key(resolution_id))

        def removed(change: Change[MinuteRecord]) -> None:
            self._changed_minute(change)
            self.new_edit.setFocus()

        op = minutes.remove_resolution(self.session.context, self, resolution_id)
        return self.session.go(self, op, removed)

    def move_resolution(self, resolution_id: int, step: int) -> bool:
        row = self.rows.get(resolution_id)
        if row is None or self.minute is None:
            return False
        old = row.record.position
        new = max(0, min(len(self.rows) - 1, old + step))
        if new == old:
            return False

        def moved(change: Change[MinuteRecord]) -> None:
            self._changed_minute(change)
            if resolution_id in self.rows:
                self.rows[resolution_id].edit.setFocus()

        op = minutes.move_resolution(self.session.context, self, resolution_id, new)
        return self.session.go(self, op, moved)

    def _changed_minute(self, change: Change[MinuteRecord]) -> None:
        if change.after is not None:
            self._after_change(change.after)

    def _after_change(self, minute: MinuteRecord) -> None:
        self.set_minute(minute, reload_phrases=False)
        self.changed.emit(minute)

    def texts(self) -> list[str]:
        return [r.edit.toPlainText() for r in self.ordered_rows()]
