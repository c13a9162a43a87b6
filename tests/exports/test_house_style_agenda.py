"""The agenda's and the pack's elements of a committee's document style, set through the services and
read back from the PDF."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sst_desktop.exports.agenda_pack import build_agenda_pack
from sst_desktop.exports.agenda_pdf import build_agenda_pdf
from sst_desktop.services import agenda
from sst_desktop.services.document_style import DEFAULT_STYLE
from sst_desktop.services.document_styles import set_committee_style
from tests.exports.minutes_helpers import in_order, pdf_pages
from tests.meeting_factory import make_sst


@pytest.fixture
def sst(db):  # type: ignore[no-untyped-def]
    sst = make_sst(db)
    agenda.build_default_agenda(db, sst.september)
    return sst


def agenda_text(db, sst, **settings) -> str:  # type: ignore[no-untyped-def]
    set_committee_style(db, sst.committee_id, replace(DEFAULT_STYLE, **settings))
    return " ".join(pdf_pages(build_agenda_pdf(db, sst.september).pdf))


def test_the_default_agenda_is_as_before(db, sst) -> None:  # type: ignore[no-untyped-def]
    in_order(
        agenda_text(db, sst),
        [
            "AGENDA Safer Sefton Together",
            "THIS MEETING IS NOT OPEN TO THE PUBLIC",
            "MEMBERSHIP: Councillor: Trish Hardy, Sonya Kelly, Nigel Bellamy, Simon Burnett and Superintendent "
            "Dawn McNally",
            "COMMITTEE OFFICER: Ian Barton Telephone: 0151 934 2788 E-mail: ian.barton@sefton.gov.uk",
        ],
    )


def test_the_agenda_title_and_the_not_open_notice(db, sst) -> None:  # type: ignore[no-untyped-def]
    notice = "(PLEASE NOTE: THIS MEETING IS NOT OPEN TO THE PUBLIC)"
    text = agenda_text(db, sst, agenda_title="A G E N D A", not_open_notice=notice)
    assert text.startswith("A G E N D A Safer Sefton Together")
    assert notice in text


def test_membership_grouped_by_surname_with_chair_markers(db, sst) -> None:  # type: ignore[no-untyped-def]
    text = agenda_text(
        db,
        sst,
        membership_councillors="grouped",
        membership_first_names=False,
        membership_roles=True,
    )
    assert (
        "MEMBERSHIP: Councillors Hardy (Chair) and Kelly; Bellamy, Burnett and Superintendent McNally" in text
    )


def test_membership_partners_without_titles(db, sst) -> None:  # type: ignore[no-untyped-def]
    text = agenda_text(db, sst, membership_titles=False)
    assert "Councillor: Trish Hardy, Sonya Kelly, Nigel Bellamy, Simon Burnett and Dawn McNally" in text


def test_officer_block_with_fax_or_a_contact_line(db, sst) -> None:  # type: ignore[no-untyped-def]
    text = agenda_text(db, sst, officer_fax="0151 934 2034")
    assert "Telephone: 0151 934 2788 Fax: 0151 934 2034 E-mail: ian.barton@sefton.gov.uk" in text
    text = agenda_text(db, sst, officer_block="contact", officer_fax="0151 934 2034")
    assert "COMMITTEE OFFICER" not in text
    assert (
        "Contact: Ian Barton, Tel: 0151 934 2788, Fax: 0151 934 2034, E-mail: ian.barton@sefton.gov.uk"
        in text
    )


def test_public_document_pack_on_the_front_sheet(db, sst) -> None:  # type: ignore[no-untyped-def]
    assert "Public Document Pack" not in pdf_pages(build_agenda_pack(db, sst.september).pdf)[0]
    set_committee_style(db, sst.committee_id, replace(DEFAULT_STYLE, public_document_pack=True))
    pages = pdf_pages(build_agenda_pack(db, sst.september).pdf)
    assert "Public Document Pack" in pages[0]
    assert not any("Public Document Pack" in page for page in pages[1:])
    assert "Public Document Pack" not in pdf_pages(build_agenda_pack(db, sst.september, full=True).pdf)[0]


def test_a_summons_letter_before_the_agenda(db, sst) -> None:  # type: ignore[no-untyped-def]
    template = (
        "Dear Councillor,\n\nYou are hereby summoned to attend a meeting of {committee} to be held on {date} "
        "at {time}, {venue}.\n\n{officer}, Committee Officer – “Sefton”"
    )
    set_committee_style(db, sst.committee_id, replace(DEFAULT_STYLE, summons_template=template))
    document = build_agenda_pack(db, sst.september)
    pages = pdf_pages(document.pdf)
    assert pages[0].startswith(
        "Dear Councillor, You are hereby summoned to attend a meeting of Safer Sefton Together to be held on "
        "Thursday 8th September, 2022 at 10.00 am, Remote Meeting - Microsoft Teams. Ian Barton, Committee "
        "Officer – “Sefton”"
    )
    assert pages[1].startswith("AGENDA Safer Sefton Together")
    assert "Dear Councillor" not in " ".join(pdf_pages(build_agenda_pdf(db, sst.september).pdf))
