"""What the minutes say, in the house style of seed 002, worded once for the PDF and the Word file.

``minutes_content`` reads a meeting through the services and returns blocks — notices, the
committee name, PRESENT, numbered minutes, RESOLVED blocks, actions — that the two writers lay out.
Public minutes print an exempt item's published summary in place of its discussion, resolutions and
actions; full minutes carry everything and are marked confidential.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from sst_desktop.domain.enums import (
    AttendanceStatus,
    DeclarationAction,
    InterestKind,
    MeetingStatus,
    MinuteOutcome,
    ProceduralRole,
)
from sst_desktop.domain.meeting_texts import clock, join_names, long_date, plain_date
from sst_desktop.exports import house_style
from sst_desktop.exports import meeting_forms as forms_text
from sst_desktop.exports.minutes_blocks import Block, MinutesContent, Run, body, marked, plain
from sst_desktop.services import actions, agenda, attendance, committees, declarations, meetings, minutes
from sst_desktop.services.actions import ActionRecord
from sst_desktop.services.attendance import AttendanceRecord
from sst_desktop.services.declarations import DeclarationRecord
from sst_desktop.services.document_style import (  # noqa: F401  (the wording's defaults, named here as before)
    CALL_IN_ENDS,
    DEFAULT_STYLE,
    NO_APOLOGIES,
    NO_DECLARATIONS,
    NOT_SUBJECT_TO_CALL_IN,
    DocumentStyle,
)
from sst_desktop.services.document_styles import meeting_sentences, meeting_style
from sst_desktop.services.meetings import MeetingRecord
from sst_desktop.services.minutes import MinuteRecord
from sst_desktop.storage.engine import Database

CALL_IN_WORKING_DAYS = 7  # published within two working days, then five clear working days
DRAFT_MARK = "DRAFT"
DRAFT_NOTE = "DRAFT: these minutes are subject to confirmation at the next meeting."
CONFIDENTIAL_MARK = "CONFIDENTIAL - NOT FOR PUBLICATION"
EXCLUSION_HEADING = "EXCLUSION OF THE PRESS AND PUBLIC"
EXCLUSION_TEXT = (
    "That, under Section 100(A) of the Local Government Act 1972, the press and public be excluded from "
    "the meeting for the following item(s) of business on the grounds that it involves the likely "
    "disclosure of exempt information as defined in paragraph(s) {paragraphs} of Part 1 of Schedule 12A to "
    "the Act."
)
EXEMPT_NOT_PUBLISHED = (
    "The minute of this item is not published: it contains exempt information as defined in "
    "paragraph(s) {paragraphs} of Part 1 of Schedule 12A to the Local Government Act 1972."
)
DEFERRED_RESOLUTION = "consideration of this item be deferred to a future meeting"
WITHDRAWN_TEXT = "This item was withdrawn from the agenda."
# "(I) Housing" / "(II) Transport" on a line of its own: an item's sub-section, printed as a heading.
SUB_SECTION = re.compile(r"^\s*(\((?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)\))\s+(\S.*)$")

_INTEREST_WORDS = {
    InterestKind.DISCLOSABLE_PECUNIARY: "a disclosable pecuniary interest",
    InterestKind.OTHER_REGISTRABLE: "a personal interest (other registrable interest)",
    InterestKind.NON_REGISTRABLE: "a personal interest (non-registrable interest)",
}
_ACTION_WORDS = {
    DeclarationAction.WITHDREW: "and left the room during the consideration of the item, taking no part in "
    "the discussion or vote",
    DeclarationAction.STAYED_NOT_VOTING: "and remained in the room but took no part in the vote",
    DeclarationAction.STAYED_DISPENSATION: "and, having been granted a dispensation, remained in the room "
    "and took part in the consideration of the item",
    DeclarationAction.REMAINED: "and remained in the room and took part in the consideration of the item",
}


# ---------------------------------------------------------------------------------------------- wording


def upper(text: str) -> str:
    """Headings in capitals, as the seed prints them ("DOMESTIC HOMICIDE REVIEW (DHRS) UPDATE")."""
    return text.upper()


def held_line(venue: str, remote_link: str, day: date, held_at: str = "MEETING HELD AT") -> str:
    """ "MEETING HELD AT BOOTLE TOWN HALL ON WEDNESDAY 22ND JUNE, 2022" (``held_at`` as the style words it)."""
    when = long_date(day).upper()
    venue = venue.strip()
    if venue.casefold().startswith("remote"):
        return f"MEETING HELD REMOTELY ({venue.upper()}) ON {when}"
    if venue:
        return f"{held_at} {venue.upper()} ON {when}"
    if remote_link.strip():
        return f"MEETING HELD REMOTELY ON {when}"
    return f"MEETING HELD ON {when}"


def add_working_days(day: date, count: int) -> date:
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def resolution_clause(text: str) -> str:
    """A resolution as typed, made ready to follow "That": no leading "That", no closing punctuation."""
    clause = " ".join(text.split()) if "\n" not in text else text.strip()
    clause = re.sub(r"^(?:resolved:?\s*)?that\s+", "", clause, flags=re.IGNORECASE)
    return clause.rstrip(" .;,")


def resolved_blocks(
    clauses: list[str], *, own_line: bool = False, style: DocumentStyle = DEFAULT_STYLE
) -> list[Block]:
    """ "RESOLVED: That the report be noted." or "RESOLVED: That" + "(1) …;" "(2) …; and" "(3) …."

    ``own_line`` puts "RESOLVED:" on a line of its own, as the seed does for procedural items; the
    style words "That" and ends the parts."""
    clauses = [c for c in (resolution_clause(t) for t in clauses) if c]
    if not clauses:
        return []
    if len(clauses) == 1:
        if own_line:
            return [
                Block("resolved", (Run("RESOLVED:", bold=True),), keep_with_next=True),
                body(plain("That "), *marked(clauses[0]), plain(".")),
            ]
        return [
            Block("resolved", (Run("RESOLVED:", bold=True), plain(" That "), *marked(clauses[0]), plain(".")))
        ]
    that = f" {style.resolved_that}"
    blocks = [Block("resolved", (Run("RESOLVED:", bold=True), plain(that)), keep_with_next=True)]
    for index, clause in enumerate(clauses, 1):
        ending = house_style.part_ending(index, len(clauses), style)
        blocks.append(Block("list", (*marked(clause), plain(ending)), label=f"({index})"))
    return blocks


def narrative_blocks(text: str) -> list[Block]:
    """Typed narrative: blank lines separate paragraphs; lines starting "- ", "* " or "• " are bullets."""
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(body(*marked("\n".join(paragraph))))
            paragraph.clear()

    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.rstrip()
        bullet = re.match(r"^\s*(?:[-*•–])\s+(.*)$", line)
        section = SUB_SECTION.match(line)
        if section:
            flush()
            blocks.append(
                Block("list", (Run(plain(section.group(2)).text, bold=True),), label=section.group(1))
            )
        elif bullet:
            flush()
            blocks.append(Block("list", marked(bullet.group(1)), label="•"))
        elif not line.strip():
            flush()
        else:
            paragraph.append(line.strip())
    flush()
    return blocks


def present_name(record: AttendanceRecord) -> str:
    name = record.name
    notes = []
    if record.status == AttendanceStatus.SUBSTITUTE and record.substitute_for_name:
        notes.append(f"substituting for {record.substitute_for_name}")
    if record.remote:
        notes.append("attending remotely")
    if record.also_present and record.capacity:
        notes.insert(0, record.capacity)
    return f"{name} ({'; '.join(notes)})" if notes else name


def action_line(action: ActionRecord) -> str:
    """ "Discuss at LCR SD VAG - risk to lack of chairs (Simon Burnett, Sefton Council; by the next meeting)"."""
    who = [p for p in (action.owner, action.organisation_name) if p]
    if len(who) == 2 and who[1].casefold() in who[0].casefold():
        who = who[:1]
    details = ", ".join(who)
    if action.due_next_meeting:
        due = "by the next meeting"
    elif action.due_date is not None:
        due = f"by {plain_date(action.due_date)}"
    else:
        due = ""
    extra = "; ".join(p for p in (details, due) if p)
    text = action.text.strip()
    return f"{text} ({extra})" if extra else text


def declaration_sentence(record: DeclarationRecord, numbers: dict[int, int | None]) -> str:
    """ "Councillor Hardy declared a disclosable pecuniary interest in Minute No. 10 (Unauthorised
    Encampments) and left the room … vote. The nature of the interest was: Owns land next to the site."

    The nature is the officer's own words, whatever their form ("Knows the licence holder", "being a
    trustee", several sentences), so it stands after a colon in a sentence of its own, as typed, rather
    than inside the declaration's grammar."""
    interest = _INTEREST_WORDS.get(record.kind, "an interest")
    where = ""
    if record.agenda_item_id is not None:
        number = numbers.get(record.agenda_item_id)
        title = record.item_title
        where = f" in Minute No. {number} ({title})" if number else f" in the item “{title}”"
    sentence = f"{record.person_name} declared {interest}{where} {_ACTION_WORDS[record.action]}."
    nature = " ".join(record.nature.split())
    if nature:
        end = "" if nature.rstrip("\"”’')").endswith((".", "!", "?")) else "."
        sentence += f" The nature of the interest was: {nature}{end}"
    return sentence


