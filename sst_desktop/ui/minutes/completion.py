"""Word and phrase completion in every text box of the minute-taking window.

What the record suggests comes next (where it has nothing for a word, the commonest English word
that begins so: ``services.word_list``) is shown in grey after the cursor, and the next likeliest
words under the line (**Ctrl+2**, **Ctrl+3** take them); **Tab** takes all of it
(with the space after its last word where the text usually goes on: a space typed next is not
doubled, and a mark such as "." goes before it), **Ctrl+Right** its next word, **Escape** puts it
away. Nothing is inserted without one of those keys, typing on simply goes on (and the suggestion
follows it), and each insertion is one undo step of the box. The record is read on the database worker when the window opens and at each item; the texts
on screen (the minute being typed) are looked at as they stand. An empty narrative is offered the
item's opening ("Steve Martlew gave an update on …"), an empty new resolution the recommendations of
the item's reports, one by one, an empty new action the latest resolution worded as an action
("a further report be submitted …" → "Submit a further report …"): Tab adopts one, then it is
edited like anything typed.
"""

from __future__ import annotations

from typing import Protocol

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QWidget

from sst_desktop.domain.action_wording import as_action
from sst_desktop.domain.prediction import Guesses, Predictor, Vocabulary, is_word_char
from sst_desktop.domain.snippets import expansion
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.minutes.actions_list import TAKEN_WORDING
from sst_desktop.ui.minutes.editor import MinuteEditor
from sst_desktop.ui.minutes.session import MinuteSession
from sst_desktop.ui.operations import suggestions

ATTACHED = "sst_completion"  # a property marking the boxes already watched
NARRATIVE = "narrative"  # the object names of the boxes an empty one is offered something in
NEW_RESOLUTION = "newResolution"
NEW_ACTION = "newAction"
CLOSING_MARKS = ".,;:!?)”’"  # typed after a word, never after its space
MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta}


class MinutesWindow(Protocol):
    context: AppContext
    session: MinuteSession
    editor: MinuteEditor

    def isAncestorOf(self, child: QWidget) -> bool: ...

    def findChildren(self, kind: type[QPlainTextEdit]) -> list[QPlainTextEdit]: ...


