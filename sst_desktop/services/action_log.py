"""The action log read from the database: all actions as light rows (``action_rows``), then the
latest progress update of each, and after a change only the actions changed since; and the rows of
the spreadsheet partners receive.

The log holds up to hundreds of thousands of actions, so it is read with one plain SQL statement into
tuples through a driver connection (no ORM objects: measured here, 100,000 ORM objects take ten
times as long). A screen reads the rows first (``load_log(db, latest=False)``) and the latest updates
after them (``read_latest``), as two pieces of work on the database worker, so the rows are on screen
before the slower half is read; after a change it reads only what changed since (``read_changes``).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from sst_desktop.domain.action_rows import (
    GENTLE_PAUSE,
    GENTLE_TURN,
    STATUSES,
    ActionLog,
    CommitteeInfo,
    Latest,
    LatestIndex,
    LogChanges,
    Row,
    haystack_of,
    rank_by_date,
)
from sst_desktop.domain.enums import ActionKind, ActionStatus
from sst_desktop.services.action_records import version_stamp
from sst_desktop.storage.engine import Database

# Small integers where the database repeats a value (kind, status, committee, organisation) cost next
# to nothing to read; names are looked up only for the rows shown.
_STATUS_CASE = "CASE a.status {} ELSE -1 END".format(
    " ".join(f"WHEN '{s.value}' THEN {i}" for i, s in enumerate(STATUSES))
)
_MAIN = f"""
SELECT a.id, a.reference, a.kind = 'recommendation', a.committee_id, a.meeting_id, a.minute_id, a.text,
       {{owner}}, a.organisation_id, a.due_date, a.due_next_meeting, {_STATUS_CASE}
