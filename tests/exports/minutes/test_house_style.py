"""Each element of a committee's document style, set through the services and read back from the
minutes' PDF (pypdf) and Word file (python-docx); the default style prints the seed as before."""

from __future__ import annotations

import io
from dataclasses import replace

import docx
import pytest

from sst_desktop.domain.enums import AttendanceStatus
from sst_desktop.exports.minutes_docx import build_minutes_docx
from sst_desktop.exports.minutes_pdf import build_minutes_pdf, public_minutes_pdf
from sst_desktop.services import attendance, meetings, minutes, people
from sst_desktop.services.document_style import DEFAULT_STYLE, DocumentStyle
from sst_desktop.services.document_styles import set_committee_style, set_meeting_sentence
from sst_desktop.services.errors import ConfirmedMinutesError
from sst_desktop.services.meetings import MeetingPatch
from sst_desktop.services.people import PersonPatch
from tests.exports.minutes.conftest import HEADER
from tests.exports.minutes_helpers import SEED_ORDER, in_order, pdf_pages


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    return " ".join(" ".join(p.text.replace("\t", " ").split()) for p in document.paragraphs)


def both(db, seed, **settings) -> list[str]:  # type: ignore[no-untyped-def]
    """The minutes' text as the PDF and as the Word file print them in a style with ``settings``."""
    set_committee_style(db, seed.committee_id, replace(DEFAULT_STYLE, **settings))
    pdf = " ".join(pdf_pages(build_minutes_pdf(db, seed.meeting_id))).replace(HEADER, " ")
    words = [w for w in pdf.split() if w != "DRAFT"]  # the mark on every page
    return [" ".join(words), docx_text(build_minutes_docx(db, seed.meeting_id))]


def test_the_default_style_prints_the_seed_as_before(db, seed) -> None:  # type: ignore[no-untyped-def]
    for text in both(db, seed):
        in_order(text, SEED_ORDER)


# ---------------------------------------------------------------------------------------------- opening


def test_the_call_in_statement_can_be_left_out_or_reworded(db, seed) -> None:  # type: ignore[no-untyped-def]
    for text in both(db, seed, call_in_statement=False):
        assert "CALL-IN" not in text
        assert text.startswith("SAFER SEFTON TOGETHER")
    for text in both(db, seed, not_call_in_text="THESE MINUTES ARE NOT SUBJECT TO CALL-IN"):
        assert text.startswith("THESE MINUTES ARE NOT SUBJECT TO CALL-IN SAFER SEFTON TOGETHER")


def test_the_held_at_wording(db, seed) -> None:  # type: ignore[no-untyped-def]
    for text in both(db, seed, held_at="MEETING HELD AT THE"):
        assert "MEETING HELD AT THE BOOTLE TOWN HALL ON WEDNESDAY 22ND JUNE, 2022" in text


def test_the_not_open_notice_and_the_open_statement(db, seed) -> None:  # type: ignore[no-untyped-def]
    notice = "(PLEASE NOTE: THIS MEETING IS NOT OPEN TO THE PUBLIC)"
    statement = "THIS MEETING WAS OPEN TO THE PUBLIC"
    for text in both(db, seed, minutes_not_open_notice=notice, minutes_open_statement=statement):
        in_order(text, ["2022", statement, "PRESENT:"])
        assert notice not in text
    meetings.update_meeting(db, seed.meeting_id, MeetingPatch(open_to_public=False))
    for text in both(db, seed, minutes_not_open_notice=notice, minutes_open_statement=statement):
        in_order(text, ["2022", notice, "PRESENT:"])
        assert statement not in text


# ---------------------------------------------------------------------------------------------- PRESENT


@pytest.fixture
def councillors(db, seed):  # type: ignore[no-untyped-def]
    """Kevin Hollis and Chris White sit as councillors; an officer attends."""
    for name in ("Hollis", "White"):
        people.update_person(db, seed.person_ids[name], PersonPatch(title="Councillor"))
    officer = people.create_person(
        db, PersonPatch(first_name="Ian", last_name="Barton", job_title="Democratic Services Officer")
    ).after
    assert officer is not None
    people.set_organisation(db, officer.id, "Sefton Council")
    attendance.add_attendee(db, seed.meeting_id, officer.id, capacity="Democratic Services")
    return seed


def test_present_in_register_order_by_default(db, councillors) -> None:  # type: ignore[no-untyped-def]
    for text in both(db, councillors):
        assert (
            "Simon Burnett, Risthardh Hare, Councillor Hollis, Superintendent Graeme Robson, Rosanna Stanley, "
            "Chief Inspector Tracy Trubshaw, Councillor White and Steven Martlew." in text
        )
        assert "ALSO PRESENT: Ian Barton (Democratic Services)." in text


