"""Reading back an action log spreadsheet after partners edited it.

``preview_actions_xlsx`` reads the file and says, row by row, what would change (status, due date,
completion date, new progress updates), which rows conflict with edits made in SST Desktop since the
export, and which rows cannot be applied, naming the row: an unknown reference, a reference of
another committee than the row's (or the file's), a bad date or status, a formula whose value the
file does not hold, a text longer than SST Desktop keeps. Nothing is written. ``apply_preview`` then
applies the changes in one transaction: all or nothing.

Columns are found by their header, so partners may move, hide or add columns. Files that are not
an SST Desktop action log, not a workbook at all, or bigger than any action log (a small file holding
a huge string) are refused with a message saying so (see ``action_rows`` and ``xlsx_reader``).
Importing the same file twice changes nothing the second time: values already equal are no change,
and an update whose text the action already has is not added again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select

from sst_desktop.domain import Action, ActionUpdate, Committee, language_marks
from sst_desktop.domain.enums import ActionStatus
from sst_desktop.imports.action_rows import (
    SheetContents,
    SheetRow,
    SpreadsheetError,
    cell_text,
    parse_sheet_date,
    read_action_rows,
)
from sst_desktop.imports.xlsx_reader import UNKNOWN
from sst_desktop.services.action_records import UPDATE_LIMIT, version_stamp
from sst_desktop.services.action_sheet import SheetColumn, sheet_version
from sst_desktop.services.action_sheet_edits import SheetEdit, apply_sheet_edits
from sst_desktop.services.actions import parse_status
from sst_desktop.services.errors import ValidationError
from sst_desktop.services.jobs import JobHooks
from sst_desktop.services.outcome import Changed, Reversal
from sst_desktop.services.validation import required
from sst_desktop.storage.engine import Database

__all__ = [
    "SpreadsheetError",
    "apply_preview",
    "import_actions_xlsx",
    "parse_sheet_date",
    "preview_actions_xlsx",
]

_UPDATE_PREFIX = re.compile(r"^\s*\d{1,2}/\d{1,2}/\d{4}\s*:\s*")
# What to do about a formula whose value the file does not hold, by column.
_FORMULA_FIX = {
    SheetColumn.DUE: "type the date",
    SheetColumn.COMPLETED: "type the date",
    SheetColumn.STATUS: "choose the status from the list",
    SheetColumn.NEW_UPDATE: "type the text",
    SheetColumn.LATEST_UPDATE: "type the text",
}


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


# The database side ---------------------------------------------------------------------------------


@dataclass
class _Current:
    id: int
    status: ActionStatus
    due_date: date | None
    due_next_meeting: bool
    completed_on: date | None
    version: str
    committee_short: str = ""
    committee_name: str = ""
    updates: list[tuple[date, int, str]] = field(default_factory=list)

    def is_of(self, committee: str) -> bool:
        """Does ``committee`` (a short name or name, as a sheet gives it) name this action's committee?"""
        return committee.casefold() in (self.committee_short.casefold(), self.committee_name.casefold())

    def latest_update(self) -> str:
        if not self.updates:
            return ""
        on, _, text = max(self.updates)
        return f"{on:%d/%m/%Y}: {text}"

    def knows_update(self, text: str) -> bool:
        key = _update_key(text)
        return any(_update_key(t) == key for _, _, t in self.updates)


