"""Standing items: the business a committee hears at every meeting ("Prevent Update"), put on each
new agenda by Create agenda until paused or removed."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sst_desktop.domain import Committee, StandingItem
from sst_desktop.domain.enums import ItemKind
from sst_desktop.domain.patch import UNSET, Unset, given, reverting
from sst_desktop.services.errors import NotFoundError
from sst_desktop.services.forward_plan import item_kind
from sst_desktop.services.outcome import Changed
from sst_desktop.services.records import Change
from sst_desktop.services.validation import as_text, optional, required
from sst_desktop.storage.engine import Database

# Standing items feed Create agenda beside the forward plan, and show on the same screen.
CHANGED = Changed.FORWARD_PLAN


@dataclass(frozen=True)
class StandingItemRecord:
    id: int
    committee_id: int
    title: str
    description: str
    kind: ItemKind
    presenters_text: str
    position: int
    active: bool


@dataclass(frozen=True)
class StandingItemPatch:
    """The standing item fields an edit sets (see ``patch``); a paused item (not ``active``) stays
    listed but is left off new agendas."""

    title: str | Unset = UNSET
    description: str | Unset = UNSET
    kind: ItemKind | Unset = UNSET
    presenters_text: str | Unset = UNSET
    active: bool | Unset = UNSET


def standing_record(item: StandingItem) -> StandingItemRecord:
    return StandingItemRecord(
        id=item.id,
        committee_id=item.committee_id,
        title=item.title,
        description=item.description,
        kind=item.kind or ItemKind.REPORT,
        presenters_text=item.presenters_text,
        position=item.position,
        active=item.active,
    )


def list_standing_items(
    db: Database, committee_id: int, *, include_inactive: bool = False
) -> list[StandingItemRecord]:
    with db.read() as session:
        return [standing_record(s) for s in _standing(session, committee_id, include_inactive)]


def add_standing_item(
    db: Database,
    committee_id: int,
    title: str,
    *,
    description: str = "",
    kind: ItemKind | str = ItemKind.REPORT,
    presenters_text: str = "",
) -> Change[StandingItemRecord]:
    """A new standing item, last in the committee's list; undo removes it."""
    values = _validated(
        {"title": title, "description": description, "kind": kind, "presenters_text": presenters_text}
    )
    with db.write() as session:
        if session.get(Committee, committee_id) is None:
            raise NotFoundError(f"There is no committee with id {committee_id}.")
        position = (
            session.scalar(
                select(func.max(StandingItem.position)).where(StandingItem.committee_id == committee_id)
            )
            or 0
        ) + 1
        item = StandingItem(committee_id=committee_id, position=position, active=True, **values)
        session.add(item)
        session.flush()
        _renumber(session, committee_id)
        return _added(standing_record(item))


def update_standing_item(
    db: Database, standing_id: int, patch: StandingItemPatch
) -> Change[StandingItemRecord]:
    """Change the fields ``patch`` sets; undo puts back what they were."""
    values = _validated(given(patch), partial=True)
    with db.write() as session:
        item = _get(session, standing_id)
        before = standing_record(item)
        for key, value in values.items():
            setattr(item, key, value)
        session.flush()
        revert = reverting(patch, before)
        return Change(
            before,
            standing_record(item),
            CHANGED,
            lambda db: update_standing_item(db, standing_id, revert),
        )


def move_standing_item(db: Database, standing_id: int, new_position: int) -> Change[StandingItemRecord]:
    """Put a standing item at ``new_position`` (0-based) in the committee's order; undo moves it back."""
    with db.write() as session:
        item = _get(session, standing_id)
        before = standing_record(item)
        others = [s for s in _standing(session, item.committee_id, True) if s.id != item.id]
        others.insert(max(0, min(int(new_position), len(others))), item)
        for index, other in enumerate(others):
            other.position = index
        session.flush()
        return Change(
            before,
            standing_record(item),
            CHANGED,
            lambda db: move_standing_item(db, standing_id, before.position),
        )


def remove_standing_item(db: Database, standing_id: int) -> Change[StandingItemRecord]:
    """Delete a standing item; agenda items made from it stay on their agendas. Undo puts it back."""
    with db.write() as session:
        item = _get(session, standing_id)
        before = standing_record(item)
        committee_id = item.committee_id
        session.delete(item)
        session.flush()
        _renumber(session, committee_id)
        return Change(before, None, CHANGED, lambda db: restore_standing_item(db, before))


def restore_standing_item(db: Database, record: StandingItemRecord) -> Change[StandingItemRecord]:
    """Put back a standing item removed by ``remove_standing_item``, in its place."""
    with db.write() as session:
        item = StandingItem(
            id=record.id if session.get(StandingItem, record.id) is None else None,
            committee_id=record.committee_id,
            title=record.title,
            description=record.description,
            kind=record.kind,
            presenters_text=record.presenters_text,
            position=record.position,
            active=record.active,
        )
        items = _standing(session, record.committee_id, True)
        session.add(item)
        items.insert(min(record.position, len(items)), item)
        for index, other in enumerate(items):
            other.position = index
        session.flush()
        return _added(standing_record(item))


def _added(record: StandingItemRecord) -> Change[StandingItemRecord]:
    return Change(None, record, CHANGED, lambda db: remove_standing_item(db, record.id))


def _standing(session: Session, committee_id: int, include_inactive: bool) -> list[StandingItem]:
    query = select(StandingItem).where(StandingItem.committee_id == committee_id)
    if not include_inactive:
        query = query.where(StandingItem.active.is_(True))
    return list(session.scalars(query.order_by(StandingItem.position, StandingItem.id)))


def _renumber(session: Session, committee_id: int) -> None:
    for index, item in enumerate(_standing(session, committee_id, True)):
        item.position = index


def _get(session: Session, standing_id: int) -> StandingItem:
    item = session.get(StandingItem, standing_id)
    if item is None:
        raise NotFoundError(f"There is no standing item with id {standing_id}.")
    return item


def _validated(fields: dict[str, object], *, partial: bool = False) -> dict[str, object]:
    """The values of a standing item's fields, checked: the one place they are validated."""
    values: dict[str, object] = {}
    if not partial or "title" in fields:
        values["title"] = required(
            as_text(fields.get("title")), "The item's title", field="title", max_length=300
        )
    if "description" in fields:
        values["description"] = optional(
            as_text(fields["description"]), "The description", field="description", multiline=True
        )
    if "presenters_text" in fields:
        values["presenters_text"] = optional(
            as_text(fields["presenters_text"]), "The presenters", field="presenters_text", max_length=300
        )
    if "kind" in fields:
        values["kind"] = item_kind(fields["kind"])
    if "active" in fields:
        values["active"] = bool(fields["active"])
    return values
