"""The officer's own wording of a generated sentence (apologies, declarations) for one meeting."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class SentenceDialog(QDialog):
    """Type the sentence the minutes print instead of the generated one; empty goes back to it."""

    def __init__(self, kind: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Own {kind} sentence")
        hint = QLabel(
            f"The minutes of this meeting print this instead of the {kind} sentence the style words; "
            "what is typed in the minute itself still follows it. Leave it empty for the style's sentence."
        )
        hint.setWordWrap(True)
        self.text = QPlainTextEdit(text)
        self.text.setAccessibleName("Sentence")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumSize(460, 110)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    @property
    def sentence(self) -> str:
        return self.text.toPlainText().strip()