FROM actions a
"""
# SQLite keeps the owner in one column (a person id, else the typed text); other databases need one
# type per column, so they read both and the rows are put together in Python.
_SQL = _MAIN.format(owner="COALESCE(a.owner_person_id, a.owner_text)")
_SQL_PORTABLE = _MAIN.format(owner="a.owner_person_id, a.owner_text")
# Every progress update in (action, date, id) order along its index; the last one of each action is
# its latest. One pass over the index is twice as fast as finding each action's latest in a subquery.
_UPDATES_SQL = (
    'SELECT u.action_id, u."on", u.text FROM action_updates u {where} ORDER BY u.action_id, u."on", u.id'
)
# The newest change of any action: a log read at this stamp has every change made before it.
_STAMP_SQL = "SELECT MAX(a.updated_at), COUNT(*) FROM actions a"


def load_log(db: Database, *, latest: bool = True) -> ActionLog:
    """Read every action of every committee as rows (in the order they were recorded), the names they
    refer to, and (unless ``latest`` is False: see ``read_latest``) the latest update of each."""
    with db.raw_read() as connection:
        stamp = _execute(connection, db, _STAMP_SQL)[0][0]  # first: what changes after it is newer
        log = ActionLog(rows=_fetch(connection, db, "ORDER BY a.id"), committees={}, stamp=stamp)
    load_names(db, log)
    log.prepare()
    if latest:
        log.take_latest(read_latest(db, log.rows))
    return log


def read_latest(db: Database, rows: list[Row]) -> LatestIndex:
    """The latest updates, then the search index and the sort order over them, for ``rows`` (which
    are not changed meanwhile: the log replaces its list rather than change it)."""
    latest = load_latest(db)
    return LatestIndex(rows, latest, haystack_of(rows, latest, gently=True), rank_by_date(latest))


def load_latest(db: Database, action_ids: Iterable[int] | None = None) -> Latest:
    """(ISO date, text) of the latest progress update of every action (or of those asked for)."""
    with db.raw_read() as connection:
        if action_ids is None:
            return _latest_of(_execute(connection, db, _UPDATES_SQL.format(where="")))
        ids = sorted({int(i) for i in action_ids})
        found: Latest = {}
        for start in range(0, len(ids), 500):
            chunk = ",".join(str(i) for i in ids[start : start + 500])
            where = f"WHERE u.action_id IN ({chunk})"
            found.update(_latest_of(_execute(connection, db, _UPDATES_SQL.format(where=where))))
        return found


def read_changes(db: Database, stamp: object, known: Collection[int]) -> LogChanges:
    """What changed since a log holding the actions ``known`` (their ids) was read at ``stamp``: the
    actions changed or added since (re-read whole, with their latest updates) and the ids of those
    removed."""
    with db.raw_read() as connection:
        now, count = _execute(connection, db, _STAMP_SQL)[0]
        if stamp is None:
            fresh = _fetch(connection, db, "ORDER BY a.id")
        else:
            # (SQLite keeps the time as text, and compares it so; others read it back as text)
            mark = "?" if db.engine.dialect.name == "sqlite" else "CAST(%s AS TIMESTAMP)"
            fresh = _fetch(connection, db, f"WHERE a.updated_at >= {mark} ORDER BY a.id", (stamp,))
        added = sum(1 for r in fresh if r[0] not in known)
        removed: frozenset[int] = frozenset()
        if count != len(known) + added:  # some were removed: which?
            present = {r[0] for r in _execute(connection, db, "SELECT a.id FROM actions a")}
            removed = frozenset(i for i in known if i not in present)
    return LogChanges(
        fresh, load_latest(db, [r[0] for r in fresh]), removed, now if now is not None else stamp
    )


def _latest_of(updates: list[tuple]) -> Latest:
    """The last (date, text) of each action, from its updates in (action, date, id) order (in turns,
    see ``GENTLE_TURN``)."""
    latest: Latest = {}
    for start in range(0, len(updates), GENTLE_TURN):
        if start:
            time.sleep(GENTLE_PAUSE)
        latest.update((action_id, (on, text)) for action_id, on, text in updates[start : start + GENTLE_TURN])
    return latest


def load_names(db: Database, log: ActionLog) -> None:
    """(Re)read the names rows refer to: committees, meeting dates, people, organisations."""
    from sqlalchemy import select

    from sst_desktop.domain import Committee, Meeting, Minute, Organisation, Person

    with db.read() as session:
        log.committees = {
            cid: CommitteeInfo(cid, name, short)
            for cid, name, short in session.execute(
                select(Committee.id, Committee.name, Committee.short_name)
            )
        }
        log.meeting_dates = {
            mid: when.isoformat() for mid, when in session.execute(select(Meeting.id, Meeting.date))
        }
        log.minute_numbers = {
            mid: number
            for mid, number in session.execute(select(Minute.id, Minute.number))
            if number is not None
        }
        log.people = {
            pid: " ".join(p for p in (first, last) if p)
            for pid, first, last in session.execute(select(Person.id, Person.first_name, Person.last_name))
        }
        log.organisations = dict(session.execute(select(Organisation.id, Organisation.name)).all())
    log._haystacks = None
    log._hits.clear()
    log._folded = None
    log._choices = None


def load_rows(db: Database, action_ids: Iterable[int]) -> tuple[list[Row], Latest]:
    """Fresh rows, and their latest updates, for a few actions (after they were edited)."""
    ids = sorted({int(i) for i in action_ids})
    if not ids:
        return [], {}
    found: list[Row] = []
    with db.raw_read() as connection:
        for start in range(0, len(ids), 500):
            chunk = ",".join(str(i) for i in ids[start : start + 500])
            found += _fetch(connection, db, f"WHERE a.id IN ({chunk}) ORDER BY a.id")
    return found, load_latest(db, ids)


def _fetch(connection, db: Database, where: str, parameters: tuple = ()) -> list[Row]:  # type: ignore[no-untyped-def]
    sqlite = db.engine.dialect.name == "sqlite"
    rows = _execute(connection, db, f"{_SQL if sqlite else _SQL_PORTABLE} {where}", parameters)
    if not sqlite:  # the owner came in two columns
        rows = [(*r[:7], r[7] if r[7] is not None else r[8], *r[9:]) for r in rows]
    return rows


def _execute(connection, db: Database, sql: str, parameters: tuple = ()) -> list[tuple]:  # type: ignore[no-untyped-def]
    """All the rows of one statement on a driver connection (see ``Database.raw_read``)."""
    cursor = connection.cursor()
    # 100,000 new tuples would set off the cycle collector again and again (about a fifth of
    # the time); none of them can be part of a cycle, so it waits until the rows are read.
    collecting = gc.isenabled()
    gc.disable()
    try:
        cursor.execute(sql, parameters)
        rows = list(cursor.fetchall())
    finally:
        if collecting:
            gc.enable()
        cursor.close()
    if db.engine.dialect.name != "sqlite":  # other drivers return dates and booleans as objects
        rows = [tuple(_portable(v) for v in r) for r in rows]
    return rows


def _portable(value: object) -> object:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


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

_GROUPS_SQL = """
SELECT c.id, c.name, c.short_name, COUNT(*)
FROM actions a JOIN committees c ON c.id = a.committee_id
{where}
GROUP BY c.id, c.name, c.short_name
ORDER BY c.name, c.id
"""

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


@dataclass(frozen=True)
class ExportGroup:
    """One committee's share of an export, in the order the rows come."""

    committee_id: int
    name: str
    short_name: str
    count: int


