"""The action log held in memory: every action as a light row, the names rows refer to, and search,
in Python (``action_log`` reads them from the database; ``action_filters`` filters and sorts them).

A row is a tuple (the ``R_*`` constants name its positions) with small integers where the database
repeats a value (kind, status, committee, organisation) and dates as ISO strings ("2022-09-08"),
which compare and sort like dates and are formatted only for the rows shown. Filtering and sorting
100,000 rows answers in tens of milliseconds. Nothing here reads the database, so screens use it
directly.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sst_desktop.domain.enums import ActionStatus

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

Latest = dict  # action id -> (ISO date, text) of its latest progress update

# Work on many rows off the GUI thread goes in turns of this many rows with a pause between them:
# one thread runs Python at a time, and the window must not wait long for its turn.
GENTLE_TURN = 5_000
GENTLE_PAUSE = 0.001  # seconds


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
    minute_numbers: dict[int, int] = field(default_factory=dict)  # numbered minutes only
    people: dict[int, str] = field(default_factory=dict)  # id -> "Dawn McNally"
    organisations: dict[int, str] = field(default_factory=dict)
    latest: Latest | None = None  # None until it is read (``take_latest``)
    stamp: object = None  # the newest ``updated_at`` when the rows were read (see ``read_changes``)
    _pending: Latest = field(default_factory=dict, repr=False)  # latest of rows patched before it came
    _ranks: dict[str, dict[int, int]] = field(default_factory=dict, repr=False)  # see rank()
    _haystacks: list[str] | None = field(default=None, repr=False)  # aligned with rows
    _hits: dict[str, list[int]] = field(default_factory=dict, repr=False)  # word -> row positions
    _folded: tuple[dict, dict] | None = field(default=None, repr=False)  # names folded for search
    _where: dict[int, int] | None = field(default=None, repr=False)  # see positions()
    _choices: dict[str, list] | None = field(default=None, repr=False)  # see owner_choices()

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
            found = rank_by_date(self.known_latest())
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
        choices = self._chosen()
        if "owner" not in choices:
            owners = {r[7] for r in self.rows} - {None, ""}
            named = [(self.people.get(o, "?") if o.__class__ is int else o, o) for o in owners]
            choices["owner"] = sorted(named, key=lambda c: (c[0].casefold(), str(c[1])))
        return choices["owner"]

    def organisation_choices(self) -> list[tuple[str, int]]:
        choices = self._chosen()
        if "organisation" not in choices:
            used = {r[8] for r in self.rows} - {None}
            named = ((self.organisations.get(o, "?"), o) for o in used)
            choices["organisation"] = sorted(named, key=lambda c: c[0].casefold())
        return choices["organisation"]

    def _chosen(self) -> dict[str, list]:
        if self._choices is None:
            self._choices = {}
        return self._choices

    # Search ----------------------------------------------------------------------------------------
    def haystack(self) -> list[str]:
        """Each row's own searchable text (reference, action, latest update) folded for comparison,
        in the order of ``rows``; built on the first search. Owners and organisations are matched
        by id (a few hundred names), not copied into every row."""
        if self._haystacks is None:
            haystack = haystack_of(self.rows, self.known_latest())
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
        the end) and drop ``removed``; returns the rows that were not there before. Only the rows
        concerned are touched (by their positions), so an edit costs nothing like a reading of the
        whole log; the lists are replaced, not changed, as a read may be going through them."""
        by_id = {r[0]: r for r in fresh}
        latest = latest or {}
        if self.latest is not None:
            for action_id in by_id.keys() | set(removed):
                self.latest.pop(action_id, None)
            self.latest.update(latest)
        else:  # kept until the latest updates of the whole log come (``take_latest``)
            self._pending.update(
                {action_id: latest.get(action_id) for action_id in by_id.keys() | set(removed)}
            )
        self._ranks.pop("latest", None)
        self._hits.clear()
        self._folded = None
        self._choices = None
        where = self.positions()
        rows = list(self.rows)
        hay = list(self._haystacks) if self._haystacks is not None else None
        new: list[Row] = []
        for action_id, row in by_id.items():
            i = where.get(action_id)
            if i is None:
                new.append(row)
                continue
            rows[i] = row
            if hay is not None:
                hay[i] = self._hay(row)
        gone = sorted((where[a] for a in set(removed) if a in where), reverse=True)
        for i in gone:
            del rows[i]
            if hay is not None:
                del hay[i]
        if gone:
            self._where = None  # the positions after them moved
        elif new:  # (a new dict: a read may be going through the old one)
            self._where = where | {row[0]: len(rows) + k for k, row in enumerate(new)}
        self.rows = rows + new
        if hay is not None:
            hay += [self._hay(r) for r in new]
        self._haystacks = hay
        return new

    def positions(self) -> dict[int, int]:
        """Action id -> its place in ``rows`` (replaced, never changed, when rows come or go)."""
        if self._where is None:
            self._where = {r[0]: i for i, r in enumerate(self.rows)}
        return self._where

    def prepare(self) -> None:
        """Work a screen would otherwise do on its first use, done where the log was read (on the
        database worker, off the GUI thread): the filter choices and the rows' positions."""
        self.owner_choices()
        self.organisation_choices()
        self.positions()

    def take_changes(self, changes: LogChanges) -> list[Row]:
        """Bring the log up to date with ``read_changes``; returns the rows that are new."""
        self.stamp = changes.stamp
        return self.patch(changes.rows, changes.removed, changes.latest)


def haystack_of(rows: Sequence[Row], latest: Latest, *, gently: bool = False) -> list[str]:
    """Each row's searchable text (see ``ActionLog.haystack``). ``gently``, off the GUI thread: in
    turns, pausing between them, so the interpreter is free for the window a moment at a time."""
    none = ("", "")
    step = GENTLE_TURN if gently else max(len(rows), 1)
    haystack: list[str] = []
    for start in range(0, len(rows), step):
        if start:
            time.sleep(GENTLE_PAUSE)
        haystack += [
            f"{r[1]}\x1f{r[6]}\x1f{latest.get(r[0], none)[1]}".casefold() for r in rows[start : start + step]
        ]
    return haystack


def rank_by_date(latest: Latest) -> dict[int, int]:
    """Each action's place when ordered by the date of its latest update (then by id). Sorted with a
    key the interpreter calls in C (a dict lookup), as the whole log's is built while it is shown."""
    dates = {action_id: update[0] for action_id, update in latest.items()}
    order = sorted(sorted(dates), key=dates.__getitem__)
    return dict(zip(order, range(len(order)), strict=True))


# Display helpers ----------------------------------------------------------------------------------


def is_overdue(row: Row, today_iso: str) -> bool:
    return row[R_DUE] is not None and row[R_DUE] < today_iso and row[R_STATUS] not in DONE


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
