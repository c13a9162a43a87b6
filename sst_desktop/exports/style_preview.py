"""A made-up meeting of a committee, worded in a document style, for the Documents tab's preview of a
committee that has no minutes yet (``style_pages`` prints it).

The sample is worded by the same helpers the minutes use (``minutes_content``, ``house_style``), so
what the preview says is what the documents will say.
"""

from __future__ import annotations

from datetime import date

from sst_desktop.domain.enums import AttendanceStatus, MembershipRole
from sst_desktop.domain.meeting_texts import long_date
from sst_desktop.exports import house_style
from sst_desktop.exports.minutes_blocks import Block, Run
from sst_desktop.exports.minutes_content import (
    CALL_IN_WORKING_DAYS,
    add_working_days,
    held_line,
    resolved_blocks,
)
from sst_desktop.services.attendance import AttendanceRecord
from sst_desktop.services.document_style import DocumentStyle
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
