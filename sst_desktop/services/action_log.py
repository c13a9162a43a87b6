"""The action log across every committee: all actions as light rows, filtered and sorted in Python.

The log holds up to hundreds of thousands of actions, so it is read with one plain SQL statement into
tuples (no ORM objects: measured here, 100,000 ORM objects take ten times as long), and dates stay ISO
strings ("2022-09-08"), which compare and sort like dates and are formatted only for the rows shown.
Filtering and sorting the row list in Python answers in tens of milliseconds.

A screen reads the rows first (``load_log(db, latest=False)``) and the latest progress update of
each action after them (``read_latest``), as two pieces of work on the database worker, so the rows
are on screen before the slower half is read. After a change it reads only the actions changed
since (``read_changes``).

A row is a tuple; the ``R_*`` constants name its positions.
"""

from __future__ import annotations

import enum
import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from operator import itemgetter

from sst_desktop.domain.enums import ActionKind, ActionStatus
from sst_desktop.services.actions import version_stamp
from sst_desktop.storage.engine import Database

Row = tuple  # see the R_* positions

R_ID = 0
R_REFERENCE = 1
R_KIND = 2  # 1 for a recommendation, 0 for an action
R_COMMITTEE_ID = 3
R_MEETING_ID = 4  # int or None; the date is in ActionLog.meeting_dates
R_MINUTE_ID = 5  # int or None; the number is in ActionLog.minute_numbers
R_TEXT = 6
R_OWNER = 7  # the owner's person id (int; the name is in ActionLog.people), else the owner as typed (str)
R_ORGANISATION_ID = 8  # int or None; the name is in ActionLog.organisations
R_DUE = 9  # ISO text or None
R_DUE_NEXT_MEETING = 10  # 0/1
R_STATUS = 11  # index in STATUSES
# The latest progress update of each action is kept beside the rows (ActionLog.latest): finding it
# is most of the database's work, so a screen reads it after the rows (``read_latest``).

STATUSES: tuple[ActionStatus, ...] = tuple(ActionStatus)
STATUS_INDEX = {s: i for i, s in enumerate(STATUSES)}
DONE = frozenset(i for i, s in enumerate(STATUSES) if s.is_done)
NOT_DONE = frozenset(i for i, s in enumerate(STATUSES) if not s.is_done)
RECOMMENDATION = 1

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

Latest = dict  # action id -> (ISO date, text) of its latest progress update


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


@dataclass(frozen=True)
class LatestIndex:
    """The latest update of every action, and what searching and sorting on them need, built off the
    GUI thread for the rows they were read for."""

    rows: list[Row]
    latest: Latest
    haystack: list[str]
    ranks: dict[int, int]


@dataclass(frozen=True)
class LogChanges:
    """The actions added or changed since a log was read (with their latest updates), those removed,
    and the stamp the log is read to now."""

    rows: list[Row]
    latest: Latest
    removed: frozenset[int]
    stamp: object


