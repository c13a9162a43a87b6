"""The action log's workbooks: export the log partners update, import what they send back (every
change shown before it is applied), and a committee's attendance register. Each is long work on the
database worker with a progress dialog; a message says what was written or changed."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations import actions as operations
from sst_desktop.ui.tasks import Task

if TYPE_CHECKING:
    from sst_desktop.imports.actions_xlsx import ImportPreview
    from sst_desktop.ui.actions.log_view import ActionLogPage


def documents_folder() -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return folder or str(Path.home())


def as_workbook(name: str) -> Path:
    return Path(name if name.lower().endswith(".xlsx") else name + ".xlsx")


class LogWorkbooks(QObject):
    """Export, import and the attendance register, for the log page they sit on."""

    def __init__(self, page: ActionLogPage, context: AppContext) -> None:
        super().__init__(page)
        self.page = page
        self.context = context
        self._tasks: list[Task] = []
        self.last_export: object = None  # the last export's result, for the status line and tests
        self.last_import: object = None

    # Export ---------------------------------------------------------------------------------------
    def choose_export(self) -> None:
        from sst_desktop.ui.actions.transfer import ExportChoices  # (when first needed: openpyxl is big)

        model = self.page.model
        shown, total = len(model.rows()), len(model.log.rows)
        dialog = ExportChoices(shown, total, self.page)
        if dialog.exec() != ExportChoices.DialogCode.Accepted:
            return
        suggested = str(Path(documents_folder()) / f"Action log {date.today():%d-%m-%Y}.xlsx")
        name, _ = QFileDialog.getSaveFileName(
            self.page, "Export the action log", suggested, "Excel workbook (*.xlsx)"
        )
        if not name:
            return
        self.export_to(
            as_workbook(name),
            shown_only=dialog.shown_only.isChecked(),
            per_committee=dialog.per_committee.isChecked(),
        )

    def export_to(self, path: Path, *, shown_only: bool = False, per_committee: bool = False) -> Task:
        """Write the workbook in the background; a message says what was written (and what was cut)."""
        model = self.page.model
        shown = model.rows()
        ids = [r[0] for r in shown] if shown_only and len(shown) != len(model.log.rows) else None
        task = operations.export_log(
            self.context, self.page, path, action_ids=ids, per_committee=per_committee
        )
        task.done.connect(self._exported)
        return self._keep(task)

    def _exported(self, result: object) -> None:
        self.last_export = result
        summary = getattr(result, "summary", "")
        self.context.status_message.emit(summary)
        if getattr(result, "truncated", ()):
            QMessageBox.warning(self.page, "Some text was cut", summary)

    # Import ---------------------------------------------------------------------------------------
    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.page, "Import an action log partners updated", documents_folder(), "Excel workbook (*.xlsx)"
        )
        if name:
            self.preview_import(Path(name))

    def preview_import(self, path: Path, *, ask: bool = True) -> Task:
        """Read the file in the background, then show every change before anything is applied."""
        task = operations.preview_import(self.context, self.page, path)
        if ask:
            task.done.connect(self._confirm_import)
        return self._keep(task)

    def _confirm_import(self, preview: ImportPreview) -> None:
        from sst_desktop.ui.actions.transfer import ImportPreviewDialog

        dialog = ImportPreviewDialog(preview, self.page)
        if dialog.exec() == ImportPreviewDialog.DialogCode.Accepted:
            self.apply_import(preview)

    def apply_import(self, preview: ImportPreview) -> Task:
        task = operations.apply_import(self.context, self.page, preview)
        task.done.connect(self._imported)
        return self._keep(task)

    def _imported(self, result: object) -> None:
        self.last_import = result  # (the log hears the change and reads the actions it touched)
        self.context.status_message.emit(getattr(result, "summary", "Imported."))

    # Attendance register --------------------------------------------------------------------------
    def choose_register(self) -> None:
        log = self.page.model.log
        committee_id = self.page.filters.chosen_committee()
        if committee_id is None:
            committees = sorted(log.committees.values(), key=lambda c: c.name.casefold())
            if not committees:
                QMessageBox.information(self.page, "Attendance register", "There are no committees yet.")
                return
            names = [c.name for c in committees]
            name, ok = QInputDialog.getItem(self.page, "Attendance register", "Committee", names, 0, False)
            if not ok:
                return
            committee_id = committees[names.index(name)].id
        info = log.committees[committee_id]
        suggested = str(Path(documents_folder()) / f"Attendance {info.short_name.replace('/', '-')}.xlsx")
        path, _ = QFileDialog.getSaveFileName(
            self.page, "Attendance register", suggested, "Excel workbook (*.xlsx)"
        )
        if path:
            self.export_register(committee_id, as_workbook(path))

    def export_register(self, committee_id: int, path: Path) -> Task:
        task = operations.export_register(self.context, self.page, committee_id, path)
        task.done.connect(self._exported)
        return self._keep(task)

    def _keep(self, task: Task) -> Task:
        self._tasks.append(task)
        task.ended.connect(lambda t=task: self._tasks.remove(t) if t in self._tasks else None)
        return task
