"""The minutes PDF read back: every part in the house order and wording of seed 002."""

from __future__ import annotations

from datetime import date, time

import pytest

from sst_desktop.domain import AgendaItem, Committee, Meeting
from sst_desktop.domain.enums import ProceduralRole
from sst_desktop.exports.atomic import ExportError
from sst_desktop.exports.minutes_content import (
    CONFIDENTIAL_MARK,
    DRAFT_MARK,
    NO_APOLOGIES,
    NO_DECLARATIONS,
    NOT_SUBJECT_TO_CALL_IN,
)
from sst_desktop.exports.minutes_pdf import build_minutes_pdf, public_minutes_pdf, write_minutes_pdf
from sst_desktop.services import attendance, attendance_times, committees, declarations, minutes
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.services.declarations import DeclarationPatch
from sst_desktop.services.people import PersonPatch
from tests.exports.minutes.conftest import HEADER
from tests.exports.minutes_helpers import SEED_ORDER, in_order, pdf_pages, starts_with
from tests.minutes_data import confirm_at_next_meeting


def _add_exempt_item(db, seed, *, paragraphs: str = "7") -> int:  # type: ignore[no-untyped-def]
    """An exempt item before the Date of Next Meeting, minuted with discussion and a summary."""
    with db.write() as session:
        last = session.get(AgendaItem, seed.item_ids[12])
        last.position = 13
        item = AgendaItem(
            meeting_id=seed.meeting_id, position=12, title="DHR10 Report", exempt_paragraphs=paragraphs
        )
        session.add(item)
        session.flush()
        item_id = item.id
    minute = minutes.minute_for_item(db, item_id)
    minutes.set_text(
        db, minute.id, "The family of the victim, Ms Secretname, had asked that the review be private."
    )
    minutes.add_resolution(db, minute.id, "the confidential findings about Ms Secretname be noted")
    minutes.set_public_summary(
        db, minute.id, "The Partnership considered the findings of a Domestic Homicide Review."
    )
    return minute.id


def test_minutes_pdf_has_every_part_of_seed_002_in_order(db, seed) -> None:  # type: ignore[no-untyped-def]
    pages = pdf_pages(build_minutes_pdf(db, seed.meeting_id))
    text = " ".join(pages)
    in_order(text, SEED_ORDER)
    assert "14." not in text  # thirteen minutes, numbered 1-13
    assert "ALSO PRESENT" not in text  # nobody was listed as also present
    assert "EXCLUSION OF THE PRESS" not in text  # nothing exempt


def test_running_header_on_later_pages_and_draft_on_every_page(db, seed) -> None:  # type: ignore[no-untyped-def]
    pages = pdf_pages(build_minutes_pdf(db, seed.meeting_id))
    assert len(pages) >= 3
    assert HEADER not in pages[0]
    for page in pages[1:]:
        assert page.startswith(HEADER) or HEADER in page[:200]
    for page in pages:
        assert DRAFT_MARK in page
        assert CONFIDENTIAL_MARK not in page


def test_confirmed_minutes_carry_no_draft_mark(db, seed) -> None:  # type: ignore[no-untyped-def]
    confirm_at_next_meeting(db, seed)
    pages = pdf_pages(build_minutes_pdf(db, seed.meeting_id))
    assert not any(DRAFT_MARK in page for page in pages)
    in_order(" ".join(pages), SEED_ORDER)


