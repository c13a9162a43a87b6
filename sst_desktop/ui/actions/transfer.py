"""Dialogs of the action log's spreadsheet work: what to export, and the preview of an import."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.imports.actions_xlsx import ImportPreview
from sst_desktop.ui import theme
from sst_desktop.ui.window_geometry import keep_geometry


class ExportChoices(QDialog):
    """Which actions (those shown, or all) and how (one sheet, or one per committee)."""

    def __init__(self, shown: int, total: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export the action log")
        keep_geometry(self, "export_choices")
        self.shown_only = QRadioButton(f"The {shown:,} action{'' if shown == 1 else 's'} shown (as filtered)")
        self.everything = QRadioButton(f"All {total:,} action{'' if total == 1 else 's'}")
        self.shown_only.setChecked(shown != total)
        self.everything.setChecked(shown == total)
        which = QGroupBox("Which actions")
        which_layout = QVBoxLayout(which)
        which_layout.addWidget(self.shown_only)
        which_layout.addWidget(self.everything)
        self._which = QButtonGroup(self)
        self._which.addButton(self.shown_only)
        self._which.addButton(self.everything)

        self.one_sheet = QRadioButton("One sheet")
        self.per_committee = QRadioButton("One sheet per committee")
        self.one_sheet.setChecked(True)
        layout_box = QGroupBox("Layout")
        layout_layout = QVBoxLayout(layout_box)
        layout_layout.addWidget(self.one_sheet)
        layout_layout.addWidget(self.per_committee)
        self._layout = QButtonGroup(self)
        self._layout.addButton(self.one_sheet)
        self._layout.addButton(self.per_committee)

        note = QLabel(
            "Partners can update the status, the due date and the completion date, and write progress in "
            "the New update column. Import the returned file to bring their changes back."
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(which)
        layout.addWidget(layout_box)
        layout.addWidget(note)
        layout.addWidget(buttons)


class ImportPreviewDialog(QDialog):
    """Every change the file would make, every conflict and problem; Apply or Cancel."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(f"Import {preview.path.name}")
        keep_geometry(self, "import_preview", QSize(900, 560))
        summary = QLabel(preview.summary)
        summary.setObjectName("import-summary")
        summary.setWordWrap(True)
        font = summary.font()
        font.setBold(True)
        summary.setFont(font)

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("import-preview")
        self.table.setAccessibleName("Changes the workbook makes")
        self.table.setHorizontalHeaderLabels(["", "Reference", "Where", "What", "Details"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        rows: list[tuple[str, str, str, str, str, QBrush | None]] = []
        for change in preview.changes:
            for item in change.changes:
                before = item.before or "(empty)"
                rows.append(
                    (
                        "Change",
                        change.reference,
                        f"{change.sheet} row {change.row}",
                        item.label,
                        f"{before} → {item.after}",
                        None,
                    )
                )
        for issue in preview.conflicts:
            rows.append(
                (
                    "Conflict",
                    issue.reference,
                    issue.where,
                    "Not applied",
                    issue.message,
                    theme.brush("conflict_back"),
                )
            )
        for issue in preview.problems:
            rows.append(
                (
                    "Problem",
                    issue.reference or "—",
                    issue.where,
                    "Not applied",
                    issue.message,
                    theme.brush("overdue_back"),
                )
            )
        for note in preview.notes:
            rows.append(("Note", "", "", "", note, None))
        self.table.setRowCount(len(rows))
        for r, (kind, reference, where, what, details, brush) in enumerate(rows):
            for c, text in enumerate((kind, reference, where, what, details)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text if c == 4 else "")
                if brush is not None:
                    cell.setBackground(brush)
                self.table.setItem(r, c, cell)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()

        explain = QLabel(
            "Conflicts are actions changed in SST Desktop since the file was exported; problems are rows that "
            "could not be read. Neither is applied. Applying is all or nothing and cannot be undone with Undo."
            if preview.conflicts or preview.problems
            else "Applying is all or nothing and cannot be undone with Undo."
        )
        explain.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.addButton(
            f"Apply {len(preview.changes):,} change{'' if len(preview.changes) == 1 else 's'}",
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.apply_button.setObjectName("apply-import")
        self.apply_button.setEnabled(preview.has_changes)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(explain)
        layout.addWidget(buttons)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
