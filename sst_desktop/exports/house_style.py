"""The wording and order a committee's document style asks for, kept apart from the layout code.

The minutes, agenda and pack writers ask these helpers for their lists of names, their sentences and
their officer block; with the default style each returns exactly what the documents always printed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time

from sst_desktop.domain.enums import AttendanceStatus, MembershipRole, ProceduralRole
from sst_desktop.domain.meeting_texts import clock, join_names, long_date
from sst_desktop.services.attendance import COUNCILLOR_TITLES, COURTESY_TITLES, AttendanceRecord
from sst_desktop.services.document_style import DEFAULT_STYLE, DocumentStyle
from sst_desktop.services.records import CommitteeRecord, MembershipRecord


def is_councillor(title: str) -> bool:
    return title.strip().casefold() in COUNCILLOR_TITLES


# ---------------------------------------------------------------------------------------------- the minutes


@dataclass(frozen=True)
class Wording:
    """What words one meeting's minutes: the committee's style and the sentences the officer rewrote
    for this meeting ("apologies", "declarations"), which print instead of the generated ones."""

    style: DocumentStyle = DEFAULT_STYLE
    sentences: Mapping[str, str] = field(default_factory=dict)

    def sentence(self, role: ProceduralRole | None) -> str:
        if role == ProceduralRole.APOLOGIES:
            return self.sentences.get("apologies", "")
        if role == ProceduralRole.DECLARATIONS:
            return self.sentences.get("declarations", "")
        return ""


DEFAULT_WORDING = Wording()


def base_name(record: AttendanceRecord, style: DocumentStyle) -> str:
    """ "Councillor Hardy", or "Councillor Trish Hardy" where the style prints first names."""
    if style.councillor_first_names and is_councillor(record.title):
        return " ".join(p for p in ("Councillor", record.first_name, record.last_name) if p)
    return record.name


def listed_name(record: AttendanceRecord, style: DocumentStyle, *, roles: bool = False) -> str:
    """A name as a list prints it, with what the reader should know in brackets (substituting,
    attending remotely, and for ALSO PRESENT the capacity or organisation the style asks for)."""
    notes = []
    if roles:
        notes.append(record.job_title or record.organisation_name)
    if record.also_present:
        brackets = style.also_present_brackets
        notes.append(
            record.capacity
            if brackets == "capacity"
            else record.organisation_name
            if brackets == "organisation"
            else ""
        )
    if record.status == AttendanceStatus.SUBSTITUTE and record.substitute_for_name:
        notes.append(f"substituting for {record.substitute_for_name}")
    if record.remote:
        notes.append("attending remotely")
    shown = [n for n in notes if n]
    name = base_name(record, style)
    return f"{name} ({'; '.join(shown)})" if shown else name


def ordered(records: Sequence[AttendanceRecord], style: DocumentStyle) -> list[AttendanceRecord]:
    """As the officer ordered the register, councillors first, or by surname."""
    if style.present_order == "councillors_first":
        return sorted(records, key=lambda r: not is_councillor(r.title))
    if style.present_order == "surname":
        return sorted(records, key=lambda r: (r.last_name.casefold(), r.first_name.casefold()))
    return list(records)


def name_list(records: Sequence[AttendanceRecord], style: DocumentStyle, *, roles: bool = False) -> str:
    """ "Councillor Hardy, Councillor Shaw and Simon Burnett", or grouped "Councillors Hardy and Shaw
    and Simon Burnett" — the group stands where its first councillor stood."""
    names: list[str] = []
    group: list[str] = []
    at = -1
    for record in ordered(records, style):
        name = listed_name(record, style, roles=roles)
        if style.group_councillors and is_councillor(record.title):
            at = len(names) if at < 0 else at
            group.append(name.removeprefix("Councillor "))
            continue
        names.append(name)
    if group:
        names.insert(at, ("Councillors " if len(group) > 1 else "Councillor ") + join_names(group))
    return join_names(names)


def attendance_lines(register: Sequence[AttendanceRecord], style: DocumentStyle) -> list[tuple[str, str]]:
    """(label, text) rows: PRESENT (the Chair first), the other members, ALSO PRESENT."""
    rows: list[tuple[str, str]] = []
    chair = [r for r in register if r.in_chair]
    members = [r for r in register if r.is_present and not r.in_chair and not r.also_present]
    also = [r for r in register if r.also_present]
    if chair:
        rows.append(("PRESENT:", f"{listed_name(chair[0], style)} (in the Chair)"))
        if members:
            rows.append(("", name_list(members, style) + "."))
    elif members:
        rows.append(("PRESENT:", name_list(members, style) + "."))
    if also:
        rows.append(("ALSO PRESENT:", name_list(also, style) + "."))
    return rows


