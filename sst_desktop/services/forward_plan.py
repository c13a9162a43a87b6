"""The forward plan: items a board asked to see at a later meeting.

A forward-plan item targets a given meeting, or simply "the next meeting" after it was asked for.
It is offered when that meeting's agenda is built; accepting it puts it on the agenda and marks it
scheduled; leaving it keeps it pending, so it is offered again at the meeting after. (Standing
items, on every agenda, are in ``standing_items``.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sst_desktop.domain import AgendaItem, Committee, ForwardPlanItem, Meeting, Minute
from sst_desktop.domain.enums import ForwardPlanStatus, ItemKind, ReportStatus
from sst_desktop.domain.meeting_texts import plain_date
from sst_desktop.domain.patch import UNSET, Unset, given, reverting
from sst_desktop.services.agenda import AgendaItemRecord, insert_item, records_for, remove_item
from sst_desktop.services.errors import NotFoundError, ValidationError
from sst_desktop.services.meetings import ensure_agenda_editable
from sst_desktop.services.outcome import Changed, Outcome, Reversal, combined
from sst_desktop.services.records import Change
from sst_desktop.services.validation import as_text, optional, optional_id, required, whole_number
from sst_desktop.storage.engine import Database

NEXT_MEETING_LABEL = "Next meeting"


@dataclass(frozen=True)
class ForwardPlanRecord:
    id: int
    committee_id: int
    title: str
    description: str
    kind: ItemKind
    presenters_text: str
    target_meeting_id: int | None
    target_meeting_date: date | None
    requested_on: date | None
    source_minute_id: int | None
    source_minute_label: str  # "Minute 4, 22 June 2022"
    source_text: str
    status: ForwardPlanStatus
    agenda_item_id: int | None
    agenda_meeting_id: int | None
    created_at: datetime
    updated_at: datetime

    @property
    def due_label(self) -> str:
        """ "Next meeting" or "8 December 2022"."""
        return plain_date(self.target_meeting_date) if self.target_meeting_date else NEXT_MEETING_LABEL

    @property
    def source_label(self) -> str:
        return " — ".join(p for p in (self.source_minute_label, self.source_text) if p)

    @property
    def is_pending(self) -> bool:
        return self.status == ForwardPlanStatus.PENDING


@dataclass(frozen=True)
class Accepted:
    """What accepting a forward-plan item did: the plan item (scheduled now) and the new agenda item;
    undo takes the item off the agenda, which leaves the plan item pending again."""

    plan: Change[ForwardPlanRecord]
    item: AgendaItemRecord
    changed: Changed = Changed.AGENDA | Changed.FORWARD_PLAN
    undo: Reversal | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class ForwardPlanPatch:
    """The forward-plan fields an edit sets (see ``patch``); no ``target_meeting_id`` (None) means
    "the next meeting" after ``requested_on``."""

    title: str | Unset = UNSET
    description: str | Unset = UNSET
    kind: ItemKind | Unset = UNSET
    presenters_text: str | Unset = UNSET
    target_meeting_id: int | Unset | None = UNSET
    requested_on: date | Unset | None = UNSET
    source_minute_id: int | Unset | None = UNSET
    source_text: str | Unset = UNSET
    status: ForwardPlanStatus | Unset = UNSET


def to_record(plan: ForwardPlanItem, session: Session) -> ForwardPlanRecord:
    target = plan.target_meeting
    minute_label = ""
    if plan.source_minute_id is not None:
        minute = session.get(Minute, plan.source_minute_id)
        if minute is not None:
            number = f"Minute {minute.number}" if minute.number else f"“{minute.heading}”"
            minute_label = f"{number}, {plain_date(minute.meeting.date)}"
    agenda_meeting_id = None
    if plan.agenda_item_id is not None:
        item = session.get(AgendaItem, plan.agenda_item_id)
        agenda_meeting_id = item.meeting_id if item is not None else None
    return ForwardPlanRecord(
        id=plan.id,
        committee_id=plan.committee_id,
        title=plan.title,
        description=plan.description,
        kind=plan.kind or ItemKind.REPORT,
        presenters_text=plan.presenters_text,
        target_meeting_id=plan.target_meeting_id,
        target_meeting_date=target.date if target is not None else None,
        requested_on=plan.requested_on,
        source_minute_id=plan.source_minute_id,
        source_minute_label=minute_label,
        source_text=plan.source_text,
        status=plan.status,
        agenda_item_id=plan.agenda_item_id,
        agenda_meeting_id=agenda_meeting_id,
        created_at=plan.created_at,
        updated_at=plan.updated_at,
    )


# ---------------------------------------------------------------- the forward plan


def list_forward_plan(
    db: Database, committee_id: int, *, include_closed: bool = False
) -> list[ForwardPlanRecord]:
    """A committee's forward plan: pending and scheduled items (also done and dropped ones with
    ``include_closed``), by the meeting they are due at, "next meeting" items first."""
    with db.read() as session:
        query = select(ForwardPlanItem).where(ForwardPlanItem.committee_id == committee_id)
        if not include_closed:
            query = query.where(
                ForwardPlanItem.status.in_((ForwardPlanStatus.PENDING, ForwardPlanStatus.SCHEDULED))
            )
        records = [to_record(p, session) for p in session.scalars(query)]
    return sorted(
        records,
        key=lambda r: (r.target_meeting_date or date.min, r.requested_on or date.min, r.id),
    )


def get_forward_plan_item(db: Database, plan_id: int) -> ForwardPlanRecord:
    with db.read() as session:
        return to_record(_get(session, plan_id), session)


def add_forward_plan_item(
    db: Database, committee_id: int, title: str, details: ForwardPlanPatch | None = None
) -> Change[ForwardPlanRecord]:
    """Ask for an item at a later meeting: ``target_meeting_id`` for a given one, none for the next
    meeting after ``requested_on`` (the source minute's meeting date, else today). Undo removes it."""
    values = _validated(given(replace(details or ForwardPlanPatch(), title=title)), partial=False)
    values.pop("status", None)  # a new item waits for an agenda
    with db.write() as session:
        if session.get(Committee, committee_id) is None:
            raise NotFoundError(f"There is no committee with id {committee_id}.")
        _check_links(session, committee_id, values)
        if values.get("requested_on") is None:
            values["requested_on"] = _requested_on(session, values.get("source_minute_id"))
        plan = ForwardPlanItem(committee_id=committee_id, status=ForwardPlanStatus.PENDING, **values)
        session.add(plan)
        session.flush()
        return _added(to_record(plan, session))


def update_forward_plan_item(
    db: Database, plan_id: int, patch: ForwardPlanPatch
) -> Change[ForwardPlanRecord]:
    """Change the fields ``patch`` sets; undo puts back what they were."""
    values = _validated(given(patch), partial=True)
    with db.write() as session:
        plan = _get(session, plan_id)
        before = to_record(plan, session)
        _check_links(session, plan.committee_id, values)
        for key, value in values.items():
            setattr(plan, key, value)
        session.flush()
        session.refresh(plan)
        revert = reverting(patch, before)
        return Change(
            before,
            to_record(plan, session),
            Changed.FORWARD_PLAN,
            lambda db: update_forward_plan_item(db, plan_id, revert),
        )


def drop_forward_plan_item(db: Database, plan_id: int) -> Change[ForwardPlanRecord]:
    """The board no longer needs the item; it stays in the plan's history as dropped."""
    with db.write() as session:
        if _get(session, plan_id).status == ForwardPlanStatus.SCHEDULED:
            raise ValidationError(
                "This item is on an agenda; remove it from the agenda before dropping it from the plan."
            )
        return update_forward_plan_item(db, plan_id, ForwardPlanPatch(status=ForwardPlanStatus.DROPPED))


def mark_forward_plan_done(db: Database, plan_id: int) -> Change[ForwardPlanRecord]:
    return update_forward_plan_item(db, plan_id, ForwardPlanPatch(status=ForwardPlanStatus.DONE))


def delete_forward_plan_item(db: Database, plan_id: int) -> Change[ForwardPlanRecord]:
    """Remove an item entirely (undo of adding it); undo puts it back with its id."""
    with db.write() as session:
        plan = _get(session, plan_id)
        before = to_record(plan, session)
        session.delete(plan)
        return Change(before, None, Changed.FORWARD_PLAN, lambda db: recreate_forward_plan_item(db, before))


def recreate_forward_plan_item(db: Database, record: ForwardPlanRecord) -> Change[ForwardPlanRecord]:
    """Put a deleted item back with its id (redo of adding it, after an undo); links to a meeting or
    minute deleted since are left empty."""
    with db.write() as session:
        if session.get(Committee, record.committee_id) is None:
            raise NotFoundError(f"There is no committee with id {record.committee_id}.")
        if session.get(ForwardPlanItem, record.id) is not None:
            raise ValidationError(f"“{record.title}” is already on the forward plan.")
        target = record.target_meeting_id
        minute = record.source_minute_id
        item = record.agenda_item_id
        plan = ForwardPlanItem(
            id=record.id,
            committee_id=record.committee_id,
            title=record.title,
            description=record.description,
            kind=record.kind,
            presenters_text=record.presenters_text,
            target_meeting_id=target
            if target is not None and session.get(Meeting, target) is not None
            else None,
            requested_on=record.requested_on,
            source_minute_id=minute
            if minute is not None and session.get(Minute, minute) is not None
            else None,
            source_text=record.source_text,
            status=record.status,
            agenda_item_id=item if item is not None and session.get(AgendaItem, item) is not None else None,
        )
        if plan.status == ForwardPlanStatus.SCHEDULED and plan.agenda_item_id is None:
            plan.status = ForwardPlanStatus.PENDING
        session.add(plan)
        session.flush()
        return _added(to_record(plan, session))


def _added(record: ForwardPlanRecord) -> Change[ForwardPlanRecord]:
    return Change(None, record, Changed.FORWARD_PLAN, lambda db: delete_forward_plan_item(db, record.id))


def items_due(db: Database, meeting_id: int) -> list[ForwardPlanRecord]:
    """Pending forward-plan items to offer when this meeting's agenda is built: those aimed at it, those
    for "the next meeting" asked for before its date, and those aimed at an earlier meeting that were
    never taken (carried forward)."""
    with db.read() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFoundError(f"There is no meeting with id {meeting_id}.")
        plans = session.scalars(
            select(ForwardPlanItem).where(
                ForwardPlanItem.committee_id == meeting.committee_id,
                ForwardPlanItem.status == ForwardPlanStatus.PENDING,
            )
        ).all()
        due = []
        for plan in plans:
            target = plan.target_meeting
            if target is not None:
                if target.id == meeting.id or target.date < meeting.date:
                    due.append(plan)
            elif plan.requested_on is None or plan.requested_on < meeting.date:
                due.append(plan)
        records = [to_record(p, session) for p in due]
    return sorted(
        records, key=lambda r: (r.target_meeting_date or date.min, r.requested_on or date.min, r.id)
    )


def accept_into_agenda(
    db: Database, plan_id: int, meeting_id: int, *, position: int | None = None
) -> Accepted:
    """Put a forward-plan item on a meeting's agenda (before Date of Next Meeting unless ``position``)
    and mark it scheduled. Undo takes the item off the agenda, which makes the plan item pending again."""
    with db.write() as session:
        plan = _get(session, plan_id)
        meeting = ensure_agenda_editable(session, meeting_id)
        if meeting.committee_id != plan.committee_id:
            raise ValidationError("That item is on another committee's forward plan.")
        if plan.status != ForwardPlanStatus.PENDING:
            raise ValidationError(
                f"“{plan.title}” is {plan.status.label.lower()}, not waiting for an agenda."
            )
        before = to_record(plan, session)
        item, changed = insert_item(
            session,
            meeting_id,
            {
                "title": plan.title,
                "description": plan.description,
                "kind": plan.kind or ItemKind.REPORT,
                "presenters_text": plan.presenters_text,
                "report_status": ReportStatus.NONE,
            },
            position,
        )
        plan.agenda_item_id = item.id
        plan.status = ForwardPlanStatus.SCHEDULED
        session.flush()
        session.refresh(plan)
        record = next(r for r in records_for(session, meeting_id) if r.id == item.id)
        item_id = item.id
        return Accepted(
            Change(before, to_record(plan, session), Changed.FORWARD_PLAN),
            record,
            changed | Changed.FORWARD_PLAN,
            lambda db: remove_item(db, item_id),
        )


def accept_several(
    db: Database, plan_ids: Sequence[int], meeting_id: int
) -> Outcome[tuple[AgendaItemRecord, ...]]:
    """Put several forward-plan items on the agenda as one step (see ``accept_into_agenda``)."""
    with db.write():
        accepted = [accept_into_agenda(db, plan_id, meeting_id) for plan_id in plan_ids]
    return combined(list(accepted), tuple(a.item for a in accepted))


# ---------------------------------------------------------------- helpers


def _get(session: Session, plan_id: int) -> ForwardPlanItem:
    plan = session.get(ForwardPlanItem, plan_id)
    if plan is None:
        raise NotFoundError(f"There is no forward-plan item with id {plan_id}.")
    return plan


def _requested_on(session: Session, minute_id: object) -> date:
    if minute_id is not None:
        minute = session.get(Minute, whole_number(minute_id, "The minute", field="source_minute_id"))
        if minute is not None:
            return minute.meeting.date
    return date.today()


def _check_links(session: Session, committee_id: int, values: dict[str, object]) -> None:
    target_id = values.get("target_meeting_id")
    if target_id is not None:
        target = session.get(Meeting, target_id)
        if target is None:
            raise NotFoundError(f"There is no meeting with id {target_id}.")
        if target.committee_id != committee_id:
            raise ValidationError("The item can only be planned for a meeting of its own committee.")
    minute_id = values.get("source_minute_id")
    if minute_id is not None and session.get(Minute, minute_id) is None:
        raise NotFoundError(f"There is no minute with id {minute_id}.")


def _validated(fields: dict[str, object], *, partial: bool) -> dict[str, object]:
    """The values of a forward-plan item's fields, checked: the one place they are validated."""
    values: dict[str, object] = {}
    if not partial or "title" in fields:
        values["title"] = required(
            as_text(fields.get("title")), "The item's title", field="title", max_length=500
        )
    for key, label, limit in (
        ("description", "The description", None),
        ("presenters_text", "The presenters", 500),
        ("source_text", "Where it came from", None),
    ):
        if key in fields:
            values[key] = optional(
                as_text(fields[key]), label, field=key, max_length=limit, multiline=key == "description"
            )
    if "kind" in fields:
        values["kind"] = item_kind(fields["kind"])
    for key in ("target_meeting_id", "source_minute_id"):
        if key in fields:
            raw = fields[key]
            values[key] = optional_id(raw, "The linked record", field=key)
    if "requested_on" in fields:
        value = fields["requested_on"]
        if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
            raise ValidationError("The date asked must be a date.", field="requested_on")
        values["requested_on"] = value
    if "status" in fields:
        try:
            values["status"] = ForwardPlanStatus(str(fields["status"]))
        except ValueError:
            raise ValidationError(
                f"“{fields['status']}” is not a forward-plan status.", field="status"
            ) from None
    return values


def item_kind(value: object) -> ItemKind:
    """The kind of item ``value`` names (a report when none); ``ValidationError`` for anything else."""
    if value in (None, ""):
        return ItemKind.REPORT
    try:
        return ItemKind(str(value))
    except ValueError:
        raise ValidationError(f"“{value}” is not a kind of item.", field="kind") from None
