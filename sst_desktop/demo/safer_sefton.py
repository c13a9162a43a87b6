"""Safer Sefton Together's meetings from seed 002, written with the ORM in one transaction.

- 17 March 2022 (held): only what the seeds say of it — partners' VAWG reports were considered; its
  minutes were confirmed as a correct record by the meeting of 22 June 2022.
- 22 June 2022 (held, Bootle Town Hall): agenda items 1–13, the register, minutes 1–13 with their
  resolutions as the seed prints them, the four DHR actions of minute 4 and the actions the
  resolutions imply, and forward-plan items for what was asked of "the next meeting".
- 8 September 2022 (scheduled, Remote Meeting - Microsoft Teams): the agenda exactly as the seed, with
  the reports attached as PDFs and the DHR10 report exempt under paragraph 7.
- 8 December 2022 (scheduled): the next meeting, agenda not yet built.
- Prevent as a standing item ("I suggest that Prevent becomes a standing item").

Conventions shared with the services: agenda positions, minute positions and resolution positions are
0-based (an item's number is position + 1); a minute's heading is its item's title (the documents print
it in capitals); a resolution's text is one clause without "That" or its number ("the report be noted"),
so "RESOLVED: That (1) …; (2) …" is composed when the minutes are printed. The apologies and
declarations minutes carry no text: the minutes write them from the register and the declarations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import insert
from sqlalchemy.orm import Session

from sst_desktop.demo.directory import SST_MEMBERS, SST_VENUE, Directory
from sst_desktop.demo.reports import RenderedReport
from sst_desktop.demo.safer_sefton_texts import (
    DECEMBER,
    JUNE,
    JUNE_APOLOGIES,
    JUNE_ITEMS,
    JUNE_PRESENT,
    MARCH,
    MARCH_CONFIRMED_AT,
    MARCH_ITEM,
    MARCH_MINUTE_TEXT,
    PREVENT_STANDING_ITEM,
    REMOTE,
    REPORTS_ADDED_AT,
    SEPTEMBER,
    SEPTEMBER_ITEMS,
    TEN,
    ActionData,
    ItemData,
    PlanData,
)
from sst_desktop.domain import (
    Action,
    ActionUpdate,
    AgendaItem,
    Attachment,
    Attendance,
    ForwardPlanItem,
    Meeting,
    Minute,
    Person,
    Resolution,
    StandingItem,
    agenda_item_presenters,
)
from sst_desktop.domain.enums import (
    AttendanceStatus,
    ForwardPlanStatus,
    ItemKind,
    MeetingStatus,
)


@dataclass
class SeftonIds:
    march_id: int = 0
    june_id: int = 0
    september_id: int = 0
    december_id: int = 0
    june_minute_ids: list[int] = field(default_factory=list)
    september_item_ids: list[int] = field(default_factory=list)
    action_ids: list[int] = field(default_factory=list)


def _item(meeting: Meeting, position: int, data: ItemData) -> AgendaItem:
    item = AgendaItem(
        meeting=meeting,
        position=position,
        title=data.title,
        description=data.description,
        kind=data.kind,
        procedural_role=data.role,
        presenters_text=data.presenters_text,
        report_status=data.report_status,
        exempt_paragraphs=data.exempt,
    )
    return item


def link_presenters(session: Session, links: list[tuple[AgendaItem, list[int]]]) -> None:
    """Presenter rows written in a fixed order (the ORM's own order for them varies between runs)."""
    session.flush()
    rows = [
        {"agenda_item_id": item.id, "person_id": person_id} for item, people in links for person_id in people
    ]
    if rows:
        session.execute(insert(agenda_item_presenters), rows)


def build_safer_sefton(
    session: Session, directory: Directory, reports: dict[str, RenderedReport]
) -> SeftonIds:
    ids = SeftonIds()
    committee_id = directory.sst_id
    people = {key: session.get(Person, pid) for key, pid in directory.people.items()}
    assert all(people.values())
    persons: dict[str, Person] = people  # type: ignore[assignment]

    def meeting(day: date, venue: str, status: MeetingStatus) -> Meeting:
        row = Meeting(committee_id=committee_id, date=day, start_time=TEN, venue=venue, status=status)
        session.add(row)
        return row

    march = meeting(MARCH, SST_VENUE, MeetingStatus.HELD)
    june = meeting(JUNE, SST_VENUE, MeetingStatus.HELD)
    september = meeting(SEPTEMBER, REMOTE, MeetingStatus.SCHEDULED)
    december = meeting(DECEMBER, SST_VENUE, MeetingStatus.SCHEDULED)
    session.flush()
    ids.march_id, ids.june_id, ids.september_id, ids.december_id = (
        march.id,
        june.id,
        september.id,
        december.id,
    )

    # 17 March 2022: the one item the seeds tell of, its minutes confirmed by the June meeting.
    march_item = _item(march, 0, MARCH_ITEM)
    session.add(march_item)
    session.add(
        Minute(
            meeting=march,
            agenda_item=march_item,
            number=1,
            position=0,
            heading=MARCH_ITEM.title,
            text=MARCH_MINUTE_TEXT,
        )
    )
    march.minutes_confirmed_at = MARCH_CONFIRMED_AT
    march.minutes_confirmed_by_id = june.id

    links: list[tuple[AgendaItem, list[int]]] = []

    # 22 June 2022.
    for index, key in enumerate(JUNE_PRESENT):
        session.add(
            Attendance(
                meeting=june,
                person=persons[key],
                status=AttendanceStatus.PRESENT,
                in_chair=index == 0,
                position=index,
            )
        )
    offset = len(JUNE_PRESENT)
    for index, key in enumerate(JUNE_APOLOGIES):
        session.add(
            Attendance(
                meeting=june, person=persons[key], status=AttendanceStatus.APOLOGIES, position=offset + index
            )
        )
    offset += len(JUNE_APOLOGIES)
    absent = [key for key in SST_MEMBERS if key not in JUNE_PRESENT and key not in JUNE_APOLOGIES]
    for index, key in enumerate(absent):
        session.add(
            Attendance(
                meeting=june, person=persons[key], status=AttendanceStatus.ABSENT, position=offset + index
            )
        )

    september_items = [_item(september, i, data) for i, data in enumerate(SEPTEMBER_ITEMS)]
    links += [
        (item, [persons[k].id for k in data.presenters])
        for item, data in zip(september_items, SEPTEMBER_ITEMS, strict=True)
    ]
    session.add_all(september_items)

    june_minutes: list[Minute] = []
    pending_plans: list[tuple[Minute, PlanData]] = []
    pending_actions: list[tuple[Minute, ActionData]] = []
    for position, entry in enumerate(JUNE_ITEMS):
        item = _item(june, position, entry.item)
        links.append((item, [persons[k].id for k in entry.item.presenters]))
        minute = Minute(
            meeting=june,
            agenda_item=item,
            number=position + 1,
            position=position,
            heading=entry.item.title,
            text=entry.minute.text,
        )
        minute.resolutions = [
            Resolution(position=i, text=text) for i, text in enumerate(entry.minute.resolutions)
        ]
        session.add_all([item, minute])
        june_minutes.append(minute)
        pending_actions += [(minute, action) for action in entry.minute.actions]
        pending_plans += [(minute, plan) for plan in entry.minute.plans]
    link_presenters(session, links)
    ids.june_minute_ids = [m.id for m in june_minutes]
    ids.september_item_ids = [i.id for i in september_items]

    # Actions SST/2022/001 … in minute order; positions count within each minute.
    per_minute: dict[int, int] = {}
    for sequence, (minute, data) in enumerate(pending_actions, 1):
        position = per_minute.get(minute.id, 0)
        per_minute[minute.id] = position + 1
        action = Action(
            reference=f"SST/2022/{sequence:03d}",
            committee_id=committee_id,
            meeting_id=june.id,
            minute_id=minute.id,
            position=position,
            text=data.text,
            owner_person_id=persons[data.owner].id if data.owner else None,
            owner_text=data.owner_text,
            organisation_id=directory.organisations[data.organisation] if data.organisation else None,
            due_date=data.due,
            due_next_meeting=data.next_meeting,
            status=data.status,
        )
        action.updates = [ActionUpdate(on=on, text=text, author=author) for on, text, author in data.updates]
        session.add(action)
        session.flush()
        ids.action_ids.append(action.id)

    for minute, plan in pending_plans:
        target = september if plan.target == SEPTEMBER else None
        scheduled = september_items[plan.scheduled_as] if plan.scheduled_as is not None else None
        session.add(
            ForwardPlanItem(
                committee_id=committee_id,
                title=plan.title,
                description=plan.description,
                kind=ItemKind.REPORT,
                presenters_text=plan.presenters_text,
                target_meeting_id=target.id if target else None,
                requested_on=JUNE,
                source_minute_id=minute.id,
                source_text=f"Minute No. {minute.number} of the meeting held on 22 June 2022",
                status=ForwardPlanStatus.SCHEDULED if scheduled else ForwardPlanStatus.PENDING,
                agenda_item_id=scheduled.id if scheduled else None,
            )
        )

    # 8 September 2022: the reports, as stored PDFs.
    for item, item_data in zip(september_items, SEPTEMBER_ITEMS, strict=True):
        if not item_data.report:
            continue
        rendered = reports[item_data.report]
        session.add(
            Attachment(
                agenda_item=item,
                position=0,
                title=rendered.title,
                filename=rendered.filename,
                media_type=rendered.media_type,
                size=rendered.size,
                page_count=rendered.page_count,
                sha256=rendered.sha256,
                content=rendered.content,
                added_at=REPORTS_ADDED_AT,
            )
        )

    session.add(
        StandingItem(
            committee_id=committee_id,
            title=PREVENT_STANDING_ITEM.title,
            description=PREVENT_STANDING_ITEM.description,
            kind=PREVENT_STANDING_ITEM.kind,
            presenters_text=PREVENT_STANDING_ITEM.presenters_text,
            position=0,
            active=True,
        )
    )
    session.flush()
    return ids
