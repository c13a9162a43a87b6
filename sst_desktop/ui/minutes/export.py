"""Export a meeting's minutes from the GUI: choose where, write it off the GUI thread, say what is
missing from it (as the agenda export does) and offer to open it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from sst_desktop.exports.minutes_copy import MinutesFile
from sst_desktop.services.jobs import JobHooks
from sst_desktop.services.meetings import MeetingRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.meetings import export_actions
from sst_desktop.ui.tasks import Task, run_task

FOLDER_SETTING = "minutes/export_folder"
KINDS = {
    "pdf": ("PDF documents (*.pdf)", ".pdf"),
    "docx": ("Word documents (*.docx)", ".docx"),
}
_running: list[Task] = []  # keeps tasks alive until they end


def suggested_name(meeting: MeetingRecord, kind: str, public: bool) -> str:
    version = "" if public else "-full-CONFIDENTIAL"
    return f"{meeting.committee_short_name}-{meeting.date.isoformat()}-minutes{version}{KINDS[kind][1]}"


def choose_target(parent: QWidget | None, meeting: MeetingRecord, kind: str, public: bool) -> Path | None:
    settings = QSettings()
    folder = Path(str(settings.value(FOLDER_SETTING, "") or Path.home()))
    which = "public minutes" if public else "full minutes (confidential)"
    title = f"Save the {which} of {meeting.title}"
    name, _ = QFileDialog.getSaveFileName(
        parent, title, str(folder / suggested_name(meeting, kind, public)), KINDS[kind][0]
    )
    if not name:
        return None
    target = Path(name)
    if target.suffix.lower() != KINDS[kind][1]:
        target = target.with_name(target.name + KINDS[kind][1])
    settings.setValue(FOLDER_SETTING, str(target.parent))
    return target


def start_export(
    parent: QWidget | None, context: AppContext, meeting_id: int, target: Path, *, kind: str, public: bool
) -> Task:
    """Write the minutes to ``target`` on the worker thread; ``Task.done`` carries the ``MinutesFile``."""
    db = context.database

    def work(hooks: JobHooks) -> MinutesFile:
        hooks.step(0, 1)
        if kind == "docx":
            from sst_desktop.exports.minutes_docx import write_minutes_docx as write
        else:
            from sst_desktop.exports.minutes_pdf import write_minutes_pdf as write
        written = write(db, meeting_id, target, public=public)
        hooks.step(1, 1)
        return written

    task = run_task(parent, "Writing the minutes…", work)
    _running.append(task)
    task.ended.connect(lambda: _running.remove(task) if task in _running else None)
    return task


def offer_to_open(parent: QWidget | None, written: MinutesFile) -> bool:
    """Say where the minutes are (and what is missing from them); open them if the officer wants."""
    text = f"The minutes were saved as\n{written.path}"
    if export_actions.offer_to_open(parent, "Minutes saved", text, written.warnings):
        export_actions.open_file(written.path)
        return True
    return False


def export_minutes(
    parent: QWidget | None,
    context: AppContext,
    meeting: MeetingRecord,
    *,
    kind: str = "pdf",
    public: bool = True,
) -> Task | None:
    """Ask where to save, write the file, then offer to open it."""
    target = choose_target(parent, meeting, kind, public)
    if target is None:
        return None
    task = start_export(parent, context, meeting.id, target, kind=kind, public=public)
    task.done.connect(lambda written: offer_to_open(parent, written))
    return task
