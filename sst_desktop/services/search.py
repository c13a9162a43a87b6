"""Find anything in the record: one search over minutes, resolutions, actions, agenda items, attached
reports, declarations, people and organisations (documents kept by ``sst_desktop.storage.search_index``).

Newest first by default, grouped by meeting (within a meeting the best matches first); ``order="best"``
ranks by relevance (FTS5 bm25 / PostgreSQL ts_rank). Confidential documents — an exempt item's
discussion, description and reports — are searched only when ``confidential`` is asked for, and are
marked so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, Literal

from sqlalchemy import Boolean, Date, bindparam, select, text

from sst_desktop.domain import Committee
from sst_desktop.services.errors import ValidationError
from sst_desktop.services.search_query import Term, fts5_match, parse, tsquery
from sst_desktop.services.search_snippets import Snippet, label_hits, snippet
from sst_desktop.storage.engine import Database
from sst_desktop.storage.search_documents import DAY_BITS, EPOCH
from sst_desktop.storage.search_text import BODY_VIEW, FTS_TABLE, PG_FOLD_FUNCTION, words

DEFAULT_LIMIT = 200


class Kind(StrEnum):
    MINUTE = "minute"
    RESOLUTION = "resolution"
    ACTION = "action"
    ITEM = "item"
    REPORT = "report"
    DECLARATION = "declaration"
    PERSON = "person"
    ORGANISATION = "organisation"

    @property
    def label(self) -> str:
        return {"item": "Agenda item", "declaration": "Declaration of interest"}.get(
            self.value, self.value.capitalize()
        )


KIND_ORDER = {kind: n for n, kind in enumerate(Kind)}


@dataclass(frozen=True)
class SearchRequest:
    text: str
    committee_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    kinds: frozenset[Kind] = frozenset()
    confidential: bool = False
    order: Literal["newest", "best"] = "newest"
    limit: int = DEFAULT_LIMIT


@dataclass(frozen=True)
class SearchHit:
    kind: Kind
    source_id: int
    # where it opens: the minute (minutes, resolutions), agenda item (items, reports, declarations),
    # action, person or organisation
    anchor_id: int | None
    page: int
    meeting_id: int | None
    committee_id: int | None
    committee_name: str
    committee_short_name: str
    dated: date | None
    label: str
    snippet: Snippet
    confidential: bool

    @property
    def committee(self) -> str:
        return self.committee_short_name or self.committee_name


def search(db: Database, request: SearchRequest) -> list[SearchHit]:
    """The documents matching every term of ``request.text`` (none when it has no words)."""
    if request.date_from and request.date_to and request.date_from > request.date_to:
        raise ValidationError("The 'from' date is after the 'to' date.", field="date_from")
    terms = parse(request.text)
    # A word of one letter still being typed would have the index merge every word with that letter
    # (a tenth of a second on 100,000 actions): it is matched here, among the other words' results.
    letters = tuple(t for t in terms if t.prefix and len(t.words) == 1 and len(t.words[0]) == 1)
    indexed = tuple(t for t in terms if t not in letters)
    if not indexed:
        return []  # one letter alone: the next keystroke will say more
    wider = replace(request, limit=request.limit * 4) if letters else request
    with db.read() as session:
        connection = session.connection()
        rows = list(connection.execute(*_query(connection.dialect.name, indexed, wider)))
        bodies = _bodies(connection, [r.id for r in rows])
        if letters:
            rows = [r for r in rows if _has_words(bodies.get(r.id) or "", letters)][: request.limit]
        committees = _committees(connection, {r.committee_id for r in rows if r.committee_id is not None})
    hits = [_hit(row, bodies.get(row.id) or "", terms, committees) for row in rows]
    return _grouped(hits, terms) if request.order == "newest" else hits


def document_ids(request: SearchRequest) -> tuple[int | None, int | None]:
    """The id range of documents dated within the request's dates (ids start with the day)."""

    def day(value: date) -> int:
        return max(1, (value - EPOCH).days + 1) << DAY_BITS

    low = day(request.date_from) if request.date_from else None
    high = day(request.date_to + timedelta(days=1)) if request.date_to else None
    return low, high


