"""Walking a window's accessibility tree (``QAccessible``) as a screen reader does."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QWidget

Role = QAccessible.Role
INTERACTIVE = frozenset(
    {
        Role.Button,
        Role.CheckBox,
        Role.RadioButton,
        Role.ComboBox,
        Role.EditableText,
        Role.SpinBox,
        Role.Slider,
        Role.PageTab,
        Role.Table,
        Role.List,
        Role.Tree,
        Role.ButtonMenu,
        Role.ButtonDropDown,
        Role.Link,
    }
)


@dataclass(frozen=True)
class Control:
    role: QAccessible.Role
    name: str
    description: str
    widget: str  # class and object name, to say which one in a failure

    def __str__(self) -> str:
        return f"{self.role.name} {self.widget}"


def shown_nodes(interface: QAccessibleInterface | None, depth: int = 0) -> Iterator[QAccessibleInterface]:
    """Every node a screen reader reaches from ``interface``: not those hidden."""
    if interface is None or not interface.isValid() or depth > 60 or interface.state().invisible:
        return
    yield interface
    for index in range(interface.childCount()):
        yield from shown_nodes(interface.child(index), depth + 1)


def controls(window: QWidget) -> list[Control]:
    """The interactive controls of ``window`` a screen reader reaches, with what it would say."""
    found = []
    for node in shown_nodes(QAccessible.queryAccessibleInterface(window)):
        if node.role() not in INTERACTIVE:
            continue
        obj = node.object()
        label = f"{type(obj).__name__}#{obj.objectName()}" if obj is not None else "?"
        found.append(
            Control(
                node.role(),
                node.text(QAccessible.Text.Name).strip(),
                node.text(QAccessible.Text.Description),
                label,
            )
        )
    return found


def column_headers(window: QWidget) -> dict[str, list[str]]:
    """Each shown table's column headers (by the table's name), as the accessibility tree gives them."""
    headers = {}
    for node in shown_nodes(QAccessible.queryAccessibleInterface(window)):
        if node.role() == Role.Table:
            cells = (node.child(index) for index in range(node.childCount()))
            names = [
                c.text(QAccessible.Text.Name)
                for c in cells
                if c is not None and c.role() == Role.ColumnHeader
            ]
            headers[node.text(QAccessible.Text.Name)] = names
    return headers
