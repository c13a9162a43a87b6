"""Pick a person from the directory by typing any part of their name, title, job or organisation —
or add them on the spot.

    picker = PersonPicker(context)
    picker.person_changed.connect(lambda person_id: ...)   # int, or None when cleared
    picker.set_person_id(record.officer_id)
    picker.set_candidates(lambda: people_on_the_committee)  # optional: a narrower list

Typing shows matching people under the field (every word must match; case and accents ignored);
Enter or a click picks one. The last entry, "Add “…” as a new person…", opens the new-person dialog
(with the duplicate warning) and picks the person created. Text that matches nobody is kept and
marked, never silently replaced.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QWidget

from sst_desktop.services import people
from sst_desktop.services.records import PersonRecord
from sst_desktop.ui.context import AppContext

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
FILL_ROLE = Qt.ItemDataRole.UserRole + 2  # the text put in the field while an entry is highlighted
NEW_PERSON = -1
MAX_SUGGESTIONS = 40


def label_for(person: PersonRecord) -> str:
    """ "Superintendent Dawn McNally — Merseyside Police" (what a suggestion shows)."""
    extra = person.organisation_name or person.job_title
    return f"{person.full_name} — {extra}" if extra else person.full_name


class PersonPicker(QWidget):
    person_changed = Signal(object)  # person id (int) or None; only for the user's own choices

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        allow_new: bool = True,
        placeholder: str = "Type a name…",
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.allow_new = allow_new
        self._people: list[PersonRecord] | None = None  # loaded when first needed
        self._candidates: Callable[[], list[PersonRecord]] | None = None
        self._chosen: tuple[int, str] | None = None  # (person id, the text shown for them)

        self.line_edit = QLineEdit()
        self.line_edit.setPlaceholderText(placeholder)
        self.line_edit.setClearButtonEnabled(True)
        self.setFocusProxy(self.line_edit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line_edit)

        self.suggestions = QStandardItemModel(self)
        self.completer = QCompleter(self.suggestions, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(FILL_ROLE)
        self.completer.setMaxVisibleItems(12)
        self.completer.setWidget(self.line_edit)
        # the QModelIndex overload: the row carries the person's id (PySide6's stubs cannot index signals)
        self.completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self.line_edit.textEdited.connect(self._typed)
        self.line_edit.editingFinished.connect(self._finished)
        context.data_changed.connect(self._data_changed)

    # Public API -------------------------------------------------------------------------------
    def person_id(self) -> int | None:
        """The chosen person, or None when nobody is chosen or the text names nobody."""
        if self._chosen is None or self.line_edit.text() != self._chosen[1]:
            return None
        return self._chosen[0]

    def person(self) -> PersonRecord | None:
        person_id = self.person_id()
        if person_id is None:
            return None
        found = next((p for p in self._all() if p.id == person_id), None)
        return found or self.context.call(self, lambda: people.get_person(self.context.database, person_id))

    def text(self) -> str:
        return self.line_edit.text()

    def set_person_id(self, person_id: int | None, label: str | None = None) -> None:
        """Show ``person_id`` (no signal). Give ``label`` (their name as the caller already has it)
        to skip looking them up."""
        if person_id is not None and label is not None:
            self._chosen = (person_id, label)
            self._show_text(label)
            return
        person = None
        if person_id is not None:
            person = next((p for p in self._all() if p.id == person_id), None)
            if person is None:  # archived or outside the candidates
                person = self.context.call(self, lambda: people.get_person(self.context.database, person_id))
        self._show(person)

    def set_person(self, person: PersonRecord | None) -> None:
        """Show ``person`` without a query (no signal)."""
        self._show(person)

    def set_candidates(self, provider: Callable[[], list[PersonRecord]] | None) -> None:
        """Offer only the people ``provider()`` returns (e.g. a committee's members); None: everyone."""
        self._candidates = provider
        self._people = None

    def choose(self, person_id: int | None) -> None:
        """Pick a person as the user would (emits ``person_changed``)."""
        self.set_person_id(person_id)
        self.person_changed.emit(person_id)

    def add_new_person(self, name_hint: str = "") -> PersonRecord | None:
        """Open the new-person dialog; pick and return the person created."""
        from sst_desktop.ui.widgets.person_dialog import PersonDialog

        self.hide_suggestions()
        dialog = PersonDialog(self.context, self.window(), name_hint=name_hint)
        if dialog.exec() != PersonDialog.DialogCode.Accepted or dialog.created is None:
            return None
        self._people = None
        self._show(dialog.created)
        self.person_changed.emit(dialog.created.id)
        return dialog.created

    def resolve(self) -> int | None:
        """Settle typed text now: pick the one person it matches, or mark it. Returns ``person_id()``."""
        self._finished()
        return self.person_id()

    def matches(self, text: str) -> list[PersonRecord]:
        return people.filter_people(self._all(), text)

    # Internals --------------------------------------------------------------------------------
    def _all(self) -> list[PersonRecord]:
        if self._people is None:
            if self._candidates is not None:
                self._people = list(self._candidates())
            else:
                self._people = people.list_people(self.context.database)
        return self._people

    def _data_changed(self, what: str) -> None:
        if what in ("person", "organisation", "membership"):
            self._people = None

    def _show(self, person: PersonRecord | None) -> None:
        self._chosen = (person.id, person.full_name) if person else None
        self._show_text(person.full_name if person else "")

    def _show_text(self, text: str) -> None:
        self.line_edit.setText(text)
        self.line_edit.setCursorPosition(0)
        self._mark("")

    def hide_suggestions(self) -> None:
        popup = self.completer.popup()
        if popup is not None:
            popup.hide()

    def _mark(self, message: str) -> None:
        self.line_edit.setProperty("error", bool(message))
        self.line_edit.setToolTip(message)
        self.line_edit.style().unpolish(self.line_edit)
        self.line_edit.style().polish(self.line_edit)

    def _typed(self, text: str) -> None:
        self._mark("")
        self.suggestions.clear()
        if not text.strip():
            self.hide_suggestions()
            return
        for person in self.matches(text)[:MAX_SUGGESTIONS]:
            item = QStandardItem(label_for(person))
            item.setData(person.id, PERSON_ID_ROLE)
            item.setData(person.full_name, FILL_ROLE)
            item.setEditable(False)
            self.suggestions.appendRow(item)
        if self.allow_new:
            item = QStandardItem(f"➕ Add “{text.strip()}” as a new person…")
            item.setData(NEW_PERSON, PERSON_ID_ROLE)
            item.setData(text, FILL_ROLE)
            item.setEditable(False)
            self.suggestions.appendRow(item)
        self.completer.complete()

    def _activated(self, index: QModelIndex) -> None:
        person_id = index.data(PERSON_ID_ROLE)
        if person_id == NEW_PERSON:
            typed = index.data(FILL_ROLE) or ""
            self.line_edit.setText(typed)
            if self.add_new_person(typed) is None:
                self.line_edit.setText(typed)  # keep what was typed
            return
        person = next((p for p in self._all() if p.id == person_id), None)
        if person is not None:
            changed = self._chosen is None or self._chosen[0] != person.id
            self._show(person)
            if changed:
                self.person_changed.emit(person.id)

    def _finished(self) -> None:
        self.hide_suggestions()
        text = self.line_edit.text().strip()
        if self._chosen is not None and text == self._chosen[1]:
            return
        if not text:
            if self._chosen is not None:
                self._show(None)
                self.person_changed.emit(None)
            return
        found = self.matches(text)
        if len(found) == 1:
            changed = self._chosen is None or self._chosen[0] != found[0].id
            self._show(found[0])
            if changed:
                self.person_changed.emit(found[0].id)
            return
        self._mark(
            f"{len(found)} people match “{text}”: choose one from the list."
            if found
            else f"Nobody called “{text}” is in the directory: add them from the list."
        )
