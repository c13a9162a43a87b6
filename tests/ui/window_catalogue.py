"""Every top-level window and dialog of the program, opened on the demo data as an officer meets it.

``OPENERS`` names each one; ``Catalogue(folder).open(name)`` shows it (dialogs without ``exec``, so
nothing blocks) and returns it. The screen-fit test walks them all; ``dialog_classes()`` lists the
dialog classes the program defines, so a new dialog without an entry here fails that test.
"""

from __future__ import annotations

import importlib
import pkgutil
import shutil
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import shiboken6
from openpyxl import load_workbook
from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

import sst_desktop.ui
from sst_desktop.demo.build import build_demo_database
from sst_desktop.domain.enums import ItemKind
from sst_desktop.exports.actions_xlsx import export_actions_xlsx
from sst_desktop.imports.actions_xlsx import preview_actions_xlsx
from sst_desktop.services import (
    actions,
    agenda,
    attendance,
    committees,
    forward_plan,
    meetings,
    memberships,
    minutes,
)
from sst_desktop.services.action_sheet import SheetColumn
from sst_desktop.services.agenda_records import AgendaItemPatch
from sst_desktop.storage.opening import open_path
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.main_window import MainWindow
from sst_desktop.ui.minutes.minute_taking import MinuteTakingWindow
from sst_desktop.ui.operations.worker import database_worker

LAPTOP = QSize(1366, 728)  # the screen of tests/conftest.py: 1366×768 less its taskbar
JUNE = "SST@2022-06-22"  # a whole meeting minuted: register, resolutions, actions
MARCH = "SST@2022-03-17"  # minutes confirmed at the June meeting
SEPTEMBER = "SST@2022-09-08"  # its agenda gains Matters Arising: June's open actions come back


def answered() -> None:
    """Every read and change asked of the database worker has run and its answer is shown."""
    deadline = time.monotonic() + 10
    while not database_worker().is_idle() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.002)
    QApplication.processEvents()


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Layouts and scroll bars are updated from posted events; the log's updates arrive from a thread."""
    qtbot.wait(150)
    QApplication.processEvents()


def build_demo(folder: Path) -> Path:
    """The demo database, built once per folder (copy it for each use)."""
    path = folder / "demo-master.db"
    if not path.exists():
        build_demo_database(path)
    return path


