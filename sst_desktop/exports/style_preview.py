"""A sample page in a document style, as rich text for the Documents tab's live preview.

The sample is worded by the same helpers the minutes and agenda use (``minutes_content``,
``house_style``), from a made-up meeting of the committee, so what the preview says is what the
documents will say; only the layout is approximated (there is no PDF renderer to draw the real page).
"""

from __future__ import annotations

from datetime import date, time
from html import escape

from sst_desktop.domain.enums import AttendanceStatus, MembershipRole
from sst_desktop.exports import house_style
from sst_desktop.exports.minutes_content import (
    CALL_IN_WORKING_DAYS,
    Block,
    Run,
    add_working_days,
    held_line,
    resolved_blocks,
)
from sst_desktop.services.attendance import AttendanceRecord
from sst_desktop.services.document_style import DocumentStyle
from sst_desktop.services.meeting_texts import long_date
from sst_desktop.services.records import CommitteeRecord, MembershipRecord

SAMPLE_DAY = date(2022, 6, 22)
_PEOPLE = (
    # title, first, last, status, in the Chair, also present, capacity, organisation, job title
    ("Councillor", "Trish", "Hardy", AttendanceStatus.PRESENT, True, False, "", "Sefton Council", ""),
    ("Councillor", "Sonya", "Kelly", AttendanceStatus.PRESENT, False, False, "", "Sefton Council", ""),
    ("", "Simon", "Burnett", AttendanceStatus.PRESENT, False, False, "", "Sefton Council", ""),
    (
        "Superintendent",
        "Graeme",
        "Robson",
        AttendanceStatus.PRESENT,
        False,
        False,
        "",
        "Merseyside Police",
        "",
    ),
    ("Councillor", "Dave", "Thomas", AttendanceStatus.PRESENT, False, False, "", "Sefton Council", ""),
    ("", "Steve", "Martlew", AttendanceStatus.PRESENT, False, True, "Prevent", "Sefton Council", ""),
    ("", "Nigel", "Bellamy", AttendanceStatus.APOLOGIES, False, False, "", "Sefton CVS", "Chief Executive"),
    ("", "Andrea", "Watts", AttendanceStatus.APOLOGIES, False, False, "", "Sefton Council", ""),
)


def sample_register() -> list[AttendanceRecord]:
    return [
        AttendanceRecord(
            id=index,
            meeting_id=0,
            person_id=index,
            title=title,
            first_name=first,
            last_name=last,
            organisation_name=organisation,
            job_title=job,
            status=status,
            in_chair=chair,
            also_present=also,
            capacity=capacity,
            position=index,
        )
        for index, (title, first, last, status, chair, also, capacity, organisation, job) in enumerate(
            _PEOPLE, 1
        )
    ]


def sample_members() -> list[MembershipRecord]:
    roles = {"Hardy": MembershipRole.CHAIR, "Kelly": MembershipRole.VICE_CHAIR}
    return [
        MembershipRecord(
            id=index,
            committee_id=0,
            person_id=index,
            person_name=f"{first} {last}",
            person_title=title,
            person_sort_key=(last.casefold(), first.casefold()),
            organisation_name=organisation,
            role=roles.get(last, MembershipRole.MEMBER),
            start_date=SAMPLE_DAY,
            person_last_name=last,
        )
        for index, (title, first, last, _s, _c, also, _cap, organisation, _j) in enumerate(_PEOPLE, 1)
        if not also
    ]


def sample_minutes(style: DocumentStyle, committee: CommitteeRecord) -> list[Block]:
    """The opening of a meeting's minutes and three minutes, worded in ``style``."""
    register = sample_register()
    blocks: list[Block] = []
    if style.call_in_statement:
        if committee.uses_call_in:
            ends = long_date(add_working_days(SAMPLE_DAY, CALL_IN_WORKING_DAYS)).upper()
            blocks.append(Block("notice", (Run(style.call_in_ends_text.format(date=ends), bold=True),)))
        else:
            blocks.append(Block("notice", (Run(style.not_call_in_text, bold=True),)))
    blocks.append(Block("committee", (Run(committee.name.upper(), bold=True),)))
    held = held_line(committee.default_venue or "Bootle Town Hall", "", SAMPLE_DAY, style.held_at)
    blocks.append(Block("held", (Run(held, bold=True),)))
    notice = style.minutes_open_statement if committee.open_to_public else style.minutes_not_open_notice
    if notice.strip():
        blocks.append(Block("notice", (Run(notice.strip(), bold=True),)))
    blocks += [
        Block("attendance", (Run(text),), label=label)
        for label, text in house_style.attendance_lines(register, style)
    ]
    sent = [r for r in register if r.status == AttendanceStatus.APOLOGIES]
    blocks.append(Block("heading", (Run("APOLOGIES FOR ABSENCE", bold=True),), label="1."))
    blocks.append(Block("body", (Run(house_style.apologies_sentence(sent, style)),)))
    blocks.append(Block("heading", (Run("DECLARATIONS OF INTEREST", bold=True),), label="2."))
    blocks.append(Block("body", (Run(style.no_declarations_text),)))
    blocks.append(Block("heading", (Run("MINUTES OF PREVIOUS MEETING", bold=True),), label="3."))
    own_line = house_style.resolved_own_line(True, style)
    clause = "the Minutes of the meeting held on 17 March 2022 be confirmed as a correct record"
    blocks += resolved_blocks([clause], own_line=own_line, style=style)
    blocks.append(Block("heading", (Run("DOMESTIC HOMICIDE REVIEW UPDATE", bold=True),), label="4."))
    clauses = [
        "the report be noted",
        "a further report be submitted to the next meeting",
        "the Chair write to partners",
    ]
    blocks += resolved_blocks(clauses, own_line=house_style.resolved_own_line(False, style), style=style)
    return blocks