@dataclass
class ExportSelection:
    """The actions an export asked for: how many per committee, then the rows themselves, streamed
    from the database so memory stays flat however many there are."""

    groups: list[ExportGroup]
    _cursor: object

    @property
    def total(self) -> int:
        return sum(g.count for g in self.groups)

    def __iter__(self) -> Iterator[tuple]:
        to_date, version = _to_date, version_stamp
        for r in self._cursor:  # type: ignore[attr-defined]
            yield (
                r[0], r[1], r[2], r[3], r[4], r[5], to_date(r[6]), r[7], r[8], r[9], r[10], r[11],
                to_date(r[12]), r[13], r[14], to_date(r[15]), to_date(r[16]), r[17], version(r[18]),
            )  # fmt: skip


@contextmanager
def export_rows(
    db: Database,
    *,
    committee_id: int | None = None,
    statuses: Iterable[ActionStatus | str] | None = None,
    kind: ActionKind | str | None = None,
    action_ids: Iterable[int] | None = None,
) -> Iterator[ExportSelection]:
    """The actions for the spreadsheet (all, or a committee's, some statuses, a kind, chosen ids),
    ordered by committee, meeting and minute, with dates as ``date``."""
    where: list[str] = []
    if committee_id is not None:
        where.append(f"a.committee_id = {int(committee_id)}")
    if statuses is not None:
        values = sorted({ActionStatus(s).value for s in statuses}) or ["-"]
        where.append("a.status IN ({})".format(",".join(f"'{v}'" for v in values)))
    if kind is not None:
        where.append(f"a.kind = '{ActionKind(kind).value}'")
    with db.raw_read() as connection:
        cursor = connection.cursor()
        temporary = False
        try:
            if action_ids is not None:
                ids = sorted({int(i) for i in action_ids})
                if len(ids) <= 1_000:
                    where.append("a.id IN ({})".format(",".join(str(i) for i in ids) or "NULL"))
                else:  # many ids: a temporary table the query joins
                    mark = "?" if db.engine.dialect.paramstyle == "qmark" else "%s"
                    cursor.execute("CREATE TEMPORARY TABLE export_ids (id INTEGER PRIMARY KEY)")
                    temporary = True
                    cursor.executemany(f"INSERT INTO export_ids (id) VALUES ({mark})", [(i,) for i in ids])
                    where.append("a.id IN (SELECT id FROM export_ids)")
            clause = ("WHERE " + " AND ".join(where)) if where else ""
            cursor.execute(_GROUPS_SQL.format(where=clause))
            groups = [ExportGroup(*row) for row in cursor.fetchall()]
            cursor.execute(_EXPORT_SQL.format(where=clause))
            yield ExportSelection(groups, cursor)
        finally:
            if temporary:
                connection.cursor().execute("DROP TABLE export_ids")


def _to_date(value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])
