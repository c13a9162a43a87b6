from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

from sst_desktop.exports import pdf_fonts
from sst_desktop.exports.agenda_pdf import build_agenda_pdf, export_agenda, membership_text
from sst_desktop.exports.atomic import ExportError
from sst_desktop.services import agenda, meetings, standing_items
from sst_desktop.services.agenda_records import AgendaItemPatch
from sst_desktop.services.committees import CommitteePatch, update_committee
from sst_desktop.services.meetings import MeetingPatch
from sst_desktop.services.memberships import list_memberships
from tests.exports.pdf_glyphs import boxes
from tests.meeting_factory import make_sst


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def fonts_of(pdf: bytes) -> set[str]:
    names: set[str] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            names.add(str(ref.get_object()["/BaseFont"]))
    return names


@pytest.fixture
def seeded(db):
    sst = make_sst(db)
    standing_items.add_standing_item(db, sst.committee_id, "Prevent Update", presenters_text="Steve Martlew")
    agenda.build_default_agenda(db, sst.september)
    agenda.add_item(
        db,
        sst.september,
        "DHR10 report",
        AgendaItemPatch(
            description="Mary Mason and Monica Touhey the joint chairs of the DHR to report to SST.",
            exempt_paragraphs="7",
        ),
        position=3,
    )
    agenda.add_item(
        db,
        sst.september,
        "Serious Violence Duty",
        AgendaItemPatch(presenters_text="Simon Burnett/Steve Martlew"),
    )
    agenda.add_item(
        db,
        sst.september,
        "Presentation of Community Safety Strategy / Plan",
        AgendaItemPatch(report_status="to_follow"),
    )
    return sst


def test_agenda_in_house_style_with_items_in_order(db, seeded) -> None:
    document = build_agenda_pdf(db, seeded.september)
    text = flat(text_of(document.pdf))
    assert document.warnings == ()
    expected_in_order = [
        "AGENDA",
        "Safer Sefton Together",
        "Thursday 8th September, 2022",
        "10.00 am, Remote Meeting - Microsoft Teams",
        "THIS MEETING IS NOT OPEN TO THE PUBLIC",
        "MEMBERSHIP:",
        "Councillor: Trish Hardy, Sonya Kelly, Nigel Bellamy, Simon Burnett and Superintendent Dawn McNally",
        "1. Apologies for Absence",
        "2. Declarations of Interest",
        "Members are requested at a meeting where a disclosable pecuniary interest or personal interest arises",
        "permitted to remain as a result of a grant of a dispensation.",
        "3. Minutes of Previous Meeting",
        "Minutes of the meeting held on 22 June 2022",
        "4. DHR10 report",
        "By virtue of paragraph(s) 7 of Part 1 of Schedule 12A of the Local Government Act 1972.",
        "5. Prevent Update",
        "Steve Martlew",
        "6. Serious Violence Duty",
        "Simon Burnett/Steve Martlew",
        "7. Presentation of Community Safety Strategy / Plan",
        "Report to follow.",
        "8. Date of Next Meeting",
        "The next meeting will be held on Thursday, 8 December 2022 (Remote Meeting - Microsoft Teams), "
        "commencing at 10.00 am.",
        "COMMITTEE OFFICER: Ian Barton",
        "Telephone: 0151 934 2788",
        "E-mail: ian.barton@sefton.gov.uk",
    ]
    position = 0
    for phrase in expected_in_order:
        found = text.find(phrase, position)
        assert found >= 0, f"{phrase!r} missing or out of order"
        position = found + len(phrase)


def test_exempt_description_only_in_the_full_agenda(db, seeded) -> None:
    public = flat(text_of(build_agenda_pdf(db, seeded.september).pdf))
    full = flat(text_of(build_agenda_pdf(db, seeded.september, public=False).pdf))
    assert "Mary Mason" not in public
    assert "Mary Mason and Monica Touhey" in full
    assert "Schedule 12A" in public and "Schedule 12A" in full
    assert "CONFIDENTIAL" not in public
    full_pages = PdfReader(io.BytesIO(build_agenda_pdf(db, seeded.september, public=False).pdf)).pages
    assert all("CONFIDENTIAL – NOT FOR PUBLICATION" in page.extract_text() for page in full_pages)


def test_open_meeting_has_no_notice(db, seeded) -> None:
    meetings.update_meeting(db, seeded.september, MeetingPatch(open_to_public=True))
    assert "NOT OPEN TO THE PUBLIC" not in text_of(build_agenda_pdf(db, seeded.september).pdf)


def test_missing_officer_and_venue_still_export_with_warnings(db, tmp_path) -> None:
    sst = make_sst(db, officer=False, venue="")
    meetings.update_meeting(db, sst.september, MeetingPatch(start_time=None))
    agenda.build_default_agenda(db, sst.september)
    result = export_agenda(db, sst.september, tmp_path / "agenda.pdf")
    assert result.path.is_file()
    joined = " ".join(result.warnings)
    assert "no committee officer" in joined
    assert "no venue" in joined
    assert "no start time" in joined
    text = text_of(result.path.read_bytes())
    assert "COMMITTEE OFFICER" not in text
    assert "Thursday 8th September, 2022" in text


