"""The agenda of a meeting: its items, their order and numbers, and the builder's standard items.

Positions are kept 0, 1, 2 … after every change, so an item's number (position + 1) is always right.
A new agenda opens with Apologies for Absence, Declarations of Interest and Minutes of Previous
Meeting, then the committee's standing items, and closes with Date of Next Meeting. Items added later
go before that last item unless a position is given; procedural items move only when moved explicitly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

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
from sst_desktop.services import minute_numbers
from sst_desktop.services.attachments import AttachmentRecord
from sst_desktop.services.attachments import to_record as attachment_record
from sst_desktop.services.errors import NotFoundError, ValidationError
from sst_desktop.services.meeting_texts import DECLARATIONS_TEXT
from sst_desktop.services.meetings import ensure_agenda_editable, procedural_description
from sst_desktop.services.records import Change
from sst_desktop.services.validation import optional, required
from sst_desktop.storage.engine import Database

EXEMPT_PARAGRAPHS = range(1, 8)  # Schedule 12A, Part 1, paragraphs 1–7

# What each paragraph covers, for pickers and tooltips.
EXEMPT_PARAGRAPH_LABELS: dict[int, str] = {
    1: "Information relating to any individual",
    2: "Information which is likely to reveal the identity of an individual",
    3: "Information relating to the financial or business affairs of any particular person",
    4: "Consultations or negotiations in connection with any labour relations matter",
    5: "Information in respect of which a claim to legal professional privilege could be maintained",
    6: "Information revealing an intention to give a notice or make an order or direction",
    7: "Information relating to the prevention, investigation or prosecution of crime",
}

OPENING_ROLES = (ProceduralRole.APOLOGIES, ProceduralRole.DECLARATIONS, ProceduralRole.PREVIOUS_MINUTES)

ITEM_FIELDS = (
    "title",
    "description",
    "kind",
    "procedural_role",
    "presenters_text",
    "presenter_ids",
    "report_status",
    "exempt_paragraphs",
    "standing_item_id",
)


@dataclass(frozen=True)
class AgendaItemRecord:
    id: int
    meeting_id: int
    position: int
    title: str
    description: str = ""
    kind: ItemKind = ItemKind.REPORT
    procedural_role: ProceduralRole | None = None
    presenters_text: str = ""
    presenter_ids: tuple[int, ...] = ()
    presenter_names: tuple[str, ...] = ()
    report_status: ReportStatus = ReportStatus.NONE
    exempt_paragraphs: tuple[int, ...] = ()
    attachments: tuple[AttachmentRecord, ...] = ()
    standing_item_id: int | None = None
    forward_plan_item_id: int | None = None
    has_minute: bool = False
    updated_at: datetime | None = None

    @property
    def number(self) -> int:
        """The number printed on the agenda: 1, 2, 3 …"""
        return self.position + 1

    @property
    def is_exempt(self) -> bool:
        return bool(self.exempt_paragraphs)

    @property
    def is_procedural(self) -> bool:
        return self.procedural_role is not None

    @property
    def presenters_display(self) -> str:
        """ "Simon Burnett/Steve Martlew": directory people, then the free text."""
        parts = [*self.presenter_names]
        if self.presenters_text:
            parts.append(self.presenters_text)
        return "/".join(parts)

    @property
    def attachment_pages(self) -> int:
        return sum(a.page_count for a in self.attachments)


@dataclass(frozen=True)
class RemovedItem:
    """What ``remove_item`` took away, attachments' bytes included, so undo puts back exactly that."""

    before: AgendaItemRecord
    contents: tuple[bytes, ...] = field(default=(), repr=False)
    forward_plan_item_ids: tuple[int, ...] = ()

    @property
    def after(self) -> None:
        return None


def parse_exempt_paragraphs(value: object) -> tuple[int, ...]:
    """ "7", "1,3", "1, 3", [1, 3] or () → (1, 3); anything outside 1–7 is refused."""
    if value is None or value == "":
        return ()
    if isinstance(value, int):
        raw: Iterable[object] = (value,)
    elif isinstance(value, str):
        raw = [p for p in value.replace(";", ",").replace(" ", ",").split(",") if p.strip()]
    else:
        raw = value  # type: ignore[assignment]
    numbers: set[int] = set()
    for part in raw:
        try:
            number = int(str(part).strip())
        except ValueError:
            raise ValidationError(
                f"“{part}” is not a paragraph number; Schedule 12A paragraphs are 1 to 7.",
                field="exempt_paragraphs",
            ) from None
        if number not in EXEMPT_PARAGRAPHS:
            raise ValidationError(
                f"There is no paragraph {number} in Part 1 of Schedule 12A; choose from 1 to 7.",
                field="exempt_paragraphs",
            )
        numbers.add(number)
    return tuple(sorted(numbers))


