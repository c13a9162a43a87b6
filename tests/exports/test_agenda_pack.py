from __future__ import annotations

import hashlib
import io
import re

import pytest
from pypdf import PdfReader, PdfWriter

from sst_desktop.domain import Attachment
from sst_desktop.domain.enums import ItemNumbering
from sst_desktop.exports.agenda_pack import build_agenda_pack, export_agenda_pack
from sst_desktop.services import agenda, attachments
from sst_desktop.services.agenda_records import AgendaItemPatch
from sst_desktop.services.jobs import Cancelled, JobHooks
from tests.meeting_factory import make_sst, pdf_bytes

SECRET = "Victim X lived at 12 Secret Street"
SECRET_DESCRIPTION = "Joint chairs report the key findings of DHR10"


def pages_text(pdf: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture
def meeting(db):
    """Items: 1 Apologies, 2 Declarations, 3 Minutes, 4 DHR10 (exempt, 2 pages), 5 Prevent (2 pages),
    6 VAWG (3 pages + 1-page appendix), 7 Verbal update (no report), 8 Date of Next Meeting."""
    sst = make_sst(db)
    agenda.build_default_agenda(db, sst.september)
    dhr = agenda.add_item(
        db,
        sst.september,
        "DHR10 report",
        AgendaItemPatch(description=SECRET_DESCRIPTION, exempt_paragraphs=[7]),
    ).after
    attachments.attach_pdf(
        db, dhr.id, pdf_bytes(f"DHR10 {SECRET}", "DHR10 second page"), "dhr10.pdf", title="DHR10 Overview"
    )
    prevent = agenda.add_item(db, sst.september, "Prevent Update").after
    attachments.attach_pdf(db, prevent.id, pdf_bytes("Prevent page one", "Prevent page two"), "prevent.pdf")
    vawg = agenda.add_item(db, sst.september, "VAWG Statement").after
    attachments.attach_pdf(db, vawg.id, pdf_bytes("VAWG one", "VAWG two", "VAWG three"), "vawg.pdf")
    attachments.attach_pdf(db, vawg.id, pdf_bytes("VAWG appendix"), "appendix.pdf", title="Appendix 1")
    agenda.add_item(db, sst.september, "Youth Justice", AgendaItemPatch(report_status="verbal"))
    return sst


def test_public_pack_layout_marks_and_blank_pages(db, meeting) -> None:
    document = build_agenda_pack(db, meeting.september)
    texts = pages_text(document.pdf)
    assert len(texts) == document.page_count
    assert document.page_count % 2 == 0
    a = document.agenda_pages
    assert "AGENDA" in texts[0]
    assert [(s.number, s.document, s.page_count) for s in document.sections] == [
        (4, "Restricted", 1),
        (5, "prevent", 2),
        (6, "vawg", 3),
        (6, "Appendix 1", 1),
    ]
    for section in document.sections:
        assert section.first_page % 2 == 1, f"{section} starts on an even page"
        for page in range(section.first_page, section.first_page + section.page_count):
            assert f"Agenda Item {section.number}" in texts[page - 1]
    restricted = texts[document.sections[0].first_page - 1]
    assert (
        "By virtue of paragraph(s) 7 of Part 1 of Schedule 12A of the Local Government Act 1972."
        in restricted
    )
    assert "Document is Restricted" in restricted
    for blank in document.blank_pages:
        assert "This page is intentionally left blank" in texts[blank - 1]
        assert "Agenda Item" not in texts[blank - 1]
    # the blank pages are exactly where a report would otherwise start on an even page
    expected_blanks = []
    page = a
    for section in document.sections:
        if page % 2 == 1:
            page += 1
            expected_blanks.append(page)
        page += section.page_count
    if page % 2 == 1:
        expected_blanks.append(page + 1)
    assert list(document.blank_pages) == expected_blanks
    # Prevent's pages in order, then VAWG's, then its appendix
    body = " | ".join(texts)
    order = [
        body.index(t)
        for t in ("Prevent page one", "Prevent page two", "VAWG one", "VAWG three", "VAWG appendix")
    ]
    assert order == sorted(order)
    # every page numbered
    for number, text in enumerate(texts, start=1):
        assert f"Page {number}" in text
    assert not any("CONFIDENTIAL" in t for t in texts)


def test_agenda_in_the_pack_lists_each_items_pages(db, meeting) -> None:
    document = build_agenda_pack(db, meeting.september)
    agenda_text = " ".join(pages_text(document.pdf)[: document.agenda_pages])
    vawg = [s for s in document.sections if s.number == 6]
    first, last = vawg[0].first_page, vawg[-1].first_page + vawg[-1].page_count - 1
    assert f"(Pages {first} - {last})" in agenda_text
    prevent = next(s for s in document.sections if s.number == 5)
    assert f"(Pages {prevent.first_page} - {prevent.first_page + 1})" in agenda_text


def test_no_trace_of_the_exempt_report_in_the_public_pack(db, meeting, tmp_path) -> None:
    target = tmp_path / "pack.pdf"
    result = export_agenda_pack(db, meeting.september, target)
    raw = target.read_bytes()
    reader = PdfReader(io.BytesIO(raw))
    everything = " ".join(pages_text(raw))
    for secret in (SECRET, "DHR10 second page", SECRET_DESCRIPTION, "DHR10 Overview", "dhr10.pdf"):
        assert secret not in everything
        assert secret.encode() not in raw
        assert secret.encode("utf-16-be") not in raw
    assert "DHR10" not in str(reader.metadata)
    outline_titles = [o.title for o in reader.outline]
    assert "Item 4: DHR10 report (restricted)" in outline_titles
    assert not any("Overview" in t for t in outline_titles)
    assert result.sections[0].restricted
    # nothing of the exempt PDF's objects was copied: no stream of it is in the file
    dhr = next(i for i in agenda.list_agenda_items(db, meeting.september) if i.is_exempt)
    original = attachments.attachment_bytes(db, dhr.attachments[0].id)
    for stream in re.findall(rb"stream\r?\n(.{40})", original, flags=re.S):
        assert stream not in raw


def test_full_pack_has_the_exempt_report_and_confidential_on_every_page(db, meeting) -> None:
    document = build_agenda_pack(db, meeting.september, full=True)
    texts = pages_text(document.pdf)
    assert all("CONFIDENTIAL" in t for t in texts)
    assert "NOT FOR PUBLICATION" not in texts[0]  # the pack's own marks, not the agenda's as well
    joined = " ".join(texts)
    assert SECRET in joined
    assert SECRET_DESCRIPTION in joined
    dhr = document.sections[0]
    assert (dhr.number, dhr.page_count, dhr.restricted) == (4, 2, True)
    assert "Agenda Item 4" in texts[dhr.first_page] and "DHR10 second page" in texts[dhr.first_page]
    assert PdfReader(io.BytesIO(document.pdf)).metadata.title.endswith("CONFIDENTIAL")


def test_progress_and_cancel(db, meeting, tmp_path) -> None:
    seen: list[tuple[int, int]] = []
    build_agenda_pack(db, meeting.september, hooks=JobHooks(progress=lambda d, t: seen.append((d, t))))
    assert seen and seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)

    calls = {"n": 0}

    def cancel_after_two() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    target = tmp_path / "pack.pdf"
    with pytest.raises(Cancelled):
        export_agenda_pack(db, meeting.september, target, hooks=JobHooks(is_cancelled=cancel_after_two))
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if "pack" in p.name] == []