class WordCompletion(QObject):
    """Suggestions for the text boxes of one window (``offered`` says what is shown, for a box)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.vocabulary = Vocabulary(())
        self.predictor = Predictor()
        self.ghost = QLabel()
        self.ghost.setObjectName("completionGhost")
        self.ghost.setStyleSheet("color: #8a8f98; background: palette(base);")
        self.ghost.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.ghost.hide()
        self.choices = QLabel()  # the next likeliest words, under the line: Ctrl+2, Ctrl+3 take them
        self.choices.setObjectName("completionChoices")
        self.choices.setStyleSheet(
            "color: palette(text); background: palette(base); border: 1px solid palette(mid); padding: 0 3px;"
        )
        self.choices.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.choices.hide()
        self._edit: QPlainTextEdit | None = None
        self._offer = ""
        self._others: tuple[str, ...] = ()
        self._replaces = 0  # characters before the cursor the offer takes the place of (a snippet's trigger)
        # The rest of an offer partly taken or typed: still offered while the text is as expected.
        self._carry: tuple[QPlainTextEdit, str, str] | None = None
        self._adopted: set[str] = set()  # recommendations taken as draft resolutions
        # Where a taken suggestion ended with its space: a space or a mark typed next goes there instead.
        self._spaced: tuple[QPlainTextEdit, int] | None = None
        self._last: tuple[object, ...] | None = None  # what the last guess was made for
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # (focusObjectChanged, not focusChanged: that one also hands over the widget losing the
            # focus, which may be half destroyed — reaching it from Python crashed the program)
            app.focusObjectChanged.connect(self._focus_changed)
        self.window.session.current_item_changed.connect(lambda _item: self.reload())
        # a resolution added: the next recommendation is offered (the box empties without a signal)
        self.window.editor.resolutions.changed.connect(lambda _minute: self._refresh())
        self.reload()

    @property
    def window(self) -> MinutesWindow:
        """The window these suggestions are for: the parent, not a reference of this object's own
        (which would keep a closed window's Python side alive)."""
        return self.parent()  # type: ignore[return-value]

    # The record ------------------------------------------------------------------------------------
    def reload(self) -> None:
        meeting_id = self.window.session.meeting.id
        parent: QWidget = self.window  # type: ignore[assignment]
        suggestions.predictor(self.window.context, parent, meeting_id).success(self._read).quietly().run()

    def _read(self, predictor: Predictor) -> None:
        self.vocabulary = predictor.vocabulary
        self.predictor = predictor
        self._refresh()  # what the box is offered may have come with the record

    def _refresh(self) -> None:
        """Offer afresh in the box being typed in (the record, or the resolutions, changed)."""
        self._last = None
        focused = QApplication.focusWidget()
        if isinstance(focused, QPlainTextEdit) and focused.property(ATTACHED):
            self._update(focused)

    # What is offered -------------------------------------------------------------------------------
    def offered(self, widget: QWidget) -> str:
        return self._offer if widget is self._edit else ""

    def others(self, widget: QWidget) -> tuple[str, ...]:
        """The next likeliest words shown under the line (Ctrl+2, Ctrl+3), each the rest of a word."""
        return self._others if widget is self._edit else ()

    def _focus_changed(self, new: QObject | None) -> None:
        if not shiboken6.isValid(self) or self.parent() is None:
            return
        if self._edit is not None and new is not self._edit:
            self._withdraw()
        if isinstance(new, QPlainTextEdit) and self.window.isAncestorOf(new):
            if not new.property(ATTACHED):
                new.setProperty(ATTACHED, True)
                new.installEventFilter(self)
                new.textChanged.connect(lambda edit=new: self._update(edit))
                new.cursorPositionChanged.connect(lambda edit=new: self._update(edit))
            self._update(new, focused=True)  # (said before the box itself answers hasFocus())

    def _update(self, edit: QPlainTextEdit, *, focused: bool = False) -> None:
        # A key sends both textChanged and cursorPositionChanged: guess once for what the box shows.
        focused = focused or edit.hasFocus()
        state = (edit, edit.toPlainText(), edit.textCursor().position(), focused, self.predictor)
        if state == self._last:
            return
        self._last = state
        guesses = self._guess(edit) if focused else Guesses()
        offer, self._others = guesses.offer, guesses.others
        trigger, expanded = self._snippet(edit) if focused else ("", "")
        self._replaces = len(trigger) if expanded else 0
        if expanded:  # the officer's own trigger word outranks a guess
            offer, self._carry, self._others = expanded, None, ()
        elif self._carry is not None:
            carried_edit, expected, rest = self._carry
            here = edit.toPlainText()[: edit.textCursor().position()]
            if (
                carried_edit is edit
                and here == expected
                and rest.strip()
                and not edit.textCursor().hasSelection()
            ):
                offer = offer if len(offer) > len(rest) and offer.startswith(rest) else rest
            else:
                self._carry = None
        self._edit = edit if offer or self._others else None
        self._offer = offer
        viewport = edit.viewport()
        rect = edit.cursorRect()
        self._show_choices(edit, rect)
        if not offer:
            self.ghost.hide()
            return
        if self.ghost.parent() is not viewport:
            self.ghost.setParent(viewport)
        room = max(0, viewport.width() - rect.right() - 4)
        self.ghost.setFont(edit.font())
        line = (" → " if self._replaces else "") + offer.split("\n", 1)[0]
        self.ghost.setText(self.ghost.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, room))
        self.ghost.adjustSize()
        if not edit.toPlainText():  # over the box's placeholder, the whole line wide
            self.ghost.resize(max(room, self.ghost.width()), self.ghost.height())
        self.ghost.move(rect.right() + 1, rect.top())
        self.ghost.show()

    def _show_choices(self, edit: QPlainTextEdit, rect: QRect) -> None:
        """The next likeliest words, whole, under the line typed on (over it at the box's foot; at the
        foot's right, clear of the text, where there are lines below)."""
        if not self._others:
            self.choices.hide()
            return
        viewport = edit.viewport()
        if self.choices.parent() is not viewport:
            self.choices.setParent(viewport)
        before = self._before(edit)
        start = len(before)
        while start > 0 and is_word_char(before[start - 1]):
            start -= 1
        typed = before[start:]
        shown = [f"Ctrl+{n} {typed}{rest.rstrip()}" for n, rest in enumerate(self._others, 2)]
        self.choices.setFont(edit.font())
        self.choices.setText("    ".join(shown))
        self.choices.adjustSize()
        room_x = max(0, viewport.width() - self.choices.width())
        x, y = min(max(0, rect.left() - 4), room_x), rect.bottom() + 2
        if not _on_last_line(edit):  # text below the line: keep clear of it, at the box's foot
            x, y = room_x, viewport.height() - self.choices.height()
        elif y + self.choices.height() > viewport.height():
            y = max(0, rect.top() - self.choices.height() - 2)
        self.choices.move(x, y)
        self.choices.show()
        self.choices.raise_()

    def _guess(self, edit: QPlainTextEdit) -> Guesses:
        if edit.isReadOnly() or self.window.session.read_only:
            return Guesses()
        cursor = edit.textCursor()
        if cursor.hasSelection():
            return Guesses()
        text = edit.toPlainText()
        if not text:
            return Guesses(self._for_empty(edit))
        position = cursor.position()
        if position < len(text) and is_word_char(text[position]):
            return Guesses()  # inside a word: nothing to add
        before = text[:position]
        word_start = position
        while word_start > 0 and is_word_char(text[word_start - 1]):
            word_start -= 1
        own = [text[: max(0, word_start - 1)], text[position:]]
        others = [box.toPlainText() for box in self.window.findChildren(QPlainTextEdit) if box is not edit]
        return self.predictor.guesses(before, [*own, *others])

    def _snippet(self, edit: QPlainTextEdit) -> tuple[str, str]:
        """(the trigger word just typed, its snippet's text), or ("", "")."""
        cursor = edit.textCursor()
        if edit.isReadOnly() or self.window.session.read_only or cursor.hasSelection():
            return "", ""
        text, position = edit.toPlainText(), cursor.position()
        if position < len(text) and is_word_char(text[position]):
            return "", ""
        start = position
        while start > 0 and is_word_char(text[start - 1]):
            start -= 1
        word = text[start:position]
        return (word, expansion(self.vocabulary.snippets, word)) if word else ("", "")

    def _for_empty(self, edit: QPlainTextEdit) -> str:
        """An empty narrative is offered the item's opening; an empty new resolution, the next of
        its reports' recommendations not yet resolved; an empty new action, the latest resolution
        that asks something to be done, worded as an action."""
        item = self.window.session.current_item
        if item is None:
            return ""
        if edit.objectName() == NARRATIVE:
            return next(iter(self.vocabulary.openings.get(item.id, ())), "")
        if edit.objectName() == NEW_RESOLUTION:
            resolved = set(self.window.editor.resolutions.texts()) | self._adopted
            drafts = self.vocabulary.recommendations.get(item.id, ())
            return next((d for d in drafts if d not in resolved), "")
        if edit.objectName() == NEW_ACTION:
            taken = {row.text.toPlainText() for row in self.window.editor.actions_list.ordered_rows()}
            wordings = (as_action(text) for text in reversed(self.window.editor.resolutions.texts()))
            return next((w for w in wordings if w and w not in taken | self._adopted), "")
        return ""

    def _withdraw(self) -> None:
        self._last = None
        self._offer = ""
        self._others = ()
        self._replaces = 0
        self._carry = None
        self._spaced = None
        self._edit = None
        if shiboken6.isValid(self.ghost):
            self.ghost.hide()
        if shiboken6.isValid(self.choices):
            self.choices.hide()

    # Taking it -------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and self._spaced
            and self._after_space(watched, event)
        ):
            return True
        if isinstance(event, QKeyEvent) and watched is self._edit and (choice := self._choice(event)):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # the key is the box's while words are shown beside it, not a shortcut's
            elif event.type() == QEvent.Type.KeyPress:
                self._insert(self._edit, choice, rest_of=choice)
            return event.type() == QEvent.Type.KeyPress
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and watched is self._edit
            and not self._offer
            and self._others
            and event.key() == Qt.Key.Key_Escape
        ):
            self._withdraw()  # only words beside the line: Escape puts them away too
            return True
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self._offer
            and watched is self._edit
        ):
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if event.key() == Qt.Key.Key_Tab and modifiers == Qt.KeyboardModifier.NoModifier:
                self._insert(self._edit, self._offer)
                return True
            if self._replaces:
                if event.key() == Qt.Key.Key_Escape and modifiers == Qt.KeyboardModifier.NoModifier:
                    self._withdraw()
                    return True
                return False  # a snippet is taken whole, with Tab; any other key is typing
            if event.key() == Qt.Key.Key_Right and modifiers == Qt.KeyboardModifier.ControlModifier:
                self._insert(self._edit, next_word(self._offer))
                return True
            if event.key() == Qt.Key.Key_Escape and modifiers == Qt.KeyboardModifier.NoModifier:
                self._withdraw()
                return True
            if event.text() and self._offer.startswith(event.text()):  # typed as offered: the rest stays
                self._carry = (
                    self._edit,
                    self._before(self._edit) + event.text(),
                    self._offer[len(event.text()) :],
                )
            else:
                self._carry = None
        return False

    def _choice(self, event: QKeyEvent) -> str:
        """The word shown beside the offer that Ctrl+2 or Ctrl+3 (``event``) takes, or ""."""
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers != Qt.KeyboardModifier.ControlModifier or not self._others:
            return ""
        index = {Qt.Key.Key_2: 0, Qt.Key.Key_3: 1}.get(Qt.Key(event.key()), -1)
        return self._others[index] if 0 <= index < len(self._others) else ""

    def _after_space(self, watched: QObject, event: QKeyEvent) -> bool:
        """The key typed just after a suggestion taken with its space, as if the space had not been
        put in: a space is already there, a mark (".", ",") goes before it. True if it was handled."""
        if event.key() in MODIFIER_KEYS:
            return False  # Shift on its way to "?" or ":": the space waits for the mark
        spaced, self._spaced = self._spaced, None
        edit = watched if isinstance(watched, QPlainTextEdit) else None
        if edit is None or spaced != (edit, edit.textCursor().position()) or edit.textCursor().hasSelection():
            return False
        plain = event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
        text = event.text()
        if plain != Qt.KeyboardModifier.NoModifier or not self._before(edit).endswith(" "):
            return False
        if text == " ":
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            edit.textCursor().deletePreviousChar()  # a line or paragraph ends at the word, not after a space
            return False
        if len(text) == 1 and text in CLOSING_MARKS:
            cursor = edit.textCursor()
            cursor.beginEditBlock()  # one undo step: the space comes back
            cursor.deletePreviousChar()
            cursor.insertText(text)
            cursor.endEditBlock()
            edit.setTextCursor(cursor)
            return True
        return False

    @staticmethod
    def _before(edit: QPlainTextEdit) -> str:
        return edit.toPlainText()[: edit.textCursor().position()]

    def _insert(self, edit: QPlainTextEdit, text: str, rest_of: str | None = None) -> None:
        if not edit.toPlainText() and edit.objectName() in (NEW_RESOLUTION, NEW_ACTION):
            self._adopted.add(text)  # a draft adopted and then edited is not offered again
            if edit.objectName() == NEW_ACTION:
                edit.setProperty(TAKEN_WORDING, text)  # added as it stands, it takes the presenter and date
        rest = (self._offer if rest_of is None else rest_of)[len(text) :]
        self._carry = (edit, self._before(edit) + text, rest) if rest.strip() else None
        cursor = edit.textCursor()
        cursor.beginEditBlock()  # one step of the box's own undo, apart from the typing before it
        if self._replaces:  # the trigger word goes, its text comes, in the same step
            cursor.movePosition(
                QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, self._replaces
            )
            self._replaces = 0
        cursor.insertText(text)
        cursor.endEditBlock()
        edit.setTextCursor(cursor)
        self._spaced = (edit, cursor.position()) if text.endswith(" ") and text.strip() else None


def _on_last_line(edit: QPlainTextEdit) -> bool:
    """Whether the cursor is on the box's last line (nothing typed below it to cover)."""
    cursor = edit.textCursor()
    block = cursor.block()
    if block != edit.document().lastBlock():
        return False
    layout = block.layout()
    line = layout.lineForTextPosition(cursor.positionInBlock())
    return not line.isValid() or line.lineNumber() == layout.lineCount() - 1


def next_word(offer: str) -> str:
    """The first word of ``offer`` with what leads up to it (spaces, punctuation)."""
    size = 0
    while size < len(offer) and not is_word_char(offer[size]):
        size += 1
    while size < len(offer) and is_word_char(offer[size]):
        size += 1
    return offer[:size]