def _runs_html(runs: tuple[Run, ...]) -> str:
    parts = []
    for run in runs:
        text = escape(run.text).replace("\n", "<br>")
        if run.italic:
            text = f"<i>{text}</i>"
        if run.bold:
            text = f"<b>{text}</b>"
        parts.append(text)
    return "".join(parts)


def _block_html(block: Block) -> str:
    runs = _runs_html(block.runs)
    if block.kind in ("notice", "committee", "held"):
        size = ' style="font-size:large"' if block.kind == "committee" else ""
        return f'<p align="center"{size}>{runs}</p>'
    if block.kind == "attendance":
        return f'<table width="100%"><tr><td width="28%"><b>{escape(block.label)}</b></td><td>{runs}</td></tr></table>'
    if block.kind == "heading":
        return f'<p style="margin-top:10px"><b>{escape(block.label)}&nbsp;&nbsp;</b>{runs}</p>'
    if block.kind == "list":
        return f'<p style="margin-left:48px">{escape(block.label)}&nbsp;&nbsp;{runs}</p>'
    return f'<p style="margin-left:24px">{runs}</p>'


def preview_html(style: DocumentStyle, committee: CommitteeRecord) -> str:
    """A sample minutes page, the agenda's front and the pack's front sheet, worded in ``style``."""
    page = style.first_page_number
    number = f'<p align="center" style="color:#555">{page}</p>'
    parts = ['<h3 style="color:#555">Minutes (first page)</h3>']
    if style.page_numbers == "header":
        parts.append(number)
    parts += [_block_html(block) for block in sample_minutes(style, committee)]
    if style.page_numbers == "footer":
        parts.append(number)
    parts.append('<hr><h3 style="color:#555">Agenda</h3>')
    parts.append(f'<p align="center" style="font-size:x-large"><b>{escape(style.agenda_title)}</b></p>')
    parts.append(f'<p align="center"><b>{escape(committee.name)}</b></p>')
    if not committee.open_to_public and style.not_open_notice.strip():
        parts.append(f'<p align="center"><b>{escape(style.not_open_notice)}</b></p>')
    membership = house_style.membership_line(sample_members(), style)
    parts.append(f"<p><b>MEMBERSHIP:</b><br>{escape(membership)}</p>")
    officer = CommitteeRecord(
        id=0,
        name=committee.name,
        short_name=committee.short_name,
        officer_id=committee.officer_id or 1,
        officer_name=committee.officer_name or "Ian Barton",
        officer_telephone=committee.officer_telephone or "0151 934 2788",
        officer_email=committee.officer_email or "ian.barton@sefton.gov.uk",
    )
    rows = "".join(
        f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>"
        for k, v in house_style.officer_lines(officer, style)
    )
    parts.append(f"<table>{rows}</table>")
    parts.append('<hr><h3 style="color:#555">Agenda pack</h3>')
    if style.public_document_pack:
        parts.append("<p><b>Public Document Pack</b> (top of the first page)</p>")
    if style.summons_template.strip():
        letter = house_style.summons_text(style, officer, SAMPLE_DAY, time(10, 0), committee.default_venue)
        parts += [f"<p>{escape(p).replace(chr(10), '<br>')}</p>" for p in letter]
    draft = "with" if style.pack_minutes_draft else "without"
    parts.append(
        f"<p><i>Unconfirmed minutes in the next meeting’s pack print {draft} the DRAFT mark.</i></p>"
    )
    return "".join(parts)
