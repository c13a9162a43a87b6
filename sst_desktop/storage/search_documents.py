"""What each piece of the record looks like to search: the documents built from minutes, resolutions,
actions, agenda items, reports, declarations, people and organisations.

Builders take a WHERE clause over their source table, so one code path indexes one row after an edit
and the whole database at once. Confidentiality follows the public minutes: an exempt item's minute
is searched publicly by its heading and published summary only; its discussion, resolutions, actions,
description and reports only when confidential results are asked for.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, and_, bindparam, delete, func, insert, select, text
from sqlalchemy.sql.expression import true

from sst_desktop.domain import (
    Action,
    ActionUpdate,
    AgendaItem,
    Attachment,
    AttachmentPage,
    Declaration,
    Meeting,
    Minute,
    Organisation,
    Person,
    Resolution,
    SearchDocument,
)
from sst_desktop.storage.search_text import BODY_VIEW, FTS_TABLE

Doc = dict[str, Any]


def _table(model: type) -> Table:
    return model.__table__  # type: ignore[attr-defined]


DOCS = _table(SearchDocument)
MIN, RES, ACT, UPD = _table(Minute), _table(Resolution), _table(Action), _table(ActionUpdate)
ITEM, MEET, ATT, PAGE = _table(AgendaItem), _table(Meeting), _table(Attachment), _table(AttachmentPage)
DECL, PERSON, ORG = _table(Declaration), _table(Person), _table(Organisation)

DAY_BITS = 24  # documents per day before ids would run into the next day's
EPOCH = date(1800, 1, 1)


def _exempt(paragraphs: str | None) -> bool:
    return bool((paragraphs or "").strip())


def minute_label(number: int | None, heading: str) -> str:
    return f"Minute {number}: {heading}" if number else heading


def _doc(kind: str, source_id: int, *, public: bool = True, full: bool = True, **rest: Any) -> Doc:
    values = {
        "meeting_id": None,
        "committee_id": None,
        "dated": None,
        "anchor_id": None,
        "page": 0,
        "label": "",
    }
    values.update(rest)
    return {"kind": kind, "source_id": source_id, "body": "", "public": public, "full": full, **values}


def _meeting(row: Any) -> dict[str, Any]:
    return {"meeting_id": row.meeting_id, "committee_id": row.committee_id, "dated": row.date}


def minutes(connection: Connection, where: ColumnElement[bool]) -> Iterator[Doc]:
    query = (
        # Named columns, not the whole table: migration 0006 indexes with the tables as they stood then.
        select(MIN.c.id, MIN.c.number, MIN.c.heading, MIN.c.meeting_id)
        .add_columns(MEET.c.committee_id, MEET.c.date, ITEM.c.exempt_paragraphs)
        .select_from(
            MIN.join(MEET, MEET.c.id == MIN.c.meeting_id).outerjoin(ITEM, ITEM.c.id == MIN.c.agenda_item_id)
        )
        .where(where)
    )
    for row in connection.execute(query):
        common = {**_meeting(row), "anchor_id": row.id, "label": minute_label(row.number, row.heading)}
        if _exempt(row.exempt_paragraphs):
            yield _doc("minute", row.id, full=False, **common)  # its heading and published summary
            yield _doc("minute", row.id, public=False, **common)  # its heading and discussion
        else:
            yield _doc("minute", row.id, **common)


def resolutions(connection: Connection, where: ColumnElement[bool]) -> Iterator[Doc]:
    query = (
        select(RES.c.id, RES.c.text, RES.c.minute_id, MIN.c.meeting_id, MIN.c.number, MIN.c.heading)
        .add_columns(MEET.c.committee_id, MEET.c.date, ITEM.c.exempt_paragraphs)
        .select_from(
            RES.join(MIN, MIN.c.id == RES.c.minute_id)
            .join(MEET, MEET.c.id == MIN.c.meeting_id)
            .outerjoin(ITEM, ITEM.c.id == MIN.c.agenda_item_id)
        )
        .where(where)
    )
    for row in connection.execute(query):
        label = f"{minute_label(row.number, row.heading)} — RESOLVED"
        public = not _exempt(row.exempt_paragraphs)
        yield _doc(
            "resolution",
            row.id,
            public=public,
            anchor_id=row.minute_id,
            label=label,
            **_meeting(row),
        )


def actions(connection: Connection, where: ColumnElement[bool]) -> Iterator[Doc]:
    query = (
        select(ACT, MEET.c.date, ITEM.c.exempt_paragraphs)
        .select_from(
            ACT.outerjoin(MEET, MEET.c.id == ACT.c.meeting_id)
            .outerjoin(MIN, MIN.c.id == ACT.c.minute_id)
            .outerjoin(ITEM, ITEM.c.id == MIN.c.agenda_item_id)
        )
        .where(where)
    )
    for row in connection.execute(query):
        dated = row.date or row.due_date or row.created_at.date()
        yield _doc(
            "action",
            row.id,
            public=not _exempt(row.exempt_paragraphs),
            meeting_id=row.meeting_id,
            committee_id=row.committee_id,
            dated=dated,
            anchor_id=row.id,
            label=f"Action {row.reference}",
        )


def items(connection: Connection, where: ColumnElement[bool]) -> Iterator[Doc]:
    query = (
        select(ITEM.c.id, ITEM.c.title, ITEM.c.exempt_paragraphs, ITEM.c.meeting_id)
        .add_columns(MEET.c.committee_id, MEET.c.date)
        .select_from(ITEM.join(MEET, MEET.c.id == ITEM.c.meeting_id))
        .where(where)
    )
    for row in connection.execute(query):
        common = {**_meeting(row), "anchor_id": row.id, "label": f"Agenda item: {row.title}"}
        if _exempt(row.exempt_paragraphs):
            yield _doc("item", row.id, full=False, **common)  # its title
            yield _doc("item", row.id, public=False, **common)  # its title, description and presenters
        else:
            yield _doc("item", row.id, **common)


def reports(connection: Connection, where: ColumnElement[bool]) -> Iterator[Doc]:
    query = (
        select(PAGE.c.page, PAGE.c.text, ATT.c.id, ATT.c.title, ATT.c.filename, ATT.c.agenda_item_id)
        .add_columns(ITEM.c.meeting_id, ITEM.c.exempt_paragraphs, MEET.c.committee_id, MEET.c.date)
        .select_from(
            PAGE.join(ATT, ATT.c.id == PAGE.c.attachment_id)
            .join(ITEM, ITEM.c.id == ATT.c.agenda_item_id)
            .join(MEET, MEET.c.id == ITEM.c.meeting_id)
        )
        .where(where)
    )
    for row in connection.execute(query):
        title = row.title or Path(row.filename).stem or row.filename
        yield _doc(
            "report",
            row.id,
            public=not _exempt(row.exempt_paragraphs),
            page=row.page,
            anchor_id=row.agenda_item_id,
            label=f"Report: {title}, page {row.page}",
            **_meeting(row),
        )


def _person_name(row: Any) -> str:
    return " ".join(p for p in (row.title, row.first_name, row.last_name) if p)


def declarations(connection: Connection, where: ColumnElement[bool]) -> Iterator[Doc]:
    query = (
        select(
            DECL, MEET.c.committee_id, MEET.c.date, PERSON.c.title, PERSON.c.first_name, PERSON.c.last_name
        )
        .select_from(
            DECL.join(MEET, MEET.c.id == DECL.c.meeting_id).join(PERSON, PERSON.c.id == DECL.c.person_id)
        )
        .where(where)
    )
    for row in connection.execute(query):
        name = _person_name(row)
        yield _doc(
            "declaration",
            row.id,
            anchor_id=row.agenda_item_id,
            label=f"Declaration of interest: {name}",
            **_meeting(row),
        )


def people(connection: Connection, where: ColumnElement[bool]) -> Iterator[Doc]:
    query = select(PERSON.c.id, PERSON.c.title, PERSON.c.first_name, PERSON.c.last_name).where(where)
    for row in connection.execute(query):
        name = _person_name(row)
        yield _doc("person", row.id, anchor_id=row.id, label=name)


def organisations(connection: Connection, where: ColumnElement[bool]) -> Iterator[Doc]:
    for row in connection.execute(select(ORG).where(where)):
        yield _doc("organisation", row.id, anchor_id=row.id, label=row.name)


Builder = Callable[[Connection, ColumnElement[bool]], Iterator[Doc]]

# kind -> (builder, the source table's id column)
BUILDERS: dict[str, tuple[Builder, Any]] = {
    "minute": (minutes, MIN.c.id),
    "resolution": (resolutions, RES.c.id),
    "action": (actions, ACT.c.id),
    "item": (items, ITEM.c.id),
    "report": (reports, ATT.c.id),
    "declaration": (declarations, DECL.c.id),
    "person": (people, PERSON.c.id),
    "organisation": (organisations, ORG.c.id),
}


def _day(dated: date | None) -> int:
    return 0 if dated is None else max(1, (dated - EPOCH).days + 1)


def _one_at_a_time(connection: Connection) -> None:
    """On a database server, changes to the index take turns until they commit: each works out the
    next free ids of a day, and a source's document is removed and written again, so two officers
    saving at once must never both do it (SQLite's writers take turns anyway)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(hashtext('sst search documents'))"))


def write(connection: Connection, docs: Iterable[Doc], *, empty: bool = False) -> list[int]:
    """Insert documents with ids ordering them newest first (``empty``: the table has none yet); their
    ids. The word index is told separately (``_words``)."""
    _one_at_a_time(connection)
    by_day: dict[int, list[Doc]] = defaultdict(list)
    for doc in docs:
        by_day[_day(doc["dated"])].append(doc)
    rows: list[Doc] = []
    for day, group in by_day.items():
        base = day << DAY_BITS
        top = None
        if not empty:
            top = connection.execute(
                select(func.max(DOCS.c.id)).where(DOCS.c.id.between(base, base + (1 << DAY_BITS) - 1))
            ).scalar()
        first = base if top is None else top + 1
        rows.extend({**doc, "id": first + n} for n, doc in enumerate(group))
    for start in range(0, len(rows), 5000):
        connection.execute(insert(DOCS), rows[start : start + 5000])
    return [row["id"] for row in rows]


def _chunks(values: list[int], size: int = 500) -> Iterator[list[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _words(connection: Connection, ids: list[int], *, adding: bool) -> None:
    """Tell the word index about documents just written (``adding``) or about to go.

    SQLite's FTS5 table reads their words through the ``search_bodies`` view, from the record itself, so
    a document must leave the index before its source changes (FTS5 removes exactly the words it is
    given). PostgreSQL copies the words into ``search_documents.body``, which its GIN index covers."""
    sqlite = connection.dialect.name == "sqlite"
    if not adding and not sqlite:
        return
    for part in _chunks(ids):
        if sqlite and adding:
            sql = f"INSERT INTO {FTS_TABLE}(rowid, body) SELECT id, body FROM {BODY_VIEW} WHERE id IN :ids"
        elif sqlite:
            sql = (
                f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, body) "
                f"SELECT 'delete', id, body FROM {BODY_VIEW} WHERE id IN :ids"
            )
        else:
            sql = (
                f"UPDATE search_documents SET body = COALESCE(v.body, '') FROM {BODY_VIEW} v "
                "WHERE v.id = search_documents.id AND search_documents.id IN :ids"
            )
        connection.execute(text(sql).bindparams(bindparam("ids", expanding=True)), {"ids": part})


def remove(connection: Connection, kind: str, ids: Iterable[int]) -> None:
    """Take these source rows' documents out of the index, while the rows still say what was indexed."""
    chosen = sorted({i for i in ids if i is not None})
    if chosen:
        _one_at_a_time(connection)
    for part in _chunks(chosen):
        where = and_(DOCS.c.kind == kind, DOCS.c.source_id.in_(part))
        doc_ids = list(connection.execute(select(DOCS.c.id).where(where)).scalars())
        if doc_ids:
            _words(connection, doc_ids, adding=False)
            connection.execute(delete(DOCS).where(DOCS.c.id.in_(doc_ids)))


def refresh(connection: Connection, kind: str, ids: Iterable[int]) -> None:
    """Index these source rows as they are now (nothing for rows that no longer exist)."""
    chosen = sorted({i for i in ids if i is not None})
    remove(connection, kind, chosen)  # nothing, when the change was announced beforehand
    builder, id_column = BUILDERS[kind]
    for part in _chunks(chosen):
        _words(connection, write(connection, builder(connection, id_column.in_(part))), adding=True)


def index_all(connection: Connection) -> int:
    """Index the whole record from scratch; the number of documents written."""
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        connection.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')")
    connection.execute(delete(DOCS))
    written = sum(
        len(write(connection, builder(connection, true()), empty=n == 0))
        for n, (builder, _) in enumerate(BUILDERS.values())
    )
    if sqlite:
        connection.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
    else:
        connection.exec_driver_sql(
            f"UPDATE search_documents SET body = COALESCE(v.body, '') FROM {BODY_VIEW} v WHERE v.id = search_documents.id"
        )
    return written
