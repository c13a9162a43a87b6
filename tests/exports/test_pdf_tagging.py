"""Tagged PDF (issue 15): every public document, and its full version, read back with pikepdf and pypdf.

The agenda, the minutes and the pack's own pages carry a structure tree in reading order (H1 title,
H2 items and minutes, P, lists for resolutions and actions, tables for the officer and PRESENT
blocks); page furniture is an artifact; the document names its language, shows its title, has a
bookmark per item or minute and says it is PDF/UA-1 in its XMP. Reports in a pack pass through.
"""

from __future__ import annotations

import io
from html import escape

import pytest
from pypdf import PdfReader

from sst_desktop.exports.agenda_pack import PackDocument, build_agenda_pack
from sst_desktop.exports.agenda_pdf import build_agenda_pdf, read_agenda
from sst_desktop.exports.minutes_pdf import build_minutes_pdf
from sst_desktop.services import agenda, attachments, minutes
from sst_desktop.services.agenda_records import AgendaItemPatch
from sst_desktop.services.committees import CommitteePatch, update_committee
from sst_desktop.services.people import PersonPatch, create_person
from tests.exports.pdf_tagging import Node, catalog, shown, structure, text_of, texts_by_mark
from tests.meeting_factory import pdf_bytes
from tests.minutes_data import SeedCache