@dataclass
class ActionLog:
    """Every action of the database as rows, and the names the rows refer to by id."""

    rows: list[Row]
    committees: dict[int, CommitteeInfo]
    meeting_dates: dict[int, str] = field(default_factory=dict)  # id -> ISO date
    minute_numbers: dict[int, int | None] = field(default_factory=dict)
    people: dict[int, str] = field(default_factory=dict)  # id -> "Dawn McNally"
    organisations: dict[int, str] = field(default_factory=dict)
    latest: Latest | None = None  # None until it is read (``take_latest``)
    stamp: object = None  # the newest ``updated_at`` when the rows were read (see ``read_changes``)
    _pending: Latest = field(default_factory=dict, repr=False)  # latest of rows patched before it came
    _ranks: dict[str, dict[int, int]] = field(default_factory=dict, repr=False)  # see rank()
    _haystacks: list[str] | None = field(default=None, repr=False)  # aligned with rows
    _hits: dict[str, list[int]] = field(default_factory=dict, repr=False)  # word -> row positions
    _folded: tuple[dict, dict] | None = field(default=None, repr=False)  # names folded for search

    # The latest update ----------------------------------------------------------------------------
    def take_latest(self, index: LatestIndex) -> None:
        """Keep the latest updates read for the log (``read_latest``), with the search index built
        beside them when the rows have not changed since."""
        latest = dict(index.latest)
        for action_id, update in self._pending.items():
            if update is None:
                latest.pop(action_id, None)
            else:
                latest[action_id] = update
        self.latest = latest
        self._ranks.pop("latest", None)
        if not self._pending and index.rows is self.rows:
            self._haystacks = index.haystack
            self._ranks["latest"] = index.ranks
        else:
            self._haystacks = None
        self._pending = {}
        self._hits.clear()

    def known_latest(self) -> Latest:
        """The latest updates read so far (none before they arrive)."""
        return self.latest if self.latest is not None else self._pending

    def rank(self, what: str) -> dict[int, int]:
        """Action id -> place in the order of the latest-update dates ("latest"), so that sorting on
        that column compares small numbers."""
        found = self._ranks.get(what)
        if found is None:
            found = _rank_by_date(self.known_latest())
            if self.latest is not None:
                self._ranks[what] = found
        return found

    def update_of(self, row: Row) -> tuple[str, str] | None:
        """(ISO date, text) of the action's latest update, if it is known."""
        return self.known_latest().get(row[0])

    def latest_update_text(self, row: Row) -> str:
        update = self.update_of(row)
        return f"{uk_date(update[0])}: {update[1]}" if update else ""

    # Names of a row ------------------------------------------------------------------------------
    def owner(self, row: Row) -> str:
        owner = row[R_OWNER]
        if owner.__class__ is int:
            return self.people.get(owner, "")
        return owner or ""

    def organisation(self, row: Row) -> str:
        organisation = row[R_ORGANISATION_ID]
        return self.organisations.get(organisation, "") if organisation is not None else ""

    def minute_number(self, row: Row) -> int | None:
        minute = row[R_MINUTE_ID]
        return self.minute_numbers.get(minute) if minute is not None else None

    def meeting_date(self, row: Row) -> str | None:
        meeting = row[R_MEETING_ID]
        return self.meeting_dates.get(meeting) if meeting is not None else None

    def committee_short(self, committee_id: int) -> str:
        info = self.committees.get(committee_id)
        return info.short_name if info else ""

    # What the filters offer ------------------------------------------------------------------------
    def owner_choices(self) -> list[tuple[str, object]]:
        """(name, key) of every owner in the log; the key is a person id, or the owner text as typed."""
        owners = {r[7] for r in self.rows} - {None, ""}
        choices = [(self.people.get(o, "?") if o.__class__ is int else o, o) for o in owners]
        return sorted(choices, key=lambda c: (c[0].casefold(), str(c[1])))

    def organisation_choices(self) -> list[tuple[str, int]]:
        used = {r[8] for r in self.rows} - {None}
        return sorted(((self.organisations.get(o, "?"), o) for o in used), key=lambda c: c[0].casefold())

    # Search ----------------------------------------------------------------------------------------
    def haystack(self) -> list[str]:
        """Each row's own searchable text (reference, action, latest update) folded for comparison,
        in the order of ``rows``; built on the first search. Owners and organisations are matched
        by id (a few hundred names), not copied into every row."""
        if self._haystacks is None:
            haystack = _haystack(self.rows, self.known_latest())
            if self.latest is None:
                return haystack  # the latest updates are still to come: built again with them
            self._haystacks = haystack
        return self._haystacks

    def matching_ids(self, words: Iterable[str]) -> set[int]:
        """Ids of the rows where every word (folded) is in the reference, action, latest update,
        owner or organisation. Rows are scanned in their stored order, which keeps memory access
        sequential; a word that extends one searched before (typing "prev" then "preve") scans only
        the rows the shorter word matched."""
        haystack = self.haystack()
        rows = self.rows
        positions: list[int] | None = None
        for word in sorted(set(words), key=len, reverse=True):
            hits = self._positions(word, haystack)
            positions = hits if positions is None else sorted(set(positions) & set(hits))
        if positions is None:
            return {r[0] for r in rows}
        return {rows[i][0] for i in positions}

    def _name_keys(self, word: str) -> tuple[set[object], set[int]]:
        """The owner keys (person ids, typed owners) and organisation ids whose names hold ``word``."""
        if self._folded is None:
            typed = {r[7] for r in self.rows if r[7].__class__ is str and r[7]}
            self._folded = (
                {
                    **{pid: name.casefold() for pid, name in self.people.items()},
                    **{t: t.casefold() for t in typed},
                },
                {oid: name.casefold() for oid, name in self.organisations.items()},
            )
        owners, organisations = self._folded
        return (
            {key for key, name in owners.items() if word in name},
            {key for key, name in organisations.items() if word in name},
        )

    def _positions(self, word: str, haystack: list[str]) -> list[int]:
        known = self._hits.get(word)
        if known is not None:
            return known
        rows = self.rows
        owners, organisations = self._name_keys(word)
        prefix = max((w for w in self._hits if w in word), key=len, default=None)
        candidates: Iterable[int] = self._hits[prefix] if prefix is not None else range(len(rows))
        if owners or organisations:
            found = [
                i
                for i in candidates
                if word in haystack[i] or rows[i][7] in owners or rows[i][8] in organisations
            ]
        elif prefix is not None:
            found = [i for i in candidates if word in haystack[i]]
        else:
            found = [i for i, text in enumerate(haystack) if word in text]
        if self.latest is not None:  # (before the latest updates come, every search is read afresh)
            if len(self._hits) >= 32:
                self._hits.clear()
            self._hits[word] = found
        return found

    def _hay(self, r: Row) -> str:
        update = self.known_latest().get(r[0])
        return f"{r[1]}\x1f{r[6]}\x1f{update[1] if update else ''}".casefold()

    def patch(
        self, fresh: Iterable[Row], removed: Iterable[int] = (), latest: Latest | None = None
    ) -> list[Row]:
        """Put freshly read rows (and their latest updates) in place of the old ones (new ones at
        the end) and drop ``removed``; returns the rows that were not there before."""
        by_id = {r[0]: r for r in fresh}
        gone = set(removed)
        latest = latest or {}
        if self.latest is not None:
            for action_id in set(by_id) | gone:
                self.latest.pop(action_id, None)
            self.latest.update(latest)
        else:  # kept until the latest updates of the whole log come (``take_latest``)
            self._pending.update({action_id: latest.get(action_id) for action_id in set(by_id) | gone})
        self._ranks.pop("latest", None)
        known: set[int] = set()
        rows: list[Row] = []
        old_hay = self._haystacks
        hay: list[str] | None = [] if old_hay is not None else None
        for i, r in enumerate(self.rows):
            known.add(r[0])
            if r[0] in gone:
                continue
            replacement = by_id.get(r[0])
            rows.append(replacement or r)
            if hay is not None:
                hay.append(self._hay(replacement) if replacement else old_hay[i])  # type: ignore[index]
        new = [r for r in by_id.values() if r[0] not in known and r[0] not in gone]
        self.rows = rows + new
        if hay is not None:
            hay += [self._hay(r) for r in new]
        self._haystacks = hay
        self._hits.clear()
        self._folded = None
        return new

    def take_changes(self, changes: LogChanges) -> list[Row]:
        """Bring the log up to date with ``read_changes``; returns the rows that are new."""
        self.stamp = changes.stamp
        return self.patch(changes.rows, changes.removed, changes.latest)