class Catalogue:
    """A main window on a copy of the demo data, and the means to open everything else from it."""

    def __init__(self, folder: Path, master: Path) -> None:
        self.folder = folder
        shutil.copy(master, folder / "demo.db")
        self.db = open_path(folder / "demo.db", backup_dir=folder / "backups")
        self.context = AppContext(self.db)
        self.settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        self.main = MainWindow(self.context, self.settings)
        self.main.show()
        self.committee = committees.find_committee(self.db, "SST")
        self.opened: list[QWidget] = []

    def open(self, name: str) -> QWidget:
        widget = OPENERS[name](self)
        if widget is not self.main and widget not in self.opened:
            self.opened.append(widget)
        widget.show()
        QApplication.processEvents()
        answered()
        return widget

    def close(self) -> None:
        for widget in reversed(self.opened):
            if shiboken6.isValid(widget):  # (closed already: those that delete themselves are gone)
                widget.close()
        self.main.close()
        self.db.dispose()

    # Windows --------------------------------------------------------------------------------------
    def page(self, key: str) -> QMainWindow:
        self.main.show_page(key)
        return self.main

    def committees(self) -> QMainWindow:
        self.page("committees")
        self.main.page("committees").select_committee(self.committee.id)  # type: ignore[attr-defined]
        return self.main

    def meetings_tab(self, tab: int, meeting: str = JUNE) -> QMainWindow:
        """The Meetings screen on a meeting of the board: its details, agenda or forward plan."""
        self.page("meetings")
        page = self.main.page("meetings")
        page.choose_committee(self.committee.id)  # type: ignore[attr-defined]
        page.show_meeting(self.meeting(meeting).id)  # type: ignore[attr-defined]
        page.tabs.setCurrentIndex(tab)  # type: ignore[attr-defined]
        return self.main

    def action_log(self) -> QMainWindow:
        """The action log with an overdue action chosen: its details and updates beside the table."""
        self.page("actions")
        page = self.main.page("actions")
        page.select_action(actions.find_action(self.db, "SST/2022/006").id)  # type: ignore[attr-defined]
        return self.main

    def minute_taking(self, meeting: str, item_title: str | None = None) -> MinuteTakingWindow:
        meeting_id = meetings.find_meeting(self.db, meeting).id
        # (the Minutes screen brings the meeting's window forward if it is open already)
        page = self.main.page("minutes")
        page.open_minute_taking(meeting_id)  # type: ignore[attr-defined]
        answered()  # the window opens once what it shows is read
        window: MinuteTakingWindow = page.windows[meeting_id]  # type: ignore[attr-defined]
        item = next((i for i in window.session.items if i.title == item_title), None)
        window.go_to(item.id if item else None)
        answered()
        return window

    def with_matters_arising(self) -> MinuteTakingWindow:
        meeting_id = meetings.find_meeting(self.db, SEPTEMBER).id
        titles = [i.title for i in agenda.list_agenda_items(self.db, meeting_id)]
        if "Matters Arising" not in titles:
            agenda.add_item(
                self.db, meeting_id, "Matters Arising", AgendaItemPatch(kind=ItemKind.ACTION_LOG), position=3
            )
        return self.minute_taking(SEPTEMBER, "Matters Arising")

    # Records the dialogs are about ------------------------------------------------------------------
    def meeting(self, name: str = SEPTEMBER) -> meetings.MeetingRecord:
        return meetings.find_meeting(self.db, name)

    def register(self) -> list[attendance.AttendanceRecord]:
        return attendance.list_attendance(self.db, self.meeting(JUNE).id)

    def june_minute_id(self) -> int:
        window = self.minute_taking(JUNE, "Domestic Homicide Review (DHRs) Update")
        assert window.editor.minute is not None
        return window.editor.minute.id

    def returned_workbook(self) -> Path:
        """The action log as a partner sends it back: progress written in the New update column."""
        path = self.folder / "returned.xlsx"
        export_actions_xlsx(self.db, path)
        book = load_workbook(path)
        sheet = book.worksheets[0]
        column = next(c.column for c in sheet[1] if c.value == SheetColumn.NEW_UPDATE.value)
        for row in range(2, 6):
            sheet.cell(row=row, column=column, value="Chased with the partner; a date is agreed for July.")
        book.save(path)
        return path


def _import_preview(c: Catalogue) -> QDialog:
    from sst_desktop.ui.actions.transfer import ImportPreviewDialog

    return ImportPreviewDialog(preview_actions_xlsx(c.db, c.returned_workbook()), c.main)


def _export_choices(c: Catalogue) -> QDialog:
    from sst_desktop.ui.actions.transfer import ExportChoices

    return ExportChoices(12, 20, c.main)


def _restore(c: Catalogue) -> QDialog:
    from sst_desktop.ui.backup_actions import RestoreDialog

    assert c.db.path is not None
    return RestoreDialog(c.main, c.db.path, c.settings)


def _connect(c: Catalogue) -> QDialog:
    from sst_desktop.ui.connect_dialog import ConnectDialog

    return ConnectDialog(c.main, c.settings)


def _publish(c: Catalogue) -> QDialog:
    from sst_desktop.ui.publish_dialog import PublishDialog

    return PublishDialog(c.context, c.settings, c.main)


def _password(c: Catalogue) -> QDialog:
    from sst_desktop.storage.server import PasswordNeededError
    from sst_desktop.ui.connect_dialog import PasswordDialog

    reason = PasswordNeededError("The server wants a password.", wrong=True)
    return PasswordDialog(c.main, "postgresql+psycopg://ibarton@db.sefton.local/sst", reason)


def _schedule(series: bool) -> Callable[[Catalogue], QDialog]:
    def make(c: Catalogue) -> QDialog:
        from sst_desktop.ui.meetings.meeting_dialogs import ScheduleMeetingDialog

        return ScheduleMeetingDialog(
            c.committee, lambda _request: True, c.main, series=series, today=date(2022, 7, 1)
        )

    return make


def _reason(c: Catalogue) -> QDialog:
    from sst_desktop.ui.meetings.meeting_dialogs import ReasonDialog

    return ReasonDialog(c.meeting(), "postpone", lambda _text: True, c.main)


