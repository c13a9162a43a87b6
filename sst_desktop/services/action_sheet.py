"""The action log spreadsheet partners receive and send back: its columns and marks.

The export writes it and the import reads it; both take the layout from here so they cannot drift.
The import finds columns by their header (partners may move columns), recognises our files by the
hidden sheet ``MARK_SHEET``, and detects edits made in SST Desktop since the export through each row's
version stamp in the hidden ``Version`` column: the action's id and its ``updated_at`` when exported
(``sheet_version``). The id is part of it because actions recorded together share an ``updated_at``
(the demo's 20 do): a stamp copied from another row must not pass for the version of the action
whose reference a partner typed in. Format 1 files carry the bare ``updated_at``.
An export of one committee's actions names that committee on the mark sheet (``MARK_COMMITTEE``).
"""

from __future__ import annotations

import enum

from sst_desktop.domain.enums import ActionStatus

MARK_SHEET = "SST Desktop"
MARK_TITLE = "SST Desktop action log"
FORMAT_VERSION = 2  # 2: the Version cell carries the action's id; the mark may name the committee
MARK_COMMITTEE = "Committee"
DATE_FORMAT = "DD/MM/YYYY"


class SheetColumn(enum.Enum):
    """Columns in the order written; the value is the header text."""

    REFERENCE = "Reference"
    COMMITTEE = "Committee"
    MEETING = "Meeting date"
    MINUTE = "Minute"
    KIND = "Type"
    ACTION = "Action"
    RESPONSE = "Response"
    OWNER = "Owner"
    ORGANISATION = "Organisation"
    DUE = "Due date"
    STATUS = "Status"
    COMPLETED = "Completed on"
    LATEST_UPDATE = "Latest update"
    NEW_UPDATE = "New update"
    VERSION = "Version"

    @property
    def header(self) -> str:
        return self.value


COLUMNS: tuple[SheetColumn, ...] = tuple(SheetColumn)
# What the import needs to find; the other columns are for reading.
REQUIRED = (SheetColumn.REFERENCE, SheetColumn.STATUS, SheetColumn.DUE, SheetColumn.VERSION)
# What a partner may change and the import applies.
EDITABLE = (SheetColumn.DUE, SheetColumn.STATUS, SheetColumn.COMPLETED, SheetColumn.NEW_UPDATE)

STATUS_LABELS: tuple[str, ...] = tuple(s.label for s in ActionStatus)
DONE_LABELS: tuple[str, ...] = tuple(s.label for s in ActionStatus if s.is_done)

HELP_TEXT = (
    "Please update the Status (choose from the list), the Due date (dd/mm/yyyy), the Completed on date "
    "when you complete an action, and write progress in the New update column. Keep the Reference "
    "column as it is: it lets SST Desktop read the file back."
)


def sheet_version(action_id: int, stamp: str) -> str:
    """The Version cell of an action: its id and its ``version_stamp`` when exported."""
    return f"{action_id}@{stamp}"


def header_key(text: object) -> str:
    """A header compared loosely: case, spaces and a trailing asterisk ignored."""
    return " ".join(str(text or "").replace("*", " ").split()).casefold()


HEADER_KEYS = {header_key(c.header): c for c in COLUMNS}
