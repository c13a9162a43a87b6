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

from sqlalchemy import ColumnElement, Connection, Table, and_, delete, func, insert, select
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
from sst_desktop.domain.enums import InterestKind

Doc = dict[str, Any]


def _table(model: type) -> Table:
    return model.__table__  # type: ignore[attr-defined]


DOCS = _table(SearchDocument)
MIN, RES, ACT, UPD = _table(Minute), _table(Resolution), _table(Action), _table(ActionUpdate)
ITEM, MEET, ATT, PAGE = _table(AgendaItem), _table(Meeting), _table(Attachment), _table(AttachmentPage)
DECL, PERSON, ORG = _table(Declaration), _table(Person), _table(Organisation)

DAY_BITS = 24  # documents per day before ids would run into the next day's
EPOCH = date(1800, 1, 1)


def _joined(*parts: str | None) -> str:
    return "\n".join(p.strip() for p in parts if p and p.strip())


def _exempt(paragraphs: str | None) -> bool:
    return bool((paragraphs or "").strip())


def minute_label(number: int | None, heading: str) -> str:
    return f"Minute {number}: {heading}" if number else heading


def _doc(kind: str, source_id: int, body: str, *, public: bool = True, full: bool = True, **rest: Any) -> Doc:
    values = {
        "meeting_id": None,
        "committee_id": None,
        "dated": None,
        "anchor_id": None,
        "page": 0,
        "label": "",
    }
    values.update(rest)
    return {"kind": kind, "source_id": source_id, "body": body, "public": public, "full": full, **values}


def _meeting(row: Any) -> dict[str, Any]:
    return {"meeting_id": row.meeting_id, "committee_id": row.committee_id, "dated": row.date}


def minutes(connection: Connection, where: ColumnElement[bool]) -> Iterator[Doc]:
    query = (
        select(MIN, MEET.c.committee_id, MEET.c.date, ITEM.c.exempt_paragraphs)
        .select_from(
            MIN.join(MEET, MEET.c.id == MIN.c.meeting_id).outerjoin(ITEM, ITEM.c.id == MIN.c.agenda_item_id)
        )
        .where(where)
    )
    for row in connection.execute(query):
        common = {**_meeting(row), "anchor_id": row.id, "label": minute_label(row.number, row.heading)}
        if _exempt(row.exempt_paragraphs):
            yield _doc("minute", row.id, _joined(row.heading, row.public_summary), full=False, **common)
            yield _doc("minute", row.id, _joined(row.heading, row.text), public=False, **common)
        else:
            yield _doc("minute", row.id, _joined(row.heading, row.text), **common)


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
            row.text,
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
    rows = list(connection.execute(query))
    updates: dict[int, list[str]] = defaultdict(list)
    if rows:
        chosen = select(ACT.c.id).where(where).scalar_subquery() if len(rows) > 500 else [r.id for r in rows]
        for action_id, text in connection.execute(
            select(UPD.c.action_id, UPD.c.text)
            .where(UPD.c.action_id.in_(chosen))
            .order_by(UPD.c.on, UPD.c.id)
        ):
            updates[action_id].append(text)
    for row in rows:
        body = _joined(row.reference, row.text, row.response, row.owner_text, *updates.get(row.id, ()))
        dated = row.date or row.due_date or row.created_at.date()
        yield _doc(
            "action",
            row.id,
            body,
            public=not _exempt(row.exempt_paragraphs),
            meeting_id=row.meeting_id,
            committee_id=row.committee_id,
            dated=dated,
            anchor_id=row.id,
            label=f"Action {row.reference}",
        )


def items(connection: Connection, where: ColumnElement[bool]) -> Iterator[Doc]:
    query = (
        select(ITEM, MEET.c.committee_id, MEET.c.date)
        .select_from(ITEM.join(MEET, MEET.c.id == ITEM.c.meeting_id))
        .where(where)
    )
    for row in connection.execute(query):
        common = {**_meeting(row), "anchor_id": row.id, "label": f"Agenda item: {row.title}"}
        body = _joined(row.title, row.description, row.presenters_text)
        if _exempt(row.exempt_paragraphs):
            yield _doc("item", row.id, row.title, full=False, **common)
            yield _doc("item", row.id, body, public=False, **common)
        else:
            yield _doc("item", row.id, body, **common)


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
        if not row.text.strip():
            continue
        title = row.title or Path(row.filename).stem or row.filename
        yield _doc(
            "report",
            row.id,
            row.text,
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
        kind = InterestKind(row.kind).label if row.kind in set(InterestKind) else str(row.kind)
        yield _doc(
            "declaration",
            row.id,
            _joined(name, kind, row.nature),
            anchor_id=row.agenda_item_id,
            label=f"Declaration of interest: {name}",
            **_meeting(row),
        )


def people(connection: Connection, where: ColumnElement[bool]) -> Iterator[Doc]:
    query = (
        select(PERSON, ORG.c.name.label("organisation"))
        .select_from(PERSON.outerjoin(ORG, ORG.c.id == PERSON.c.organisation_id))
        .where(where)
    )
    for row in connection.execute(query):
        name = _person_name(row)
        body = _joined(name, row.job_title, row.organisation, row.email)
        yield _doc("person", row.id, body, anchor_id=row.id, label=name)


def organisations(connection: Connection, where: ColumnElement[bool]) -> Iterator[Doc]:
    for row in connection.execute(select(ORG).where(where)):
        yield _doc(
            "organisation", row.id, _joined(row.name, row.short_name), anchor_id=row.id, label=row.name
        )


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


def write(connection: Connection, docs: Iterable[Doc], *, empty: bool = False) -> int:
    """Insert documents with ids ordering them newest first; ``empty``: the table has none yet."""
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
    return len(rows)


def refresh(connection: Connection, kind: str, ids: Iterable[int]) -> None:
    """Rebuild the documents of these source rows (none for rows that no longer exist)."""
    chosen = sorted(set(ids))
    if not chosen:
        return
    builder, id_column = BUILDERS[kind]
    for start in range(0, len(chosen), 500):
        part = chosen[start : start + 500]
        connection.execute(delete(DOCS).where(and_(DOCS.c.kind == kind, DOCS.c.source_id.in_(part))))
        write(connection, builder(connection, id_column.in_(part)))


def index_all(connection: Connection) -> int:
    """Index the whole record from scratch; the number of documents written."""
    connection.execute(delete(DOCS))
    return sum(
        write(connection, builder(connection, true()), empty=n == 0)
        for n, (builder, _) in enumerate(BUILDERS.values())
    )
