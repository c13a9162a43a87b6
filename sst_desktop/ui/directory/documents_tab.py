"""The Documents tab of the committee screen: the committee's document style, with a live preview.

The form is made from the style's own fields (``document_style``): a tick box, a list of choices, a
line of wording or a number each, grouped as the style file groups them. Each change is saved as it
is made (one undo step each); the preview, the real first page of the minutes, the agenda or the pack's
front sheet in the style as the form shows it, is printed and drawn on the database worker and shown
when it comes back, so typing never waits on it.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.services.document_style import (
    DEFAULT_STYLE,
    PAGE_KINDS,
    SECTION_TITLES,
    SECTIONS,
    DocumentStyle,
    SamplePage,
)
from sst_desktop.services.errors import ServiceError
from sst_desktop.services.outcome import Changed, Outcome
from sst_desktop.services.records import CommitteeRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.errors import report_error
from sst_desktop.ui.operations import styles
from sst_desktop.ui.widgets.change_dialog import run_modal
from sst_desktop.ui.widgets.fields import CommitLineEdit, CommitTextEdit

CHOICE_LABELS = {
    "register": "Chair, then as the register is ordered",
    "councillors_first": "Chair, councillors, then others",
    "surname": "Chair, then by surname",
    "capacity": "Capacity (role)",
    "organisation": "Organisation",
    "none": "Nothing",
    "procedural": "For procedural items only",
    "always": "Always",
    "never": "Never (inline)",
    "semicolon_and": "(1) …; (2) …; and (3) ….",
    "semicolon": "(1) …; (2) …; (3) ….",
    "full_stop": "(1) …. (2) …. (3) ….",
    "label": "“Councillor: A, B, C”",
    "grouped": "“Councillors A and B; C”",
    "block": "COMMITTEE OFFICER block",
    "contact": "One “Contact:” line",
    "header": "In the header",
    "footer": "In the footer",
}
PREVIEW_DELAY_MS = 120  # typing several letters asks for one preview


class CopyStyleDialog(QDialog):
    """Choose the committee whose style to copy."""

    def __init__(self, committees: list[CommitteeRecord], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Copy document style")
        self.committee = QComboBox()
        for record in committees:
            self.committee.addItem(f"{record.name} ({record.short_name})", record)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Use the document style of:"))
        layout.addWidget(self.committee)
        layout.addWidget(buttons)

    @property
    def chosen(self) -> CommitteeRecord | None:
        record: CommitteeRecord | None = self.committee.currentData()
        return record


PREVIEW_LEAST_WIDTH = 320  # narrower, a printed page cannot be read beside the form


class DocumentsTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.committee: CommitteeRecord | None = None
        self.committees: list[CommitteeRecord] = []
        self.style_shown: DocumentStyle = DEFAULT_STYLE
        self.editors: dict[str, QWidget] = {}
        self._asked = 0  # the latest preview asked for; older answers are dropped

        self.copy_button = QPushButton("Copy from committee…")
        self.copy_button.clicked.connect(self.copy_from)
        self.import_button = QPushButton("Import…")
        self.import_button.setToolTip("Use the style in a file exported from this or another council's copy")
        self.import_button.clicked.connect(self.import_file)
        self.export_button = QPushButton("Export…")
        self.export_button.setToolTip("Write this committee's style to a small file to share")
        self.export_button.clicked.connect(self.export_file)
        self.default_button = QPushButton("Default style")
        self.default_button.setToolTip("Print the documents as SST Desktop does without a style")
        self.default_button.clicked.connect(lambda: self.save(DEFAULT_STYLE, "document style"))
        buttons = QHBoxLayout()
        for button in (self.copy_button, self.import_button, self.export_button, self.default_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 8, 0)
        for section in SECTIONS:
            group = QGroupBox(SECTION_TITLES[section])
            rows = QFormLayout(group)
            rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            rows.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow form: field under label
            for f in fields(DocumentStyle):
                if f.metadata["section"] == section:
                    editor = self._editor(f)
                    self.editors[f.name] = editor
                    if isinstance(editor, QCheckBox):
                        rows.addRow("", editor)
                    else:
                        rows.addRow(f.metadata["label"], editor)
            form_layout.addWidget(group)
        form_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(form)
        # The form is never narrower than its longest choice: the preview beside it gives way instead
        # (nothing cut off on the right, where the scroll area does not scroll).
        scroll.setMinimumWidth(form.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width())

        self.page_kind = QComboBox()
        for kind, label in PAGE_KINDS.items():
            self.page_kind.addItem(label, kind)
        self.page_kind.setToolTip("Which document's first page to show")
        self.page_kind.currentIndexChanged.connect(lambda _i: self.preview_soon())
        self.preview = QLabel()
        self.preview.setObjectName("style-preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview.setWordWrap(True)
        self.preview_scroll = QScrollArea()
        self.preview_scroll.setWidgetResizable(True)
        self.preview_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.preview_scroll.setWidget(self.preview)
        self.preview_box = preview_box = QGroupBox("Preview: the first page as it will print")
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.page_kind)
        preview_layout.addWidget(self.preview_scroll, 1)

        self.form_scroll = scroll
        self.splitter = splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(preview_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([600, 460])  # a page wide enough to read beside the form
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._ask_preview)
        context.changed.connect(self._on_changed)
        self.setEnabled(False)

    # The form ---------------------------------------------------------------------------------
    def _editor(self, f: Any) -> QWidget:
        name, label = f.name, f.metadata["label"]
        if f.type == "bool":
            box = QCheckBox(label)
            box.clicked.connect(lambda checked, n=name, t=label: self.save_setting(n, checked, t))
            return box
        if f.type == "int":
            spin = QSpinBox()
            spin.setRange(f.metadata["minimum"], f.metadata["maximum"])
            spin.setMaximumWidth(120)
            spin.editingFinished.connect(lambda n=name, s=spin, t=label: self.save_setting(n, s.value(), t))
            spin.valueChanged.connect(lambda _v: self.preview_soon())
            return spin
        if f.metadata["choices"]:
            combo = QComboBox()
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)  # a long choice is cut short when closed, whole when open
            for choice in f.metadata["choices"]:
                combo.addItem(CHOICE_LABELS.get(choice, choice), choice)
            combo.activated.connect(
                lambda _i, n=name, c=combo, t=label: self.save_setting(n, c.currentData(), t)
            )
            return combo
        editor: CommitLineEdit | CommitTextEdit
        if f.metadata.get("multiline"):
            editor = CommitTextEdit()
            editor.setFixedHeight(90)
            editor.setPlaceholderText("Dear Member, … {committee} {date} {time} {venue} {officer}")
            editor.textChanged.connect(self.preview_soon)
        else:
            editor = CommitLineEdit()
            editor.textEdited.connect(lambda _t: self.preview_soon())
        editor.commit_requested.connect(
            lambda text, n=name, e=editor, t=label: self.save_setting(n, text, t, e)
        )
        return editor

    def _value(self, name: str) -> object:
        editor = self.editors[name]
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, CommitTextEdit):
            return editor.toPlainText()
        assert isinstance(editor, CommitLineEdit)
        return editor.text()

    def _show_style(self, style: DocumentStyle, *, keep_edits: bool) -> None:
        self.style_shown = style
        for name, editor in self.editors.items():
            value = getattr(style, name)
            if isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QSpinBox):
                if not (keep_edits and editor.hasFocus()):
                    editor.blockSignals(True)
                    editor.setValue(int(value))
                    editor.blockSignals(False)
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(editor.findData(value))
            elif isinstance(editor, (CommitLineEdit, CommitTextEdit)):
                editor.set_saved_text(str(value), keep_edit=keep_edits)
        self.preview_soon()

    # Showing ----------------------------------------------------------------------------------
    def show_committee(self, record: CommitteeRecord | None, *, same: bool = False) -> None:
        changed_committee = record is None or self.committee is None or record.id != self.committee.id
        self.committee = record
        self.setEnabled(record is not None and not changed_committee)
        if record is None:
            self.preview.clear()
            return
        if changed_committee or not same:
            self.reload(keep_edits=False)  # (typing waits for the committee's style: it would replace it)
        else:
            self.preview_soon()  # the name or the officer may have changed

    def set_committees(self, records: list[CommitteeRecord]) -> None:
        """The committees whose style can be copied."""
        self.committees = list(records)

    def reload(self, *, keep_edits: bool = True) -> None:
        committee = self.committee
        if committee is None:
            return
        styles.read_style(self.context, self, committee.id).success(
            lambda style: self._read(committee.id, style, keep_edits)
        ).run()

    def _read(self, committee_id: int, style: DocumentStyle, keep_edits: bool) -> None:
        if self.committee is not None and self.committee.id == committee_id:
            self._show_style(style, keep_edits=keep_edits)
            self.setEnabled(True)

    def _on_changed(self, changed: Changed) -> None:
        if changed & Changed.STYLE:
            self.reload()

    def commit_pending(self) -> None:
        for editor in self.editors.values():
            if isinstance(editor, (CommitLineEdit, CommitTextEdit)) and editor.is_dirty():
                editor.commit_pending()

    # Preview ----------------------------------------------------------------------------------
    def pending_style(self) -> DocumentStyle:
        """The style as the form shows it, edits not yet saved included."""
        return self.style_shown.with_settings({name: self._value(name) for name in self.editors})

    def preview_soon(self) -> None:
        self._preview_timer.start()

    def _ask_preview(self) -> None:
        committee = self.committee
        if committee is None:
            return
        self._asked += 1
        asked = self._asked
        ratio = self.devicePixelRatioF()
        # (room for the scroll bar a page taller than the box brings: the page is never cut on the right)
        room = self.preview_scroll.maximumViewportSize().width()
        width = max(200, room - self.preview_scroll.verticalScrollBar().sizeHint().width() - 4)
        styles.preview(
            self.context,
            self,
            committee,
            self.pending_style(),
            self.page_kind.currentData(),
            round(width * ratio),
        ).success(lambda page: self._previewed(asked, page, ratio)).failure(
            lambda error: self._refused_preview(asked, str(error))
        ).run()

    def _previewed(self, asked: int, page: SamplePage, ratio: float) -> None:
        if asked != self._asked:
            return
        picture = QPixmap()
        picture.loadFromData(page.png, "PNG")
        picture.setDevicePixelRatio(ratio)  # drawn at the screen's own pixels: crisp
        self.preview.setPixmap(picture)
        self.preview.setAccessibleDescription(page.text)

    def _refused_preview(self, asked: int, message: str) -> None:
        if asked == self._asked:
            self.preview.setText(f"No preview: {message}")
            self.preview.setAccessibleDescription("")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Beside the form where there is room for a readable page, else under it (large text, a
        # small screen): never squeezed over the form.
        least = max(PREVIEW_LEAST_WIDTH, self.preview_box.minimumSizeHint().width())
        room = self.form_scroll.minimumWidth() + self.splitter.handleWidth() + least
        beside = event.size().width() >= room
        wanted = Qt.Orientation.Horizontal if beside else Qt.Orientation.Vertical
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)
        self.preview_soon()  # drawn again to the new width

    # Saving -----------------------------------------------------------------------------------
    def save_setting(
        self, name: str, value: object, label: str, editor: CommitLineEdit | CommitTextEdit | None = None
    ) -> None:
        if getattr(self.style_shown, name) == value:
            return
        self.save(self.style_shown.with_settings({name: value}), label.casefold(), editor)

    def save(
        self, style: DocumentStyle, what: str, editor: CommitLineEdit | CommitTextEdit | None = None
    ) -> None:
        committee = self.committee
        if committee is None or style == self.style_shown:
            return
        op = styles.set_style(self.context, self, committee, style, what)
        if editor is not None:
            op.refused_in(editor)
        else:
            op.failure(self._refused)
        op.success(lambda outcome: self._saved(committee.id, outcome)).run()

    def _saved(self, committee_id: int, outcome: Outcome[DocumentStyle]) -> None:
        if self.committee is not None and self.committee.id == committee_id:
            self._show_style(outcome.value, keep_edits=True)
            self.context.status_message.emit(f"Saved the document style of {self.committee.short_name}")

    def _refused(self, error: BaseException) -> None:
        report_error(self, error)
        self._show_style(self.style_shown, keep_edits=True)  # the box or list back as stored

    # Copy, import, export ---------------------------------------------------------------------
    def copy_from(self) -> None:
        committee = self.committee
        if committee is None:
            return
        others = [c for c in self.committees if c.id != committee.id]
        if not others:
            report_error(self, ServiceError("There is no other committee to copy a style from."))
            return
        source = run_modal(CopyStyleDialog(others, self.window()), lambda d: d.chosen)
        if source is None:
            return
        styles.copy_style(self.context, self, committee, source).success(
            lambda outcome: self._saved(committee.id, outcome)
        ).run()

    def import_file(self) -> None:
        committee = self.committee
        if committee is None:
            return
        name, _ = QFileDialog.getOpenFileName(self, "Import document style", "", "Style files (*.toml)")
        if not name:
            return
        styles.import_style(self.context, self, committee, Path(name)).success(
            lambda outcome: self._saved(committee.id, outcome)
        ).run()

    def export_file(self) -> None:
        committee = self.committee
        if committee is None:
            return
        suggested = f"{committee.short_name} document style.toml"
        name, _ = QFileDialog.getSaveFileName(
            self, "Export document style", suggested, "Style files (*.toml)"
        )
        if not name:
            return
        path = Path(name) if name.lower().endswith(".toml") else Path(name + ".toml")
        styles.export_style(self.context, self, committee.id, path).success(
            lambda written: self.context.status_message.emit(f"Wrote the document style to {written}")
        ).run()