def test_previous_minutes_come_from_the_minutes_source(db, meeting) -> None:
    asked: list[int] = []

    def minutes(_db, meeting_id: int) -> bytes:
        asked.append(meeting_id)
        return pdf_bytes("SAFER SEFTON TOGETHER minutes page 1", "minutes page 2", "minutes page 3")

    document = build_agenda_pack(db, meeting.september, minutes_source=minutes)
    assert asked == [meeting.june]
    first = document.sections[0]
    assert (first.number, first.document, first.page_count) == (
        3,
        "Minutes of the meeting held on 22 June 2022",
        3,
    )
    texts = pages_text(document.pdf)
    assert "Agenda Item 3" in texts[first.first_page - 1]
    assert "minutes page 3" in texts[first.first_page + 1]
    # without a source (or minutes), item 3 has no report
    assert build_agenda_pack(db, meeting.september, minutes_source=None).sections[0].number == 4
    assert build_agenda_pack(db, meeting.september, minutes_source=lambda d, m: None).sections[0].number == 4


def test_previous_minutes_by_default_are_the_public_minutes_pdf(db, meeting) -> None:
    from sst_desktop.services import minutes

    june_item = agenda.add_item(db, meeting.june, "Project ADDER").after
    minute = minutes.minute_for_item(db, june_item.id)
    minutes.set_text(db, minute.id, "Superintendent Robson reported on funding under project ADDER.")
    document = build_agenda_pack(db, meeting.september)
    first = document.sections[0]
    assert (first.number, first.document) == (3, "Minutes of the meeting held on 22 June 2022")
    texts = pages_text(document.pdf)[first.first_page - 1 : first.first_page - 1 + first.page_count]
    assert "Agenda Item 3" in texts[0]
    assert "SAFER SEFTON TOGETHER" in texts[0]
    assert "project ADDER" in " ".join(texts)


def test_a_failing_minutes_source_does_not_stop_the_pack(db, meeting) -> None:
    def broken(_db, _id):
        raise RuntimeError("minutes not ready")

    document = build_agenda_pack(db, meeting.september, minutes_source=broken)
    assert any("minutes of the previous meeting could not be added" in w for w in document.warnings)
    assert document.sections[0].number == 4


