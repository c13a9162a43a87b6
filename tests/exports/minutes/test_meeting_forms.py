"""A council's own forms, set through the services and read back from the agenda PDF and from the
minutes as PDF and as Word: meeting prefix and title, section headings, flags, unnumbered and
lettered items, sub-sections, references, moved/seconded, the decision form, the Minute book signed
later, declarations as a table and known-as names."""

from __future__ import annotations

import io
from datetime import date

import docx

from sst_desktop.domain.enums import DeclarationAction, InterestKind, ItemKind, ItemNumbering
from sst_desktop.exports.agenda_pdf import build_agenda_pdf
from sst_desktop.exports.minutes_docx import build_minutes_docx
from sst_desktop.exports.minutes_pdf import build_minutes_pdf
from sst_desktop.services import agenda, declarations, meetings, minutes
from sst_desktop.services.agenda_records import AgendaItemPatch
from sst_desktop.services.committees import CommitteePatch, update_committee
from sst_desktop.services.declarations import DeclarationPatch
from sst_desktop.services.meetings import MeetingPatch
from sst_desktop.services.minute_forms import (
    MinuteFormPatch,
    TypedReference,
    add_typed_reference,
    update_minute_form,
)
from sst_desktop.services.people import PersonPatch, update_person
from tests.exports.minutes.conftest import HEADER
from tests.exports.minutes_helpers import in_order, pdf_pages


def _pdf(db, meeting_id: int) -> str:  # type: ignore[no-untyped-def]
    return " ".join(pdf_pages(build_minutes_pdf(db, meeting_id))).replace(HEADER, " ")


def _word_document(db, meeting_id: int):  # type: ignore[no-untyped-def]
    return docx.Document(io.BytesIO(build_minutes_docx(db, meeting_id)))


def _word(db, meeting_id: int) -> str:  # type: ignore[no-untyped-def]
    document = _word_document(db, meeting_id)
    return " ".join(" ".join(p.text.replace("\t", " ").split()) for p in document.paragraphs)


