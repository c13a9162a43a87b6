"""Confirmed minutes print exactly as they were confirmed, whatever the directory says later."""

from __future__ import annotations

import io
from datetime import date

from docx import Document

from sst_desktop.exports.minutes_content import DRAFT_MARK
from sst_desktop.exports.minutes_docx import build_minutes_docx
from sst_desktop.exports.minutes_pdf import build_minutes_pdf, public_minutes_pdf
from sst_desktop.services import actions, committees, meetings, minutes, organisations, people
from sst_desktop.services.actions import ActionPatch
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.services.meetings import MeetingPatch
from sst_desktop.services.minutes_copies import stored_copy
from sst_desktop.services.organisations import OrganisationPatch
from sst_desktop.services.people import PersonPatch
from tests.exports.minutes_helpers import pdf_pages
from tests.minutes_data import confirm_at_next_meeting


def _docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    headers = [p.text for s in document.sections for p in s.header.paragraphs]
    return "\n".join(paragraphs + cells + headers)


def _documents(db, meeting_id: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "public pdf": pdf_pages(build_minutes_pdf(db, meeting_id, public=True)),
        "full pdf": pdf_pages(build_minutes_pdf(db, meeting_id, public=False)),
        "word": _docx_text(build_minutes_docx(db, meeting_id)),
    }


def _owned_action(db, seed) -> int:  # type: ignore[no-untyped-def]
    council = organisations.create_organisation(db, "Sefton Council").after
    people.update_person(db, seed.person_ids["Burnett"], PersonPatch(organisation_id=council.id))
    return actions.create_action(
        db,
        minute_id=seed.minute_ids[3],
        text="Report the cost of chairs' training",
        owner_person_id=seed.person_ids["Burnett"],
        due_date=date(2022, 9, 1),
    ).after.id


def test_confirmed_minutes_print_as_confirmed_after_the_directory_changes(db, seed) -> None:  # type: ignore[no-untyped-def]
    action_id = _owned_action(db, seed)
    confirm_at_next_meeting(db, seed)
    confirmed = _documents(db, seed.meeting_id)
    assert "SAFER SEFTON TOGETHER" in confirmed["public pdf"][0]
    assert "Councillor Hardy (in the Chair)" in " ".join(confirmed["public pdf"])
    assert "Superintendent Graeme Robson" in confirmed["word"]
    assert "Simon Burnett, Sefton Council; by 1 September 2022" in " ".join(confirmed["full pdf"])
    assert not any(DRAFT_MARK in page for page in confirmed["public pdf"])

    # The committee is renamed, people's names and titles corrected, the organisation renamed, the
    # action's due date moved, and the venue and call-in corrected on the meeting and committee.
    committees.update_committee(
        db, seed.committee_id, CommitteePatch(name="Sefton Community Safety Board", uses_call_in=True)
    )
    people.update_person(db, seed.person_ids["Hardy"], PersonPatch(title="Cllr", last_name="Hardy-Jones"))
    people.update_person(
        db, seed.person_ids["Robson"], PersonPatch(title="Chief Superintendent", first_name="Graham")
    )
    organisations.update_organisation(
        db, actions.get_action(db, action_id).organisation_id, OrganisationPatch(name="Sefton MBC")
    )
    actions.update_action(db, action_id, ActionPatch(due_date=date(2022, 12, 8)))
    meetings.update_meeting(db, seed.meeting_id, MeetingPatch(venue="Southport Town Hall"))

    assert _documents(db, seed.meeting_id) == confirmed
    assert public_minutes_pdf(db, seed.meeting_id) is not None
    assert pdf_pages(public_minutes_pdf(db, seed.meeting_id)) == confirmed["public pdf"]  # the next pack

    # Draft minutes follow the directory.
    draft = " ".join(pdf_pages(build_minutes_pdf(db, seed.next_id)))
    assert "SEFTON COMMUNITY SAFETY BOARD" in draft
    assert DRAFT_MARK in draft


def test_withdrawing_the_confirmation_drops_the_copy(db, seed) -> None:  # type: ignore[no-untyped-def]
    minute_id = confirm_at_next_meeting(db, seed).id
    assert stored_copy(db, seed.meeting_id, public=True) is not None
    minutes.withdraw_confirmation(db, minute_id, "confirmed at the wrong meeting")
    assert stored_copy(db, seed.meeting_id, public=True) is None
    committees.update_committee(db, seed.committee_id, CommitteePatch(name="Sefton Community Safety Board"))
    text = " ".join(pdf_pages(build_minutes_pdf(db, seed.meeting_id)))
    assert "SEFTON COMMUNITY SAFETY BOARD" in text and DRAFT_MARK in text


def test_minutes_confirmed_before_copies_were_kept_are_copied_when_first_printed(db, seed) -> None:  # type: ignore[no-untyped-def]
    from sst_desktop.domain import ConfirmedMinutesCopy

    confirm_at_next_meeting(db, seed)
    with db.write() as session:  # as an older database has them: confirmed, no copy
        session.query(ConfirmedMinutesCopy).delete()
    first = _documents(db, seed.meeting_id)
    assert stored_copy(db, seed.meeting_id, public=False) is not None
    committees.update_committee(db, seed.committee_id, CommitteePatch(name="Sefton Community Safety Board"))
    assert _documents(db, seed.meeting_id) == first