# ---------------------------------------------------------------------------------------------- building


def minutes_content(
    db: Database,
    meeting_id: int,
    *,
    public: bool = True,
    call_in_ends: date | None = None,
    style: DocumentStyle | None = None,
) -> MinutesContent:
    """The minutes worded in ``style`` (the committee's own when None)."""
    wording = house_style.Wording(
        style if style is not None else meeting_style(db, meeting_id), meeting_sentences(db, meeting_id)
    )
    meeting = meetings.get_meeting(db, meeting_id)
    committee = committees.get_committee(db, meeting.committee_id)
    register = attendance.list_attendance(db, meeting_id)
    declared = declarations.list_declarations(db, meeting_id)
    outline = minutes.minutes_outline(db, meeting_id)
    actions_by_minute: dict[int, list[ActionRecord]] = {}
    for action in actions.list_actions_for_meeting(db, meeting_id):
        if action.minute_id is not None:
            actions_by_minute.setdefault(action.minute_id, []).append(action)
    for listed in actions_by_minute.values():
        listed.sort(key=lambda a: (a.position, a.id))

    blocks: list[Block] = []
    style = wording.style
    if not style.call_in_statement:
        pass
    elif committee.uses_call_in:
        ends = call_in_ends or add_working_days(meeting.date, CALL_IN_WORKING_DAYS)
        text = style.call_in_ends_text.format(date=long_date(ends).upper())
        blocks.append(Block("notice", (Run(text, bold=True),)))
    else:
        blocks.append(Block("notice", (Run(style.not_call_in_text, bold=True),)))
    name = committee.name.upper()
    blocks.append(Block("committee", (Run(name, bold=True),)))
    if meeting.session_title.strip():
        blocks.append(Block("held", (Run(upper(meeting.session_title.strip()), bold=True),)))
    held = forms_text.held_prefix(
        meeting, held_line(meeting.venue, meeting.remote_link, meeting.date, style.held_at)
    )
    blocks.append(Block("held", (Run(held, bold=True),)))
    notice = style.minutes_open_statement if meeting.open_to_public else style.minutes_not_open_notice
    if notice.strip():
        blocks.append(Block("notice", (Run(notice.strip(), bold=True),)))
    blocks.extend(
        Block("attendance", (plain(text),), label=label)
        for label, text in house_style.attendance_lines(register, style)
    )
    forms = forms_text.minute_forms(agenda.list_agenda_items(db, meeting_id), committee.declarations_as_table)

    numbers = {m.agenda_item_id: m.number for m in outline if m.agenda_item_id is not None}
    paragraphs_ahead = sorted({p for m in outline if m.is_exempt for p in m.exempt_paragraphs})
    excluded = False
    for minute in outline:
        if minute.is_exempt and not excluded:
            excluded = True
            blocks.append(Block("heading", (Run(EXCLUSION_HEADING, bold=True),), keep_with_next=True))
            text = EXCLUSION_TEXT.format(paragraphs=join_names(str(p) for p in paragraphs_ahead))
            blocks.append(Block("resolved", (Run("RESOLVED:", bold=True), plain(" " + text))))
        section = forms.sections.get(minute.agenda_item_id or 0)
        if section:
            blocks.append(Block("heading", (Run(upper(section), bold=True),), keep_with_next=True))
        blocks.extend(
            _minute_blocks(
                minute,
                register,
                declared,
                numbers,
                actions_by_minute.get(minute.id, []),
                public=public,
                forms=forms,
                wording=wording,
            )
        )

    return MinutesContent(
        meeting_id=meeting_id,
        committee_name=committee.name,
        meeting_date=meeting.date,
        running_header=f"{name}- {long_date(meeting.date).upper()}",
        public=public,
        draft=meeting.minutes_confirmed_at is None,
        confidential=not public,
        blocks=tuple(blocks),
        title=f"Minutes of {committee.name}, {plain_date(meeting.date)}",
        warnings=minutes_warnings(meeting, register, outline, declared, actions_by_minute),
    )


