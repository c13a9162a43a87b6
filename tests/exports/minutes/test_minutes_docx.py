"""The minutes as Word, read back with python-docx: same parts, order, wording and emphasis as the PDF."""

from __future__ import annotations

import io

import docx

from sst_desktop.domain import AgendaItem
from sst_desktop.exports.minutes_content import CONFIDENTIAL_MARK, DRAFT_MARK
from sst_desktop.exports.minutes_docx import build_minutes_docx, write_minutes_docx, xml_safe
from sst_desktop.exports.minutes_pdf import build_minutes_pdf
from sst_desktop.services import minutes
from tests.exports.minutes.conftest import HEADER
from tests.exports.minutes_helpers import SEED_ORDER, in_order, pdf_pages


def _read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _text(document) -> str:  # type: ignore[no-untyped-def]
    return " ".join(" ".join(p.text.replace("\t", " ").split()) for p in document.paragraphs)


def _paragraph(document, starts: str):  # type: ignore[no-untyped-def]
    return next(p for p in document.paragraphs if p.text.replace("\t", " ").startswith(starts))


def test_docx_has_every_part_of_seed_002_in_order(db, seed) -> None:  # type: ignore[no-untyped-def]
    document = _read(build_minutes_docx(db, seed.meeting_id))
    in_order(_text(document), SEED_ORDER)


def test_docx_and_pdf_say_the_same(db, seed) -> None:  # type: ignore[no-untyped-def]
    words_docx = _text(_read(build_minutes_docx(db, seed.meeting_id))).split()
    pdf_text = " ".join(pdf_pages(build_minutes_pdf(db, seed.meeting_id)))
    words_pdf = [w for w in pdf_text.replace(HEADER, " ").split() if w != DRAFT_MARK]
    assert words_docx == words_pdf


def test_docx_emphasis_and_layout(db, seed) -> None:  # type: ignore[no-untyped-def]
    document = _read(build_minutes_docx(db, seed.meeting_id))
    heading = _paragraph(document, "4. DOMESTIC HOMICIDE REVIEW (DHRS) UPDATE")
    assert all(run.bold for run in heading.runs if run.text.strip())
    assert heading.paragraph_format.keep_with_next
    assert heading.paragraph_format.first_line_indent < 0  # the number hangs
    resolved = _paragraph(document, "RESOLVED: That the briefing paper be noted.")
    assert resolved.runs[0].text == "RESOLVED:" and resolved.runs[0].bold
    assert not resolved.runs[1].bold
    action = _paragraph(document, "(1) Discuss at LCR SD VAG")
    assert action.runs[-1].italic
    committee = _paragraph(document, "SAFER SEFTON TOGETHER")
    assert committee.alignment == 1  # centred
    present = _paragraph(document, "PRESENT:")
    assert present.runs[0].bold and present.text == "PRESENT:\tCouncillor Hardy (in the Chair)"


def test_docx_headers_draft_and_running_header(db, seed) -> None:  # type: ignore[no-untyped-def]
    document = _read(build_minutes_docx(db, seed.meeting_id))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    first = " ".join(p.text for p in section.first_page_header.paragraphs)
    later = " ".join(p.text for p in section.header.paragraphs)
    assert DRAFT_MARK in first and HEADER not in first
    assert DRAFT_MARK in later and HEADER in later
    assert CONFIDENTIAL_MARK not in first + later
    assert document.core_properties.title == "Minutes of Safer Sefton Together, 22 June 2022"


def test_full_docx_is_confidential_on_every_page_and_public_hides_exempt(db, seed) -> None:  # type: ignore[no-untyped-def]
    with db.write() as session:
        session.get(AgendaItem, seed.item_ids[12]).position = 13
        item = AgendaItem(
            meeting_id=seed.meeting_id, position=12, title="DHR10 Report", exempt_paragraphs="7"
        )
        session.add(item)
        session.flush()
        item_id = item.id
    minute = minutes.minute_for_item(db, item_id)
    minutes.set_text(db, minute.id, "Ms Secretname's family asked for privacy.")
    minutes.set_public_summary(db, minute.id, "The Partnership considered a review.")
    full = _read(build_minutes_docx(db, seed.meeting_id, public=False))
    section = full.sections[0]
    for part in (section.first_page_header, section.header, section.first_page_footer, section.footer):
        assert CONFIDENTIAL_MARK in " ".join(p.text for p in part.paragraphs)
    in_order(_text(full), ["EXCLUSION OF THE PRESS AND PUBLIC", "13. DHR10 REPORT", "Ms Secretname's family"])
    public = _read(build_minutes_docx(db, seed.meeting_id, public=True))
    assert "Secretname" not in _text(public)
    in_order(_text(public), ["EXCLUSION OF THE PRESS AND PUBLIC", "13. DHR10 REPORT", "considered a review."])
    assert CONFIDENTIAL_MARK not in " ".join(p.text for p in public.sections[0].header.paragraphs)


def test_docx_keeps_any_unicode_and_drops_what_xml_cannot_hold(db, seed, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = "Zoë <b>& “x”</b> =SUM(A1) 你好 مرحبا 😀\x00\x07\x1b end\ufffe"
    minutes.set_text(db, seed.minute_ids[7], text)
    minutes.add_resolution(db, seed.minute_ids[7], "the 😀 be noted\x0b")
    written = write_minutes_docx(db, seed.meeting_id, tmp_path / "minutes.docx")
    assert written.warnings == ()
    document = docx.Document(str(written.path))
    body = _text(document)
    assert "Zoë <b>& “x”</b> =SUM(A1) 你好 مرحبا 😀 end" in body
    assert "(2) the 😀 be noted." in body
    assert xml_safe("a\x00b\x1fc\ud800d\uffff") == "abcd"
