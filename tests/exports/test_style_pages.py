"""The Documents tab's preview page: printed by the real exporters in a style not yet saved, from the
committee's latest meeting or a made-up one, and drawn as a PNG of the expected size."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from PIL import Image

from sst_desktop.domain.enums import CommitteeKind
from sst_desktop.exports.style_pages import page_png, sample_page, sample_pdf
from sst_desktop.services import agenda, attendance, committees
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.services.document_style import DEFAULT_STYLE
from sst_desktop.services.document_styles import committee_style
from sst_desktop.services.meetings import list_meetings
from tests.exports.minutes_helpers import pdf_pages
from tests.meeting_factory import make_sst

A4_WIDTH, A4_HEIGHT = 595.28, 841.89  # points


@pytest.fixture
def new_committee(db):  # type: ignore[no-untyped-def]
    record = committees.create_committee(
        db, CommitteePatch(name="Overview and Scrutiny", short_name="OSC", kind=CommitteeKind.COMMITTEE)
    ).after
    assert record is not None
    return record


def test_a_committee_without_meetings_shows_the_sample_in_the_unsaved_style(db, new_committee) -> None:  # type: ignore[no-untyped-def]
    style = replace(DEFAULT_STYLE, call_in_statement=True, not_call_in_text="NOT FOR CALL-IN BY SCRUTINY")
    first = pdf_pages(sample_pdf(db, new_committee, style, "minutes"))[0]
    assert first.startswith("NOT FOR CALL-IN BY SCRUTINY OVERVIEW AND SCRUTINY")
    assert "Apologies for absence were submitted from Nigel Bellamy and Andrea Watts." in first
    agenda_page = pdf_pages(
        sample_pdf(db, new_committee, replace(style, agenda_title="A G E N D A"), "agenda")
    )
    assert agenda_page[0].startswith("A G E N D A Overview and Scrutiny")
    assert committee_style(db, new_committee.id) == DEFAULT_STYLE  # nothing saved
    assert list_meetings(db, new_committee.id) == []  # the made-up meeting is not stored


def test_the_png_is_page_one_at_the_width_asked(db, new_committee) -> None:  # type: ignore[no-untyped-def]
    page = sample_page(db, new_committee, DEFAULT_STYLE, "minutes", 600)
    image = Image.open(io.BytesIO(page.png))
    assert image.format == "PNG"
    assert image.size == (600, round(600 * A4_HEIGHT / A4_WIDTH))
    assert image.convert("L").getextrema()[0] < 64  # there is dark print on the white page
    assert "OVERVIEW AND SCRUTINY" in page.text
    assert (
        Image.open(io.BytesIO(page_png(sample_pdf(db, new_committee, DEFAULT_STYLE, "front"), 300))).width
        == 300
    )


def test_the_latest_meeting_is_printed_when_there_is_one(db) -> None:  # type: ignore[no-untyped-def]
    sst = make_sst(db)
    committee = committees.get_committee(db, sst.committee_id)
    agenda.build_default_agenda(db, sst.september)
    for entry in attendance.prefill_register(db, sst.june):
        attendance.set_present(db, entry.id)
    style = replace(DEFAULT_STYLE, agenda_title="A G E N D A", held_at="MEETING HELD IN")
    agenda_page = pdf_pages(sample_pdf(db, committee, style, "agenda"))[0]
    assert agenda_page.startswith("A G E N D A Safer Sefton Together")
    assert "8 September 2022" in agenda_page or "8th September, 2022" in agenda_page
    minutes_page = pdf_pages(sample_pdf(db, committee, style, "minutes"))[0]
    assert "MEETING HELD IN BOOTLE TOWN HALL" in minutes_page
    assert "Simon Burnett" in minutes_page and "Andrea Watts" not in minutes_page
