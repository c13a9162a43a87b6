"""The agenda of a meeting: its items, their order and numbers, and the builder's standard items.

Positions are kept 0, 1, 2 … after every change, so an item's number (position + 1) is always right.
A new agenda opens with Apologies for Absence, Declarations of Interest and Minutes of Previous
Meeting, then the committee's standing items, and closes with Date of Next Meeting. An item added later
goes after the chosen business item, else after the last business item and before the closing
procedural items (``new_item_index``); procedural items move only when moved explicitly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from sst_desktop.domain import (
    AgendaItem,
    Attachment,
    ForwardPlanItem,
    Meeting,
    Minute,
    Person,
    StandingItem,
)
from sst_desktop.domain.enums import ForwardPlanStatus, ItemKind, ProceduralRole, ReportStatus
from sst_desktop.domain.meeting_texts import DECLARATIONS_TEXT
from sst_desktop.domain.patch import given, reverting
from sst_desktop.services import minute_numbers
from sst_desktop.services.agenda_fields import validated_fields
from sst_desktop.services.agenda_records import (
    AgendaItemPatch,
    AgendaItemRecord,
    RemovedItem,
    to_record,
)
from sst_desktop.services.agenda_wording import procedural_description
from sst_desktop.services.errors import NotFoundError, ValidationError
from sst_desktop.services.meetings import ensure_agenda_editable
from sst_desktop.services.outcome import Changed, Outcome, combined
from sst_desktop.services.records import Change
from sst_desktop.storage.engine import Database

OPENING_ROLES = (ProceduralRole.APOLOGIES, ProceduralRole.DECLARATIONS, ProceduralRole.PREVIOUS_MINUTES)

# ---------------------------------------------------------------- reading


def list_agenda_items(db: Database, meeting_id: int) -> list[AgendaItemRecord]:
    with db.read() as session:
        if session.get(Meeting, meeting_id) is None:
            raise NotFoundError(f"There is no meeting with id {meeting_id}.")
        return records_for(session, meeting_id)


def get_item(db: Database, item_id: int) -> AgendaItemRecord:
    with db.read() as session:
        item = _get(session, item_id)
        return _record(session, item)


def records_for(session: Session, meeting_id: int) -> list[AgendaItemRecord]:
    items = _items(session, meeting_id)
    ids = [i.id for i in items]
    plans = (
        dict(
            session.execute(
                select(ForwardPlanItem.agenda_item_id, ForwardPlanItem.id).where(
                    ForwardPlanItem.agenda_item_id.in_(ids)
                )
            ).all()
        )
        if ids
        else {}
    )
    minuted = (
        set(session.scalars(select(Minute.agenda_item_id).where(Minute.agenda_item_id.in_(ids))))
        if ids
        else set()
    )
    return [to_record(i, forward_plan_item_id=plans.get(i.id), has_minute=i.id in minuted) for i in items]


def _record(session: Session, item: AgendaItem) -> AgendaItemRecord:
    plan = session.scalar(select(ForwardPlanItem.id).where(ForwardPlanItem.agenda_item_id == item.id))
    minuted = session.scalar(select(func.count(Minute.id)).where(Minute.agenda_item_id == item.id))
    return to_record(item, forward_plan_item_id=plan, has_minute=bool(minuted))


def _items(session: Session, meeting_id: int) -> list[AgendaItem]:
    return list(
        session.scalars(
            select(AgendaItem)
            .options(selectinload(AgendaItem.presenters), selectinload(AgendaItem.attachments))
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaItem.position, AgendaItem.id)
        )
    )


def _get(session: Session, item_id: int) -> AgendaItem:
    item = session.get(
        AgendaItem,
        item_id,
        options=[selectinload(AgendaItem.presenters), selectinload(AgendaItem.attachments)],
    )
    if item is None:
        raise NotFoundError(f"There is no agenda item with id {item_id}.")
    return item


# ---------------------------------------------------------------- building


def build_default_agenda(db: Database, meeting_id: int) -> Outcome[list[AgendaItemRecord]]:
    """Add the standard items the agenda lacks: the three opening procedural items, the committee's
    active standing items, and Date of Next Meeting at the end. Items already there stay as they are,
    so building twice adds nothing. Its value is the items created; undo removes them. What Create
    agenda offers besides (the action log, forward-plan items due) is in ``agenda_offers``."""
    with db.write() as session:
        meeting = ensure_agenda_editable(session, meeting_id)
        items = _items(session, meeting_id)
        created: list[AgendaItem] = []

        def make(role: ProceduralRole) -> AgendaItem:
            description = procedural_description(session, meeting, role)
            if role == ProceduralRole.DECLARATIONS:
                description = DECLARATIONS_TEXT
            item = AgendaItem(
                meeting_id=meeting_id,
                position=0,
                title=role.label,
                description=description or "",
                kind=ItemKind.PROCEDURAL,
                procedural_role=role,
                report_status=ReportStatus.NONE,
            )
            session.add(item)
            created.append(item)
            return item

        roles = {i.procedural_role for i in items}
        insert_at = 0
        for role in OPENING_ROLES:
            existing = next((i for i in items if i.procedural_role == role), None)
            if existing is None:
                items.insert(insert_at, make(role))
                insert_at += 1
            else:
                insert_at = items.index(existing) + 1

        standing = session.scalars(
            select(StandingItem)
            .where(StandingItem.committee_id == meeting.committee_id, StandingItem.active.is_(True))
            .order_by(StandingItem.position, StandingItem.id)
        ).all()
        present = {i.standing_item_id for i in items if i.standing_item_id is not None}
        for source in standing:
            if source.id in present:
                continue
            item = AgendaItem(
                meeting_id=meeting_id,
                position=0,
                title=source.title,
                description=source.description,
                kind=source.kind or ItemKind.REPORT,
                presenters_text=source.presenters_text,
                standing_item_id=source.id,
                report_status=ReportStatus.NONE,
            )
            session.add(item)
            created.append(item)
            items.insert(new_item_index([i.procedural_role for i in items]), item)

        if ProceduralRole.NEXT_MEETING not in roles:
            items.append(make(ProceduralRole.NEXT_MEETING))

        if not created:
            return Outcome([], Changed.NOTHING)
        changed = _renumber(session, meeting_id, items)
        ids = [i.id for i in created]
        records = [r for r in records_for(session, meeting_id) if r.id in ids]
        return Outcome(records, changed, lambda db: remove_items(db, ids))


def new_item_index(roles: Sequence[ProceduralRole | None], after: int | None = None) -> int:
    """Where a new item goes (0-based) on an agenda whose items have these procedural roles (None for
    business). Right after the item at ``after`` when that is business; otherwise after the last business
    item, but never ahead of the opening procedural items (Apologies, Declarations, Minutes, and matters
    arising straight after them), so before the closing ones (Date of Next Meeting). Choosing Apologies
    therefore never puts business ahead of Declarations and Minutes."""
    if after is not None and 0 <= after < len(roles) and roles[after] is None:
        return after + 1
    opening = 0
    while opening < len(roles) and roles[opening] not in (None, ProceduralRole.NEXT_MEETING):
        opening += 1
    last_business = max((i + 1 for i, role in enumerate(roles) if role is None), default=0)
    last_opening = max((i + 1 for i, role in enumerate(roles) if role in OPENING_ROLES), default=0)
    return max(opening, last_business, last_opening)


def _renumber(session: Session, meeting_id: int, items: Sequence[AgendaItem]) -> Changed:
    """Store positions in the given order; the stored minute numbers of the municipal year follow
    (the action log reads them), except in confirmed minutes, whose numbers never move. Returns the
    kinds that changed: the agenda, and the minutes when their numbers moved."""
    for index, item in enumerate(items):
        if item.position != index:
            item.position = index
    session.flush()
    numbers = _minute_numbers(session, meeting_id)
    minute_numbers.renumber(session, meeting_id)
    moved = _minute_numbers(session, meeting_id) != numbers
    return Changed.AGENDA | (Changed.MINUTES if moved else Changed.NOTHING)


def _minute_numbers(session: Session, meeting_id: int) -> dict[int, int | None]:
    """The stored number of every minute of the meeting's committee."""
    committee = select(Meeting.committee_id).where(Meeting.id == meeting_id).scalar_subquery()
    rows = session.execute(
        select(Minute.id, Minute.number)
        .join(Meeting, Minute.meeting_id == Meeting.id)
        .where(Meeting.committee_id == committee)
    )
    return {minute_id: number for minute_id, number in rows}


