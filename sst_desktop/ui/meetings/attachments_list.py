"""The reports attached to an agenda item: add PDFs (checked as they are attached), open, rename, remove."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.services import attachments as attachment_service
from sst_desktop.services.agenda import AgendaItemRecord
from sst_desktop.services.attachments import AttachmentRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.meetings.commands import run_edit
from sst_desktop.ui.meetings.formatting import size_text

PDF_FILTER = "PDF reports (*.pdf);;All files (*)"
_open_folder: tempfile.TemporaryDirectory[str] | None = None


def viewing_folder() -> Path:
    """A private folder for copies of reports opened in the PDF viewer; removed when the app exits."""
    global _open_folder
    if _open_folder is None:
        _open_folder = tempfile.TemporaryDirectory(prefix="sst-reports-")
    return Path(_open_folder.name)


class AttachmentsList(QWidget):
    """Reports of one agenda item, in the order they go into the agenda pack."""

    attachment_count_changed = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.item: AgendaItemRecord | None = None
        self.list = QListWidget()
        self.list.setObjectName("attachments")
        self.list.setFixedHeight(50)
        self.list.itemDoubleClicked.connect(lambda _: self.open_selected())
        self.list.currentRowChanged.connect(lambda _: self._update_buttons())
        self.add_button = QPushButton("Add PDF…")
        self.add_button.setToolTip("Attach a report saved as PDF; it is stored inside the database.")
        self.open_button = QPushButton("Open")
        self.rename_button = QPushButton("Rename…")
        self.remove_button = QPushButton("Remove")
        self.add_button.clicked.connect(self.add_files)
        self.open_button.clicked.connect(self.open_selected)
        self.rename_button.clicked.connect(self.rename_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.rename_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.show_item(None)

    def show_item(self, item: AgendaItemRecord | None, *, editable: bool = True) -> None:
        current = self.current()
        self.item = item
        self.list.clear()
        for attachment in item.attachments if item else ():
            pages = f"{attachment.page_count} page{'s' if attachment.page_count != 1 else ''}"
            row = QListWidgetItem(f"{attachment.display_title} · {pages} · {size_text(attachment.size)}")
            row.setData(Qt.ItemDataRole.UserRole, attachment)
            row.setToolTip(
                f"{attachment.filename}\nAdded {attachment.added_at:%d %b %Y %H:%M}\n"
                f"SHA-256 {attachment.sha256[:16]}…"
            )
            self.list.addItem(row)
            if current is not None and current.id == attachment.id:
                self.list.setCurrentItem(row)
        self._editable = editable
        self.add_button.setEnabled(item is not None and editable)
        self._update_buttons()

    def current(self) -> AttachmentRecord | None:
        row = self.list.currentItem()
        return row.data(Qt.ItemDataRole.UserRole) if row is not None else None

    def _update_buttons(self) -> None:
        chosen = self.current() is not None
        self.open_button.setEnabled(chosen)
        self.rename_button.setEnabled(chosen and self._editable)
        self.remove_button.setEnabled(chosen and self._editable)

    # actions --------------------------------------------------------------------------------
    def add_files(self) -> None:
        if self.item is None:
            return
        settings = QSettings()
        folder = str(settings.value("meetings/report_folder", "") or "")
        names, _ = QFileDialog.getOpenFileNames(self, "Attach reports (PDF)", folder, PDF_FILTER)
        for name in names:
            settings.setValue("meetings/report_folder", str(Path(name).parent))
            self.attach_path(Path(name))

    def attach_path(self, path: Path) -> bool:
        """Attach one file; a file that is not a readable PDF is refused with the reason."""
        item = self.item
        if item is None:
            return False
        try:
            data = path.read_bytes()
        except OSError as error:
            report_error(self, error)
            return False
        try:  # check before touching the undo stack, so a refused file leaves no trace
            attachment_service.check_pdf(data, f"“{path.name}”")
        except Exception as error:
            report_error(self, error)
            return False
        db = self.context.database
        added: list[int] = []

        def do() -> None:
            added.append(attachment_service.attach_pdf(db, item.id, data, path.name).after.id)  # type: ignore[union-attr]

        def undo() -> None:
            attachment_service.remove_attachment(db, added.pop())

        command = run_edit(
            self.context, self, f"Attach {path.name} to item {item.number}", do, undo, "agenda"
        )
        return not command.failed

    def open_selected(self) -> None:
        attachment = self.current()
        if attachment is None:
            return
        data = self.context.call(
            self, lambda: attachment_service.attachment_bytes(self.context.database, attachment.id)
        )
        if data is None:
            return
        folder = viewing_folder() / str(attachment.id)
        folder.mkdir(exist_ok=True)
        target = folder / (Path(attachment.filename).name or "report.pdf")
        try:
            target.write_bytes(data)
        except OSError as error:
            report_error(self, error)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def rename_selected(self) -> None:
        attachment = self.current()
        if attachment is None:
            return
        title, ok = QInputDialog.getText(
            self, "Rename report", "Title of the report:", text=attachment.display_title
        )
        if not ok or title.strip() == attachment.title:
            return
        db = self.context.database
        run_edit(
            self.context,
            self,
            f"Rename {attachment.filename}",
            lambda: attachment_service.rename_attachment(db, attachment.id, title),
            lambda: attachment_service.rename_attachment(db, attachment.id, attachment.title),
            "agenda",
        )

    def remove_selected(self) -> None:
        attachment = self.current()
        if attachment is None or self.item is None:
            return
        db = self.context.database
        removed: list[attachment_service.RemovedAttachment] = []
        run_edit(
            self.context,
            self,
            f"Remove {attachment.filename} from item {self.item.number}",
            lambda: removed.append(attachment_service.remove_attachment(db, attachment.id)),
            lambda: attachment_service.restore_attachment(db, removed.pop()),
            "agenda",
        )
