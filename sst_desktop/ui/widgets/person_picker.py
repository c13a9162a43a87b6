"""Pick a person from the directory by typing any part of their name, title, job or organisation —
or add them on the spot.

    picker = PersonPicker(context)
    picker.person_changed.connect(lambda person_id: ...)   # int, or None when cleared
    picker.set_person_id(record.officer_id, record.officer_name)

Typing shows matching people under the field (every word must match; case and accents ignored);
Enter or a click picks one. The last entry, "Add “…” as a new person…", opens the new-person dialog
(with the duplicate warning) and picks the person created. Text that matches nobody is kept and
marked, never silently replaced.

The directory is read on the database worker when the field is first used (and again when people
change), and typed text is matched against it in memory, so typing never waits for the database.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QWidget

from sst_desktop.domain.name_search import filter_people
from sst_desktop.services.outcome import Changed
from sst_desktop.services.records import PersonRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.operations import directory
from sst_desktop.ui.operations.worker import database_worker
from sst_desktop.ui.widgets.accessible import with_clear_button
from sst_desktop.ui.widgets.change_dialog import run_modal
from sst_desktop.ui.widgets.fields import mark_error

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
        self._people: list[PersonRecord] | None = None  # the directory, once it has come back
        self._loading = False
        self._suggest = False  # text was typed before the directory came back: suggest when it does
        self._awaited: int | None = None  # a person looked up to be shown (not in the directory list)
        self._chosen: tuple[int, str] | None = None  # (person id, the text shown for them)

        self.line_edit = QLineEdit()
        self.line_edit.setPlaceholderText(placeholder)
        with_clear_button(self.line_edit)
        self.line_edit.setAccessibleName(placeholder.rstrip("…. "))
        self.line_edit.installEventFilter(self)
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
        context.changed.connect(self._changed)

    # Public API -------------------------------------------------------------------------------
    def person_id(self) -> int | None:
        """The chosen person, or None when nobody is chosen or the text names nobody."""
        if self._chosen is None or self.line_edit.text() != self._chosen[1]:
            return None
        return self._chosen[0]

    def text(self) -> str:
        return self.line_edit.text()

    def set_person_id(self, person_id: int | None, label: str | None = None) -> None:
        """Show ``person_id`` (no signal). Give ``label`` (their name as the caller already has it)
        to skip looking them up."""
        if person_id is not None and label is not None:
            self._show_chosen(person_id, label)
            return
        person = next((p for p in self._people or [] if p.id == person_id), None)
        if person_id is None or person is not None:
            self._show(person)
            return
        # Archived, or the directory is not here yet: shown when the record comes back.
        self._show(None)
        self._awaited = person_id
        directory.get_person(self.context, self, person_id).success(self._found).run()

    def set_person(self, person: PersonRecord | None) -> None:
        """Show ``person`` without a query (no signal)."""
        self._show(person)

    def choose(self, person_id: int | None) -> None:
        """Pick a person as the user would (emits ``person_changed``)."""
        self.set_person_id(person_id)
        self.person_changed.emit(person_id)

    def add_new_person(self, name_hint: str = "") -> PersonRecord | None:
        """Open the new-person dialog; pick and return the person created."""
        from sst_desktop.ui.widgets.person_dialog import PersonDialog

        self.hide_suggestions()
        created: PersonRecord | None = run_modal(
            PersonDialog(self.context, self.window(), name_hint=name_hint), lambda d: d.created
        )
        if created is None:
            return None
        self._show(created)
        self.person_changed.emit(created.id)
        return created

    def resolve(self) -> int | None:
        """Settle typed text now: pick the one person it matches, or mark it. Returns ``person_id()``."""
        self._finished()
        return self.person_id()

    def matches(self, text: str) -> list[PersonRecord]:
        return filter_people(self._directory(), text)

    # Internals --------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line_edit and event.type() == QEvent.Type.FocusIn and self._people is None:
            self._load()  # about to be used: fetch the directory while the officer starts typing
        return super().eventFilter(watched, event)

    def _load(self) -> None:
        if self._loading:
            return
        self._loading = True
        directory.list_people(self.context, self).success(self._loaded).failure(self._not_loaded).run()

    def _loaded(self, records: list[PersonRecord]) -> None:
        self._loading = False
        self._people = records
        if self._suggest:
            self._typed(self.line_edit.text())

    def _not_loaded(self, error: BaseException) -> None:
        self._loading = False
        report_error(self, error)

    def _directory(self) -> list[PersonRecord]:
        """The directory to match a finished entry against. Only if it has not come back yet (the
        field was never focused) does this wait for the database worker, once."""
        if self._people is None:
            self._load()
            database_worker().drain()
        return self._people or []

    def _changed(self, changed: Changed) -> None:
        if changed & (Changed.PEOPLE | Changed.ORGANISATIONS) and self._people is not None:
            self._load()

    def _found(self, person: PersonRecord) -> None:
        if self._awaited == person.id:
            self._show(person)

    def _show(self, person: PersonRecord | None) -> None:
        if person is None:
            self._chosen = None
            self._awaited = None
            self._show_text("")
        else:
            self._show_chosen(person.id, person.full_name)

    def _show_chosen(self, person_id: int, label: str) -> None:
        self._chosen = (person_id, label)
        self._awaited = None
        self._show_text(label)

    def _show_text(self, text: str) -> None:
        self.line_edit.setText(text)
        self.line_edit.setCursorPosition(0)
        self._mark("")

    def hide_suggestions(self) -> None:
        popup = self.completer.popup()
        if popup is not None:
            popup.hide()

    def _mark(self, message: str) -> None:
        mark_error(self.line_edit, message)

    def _typed(self, text: str) -> None:
        self._mark("")
        self.suggestions.clear()
        self._suggest = False
        if not text.strip():
            self.hide_suggestions()
            return
        if self._people is None:  # suggested as soon as the directory comes back
            self._suggest = True
            self._load()
            return
        for person in filter_people(self._people, text)[:MAX_SUGGESTIONS]:
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
        person = next((p for p in self._people or [] if p.id == person_id), None)
        if person is not None:
            changed = self._chosen is None or self._chosen[0] != person.id
            self._show(person)
            if changed:
                self.person_changed.emit(person.id)

    def _finished(self) -> None:
        self._suggest = False
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