def test_a_damaged_stored_report_gives_a_page_and_a_warning(db, meeting) -> None:
    item = agenda.add_item(db, meeting.september, "Interdependencies").after
    junk = b"%PDF-1.4 not really"
    with db.write() as session:  # bypasses the check made when attaching, as an old file might
        session.add(
            Attachment(
                agenda_item_id=item.id,
                position=0,
                filename="broken.pdf",
                size=len(junk),
                sha256=hashlib.sha256(junk).hexdigest(),
                content=junk,
            )
        )
    document = build_agenda_pack(db, meeting.september)
    assert any("“broken” could not be read" in w for w in document.warnings)
    section = next(s for s in document.sections if s.item_id == item.id)
    assert "could not be read" in pages_text(document.pdf)[section.first_page - 1]


def test_landscape_and_rotated_reports_are_stamped(db, meeting) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes("rotated report page"))))
    writer.pages[0].rotate(90)
    rotated = io.BytesIO()
    writer.write(rotated)
    item = agenda.add_item(db, meeting.september, "Diagram").after
    attachments.attach_pdf(db, item.id, rotated.getvalue(), "diagram.pdf")
    document = build_agenda_pack(db, meeting.september)
    section = next(s for s in document.sections if s.item_id == item.id)
    text = pages_text(document.pdf)[section.first_page - 1]
    assert "Agenda Item 8" in text and "rotated report page" in text


def test_agenda_without_reports_is_just_the_agenda(db) -> None:
    sst = make_sst(db)
    agenda.build_default_agenda(db, sst.september)
    document = build_agenda_pack(db, sst.september, minutes_source=None)
    assert document.sections == ()
    assert document.blank_pages == ()
    assert document.page_count == document.agenda_pages


@pytest.fixture
def labelled(db, meeting):
    """The council's numbering: "Welcome and introductions" unnumbered before Apologies (with a
    report), Prevent lettered under DHR10, so positions and printed labels part company."""
    welcome = agenda.add_item(
        db,
        meeting.september,
        "Welcome and introductions",
        AgendaItemPatch(numbering=ItemNumbering.NONE),
        position=0,
    ).after
    attachments.attach_pdf(db, welcome.id, pdf_bytes("Welcome note"), "welcome.pdf")
    prevent = next(i for i in agenda.list_agenda_items(db, meeting.september) if i.title == "Prevent Update")
    agenda.update_item(db, prevent.id, AgendaItemPatch(numbering=ItemNumbering.LETTER))
    return meeting


def _section(document, title: str):
    return [s for s in document.sections if s.title == title]


@pytest.mark.parametrize("full", [False, True])
def test_report_pages_are_stamped_with_the_printed_label(db, labelled, full) -> None:
    document = build_agenda_pack(db, labelled.september, full=full)
    texts = pages_text(document.pdf)
    expected = {
        "Welcome and introductions": "",
        "DHR10 report": "4",
        "Prevent Update": "A",
        "VAWG Statement": "5",
    }
    assert {s.title: s.label for s in document.sections} == expected
    for section in document.sections:
        for page in range(section.first_page, section.first_page + section.page_count):
            text = texts[page - 1]
            if section.label:
                assert f"Agenda Item {section.label} " in text + " ", (section, text)
            else:  # no number to print: the item's title, and no "Agenda Item" at all
                assert "Agenda Item" not in text
                assert "Welcome and introductions" in text
    assert "Agenda Item 6" not in " ".join(texts)  # VAWG's place in the agenda, not its number


def test_bookmarks_name_items_by_their_printed_label(db, labelled) -> None:
    reader = PdfReader(io.BytesIO(build_agenda_pack(db, labelled.september).pdf))
    titles = [o.title for o in reader.outline]
    assert titles == [
        "Agenda",
        "Welcome and introductions",
        "Item 4: DHR10 report (restricted)",
        "Item A: Prevent Update",
        "Item 5: VAWG Statement",
        "Item 5: VAWG Statement",
    ]


@pytest.mark.parametrize("full", [False, True])
def test_page_references_point_at_the_pages_stamped_with_that_label(db, labelled, full) -> None:
    document = build_agenda_pack(db, labelled.september, full=full)
    texts = pages_text(document.pdf)
    agenda_text = " ".join(texts[: document.agenda_pages])
    for title, label in (("Prevent Update", "A"), ("VAWG Statement", "5")):
        sections = _section(document, title)
        first, last = sections[0].first_page, sections[-1].first_page + sections[-1].page_count - 1
        # the agenda's "(A) Prevent Update (Pages 9 - 10)": its pages carry "Agenda Item A"
        entry = agenda_text[agenda_text.index(title) :]
        assert entry.split(title, 1)[1].lstrip().startswith(f"(Pages {first} - {last})")
        for page in range(first, last + 1):
            if page not in document.blank_pages:
                assert f"Agenda Item {label} " in texts[page - 1] + " "


def test_warnings_name_items_by_their_printed_label(db, labelled) -> None:
    items = {i.title: i for i in agenda.list_agenda_items(db, labelled.september)}
    agenda.update_item(db, items["Youth Justice"].id, AgendaItemPatch(report_status="attached"))
    document = build_agenda_pack(db, labelled.september)
    assert "Item 6 (Youth Justice) is marked “report attached” but has none." in document.warnings