def minutes_warnings(
    meeting: MeetingRecord,
    register: list[AttendanceRecord],
    outline: list[MinuteRecord],
    declared: list[DeclarationRecord],
    actions_by_minute: dict[int, list[ActionRecord]],
) -> tuple[str, ...]:
    """What is missing from the minutes (as ``agenda_warnings`` says for an agenda)."""
    warnings = []
    if meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED):
        warnings.append(f"This meeting is {meeting.status.label.lower()}.")
    elif meeting.date > date.today():
        warnings.append(f"The meeting of {plain_date(meeting.date)} has not been held yet.")
    if not any(r.is_present for r in register):
        warnings.append("The register records no one as present: the minutes have no PRESENT list.")
    written = (
        declared
        or actions_by_minute
        or any(
            m.text.strip()
            or m.public_summary.strip()
            or m.resolutions
            or m.references
            or m.outcome != MinuteOutcome.TAKEN
            for m in outline
        )
    )
    if not outline:
        warnings.append("The meeting has no agenda and nothing was minuted: the minutes have no items.")
    elif not written:
        warnings.append("Nothing has been minuted yet: no item has a narrative, a resolution or an action.")
    return tuple(warnings)


def _comings_and_goings(minute: MinuteRecord, register: list[AttendanceRecord]) -> list[Block]:
    blocks: list[Block] = []
    if minute.agenda_item_id is None:
        return blocks
    for record in register:
        if record.arrived_item_id == minute.agenda_item_id:
            at = f" at {clock(record.arrived_at)}" if record.arrived_at else ""
            blocks.append(
                body(Run(f"{record.name} arrived{at}, during the consideration of this item.", italic=True))
            )
        if record.left_item_id == minute.agenda_item_id:
            at = f" at {clock(record.left_at)}" if record.left_at else ""
            blocks.append(
                body(
                    Run(
                        f"{record.name} left the meeting{at}, during the consideration of this item.",
                        italic=True,
                    )
                )
            )
    return blocks