def apologies_sentence(sent: Sequence[AttendanceRecord], style: DocumentStyle) -> str:
    if not sent:
        return style.no_apologies_text
    template = style.apology_text if len(sent) == 1 else style.apologies_text
    return template.format(names=name_list(sent, style, roles=style.apologies_roles))


def resolved_own_line(procedural: bool, style: DocumentStyle) -> bool:
    """Whether "RESOLVED:" stands on a line of its own (the seed: only for procedural items)."""
    return style.resolved_own_line == "always" or (style.resolved_own_line == "procedural" and procedural)


def part_ending(index: int, count: int, style: DocumentStyle) -> str:
    """How part ``index`` (1-based) of ``count`` ends: "(1) …;" "(2) …; and" "(3) …." by default."""
    punctuation = style.resolved_punctuation
    if punctuation == "none":
        return ""
    if punctuation == "full_stop" or index == count:
        return "."
    if index == count - 1 and punctuation == "semicolon_and":
        return "; and"
    return ";"


# ---------------------------------------------------------------------------------------------- the agenda


def member_name(member: MembershipRecord, style: DocumentStyle, *, councillor: bool) -> str:
    name = member.person_name
    if not style.membership_first_names and member.person_last_name:
        name = member.person_last_name
    if not councillor:
        title = member.person_title.strip()
        keep = style.membership_titles and title and title.casefold().rstrip(".") not in COURTESY_TITLES
        name = f"{title} {name}" if keep else name
    if style.membership_roles and member.role in (MembershipRole.CHAIR, MembershipRole.VICE_CHAIR):
        name += f" ({member.role.label})"
    return name


def membership_line(members: Sequence[MembershipRecord], style: DocumentStyle) -> str:
    """ "Councillor: Trish Hardy, Sonya Kelly, Simon Burnett, Superintendent Dawn McNally and Nigel
    Bellamy" (the seed), or grouped: "Councillors Hardy (Chair), Kelly and Burnett; Superintendent …"."""
    councillors = [m for m in members if is_councillor(m.person_title)]
    others = [m for m in members if m not in councillors]
    named = [member_name(m, style, councillor=True) for m in councillors]
    rest = [member_name(m, style, councillor=False) for m in others]
    if style.membership_councillors == "grouped":
        parts = []
        if named:
            parts.append(("Councillors " if len(named) > 1 else "Councillor ") + join_names(named))
        if rest:
            parts.append(join_names(rest))
        return "; ".join(parts)
    listed = join_names(named + rest)
    return f"Councillor: {listed}" if councillors else listed


def officer_lines(committee: CommitteeRecord, style: DocumentStyle) -> list[tuple[str, str]]:
    """The COMMITTEE OFFICER block's rows, or one "Contact:" row."""
    if not committee.officer_id:
        return []
    if style.officer_block == "contact":
        parts = [committee.officer_name]
        if committee.officer_telephone:
            parts.append(f"Tel: {committee.officer_telephone}")
        if style.officer_fax:
            parts.append(f"Fax: {style.officer_fax}")
        if committee.officer_email:
            parts.append(f"E-mail: {committee.officer_email}")
        return [("Contact:", ", ".join(parts))]
    rows = [("COMMITTEE OFFICER:", committee.officer_name)]
    if committee.officer_telephone:
        rows.append(("Telephone:", committee.officer_telephone))
    if style.officer_fax:
        rows.append(("Fax:", style.officer_fax))
    if committee.officer_email:
        rows.append(("E-mail:", committee.officer_email))
    return rows


def summons_text(
    style: DocumentStyle, committee: CommitteeRecord, day: date, start: time | None, venue: str
) -> list[str]:
    """The summons letter's paragraphs, its {committee}, {date}, {time}, {venue} and {officer} filled in."""
    text = style.summons_template.format(
        committee=committee.name,
        date=long_date(day),
        time=clock(start),
        venue=venue,
        officer=committee.officer_name,
    )
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def page_label(index: int, style: DocumentStyle) -> str:
    """The printed number of page ``index`` (1-based) of the minutes; printed minute books run on."""
    return str(style.first_page_number + index - 1)