def to_record(
    item: AgendaItem, *, forward_plan_item_id: int | None = None, has_minute: bool = False
) -> AgendaItemRecord:
    presenters = sorted(item.presenters, key=lambda p: (p.last_name.casefold(), p.first_name.casefold()))
    return AgendaItemRecord(
        id=item.id,
        meeting_id=item.meeting_id,
        position=item.position,
        title=item.title,
        description=item.description,
        kind=item.kind,
        procedural_role=item.procedural_role,
        presenters_text=item.presenters_text,
        presenter_ids=tuple(p.id for p in presenters),
        presenter_names=tuple(_person_name(p) for p in presenters),
        report_status=item.report_status,
        exempt_paragraphs=parse_exempt_paragraphs(item.exempt_paragraphs),
        attachments=tuple(attachment_record(a) for a in item.attachments),
        standing_item_id=item.standing_item_id,
        forward_plan_item_id=forward_plan_item_id,
        has_minute=has_minute,
        updated_at=item.updated_at,
    )


def _person_name(person: Person) -> str:
    return " ".join(p for p in (person.title, person.first_name, person.last_name) if p)


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


def build_default_agenda(db: Database, meeting_id: int) -> list[AgendaItemRecord]:
    """Add the standard items the agenda lacks: the three opening procedural items, the committee's
    active standing items, and Date of Next Meeting at the end. Items already there stay as they are,
    so building twice adds nothing. Returns the items created. Forward-plan items due for the meeting
    are offered separately (``forward_plan.items_due`` / ``forward_plan.accept_into_agenda``)."""
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
            items.insert(_default_index(items), item)

        if ProceduralRole.NEXT_MEETING not in roles:
            items.append(make(ProceduralRole.NEXT_MEETING))

        _renumber(session, meeting_id, items)
        ids = {i.id for i in created}
        return [r for r in records_for(session, meeting_id) if r.id in ids]


def _default_index(items: Sequence[AgendaItem]) -> int:
    """Where a new item goes: before a closing Date of Next Meeting, else at the end."""
    if items and items[-1].procedural_role == ProceduralRole.NEXT_MEETING:
        return len(items) - 1
    return len(items)


def _renumber(session: Session, meeting_id: int, items: Sequence[AgendaItem]) -> None:
    """Store positions in the given order; the stored minute numbers of the municipal year follow
    (the action log reads them), except in confirmed minutes, whose numbers never move."""
    for index, item in enumerate(items):
        if item.position != index:
            item.position = index
    session.flush()
    minute_numbers.renumber(session, meeting_id)


# ---------------------------------------------------------------- editing


def add_item(
    db: Database,
    meeting_id: int,
    title: str,
    *,
    position: int | None = None,
    **fields: object,
) -> Change[AgendaItemRecord]:
    """Add an item; at ``position`` (0-based) or, by default, before Date of Next Meeting."""
    values = _validated({"title": title, **fields}, partial=False)
    with db.write() as session:
        ensure_agenda_editable(session, meeting_id)
        item = insert_item(session, meeting_id, values, position)
        session.flush()
        return Change(None, _record(session, item))


def insert_item(
    session: Session, meeting_id: int, values: dict[str, object], position: int | None = None
) -> AgendaItem:
    """Create an item from validated values in an open transaction (used by the forward plan too)."""
    values = dict(values)
    presenter_ids = values.pop("presenter_ids", None)
    items = _items(session, meeting_id)
    item = AgendaItem(meeting_id=meeting_id, position=0, **values)
    if presenter_ids:
        item.presenters = _people(session, presenter_ids)  # type: ignore[arg-type]
    session.add(item)
    index = _default_index(items) if position is None else max(0, min(int(position), len(items)))
    items.insert(index, item)
    _renumber(session, meeting_id, items)
    return item


def update_item(db: Database, item_id: int, **fields: object) -> Change[AgendaItemRecord]:
    """Change an item's title, description, kind, presenters, report status, exempt paragraphs…"""
    values = _validated(fields, partial=True)
    with db.write() as session:
        item = _get(session, item_id)
        ensure_agenda_editable(session, item.meeting_id)
        before = _record(session, item)
        if "presenter_ids" in values:
            item.presenters = _people(session, values.pop("presenter_ids"))  # type: ignore[arg-type]
        for key, value in values.items():
            setattr(item, key, value)
        session.flush()
        session.refresh(item)
        return Change(before, _record(session, _get(session, item_id)))


def restore_item_fields(db: Database, record: AgendaItemRecord) -> Change[AgendaItemRecord]:
    """Undo of ``update_item``: every editable field back as ``record`` has it."""
    return update_item(
        db,
        record.id,
        title=record.title,
        description=record.description,
        kind=record.kind,
        procedural_role=record.procedural_role,
        presenters_text=record.presenters_text,
        presenter_ids=record.presenter_ids,
        report_status=record.report_status,
        exempt_paragraphs=record.exempt_paragraphs,
        standing_item_id=record.standing_item_id,
    )


