"""Reading the rows of a returned action log workbook, before anything is compared with the database.

The file is read with ``xlsx_reader`` (streamed, within fixed limits: a small file holding a huge
string is refused at once, in bounded memory). It must carry the very hidden mark sheet the export
writes; its columns are found by their header on each sheet, so partners may move, hide or add
columns. A cell that is a formula with no saved value reads as ``UNKNOWN``, for the import to refuse
that row rather than take the cell for empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sst_desktop.domain.plain_text import clean_text
from sst_desktop.imports.xlsx_reader import UNKNOWN, WorkbookError, XlsxReader
from sst_desktop.services.action_sheet import (
    FORMAT_VERSION,
    HEADER_KEYS,
    MARK_COMMITTEE,
    MARK_SHEET,
    MARK_TITLE,
    REQUIRED,
    SheetColumn,
    header_key,
)
from sst_desktop.services.errors import ServiceError
from sst_desktop.services.jobs import JobHooks

HEADER_SEARCH_ROWS = 10
_UK_DATE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[ T][\d:.]+)?\s*$")
NO_DATE_WORDS = {"", "next meeting", "none", "n/a", "tbc", "-"}
_EPOCH_1900 = date(1899, 12, 30)
_EPOCH_1904 = date(1904, 1, 1)


class SpreadsheetError(ServiceError):
    """The file cannot be read as an SST Desktop action log; the message says why."""


@dataclass
class SheetRow:
    sheet: str
    row: int
    values: dict[SheetColumn, object]  # a value may be ``UNKNOWN`` (a formula with no saved value)


@dataclass(frozen=True)
class RowProblem:
    sheet: str
    row: int
    message: str


@dataclass
class SheetContents:
    """What the file holds: its rows, rows without a reference, notes about skipped sheets, and
    what its mark sheet says (the format version; the one committee exported, if it was one)."""

    rows: list[SheetRow]
    problems: list[RowProblem]
    notes: list[str]
    format_version: int
    committee: str = ""
    date1904: bool = False  # serial dates count from 1904 (some Mac workbooks)


def read_action_rows(path: Path, hooks: JobHooks) -> SheetContents:
    """Every row with a value of every sheet of ``path`` that has the key columns."""
    if not path.exists():
        raise SpreadsheetError(f"{path} does not exist.")
    if path.is_dir():
        raise SpreadsheetError(f"{path} is a folder, not a spreadsheet.")
    try:
        with XlsxReader(path) as reader:
            format_version, committee = _read_mark(reader, path)
            contents = _read_sheets(reader, path, hooks)
            contents.date1904 = reader.date1904
    except WorkbookError as error:
        raise SpreadsheetError(f"{path.name} {error}, so it cannot be imported.") from error
    except OSError as error:
        raise SpreadsheetError(f"{path.name} cannot be read: {error.strerror or error}.") from error
    contents.format_version, contents.committee = format_version, committee
    return contents


def _read_mark(reader: XlsxReader, path: Path) -> tuple[int, str]:
    foreign = SpreadsheetError(
        f"{path.name} is not an action log exported by SST Desktop, so it cannot be imported. "
        "Export the action log from SST Desktop, send that file to partners, and import the file they return."
    )
    mark = next((s for s in reader.sheets if s.title == MARK_SHEET), None)
    if mark is None:
        raise foreign
    lines = {number: values for number, values in reader.rows(mark)}
    first = lines.get(1, [])
    if len(first) < 2 or first[0] != MARK_TITLE:
        raise foreign
    try:
        version = int(first[1])  # type: ignore[call-overload]
    except (TypeError, ValueError) as error:
        raise foreign from error
    if version > FORMAT_VERSION:
        raise SpreadsheetError(
            f"{path.name} was made by a newer version of SST Desktop; update SST Desktop to import it."
        )
    committee = next(
        (
            cell_text(values[1])
            for values in lines.values()
            if len(values) > 1 and values[0] == MARK_COMMITTEE
        ),
        "",
    )
    return version, committee


def _read_sheets(reader: XlsxReader, path: Path, hooks: JobHooks) -> SheetContents:
    contents = SheetContents(rows=[], problems=[], notes=[], format_version=FORMAT_VERSION)
    usable_sheets = 0
    for sheet in reader.sheets:
        if sheet.title == MARK_SHEET:
            continue
        columns: dict[SheetColumn, int] = {}
        rows = reader.rows(sheet)
        for number, values in rows:
            found = {
                HEADER_KEYS[header_key(v)]: i
                for i, v in reversed(list(enumerate(values)))
                if v is not UNKNOWN and header_key(v) in HEADER_KEYS
            }
            if SheetColumn.REFERENCE in found:
                columns = found
                break
            if number >= HEADER_SEARCH_ROWS:
                break
        if not columns:
            contents.notes.append(f"Sheet “{sheet.title}” has no Reference column and was skipped.")
            continue
        missing = [c.header for c in REQUIRED if c not in columns]
        if missing:
            contents.notes.append(
                f"Sheet “{sheet.title}” has no {', '.join(missing)} column and was skipped."
            )
            continue
        usable_sheets += 1
        for number, values in rows:
            picked = {c: (values[i] if i < len(values) else None) for c, i in columns.items()}
            if not any(v not in (None, "") for v in picked.values()):
                continue
            if picked.get(SheetColumn.REFERENCE) in (None, ""):
                contents.problems.append(
                    RowProblem(
                        sheet.title,
                        number,
                        "no reference: new actions cannot be added from a spreadsheet (record them in SST Desktop)",
                    )
                )
                continue
            contents.rows.append(SheetRow(sheet.title, number, picked))
            if len(contents.rows) % 2000 == 0:
                hooks.step(len(contents.rows), 0)
    if not usable_sheets:
        raise SpreadsheetError(
            f"{path.name} has no sheet with the columns Reference, Status, Due date and Version, so it cannot "
            "be imported. Partners may move columns but not delete these."
        )
    return contents


def cell_text(value: object) -> str:
    """A cell as text: whole numbers without ".0", control characters as spaces."""
    if value is None or value is UNKNOWN:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_text(str(value))


def parse_sheet_date(value: object, *, date1904: bool = False) -> tuple[bool, date | None]:
    """(understood, date): a date cell, an Excel serial number, "31/12/2022", "2022-12-31"; empty or
    "Next meeting" is no date. Two-digit years are 20xx."""
    if isinstance(value, datetime):
        return True, value.date()
    if isinstance(value, date):
        return True, value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2_958_466:
            return True, (_EPOCH_1904 if date1904 else _EPOCH_1900) + timedelta(days=int(value))
        return False, None
    text = cell_text(value)
    if text.casefold() in NO_DATE_WORDS:
        return True, None
    match = _UK_DATE.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            if year < 100:
                year += 2000
            return True, date(year, month, day)
        match = _ISO_DATE.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return True, date(year, month, day)
    except ValueError:
        return False, None
    return False, None