def _move(c: Catalogue) -> QDialog:
    from sst_desktop.ui.meetings.meeting_dialogs import MoveDialog

    return MoveDialog(c.meeting(), lambda _on, _why: True, c.main)


def _snippets(c: Catalogue) -> QDialog:
    from sst_desktop.ui.minutes.snippets_dialog import SnippetsDialog

    return SnippetsDialog(c.minute_taking(JUNE))


def _language(c: Catalogue) -> QDialog:
    from sst_desktop.ui.minutes.language_marks import LanguageDialog

    return LanguageDialog(c.main, "Diolch yn fawr")


def _withdraw_confirmation(c: Catalogue) -> QDialog:
    from sst_desktop.ui.minutes.withdraw import WithdrawConfirmationDialog

    return WithdrawConfirmationDialog(date(2022, 3, 17), c.main)


def _forward_plan_offer(c: Catalogue) -> QDialog:
    from sst_desktop.ui.meetings.agenda_create import AgendaOfferDialog

    return AgendaOfferDialog(forward_plan.list_forward_plan(c.db, c.committee.id), c.main, open_actions=3)


def _plan_item(c: Catalogue) -> QDialog:
    from sst_desktop.ui.meetings.forward_plan_panel import PlanItemDialog

    upcoming = [m for m in meetings.list_meetings(c.db, c.committee.id) if m.date >= date(2022, 9, 1)]
    return PlanItemDialog("Add to the forward plan", lambda _values: True, c.main, meetings=upcoming)


def _new_committee(c: Catalogue) -> QDialog:
    from sst_desktop.ui.directory.dialogs import NewCommitteeDialog

    return NewCommitteeDialog(c.context, c.main)


def _copy_style(c: Catalogue) -> QDialog:
    from sst_desktop.ui.directory.documents_tab import CopyStyleDialog

    return CopyStyleDialog(committees.list_committees(c.db), c.main)


def _own_sentence(c: Catalogue) -> QDialog:
    from sst_desktop.ui.minutes.sentence_dialog import SentenceDialog

    return SentenceDialog("apologies", "Apologies were received from every partner not listed.", c.main)


def _add_member(c: Catalogue) -> QDialog:
    from sst_desktop.ui.directory.dialogs import AddMemberDialog

    return AddMemberDialog(c.context, c.committee, c.main)


def _end_membership(c: Catalogue) -> QDialog:
    from sst_desktop.ui.directory.dialogs import EndMembershipDialog

    member = memberships.list_memberships(c.db, c.committee.id, on=date(2022, 6, 22))[0]
    return EndMembershipDialog(member, c.main)


def _new_organisation(c: Catalogue) -> QDialog:
    from sst_desktop.ui.directory.dialogs import NewOrganisationDialog

    return NewOrganisationDialog(c.context, c.main)


def _new_person(c: Catalogue) -> QDialog:
    from sst_desktop.ui.widgets.person_dialog import PersonDialog

    return PersonDialog(c.context, c.main, name_hint="Superintendent Graeme Robson")


def _substitute(c: Catalogue) -> QDialog:
    from sst_desktop.ui.minutes.register_dialogs import SubstituteDialog

    window = c.minute_taking(JUNE)
    records = c.register()
    return SubstituteDialog(records[-1], records, window.register)


def _arrived(c: Catalogue) -> QDialog:
    from sst_desktop.ui.minutes.register_dialogs import ComingsDialog

    window = c.minute_taking(JUNE)
    record = c.register()[1]
    return ComingsDialog(window.session, record, arrival=True, at=None, item_id=None, parent=window.register)


def _declaration(c: Catalogue) -> QDialog:
    from sst_desktop.ui.minutes.declarations import DeclarationDialog

    window = c.minute_taking(JUNE, "Declarations of Interest")
    item = window.session.items[3]
    return DeclarationDialog(window.session, c.register(), item_id=item.id, parent=window)


def _edit_conflict(c: Catalogue) -> QDialog:
    from sst_desktop.services.errors import EditConflictError
    from sst_desktop.ui.minutes.conflict import ConflictDialog

    window = c.minute_taking(JUNE)
    theirs = "Members considered the DHR report presented by Steve Martlew. " * 6
    conflict = EditConflictError("changed", theirs=theirs, who="jsmith", when=None)
    return ConflictDialog(
        "Members considered the report. " * 8, conflict, "the text of “Domestic Homicide Reviews”", window
    )