def load_log(db: Database, *, latest: bool = True) -> ActionLog:
    """Read every action of every committee as rows (in the order they were recorded), the names they
    refer to, and (unless ``latest`` is False: see ``read_latest``) the latest update of each."""
    with db.raw_read() as connection:
        stamp = _execute(connection, db, _STAMP_SQL)[0][0]  # first: what changes after it is newer
        log = ActionLog(rows=_fetch(connection, db, "ORDER BY a.id"), committees={}, stamp=stamp)
    load_names(db, log)
    if latest:
        log.take_latest(read_latest(db, log.rows))
    return log


def read_latest(db: Database, rows: list[Row]) -> LatestIndex:
    """The latest updates, then the search index and the sort order over them, for ``rows`` (which
    are not changed meanwhile: the log replaces its list rather than change it)."""
    latest = load_latest(db)
    return LatestIndex(rows, latest, _haystack(rows, latest), _rank_by_date(latest))


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


def read_changes(db: Database, stamp: object, rows: list[Row]) -> LogChanges:
    """What changed since a log holding ``rows`` was read at ``stamp``: the actions changed or added
    since (re-read whole, with their latest updates) and the ids of those removed."""
    with db.raw_read() as connection:
        now, count = _execute(connection, db, _STAMP_SQL)[0]
        if stamp is None:
            fresh = _fetch(connection, db, "ORDER BY a.id")
        else:
            # (SQLite keeps the time as text, and compares it so; others read it back as text)
            mark = "?" if db.engine.dialect.name == "sqlite" else "CAST(%s AS TIMESTAMP)"
            fresh = _fetch(connection, db, f"WHERE a.updated_at >= {mark} ORDER BY a.id", (stamp,))
        known = {r[0] for r in rows}
        added = sum(1 for r in fresh if r[0] not in known)
        removed: frozenset[int] = frozenset()
        if count != len(known) + added:  # some were removed: which?
            present = {r[0] for r in _execute(connection, db, "SELECT a.id FROM actions a")}
            removed = frozenset(known - present)
    return LogChanges(
        fresh, load_latest(db, [r[0] for r in fresh]), removed, now if now is not None else stamp
    )