def _update_key(text: str) -> str:
    """An update as a sheet shows it, for comparing: the export writes a marked passage as its words."""
    return " ".join(language_marks.plain(text).split()).casefold()


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
        Committee.short_name,
        Committee.name,
    )
    query = select(*columns).join(Committee, Committee.id == Action.committee_id)
    with db.read() as session:
        if len(wanted) > 5_000:
            results = [session.execute(query)]
        else:
            ordered = sorted(wanted)
            results = [
                session.execute(query.where(Action.reference.in_(ordered[i : i + 500])))
                for i in range(0, len(ordered), 500)
            ]
        for result in results:
            for aid, reference, status, due, due_next, completed, updated, short, name in result:
                key = reference.upper()
                if key in wanted:
                    current = _Current(
                        aid, status, due, bool(due_next), completed, version_stamp(updated), short, name
                    )
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
    contents = read_action_rows(path, hooks)
    rows = contents.rows
    problems = [RowIssue(p.sheet, p.row, "", p.message) for p in contents.problems]
    notes = contents.notes
    current = _current(db, (cell_text(r.values.get(SheetColumn.REFERENCE)) for r in rows))
    changes: list[RowChange] = []
    conflicts: list[RowIssue] = []
    unchanged = 0
    seen: dict[str, str] = {}
    for index, row in enumerate(rows):
        if index % 500 == 0:
            hooks.step(index, len(rows))
        if row.values.get(SheetColumn.REFERENCE) is UNKNOWN:
            problems.append(RowIssue(row.sheet, row.row, "", _formula(SheetColumn.REFERENCE)))
            continue
        reference = cell_text(row.values.get(SheetColumn.REFERENCE))
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
        refusal = _unreadable(row) or _other_committee(row, reference, state, contents)
        if refusal:
            problems.append(RowIssue(row.sheet, row.row, reference, refusal))
            continue
        outcome = _compare(row, reference, state, today, contents.date1904)
        if isinstance(outcome, RowIssue):
            problems.append(outcome)
            continue
        if outcome is None:
            unchanged += 1
            continue
        file_version = cell_text(row.values.get(SheetColumn.VERSION))
        if file_version != _expected_version(state, contents):
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


def _formula(column: SheetColumn) -> str:
    fix = _FORMULA_FIX.get(column, "copy the value back from the file SST Desktop exported")
    return f"the {column.header} is a formula with no value saved in the file; {fix}"


def _unreadable(row: SheetRow) -> str:
    """Why the row cannot be read as it stands (a formula whose value the file lacks), or ""."""
    for column in SheetColumn:
        if row.values.get(column) is UNKNOWN:
            return _formula(column)
    return ""


def _other_committee(row: SheetRow, reference: str, state: _Current, contents: SheetContents) -> str:
    """Why the action is not one this row (or this file) may change, or "": a reference typed in
    from another committee's action log must not change that committee's action."""
    whose = f"{reference} is an action of {state.committee_name} ({state.committee_short})"
    if contents.committee and not state.is_of(contents.committee):
        return f"{whose}, and this file is the action log of {contents.committee} only; not applied"
    written = cell_text(row.values.get(SheetColumn.COMMITTEE))
    if written and not state.is_of(written):
        return f"{whose}, not of {written} as this row says; not applied (check the reference)"
    return ""


def _expected_version(state: _Current, contents: SheetContents) -> str:
    """The Version cell the file holds when the action has not changed since the export."""
    return sheet_version(state.id, state.version) if contents.format_version >= 2 else state.version


def _compare(
    row: SheetRow, reference: str, state: _Current, today: date, date1904: bool = False
) -> RowChange | RowIssue | None:
    values = row.values
    issue = lambda message: RowIssue(row.sheet, row.row, reference, message)  # noqa: E731
    status_cell = cell_text(values.get(SheetColumn.STATUS))
    if not status_cell:
        return issue("the Status is empty (choose one from the list)")
    try:
        status = parse_status(status_cell)
    except ValidationError:
        return issue(
            f"“{status_cell}” is not a status (Open, In progress, Completed, Deferred, Closed without action)"
        )
    ok, due = parse_sheet_date(values.get(SheetColumn.DUE), date1904=date1904)
    if not ok:
        return issue(f"the Due date “{cell_text(values.get(SheetColumn.DUE))}” is not a date (dd/mm/yyyy)")
    completed: date | None = None
    if SheetColumn.COMPLETED in values:
        ok, completed = parse_sheet_date(values.get(SheetColumn.COMPLETED), date1904=date1904)
        if not ok:
            return issue(
                f"the Completed on date “{cell_text(values.get(SheetColumn.COMPLETED))}” is not a date (dd/mm/yyyy)"
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
    new_update = cell_text(values.get(SheetColumn.NEW_UPDATE))
    if new_update and not state.knows_update(new_update):
        updates.append(new_update)
    latest_cell = cell_text(values.get(SheetColumn.LATEST_UPDATE))
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
        try:  # the rule the apply enforces, checked here, on this row
            required(text, "The update", max_length=UPDATE_LIMIT, multiline=True)
        except ValidationError as error:
            return issue(f"the update “{text[:40]}…” cannot be added: {error}")
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
