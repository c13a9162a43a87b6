"""Reading back an action log spreadsheet after partners edited it.

``preview_actions_xlsx`` reads the file and says, row by row, what would change (status, due date,
completion date, new progress updates), which rows conflict with edits made in SST Desktop since the
export, and which rows cannot be read (unknown reference, bad date, unknown status…). Nothing is
written. ``apply_preview`` then applies the changes in one transaction: all or nothing.

Columns are found by their header, so partners may move, hide or add columns. Files that are not
an SST Desktop action log, or not a workbook at all, are refused with a message saying so.
Importing the same file twice changes nothing the second time: values already equal are no change,
and an update whose text the action already has is not added again.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from sqlalchemy import select

from sst_desktop.domain import Action, ActionUpdate
from sst_desktop.domain.enums import ActionStatus
from sst_desktop.services.action_sheet import (
    FORMAT_VERSION,
    HEADER_KEYS,
    MARK_SHEET,
    MARK_TITLE,
    REQUIRED,
    SheetColumn,
    header_key,
)
from sst_desktop.services.actions import SheetEdit, apply_sheet_edits, parse_status, version_stamp
from sst_desktop.services.errors import ServiceError, ValidationError
from sst_desktop.services.jobs import JobHooks
from sst_desktop.services.outcome import Changed, Reversal
from sst_desktop.services.validation import clean_text
from sst_desktop.storage.engine import Database

HEADER_SEARCH_ROWS = 10
_UK_DATE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[ T][\d:.]+)?\s*$")
_UPDATE_PREFIX = re.compile(r"^\s*\d{1,2}/\d{1,2}/\d{4}\s*:\s*")
NO_DATE_WORDS = {"", "next meeting", "none", "n/a", "tbc", "-"}


class SpreadsheetError(ServiceError):
    """The file cannot be read as an SST Desktop action log; the message says why."""


@dataclass(frozen=True)
class FieldChange:
    label: str  # "Status", "Due date", "Completed on", "New update"
    before: str
    after: str


@dataclass(frozen=True)
class RowChange:
    sheet: str
    row: int
    reference: str
    changes: tuple[FieldChange, ...]
    edit: SheetEdit


@dataclass(frozen=True)
class RowIssue:
    """A conflict or a problem on one row; that row is left as it is."""

    sheet: str
    row: int
    reference: str
    message: str

    @property
    def where(self) -> str:
        return f"{self.sheet} row {self.row}"


@dataclass(frozen=True)
class ImportPreview:
    path: Path
    changes: tuple[RowChange, ...]
    conflicts: tuple[RowIssue, ...]
    problems: tuple[RowIssue, ...]
    unchanged: int
    rows_read: int
    notes: tuple[str, ...] = field(default=())

    @property
    def has_changes(self) -> bool:
        return bool(self.changes)

    @property
    def summary(self) -> str:
        parts = [
            f"{self.rows_read:,} row{'' if self.rows_read == 1 else 's'} read",
            f"{len(self.changes):,} to change",
            f"{self.unchanged:,} unchanged",
        ]
        if self.conflicts:
            parts.append(f"{len(self.conflicts):,} conflict{'' if len(self.conflicts) == 1 else 's'}")
        if self.problems:
            parts.append(f"{len(self.problems):,} problem{'' if len(self.problems) == 1 else 's'}")
        return ", ".join(parts) + "."

    def lines(self) -> list[str]:
        """Every change, conflict and problem, one per line (what the CLI prints)."""
        out: list[str] = []
        for change in self.changes:
            for item in change.changes:
                before = f"“{item.before}”" if item.before else "(empty)"
                out.append(
                    f"change   {change.reference} ({change.sheet} row {change.row}): "
                    f"{item.label}: {before} → “{item.after}”"
                )
        for issue in self.conflicts:
            out.append(f"conflict {issue.reference} ({issue.where}): {issue.message}")
        for issue in self.problems:
            label = issue.reference or "-"
            out.append(f"problem  {label} ({issue.where}): {issue.message}")
        out.extend(f"note     {note}" for note in self.notes)
        return out


@dataclass(frozen=True)
class ImportResult:
    """What applying an import did. Applying is all or nothing and not an undo step: the officer saw
    every change before choosing to apply them."""

    actions_changed: int
    updates_added: int
    undo: Reversal | None = None

    @property
    def changed(self) -> Changed:
        return Changed.ACTIONS if self.actions_changed else Changed.NOTHING

    @property
    def summary(self) -> str:
        return (
            f"Imported: {self.actions_changed:,} action{'' if self.actions_changed == 1 else 's'} changed, "
            f"{self.updates_added:,} update{'' if self.updates_added == 1 else 's'} added."
        )


# Reading -----------------------------------------------------------------------------------------


@dataclass
class _SheetRow:
    sheet: str
    row: int
    values: dict[SheetColumn, object]


def _open(path: Path):  # type: ignore[no-untyped-def]
    if not path.exists():
        raise SpreadsheetError(f"{path} does not exist.")
    if path.is_dir():
        raise SpreadsheetError(f"{path} is a folder, not a spreadsheet.")
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, EOFError, ValueError, TypeError) as error:
        raise SpreadsheetError(
            f"{path.name} is not an Excel workbook (.xlsx) or it is damaged, so it cannot be imported."
        ) from error
    except OSError as error:
        raise SpreadsheetError(f"{path.name} cannot be read: {error.strerror or error}.") from error


def _check_mark(wb, path: Path) -> None:  # type: ignore[no-untyped-def]
    foreign = SpreadsheetError(
        f"{path.name} is not an action log exported by SST Desktop, so it cannot be imported. "
        "Export the action log from SST Desktop, send that file to partners, and import the file they return."
    )
    if MARK_SHEET not in wb.sheetnames:
        raise foreign
    mark = wb[MARK_SHEET]
    if hasattr(mark, "reset_dimensions"):
        mark.reset_dimensions()
    first = next(mark.iter_rows(min_row=1, max_row=1, values_only=True), None)
    if not first or len(first) < 2 or first[0] != MARK_TITLE:
        raise foreign
    try:
        version = int(first[1])  # type: ignore[arg-type]
    except (TypeError, ValueError) as error:
        raise foreign from error
    if version > FORMAT_VERSION:
        raise SpreadsheetError(
            f"{path.name} was made by a newer version of SST Desktop; update SST Desktop to import it."
        )


def _read_rows(wb, path: Path, hooks: JobHooks) -> tuple[list[_SheetRow], list[RowIssue], list[str]]:  # type: ignore[no-untyped-def]
    rows: list[_SheetRow] = []
    problems: list[RowIssue] = []
    notes: list[str] = []
    usable_sheets = 0
    for ws in wb.worksheets:
        if ws.title == MARK_SHEET:
            continue
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()  # read every row, whatever size the file claims
        columns: dict[SheetColumn, int] = {}
        header_row = 0
        cells = ws.iter_rows(values_only=True)
        for number, values in enumerate(cells, 1):
            found = {
                HEADER_KEYS[header_key(v)]: i
                for i, v in reversed(list(enumerate(values)))
                if header_key(v) in HEADER_KEYS
            }
            if SheetColumn.REFERENCE in found:
                columns, header_row = found, number
                break
            if number >= HEADER_SEARCH_ROWS:
                break
        if not header_row:
            notes.append(f"Sheet “{ws.title}” has no Reference column and was skipped.")
            continue
        missing = [c.header for c in REQUIRED if c not in columns]
        if missing:
            notes.append(f"Sheet “{ws.title}” has no {', '.join(missing)} column and was skipped.")
            continue
        usable_sheets += 1
        for number, values in enumerate(cells, header_row + 1):
            if not any(v not in (None, "") for v in values):
                continue
            picked = {c: (values[i] if i < len(values) else None) for c, i in columns.items()}
            reference = _text(picked.get(SheetColumn.REFERENCE))
            if not reference:
                problems.append(
                    RowIssue(
                        ws.title,
                        number,
                        "",
                        "no reference: new actions cannot be added from a spreadsheet (record them in SST Desktop)",
                    )
                )
                continue
            rows.append(_SheetRow(ws.title, number, picked))
            if len(rows) % 2000 == 0:
                hooks.step(len(rows), 0)
    if not usable_sheets:
        raise SpreadsheetError(
            f"{path.name} has no sheet with the columns Reference, Status, Due date and Version, so it cannot "
            "be imported. Partners may move columns but not delete these."
        )
    return rows, problems, notes


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_text(str(value))


def parse_sheet_date(value: object) -> tuple[bool, date | None]:
    """(understood, date): a date cell, an Excel serial number, "31/12/2022", "2022-12-31"; empty or
    "Next meeting" is no date. Two-digit years are 20xx."""
    if isinstance(value, datetime):
        return True, value.date()
    if isinstance(value, date):
        return True, value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2_958_466:
            return True, date(1899, 12, 30) + timedelta(days=int(value))
        return False, None
    text = _text(value)
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


# The database side ---------------------------------------------------------------------------------


@dataclass
class _Current:
    id: int
    status: ActionStatus
    due_date: date | None
    due_next_meeting: bool
    completed_on: date | None
    version: str
    updates: list[tuple[date, int, str]] = field(default_factory=list)

    def latest_update(self) -> str:
        if not self.updates:
            return ""
        on, _, text = max(self.updates)
        return f"{on:%d/%m/%Y}: {text}"

    def knows_update(self, text: str) -> bool:
        key = _update_key(text)
        return any(_update_key(t) == key for _, _, t in self.updates)


def _update_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _current(db: Database, references: Iterable[str]) -> dict[str, _Current]:
    wanted = {r.upper() for r in references}
    found: dict[str, _Current] = {}
    by_id: dict[int, _Current] = {}
    columns = (
        Action.id,
        Action.reference,
        Action.status,
        Action.due_date,
        Action.due_next_meeting,
        Action.completed_on,
        Action.updated_at,
    )
    with db.read() as session:
        if len(wanted) > 5_000:
            results = [session.execute(select(*columns))]
        else:
            ordered = sorted(wanted)
            results = [
                session.execute(select(*columns).where(Action.reference.in_(ordered[i : i + 500])))
                for i in range(0, len(ordered), 500)
            ]
        for result in results:
            for aid, reference, status, due, due_next, completed, updated in result:
                key = reference.upper()
                if key in wanted:
                    current = _Current(aid, status, due, bool(due_next), completed, version_stamp(updated))
                    found[key] = current
                    by_id[aid] = current
        ids = sorted(by_id)
        for i in range(0, len(ids), 500):
            for aid, on, uid, text in session.execute(
                select(ActionUpdate.action_id, ActionUpdate.on, ActionUpdate.id, ActionUpdate.text).where(
                    ActionUpdate.action_id.in_(ids[i : i + 500])
                )
            ):
                by_id[aid].updates.append((on, uid, text))
    return found


# Preview and apply ---------------------------------------------------------------------------------


def preview_actions_xlsx(
    db: Database, path: Path, *, today: date | None = None, hooks: JobHooks | None = None
) -> ImportPreview:
    """Read ``path`` and work out what importing it would do. Nothing is written."""
    hooks = hooks or JobHooks()
    today = today or date.today()
    path = Path(path)
    wb = _open(path)
    try:
        _check_mark(wb, path)
        rows, problems, notes = _read_rows(wb, path, hooks)
    except (zipfile.BadZipFile, KeyError, EOFError, ValueError, TypeError) as error:
        raise SpreadsheetError(f"{path.name} is damaged and cannot be read ({error}).") from error
    finally:
        wb.close()
    current = _current(db, (_text(r.values.get(SheetColumn.REFERENCE)) for r in rows))
    changes: list[RowChange] = []
    conflicts: list[RowIssue] = []
    unchanged = 0
    seen: dict[str, str] = {}
    for index, row in enumerate(rows):
        if index % 500 == 0:
            hooks.step(index, len(rows))
        reference = _text(row.values.get(SheetColumn.REFERENCE))
        where = f"{row.sheet} row {row.row}"
        state = current.get(reference.upper())
        if state is None:
            problems.append(
                RowIssue(row.sheet, row.row, reference, "no action has this reference in SST Desktop")
            )
            continue
        if reference.upper() in seen:
            problems.append(
                RowIssue(
                    row.sheet,
                    row.row,
                    reference,
                    f"the reference appears twice (also {seen[reference.upper()]})",
                )
            )
            continue
        seen[reference.upper()] = where
        outcome = _compare(row, reference, state, today)
        if isinstance(outcome, RowIssue):
            problems.append(outcome)
            continue
        if outcome is None:
            unchanged += 1
            continue
        file_version = _text(row.values.get(SheetColumn.VERSION))
        if file_version != state.version:
            if not file_version:
                message = "the hidden Version cell is empty, so edits made in SST Desktop cannot be ruled out"
            else:
                message = "changed in SST Desktop since this file was exported"
            wanted = "; ".join(f"{c.label} “{c.after}”" for c in outcome.changes)
            conflicts.append(RowIssue(row.sheet, row.row, reference, f"{message}; not applied ({wanted})"))
            continue
        changes.append(outcome)
    hooks.step(len(rows), len(rows))
    return ImportPreview(
        path=path,
        changes=tuple(changes),
        conflicts=tuple(conflicts),
        problems=tuple(sorted(problems, key=lambda p: (p.sheet, p.row))),
        unchanged=unchanged,
        rows_read=len(rows) + sum(1 for p in problems if not p.reference),
        notes=tuple(notes),
    )


def _compare(row: _SheetRow, reference: str, state: _Current, today: date) -> RowChange | RowIssue | None:
    values = row.values
    issue = lambda message: RowIssue(row.sheet, row.row, reference, message)  # noqa: E731
    status_cell = _text(values.get(SheetColumn.STATUS))
    if not status_cell:
        return issue("the Status is empty (choose one from the list)")
    try:
        status = parse_status(status_cell)
    except ValidationError:
        return issue(
            f"“{status_cell}” is not a status (Open, In progress, Completed, Deferred, Closed without action)"
        )
    ok, due = parse_sheet_date(values.get(SheetColumn.DUE))
    if not ok:
        return issue(f"the Due date “{_text(values.get(SheetColumn.DUE))}” is not a date (dd/mm/yyyy)")
    completed: date | None = None
    if SheetColumn.COMPLETED in values:
        ok, completed = parse_sheet_date(values.get(SheetColumn.COMPLETED))
        if not ok:
            return issue(
                f"the Completed on date “{_text(values.get(SheetColumn.COMPLETED))}” is not a date (dd/mm/yyyy)"
            )
    if completed is not None and completed > today:
        return issue(f"the Completed on date {completed:%d/%m/%Y} is in the future")

    changes: list[FieldChange] = []
    new_status = None
    new_completed = None
    if status is not state.status:
        new_status = status
        changes.append(FieldChange("Status", state.status.label, status.label))
    if status.is_done:
        when = completed or (state.completed_on if state.status.is_done else None) or today
        if when != state.completed_on:
            new_completed = when
            before = f"{state.completed_on:%d/%m/%Y}" if state.completed_on else ""
            changes.append(FieldChange("Completed on", before, f"{when:%d/%m/%Y}"))
    set_due = due != state.due_date
    if set_due:
        before = (
            f"{state.due_date:%d/%m/%Y}"
            if state.due_date
            else ("Next meeting" if state.due_next_meeting else "")
        )
        changes.append(FieldChange("Due date", before, f"{due:%d/%m/%Y}" if due else "(none)"))

    updates: list[str] = []
    new_update = _text(values.get(SheetColumn.NEW_UPDATE))
    if new_update and not state.knows_update(new_update):
        updates.append(new_update)
    latest_cell = _text(values.get(SheetColumn.LATEST_UPDATE))
    if (
        SheetColumn.LATEST_UPDATE in values
        and latest_cell
        and _update_key(latest_cell) != _update_key(state.latest_update())
    ):
        text = _UPDATE_PREFIX.sub("", latest_cell)
        if (
            text
            and not state.knows_update(text)
            and _update_key(text) not in {_update_key(u) for u in updates}
        ):
            updates.append(text)
    for text in updates:
        changes.append(FieldChange("New update", "", text))

    if not changes:
        return None
    edit = SheetEdit(
        action_id=state.id,
        reference=reference,
        version=state.version,
        status=new_status,
        completed_on=new_completed,
        set_due=set_due,
        due_date=due,
        new_updates=tuple(updates),
    )
    return RowChange(row.sheet, row.row, reference, tuple(changes), edit)


def apply_preview(
    db: Database,
    preview: ImportPreview,
    *,
    on: date | None = None,
    author: str = "",
    hooks: JobHooks | None = None,
) -> ImportResult:
    """Apply the previewed changes in one transaction (all or none). Conflicts and problems stay out."""
    edits = [change.edit for change in preview.changes]
    changed = apply_sheet_edits(db, edits, on=on, author=author, hooks=hooks).value
    return ImportResult(actions_changed=changed, updates_added=sum(len(e.new_updates) for e in edits))


def import_actions_xlsx(
    db: Database, path: Path, *, apply: bool = False, hooks: JobHooks | None = None
) -> tuple[ImportPreview, ImportResult | None]:
    """Preview ``path`` and, with ``apply``, apply what the preview found."""
    preview = preview_actions_xlsx(db, path, hooks=hooks)
    result = apply_preview(db, preview, hooks=hooks) if apply and preview.has_changes else None
    return preview, result
