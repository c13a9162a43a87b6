"""Saving what can still be read from a damaged database into a new file.

SQLite's backup API copies pages as they are, damage included, and ``VACUUM INTO`` stops at the first
page it cannot read. Salvage works as the sqlite3 shell's ``.recover`` does, table by table: the new
file gets the damaged file's own schema (from ``sqlite_master``), then each table's rows in rowid
order. Where a page cannot be read the copy skips ahead to the next rowid that can be, so a bad page
costs the rows on it and no more. Rows the damage garbled into breaking a rule (a second row with
the same id, a required value missing) are left out; a row pointing at a row that was lost keeps its
place with the pointer emptied where the column allows, and is left out where it does not, so the new
file passes SQLite's checks. The copy is checked, then takes its final name; the damaged file is only
ever read.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sst_desktop.storage.errors import BackupError, DamagedDatabaseError
from sst_desktop.storage.files import read_only_connection

BATCH = 500
GAP = 1000  # rowids looked up past the last row found before giving up on a damaged table
_BELIEVABLE_ROWID = 2**40
Step = Callable[[int, int], None]


def _no_step(done: int, total: int) -> None:
    return None


@dataclass(frozen=True)
class SalvageReport:
    """What the new file holds, and what could not be saved."""

    target: Path
    tables: int
    rows: int  # rows in the new file
    damaged_tables: tuple[str, ...] = ()  # tables part of which could not be read
    left_out: int = 0  # rows read but left out (garbled, or needing a row that was lost)
    unlinked: int = 0  # rows kept with a pointer to a lost row emptied

    @property
    def complete(self) -> bool:
        return not (self.damaged_tables or self.left_out or self.unlinked)

    @property
    def summary(self) -> str:
        text = f"Saved {self.rows:,} rows of {self.tables} tables to {self.target.name}."
        if self.complete:
            return text + " Everything could be read."
        if self.damaged_tables:
            text += f" Part of {', '.join(self.damaged_tables)} could not be read."
        if self.left_out:
            text += f" {self.left_out:,} damaged row{'s were' if self.left_out != 1 else ' was'} left out."
        if self.unlinked:
            text += (
                f" {self.unlinked:,} row{'s' if self.unlinked != 1 else ''} lost a link to a row that "
                "could not be read."
            )
        return text


def salvage_database(source: Path, target: Path, step: Step | None = None) -> SalvageReport:
    """Copy what can be read of ``source`` into the new file ``target`` (replaced if it exists).

    ``step(done, total)`` is called as each table starts; it may raise to stop (nothing is kept).
    """
    source, target = Path(source), Path(target)
    partial = target.with_name(f".{target.name}.partial")
    folder = target.parent if str(target.parent) else Path(".")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BackupError(
            f"{target} could not be written: SST Desktop may not write to the folder {folder}.",
            advice="Choose a folder you can write to.",
        )
    partial.unlink(missing_ok=True)
    try:
        src, schema = _read_schema(source)
        try:
            dst = sqlite3.connect(partial, isolation_level=None)
            try:
                report = _copy(src, dst, schema, target, step or _no_step)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        with partial.open("rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(partial, target)
    except sqlite3.Error as error:
        partial.unlink(missing_ok=True)
        raise BackupError(
            f"What could be read of {source.name} could not be saved to {target.name} ({error}).",
            advice="Check there is space on the disk, or restore a backup instead.",
        ) from error
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise BackupError(
            f"{target} could not be written ({error.strerror or error}).",
            advice="Choose a folder you can write to, or free some space.",
        ) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return report


@dataclass(frozen=True)
class _Schema:
    tables: list[tuple[str, str]]  # (name, CREATE TABLE …)
    later: list[tuple[str, str, str]]  # (type, name, sql): indexes, triggers, views
    page_size: int
    application_id: int
    user_version: int


def _read_schema(source: Path) -> tuple[sqlite3.Connection, _Schema]:
    """A read-only connection to ``source`` and its schema; DamagedDatabaseError when even that is lost."""
    try:
        src = read_only_connection(source)
    except sqlite3.DatabaseError as error:
        raise _nothing_readable(source, error) from error
    src.text_factory = lambda data: data.decode("utf-8", "replace")  # garbled text still reads
    try:
        rows = src.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
        ).fetchall()
        pragmas = [
            src.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("page_size", "application_id", "user_version")
        ]
    except sqlite3.DatabaseError as error:
        src.close()
        raise _nothing_readable(source, error) from error
    tables = [(name, sql) for kind, name, sql in rows if kind == "table" and not name.startswith("sqlite_")]
    later = [(kind, name, sql) for kind, name, sql in rows if kind in ("index", "trigger", "view")]
    return src, _Schema(tables, later, *pragmas)


def _nothing_readable(source: Path, error: sqlite3.Error) -> DamagedDatabaseError:
    return DamagedDatabaseError(
        f"Nothing can be saved from {source}: its list of tables cannot be read ({error}).",
        advice="Restore a backup instead (File → Restore from backup…).",
    )


def _copy(
    src: sqlite3.Connection, dst: sqlite3.Connection, schema: _Schema, target: Path, step: Step
) -> SalvageReport:
    dst.execute(f"PRAGMA page_size = {int(schema.page_size)}")
    dst.execute("PRAGMA journal_mode = OFF")  # a partial file: nothing to roll back to
    dst.execute("PRAGMA foreign_keys = OFF")
    dst.execute("BEGIN")
    indexes = _full_text_indexes(schema.tables)
    for name, sql in schema.tables:
        if not _part_of(name, indexes):  # (an index's own tables come with it)
            dst.execute(sql)
    rows = left_out = 0
    damaged: list[str] = []
    for index, (name, sql) in enumerate(schema.tables):
        step(index, len(schema.tables))
        if name in indexes or _part_of(name, indexes):
            continue  # rebuilt from the copied rows below, never copied from a damaged file
        copied, garbled, unreadable = _copy_table(src, dst, name, sql)
        rows += copied
        left_out += garbled
        if unreadable:
            damaged.append(name)
    for kind, name, sql in schema.later:
        left_out += _create(src, dst, kind, name, sql)
    for name in indexes:
        dst.execute(f'INSERT INTO "{name}"("{name}") VALUES (\'rebuild\')')
    unlinked, orphans = _unlink_lost_rows(dst)
    dst.execute(f"PRAGMA application_id = {int(schema.application_id)}")
    dst.execute(f"PRAGMA user_version = {int(schema.user_version)}")
    dst.execute("COMMIT")
    check = [row[0] for row in dst.execute("PRAGMA integrity_check").fetchall()]
    if check != ["ok"]:
        raise sqlite3.DatabaseError(f"the new file failed its own check: {'; '.join(check[:3])}")
    step(len(schema.tables), len(schema.tables))
    return SalvageReport(
        target=target,
        tables=len(schema.tables),
        rows=rows - orphans,
        damaged_tables=tuple(damaged),
        left_out=left_out + orphans,
        unlinked=unlinked,
    )


def _full_text_indexes(tables: list[tuple[str, str]]) -> list[str]:
    """The full-text indexes (FTS5 virtual tables): made anew in the new file, not copied."""
    return [name for name, sql in tables if sql.lstrip().upper().startswith("CREATE VIRTUAL TABLE")]


def _part_of(name: str, indexes: list[str]) -> bool:
    """Is ``name`` one of the tables a full-text index keeps for itself (``search_fts_data``…)?"""
    return any(name.startswith(f"{index}_") for index in indexes)


class _Unreadable(Exception):
    """Reading the damaged file failed part-way through a table."""


class _TableReader:
    """The rows of one table that can be read.

    ``scan`` reads the table in one pass, raising ``_Unreadable`` where the file is damaged; then
    ``one_by_one`` looks each rowid up by itself, so a damaged page costs only the rows on it (a
    scan cannot step past a page whose cells point astray).
    """

    def __init__(self, src: sqlite3.Connection, table: str) -> None:
        self.src = src
        self.table = _quote(table)
        self.columns = [row[1] for row in src.execute(f"PRAGMA table_info({self.table})")]
        self.names = ", ".join(_quote(c) for c in self.columns)

    def scan(self, order: str = " ORDER BY rowid"):  # type: ignore[no-untyped-def]
        try:
            cursor = self.src.execute(f"SELECT {self.names} FROM {self.table}{order}")
            while batch := cursor.fetchmany(BATCH):
                yield from batch
        except sqlite3.DatabaseError as error:
            raise _Unreadable(str(error)) from error

    def one_by_one(self):  # type: ignore[no-untyped-def]
        query = f"SELECT {self.names} FROM {self.table} WHERE rowid = ?"
        rowid = self._bound("min", default=1)
        last = self._bound("max", default=0) + GAP
        while rowid <= last:
            try:
                row = self.src.execute(query, (rowid,)).fetchone()
            except sqlite3.DatabaseError:
                row = None
            if row is not None:
                yield row
                last = max(last, rowid + GAP)
            rowid += 1

    def _bound(self, which: str, *, default: int) -> int:
        """The table's lowest or highest rowid when the file gives a believable one."""
        try:
            value = self.src.execute(f"SELECT {which}(rowid) FROM {self.table}").fetchone()[0]
        except sqlite3.DatabaseError:
            return default
        if not isinstance(value, int) or abs(value) > _BELIEVABLE_ROWID:
            return default
        return min(value, default) if which == "min" else max(value, default)