def _latest_of(updates: Iterable[tuple]) -> Latest:
    """The last (date, text) of each action, from its updates in (action, date, id) order."""
    return {action_id: (on, text) for action_id, on, text in updates}


def _haystack(rows: Sequence[Row], latest: Latest) -> list[str]:
    none = ("", "")
    return [f"{r[1]}\x1f{r[6]}\x1f{latest.get(r[0], none)[1]}".casefold() for r in rows]


def _rank_by_date(latest: Latest) -> dict[int, int]:
    """Each action's place when ordered by the date of its latest update (then by id)."""
    return {aid: n for n, aid in enumerate(sorted(latest, key=lambda aid: (latest[aid][0], aid)))}


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
        log.minute_numbers = dict(session.execute(select(Minute.id, Minute.number)).all())  # type: ignore[arg-type]
        log.people = {
            pid: " ".join(p for p in (first, last) if p)
            for pid, first, last in session.execute(select(Person.id, Person.first_name, Person.last_name))
        }
        log.organisations = dict(session.execute(select(Organisation.id, Organisation.name)).all())  # type: ignore[arg-type]
    log._haystacks = None
    log._hits.clear()
    log._folded = None


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
        rows = cursor.fetchall()
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


# Filtering ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LogFilter:
    """What the officer asked to see; every part narrows the rows further."""

    committee_ids: frozenset[int] | None = None
    statuses: frozenset[ActionStatus] | None = None
    owner: int | str | None = None  # a person id, or an owner as typed
    organisation_id: int | None = None
    overdue: bool = False
    due_within_days: int | None = None  # due by today + N days (overdue included), not done
    kind: ActionKind | None = None
    text: str = ""

    def without_text(self) -> LogFilter:
        return replace(self, text="")

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.text.casefold().split())


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
        kind = 1 if ActionKind(spec.kind) is ActionKind.RECOMMENDATION else 0
        result = [r for r in result if r[2] == kind]
    if spec.statuses is not None:
        wanted = frozenset(STATUS_INDEX[ActionStatus(s)] for s in spec.statuses)
        result = [r for r in result if r[11] in wanted]
    if spec.owner is not None:
        owner = spec.owner
        result = [r for r in result if r[7] == owner]
    if spec.organisation_id is not None:
        organisation = spec.organisation_id
        result = [r for r in result if r[8] == organisation]
    if spec.overdue:
        limit = today.isoformat()
        done = DONE
        result = [r for r in result if r[9] is not None and r[9] < limit and r[11] not in done]
    if spec.due_within_days is not None:
        limit = (today + timedelta(days=spec.due_within_days)).isoformat()
        done = DONE
        result = [r for r in result if r[9] is not None and r[9] <= limit and r[11] not in done]
    words = spec.words
    if words:
        matching = log.matching_ids(words)
        result = [r for r in result if r[0] in matching]
    return list(result) if result is log.rows or not isinstance(result, list) else result