SINGLE = ("agenda", "agenda-full", "minutes", "minutes-full")
PACKS = ("pack", "pack-full")


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The seed meeting's agenda and minutes (public and full), and the next meeting's packs: the
    agenda, the seed's minutes as item 3's report, an exempt report and a report of two pages."""
    folder = tmp_path_factory.mktemp("tagging")
    db, seed = SeedCache(folder).copy(folder / "tagging.db")
    officer = create_person(
        db, PersonPatch(first_name="Ian", last_name="Barton", telephone="0151 934 2788", email="ib@x.gov.uk")
    ).after
    assert officer is not None
    update_committee(db, seed.committee_id, CommitteePatch(officer_id=officer.id))
    agenda.build_default_agenda(db, seed.next_id)
    exempt = agenda.add_item(
        db, seed.next_id, "DHR10 report", AgendaItemPatch(description="Findings", exempt_paragraphs=[7])
    ).after
    attachments.attach_pdf(db, exempt.id, pdf_bytes("DHR10 one", "DHR10 two"), "dhr.pdf", title="DHR10")
    prevent = agenda.add_item(db, seed.next_id, "Prevent Update").after
    attachments.attach_pdf(db, prevent.id, pdf_bytes("Prevent one", "Prevent two"), "prevent.pdf")
    result: dict[str, object] = {
        "agenda": build_agenda_pdf(db, seed.meeting_id).pdf,
        "agenda-full": build_agenda_pdf(db, seed.meeting_id, public=False).pdf,
        "minutes": build_minutes_pdf(db, seed.meeting_id),
        "minutes-full": build_minutes_pdf(db, seed.meeting_id, public=False),
        "pack": build_agenda_pack(db, seed.next_id),
        "pack-full": build_agenda_pack(db, seed.next_id, full=True),
        "items": [f"{i.number}.{i.title}" for i in read_agenda(db, seed.meeting_id).items],
        "minutes_headings": [
            f"{m.number}.{m.heading.upper()}" for m in minutes.minutes_outline(db, seed.meeting_id)
        ],
    }
    db.dispose()
    return result


def pdf_of(built: dict[str, object], name: str) -> bytes:
    value = built[name]
    return value.pdf if isinstance(value, PackDocument) else value  # type: ignore[return-value]


def report_pages(pack: PackDocument) -> set[int]:
    """0-based pages of the reports that pass through as their authors made them."""
    return {
        section.first_page - 1 + offset
        for section in pack.sections
        if section.document != "Restricted" and not section.document.startswith("Minutes of")
        for offset in range(section.page_count)
    }


def texts(tree: Node, role: str, marked: dict[tuple[int, int], str]) -> list[str]:
    return [text_of(n, marked) for n in tree.walk() if n.role == role]


@pytest.mark.parametrize("name", SINGLE + PACKS)
def test_every_page_text_is_tagged_content_or_an_artifact_in_reading_order(built, name) -> None:
    pdf = pdf_of(built, name)
    skip = report_pages(built[name]) if name in PACKS else set()  # type: ignore[arg-type]
    drawn = [s for s in shown(pdf) if s.page not in skip and s.text.strip()]
    assert drawn
    untagged = [s for s in drawn if s.tag is None]
    assert not untagged, f"text outside marked content: {untagged[:3]}"
    tree = structure(pdf)
    assert tree.role == "Document"
    in_tree = [m for n in tree.walk() for m in n.marks]
    content = {(s.page, s.mcid) for s in drawn if s.mcid is not None}
    assert content <= set(in_tree), "content marked on a page but missing from the structure tree"
    assert in_tree == sorted(in_tree), "the structure tree is not in the order the pages are read"


def test_agenda_title_items_and_officer_block(built) -> None:
    pdf = pdf_of(built, "agenda")
    tree, marked = structure(pdf), texts_by_mark(pdf)
    assert texts(tree, "H1", marked) == ["AGENDA"]
    headings = texts(tree, "H2", marked)
    assert headings == ["MEMBERSHIP:", *(squash(i) for i in built["items"])]
    table = next(n for n in tree.walk() if n.role == "Table")
    rows = [[(cell.role, cell.scope, text_of(cell, marked)) for cell in row.kids] for row in table.kids]
    assert rows[0][0] == ("TH", "Row", "COMMITTEEOFFICER:")
    assert all(row[0][0] == "TH" and row[1][0] == "TD" for row in rows)
    outline = [squash(o.title) for o in PdfReader(io.BytesIO(pdf)).outline]
    assert all(squash(i) in outline for i in built["items"])


def test_minutes_headings_lists_and_present_table(built) -> None:
    pdf = pdf_of(built, "minutes")
    tree, marked = structure(pdf), texts_by_mark(pdf)
    assert texts(tree, "H1", marked) == ["SAFERSEFTONTOGETHER"]
    assert texts(tree, "H2", marked) == [squash(h) for h in built["minutes_headings"]]
    lists = [n for n in tree.walk() if n.role == "L"]
    assert lists
    for found in lists:
        for item in found.kids:
            assert item.role == "LI"
            assert [k.role for k in item.kids] == ["Lbl", "LBody"]
    labels = [text_of(n, marked) for n in lists[0].walk() if n.role == "Lbl"]
    assert labels[:2] in (["(1)", "(2)"], ["•", "•"])
    assert any(t.startswith("RESOLVED:") for t in texts(tree, "P", marked))
    table = next(n for n in tree.walk() if n.role == "Table")
    assert (table.kids[0].kids[0].role, text_of(table.kids[0].kids[0], marked)) == ("TH", "PRESENT:")
    outline = [squash(o.title) for o in PdfReader(io.BytesIO(pdf)).outline]
    assert all(squash(h) in outline for h in built["minutes_headings"])


@pytest.mark.parametrize(
    ("name", "marks"),
    [
        ("minutes", ["DRAFT", "SAFERSEFTONTOGETHER-WEDNESDAY22NDJUNE,2022"]),
        ("minutes-full", ["DRAFT", "CONFIDENTIAL-NOTFORPUBLICATION"]),
        ("agenda-full", ["CONFIDENTIAL–NOTFORPUBLICATION"]),
        ("pack", ["AgendaItem5", "Page1"]),
        ("pack-full", ["CONFIDENTIAL", "AgendaItem4", "Page1"]),
    ],
)
def test_headers_marks_stamps_and_page_numbers_are_artifacts(built, name, marks) -> None:
    drawn = shown(pdf_of(built, name))
    artifacts = {squash(s.text) for s in drawn if s.tag == "Artifact"}
    content = "".join(squash(s.text) for s in drawn if s.tag not in (None, "Artifact"))
    for mark in marks:
        assert mark in artifacts
        assert mark not in content


@pytest.mark.parametrize("name", SINGLE + PACKS)
def test_language_title_bar_pdfua_identification_and_fonts(built, name) -> None:
    pdf = pdf_of(built, name)
    about = catalog(pdf)
    assert about["lang"] == "en-GB"
    assert about["marked"] and about["display_title"]
    assert about["title"] and f">{escape(str(about['title']))}</rdf:li>" in str(about["xmp"])
    assert "<pdfuaid:part>1</pdfuaid:part>" in str(about["xmp"])
    assert set(about["tabs"]) == {"/S"}  # type: ignore[arg-type]
    if name in SINGLE:  # a pack's reports keep their own fonts
        assert about["fonts"]
        assert all(embedded and unicode for _, embedded, unicode in about["fonts"]), about["fonts"]


@pytest.mark.parametrize("name", PACKS)
def test_pack_pages_of_its_own_are_tagged_and_reports_pass_through(built, name) -> None:
    pack: PackDocument = built[name]  # type: ignore[assignment]
    tree, marked, drawn = structure(pack.pdf), texts_by_mark(pack.pdf), shown(pack.pdf)
    assert texts(tree, "H1", marked)[0] == "AGENDA"
    paragraphs = texts(tree, "P", marked)
    assert pack.blank_pages or name == "pack-full"  # the full pack's reports happen to fall on odd pages
    for page in pack.blank_pages:
        assert [squash(s.text) for s in drawn if s.page == page - 1 and s.tag == "P"] == [
            "Thispageisintentionallyleftblank"
        ]
    if name == "pack":
        assert "DocumentisRestricted" in paragraphs
    minutes_part = next(n for n in tree.kids if n.role == "Part")
    assert "1.APOLOGIESFORABSENCE" in texts(minutes_part, "H2", marked)
    reports = report_pages(pack)
    assert reports
    assert all(any(s.page == page and s.tag is None for s in drawn) for page in reports)  # as made
    outline = [o.title for o in PdfReader(io.BytesIO(pack.pdf)).outline]
    assert outline[0] == "Agenda"
    assert len(outline) == len(pack.sections) + 1


@pytest.mark.parametrize("name", SINGLE + PACKS)
def test_pdfua_checker_finds_nothing_but_the_authors_pages(built, name, tmp_path) -> None:
    pdfua = pytest.importorskip("pdfua")
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf_of(built, name))
    findings = pdfua.validate(str(path)).findings
    if name in PACKS:
        reports = report_pages(built[name])  # type: ignore[arg-type]
        findings = [
            f for f in findings if not (f.rule_id == "UA-01-003" and (f.location.page or 0) - 1 in reports)
        ]
    assert not findings, [(f.rule_id, f.message) for f in findings]