def test_present_councillors_first_grouped(db, councillors) -> None:  # type: ignore[no-untyped-def]
    for text in both(db, councillors, present_order="councillors_first", group_councillors=True):
        assert (
            "Councillor Hardy (in the Chair) Councillors Hollis and White, Simon Burnett, Risthardh Hare,"
            in text
        )


def test_present_by_surname_with_first_names(db, councillors) -> None:  # type: ignore[no-untyped-def]
    for text in both(db, councillors, present_order="surname", councillor_first_names=True):
        assert (
            "Simon Burnett, Risthardh Hare, Councillor Kevin Hollis, Steven Martlew, Superintendent Graeme "
            "Robson, Rosanna Stanley, Chief Inspector Tracy Trubshaw and Councillor Chris White." in text
        )
        assert "Councillor Trish Hardy (in the Chair)" in text


def test_also_present_with_organisation_or_nothing_in_brackets(db, councillors) -> None:  # type: ignore[no-untyped-def]
    for text in both(db, councillors, also_present_brackets="organisation"):
        assert "ALSO PRESENT: Ian Barton (Sefton Council)." in text
    for text in both(db, councillors, also_present_brackets="none"):
        assert "ALSO PRESENT: Ian Barton." in text


# ---------------------------------------------------------------------------------------------- sentences


def test_apologies_received_from_with_roles(db, seed) -> None:  # type: ignore[no-untyped-def]
    people.update_person(db, seed.person_ids["Bellamy"], PersonPatch(job_title="Sefton CVS"))
    for text in both(
        db, seed, apologies_text="Apologies for absence were received from {names}.", apologies_roles=True
    ):
        assert (
            "Apologies for absence were received from Nigel Bellamy (Sefton CVS), Neil Frackleton, "
            "Siobhan Grainger, Kevin Sexton, Andrea Watts and Janette Maxwell." in text
        )


def test_one_apology_in_the_singular(db, seed) -> None:  # type: ignore[no-untyped-def]
    for record in attendance.list_attendance(db, seed.meeting_id):
        if record.status == AttendanceStatus.APOLOGIES and record.last_name != "Watts":
            attendance.set_absent(db, record.id)
    for text in both(db, seed, apology_text="An apology for absence was received from {names}."):
        assert "An apology for absence was received from Andrea Watts." in text


def test_no_apologies_and_no_declarations_sentences(db, seed) -> None:  # type: ignore[no-untyped-def]
    for record in attendance.list_attendance(db, seed.meeting_id):
        if record.status == AttendanceStatus.APOLOGIES:
            attendance.set_absent(db, record.id)
    words = {"no_apologies_text": "There were no apologies.", "no_declarations_text": "None were declared."}
    for text in both(db, seed, **words):
        in_order(text, ["1. APOLOGIES FOR ABSENCE There were no apologies.", "None were declared."])


def test_the_officer_replaces_a_generated_sentence_for_one_meeting(db, seed) -> None:  # type: ignore[no-untyped-def]
    minutes.set_text(db, seed.minute_ids[0], "Typed note about the apologies.")
    own = "Apologies for absence were received from all the partners not named above."
    set_meeting_sentence(db, seed.meeting_id, "apologies", own)
    set_meeting_sentence(db, seed.meeting_id, "declarations", "Councillor Hardy declared nothing.")
    for text in both(db, seed):
        in_order(
            text,
            [
                f"1. APOLOGIES FOR ABSENCE {own} Typed note about the apologies.",
                "2. DECLARATIONS OF INTEREST Councillor Hardy declared nothing. 3.",
            ],
        )
        assert "submitted from" not in text and "No declarations" not in text
    set_meeting_sentence(db, seed.meeting_id, "apologies", "")  # back to the generated sentence
    for text in both(db, seed):
        assert "Apologies for absence were submitted from Nigel Bellamy" in text


def test_confirmed_minutes_keep_their_sentences(db, seed) -> None:  # type: ignore[no-untyped-def]
    from tests.minutes_data import confirm_at_next_meeting

    confirm_at_next_meeting(db, seed)
    with pytest.raises(ConfirmedMinutesError):
        set_meeting_sentence(db, seed.meeting_id, "apologies", "Something else.")


# ---------------------------------------------------------------------------------------------- RESOLVED