def _copy_table(
    src: sqlite3.Connection, dst: sqlite3.Connection, name: str, sql: str
) -> tuple[int, int, bool]:
    """Copy one table's readable rows: (rows copied, rows left out, whether part was unreadable)."""
    reader = _TableReader(src, name)
    insert = f"INSERT INTO {_quote(name)} ({reader.names}) VALUES ({', '.join('?' * len(reader.columns))})"
    if "WITHOUT ROWID" in sql.upper():
        try:
            return (*_insert(dst, insert, reader.scan(order="")), False)
        except _Unreadable:
            return 0, 0, True  # (rows before the damage stay; no rowids to look further)
    dst.execute("SAVEPOINT salvage_table")
    try:
        copied, left_out = _insert(dst, insert, reader.scan())
        dst.execute("RELEASE salvage_table")
        return copied, left_out, False
    except _Unreadable:
        dst.execute("ROLLBACK TO salvage_table")
        dst.execute("RELEASE salvage_table")
    return (*_insert(dst, insert, reader.one_by_one()), True)


def _insert(dst: sqlite3.Connection, insert: str, rows) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Insert each row; a row the damage garbled into breaking a rule is left out. (copied, left out)"""
    copied = left_out = 0
    for row in rows:
        try:
            dst.execute(insert, row)
            copied += 1
        except sqlite3.IntegrityError:
            left_out += 1
    return copied, left_out


def _create(src: sqlite3.Connection, dst: sqlite3.Connection, kind: str, name: str, sql: str) -> int:
    """Create an index, trigger or view; a unique index the copied rows break costs the later
    duplicates. Returns the number of rows left out for it."""
    try:
        dst.execute(sql)
        return 0
    except sqlite3.IntegrityError:
        if kind != "index":
            raise
    table, columns = _index_columns(src, name)
    same = " AND ".join(f"a.{c} = b.{c}" for c in columns)
    removed = dst.execute(
        f"DELETE FROM {table} WHERE rowid IN "
        f"(SELECT b.rowid FROM {table} a JOIN {table} b ON {same} AND a.rowid < b.rowid)"
    ).rowcount
    dst.execute(sql)
    return removed


def _index_columns(src: sqlite3.Connection, index: str) -> tuple[str, list[str]]:
    table = src.execute("SELECT tbl_name FROM sqlite_master WHERE name = ?", (index,)).fetchone()[0]
    columns = [_quote(row[2]) for row in src.execute(f"PRAGMA index_info({_quote(index)})")]
    return _quote(table), columns


def _unlink_lost_rows(dst: sqlite3.Connection) -> tuple[int, int]:
    """Empty (or, where it must have a value, remove) each pointer to a row that was lost, until
    the foreign key check passes. Returns (rows unlinked, rows removed)."""
    unlinked: set[tuple[str, int]] = set()
    removed = 0
    for _round in range(100):
        problems = dst.execute("PRAGMA foreign_key_check").fetchall()
        if not problems:
            break
        for table, rowid, _parent, key in problems:
            if rowid is None:
                continue
            columns = [
                row[3] for row in dst.execute(f"PRAGMA foreign_key_list({_quote(table)})") if row[0] == key
            ]
            required = {row[1] for row in dst.execute(f"PRAGMA table_info({_quote(table)})") if row[3]}
            if required.intersection(columns):
                removed += dst.execute(f"DELETE FROM {_quote(table)} WHERE rowid = ?", (rowid,)).rowcount
                unlinked.discard((table, rowid))
            else:
                settings = ", ".join(f"{_quote(c)} = NULL" for c in columns)
                dst.execute(f"UPDATE {_quote(table)} SET {settings} WHERE rowid = ?", (rowid,))
                unlinked.add((table, rowid))
    return len(unlinked), removed


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
