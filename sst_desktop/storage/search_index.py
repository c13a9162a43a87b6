"""Keeping the search index in step with the record, in the same transaction as each change.

Installed once for every SQLAlchemy session (as the audit trail is): after each flush, the documents of
the rows it added, changed or deleted are rebuilt (``search_documents.refresh``), and so are those of
rows whose documents depend on them (an item made exempt hides its minute, resolutions, actions and
reports from public searches). ORM bulk ``update(Minute)…`` statements — how minute text is saved while
the officer types — are followed the same way. The word index itself follows ``search_documents``:
FTS5 triggers on SQLite, a GIN expression index on PostgreSQL.
"""

from __future__ import annotations

import io
import logging
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from typing import Any

from sqlalchemy import Connection, event, insert, select
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.orm.attributes import get_history

from sst_desktop.domain import (
    Action,
    ActionUpdate,
    AgendaItem,
    Attachment,
    AttachmentPage,
    Committee,
    Declaration,
    Meeting,
    Minute,
    Organisation,
    Person,
    Resolution,
)
from sst_desktop.storage import search_documents as documents

log = logging.getLogger(__name__)
Targets = dict[str, set[int]]


@cache
def install() -> None:
    """Listen to every session (``cache``: once per process)."""
    event.listen(Session, "before_flush", _before_flush)
    event.listen(Session, "after_flush", _after_flush)
    event.listen(Session, "do_orm_execute", _on_orm_execute)


def page_texts(data: bytes) -> list[str]:
    """The text of each page of a PDF, extracted once when it is attached ('' for unreadable pages)."""
    from pypdf import PdfReader  # (only when a report is attached: pypdf is slow to import)

    texts = []
    for page in PdfReader(io.BytesIO(data), strict=False).pages:
        try:
            texts.append(page.extract_text() or "")
        except Exception as error:  # pypdf raises many kinds on odd content; the page stays unsearchable
            log.info("no text from a report page: %r", error)
            texts.append("")
    return texts


def store_pages(connection: Connection, attachment_id: int, texts: list[str]) -> None:
    rows = [{"attachment_id": attachment_id, "page": n, "text": t} for n, t in enumerate(texts, 1)]
    if rows:
        connection.execute(insert(documents.PAGE), rows)
    documents.refresh(connection, "report", [attachment_id])


def index_everything(connection: Connection, *, extract_reports: bool = False) -> int:
    """Index the whole record (a migration, a repair); ``extract_reports`` first reads the text of every
    report that has none stored."""
    if extract_reports:
        done = set(connection.execute(select(documents.PAGE.c.attachment_id).distinct()).scalars())
        for attachment_id, content in connection.execute(select(documents.ATT.c.id, documents.ATT.c.content)):
            if attachment_id not in done:
                try:
                    texts = page_texts(bytes(content))
                except Exception as error:  # a damaged old report stays unsearchable, nothing else fails
                    log.info("no text from report %s: %r", attachment_id, error)
                    continue
                connection.execute(
                    insert(documents.PAGE),
                    [{"attachment_id": attachment_id, "page": n, "text": t} for n, t in enumerate(texts, 1)],
                )
    return documents.index_all(connection)


# What a change touches -----------------------------------------------------------------------------
def _changed(obj: object, *keys: str) -> bool:
    return any(get_history(obj, key).has_changes() for key in keys)


# each row's own documents: (kind, the attribute naming the source row)
_OWN: dict[type, tuple[str, str]] = {
    Minute: ("minute", "id"),
    Resolution: ("resolution", "id"),
    Action: ("action", "id"),
    ActionUpdate: ("action", "action_id"),
    AgendaItem: ("item", "id"),
    Attachment: ("report", "id"),
    AttachmentPage: ("report", "attachment_id"),
    Declaration: ("declaration", "id"),
    Person: ("person", "id"),
    Organisation: ("organisation", "id"),
}
# rows whose names appear in other rows' documents (a declaration names the person)
_NAMED_ELSEWHERE: dict[type, str] = {Person: "person-children", Organisation: "organisation-children"}


def _collect(targets: Targets, obj: object, *, deleted: bool = False, new: bool = False) -> None:
    own = _OWN.get(type(obj))
    if own is not None:
        targets[own[0]].add(getattr(obj, own[1]))
    if isinstance(obj, ActionUpdate) and obj.action_id is None and obj.action is not None:
        targets["action"].add(obj.action.id)  # added through the relationship
    if new:
        return
    if type(obj) in _NAMED_ELSEWHERE:
        targets[_NAMED_ELSEWHERE[type(obj)]].add(obj.id)  # type: ignore[attr-defined]
    elif isinstance(obj, AgendaItem) and not deleted and _changed(obj, "exempt_paragraphs"):
        targets["item-children"].add(obj.id)
    elif isinstance(obj, Meeting) and (deleted or _changed(obj, "date", "committee_id")):
        targets["meeting"].add(obj.id)
    elif isinstance(obj, Committee) and deleted:
        targets["committee"].add(obj.id)  # its actions go with it, those of no meeting too


