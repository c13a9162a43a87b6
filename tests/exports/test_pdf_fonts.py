"""Every script prints with real glyphs in every face the documents use, on any machine (the fonts
ship with the app); a character no shipped font has is named in the export's warnings."""

from __future__ import annotations

import io
import unicodedata

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from sst_desktop.cli.main import main
from sst_desktop.exports import agenda_pack, agenda_pdf, minutes_pdf, pdf_fonts
from sst_desktop.exports.pdf_fonts import FACES, FILES, FONT, face_of, para_text, text_runs
from sst_desktop.services import agenda, minutes
from sst_desktop.services.agenda_records import AgendaItemPatch
from tests.exports.pdf_glyphs import drawn
from tests.minutes_data import build_seed_meeting

SCRIPTS = {
    "Latin": "Cyfarfod y Bwrdd ŵ ŷ — Zażółć gęślą jaźń — Ó Súilleabháin £ € “quotes”",
    "Greek": "Ελληνικά",
    "Cyrillic": "Кириллица",
    "Arabic": "اجتماع اللجنة",
    "Hebrew": "שלום עולם",
    "Devanagari": "सामुदायिक सुरक्षा",
    "Chinese": "社区安全伙伴关系",
    "Japanese": "地域安全会議のカタカナ",
    "Korean": "지역 안전 협의회",
    "full-width": "ＳＳＴ　会議（第２回）",
    "emoji": "👩‍👩‍👧 🚓 🎉👍😀 ☎ ✓ ⚠",
}
# Thai: no shipped font has it (the test checks that it still has none).
UNPRINTABLE = "ก"


def visible(text: str) -> set[str]:
    folded = unicodedata.normalize("NFKD", text)
    return {ch for ch in folded if unicodedata.category(ch)[0] in "LNSPM"}


def one_paragraph(markup: str, style_font: str) -> bytes:
    buffer = io.BytesIO()
    style = ParagraphStyle("sample", fontName=style_font, fontSize=11, leading=14)
    SimpleDocTemplate(buffer).build([Paragraph(markup, style)])
    return buffer.getvalue()


@pytest.mark.parametrize("face", FACES)
@pytest.mark.parametrize("script", SCRIPTS)
def test_every_script_prints_with_real_glyphs_in_every_face(script: str, face: str) -> None:
    """As a paragraph style's font (a heading, a notice) and as <b>/<i> runs in a regular paragraph
    (the minutes' RESOLVED, actions and arrival lines): italic and bold Arabic printed boxes before."""
    text = SCRIPTS[script]
    bold, italic = face in (pdf_fonts.FONT_BOLD, pdf_fonts.FONT_BOLD_ITALIC), "Italic" in face
    markup = para_text(text, face_of(FONT, bold=bold, italic=italic))
    if italic:
        markup = f"<i>{markup}</i>"
    if bold:
        markup = f"<b>{markup}</b>"
    for pdf in (one_paragraph(para_text(text, face), face), one_paragraph(markup, FONT)):
        glyphs = list(drawn(pdf))
        assert [d for d in glyphs if d.is_box or d.is_blank] == []
        assert visible(text) <= {ch for d in glyphs for ch in visible(d.char)}


def test_latin_greek_and_cyrillic_stay_in_dejavu_in_every_face() -> None:
    """The documents look as they did: no run of these scripts leaves the face it is set in."""
    text = " ".join(SCRIPTS[name] for name in ("Latin", "Greek", "Cyrillic"))
    for face in FACES:
        assert text_runs(text, face) == [(face, text)]
        assert para_text(text, face) == text.replace("&", "&amp;")


def test_italic_arabic_prints_upright_and_letters_dejavu_lacks_come_from_noto() -> None:
    def fonts(text: str, face: str) -> set[str]:
        return {font for font, run in text_runs(pdf_fonts.visual_line(text), face) if run.strip()}

    arabic = SCRIPTS["Arabic"]
    assert fonts(arabic, FONT) == {FONT}  # as before
    assert fonts(arabic, pdf_fonts.FONT_BOLD) == {pdf_fonts.FONT_BOLD}
    assert fonts(arabic, pdf_fonts.FONT_ITALIC) == {FONT}
    assert fonts(arabic, pdf_fonts.FONT_BOLD_ITALIC) == {pdf_fonts.FONT_BOLD}
    afghani = "؋"  # U+060B AFGHANI SIGN: not in DejaVu
    assert fonts(afghani, FONT) == fonts(afghani, pdf_fonts.FONT_ITALIC) == {pdf_fonts.ARABIC}
    assert (
        fonts(afghani, pdf_fonts.FONT_BOLD)
        == fonts(afghani, pdf_fonts.FONT_BOLD_ITALIC)
        == {pdf_fonts.ARABIC_BOLD}
    )


def test_every_shipped_font_has_a_space() -> None:
    """reportlab joins the words of a run with a space in the run's own font."""
    for name in FILES:
        assert 0x20 in pdf_fonts.coverage(name), name


def test_an_invisible_character_no_font_has_is_left_out_without_a_warning() -> None:
    tag = "\U000e0001"  # LANGUAGE TAG: a format character
    assert all(pdf_fonts.drawing_font(ord(tag), face) is None for face in FACES)
    with pdf_fonts.missing_glyphs() as missing:
        assert text_runs(f"a{tag}b", FONT) == [(FONT, "ab")]
    assert missing.warnings() == []


def test_a_character_no_font_has_is_named_in_every_exports_warnings(db, db_path, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert all(pdf_fonts.drawing_font(ord(UNPRINTABLE), face) is None for face in FACES)
    seed = build_seed_meeting(db)
    agenda.update_item(db, seed.item_ids[3], AgendaItemPatch(title=f"Visit of Khun Somchai {UNPRINTABLE}"))
    minutes.set_text(db, seed.minute_ids[3], f"Khun Somchai {UNPRINTABLE} spoke.")
    agenda.build_default_agenda(db, seed.next_id)
    named = "No font can print “ก” (U+0E01 THAI CHARACTER KO KAI)"

    def named_once(warnings: tuple[str, ...]) -> bool:
        return sum(named in w for w in warnings) == 1

    assert named_once(agenda_pdf.export_agenda(db, seed.meeting_id, tmp_path / "a.pdf").warnings)
    assert named_once(minutes_pdf.write_minutes_pdf(db, seed.meeting_id, tmp_path / "m.pdf").warnings)
    assert named_once(agenda_pack.export_agenda_pack(db, seed.meeting_id, tmp_path / "p.pdf").warnings)
    # the next meeting's pack carries these minutes
    assert named_once(agenda_pack.export_agenda_pack(db, seed.next_id, tmp_path / "n.pdf").warnings)
    # a document without it says nothing of fonts
    plain = agenda_pdf.export_agenda(db, seed.previous_id, tmp_path / "plain.pdf").warnings
    assert not any("No font" in w for w in plain)

    db.dispose()
    out = tmp_path / "cli.pdf"
    assert (
        main(
            ["export", "agenda", "--meeting", "SST@2022-06-22", "--out", str(out), "--database", str(db_path)]
        )
        == 0
    )
    assert f"warning: {named}" in capsys.readouterr().err
