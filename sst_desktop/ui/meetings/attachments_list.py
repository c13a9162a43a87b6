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

from sst_desktop.services.agenda_records import AgendaItemRecord
from sst_desktop.services.attachments import AttachmentRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.meetings.formatting import size_text
from sst_desktop.ui.operations import agenda

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

    def attach_path(self, path: Path) -> None:
        """Attach one file; a file that is not a readable PDF is refused with the reason, and leaves
        nothing behind (not even an undo step)."""
        item = self.item
        if item is not None:
            agenda.attach_file(self.context, self, item, path).run()

    def open_selected(self) -> None:
        attachment = self.current()
        if attachment is not None:
            agenda.attachment_bytes(self.context, self, attachment).success(
                lambda data: self._open(attachment, data)
            ).run()

    def _open(self, attachment: AttachmentRecord, data: bytes) -> None:
        """Open a copy of the report in the PDF viewer."""
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
        if ok and title.strip() != attachment.title:
            agenda.rename_attachment(self.context, self, attachment, title).run()

    def remove_selected(self) -> None:
        attachment = self.current()
        if attachment is not None and self.item is not None:
            agenda.remove_attachment(self.context, self, attachment, self.item).run()
