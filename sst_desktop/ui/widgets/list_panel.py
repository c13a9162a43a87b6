"""The left-hand list of a directory screen: title, search and New button, the table, a count and
"Show archived" — one layout, so People and Organisations look and behave alike."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget


def list_panel(
    title: str, search: QWidget, new_button: QWidget, table: QWidget, count: QLabel, show_archived: QWidget
) -> QWidget:
    top = QHBoxLayout()
    top.addWidget(search, 1)
    top.addWidget(new_button)
    bottom = QHBoxLayout()
    bottom.addWidget(count)
    bottom.addStretch(1)
    bottom.addWidget(show_archived)
    panel = QWidget()
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(16, 12, 6, 12)
    heading = QLabel(title)
    heading.setObjectName("page-title")
    layout.addWidget(heading)
    layout.addLayout(top)
    layout.addWidget(table, 1)
    layout.addLayout(bottom)
    return panel