def move_item(db: Database, item_id: int, new_position: int) -> Change[AgendaItemRecord]:
    """Put an item at ``new_position`` (0-based; its new number is ``new_position + 1``). Every other
    item's number follows. Undo: ``move_item(id, change.before.position)``."""
    with db.write() as session:
        item = _get(session, item_id)
        ensure_agenda_editable(session, item.meeting_id)
        before = _record(session, item)
        items = [i for i in _items(session, item.meeting_id) if i.id != item.id]
        items.insert(max(0, min(int(new_position), len(items))), item)
        _renumber(session, item.meeting_id, items)
        return Change(before, _record(session, item))


def reorder_items(db: Database, meeting_id: int, item_ids: Sequence[int]) -> list[AgendaItemRecord]:
    """Set the whole order at once (e.g. after a drag of several rows); ids must be the agenda's own."""
    with db.write() as session:
        ensure_agenda_editable(session, meeting_id)
        items = {i.id: i for i in _items(session, meeting_id)}
        if sorted(items) != sorted(item_ids) or len(set(item_ids)) != len(item_ids):
            raise ValidationError("The new order must list every item of this agenda exactly once.")
        _renumber(session, meeting_id, [items[i] for i in item_ids])
        return records_for(session, meeting_id)


def remove_item(db: Database, item_id: int) -> RemovedItem:
    """Take an item off the agenda. A forward-plan item it came from is pending again. An item with a
    minute is refused (delete the minute first)."""
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
        _renumber(session, meeting_id, _items(session, meeting_id))
        return RemovedItem(record, contents, tuple(p.id for p in plans))


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
            "standing_item_id": record.standing_item_id
            if record.standing_item_id is not None and session.get(StandingItem, record.standing_item_id)
            else None,
        }
        if session.get(AgendaItem, record.id) is None:
            values["id"] = record.id
        item = insert_item(session, record.meeting_id, values, record.position)
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
        for plan_id in removed.forward_plan_item_ids:
            plan = session.get(ForwardPlanItem, plan_id)
            if plan is not None and plan.agenda_item_id is None:
                plan.agenda_item_id = item.id
                plan.status = ForwardPlanStatus.SCHEDULED
        session.flush()
        session.expire(item)
        return Change(None, _record(session, _get(session, item.id)))


def _people(session: Session, ids: object) -> list[Person]:
    people: list[Person] = []
    for raw in ids or ():  # type: ignore[attr-defined]
        person = session.get(Person, int(raw))
        if person is None:
            raise NotFoundError(f"There is no person with id {raw}.")
        if person not in people:
            people.append(person)
    return people


def _validated(fields: dict[str, object], *, partial: bool) -> dict[str, object]:
    unknown = set(fields) - set(ITEM_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown agenda item field(s): {', '.join(sorted(unknown))}.")
    values: dict[str, object] = {}
    if not partial or "title" in fields:
        values["title"] = required(_s(fields.get("title")), "The item's title", field="title", max_length=500)
    if "description" in fields:
        values["description"] = optional(
            _s(fields["description"]), "The description", field="description", multiline=True
        )
    if "presenters_text" in fields:
        values["presenters_text"] = optional(
            _s(fields["presenters_text"]), "The presenters", field="presenters_text", max_length=500
        )
    if "kind" in fields:
        values["kind"] = _enum(ItemKind, fields["kind"], "kind of item", "kind") or ItemKind.REPORT
    if "procedural_role" in fields:
        values["procedural_role"] = _enum(
            ProceduralRole, fields["procedural_role"], "procedural item", "procedural_role"
        )
    if "report_status" in fields:
        values["report_status"] = (
            _enum(ReportStatus, fields["report_status"], "report status", "report_status")
            or ReportStatus.NONE
        )
    if "exempt_paragraphs" in fields:
        values["exempt_paragraphs"] = ",".join(
            str(p) for p in parse_exempt_paragraphs(fields["exempt_paragraphs"])
        )
    if "presenter_ids" in fields:
        values["presenter_ids"] = [int(i) for i in (fields["presenter_ids"] or ())]  # type: ignore[attr-defined]
    if "standing_item_id" in fields:
        raw = fields["standing_item_id"]
        values["standing_item_id"] = int(raw) if raw not in (None, "") else None  # type: ignore[arg-type]
    return values


def _enum(cls, value: object, label: str, field_name: str):  # type: ignore[no-untyped-def]
    if value is None or value == "":
        return None
    try:
        return cls(value)
    except ValueError:
        raise ValidationError(f"“{value}” is not a {label}.", field=field_name) from None


def _s(value: object) -> str:
    return "" if value is None else str(value)