def test_cancelled_meeting_says_so(db, seeded) -> None:
    meetings.cancel_meeting(db, seeded.september, "Not quorate")
    document = build_agenda_pdf(db, seeded.september)
    assert "THIS MEETING HAS BEEN CANCELLED" in text_of(document.pdf)
    assert any("cancelled" in w for w in document.warnings)


def test_markup_characters_print_as_typed(db, seeded) -> None:
    agenda.add_item(
        db,
        seeded.september,
        "Budget <draft> & plan",
        AgendaItemPatch(description='a<b & c>d, <img src="/etc/passwd"/> 5 < 6 &amp; =SUM(A1)'),
    )
    text = flat(text_of(build_agenda_pdf(db, seeded.september).pdf))
    assert "Budget <draft> & plan" in text
    assert 'a<b & c>d, <img src="/etc/passwd"/> 5 < 6 &amp; =SUM(A1)' in text


def test_accented_greek_and_cyrillic_use_the_app_font(db, seeded) -> None:
    words = "Cyfarfod y Bwrdd ŵ ŷ — Zażółć gęślą jaźń — Ó Súilleabháin — Ελληνικά — Кириллица"
    agenda.add_item(db, seeded.september, words, AgendaItemPatch(description=words))
    document = build_agenda_pdf(db, seeded.september)
    assert words in flat(text_of(document.pdf))
    assert all(ord(ch) in pdf_fonts.main_coverage() for ch in words)
    assert {name.split("+")[-1] for name in fonts_of(document.pdf)} == {"DejaVuSans", "DejaVuSans-Bold"}


def test_other_scripts_print_and_read_back(db, seeded) -> None:
    words = "اجتماع اللجنة — 委员会会议 — שלום — 🎉"
    agenda.add_item(db, seeded.september, words)
    document = build_agenda_pdf(db, seeded.september)
    text = unicodedata.normalize("NFKC", text_of(document.pdf))
    for ch in "اجتماعللجنةשלום委员会议🎉":
        assert ch in text
    assert boxes(document.pdf) == []
    assert not any("No font" in warning for warning in document.warnings)
    assert {"WenQuanYiMicroHei", "Symbola"} <= {n.split("+")[-1] for n in fonts_of(document.pdf)}


def test_right_to_left_lines_are_drawn_in_visual_order() -> None:
    pytest.importorskip("bidi")
    pytest.importorskip("arabic_reshaper")
    assert pdf_fonts.visual_line("Plain English, ŵ & <b>") == "Plain English, ŵ & <b>"
    assert pdf_fonts.visual_line("Item שלום") == "Item םולש"
    shaped = pdf_fonts.visual_line("Report: اجتماع")
    assert shaped.startswith("Report: ")
    arabic = shaped.removeprefix("Report: ")
    assert all(0xFE70 <= ord(ch) <= 0xFEFF for ch in arabic)  # joined presentation forms
    assert unicodedata.normalize("NFKC", arabic) == "اجتماع"[::-1]


def test_without_the_shaping_libraries_text_is_still_drawn(db, seeded, monkeypatch) -> None:
    monkeypatch.setattr(pdf_fonts, "_shapers", lambda: (None, None))
    agenda.add_item(db, seeded.september, "Item اجتماع")
    text = text_of(build_agenda_pdf(db, seeded.september).pdf)
    assert "Item" in text
    assert all(ch in text for ch in "اجتماع")  # drawn unjoined, but drawn
    assert not any(0xFE70 <= ord(ch) <= 0xFEFF for ch in text)


def test_membership_text_is_title_aware(db, seeded) -> None:
    members = list_memberships(db, seeded.committee_id)
    assert membership_text(members) == (
        "Councillor: Trish Hardy, Sonya Kelly, Nigel Bellamy, Simon Burnett and Superintendent Dawn McNally"
    )
    assert membership_text([m for m in members if m.person_title != "Councillor"]) == (
        "Nigel Bellamy, Simon Burnett and Superintendent Dawn McNally"
    )


def test_export_to_a_missing_folder_is_a_user_error(db, seeded, tmp_path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export_agenda(db, seeded.september, tmp_path / "nowhere" / "agenda.pdf")


def test_pdf_metadata_names_the_meeting(db, seeded) -> None:
    update_committee(db, seeded.committee_id, CommitteePatch(name="Safer Sefton Together & Friends"))
    reader = PdfReader(io.BytesIO(build_agenda_pdf(db, seeded.september).pdf))
    assert reader.metadata.title == "Agenda – Safer Sefton Together & Friends – 8 September 2022"
    assert re.search(r"Safer Sefton Together & Friends", reader.pages[0].extract_text())
