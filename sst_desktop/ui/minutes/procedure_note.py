"""The note a procedural item shows above its minute: the apologies from the register, whether the
previous minutes are confirmed (and the way to withdraw a confirmation made here), what to do for
declarations, or that the item was deferred or withdrawn."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from sst_desktop.domain.enums import AttendanceStatus, MinuteOutcome, ProceduralRole
from sst_desktop.domain.meeting_texts import join_names, plain_date
from sst_desktop.services.agenda import AgendaItemRecord
from sst_desktop.services.attendance import AttendanceRecord
from sst_desktop.services.minutes import Confirmation, MeetingRef, MinuteRecord
from sst_desktop.ui.minutes.sentence_dialog import SentenceDialog
from sst_desktop.ui.minutes.session import MinuteSession
from sst_desktop.ui.minutes.withdraw import withdraw_confirmation
from sst_desktop.ui.operations import attendance, minutes, styles
from sst_desktop.ui.widgets.change_dialog import run_modal

SENTENCE_KINDS = {ProceduralRole.APOLOGIES: "apologies", ProceduralRole.DECLARATIONS: "declarations"}


def apologies_note(register: list[AttendanceRecord]) -> str:
    away = [r.name for r in register if r.status == AttendanceStatus.APOLOGIES and not r.also_present]
    subs = [
        f"{r.name} (substituting for {r.substitute_for_name})"
        for r in register
        if r.status == AttendanceStatus.SUBSTITUTE
    ]
    text = (
        f"From the register: apologies for absence were received from {join_names(away)}."
        if away
        else "From the register: no apologies for absence have been marked yet."
    )
    if subs:
        text += f" Substitutes: {join_names(subs)}."
    return text


def previous_minutes_note(previous: MeetingRef | None, meeting_id: int) -> str:
    if previous is None:
        return "This committee has no earlier meeting whose minutes could be confirmed."
    if previous.minutes_confirmed_at is not None:
        where = " at this meeting" if previous.minutes_confirmed_by_id == meeting_id else ""
        return f"The minutes of the meeting held on {plain_date(previous.date)} are confirmed{where}."
    return (
        f"The minutes of the meeting held on {plain_date(previous.date)} are not confirmed yet: "
        "press Alt+5 (Correct record) when the meeting agrees them."
    )


class ProcedureNote(QFrame):
    """Shown only when there is something to say; what it says may need a read, which comes later."""

    register_requested = Signal()
    withdrawn = Signal(object)  # Confirmation, once a confirmation made here is withdrawn

    def __init__(self, session: MinuteSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteFrame")
        self.session = session
        self.item: AgendaItemRecord | None = None
        self.minute: MinuteRecord | None = None
        self.note = QLabel()
        self.note.setObjectName("procedureNote")
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_button = QPushButton()
        self.note_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.note_button.clicked.connect(self.register_requested.emit)
        self.withdraw_button = QPushButton("Withdraw confirmation…")
        self.withdraw_button.setToolTip("Take back a confirmation recorded in error, giving the reason")
        self.withdraw_button.clicked.connect(self._withdraw)
        self.sentence_button = QPushButton("Own sentence…")
        self.sentence_button.setToolTip(
            "Print your own wording instead of the generated sentence, for this meeting"
        )
        self.sentence_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sentence_button.clicked.connect(self._own_sentence)
        self._sentences: dict[str, str] = {}
        self._confirmed_previous: date | None = None  # previous meeting's date, when confirmed here
        row = QHBoxLayout(self)
        row.addWidget(self.note, 1)
        row.addWidget(self.note_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.sentence_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.withdraw_button, 0, Qt.AlignmentFlag.AlignTop)

    def show_for(self, item: AgendaItemRecord | None, minute: MinuteRecord | None) -> None:
        self.item, self.minute = item, minute
        role = item.procedural_role if item is not None else None
        if role in SENTENCE_KINDS:  # first the officer's own sentence, if any
            styles.meeting_sentences(self.session.context, self, self.session.meeting.id).success(
                lambda sentences: self._sentences_read(item, minute, sentences)
            ).run()
            return
        self._show_role(item, minute)

    def _sentences_read(
        self, item: AgendaItemRecord | None, minute: MinuteRecord | None, sentences: dict[str, str]
    ) -> None:
        if item is not self.item:
            return  # another item is shown by now
        self._sentences = sentences
        self._show_role(item, minute)

    def _show_role(self, item: AgendaItemRecord | None, minute: MinuteRecord | None) -> None:
        role = item.procedural_role if item is not None else None
        context, meeting_id = self.session.context, self.session.meeting.id
        if role == ProceduralRole.APOLOGIES:
            attendance.list_attendance(context, self, meeting_id).success(
                lambda register: self._show(item, apologies_note(register), "Open the register   Ctrl+R")
            ).run()
            return
        if role == ProceduralRole.PREVIOUS_MINUTES:
            minutes.previous_meeting(context, self, meeting_id).success(
                lambda previous: self._show_previous(item, previous)
            ).run()
            return
        text = ""
        if role == ProceduralRole.DECLARATIONS:
            text = "Record each declaration with Ctrl+D. With none, the minutes say so in the standard words."
        elif minute is not None and minute.outcome != MinuteOutcome.TAKEN:
            text = f"This item was {minute.outcome.label.lower()}; the minutes say so under its heading."
        self._show(item, text)

    def _show_previous(self, item: AgendaItemRecord | None, previous: MeetingRef | None) -> None:
        meeting_id = self.session.meeting.id
        confirmed_here = previous is not None and previous.minutes_confirmed_by_id == meeting_id
        self._show(
            item,
            previous_minutes_note(previous, meeting_id),
            confirmed_here=previous.date if previous is not None and confirmed_here else None,
        )

    def _show(
        self, item: AgendaItemRecord | None, text: str, button: str = "", confirmed_here: date | None = None
    ) -> None:
        if item is not self.item:
            return  # another item is shown by now
        self._confirmed_previous = confirmed_here
        self.withdraw_button.setVisible(confirmed_here is not None and not self.session.read_only)
        kind = SENTENCE_KINDS.get(item.procedural_role) if item is not None and item.procedural_role else None
        self.sentence_button.setVisible(kind is not None and not self.session.read_only)
        own = self._sentences.get(kind or "", "")
        if own:
            text += f" The minutes print your own sentence: “{own}”"
        self.note.setText(text)
        self.note_button.setText(button)
        self.note_button.setVisible(bool(button))
        self.setVisible(bool(text))

    def _own_sentence(self) -> None:
        item = self.item
        if item is None or item.procedural_role not in SENTENCE_KINDS:
            return
        kind = SENTENCE_KINDS[item.procedural_role]
        dialog = SentenceDialog(kind, self._sentences.get(kind, ""), self.window())
        text = run_modal(dialog, lambda d: d.sentence)
        if text is None:
            return
        meeting_id = self.session.meeting.id
        styles.set_meeting_sentence(self.session.context, self, meeting_id, kind, text).success(
            lambda _outcome: self.show_for(self.item, self.minute)
        ).run()

    def _withdraw(self) -> None:
        if self.minute is None or self._confirmed_previous is None:
            return
        withdraw_confirmation(self, self.session, self.minute.id, self._confirmed_previous, self._withdrawn)

    def _withdrawn(self, result: Confirmation) -> None:
        self.withdrawn.emit(result)
