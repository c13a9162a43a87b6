"""Passages marked as another language: tagged in the PDF, the Word file and the website; plain elsewhere."""

from __future__ import annotations

import io

import pikepdf
import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from sst_desktop.exports.actions_xlsx import export_actions_xlsx
from sst_desktop.exports.minutes_content import minutes_content
from sst_desktop.exports.minutes_docx import build_minutes_docx
from sst_desktop.exports.minutes_pdf import build_minutes_pdf
from sst_desktop.exports.website import pages
from sst_desktop.exports.website.content import read_site
from sst_desktop.imports.actions_xlsx import preview_actions_xlsx
from sst_desktop.services import actions, minutes
from sst_desktop.services.action_sheet import COLUMNS, SheetColumn
from tests.exports.pdf_tagging import shown, structure, text_of, texts_by_mark
from tests.minutes_data import SeedCache

WELSH = "Croeso i bawb"
POLISH = "Zażółć gęślą jaźń"
NARRATIVE = f"The Chair said ⟦cy|{WELSH}⟧ and welcomed everyone."
RESOLUTION = f"the leaflet ⟦pl|{POLISH}⟧ be published"
ACTION = f"Translate the leaflet ⟦pl|{POLISH}⟧ for the ward surgeries"
UPDATE = f"Sent to the translator: ⟦cy|{WELSH}⟧ proofed"


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("lang")
    db, seed = SeedCache(folder).copy(folder / "lang.db")
    minute_id = seed.minute_ids[3]
    minutes.set_text(db, minute_id, NARRATIVE)
    minutes.add_resolution(db, minute_id, RESOLUTION)
    minutes.add_resolution(db, minute_id, "the report be noted")
    action = actions.create_action(db, text=ACTION, minute_id=minute_id, owner_text="Ian Barton").after
    actions.add_update(db, action.id, UPDATE)
    sheet = folder / "actions.xlsx"
    export_actions_xlsx(db, sheet, committee_id=seed.committee_id)
    site = read_site(db, seed.committee_id, with_actions=True)
    assert site.open_actions is not None
    result = {
        "pdf": build_minutes_pdf(db, seed.meeting_id),
        "docx": build_minutes_docx(db, seed.meeting_id),
        "content": minutes_content(db, seed.meeting_id),
        "sheet": sheet,
        "reimported": preview_actions_xlsx(db, sheet),
        "actions_html": pages.actions_page(site, site.open_actions),
    }
    db.dispose()
    return result


def test_pdf_has_a_span_with_lang_around_each_marked_passage(marked) -> None:
    pdf = marked["pdf"]
    tree = structure(pdf)
    by_mark = texts_by_mark(pdf)
    spans = {n.lang: "".join(text_of(n, by_mark).split()) for n in tree.walk() if n.role == "Span"}
    assert spans == {"cy": "".join(WELSH.split()), "pl": "".join(POLISH.split())}
    drawn = "".join(s.text for s in shown(pdf))
    assert "⟦" not in drawn and "⟧" not in drawn and "|" not in drawn
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for span in _spans(document.Root.StructTreeRoot):
            kids = list(span.P.K)
            at = next(
                i for i, k in enumerate(kids) if isinstance(k, pikepdf.Dictionary) and k.objgen == span.objgen
            )
            before, after = int(kids[at - 1]), int(kids[at + 1])
            assert before < int(span.K) < after, "the Span is not read between the words around it"


def _spans(node: pikepdf.Object) -> list[pikepdf.Object]:
    kids = node.get("/K")
    found = [node] if node.get("/S") == pikepdf.Name.Span else []
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            found.extend(_spans(kid))
    return found


def test_word_file_sets_w_lang_on_the_marked_runs(marked) -> None:
    document = Document(io.BytesIO(marked["docx"]))
    langs = {}
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            found = run._r.find(f"{qn('w:rPr')}/{qn('w:lang')}")
            if found is not None:
                langs[found.get(qn("w:val"))] = run.text
    assert langs == {"cy": WELSH, "pl": POLISH}
    assert "⟦" not in "\n".join(p.text for p in document.paragraphs)


def test_website_wraps_marked_passages_in_span_lang(marked) -> None:
    html = pages._minutes(marked["content"])
    assert f'<span lang="cy">{WELSH}</span>' in html
    assert f'<span lang="pl">{POLISH}</span>' in html
    assert "⟦" not in html


def test_plain_text_of_the_minutes_has_no_markers(marked) -> None:
    text = marked["content"].plain_text()
    assert WELSH in text and POLISH in text
    assert "⟦" not in text and "cy|" not in text


def test_an_actions_marked_passage_is_tagged_in_the_minutes_and_on_the_website(marked) -> None:
    content = marked["content"]
    line = next(b for b in content.blocks if b.kind == "list" and "Translate the leaflet" in b.text)
    assert [(r.text, r.lang) for r in line.runs if r.lang] == [(POLISH, "pl")]
    assert all(r.italic for r in line.runs) and "⟦" not in line.text
    html = marked["actions_html"]
    assert f'<span lang="pl">{POLISH}</span>' in html and f'<span lang="cy">{WELSH}</span>' in html
    assert "⟦" not in html


def test_the_action_log_spreadsheet_shows_the_words_and_reads_back_unchanged(marked) -> None:
    sheet = load_workbook(marked["sheet"])["Action log"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if "Translate" in str(r))
    action = row[header.index(SheetColumn.ACTION.header)]
    update = row[header.index(SheetColumn.LATEST_UPDATE.header)]
    assert action == f"Translate the leaflet {POLISH} for the ward surgeries"
    assert str(update).endswith(f"Sent to the translator: {WELSH} proofed")
    assert len(header) == len(COLUMNS)
    preview = marked["reimported"]
    assert preview.changes == () and preview.conflicts == () and preview.problems == ()
