"""The minute of the current agenda item: heading, outcome, references to earlier minutes, narrative,
resolutions, actions, declarations — and, for the procedural items, what they need (the register's
apologies, the previous minutes' confirmation, the open actions)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.domain.agenda_labels import item_references
from sst_desktop.domain.enums import ItemKind, MinuteOutcome, ProceduralRole
from sst_desktop.services.agenda import AgendaItemRecord
from sst_desktop.services.errors import EditConflictError
from sst_desktop.services.minutes import MinuteRecord
from sst_desktop.services.records import Change
from sst_desktop.ui.history_dialog import history_button
from sst_desktop.ui.minutes.actions_list import ActionsList
from sst_desktop.ui.minutes.conflict import ask_which
from sst_desktop.ui.minutes.declarations import DeclarationsPanel
from sst_desktop.ui.minutes.forms_panel import MinuteFormPanel
from sst_desktop.ui.minutes.language_marks import highlight_languages
from sst_desktop.ui.minutes.matters import MattersArisingPanel
from sst_desktop.ui.minutes.presence import PresenceLabel
from sst_desktop.ui.minutes.procedure_note import ProcedureNote
from sst_desktop.ui.minutes.references import MinuteReferences
from sst_desktop.ui.minutes.resolutions import ResolutionsList
from sst_desktop.ui.minutes.session import MinuteSession
from sst_desktop.ui.operations import minutes
from sst_desktop.ui.widgets.column_fit import vertical_scroll


def text_key(minute_id: int) -> str:
    return f"text:{minute_id}"


def summary_key(minute_id: int) -> str:
    return f"summary:{minute_id}"


HEADING_PLACEHOLDER = "Heading of the minute"
NARRATIVE_PLACEHOLDER = "What was reported and discussed…"


def heading_key(minute_id: int) -> str:
    return f"heading:{minute_id}"


def is_matters_arising(item: AgendaItemRecord | None) -> bool:
    return item is not None and (
        item.kind == ItemKind.ACTION_LOG or item.procedural_role == ProceduralRole.MATTERS_ARISING
    )


class _RefuseTyping(QObject):
    """On confirmed minutes, a key that would type says why nothing changes."""

    def __init__(self, session: MinuteSession, parent: QObject) -> None:
        super().__init__(parent)
        self.session = session

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.session.read_only
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and (event.text().strip() or event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete))
            and not event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            self.session.refuse_if_read_only(watched if isinstance(watched, QWidget) else None)
            return True
        return False


class MinuteEditor(QWidget):
    """Everything about one item's minute. ``set_item`` shows another item (after a flush)."""

    minute_changed = Signal(object)  # MinuteRecord, after an edit (the agenda's marks follow it)
    register_requested = Signal()

    def __init__(self, session: MinuteSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item: AgendaItemRecord | None = None
        self.minute: MinuteRecord | None = None
        self._basis: minutes.TextBasis | None = None  # the text its next save is based on
        self._heading_basis: minutes.TextBasis | None = None  # the heading its next save is based on
        self._refuser = _RefuseTyping(session, self)

        # Heading line ---------------------------------------------------------------------------
        self.place = QLabel()
        self.place.setObjectName("minutePlace")
        self.presenters = QLabel()
        self.presenters.setObjectName("muted")
        self.exempt = QLabel()
        self.exempt.setObjectName("exemptTag")
        self.exempt.hide()
        self.heading = QLineEdit()
        self.heading.setObjectName("minuteHeading")
        self.heading.setAccessibleName("Heading of the minute")
        self.heading.setPlaceholderText(HEADING_PLACEHOLDER)
        self.heading.textEdited.connect(self._heading_typed)
        self.heading.installEventFilter(self._refuser)

        self.outcomes = QButtonGroup(self)
        outcome_row = QHBoxLayout()
        outcome_row.setSpacing(10)
        self.outcome_buttons: dict[MinuteOutcome, QRadioButton] = {}
        for outcome, label in (
            (MinuteOutcome.TAKEN, "Taken"),
            (MinuteOutcome.DEFERRED, "Deferred"),
            (MinuteOutcome.WITHDRAWN, "Withdrawn"),
        ):
            button = QRadioButton(label)
            button.setObjectName(f"outcome_{outcome.value}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.outcomes.addButton(button)
            self.outcome_buttons[outcome] = button
            button.clicked.connect(lambda _=False, o=outcome: self.set_outcome(o))
            outcome_row.addWidget(button)

        top = QHBoxLayout()
        top.addWidget(self.place)
        top.addWidget(self.exempt)
        top.addStretch(1)
        top.addLayout(outcome_row)

        # References -----------------------------------------------------------------------------
        self.references = MinuteReferences(session)
        self.references.changed.connect(self._changed_here)
        self.references_box = self.references.box
        self.reference_button = self.references.button
        self.history_button = history_button(  # who changed this minute, when, from what
            self, session.context, "minute", self._minute_id_for_history, self._history_title
        )
        self.history_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.references.row.addWidget(self.history_button)

        # Procedural notes (apologies from the register, previous minutes…) -----------------------
        self.note_frame = ProcedureNote(session)
        self.note_frame.register_requested.connect(self.register_requested.emit)
        self.note_frame.withdrawn.connect(lambda _result: self.reload())
        self.note = self.note_frame.note
        self.withdraw_button = self.note_frame.withdraw_button

        # Narrative ------------------------------------------------------------------------------
        self.narrative = QPlainTextEdit()
        self.narrative.setObjectName("narrative")
        self.narrative.setAccessibleName("Minute")
        self.narrative.setPlaceholderText(NARRATIVE_PLACEHOLDER)
        self.narrative.setTabChangesFocus(True)
        self.narrative.textChanged.connect(self._narrative_typed)
        self.narrative.installEventFilter(self._refuser)
        self.summary_label = QLabel(
            "Published summary (the public minutes print this in place of the discussion)"
        )
        self.summary_label.setObjectName("muted")
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("publicSummary")
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(90)
        self.summary.textChanged.connect(self._summary_typed)
        self.summary.installEventFilter(self._refuser)
        for box in (self.narrative, self.summary):
            highlight_languages(box)

        # Another officer typing in this minute meanwhile -----------------------------------------
        self.presence = PresenceLabel(session.context, lambda: self.minute.id if self.minute else None)
        for typing in (self.narrative.textChanged, self.summary.textChanged, self.heading.textEdited):
            typing.connect(self._typed_here)

        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(16, 12, 16, 6)
        upper_layout.setSpacing(6)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.presence)
        upper_layout.addWidget(self.heading)
        upper_layout.addWidget(self.presenters)
        upper_layout.addWidget(self.references)
        upper_layout.addWidget(self.note_frame)
        upper_layout.addWidget(self.narrative, 1)
        upper_layout.addWidget(self.summary_label)
        upper_layout.addWidget(self.summary)

        # Lower part: resolutions, actions, declarations, matters arising -------------------------
        self.resolutions = ResolutionsList(session)
        self.resolutions.changed.connect(self._resolutions_changed)
        self.actions_list = ActionsList(session)
        self.actions_list.changed.connect(lambda: self.minute_changed.emit(self.minute))
        self.declarations = DeclarationsPanel(session)
        self.all_declarations = DeclarationsPanel(session, whole_meeting=True)
        self.matters = MattersArisingPanel(session)
        self.forms = MinuteFormPanel(session)
        self.forms.changed.connect(self._form_changed)
        for editor in (self.resolutions.new_edit, self.actions_list.new_edit):
            editor.installEventFilter(self._refuser)

        lower = QWidget()
        lower.setObjectName("lowerPane")
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(16, 8, 16, 16)
        lower_layout.setSpacing(14)
        lower_layout.addWidget(self.all_declarations)
        lower_layout.addWidget(self.matters)
        lower_layout.addWidget(self.resolutions)
        lower_layout.addWidget(self.forms)
        lower_layout.addWidget(self.actions_list)
        lower_layout.addWidget(self.declarations)
        lower_layout.addStretch(1)
        self.scroll_area = vertical_scroll(lower)
        self.scroll_area.setObjectName("lowerScroll")

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("minuteSplitter")
        self.splitter.addWidget(upper)
        self.splitter.addWidget(self.scroll_area)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.setFocusProxy(self.narrative)
        session.read_only_changed.connect(lambda _ro: self._apply_read_only())
        self._apply_read_only()

    # Showing an item ----------------------------------------------------------------------------
    def _minute_id_for_history(self) -> int | None:
        self.session.saver.flush()  # the history then includes what was typed a moment ago
        return self.minute.id if self.minute is not None else None

    def _history_title(self) -> str:
        return f"{self.place.text()} — {self.heading.text()}"

    def set_item(self, item: AgendaItemRecord, minute: MinuteRecord | None) -> None:
        self.presence.left(self.minute.id if self.minute is not None else None)
        self.item = item
        self.minute = minute
        number = (
            f"Minute {minute.number}" if minute is not None and minute.number else "Minute (no number yet)"
        )
        reference = item_references(self.session.items).get(item.id, "")
        where = f"Item {reference}" if reference else "Unnumbered item"  # as the agenda prints it
        self.place.setText(f"{where}  ·  {number}  ·  {item.kind.label}")
        presenters = item.presenters_display or (", ".join(minute.presenters) if minute else "")
        self.presenters.setText(f"Presenter: {presenters}" if presenters else "")
        self.presenters.setVisible(bool(presenters))
        self.exempt.setText(
            "EXEMPT · paragraph " + ", ".join(str(p) for p in item.exempt_paragraphs)
            if item.is_exempt
            else ""
        )
        self.exempt.setVisible(item.is_exempt)
        self.summary_label.setVisible(item.is_exempt)
        self.summary.setVisible(item.is_exempt)
        self._show_minute(minute, new_item=True)
        role = item.procedural_role
        self.all_declarations.setVisible(role == ProceduralRole.DECLARATIONS)
        if role == ProceduralRole.DECLARATIONS:
            self.all_declarations.reload()
        # Declarations are made on items of business; the procedural items need none of their own.
        self.declarations.setVisible(role is None or role == ProceduralRole.MATTERS_ARISING)
        self.declarations.set_item(item.id)
        self.matters.setVisible(is_matters_arising(item))
        if is_matters_arising(item):
            self.matters.load()
        self.actions_list.set_minute(minute.id if minute else None)
        self.update_note()
        self._apply_read_only()

    def _show_minute(self, minute: MinuteRecord | None, *, new_item: bool = False) -> None:
        self.minute = minute
        self.presence.refresh()
        saver = self.session.saver
        if minute is None:
            self.heading.setText("")
            self._set_plain(self.narrative, "")
            self._set_plain(self.summary, "")
        else:
            heading_free = not self.heading.hasFocus() and not saver.is_pending(heading_key(minute.id))
            if (new_item or heading_free) and self.heading.text() != minute.heading:
                self.heading.setText(minute.heading)
                self.heading.setCursorPosition(0)
            if new_item or (
                not saver.is_pending(heading_key(minute.id)) and self.heading.text() == minute.heading
            ):
                self._heading_basis = minutes.TextBasis(minute.heading)  # what the next save is based on
            text_free = new_item or not saver.is_pending(text_key(minute.id))
            if text_free:
                self._basis = minutes.TextBasis(minute.text)  # the next save is based on this
                if self.narrative.toPlainText() != minute.text:
                    self._set_plain(self.narrative, minute.text)
            summary_free = new_item or not saver.is_pending(summary_key(minute.id))
            if summary_free and self.summary.toPlainText() != minute.public_summary:
                self._set_plain(self.summary, minute.public_summary)
            self.outcome_buttons[minute.outcome].setChecked(True)
        self.references.show_minute(minute)
        self.forms.show_minute(minute, self.item.procedural_role if self.item is not None else None)
        self.resolutions.set_minute(minute, reload_phrases=new_item)

    @staticmethod
    def _set_plain(editor: QPlainTextEdit, text: str) -> None:
        blocked = editor.blockSignals(True)
        editor.setPlainText(text)
        editor.blockSignals(blocked)

    def reload(self) -> None:
        """Read the minute again (after an undo, or another window's change)."""
        if self.minute is None:
            return
        minute_id = self.minute.id
        minutes.get_minute(self.session.context, self, minute_id).success(
            lambda fresh: self._reloaded(minute_id, fresh)
        ).run()

    def _reloaded(self, minute_id: int, fresh: MinuteRecord) -> None:
        if self.minute is None or self.minute.id != minute_id:
            return  # another item is shown by now
        self._show_minute(fresh)
        self.actions_list.reload()
        self.declarations.reload()
        if self.all_declarations.isVisible():
            self.all_declarations.reload()
        self.update_note()
        self.minute_changed.emit(fresh)

    def _apply_read_only(self) -> None:
        read_only = self.session.read_only
        for editor in (self.heading, self.narrative, self.summary):
            editor.setReadOnly(read_only)
        # An empty part of confirmed minutes stays empty: no invitation to type.
        self.heading.setPlaceholderText("" if read_only else HEADING_PLACEHOLDER)
        self.narrative.setPlaceholderText("" if read_only else NARRATIVE_PLACEHOLDER)
        for button in self.outcome_buttons.values():
            button.setEnabled(not read_only)
        self.references.apply_read_only()
        self.forms.apply_read_only()

    # Procedural notes ---------------------------------------------------------------------------
    def update_note(self) -> None:
        self.note_frame.show_for(self.item, self.minute)

    # Typing -------------------------------------------------------------------------------------
    def _narrative_typed(self) -> None:
        if self.minute is None or self.session.read_only:
            return
        typed = minutes.text_typed(
            self.session.context, self.minute.id, self.narrative.toPlainText(), self._basis
        )
        self.session.saver.schedule(text_key(self.minute.id), typed)

    def resolve_conflict(self, key: str, conflict: EditConflictError) -> bool:
        """Another officer saved what this officer was typing (the save of ``key``): show both, and go
        on with what the officer chooses (saved over theirs, unless it is theirs). False when ``key``
        is not shown here any more."""
        minute = self.minute
        if minute is None:
            return False
        if key == text_key(minute.id):
            self._resolve_text(minute, conflict)
            return True
        if key == heading_key(minute.id):
            self._resolve_heading(minute, conflict)
            return True
        return self.resolutions.resolve_conflict(key, conflict) or self.actions_list.resolve_conflict(
            key, conflict
        )

    def _resolve_text(self, minute: MinuteRecord, conflict: EditConflictError) -> None:
        chosen = ask_which(
            self.window(), self.narrative.toPlainText(), conflict, f"the text of “{minute.heading}”"
        )
        if self.minute is None or self.minute.id != minute.id:
            return
        self._basis = minutes.TextBasis(conflict.theirs)
        self._set_plain(self.narrative, chosen)
        if chosen != conflict.theirs:
            self._narrative_typed()

    def _resolve_heading(self, minute: MinuteRecord, conflict: EditConflictError) -> None:
        chosen = ask_which(self.window(), self.heading.text(), conflict, "the heading of this minute")
        if self.minute is None or self.minute.id != minute.id:
            return
        self._heading_basis = minutes.TextBasis(conflict.theirs)
        self.heading.setText(chosen)
        if chosen != conflict.theirs:
            self._heading_typed(chosen)

    def _typed_here(self, *_typed: object) -> None:
        if not self.session.read_only:
            self.presence.typed()

    def _summary_typed(self) -> None:
        if self.minute is None or self.session.read_only:
            return
        typed = minutes.summary_typed(self.session.context, self.minute.id, self.summary.toPlainText())
        self.session.saver.schedule(summary_key(self.minute.id), typed)

    def _heading_typed(self, text: str) -> None:
        if self.minute is None or self.session.read_only:
            return
        key = heading_key(self.minute.id)
        if not text.strip():
            self.session.saver.discard(key)  # a minute keeps a heading; an empty one is not saved
            return
        typed = minutes.heading_typed(self.session.context, self.minute.id, text, self._heading_basis)
        self.session.saver.schedule(key, typed)

    # Outcome and references ---------------------------------------------------------------------
    def set_outcome(self, outcome: MinuteOutcome) -> bool:
        if self.minute is None:
            return False
        if self.minute.outcome == outcome:
            return True
        op = minutes.set_outcome(self.session.context, self, self.minute.id, outcome)
        if not self.session.go(self, op, self._outcome_set):
            self.outcome_buttons[self.minute.outcome].setChecked(True)  # refused: as stored
            return False
        return True

    def _outcome_set(self, change: Change[MinuteRecord]) -> None:
        if change.after is not None:
            self._changed_here(change.after)
            self.update_note()

    def toggle_outcome(self, outcome: MinuteOutcome) -> bool:
        if self.minute is None:
            return False
        wanted = MinuteOutcome.TAKEN if self.minute.outcome == outcome else outcome
        return self.set_outcome(wanted)

    def pick_reference(self) -> bool:
        return self.references.pick()

    def add_reference(self, referenced_minute_id: int) -> bool:
        return self.references.add(referenced_minute_id)

    def remove_reference(self, reference_id: int) -> bool:
        return self.references.remove(reference_id)

    def _changed_here(self, minute: MinuteRecord) -> None:
        """A change made in this editor came back: show it, and the agenda's mark follows."""
        if self.minute is None or self.minute.id != minute.id:
            return
        self._show_minute(minute)
        self.minute_changed.emit(minute)

    def _form_changed(self, minute: MinuteRecord) -> None:
        """A form field saved: the standard phrases follow it (two meetings confirmed, "subject to")."""
        self._changed_here(minute)
        self.resolutions.set_minute(minute, reload_phrases=True)

    def _resolutions_changed(self, minute: MinuteRecord) -> None:
        self.minute = minute
        self.update_note()
        self.minute_changed.emit(minute)
