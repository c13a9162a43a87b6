"""The meeting's documents: agenda PDF, agenda pack (public or full) and the committee's calendar.

Each asks where to save, then writes the file on the database worker (``operations.documents``),
whole or not at all, says what is missing (no committee officer, no venue…), and offers to open the
file. The pack shows its progress and can be cancelled; nothing is written then.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from sst_desktop.exports import agenda_pack, agenda_pdf, calendar_ics
from sst_desktop.services.meetings import MeetingRecord
from sst_desktop.services.records import CommitteeRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.operations import documents
from sst_desktop.ui.tasks import Task

PDF_FILTER = "PDF documents (*.pdf)"
ICS_FILTER = "Calendar files (*.ics)"
FOLDER_KEY = "meetings/export_folder"


def ask_where(parent: QWidget | None, title: str, name: str, file_filter: str, suffix: str) -> Path | None:
    """The file to write, or None when the officer cancelled. Starts in the last folder used."""
    settings = QSettings()
    folder = str(settings.value(FOLDER_KEY, "") or "") or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / name), file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    settings.setValue(FOLDER_KEY, str(path.parent))
    return path


def offer_to_open(parent: QWidget | None, title: str, text: str, warnings: tuple[str, ...] = ()) -> bool:
    """Say the file is saved (and what is missing from it); True when the officer wants it opened."""
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setIcon(QMessageBox.Icon.Warning if warnings else QMessageBox.Icon.Information)
    box.setText(text)
    if warnings:
        box.setInformativeText("Please note:\n" + "\n".join(f"• {w}" for w in warnings))
    open_button = box.addButton("Open", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Close", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_button)
    box.exec()
    return box.clickedButton() is open_button


def open_file(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class MeetingExports(QObject):
    """The export actions of the meetings screen; ``set_meeting``/``set_committee`` say what they act on."""

    finished = Signal(object)  # the result of an export that was written (for tests and the status bar)

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.widget = parent
        self.meeting: MeetingRecord | None = None
        self.committee: CommitteeRecord | None = None
        self.task: Task | None = None
        self.writing = False  # an agenda or calendar is being written

        self.agenda_action = QAction("Agenda PDF…", self)
        self.agenda_action.setToolTip("Save the agenda of this meeting as a PDF")
        self.agenda_action.triggered.connect(self.export_agenda)
        self.pack_action = QAction("Agenda pack (public)…", self)
        self.pack_action.setToolTip(
            "The agenda and every report, each exempt report replaced by its Schedule 12A notice"
        )
        self.pack_action.triggered.connect(lambda: self.export_pack(full=False))
        self.full_pack_action = QAction("Agenda pack (full, confidential)…", self)
        self.full_pack_action.setToolTip(
            "The agenda and every report, exempt ones included; marked confidential"
        )
        self.full_pack_action.triggered.connect(lambda: self.export_pack(full=True))
        self.calendar_action = QAction("Calendar of meetings (.ics)…", self)
        self.calendar_action.setToolTip("All this committee's meetings, for Outlook or any calendar")
        self.calendar_action.triggered.connect(self.export_calendar)
        self._update()

    def set_meeting(self, meeting: MeetingRecord | None) -> None:
        self.meeting = meeting
        self._update()

    def set_committee(self, committee: CommitteeRecord | None) -> None:
        self.committee = committee
        self._update()

    def _update(self) -> None:
        busy = self.task is not None or self.writing
        for action in (self.agenda_action, self.pack_action, self.full_pack_action):
            action.setEnabled(self.meeting is not None and not busy)
        self.calendar_action.setEnabled(self.committee is not None and not self.writing)

    # agenda ---------------------------------------------------------------------------------
    def export_agenda(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        path = ask_where(
            self.widget, "Save the agenda", agenda_pdf.default_filename(meeting), PDF_FILTER, ".pdf"
        )
        if path is None:
            return
        self._writing(True)
        documents.export_agenda(self.context, self.widget, meeting.id, path).success(
            self._agenda_written
        ).failure(self._not_written).run()

    def _agenda_written(self, result: agenda_pdf.ExportResult) -> None:
        self._writing(False)
        pages = f"{result.page_count} page{'s' if result.page_count != 1 else ''}"
        self._written(
            result, "Agenda saved", f"The agenda ({pages}) is saved as\n{result.path}", result.warnings
        )

    def _writing(self, writing: bool) -> None:
        """One document at a time: the actions wait while a file is written."""
        self.writing = writing
        self._update()

    def _not_written(self, error: BaseException) -> None:
        self._writing(False)
        report_error(self.widget, error)

    # pack -----------------------------------------------------------------------------------
    def export_pack(self, *, full: bool = False) -> Task | None:
        meeting = self.meeting
        if meeting is None or self.task is not None:
            return None
        kind = "Agenda pack (full)" if full else "Agenda pack"
        path = ask_where(
            self.widget,
            "Save the full agenda pack (confidential)" if full else "Save the public agenda pack",
            agenda_pdf.default_filename(meeting, kind),
            PDF_FILTER,
            ".pdf",
        )
        if path is None:
            return None
        task = documents.export_pack(self.context, self.widget, meeting, path, full=full)
        self.task = task
        self._update()
        task.done.connect(lambda result: self._pack_done(result, full))
        task.ended.connect(self._task_ended)
        return task

    def _task_ended(self) -> None:
        task = self.task
        self.task = None
        self._update()
        if task is not None and task.result is None and task.error is None:
            self.context.status_message.emit("Agenda pack cancelled; nothing was saved.")

    def _pack_done(self, result: agenda_pack.PackResult, full: bool) -> None:
        shown = sum(1 for s in result.sections if not s.restricted)
        restricted = sum(1 for s in result.sections if s.restricted)
        lines = [
            f"The {'full' if full else 'public'} agenda pack ({result.page_count} pages) is saved as",
            str(result.path),
        ]
        summary = f"After the agenda: {shown} document{'s' if shown != 1 else ''}"
        if restricted:
            summary += f"; {restricted} exempt report{'s' if restricted != 1 else ''} replaced by the Schedule 12A notice"
        lines.append(summary + ".")
        if full:
            lines.append("It contains exempt information and is marked CONFIDENTIAL on every page.")
        self._written(result, "Agenda pack saved", "\n".join(lines), result.warnings)

    # calendar -------------------------------------------------------------------------------
    def export_calendar(self) -> None:
        committee = self.committee
        if committee is None:
            return
        path = ask_where(
            self.widget, "Save the calendar", calendar_ics.default_filename(committee), ICS_FILTER, ".ics"
        )
        if path is None:
            return
        self._writing(True)
        documents.export_calendar(self.context, self.widget, committee.id, path).success(
            lambda result: self._calendar_written(committee, result)
        ).failure(self._not_written).run()

    def _calendar_written(self, committee: CommitteeRecord, result: calendar_ics.CalendarResult) -> None:
        self._writing(False)
        text = f"{result.events} meeting{'s' if result.events != 1 else ''} of {committee.name} saved as\n{result.path}"
        if result.cancelled:
            text += f"\n{result.cancelled} cancelled or postponed, marked as cancelled in calendars."
        self._written(result, "Calendar saved", text, ())

    # ----------------------------------------------------------------------------------------
    def _written(self, result: object, title: str, text: str, warnings: tuple[str, ...]) -> None:
        path: Path = result.path  # type: ignore[attr-defined]
        self.context.status_message.emit(f"Saved {path.name}")
        self.finished.emit(result)
        if offer_to_open(self.widget, title, text, warnings):
            open_file(path)
