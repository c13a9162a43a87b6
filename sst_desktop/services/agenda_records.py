"""What the agenda services hand out and take in: an item's record, the patch that edits it, what a
removal took away, and the Schedule 12A paragraphs that make an item exempt."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sst_desktop.domain import AgendaItem, Person
from sst_desktop.domain.enums import ItemKind, ItemNumbering, ProceduralRole, ReportStatus
from sst_desktop.domain.patch import UNSET, Unset
from sst_desktop.services.attachments import AttachmentRecord
from sst_desktop.services.attachments import to_record as attachment_record
from sst_desktop.services.errors import ValidationError
from sst_desktop.services.outcome import Changed, Reversal

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
    flag: str = ""  # "POSTPONED", "NEW"
    section_heading: str = ""  # printed, unnumbered, before the item
    numbering: ItemNumbering = ItemNumbering.NUMBER

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
class AgendaItemPatch:
    """The agenda item fields an edit sets (see ``patch``): ``AgendaItemPatch(exempt_paragraphs=(7,))``."""

    title: str | Unset = UNSET
    description: str | Unset = UNSET
    kind: ItemKind | Unset = UNSET
    procedural_role: ProceduralRole | Unset | None = UNSET
    presenters_text: str | Unset = UNSET
    presenter_ids: Sequence[int] | Unset = UNSET
    report_status: ReportStatus | Unset = UNSET
    exempt_paragraphs: Sequence[int] | str | Unset = UNSET  # (1, 7) or "1, 7"
    standing_item_id: int | Unset | None = UNSET
    flag: str | Unset = UNSET
    section_heading: str | Unset = UNSET
    numbering: ItemNumbering | Unset = UNSET


@dataclass(frozen=True)
class RemovedItem:
    """What ``remove_item`` took away, attachments' bytes included, so undo puts back exactly that."""

    before: AgendaItemRecord
    contents: tuple[bytes, ...] = field(default=(), repr=False)
    forward_plan_item_ids: tuple[int, ...] = ()
    changed: Changed = Changed.AGENDA
    undo: Reversal | None = field(default=None, repr=False, compare=False)

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
        flag=item.flag,
        section_heading=item.section_heading,
        numbering=item.numbering,
    )


def _person_name(person: Person) -> str:
    return " ".join(p for p in (person.title, person.first_name, person.last_name) if p)