def _query(dialect: str, terms: tuple[Term, ...], request: SearchRequest) -> tuple[Any, dict[str, Any]]:
    where = ['d."full"' if request.confidential else 'd."public"']
    params: dict[str, Any] = {"limit": max(1, request.limit)}
    low, high = document_ids(request)
    if low is not None:
        where.append("d.id >= :low")
        params["low"] = low
    if high is not None:
        where.append("d.id < :high")
        params["high"] = high
    if request.committee_id is not None:
        where.append("d.committee_id = :committee")
        params["committee"] = request.committee_id
    if request.kinds:
        where.append("d.kind IN :kinds")
        params["kinds"] = sorted(k.value for k in request.kinds)
    columns = "d.id, d.kind, d.source_id, d.anchor_id, d.page, d.meeting_id, d.committee_id, d.dated, d.public, d.label"
    if dialect == "sqlite":
        params["match"] = fts5_match(terms)
        # the id bounds go to the FTS5 table itself, so the newest matches come off its index in order
        conditions = " AND ".join(w.replace("d.id", f"{FTS_TABLE}.rowid") for w in where)
        order = f"{FTS_TABLE}.rank" if request.order == "best" else f"{FTS_TABLE}.rowid DESC"
        sql = (
            f"SELECT {columns} FROM {FTS_TABLE} JOIN search_documents d ON d.id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH :match AND {conditions} ORDER BY {order} LIMIT :limit"
        )
    else:
        params["match"] = tsquery(terms)
        vector = f"to_tsvector('simple'::regconfig, {PG_FOLD_FUNCTION}(d.body))"
        query = "to_tsquery('simple'::regconfig, :match)"
        order = f"ts_rank({vector}, {query}) DESC, d.id DESC" if request.order == "best" else "d.id DESC"
        sql = (
            f"SELECT {columns} FROM search_documents d WHERE {vector} @@ {query} AND {' AND '.join(where)} "
            f"ORDER BY {order} LIMIT :limit"
        )
    statement = text(sql).columns(dated=Date, public=Boolean)
    if request.kinds:
        statement = statement.bindparams(bindparam("kinds", expanding=True))
    return statement, params


def _committees(connection: Any, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    chosen = list(ids)
    if not chosen:
        return {}
    table = Committee.__table__
    rows = connection.execute(
        select(table.c.id, table.c.name, table.c.short_name).where(table.c.id.in_(chosen))
    )
    return {r.id: (r.name, r.short_name) for r in rows}


def _has_words(body: str, letters: tuple[Term, ...]) -> bool:
    """Whether ``body`` has a word starting with each of these one-letter terms."""
    initials = {w[0] for w in words(body)}
    return all(t.words[0] in initials for t in letters)


def _bodies(connection: Any, ids: list[int]) -> dict[int, str]:
    """The words of the documents found, read from the record, for their snippets."""
    if not ids:
        return {}
    query = text(f"SELECT id, body FROM {BODY_VIEW} WHERE id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    return {row.id: row.body for row in connection.execute(query, {"ids": ids})}


def _hit(row: Any, body: str, terms: tuple[Term, ...], committees: dict[int, tuple[str, str]]) -> SearchHit:
    name, short = committees.get(row.committee_id, ("", ""))
    return SearchHit(
        kind=Kind(row.kind),
        source_id=row.source_id,
        anchor_id=row.anchor_id,
        page=row.page,
        meeting_id=row.meeting_id,
        committee_id=row.committee_id,
        committee_name=name,
        committee_short_name=short,
        dated=row.dated,
        label=row.label,
        snippet=snippet(body, terms),
        confidential=not row.public,
    )


def _grouped(hits: Sequence[SearchHit], terms: tuple[Term, ...]) -> list[SearchHit]:
    """Newest meeting first; within a meeting, best match first, then minutes before actions etc."""
    groups: dict[tuple[date | None, int | None], list[SearchHit]] = {}
    for hit in hits:
        groups.setdefault((hit.dated, hit.meeting_id), []).append(hit)
    ordered: list[SearchHit] = []
    for group in groups.values():
        ordered.extend(
            sorted(
                group, key=lambda h: (-h.snippet.hits - 2 * label_hits(h.label, terms), KIND_ORDER[h.kind])
            )
        )
    return ordered
