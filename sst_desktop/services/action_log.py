"""The action log across every committee: all actions as light rows, filtered and sorted in Python.

The log holds up to hundreds of thousands of actions, so it is read with one plain SQL statement into
tuples (no ORM objects: measured here, 100,000 ORM objects take ten times as long), and dates stay ISO
strings ("2022-09-08"), which compare and sort like dates and are formatted only for the rows shown.
Filtering and sorting the row list in Python answers in tens of milliseconds.

A row is a tuple; the ``R_*`` constants name its positions.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from operator import itemgetter

from sst_desktop.domain.enums import ActionKind, ActionStatus
from sst_desktop.services.actions import version_stamp
from sst_desktop.storage.engine import Database

Row = tuple  # see the R_* positions

R_ID = 0
R_REFERENCE = 1
R_KIND = 2
R_COMMITTEE_ID = 3
R_MEETING_ID = 4
R_MEETING_DATE = 5  # ISO text or None
R_MINUTE_NUMBER = 6  # int or None
R_TEXT = 7
R_OWNER = 8  # the person's name, else the owner text
R_ORGANISATION = 9  # name or None
R_DUE = 10  # ISO text or None
R_DUE_NEXT_MEETING = 11  # 0/1
R_STATUS = 12  # ActionStatus value
R_UPDATE_ON = 13  # ISO text or None
R_UPDATE_TEXT = 14  # text or None
R_MINUTE_ID = 15

_SQL = """
SELECT a.id, a.reference, a.kind, a.committee_id, a.meeting_id, m.date, mi.number, a.text,
       CASE WHEN a.owner_person_id IS NULL THEN a.owner_text
            ELSE TRIM(p.first_name || ' ' || p.last_name) END,
       o.name, a.due_date, a.due_next_meeting, a.status, lu."on", lu.text, a.minute_id
FROM actions a
LEFT JOIN meetings m ON m.id = a.meeting_id
LEFT JOIN minutes mi ON mi.id = a.minute_id
LEFT JOIN people p ON p.id = a.owner_person_id
LEFT JOIN organisations o ON o.id = a.organisation_id
LEFT JOIN action_updates lu ON lu.id = (
    SELECT u.id FROM action_updates u WHERE u.action_id = a.id ORDER BY u."on" DESC, u.id DESC LIMIT 1
)
"""

DONE_VALUES = frozenset(s.value for s in ActionStatus if s.is_done)
OPEN_VALUES = frozenset(s.value for s in ActionStatus if not s.is_done)
STATUS_ORDER = {s.value: i for i, s in enumerate(ActionStatus)}
STATUS_LABELS = {s.value: s.label for s in ActionStatus}


class Column(enum.IntEnum):
    """The log's columns, in the order shown."""

    REFERENCE = 0
    COMMITTEE = 1
    MEETING_DATE = 2
    MINUTE = 3
    ACTION = 4
    OWNER = 5
    ORGANISATION = 6
    DUE = 7
    STATUS = 8
    LATEST_UPDATE = 9

    @property
    def title(self) -> str:
        return _TITLES[self]


_TITLES = {
    Column.REFERENCE: "Reference",
    Column.COMMITTEE: "Committee",
    Column.MEETING_DATE: "Meeting",
    Column.MINUTE: "Minute",
    Column.ACTION: "Action",
    Column.OWNER: "Owner",
    Column.ORGANISATION: "Organisation",
    Column.DUE: "Due",
    Column.STATUS: "Status",
    Column.LATEST_UPDATE: "Latest update",
}


@dataclass(frozen=True)
class CommitteeInfo:
    id: int
    name: str
    short_name: str


@dataclass
class ActionLog:
    """Every action of the database as rows, with what the filters offer."""

    rows: list[Row]
    committees: dict[int, CommitteeInfo]
    _haystacks: dict[int, str] | None = field(default=None, repr=False)

    def haystack(self) -> dict[int, str]:
        """Each row's searchable text folded for comparison (built on the first search)."""
        if self._haystacks is None:
            join = "\x1f".join
            self._haystacks = {
                r[0]: join((r[1], r[7], r[8] or "", r[9] or "", r[14] or "")).casefold() for r in self.rows
            }
        return self._haystacks

    def owners(self) -> list[str]:
        return sorted({r[R_OWNER] for r in self.rows if r[R_OWNER]}, key=str.casefold)

    def organisations(self) -> list[str]:
        return sorted({r[R_ORGANISATION] for r in self.rows if r[R_ORGANISATION]}, key=str.casefold)

    def committee_short(self, committee_id: int) -> str:
        info = self.committees.get(committee_id)
        return info.short_name if info else ""

    def replace_row(self, row: Row) -> None:
        """Put a freshly read row in place of the one with the same id (after an edit)."""
        for index, old in enumerate(self.rows):
            if old[0] == row[0]:
                self.rows[index] = row
                break
        else:
            self.rows.append(row)
        if self._haystacks is not None:
            self._haystacks[row[0]] = "\x1f".join(
                (row[1], row[7], row[8] or "", row[9] or "", row[14] or "")
            ).casefold()

    def remove_row(self, action_id: int) -> None:
        self.rows = [r for r in self.rows if r[0] != action_id]
        if self._haystacks is not None:
            self._haystacks.pop(action_id, None)