def _expand(connection: Connection, targets: Targets) -> None:
    """Add the rows whose documents depend on the changed ones."""

    def ids(column: Any, where: Any) -> set[int]:
        return set(connection.execute(select(column).where(where)).scalars())

    for column, chosen in (
        (documents.DOCS.c.meeting_id, targets["meeting"]),
        (documents.DOCS.c.committee_id, targets["committee"]),
    ):
        if chosen:
            query = select(documents.DOCS.c.kind, documents.DOCS.c.source_id).where(column.in_(chosen))
            for kind, source_id in connection.execute(query.distinct()):
                targets[kind].add(source_id)
    if targets["item-children"]:
        chosen = targets["item-children"]
        targets["minute"] |= ids(documents.MIN.c.id, documents.MIN.c.agenda_item_id.in_(chosen))
        targets["report"] |= ids(documents.ATT.c.id, documents.ATT.c.agenda_item_id.in_(chosen))
    if targets["minute"]:
        chosen = targets["minute"]
        targets["resolution"] |= ids(documents.RES.c.id, documents.RES.c.minute_id.in_(chosen))
        targets["action"] |= ids(documents.ACT.c.id, documents.ACT.c.minute_id.in_(chosen))
    if targets["organisation-children"]:
        targets["person"] |= ids(
            documents.PERSON.c.id, documents.PERSON.c.organisation_id.in_(targets["organisation-children"])
        )
    if targets["person-children"]:
        targets["declaration"] |= ids(
            documents.DECL.c.id, documents.DECL.c.person_id.in_(targets["person-children"])
        )


def _targets(session: Session) -> Targets:
    targets: Targets = defaultdict(set)
    for obj in session.new:
        _collect(targets, obj, new=True)
    for obj in session.dirty:
        if obj not in session.deleted and session.is_modified(obj, include_collections=False):
            _collect(targets, obj)
    for obj in session.deleted:
        _collect(targets, obj, deleted=True)
    return targets


def _remove(connection: Connection, targets: Targets, *, expand: bool = True) -> None:
    """Before a change: its documents leave the index while the record still holds what was indexed."""
    if expand:
        _expand(connection, targets)
    for kind in documents.BUILDERS:
        documents.remove(connection, kind, targets.get(kind, ()))


def _add(connection: Connection, targets: Targets, *, expand: bool = True) -> None:
    """After a change: its documents, as the record now stands."""
    if expand:
        _expand(connection, targets)
    for kind in documents.BUILDERS:
        documents.refresh(connection, kind, targets.get(kind, ()))


_REMOVED = "sst_search_removed"


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    targets = _targets(session)
    if targets:
        _remove(session.connection(), targets)
        session.info[_REMOVED] = targets  # (expanded) what the flush must index again


def _after_flush(session: Session, _context: object) -> None:
    targets = _targets(session)
    for kind, ids in session.info.pop(_REMOVED, {}).items():
        targets[kind] |= ids
    if targets:
        _add(session.connection(), targets)


_BULK_KINDS: dict[type, str] = {Minute: "minute", Resolution: "resolution", Action: "action"}


def _on_orm_execute(state: ORMExecuteState) -> Any:
    if not (state.is_update or state.is_delete):
        return None
    mapper = state.bind_mapper
    kind = _BULK_KINDS.get(mapper.class_) if mapper is not None else None
    if kind is None:
        return None
    table = mapper.local_table  # type: ignore[union-attr]
    params = state.parameters
    connection = state.session.connection()
    if isinstance(params, list) and params and "id" in params[0]:
        chosen: Iterable[int] = [p["id"] for p in params]
    else:
        where = state.statement.whereclause  # type: ignore[attr-defined]
        query = select(table.c.id) if where is None else select(table.c.id).where(where)
        chosen = list(connection.execute(query).scalars())

    def targets() -> Targets:
        found: Targets = defaultdict(set)
        found[kind].update(chosen)
        return found

    # (these statements save wording as it is typed: no other row's documents depend on it)
    _remove(connection, targets(), expand=False)
    result = state.invoke_statement()
    _add(connection, targets(), expand=False)
    return result
