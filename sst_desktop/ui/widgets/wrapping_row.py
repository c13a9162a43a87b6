"""A row of parts that stacks them when the window is too narrow to hold them side by side.

On an ordinary screen the parts sit in one row, stretched as they always were; with large text
(Windows' "Make text bigger") or a narrow window they go one under another instead of pushing the
window wider than the screen or needing a sideways scroll bar.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLayout, QSizePolicy, QWidget


class WrappingRow(QWidget):
    def __init__(self, parent: QWidget | None = None, *, spacing: int = 6) -> None:
        super().__init__(parent)
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(spacing)
        self._parts: list[QWidget] = []
        self._fitting = False
        # Never taller than its parts need: stacked, a part that stretches along the row would
        # otherwise make the row take height from the table under it.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def add(self, part: QWidget | QLayout, stretch: int = 0) -> QWidget:
        """Add a part: a widget, or a layout (kept together on one line)."""
        if isinstance(part, QLayout):
            holder = QWidget()
            part.setContentsMargins(0, 0, 0, 0)
            holder.setLayout(part)
            part = holder
        self._parts.append(part)
        self.row.addWidget(part, stretch)
        return part

    @property
    def stacked(self) -> bool:
        return self.row.direction() == QBoxLayout.Direction.TopToBottom

    def side_by_side_width(self) -> int:
        """The narrowest the row can be with every part side by side."""
        spacing = self.row.spacing() * max(len(self._parts) - 1, 0)
        return sum(part.minimumSizeHint().width() for part in self._parts) + spacing

    def minimumSizeHint(self) -> QSize:
        """As narrow as its widest part: the row stacks rather than holding the window wide."""
        widest = max((part.minimumSizeHint().width() for part in self._parts), default=0)
        return QSize(widest, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._fitting:  # (decided after the resize: relaying out inside it is not safe)
            self._fitting = True
            QTimer.singleShot(0, self._fit)

    def _fit(self) -> None:
        if not shiboken6.isValid(self):
            return
        self._fitting = False
        wanted = (
            QBoxLayout.Direction.TopToBottom
            if self.width() < self.side_by_side_width()
            else QBoxLayout.Direction.LeftToRight
        )
        if wanted != self.row.direction():
            self.row.setDirection(wanted)
            self.updateGeometry()
