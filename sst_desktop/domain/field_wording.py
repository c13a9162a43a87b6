"""A record's fields as an officer reads them: the two sides of a conflict, a change in a message."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date


def field_lines(record: object, names: Iterable[str], shown_as: Mapping[str, str] | None = None) -> str:
    """Fields of a record as an officer reads them, one a line ("Default venue: Bootle Town Hall"):
    two versions of a record side by side. A field is shown by the attribute ``shown_as`` names for
    it (an action's ``owner_text`` by its ``owner``), an ``x_id`` by the record's ``x_name``."""
    lines: list[str] = []
    for name in names:
        attribute = (shown_as or {}).get(name) or (f"{name[:-3]}_name" if name.endswith("_id") else name)
        label = attribute.removesuffix("_name").replace("_", " ").capitalize()
        line = f"{label}: {shown_value(getattr(record, attribute, None))}"
        if line not in lines:
            lines.append(line)
    return "\n".join(lines)


def shown_value(value: object) -> str:
    """A value as an officer reads it (an enum by its label, a date as 08/09/2022, nothing as a dash)."""
    if value is None or value == "":
        return "—"
    label = getattr(value, "label", None)
    if isinstance(label, str):
        return label
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, tuple | list):
        return "; ".join(str(v) for v in value)
    return str(value)