# ---------------------------------------------------------------- editing


def add_item(
    db: Database,
    meeting_id: int,
    title: str,
    details: AgendaItemPatch | None = None,
    *,
    position: int | None = None,
    after_item_id: int | None = None,
) -> Change[AgendaItemRecord]:
    """Add an item at ``position`` (0-based) or, by default, where ``new_item_index`` puts it: after
    ``after_item_id`` (the item the officer chose) when that is business. Undo removes it."""
    values = validated_fields(given(replace(details or AgendaItemPatch(), title=title)), partial=False)
    with db.write() as session:
        ensure_agenda_editable(session, meeting_id)
        item, changed = insert_item(session, meeting_id, values, position, after_item_id=after_item_id)
        session.flush()
        return added(_record(session, item), changed)


def added(record: AgendaItemRecord, changed: Changed) -> Change[AgendaItemRecord]:
    """The change that put ``record`` on the agenda; undo takes it off again."""
    return Change(None, record, changed, lambda db: remove_item(db, record.id))


def insert_item(
    session: Session,
    meeting_id: int,
    values: dict[str, object],
    position: int | None = None,
    *,
    after_item_id: int | None = None,
) -> tuple[AgendaItem, Changed]:
    """Create an item from validated values in an open transaction (used by the forward plan too);
    returns it and the kinds that changed."""
    values = dict(values)
    presenter_ids = values.pop("presenter_ids", None)
    items = _items(session, meeting_id)
    item = AgendaItem(meeting_id=meeting_id, position=0, **values)
    if presenter_ids:
        item.presenters = _people(session, presenter_ids)
    session.add(item)
    if position is None:
        after = next((n for n, i in enumerate(items) if i.id == after_item_id), None)
        index = new_item_index([i.procedural_role for i in items], after)
    else:
        index = max(0, min(int(position), len(items)))
    items.insert(index, item)
    return item, _renumber(session, meeting_id, items)