def test_also_present_declarations_arrivals_and_substitutes(db, seed) -> None:  # type: ignore[no-untyped-def]
    register = {r.last_name: r for r in attendance.list_attendance(db, seed.meeting_id)}
    from sst_desktop.services import people

    barton = people.create_person(db, PersonPatch(first_name="Ian", last_name="Barton")).after
    attendance.add_also_present(db, seed.meeting_id, barton.id, "Committee Officer")
    attendance.set_substitute(db, register["Sexton"].id, register["Bellamy"].person_id)
    attendance.set_present(db, register["White"].id, remote=True)
    attendance_times.set_arrival(db, register["Hollis"].id, time(10, 25), seed.item_ids[4])
    attendance_times.set_departure(db, register["Stanley"].id, time(11, 40), seed.item_ids[8])
    declarations.add_declaration(
        db,
        seed.meeting_id,
        DeclarationPatch(
            person_id=seed.person_ids["Hardy"],
            kind="disclosable_pecuniary",
            action="withdrew",
            nature="being the owner of land next to an encampment site",
            agenda_item_id=seed.item_ids[9],
        ),
    )
    text = " ".join(pdf_pages(build_minutes_pdf(db, seed.meeting_id)))
    in_order(
        text,
        [
            "PRESENT:",
            "Councillor Hardy (in the Chair)",
            "Kevin Sexton (substituting for Nigel Bellamy)",
            "Chris White (attending remotely)",
            "ALSO PRESENT:",
            "Ian Barton (Committee Officer).",
            "1. APOLOGIES FOR ABSENCE",
            "Apologies for absence were submitted from Nigel Bellamy, Neil Frackleton, Siobhan Grainger, Andrea Watts and "
            "Janette Maxwell.",
            "2. DECLARATIONS OF INTEREST",
            "Councillor Hardy declared a disclosable pecuniary interest in Minute No. 10 (Unauthorised "
            "Encampments) and left the room during the consideration of the item, taking no part in the "
            "discussion or vote. The nature of the interest was: being the owner of land next to an "
            "encampment site.",
            "5. PREVENT LOCAL PARTNERSHIPS HEALTH CHECK",
            "Kevin Hollis arrived at 10.25 am, during the consideration of this item.",
            "9. COMMUNITY SAFETY STRATEGY",
            "Rosanna Stanley left the meeting at 11.40 am, during the consideration of this item.",
        ],
    )
    assert NO_DECLARATIONS not in text


def test_public_minutes_hide_exempt_discussion_behind_the_exclusion_resolution(db, seed) -> None:  # type: ignore[no-untyped-def]
    _add_exempt_item(db, seed, paragraphs="3,7")
    pages = pdf_pages(build_minutes_pdf(db, seed.meeting_id, public=True))
    text = " ".join(pages)
    in_order(
        text,
        [
            "12. PUBLIC CONSULTATION FOR THE SERIOUS VIOLENCE DUTY",
            "EXCLUSION OF THE PRESS AND PUBLIC",
            "RESOLVED: That, under Section 100(A) of the Local Government Act 1972, the press and public be "
            "excluded from the meeting for the following item(s) of business on the grounds that it involves the "
            "likely disclosure of exempt information as defined in paragraph(s) 3 and 7 of Part 1 of Schedule 12A "
            "to the Act.",
            "13. DHR10 REPORT",
            "The Partnership considered the findings of a Domestic Homicide Review.",
            "14. DATE OF NEXT MEETING",
        ],
    )
    assert "Secretname" not in text
    assert not any(CONFIDENTIAL_MARK in page for page in pages)


def test_full_minutes_carry_everything_and_are_confidential_on_every_page(db, seed) -> None:  # type: ignore[no-untyped-def]
    _add_exempt_item(db, seed)
    pages = pdf_pages(build_minutes_pdf(db, seed.meeting_id, public=False))
    text = " ".join(pages)
    in_order(
        text,
        [
            "EXCLUSION OF THE PRESS AND PUBLIC",
            "paragraph(s) 7 of Part 1 of Schedule 12A to the Act.",
            "13. DHR10 REPORT",
            "The family of the victim, Ms Secretname, had asked that the review be private.",
            "RESOLVED: That the confidential findings about Ms Secretname be noted.",
            "14. DATE OF NEXT MEETING",
        ],
    )
    assert "The Partnership considered the findings" not in text
    for page in pages:
        assert CONFIDENTIAL_MARK in page


def test_exempt_item_without_summary_says_why_it_is_not_published(db, seed) -> None:  # type: ignore[no-untyped-def]
    minute_id = _add_exempt_item(db, seed)
    minutes.set_public_summary(db, minute_id, "")
    text = " ".join(pdf_pages(build_minutes_pdf(db, seed.meeting_id)))
    assert (
        "The minute of this item is not published: it contains exempt information as defined in paragraph(s) 7 "
        "of Part 1 of Schedule 12A to the Local Government Act 1972." in text
    )
    assert "Secretname" not in text


def test_deferred_and_withdrawn_items(db, seed) -> None:  # type: ignore[no-untyped-def]
    minutes.set_outcome(db, seed.minute_ids[9], "deferred")
    for resolution in minutes.get_minute(db, seed.minute_ids[9]).resolutions:
        minutes.remove_resolution(db, resolution.id)
    minutes.set_text(db, seed.minute_ids[9], "")
    minutes.set_outcome(db, seed.minute_ids[10], "withdrawn")
    text = " ".join(pdf_pages(build_minutes_pdf(db, seed.meeting_id)))
    in_order(
        text,
        [
            "10. UNAUTHORISED ENCAMPMENTS",
            "RESOLVED: That consideration of this item be deferred to a future meeting.",
            "11. PROJECT ADDER",
            "This item was withdrawn from the agenda.",
            "12. PUBLIC CONSULTATION",
        ],
    )