def _both(db, meeting_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [_pdf(db, meeting_id), _word(db, meeting_id)]


def _agenda(db, meeting_id: int) -> str:  # type: ignore[no-untyped-def]
    return " ".join(pdf_pages(build_agenda_pdf(db, meeting_id).pdf))


def test_meeting_prefix_and_themed_title_print_on_agenda_and_minutes(db, seed) -> None:  # type: ignore[no-untyped-def]
    patch = MeetingPatch(title_prefix="Adjourned", session_title="Themed session: Serious Violence Duty")
    change = meetings.update_meeting(db, seed.meeting_id, patch)
    assert change.after is not None and change.after.title_prefix == "Adjourned"
    for text in _both(db, seed.meeting_id):
        in_order(
            text,
            [
                "SAFER SEFTON TOGETHER",
                "THEMED SESSION: SERIOUS VIOLENCE DUTY",
                "ADJOURNED MEETING HELD AT BOOTLE TOWN HALL ON WEDNESDAY 22ND JUNE, 2022",
            ],
        )
    in_order(_agenda(db, seed.meeting_id), ["Safer Sefton Together", "Adjourned Meeting", "Themed session"])
    change.undo(db)  # type: ignore[misc]
    assert "ADJOURNED" not in _pdf(db, seed.meeting_id)


def test_agenda_flags_sections_unnumbered_and_lettered_items(db, seed) -> None:  # type: ignore[no-untyped-def]
    welcome = agenda.add_item(
        db,
        seed.meeting_id,
        "Welcome and introductions",
        AgendaItemPatch(numbering=ItemNumbering.NONE),
        position=0,
    ).after
    assert welcome is not None
    items = seed.item_ids
    agenda.update_item(db, items[0], AgendaItemPatch(section_heading="Public Session"))
    agenda.update_item(db, items[4], AgendaItemPatch(flag="postponed"))
    agenda.update_item(db, items[5], AgendaItemPatch(numbering=ItemNumbering.LETTER))
    agenda.update_item(db, items[6], AgendaItemPatch(numbering=ItemNumbering.LETTER))
    agenda.update_item(db, items[7], AgendaItemPatch(section_heading="Part 2 - not open to the public"))

    text = _agenda(db, seed.meeting_id)
    in_order(
        text,
        [
            "Welcome and introductions",
            "Public Session",
            "1. Apologies for Absence",
            "2. Declarations of Interest",
            "5. Prevent Local Partnerships Health Check - POSTPONED",
            "(A) OFSTED Report on links with Domestic Abuse",
            "(B)",
            "Part 2 - not open to the public",
            "6.",
        ],
    )
    assert "1. Welcome" not in text

    for minutes_text in _both(db, seed.meeting_id):
        in_order(
            minutes_text,
            [
                "WELCOME AND INTRODUCTIONS",
                "PUBLIC SESSION",
                "1. APOLOGIES FOR ABSENCE",
                "5. PREVENT LOCAL PARTNERSHIPS HEALTH CHECK",
                "(A) OFSTED REPORT ON LINKS WITH DOMESTIC ABUSE",
                "(B)",
                "PART 2 - NOT OPEN TO THE PUBLIC",
                "6.",
            ],
        )
    numbers = {m.agenda_item_id: m.number for m in minutes.open_minutes(db, seed.meeting_id)}
    assert numbers[welcome.id] is None and numbers[items[0]] == 1 and numbers[items[5]] is None


def test_an_items_sub_sections_print_as_headings(db, seed) -> None:  # type: ignore[no-untyped-def]
    minute = seed.minute_ids[3]
    minutes.set_text(
        db, minute, "(I) Reviews under way\nThree reviews are open.\n\n(II) Chairs\nTwo chairs left."
    )
    for text in _both(db, seed.meeting_id):
        in_order(
            text, ["(I) Reviews under way", "Three reviews are open.", "(II) Chairs", "Two chairs left."]
        )
    document = _word_document(db, seed.meeting_id)
    heading = next(p for p in document.paragraphs if p.text.startswith("(I)"))
    assert any(run.bold for run in heading.runs if "Reviews" in run.text)


def test_references_to_a_resolution_another_committee_and_before_the_records(db, seed) -> None:  # type: ignore[no-untyped-def]
    # 8 September refers to 22 June's minute 4, resolution 2, and to two minutes from before these records.
    target = seed.minute_ids[3]
    number = minutes.get_minute(db, target).number
    later = minutes.minute_for_item(db, agenda.add_item(db, seed.next_id, "DHR update").after.id)  # type: ignore[union-attr]
    minutes.add_reference(db, later.id, target, resolution_number=2)
    add_typed_reference(
        db, later.id, TypedReference(date(2017, 12, 11), 29, committee="", resolution_number=None)
    )
    add_typed_reference(db, later.id, TypedReference(date(2018, 1, 15), 114, committee="Cabinet"))
    minutes.set_text(db, later.id, "the Partnership considered the DHR progress report.")
    update_minute_form(db, later.id, MinuteFormPatch(references_inline=True))
    expected = (
        "Further to Minute No. 29 of the meeting held on 11 December 2017, Minute No. 114 of the meeting of the "
        "Cabinet held on 15 January 2018 and Minute No. "
        f"{number} (Resolution 2) of the meeting held on 22 June 2022, the Partnership considered the DHR "
        "progress report."
    )
    for text in _both(db, seed.next_id):
        assert expected in text


def test_moved_seconded_decision_form_and_minute_book(db, seed) -> None:  # type: ignore[no-untyped-def]
    update_minute_form(
        db,
        seed.minute_ids[7],
        MinuteFormPatch(
            moved_by="Councillor Hardy",
            seconded_by="Councillor Kelly",
            decision_reasons="To meet the Serious Violence Duty.",
            alternative_options="None.",
        ),
    )
    update_minute_form(db, seed.minute_ids[2], MinuteFormPatch(minute_book_later=True))
    for text in _both(db, seed.meeting_id):
        in_order(
            text,
            [
                "That the Minutes of the meeting held on 17 March 2022 be confirmed as a correct record.",
                "The Chair reported that the Minute book would be signed at a future meeting.",
                "Decision Made:",
                "It was moved by Councillor Hardy, seconded by Councillor Kelly and",
                "RESOLVED: That",
                "Reasons for the Decision:",
                "To meet the Serious Violence Duty.",
                "Alternative Options Considered and Rejected:",
                "None.",
            ],
        )


def test_declarations_as_the_councils_table_and_known_as_names(db, seed) -> None:  # type: ignore[no-untyped-def]
    update_person(db, seed.person_ids["White"], PersonPatch(known_as="Chris J."))
    declarations.add_declaration(
        db,
        seed.meeting_id,
        DeclarationPatch(
            person_id=seed.person_ids["Hardy"],
            agenda_item_id=seed.item_ids[3],
            kind=InterestKind.OTHER_REGISTRABLE,
            nature="Trustee of a local charity",
            action=DeclarationAction.REMAINED,
        ),
    )
    sentence = "Councillor Hardy declared a personal interest (other registrable interest) in Minute No. 4"
    assert sentence in _pdf(db, seed.meeting_id)
    update_committee(db, seed.committee_id, CommitteePatch(declarations_as_table=True))
    pdf = _pdf(db, seed.meeting_id)
    in_order(pdf, ["Member Minute No. Nature of Interest", "Councillor Hardy 4 Trustee of a local charity"])
    assert sentence not in pdf
    assert "Chris J. White" in pdf
    document = _word_document(db, seed.meeting_id)
    rows = [[c.text for c in row.cells] for row in document.tables[-1].rows]
    assert rows == [
        ["Member", "Minute No.", "Nature of Interest"],
        ["Councillor Hardy", "4", "Trustee of a local charity"],
    ]
    assert "Chris J. White" in _word(db, seed.meeting_id)


def test_unset_forms_change_nothing(db, seed) -> None:  # type: ignore[no-untyped-def]
    before = (
        build_minutes_pdf(db, seed.meeting_id),
        _word(db, seed.meeting_id),
        _agenda(db, seed.meeting_id),
    )
    update_minute_form(db, seed.minute_ids[3], MinuteFormPatch(moved_by="", references_inline=False))
    agenda.update_item(
        db, seed.item_ids[3], AgendaItemPatch(flag="", section_heading="", kind=ItemKind.REPORT)
    )
    after = (build_minutes_pdf(db, seed.meeting_id), _word(db, seed.meeting_id), _agenda(db, seed.meeting_id))
    assert before == after