def update_item(db: Database, item_id: int, patch: AgendaItemPatch) -> Change[AgendaItemRecord]:
    """Change the fields ``patch`` sets (title, description, kind, presenters, report status, exempt
    paragraphs…); undo puts back what they were."""
    values = validated_fields(given(patch), partial=True)
    with db.write() as session:
        item = _get(session, item_id)
        ensure_agenda_editable(session, item.meeting_id)
        before = _record(session, item)
        if "presenter_ids" in values:
            item.presenters = _people(session, values.pop("presenter_ids"))
        for key, value in values.items():
            setattr(item, key, value)
        session.flush()
        changed = Changed.AGENDA
        if "numbering" in values:  # an unnumbered or lettered item takes no minute number
            changed = _renumber(session, item.meeting_id, _items(session, item.meeting_id))
        session.refresh(item)
        revert = reverting(patch, before)
        return Change(
            before,
            _record(session, _get(session, item_id)),
            changed,
            lambda db: update_item(db, item_id, revert),
        )


def move_item(db: Database, item_id: int, new_position: int) -> Change[AgendaItemRecord]:
    """Put an item at ``new_position`` (0-based; its new number is ``new_position + 1``). Every other
    item's number follows. Undo moves it back."""
    with db.write() as session:
        item = _get(session, item_id)
        ensure_agenda_editable(session, item.meeting_id)
        before = _record(session, item)
        items = [i for i in _items(session, item.meeting_id) if i.id != item.id]
        items.insert(max(0, min(int(new_position), len(items))), item)
        changed = _renumber(session, item.meeting_id, items)
        return Change(
            before,
            _record(session, item),
            changed,
            lambda db: move_item(db, item_id, before.position),
        )


def reorder_items(db: Database, meeting_id: int, item_ids: Sequence[int]) -> Outcome[list[AgendaItemRecord]]:
    """Set the whole order at once (e.g. after a drag of several rows); ids must be the agenda's own.
    Undo puts back the order before."""
    with db.write() as session:
        ensure_agenda_editable(session, meeting_id)
        items = {i.id: i for i in _items(session, meeting_id)}
        if sorted(items) != sorted(item_ids) or len(set(item_ids)) != len(item_ids):
            raise ValidationError("The new order must list every item of this agenda exactly once.")
        old = list(items)  # in their order before
        changed = _renumber(session, meeting_id, [items[i] for i in item_ids])
        return Outcome(
            records_for(session, meeting_id), changed, lambda db: reorder_items(db, meeting_id, old)
        )


