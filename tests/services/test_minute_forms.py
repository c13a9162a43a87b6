"""The forms of a minute through the services: two meetings confirmed in one item "subject to" a
correction (and withdrawn again), references typed for minutes from before these records, to a
resolution, the typed patches' validation and undo."""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest

from sst_desktop.domain.agenda_labels import item_labels, letter_label
from sst_desktop.domain.enums import ItemKind, ProceduralRole
from sst_desktop.exports.minutes_copy import copy_minutes
from sst_desktop.exports.minutes_docx import build_minutes_docx
from sst_desktop.exports.minutes_pdf import build_minutes_pdf
from sst_desktop.services import agenda, meetings, minutes
from sst_desktop.services.agenda_records import AgendaItemPatch
from sst_desktop.services.errors import ValidationError
from sst_desktop.services.meetings import MeetingPatch
from sst_desktop.services.minute_forms import (
    MinuteFormPatch,
    TypedReference,
    add_typed_reference,
    update_minute_form,
)
from sst_desktop.services.people import PersonPatch, get_person, update_person
from tests.exports.minutes_helpers import pdf_pages
from tests.meeting_factory import make_sst

CONFIRMED = (
    "That the Minutes of the meetings held on 22 June 2022 and 8 September 2022 be confirmed as a correct "
    "record subject to the addition of Superintendent McNally to the list of those present."
)


def _previous_minutes_item(db, meeting_id: int) -> int:  # type: ignore[no-untyped-def]
    item = agenda.add_item(
        db,
        meeting_id,
        "Minutes of Previous Meetings",
        AgendaItemPatch(kind=ItemKind.PROCEDURAL, procedural_role=ProceduralRole.PREVIOUS_MINUTES),
    ).after
    assert item is not None
    return minutes.minute_for_item(db, item.id).id


def test_one_item_confirms_two_meetings_subject_to_a_correction(db) -> None:  # type: ignore[no-untyped-def]
    sst = make_sst(db)
    minute = _previous_minutes_item(db, sst.december)
    subject = "the addition of Superintendent McNally to the list of those present"
    update_minute_form(
        db,
        minute,
        MinuteFormPatch(confirms_two_meetings=True, confirmed_subject_to=subject, minute_book_later=True),
    )
    offered = minutes.quick_phrases(db, minute)[0]
    assert offered.phrase == minutes.QuickPhrase.CORRECT_RECORD
    assert "That " + offered.text + "." == CONFIRMED

    minutes.confirm_previous_minutes(db, minute, copy_minutes)
    assert meetings.get_meeting(db, sst.june).minutes_confirmed_by_id == sst.december
    assert meetings.get_meeting(db, sst.september).minutes_confirmed_by_id == sst.december
    pdf = " ".join(pdf_pages(build_minutes_pdf(db, sst.december)))
    word = " ".join(
        " ".join(p.text.split())
        for p in docx.Document(io.BytesIO(build_minutes_docx(db, sst.december))).paragraphs
    )
    for text in (pdf, word):
        assert CONFIRMED in text
        assert "The Chair reported that the Minute book would be signed at a future meeting." in text

    minutes.withdraw_confirmation(db, minute, "Confirmed at the wrong meeting")
    assert meetings.get_meeting(db, sst.june).minutes_confirmed_at is None
    assert meetings.get_meeting(db, sst.september).minutes_confirmed_at is None
    assert minutes.get_minute(db, minute).resolutions == ()


def test_two_meetings_need_two_earlier_meetings(db) -> None:  # type: ignore[no-untyped-def]
    sst = make_sst(db)
    minute = _previous_minutes_item(db, sst.september)
    update_minute_form(db, minute, MinuteFormPatch(confirms_two_meetings=True))
    with pytest.raises(ValidationError, match="only one earlier meeting"):
        minutes.confirm_previous_minutes(db, minute, copy_minutes)
    assert meetings.get_meeting(db, sst.june).minutes_confirmed_at is None


def test_form_edits_are_validated_and_undone(db) -> None:  # type: ignore[no-untyped-def]
    sst = make_sst(db)
    minute = _previous_minutes_item(db, sst.september)
    change = update_minute_form(
        db, minute, MinuteFormPatch(moved_by="Councillor Hardy", seconded_by="Cllr Kelly")
    )
    assert (change.after.moved_by, change.after.seconded_by) == ("Councillor Hardy", "Cllr Kelly")
    change.undo(db)  # type: ignore[misc]
    assert minutes.get_minute(db, minute).moved_by == ""
    with pytest.raises(ValidationError, match="too long"):
        update_minute_form(db, minute, MinuteFormPatch(moved_by="x" * 201))
    with pytest.raises(ValidationError):
        update_minute_form(db, minute, MinuteFormPatch(decision_reasons="bad\x07bell"))