def is_overdue(row: Row, today_iso: str) -> bool:
    return row[R_DUE] is not None and row[R_DUE] < today_iso and row[R_STATUS] not in DONE


# Sorting ------------------------------------------------------------------------------------------


def sort_rows(log: ActionLog, rows: Sequence[Row], column: Column, descending: bool = False) -> list[Row]:
    """``rows`` sorted on ``column``; rows with nothing in that column always come last.
    Equal values keep their previous order (the sort is stable)."""
    column = Column(column)
    if column is Column.REFERENCE:
        return sorted(rows, key=itemgetter(R_REFERENCE), reverse=descending)
    if column is Column.STATUS:
        return sorted(rows, key=itemgetter(R_STATUS), reverse=descending)
    if column is Column.ACTION:
        return sorted(rows, key=lambda r: r[6].casefold(), reverse=descending)
    if column is Column.COMMITTEE:
        rank = _ranks({cid: info.short_name for cid, info in log.committees.items()})
        return sorted(rows, key=lambda r: rank.get(r[3], -1), reverse=descending)
    if column is Column.MEETING_DATE:
        index = R_MEETING_ID
        rank = _ranks(log.meeting_dates)
        present, missing = _split(rows, index)
        present.sort(key=lambda r: rank.get(r[4], -1), reverse=descending)
        return present + missing
    if column is Column.ORGANISATION:
        rank = _ranks(log.organisations)
        present, missing = _split(rows, R_ORGANISATION_ID)
        present.sort(key=lambda r: rank.get(r[8], -1), reverse=descending)
        return present + missing
    if column is Column.MINUTE:
        numbers = log.minute_numbers
        present = [r for r in rows if numbers.get(r[5]) is not None]
        missing = [r for r in rows if numbers.get(r[5]) is None] if len(present) != len(rows) else []
        present.sort(key=lambda r: numbers[r[5]], reverse=descending)
        return present + missing
    if column is Column.OWNER:
        people = log.people
        present = [r for r in rows if r[7]]
        missing = [r for r in rows if not r[7]] if len(present) != len(rows) else []
        names = {r[7] for r in present if r[7].__class__ is str} | set(people.values())
        position = {name: i for i, name in enumerate(sorted(names, key=lambda n: (n.casefold(), n)))}
        for pid, name in people.items():
            position[pid] = position[name]  # type: ignore[index]
        present.sort(key=lambda r: position.get(r[7], -1), reverse=descending)
        return present + missing
    if column is Column.LATEST_UPDATE:
        rank = log.rank("latest")
        present = [r for r in rows if r[0] in rank]
        missing = [r for r in rows if r[0] not in rank] if len(present) != len(rows) else []
        present.sort(key=lambda r: rank[r[0]], reverse=descending)
        return present + missing
    index = R_DUE
    present, missing = _split(rows, index)
    present.sort(key=itemgetter(index), reverse=descending)
    return present + missing


def _split(rows: Sequence[Row], index: int) -> tuple[list[Row], list[Row]]:
    present = [r for r in rows if r[index] is not None]
    if len(present) == len(rows):
        return present, []
    return present, [r for r in rows if r[index] is None]


def _ranks(names: dict) -> dict:
    """id -> position of its name in case-blind order (so a sort compares small integers)."""
    ordered = sorted(names.items(), key=lambda item: (str(item[1]).casefold(), str(item[1])))
    return {key: i for i, (key, _) in enumerate(ordered)}


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


def status_of(row: Row) -> ActionStatus:
    return STATUSES[row[R_STATUS]]


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
ORDER BY c.name
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