def test_resolved_always_on_its_own_line(db, seed) -> None:  # type: ignore[no-untyped-def]
    set_committee_style(db, seed.committee_id, replace(DEFAULT_STYLE, resolved_own_line="always"))
    document = docx.Document(io.BytesIO(build_minutes_docx(db, seed.meeting_id)))
    lines = [p.text for p in document.paragraphs]
    at = lines.index("That the briefing paper be noted.")
    assert lines[at - 1] == "RESOLVED:"
    pages = " ".join(pdf_pages(build_minutes_pdf(db, seed.meeting_id)))
    assert "RESOLVED: That the briefing paper be noted." in pages  # the lines follow each other


def test_resolved_inline_for_procedural_items_too(db, seed) -> None:  # type: ignore[no-untyped-def]
    set_committee_style(db, seed.committee_id, replace(DEFAULT_STYLE, resolved_own_line="never"))
    document = docx.Document(io.BytesIO(build_minutes_docx(db, seed.meeting_id)))
    assert (
        "RESOLVED: That the Minutes of the meeting held on 17 March 2022 be confirmed as a correct record."
        in [p.text for p in document.paragraphs]
    )
    set_committee_style(db, seed.committee_id, DEFAULT_STYLE)
    document = docx.Document(io.BytesIO(build_minutes_docx(db, seed.meeting_id)))
    assert "RESOLVED:" in [p.text for p in document.paragraphs]  # the seed: on its own line


def test_resolved_that_colon_and_part_punctuation(db, seed) -> None:  # type: ignore[no-untyped-def]
    for text in both(db, seed, resolved_that="That:", resolved_punctuation="full_stop"):
        assert "RESOLVED: That: (1) the report be noted. (2) a further report be submitted" in text
    for text in both(db, seed, resolved_punctuation="none"):
        assert (
            "(1) the report be noted (2) a further report be submitted to the next meeting regarding the"
            in text
        )
    for text in both(db, seed, resolved_punctuation="semicolon"):
        assert "(1) the report be noted; (2) a further report" in text


# ---------------------------------------------------------------------------------------------- pages


def test_page_numbers_in_the_footer_from_the_first_page_number(db, seed) -> None:  # type: ignore[no-untyped-def]
    style = replace(DEFAULT_STYLE, page_numbers="footer", first_page_number=117)
    set_committee_style(db, seed.committee_id, style)
    pages = pdf_pages(build_minutes_pdf(db, seed.meeting_id))
    assert len(pages) >= 2
    assert pages[0].split()[:4] == ["DRAFT", "DRAFT", "117", "THIS"]  # drawn with the page, before its text
    for index, page in enumerate(pages[1:], start=1):
        assert page.split("2022")[1].split()[0] == str(117 + index)  # after the running header
    document = docx.Document(io.BytesIO(build_minutes_docx(db, seed.meeting_id)))
    section = document.sections[0]
    footer = section.footer._element.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="PAGE"' in section.first_page_footer._element.xml
    assert 'w:start="117"' in section._sectPr.xml
    assert 'w:instr="PAGE"' not in section.header._element.xml


def test_page_numbers_in_the_header(db, seed) -> None:  # type: ignore[no-untyped-def]
    set_committee_style(db, seed.committee_id, replace(DEFAULT_STYLE, page_numbers="header"))
    pages = pdf_pages(build_minutes_pdf(db, seed.meeting_id))
    assert pages[0].split()[:3] == ["DRAFT", "DRAFT", "1"]
    assert pages[1].split("2022")[1].split()[0] == "2"
    document = docx.Document(io.BytesIO(build_minutes_docx(db, seed.meeting_id)))
    assert 'w:instr="PAGE"' in document.sections[0].header._element.xml


def test_no_page_numbers_by_default(db, seed) -> None:  # type: ignore[no-untyped-def]
    pages = pdf_pages(build_minutes_pdf(db, seed.meeting_id))
    assert pages[0].split()[:3] == ["DRAFT", "DRAFT", "THIS"]
    assert pages[1].split("2022")[1].split()[0] == "5."  # the running header, then the next minute
    document = docx.Document(io.BytesIO(build_minutes_docx(db, seed.meeting_id)))
    assert "PAGE" not in document.sections[0].footer._element.xml


# ---------------------------------------------------------------------------------------------- the pack's copy


def test_unconfirmed_minutes_in_the_next_pack_without_the_draft_mark(db, seed) -> None:  # type: ignore[no-untyped-def]
    assert "DRAFT" in pdf_pages(public_minutes_pdf(db, seed.meeting_id) or b"")[0]
    set_committee_style(db, seed.committee_id, DocumentStyle(pack_minutes_draft=False))
    circulated = pdf_pages(public_minutes_pdf(db, seed.meeting_id) or b"")
    assert not any("DRAFT" in page for page in circulated)
    assert (
        "DRAFT" in pdf_pages(build_minutes_pdf(db, seed.meeting_id))[0]
    )  # the minutes themselves still say so