def remove_item(db: Database, item_id: int) -> RemovedItem:
    """Take an item off the agenda. A forward-plan item it came from is pending again. An item with a
    minute is refused (delete the minute first). Undo puts it back, reports and all."""
    with db.write() as session:
        item = _get(session, item_id)
        ensure_agenda_editable(session, item.meeting_id)
        record = _record(session, item)
        if record.has_minute:
            raise ValidationError(
                f"Item {record.number} ({item.title}) has a minute recorded; delete the minute before "
                "removing the item from the agenda."
            )
        contents = tuple(
            bytes(c)
            for c in session.scalars(
                select(Attachment.content)
                .where(Attachment.agenda_item_id == item.id)
                .order_by(Attachment.position, Attachment.id)
            )
        )
        plans = session.scalars(
            select(ForwardPlanItem).where(ForwardPlanItem.agenda_item_id == item.id)
        ).all()
        for plan in plans:
            plan.agenda_item_id = None
            plan.status = ForwardPlanStatus.PENDING
        meeting_id = item.meeting_id
        session.delete(item)
        session.flush()
        changed = _renumber(session, meeting_id, _items(session, meeting_id)) | _linked(contents, plans)
        removed = RemovedItem(record, contents, tuple(p.id for p in plans), changed)
        return replace(removed, undo=lambda db: restore_item(db, removed))


def remove_items(db: Database, item_ids: Sequence[int]) -> Outcome[tuple[RemovedItem, ...]]:
    """Take several items off the agenda as one step, from the bottom up, so that undo puts each
    back at its own number."""
    with db.write() as session:
        ordered = sorted(item_ids, key=lambda i: _get(session, i).position, reverse=True)
        removed = [remove_item(db, i) for i in ordered]
    return combined(list(removed), tuple(removed))


def restore_item(db: Database, removed: RemovedItem) -> Change[AgendaItemRecord]:
    """Undo of ``remove_item``: the item, its attachments and forward-plan link, at its old number."""
    record = removed.before
    with db.write() as session:
        ensure_agenda_editable(session, record.meeting_id)
        values: dict[str, object] = {
            "title": record.title,
            "description": record.description,
            "kind": record.kind,
            "procedural_role": record.procedural_role,
            "presenters_text": record.presenters_text,
            "presenter_ids": [i for i in record.presenter_ids if session.get(Person, i) is not None],
            "report_status": record.report_status,
            "exempt_paragraphs": ",".join(str(p) for p in record.exempt_paragraphs),
            "flag": record.flag,
            "section_heading": record.section_heading,
            "numbering": record.numbering,
            "standing_item_id": record.standing_item_id
            if record.standing_item_id is not None
            and session.get(StandingItem, record.standing_item_id) is not None
            else None,
        }
        if session.get(AgendaItem, record.id) is None:
            values["id"] = record.id
        item, changed = insert_item(session, record.meeting_id, values, record.position)
        for attachment, content in zip(record.attachments, removed.contents, strict=False):
            session.add(
                Attachment(
                    agenda_item_id=item.id,
                    position=attachment.position,
                    title=attachment.title,
                    filename=attachment.filename,
                    size=attachment.size,
                    page_count=attachment.page_count,
                    sha256=attachment.sha256,
                    content=content,
                    added_at=attachment.added_at,
                )
            )
        plans = []
        for plan_id in removed.forward_plan_item_ids:
            plan = session.get(ForwardPlanItem, plan_id)
            if plan is not None and plan.agenda_item_id is None:
                plan.agenda_item_id = item.id
                plan.status = ForwardPlanStatus.SCHEDULED
                plans.append(plan)
        session.flush()
        session.expire(item)
        return added(_record(session, _get(session, item.id)), changed | _linked(removed.contents, plans))


def _linked(contents: Sequence[bytes], plans: Sequence[ForwardPlanItem]) -> Changed:
    """What else an item taken off or put back brings with it: its reports, its forward-plan items."""
    return (Changed.ATTACHMENTS if contents else Changed.NOTHING) | (
        Changed.FORWARD_PLAN if plans else Changed.NOTHING
    )


def _people(session: Session, ids: object) -> list[Person]:
    people: list[Person] = []
    for raw in ids or ():  # type: ignore[attr-defined]
        person = session.get(Person, int(raw))
        if person is None:
            raise NotFoundError(f"There is no person with id {raw}.")
        if person not in people:
            people.append(person)
    return people
