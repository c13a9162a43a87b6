"""A report's recommendations as draft resolutions, read from the text stored with the report."""

from __future__ import annotations

from sst_desktop.demo.report_texts import VAWG
from sst_desktop.demo.reports import render_report
from sst_desktop.services.attachments import attach_pdf
from sst_desktop.services.recommendations import drafts
from sst_desktop.services.suggestions import vocabulary
from sst_desktop.storage.engine import Database
from tests.minutes_data import build_committee_and_meetings


def test_a_recommendation_paragraph_becomes_a_clause_without_that() -> None:
    text = "Purpose\nTo update SST.\nRecommendation\nThat: SST members note the contents of the report.\n1. Introduction\n1.1 Prevent is a duty."
    assert drafts(text) == ["SST members note the contents of the report"]


def test_numbered_paragraphs_wrap_and_each_is_a_draft() -> None:
    text = (
        "2 Recommendations\n2.1 SST notes the contents of the report and are asked to suggest\n"
        "any boards that are not represented.\n2.2 SST agrees the plan.\n3 Background\n3.1 The Act of 1998."
    )
    assert drafts(text) == [
        "SST notes the contents of the report and are asked to suggest any boards that are not represented",
        "SST agrees the plan",
    ]


def test_bullets_are_drafts_of_their_own_and_a_report_without_the_section_has_none() -> None:
    text = "6 Recommendations\n6.1 SST are asked to\n • Agree to the priorities for a VAWG action plan\n• Agree the VAWG statement\n"
    assert drafts(text) == ["Agree to the priorities for a VAWG action plan", "Agree the VAWG statement"]
    assert drafts("1 Purpose\nNothing is recommended here.\n") == []


def test_an_attached_reports_recommendations_are_offered_for_its_item(db: Database) -> None:
    seed = build_committee_and_meetings(db)
    report = render_report(VAWG)
    attach_pdf(db, seed.item_ids[3], report.content, report.filename, title=report.title)
    read = vocabulary(db, seed.meeting_id)
    assert read.recommendations[seed.item_ids[3]] == (
        "Agree to the priorities for a VAWG action plan",
        "Agree the VAWG statement",
    )
    assert read.recommendations[seed.item_ids[4]] == ()
    assert any("VAWG statement" in text for text in read.texts)  # the report's words complete too