def test_committee_using_call_in_prints_the_call_in_period(db, seed) -> None:  # type: ignore[no-untyped-def]
    committees.update_committee(db, seed.committee_id, CommitteePatch(uses_call_in=True))
    text = " ".join(pdf_pages(build_minutes_pdf(db, seed.meeting_id)))
    assert NOT_SUBJECT_TO_CALL_IN not in text
    # Seven working days after Wednesday 22 June 2022.
    starts_with(text, 'THE "CALL-IN" PERIOD FOR THIS SET OF MINUTES ENDS AT 12 NOON ON FRIDAY 1ST JULY, 2022')


def test_references_to_earlier_minutes_are_printed(db, seed) -> None:  # type: ignore[no-untyped-def]
    earlier = minutes.open_minutes(db, seed.previous_id)
    minutes.add_reference(db, seed.minute_ids[4], earlier[0].id)
    text = " ".join(pdf_pages(build_minutes_pdf(db, seed.meeting_id)))
    in_order(
        text,
        [
            "5. PREVENT LOCAL PARTNERSHIPS HEALTH CHECK",
            "Further to Minute No. 1 of the meeting held on 17 March 2022.",
            "Steve Martlew gave an update on PREVENT.",
        ],
    )


def test_empty_minutes_export_with_the_parts_that_exist(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as session:
        committee = Committee(name="Prevent Sub-Group", short_name="PSG")
        session.add(committee)
        session.flush()
        bare = Meeting(committee_id=committee.id, date=date(2022, 10, 3))
        agenda_only = Meeting(committee_id=committee.id, date=date(2022, 11, 7), venue="Magdalen House")
        session.add_all([bare, agenda_only])
        session.flush()
        session.add(
            AgendaItem(
                meeting_id=agenda_only.id,
                position=0,
                title="Apologies for Absence",
                procedural_role=ProceduralRole.APOLOGIES,
            )
        )
        session.add(AgendaItem(meeting_id=agenda_only.id, position=1, title="Risk assessment"))
        ids = bare.id, agenda_only.id
    text = " ".join(pdf_pages(build_minutes_pdf(db, ids[0])))
    starts_with(text, f"{NOT_SUBJECT_TO_CALL_IN} PREVENT SUB-GROUP MEETING HELD ON MONDAY 3RD OCTOBER, 2022")
    assert "PRESENT" not in text
    assert public_minutes_pdf(db, ids[0]) is None
    text = " ".join(pdf_pages(build_minutes_pdf(db, ids[1])))
    in_order(
        text,
        [
            "MEETING HELD AT MAGDALEN HOUSE ON MONDAY 7TH NOVEMBER, 2022",
            "1. APOLOGIES FOR ABSENCE",
            NO_APOLOGIES,
            "2. RISK ASSESSMENT",
        ],
    )


def test_any_unicode_markup_and_very_long_text_render_intact(db, seed) -> None:  # type: ignore[no-untyped-def]
    tricky = "Zoë & Ó Súilleabháin said <b>not bold</b> & <img src='/etc/passwd'/> =SUM(A1) “quoted” — ok"
    long_text = " ".join(f"word{i}" for i in range(4000))
    minutes.set_text(db, seed.minute_ids[7], tricky + "\n\n" + long_text + "\n\n你好 مرحبا 😀 \x07bell")
    minutes.add_resolution(db, seed.minute_ids[7], "a <i>resolution</i> & more be noted")
    pdf = build_minutes_pdf(db, seed.meeting_id)
    text = " ".join(pdf_pages(pdf))
    in_order(text, ["8. SEFTON LOCAL PROFILE", tricky, "word0 word1", "word3999", "9. COMMUNITY SAFETY"])
    assert "(2) a <i>resolution</i> & more be noted." in text


def test_write_to_path_is_atomic_and_reports_bad_folders(db, seed, tmp_path) -> None:  # type: ignore[no-untyped-def]
    written = write_minutes_pdf(db, seed.meeting_id, tmp_path / "minutes.pdf")
    assert written.path.read_bytes().startswith(b"%PDF") and written.warnings == ()
    with pytest.raises(ExportError):
        write_minutes_pdf(db, seed.meeting_id, tmp_path / "missing" / "minutes.pdf")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_public_minutes_for_the_agenda_pack(db, seed) -> None:  # type: ignore[no-untyped-def]
    data = public_minutes_pdf(db, seed.meeting_id)
    assert data is not None
    in_order(" ".join(pdf_pages(data)), SEED_ORDER[:10])