def load_log(db: Database) -> ActionLog:
    """Read every action of every committee as rows (in the order they were recorded)."""
    return ActionLog(rows=_fetch(db, _SQL), committees=_committees(db))


def load_rows(db: Database, action_ids: Iterable[int]) -> list[Row]:
    """Fresh rows for a few actions (after they were edited)."""
    ids = sorted({int(i) for i in action_ids})
    if not ids:
        return []
    found: list[Row] = []
    for start in range(0, len(ids), 500):
        chunk = ",".join(str(i) for i in ids[start : start + 500])
        found += _fetch(db, f"{_SQL} WHERE a.id IN ({chunk})")
    return found


def _fetch(db: Database, sql: str) -> list[Row]:
    connection = db.engine.raw_connection()
    try:
        cursor = connection.cursor()
        try:
            cursor.execute(sql)
            rows = cursor.fetchall()
        finally:
            cursor.close()
    finally:
        connection.close()
    if db.engine.dialect.name != "sqlite":  # other drivers return dates and booleans as objects
        rows = [tuple(_portable(v) for v in r) for r in rows]
    return rows


def _portable(value: object) -> object:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _committees(db: Database) -> dict[int, CommitteeInfo]:
    from sqlalchemy import select

    from sst_desktop.domain import Committee

    with db.read() as session:
        return {
            cid: CommitteeInfo(cid, name, short)
            for cid, name, short in session.execute(
                select(Committee.id, Committee.name, Committee.short_name)
            )
        }


# Filtering ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LogFilter:
    """What the officer asked to see; every part narrows the rows further."""

    committee_ids: frozenset[int] | None = None
    statuses: frozenset[str] | None = None  # ActionStatus values
    owner: str | None = None
    organisation: str | None = None
    overdue: bool = False
    due_within_days: int | None = None  # due by today + N days (overdue included), not done
    kind: str | None = None  # ActionKind value
    text: str = ""

    def without_text(self) -> LogFilter:
        return replace(self, text="")

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.text.casefold().split())


NOT_DONE = frozenset(OPEN_VALUES)


def filter_rows(
    log: ActionLog, spec: LogFilter, *, today: date | None = None, rows: Sequence[Row] | None = None
) -> list[Row]:
    """The rows (of ``rows``, by default all of the log) that pass every part of ``spec``."""
    today = today or date.today()
    result: Sequence[Row] = log.rows if rows is None else rows
    if spec.committee_ids is not None:
        ids = spec.committee_ids
        result = [r for r in result if r[3] in ids]
    if spec.kind is not None:
        kind = spec.kind
        result = [r for r in result if r[2] == kind]
    if spec.statuses is not None:
        statuses = spec.statuses
        result = [r for r in result if r[12] in statuses]
    if spec.owner is not None:
        owner = spec.owner
        result = [r for r in result if r[8] == owner]
    if spec.organisation is not None:
        organisation = spec.organisation
        result = [r for r in result if r[9] == organisation]
    if spec.overdue:
        limit = today.isoformat()
        done = DONE_VALUES
        result = [r for r in result if r[10] is not None and r[10] < limit and r[12] not in done]
    if spec.due_within_days is not None:
        limit = (today + timedelta(days=spec.due_within_days)).isoformat()
        done = DONE_VALUES
        result = [r for r in result if r[10] is not None and r[10] <= limit and r[12] not in done]
    words = spec.words
    if words:
        haystack = log.haystack()
        if len(words) == 1:
            word = words[0]
            result = [r for r in result if word in haystack[r[0]]]
        else:
            result = [r for r in result if all(w in haystack[r[0]] for w in words)]
    return list(result) if result is log.rows or not isinstance(result, list) else result


def is_overdue(row: Row, today_iso: str) -> bool:
    return row[R_DUE] is not None and row[R_DUE] < today_iso and row[R_STATUS] not in DONE_VALUES


# Sorting ------------------------------------------------------------------------------------------

_COLUMN_INDEX = {
    Column.REFERENCE: R_REFERENCE,
    Column.MEETING_DATE: R_MEETING_DATE,
    Column.MINUTE: R_MINUTE_NUMBER,
    Column.ACTION: R_TEXT,
    Column.OWNER: R_OWNER,
    Column.ORGANISATION: R_ORGANISATION,
    Column.DUE: R_DUE,
    Column.LATEST_UPDATE: R_UPDATE_ON,
}
_FOLDED = {Column.ACTION, Column.OWNER, Column.ORGANISATION}


