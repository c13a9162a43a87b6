"""What still points at a row: so a delete never silently cascades away part of the record."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import sst_desktop.domain  # noqa: F401  (registers every table)
from sst_desktop.domain.base import Base

# Plain words for the tables a person, committee or organisation may be referred to from.
_TABLE_WORDS = {
    "memberships": "committee membership",
    "attendance": "attendance record",
    "declarations": "declaration of interest",
    "actions": "action",
    "agenda_item_presenters": "agenda item presented",
    "committees": "committee",
    "people": "person",
    "meetings": "meeting",
    "forward_plan_items": "forward plan item",
    "standing_items": "standing item",
}


def references_to(
    session: Session, table_name: str, row_id: int, *, ignore: tuple[str, ...] = ()
) -> dict[str, int]:
    """How many rows of each other table refer to ``table_name`` row ``row_id`` (tables in ``ignore`` skipped)."""
    counts: dict[str, int] = {}
    for table in Base.metadata.sorted_tables:
        if table.name in ignore:
            continue
        for fk in table.foreign_keys:
            if fk.column.table.name != table_name:
                continue
            count = session.scalar(select(func.count()).select_from(table).where(fk.parent == row_id)) or 0
            if count:
                counts[table.name] = counts.get(table.name, 0) + count
    return counts


def describe(counts: dict[str, int]) -> str:
    """ "3 committee memberships and 1 action"."""
    parts = []
    for table, count in counts.items():
        word = _TABLE_WORDS.get(table, table.replace("_", " ").rstrip("s"))
        parts.append(f"{count} {word}{'' if count == 1 else 's'}")
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