def _edit_conflict_fields(c: Catalogue) -> QDialog:
    from sst_desktop.services.errors import EditConflictError
    from sst_desktop.ui.minutes.conflict import ConflictDialog

    conflict = EditConflictError("changed", theirs="Status: In progress", who="jsmith", when=None)
    title = "Someone else changed this action"
    return ConflictDialog("Status: Deferred", conflict, "SST/2022/004", c.main, title=title, mergeable=False)


def _reference_picker(c: Catalogue) -> QDialog:
    from sst_desktop.ui.search.reference_picker import ReferencePicker

    minute_id = c.june_minute_id()
    window = c.minute_taking(JUNE)
    return ReferencePicker(
        c.context, minutes.reference_candidates(c.db, minute_id), window.session.meeting.date, window
    )


def _typed_reference(c: Catalogue) -> QDialog:
    from sst_desktop.ui.minutes.forms_panel import TypedReferenceDialog

    return TypedReferenceDialog(date(2022, 6, 22), c.minute_taking(JUNE))


def _search(c: Catalogue) -> QDialog:
    from sst_desktop.ui.search.navigate import search_window

    found = search_window(c.main)
    found.search_for("prevent")
    return found


def _history(c: Catalogue) -> QDialog:
    from sst_desktop.ui.history_dialog import show_minute_history

    minute_id = c.june_minute_id()
    return show_minute_history(c.minute_taking(JUNE), c.context, minute_id, "Minute 4")


OPENERS: dict[str, Callable[[Catalogue], QWidget]] = {
    "main-window-committees": lambda c: c.committees(),
    "main-window-meetings": lambda c: c.meetings_tab(0),
    "main-window-meetings-agenda": lambda c: c.meetings_tab(1),
    "main-window-meetings-forward-plan": lambda c: c.meetings_tab(2),
    **{f"main-window-{key}": (lambda c, k=key: c.page(k)) for key in ("minutes", "people", "organisations")},
    "main-window-actions": lambda c: c.action_log(),
    "minute-taking-register": lambda c: c.minute_taking(JUNE),
    "minute-taking-minute": lambda c: c.minute_taking(JUNE, "Prevent Local Partnerships Health Check"),
    "minute-taking-matters-arising": lambda c: c.with_matters_arising(),
    "minute-taking-confirmed": lambda c: c.minute_taking(
        MARCH, "Violence Against Women and Girls – Partner Reports"
    ),
    "export-choices": _export_choices,
    "import-preview": _import_preview,
    "restore-backup": _restore,
    "connect-team-database": _connect,
    "database-password": _password,
    "publish-website": _publish,
    "schedule-meeting": _schedule(series=False),
    "schedule-series": _schedule(series=True),
    "meeting-reason": _reason,
    "move-meeting": _move,
    "withdraw-confirmation": _withdraw_confirmation,
    "snippets": _snippets,
    "mark-language": _language,
    "forward-plan-offer": _forward_plan_offer,
    "forward-plan-item": _plan_item,
    "new-committee": _new_committee,
    "copy-style": _copy_style,
    "own-sentence": _own_sentence,
    "add-member": _add_member,
    "end-membership": _end_membership,
    "new-organisation": _new_organisation,
    "new-person": _new_person,
    "substitute": _substitute,
    "arrived": _arrived,
    "declaration": _declaration,
    "edit-conflict": _edit_conflict,
    "edit-conflict-fields": _edit_conflict_fields,
    "reference-picker": _reference_picker,
    "typed-reference": _typed_reference,
    "search": _search,
    "history": _history,
}


def dialog_classes() -> set[type]:
    """Every QDialog and QMainWindow subclass the program defines under ``sst_desktop.ui``."""
    for module in pkgutil.walk_packages(sst_desktop.ui.__path__, "sst_desktop.ui."):
        importlib.import_module(module.name)

    def below(cls: type) -> set[type]:
        found = set()
        for sub in cls.__subclasses__():
            if sub.__module__.startswith("sst_desktop.ui") and not any(
                s.__module__.startswith("sst_desktop.ui") for s in sub.__subclasses__()
            ):  # a base that only the dialogs below it show (ChangeDialog) is not a window itself
                found.add(sub)
            found |= below(sub)
        return found

    return below(QDialog) | below(QMainWindow)