def _minute_blocks(
    minute: MinuteRecord,
    register: list[AttendanceRecord],
    declared: list[DeclarationRecord],
    numbers: dict[int, int | None],
    minute_actions: list[ActionRecord],
    *,
    public: bool,
    forms: forms_text.MinuteForms | None = None,
    wording: house_style.Wording = house_style.DEFAULT_WORDING,
) -> list[Block]:
    forms = forms or forms_text.MinuteForms()
    label = forms_text.minute_label(minute, forms)
    blocks = [Block("heading", (Run(upper(minute.heading), bold=True),), label=label, keep_with_next=True)]
    blocks.extend(_comings_and_goings(minute, register))
    role = minute.procedural_role
    own = wording.sentence(role)
    if own:
        blocks.extend(narrative_blocks(own))
    elif role == ProceduralRole.APOLOGIES:
        sent = [r for r in register if r.status == AttendanceStatus.APOLOGIES and not r.also_present]
        blocks.append(body(plain(house_style.apologies_sentence(sent, wording.style))))
    elif role == ProceduralRole.DECLARATIONS:
        if declared and forms.declarations_as_table:
            rows = forms_text.declaration_rows(declared, numbers, forms.letters)
            blocks.append(Block("table", cells=rows))
        elif declared:
            blocks.extend(body(plain(declaration_sentence(d, numbers))) for d in declared)
        else:
            blocks.append(body(plain(wording.style.no_declarations_text)))

    if minute.is_exempt and public:
        summary = minute.public_summary.strip()
        if summary:
            blocks.extend(narrative_blocks(summary))
        else:
            paragraphs = join_names(str(p) for p in minute.exempt_paragraphs)
            blocks.append(body(plain(EXEMPT_NOT_PUBLISHED.format(paragraphs=paragraphs))))
        return blocks

    opening = forms_text.opening_sentence(minute)
    narrative = narrative_blocks(minute.text)
    if opening and minute.references_inline and narrative and narrative[0].kind == "body":
        first = narrative[0]
        narrative[0] = Block("body", (plain(opening + " "), *first.runs), keep_with_next=first.keep_with_next)
    elif opening:
        blocks.append(body(plain(opening)))
    if minute.outcome == MinuteOutcome.WITHDRAWN:
        blocks.append(body(plain(WITHDRAWN_TEXT)))
    blocks.extend(narrative)
    clauses = [r.text for r in minute.resolutions]
    if minute.outcome == MinuteOutcome.DEFERRED and not clauses:
        clauses = [DEFERRED_RESOLUTION]
    procedural = role in (ProceduralRole.PREVIOUS_MINUTES, ProceduralRole.NEXT_MEETING)
    own_line = house_style.resolved_own_line(procedural, wording.style)
    resolved = resolved_blocks(clauses, own_line=own_line, style=wording.style)
    if resolved and forms_text.is_decision_form(minute):
        blocks.append(Block("body", (Run(forms_text.DECISION_MADE, bold=True),), keep_with_next=True))
    moved = forms_text.moved_seconded(minute)
    if resolved and moved:
        blocks.append(Block("body", (plain(moved),), keep_with_next=True))
    blocks.extend(resolved)
    for heading, text in forms_text.decision_form(minute):
        blocks.append(Block("body", (Run(heading, bold=True),), keep_with_next=True))
        blocks.extend(narrative_blocks(text))
    book = forms_text.minute_book_sentence(minute)
    if book:
        blocks.append(body(plain(book)))
    if minute_actions:
        blocks.append(Block("body", (Run("Actions:", bold=True),), keep_with_next=True))
        for index, action in enumerate(minute_actions, 1):
            runs = tuple(replace(run, italic=True) for run in marked(action_line(action)))
            blocks.append(Block("list", runs, label=f"({index})"))
    return blocks
