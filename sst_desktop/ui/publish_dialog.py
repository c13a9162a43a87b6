"""File → Publish website…: a committee's public record as a static website in a folder.

The officer chooses the committee, the folder, an optional first date and whether to add a page of
open actions; the folder and the actions choice are remembered per committee, so publishing again
goes to the same place and rewrites only what changed. Publishing runs on the database worker with a progress dialog; the result says how
many files were written and offers to open the website.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.services.records import CommitteeRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations import directory
from sst_desktop.ui.tasks import Task
from sst_desktop.ui.widgets.date_box import DateBox

if TYPE_CHECKING:
    from sst_desktop.exports.website.writer import PublishResult
    from sst_desktop.ui.main_window import MainWindow

FOLDER_KEY = "publish/folder/{committee}"
ACTIONS_KEY = "publish/actions/{committee}"


class PublishActions(QObject):
    """The File menu's Publish website… entry of ``window``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction("&Publish website…", window)
        self.action.setObjectName("file-publish")
        self.action.setStatusTip("Publish a committee's public record as a website in a folder")
        self.action.triggered.connect(self.open_dialog)
        window.add_file_action(self.action, section="export")
        self.dialog: PublishDialog | None = None

    def open_dialog(self) -> PublishDialog:
        self.dialog = PublishDialog(self.window.context, self.window.settings, self.window)
        self.dialog.open()
        return self.dialog


class PublishDialog(QDialog):
    def __init__(self, context: AppContext, settings: QSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.settings = settings
        self.task: Task | None = None
        self.published: PublishResult | None = None
        self.setObjectName("publish-dialog")
        self.setWindowTitle("Publish website")
        self.setMinimumWidth(560)

        self.committee = QComboBox()
        self.committee.setAccessibleName("Committee")
        self.folder = QLineEdit()
        self.folder.setAccessibleName("Folder")
        self.folder.setPlaceholderText("an empty folder, or the one published to before")
        browse = QPushButton("&Browse…")
        browse.setAccessibleName("Choose the folder")
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.since = DateBox(allow_empty=True)
        self.since.setAccessibleName("Meetings from")
        self.since.setToolTip("Leave empty to publish every meeting")
        self.with_actions = QCheckBox("Add a page of the committee's open &actions")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Result")

        form = QFormLayout()
        form.addRow("&Committee:", self.committee)
        folder_label = QLabel("&Folder:")
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        form.addRow("Meetings &from:", self.since)
        form.addRow(self.with_actions)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.publish_button = buttons.addButton("&Publish", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button = buttons.addButton("&Open the website", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setEnabled(False)
        self.publish_button.clicked.connect(self.publish)
        self.open_button.clicked.connect(self.open_site)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Writes the committee's public record — agendas, public minutes, reports — as web pages "
            "a council can upload anywhere. Nothing exempt is ever published."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.committee.currentIndexChanged.connect(self._remembered_folder)
        self.publish_button.setEnabled(False)
        directory.list_committees(context, self, include_archived=False).success(self._fill).run()

    def _fill(self, committees: list[CommitteeRecord]) -> None:
        for committee in committees:
            self.committee.addItem(committee.name, committee)
        self.publish_button.setEnabled(bool(committees))
        if not committees:
            self.message.setText("There are no committees to publish yet.")

    def _chosen(self) -> CommitteeRecord | None:
        data = self.committee.currentData()
        return data if isinstance(data, CommitteeRecord) else None

    def _remembered_folder(self) -> None:
        committee = self._chosen()
        if committee is not None:
            self.folder.setText(str(self.settings.value(FOLDER_KEY.format(committee=committee.id), "") or ""))
            actions = self.settings.value(ACTIONS_KEY.format(committee=committee.id), False)
            self.with_actions.setChecked(actions in (True, "true"))

    def _browse(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Publish the website to", self.folder.text())
        if name:
            self.folder.setText(name)

    def publish(self) -> None:
        committee = self._chosen()
        text = self.folder.text().strip()
        if committee is None:
            return
        if not text:
            self.message.setText("Choose the folder to publish the website to.")
            self.folder.setFocus()
            return
        folder = Path(text).expanduser()
        if not folder.parent.is_dir():
            self.message.setText(f"The folder {folder.parent} does not exist.")
            self.folder.setFocus()
            return
        if not self.since.commit():
            self.message.setText("“Meetings from” is not a date: correct it or leave it empty.")
            self.since.setFocus()
            return
        from sst_desktop.ui.operations import documents  # the exports load only when first needed

        self.publish_button.setEnabled(False)
        self.message.setText("Publishing…")
        self.task = documents.publish_website(
            self.context,
            self,
            committee,
            folder,
            since=self.since.date(),
            with_actions=self.with_actions.isChecked(),
        )
        self.task.done.connect(lambda result: self._published(committee, result))
        self.task.ended.connect(lambda: self.publish_button.setEnabled(True))

    def _published(self, committee: CommitteeRecord, result: PublishResult) -> None:
        self.published = result
        self.settings.setValue(FOLDER_KEY.format(committee=committee.id), str(result.folder))
        self.settings.setValue(ACTIONS_KEY.format(committee=committee.id), self.with_actions.isChecked())
        removed = f", {len(result.removed)} removed" if result.removed else ""
        lines = [
            f"Published {committee.name} to {result.folder}: {len(result.written)} files written, "
            f"{result.unchanged} unchanged{removed}."
        ]
        lines += [f"Note: {warning}" for warning in result.warnings]
        self.message.setText("\n".join(lines))
        self.open_button.setEnabled(True)
        self.context.status_message.emit(lines[0])

    def open_site(self) -> None:
        if self.published is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.published.folder / "index.html")))