def sort_rows(log: ActionLog, rows: list[Row], column: Column, descending: bool = False) -> list[Row]:
    """``rows`` sorted on ``column``; rows with nothing in that column always come last.
    Equal values keep their previous order (the sort is stable)."""
    column = Column(column)
    if column is Column.COMMITTEE:
        shorts = {cid: info.short_name.casefold() for cid, info in log.committees.items()}
        return sorted(rows, key=lambda r: shorts.get(r[3], ""), reverse=descending)
    if column is Column.STATUS:
        order = STATUS_ORDER
        return sorted(rows, key=lambda r: order[r[12]], reverse=descending)
    index = _COLUMN_INDEX[column]
    present = [r for r in rows if r[index] is not None and r[index] != ""]
    missing = [r for r in rows if r[index] is None or r[index] == ""] if len(present) != len(rows) else []
    if column in _FOLDED:
        present.sort(key=lambda r: r[index].casefold(), reverse=descending)
    else:
        present.sort(key=itemgetter(index), reverse=descending)
    return present + missing


# Display helpers ----------------------------------------------------------------------------------


def uk_date(iso: str | None) -> str:
    """ "2022-09-08" → "08/09/2022"."""
    if not iso:
        return ""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}"


def due_text(row: Row) -> str:
    if row[R_DUE]:
        return uk_date(row[R_DUE])
    return "Next meeting" if row[R_DUE_NEXT_MEETING] else ""


def kind_label(row: Row) -> str:
    return ActionKind(row[R_KIND]).label


def status_label(value: str) -> str:
    return STATUS_LABELS.get(value, value)


def latest_update_text(row: Row) -> str:
    if not row[R_UPDATE_TEXT]:
        return ""
    return f"{uk_date(row[R_UPDATE_ON])}: {row[R_UPDATE_TEXT]}"


# Rows for the spreadsheet -------------------------------------------------------------------------

E_ID = 0
E_REFERENCE = 1
E_KIND = 2
E_COMMITTEE_ID = 3
E_COMMITTEE_NAME = 4
E_COMMITTEE_SHORT = 5
E_MEETING_DATE = 6  # date or None
E_MINUTE_NUMBER = 7
E_TEXT = 8
E_RESPONSE = 9
E_OWNER = 10
E_ORGANISATION = 11
E_DUE = 12  # date or None
E_DUE_NEXT_MEETING = 13
E_STATUS = 14
E_COMPLETED_ON = 15  # date or None
E_UPDATE_ON = 16  # date or None
E_UPDATE_TEXT = 17
E_STAMP = 18  # the action's updated_at as text: the version the file was made from

_EXPORT_SQL = """
SELECT a.id, a.reference, a.kind, a.committee_id, c.name, c.short_name, m.date, mi.number, a.text,
       a.response,
       CASE WHEN a.owner_person_id IS NULL THEN a.owner_text
            ELSE TRIM(p.first_name || ' ' || p.last_name) END,
       o.name, a.due_date, a.due_next_meeting, a.status, a.completed_on, lu."on", lu.text, a.updated_at
FROM actions a
JOIN committees c ON c.id = a.committee_id
LEFT JOIN meetings m ON m.id = a.meeting_id
LEFT JOIN minutes mi ON mi.id = a.minute_id
LEFT JOIN people p ON p.id = a.owner_person_id
LEFT JOIN organisations o ON o.id = a.organisation_id
LEFT JOIN action_updates lu ON lu.id = (
    SELECT u.id FROM action_updates u WHERE u.action_id = a.id ORDER BY u."on" DESC, u.id DESC LIMIT 1
)
{where}
ORDER BY c.name, m.date, mi.number, a.position, a.id
"""


def export_rows(
    db: Database,
    *,
    committee_id: int | None = None,
    statuses: Iterable[ActionStatus | str] | None = None,
    kind: ActionKind | str | None = None,
    action_ids: Iterable[int] | None = None,
) -> list[tuple]:
    """Actions for the spreadsheet, ordered by committee, meeting and minute, dates as ``date``."""
    where: list[str] = []
    if committee_id is not None:
        where.append(f"a.committee_id = {int(committee_id)}")
    if statuses is not None:
        values = sorted({ActionStatus(s).value for s in statuses})
        if not values:
            return []
        where.append("a.status IN ({})".format(",".join(f"'{v}'" for v in values)))
    if kind is not None:
        where.append(f"a.kind = '{ActionKind(kind).value}'")
    wanted: set[int] | None = None
    if action_ids is not None:
        wanted = {int(i) for i in action_ids}
        if not wanted:
            return []
        if len(wanted) <= 5_000:  # a selection: let the database pick the rows
            where.append("a.id IN ({})".format(",".join(str(i) for i in sorted(wanted))))
            wanted = None
    sql = _EXPORT_SQL.format(where=("WHERE " + " AND ".join(where)) if where else "")
    rows = _fetch(db, sql)
    if wanted is not None:
        rows = [r for r in rows if r[0] in wanted]
    to_date = _to_date
    return [
        (
            r[0], r[1], r[2], r[3], r[4], r[5], to_date(r[6]), r[7], r[8], r[9], r[10], r[11],
            to_date(r[12]), r[13], r[14], to_date(r[15]), to_date(r[16]), r[17], stamp(r[18]),
        )
        for r in rows
    ]  # fmt: skip


def _to_date(value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def stamp(value: object) -> str:
    """An ``updated_at`` as the text written in the spreadsheet ("2024-01-05 10:31:07.123456")."""
    return version_stamp(value)
