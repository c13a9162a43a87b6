"""What the agenda and the minutes print of a council's own forms, worded once for every document:
a meeting's prefix ("Adjourned") and themed title, section headings, item flags and lettering,
"moved by …, seconded by … and RESOLVED", the decision form of an executive body, references opening
the narrative, the Minute book signed later, and declarations as a table.

Everything here prints only when the officer set it, so documents without these forms are unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sst_desktop.domain.agenda_labels import item_labels
from sst_desktop.domain.enums import ItemNumbering
from sst_desktop.services.agenda_records import AgendaItemRecord
from sst_desktop.services.declarations import DeclarationRecord
from sst_desktop.services.meetings import MeetingRecord
from sst_desktop.services.minute_forms import MINUTE_BOOK_LATER
from sst_desktop.services.minute_records import MinuteRecord, reference_sentence

DECISION_MADE = "Decision Made:"
REASONS = "Reasons for the Decision:"
ALTERNATIVES = "Alternative Options Considered and Rejected:"
DECLARATIONS_HEADER = ("Member", "Minute No.", "Nature of Interest")


def meeting_name(meeting: MeetingRecord) -> str:
    """ "Adjourned Meeting" ("" without a prefix); a prefix that already says "meeting" stays as typed."""
    prefix = meeting.title_prefix.strip()
    if not prefix:
        return ""
    return prefix if prefix.casefold().endswith("meeting") else f"{prefix} Meeting"


def held_prefix(meeting: MeetingRecord, held: str) -> str:
    """ "ADJOURNED MEETING HELD AT …" for the minutes' held line."""
    prefix = meeting.title_prefix.strip()
    if not prefix:
        return held
    words = prefix.upper()
    return f"{words} {held}" if not words.endswith("MEETING") else f"{words} {held.removeprefix('MEETING ')}"


def flagged_title(item: AgendaItemRecord) -> str:
    """ "Serious Violence Duty - POSTPONED"."""
    return f"{item.title} - {item.flag}" if item.flag else item.title


@dataclass(frozen=True)
class MinuteForms:
    """What the minutes need to know beyond the minute itself: lettered labels, section headings
    by agenda item, and whether the committee prints declarations as a table."""

    letters: dict[int, str] = field(default_factory=dict)  # agenda item id → "(A)"
    sections: dict[int, str] = field(default_factory=dict)  # agenda item id → "Public Session"
    declarations_as_table: bool = False


def minute_forms(items: list[AgendaItemRecord], declarations_as_table: bool) -> MinuteForms:
    labels = item_labels(items)
    return MinuteForms(
        letters={i.id: labels[i.id] for i in items if i.numbering == ItemNumbering.LETTER},
        sections={i.id: i.section_heading for i in items if i.section_heading.strip()},
        declarations_as_table=declarations_as_table,
    )


def minute_label(minute: MinuteRecord, forms: MinuteForms) -> str:
    if minute.agenda_item_id is not None and minute.agenda_item_id in forms.letters:
        return forms.letters[minute.agenda_item_id]
    return f"{minute.number}." if minute.number is not None else ""


def moved_seconded(minute: MinuteRecord) -> str:
    """ "It was moved by Councillor Hardy, seconded by Councillor Kelly and" (before RESOLVED)."""
    moved, seconded = minute.moved_by.strip(), minute.seconded_by.strip()
    if not moved and not seconded:
        return ""
    parts = []
    if moved:
        parts.append(f"moved by {moved}")
    if seconded:
        parts.append(f"seconded by {seconded}")
    return f"It was {', '.join(parts)} and"


def opening_sentence(minute: MinuteRecord) -> str:
    """ "Further to Minute No. 29 of the meeting held on 11 December 2017," to open the narrative, or
    the references as a sentence of their own."""
    sentence = reference_sentence(minute.references)
    if not sentence:
        return ""
    return sentence + ("," if minute.references_inline and minute.text.strip() else ".")


def decision_form(minute: MinuteRecord) -> list[tuple[str, str]]:
    """The decision form's headed paragraphs after the resolutions, in the council's order."""
    rows = []
    if minute.decision_reasons.strip():
        rows.append((REASONS, minute.decision_reasons.strip()))
    if minute.alternative_options.strip():
        rows.append((ALTERNATIVES, minute.alternative_options.strip()))
    return rows


def is_decision_form(minute: MinuteRecord) -> bool:
    return bool(decision_form(minute))


def minute_book_sentence(minute: MinuteRecord) -> str:
    return MINUTE_BOOK_LATER if minute.minute_book_later else ""


def declaration_rows(
    declared: list[DeclarationRecord], numbers: dict[int, int | None], letters: dict[int, str]
) -> tuple[tuple[str, ...], ...]:
    """The council's table: Member / Minute No. / Nature of Interest, a header row first."""
    rows = [DECLARATIONS_HEADER]
    for record in declared:
        where = ""
        if record.agenda_item_id is not None:
            number = numbers.get(record.agenda_item_id)
            where = str(number) if number else letters.get(record.agenda_item_id, record.item_title)
        nature = " ".join(record.nature.split()) or record.kind.label
        rows.append((record.person_name, where, nature))
    return tuple(rows)