def test_typed_references_and_resolution_references(db) -> None:  # type: ignore[no-untyped-def]
    sst = make_sst(db)
    june_item = agenda.add_item(db, sst.june, "Serious Violence Duty").after
    assert june_item is not None
    june_minute = minutes.minute_for_item(db, june_item.id).id
    minutes.add_resolution(db, june_minute, "the report be noted")
    minute = _previous_minutes_item(db, sst.september)

    with pytest.raises(ValidationError, match="no Resolution 2"):
        minutes.add_reference(db, minute, june_minute, resolution_number=2)
    linked = minutes.add_reference(db, minute, june_minute, resolution_number=1)
    assert linked.after.references[0].resolution_number == 1  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="earlier meeting"):
        add_typed_reference(db, minute, TypedReference(date(2022, 9, 8), 3))
    with pytest.raises(ValidationError, match="whole number"):
        add_typed_reference(db, minute, TypedReference(date(2017, 12, 11), 0))
    typed = add_typed_reference(db, minute, TypedReference(date(2017, 12, 11), 29, committee="Cabinet"))
    record = typed.after
    assert record is not None
    sentence = minutes.reference_sentence(record.references)
    assert sentence == (
        "Further to Minute No. 29 of the meeting of the Cabinet held on 11 December 2017 and "
        f"Minute No. {minutes.get_minute(db, june_minute).number} (Resolution 1) of the meeting held on "
        "22 June 2022"
    )
    typed_id = next(r.id for r in record.references if r.typed)
    removed = minutes.remove_reference(db, typed_id)
    assert all(not r.typed for r in minutes.get_minute(db, minute).references)
    removed.undo(db)  # type: ignore[misc]
    back = [r for r in minutes.get_minute(db, minute).references if r.typed]
    assert [(r.committee_name, r.meeting_date, r.number) for r in back] == [
        ("Cabinet", date(2017, 12, 11), 29)
    ]

    # A deleted minute comes back with its typed reference and its form.
    update_minute_form(db, minute, MinuteFormPatch(references_inline=True))
    gone = minutes.delete_minute(db, minute)
    restored = minutes.restore_minute(db, gone)
    assert restored.references_inline
    assert {r.typed for r in restored.references} == {True, False}


def test_meeting_title_prefix_and_item_fields_are_checked(db) -> None:  # type: ignore[no-untyped-def]
    sst = make_sst(db)
    with pytest.raises(ValidationError, match="too long"):
        meetings.update_meeting(db, sst.june, MeetingPatch(title_prefix="x" * 101))
    item = agenda.add_item(db, sst.june, "Welcome").after
    assert item is not None
    with pytest.raises(ValidationError, match="not a way of numbering"):
        agenda.update_item(db, item.id, AgendaItemPatch(numbering="roman"))  # type: ignore[arg-type]
    change = agenda.update_item(db, item.id, AgendaItemPatch(flag="new"))
    assert change.after is not None and change.after.flag == "NEW"
    change.undo(db)  # type: ignore[misc]
    assert agenda.get_item(db, item.id).flag == ""


def test_item_labels_count_only_numbered_items() -> None:
    from sst_desktop.domain.enums import ItemNumbering
    from sst_desktop.services.agenda_records import AgendaItemRecord

    items = [
        AgendaItemRecord(1, 1, 0, "Welcome", numbering=ItemNumbering.NONE),
        AgendaItemRecord(2, 1, 1, "Apologies"),
        AgendaItemRecord(3, 1, 2, "Housing"),
        AgendaItemRecord(4, 1, 3, "Rents", numbering=ItemNumbering.LETTER),
        AgendaItemRecord(5, 1, 4, "Repairs", numbering=ItemNumbering.LETTER),
        AgendaItemRecord(6, 1, 5, "Transport"),
    ]
    assert item_labels(items) == {1: "", 2: "1", 3: "2", 4: "(A)", 5: "(B)", 6: "3"}
    assert [letter_label(n) for n in (1, 26, 27)] == ["A", "Z", "AA"]


def test_known_as_is_kept_and_checked(db) -> None:  # type: ignore[no-untyped-def]
    sst = make_sst(db)
    person = sst.people["Burnett"]
    update_person(db, person, PersonPatch(known_as="Si"))
    assert get_person(db, person).known_as == "Si"
    with pytest.raises(ValidationError, match="too long"):
        update_person(db, person, PersonPatch(known_as="x" * 101))
