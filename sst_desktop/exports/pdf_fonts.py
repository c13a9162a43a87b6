"""Fonts and safe text for every PDF the application writes.

reportlab's ``Paragraph`` parses markup, so every user text goes through ``para_text``: it escapes
``& < >``, keeps line breaks, and puts each character in a font that has a glyph for it *in the face
the text is set in* (regular, bold, italic, bold italic). The app's own font is DejaVu Sans; fonts for
what it lacks ship beside it in ``resources/fonts`` (see ``SOURCES.txt`` there), so every machine
prints the same: Persian and Urdu letters (Noto Sans Arabic), Devanagari (Noto Sans Devanagari,
letters unshaped: reportlab draws no conjuncts), Chinese, Japanese, Korean and full-width forms
(WenQuanYi Micro Hei) and emoji in black and white (Symbola). A face without a script borrows the
nearest face that has it (italic Arabic prints upright), since a real glyph beats an empty box. A
character no font has is still drawn (as a box) but never silently: ``missing_glyphs`` collects it for
the export's warnings.

reportlab draws characters one by one, left to right. A line holding right-to-left text (Arabic,
Hebrew) is therefore put in visual order first (python-bidi), and Arabic letters take their joined
forms (arabic-reshaper). Both are optional: without them the letters are drawn unjoined, never lost.
A long right-to-left paragraph that wraps reads its lines top to bottom in logical order.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache, lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from sst_desktop.paths import resource

log = logging.getLogger(__name__)

FONT = "SSTSans"
FONT_BOLD = "SSTSans-Bold"
FONT_ITALIC = "SSTSans-Italic"
FONT_BOLD_ITALIC = "SSTSans-BoldItalic"
FACES = (FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC)

ARABIC = "SSTArabic"
ARABIC_BOLD = "SSTArabic-Bold"
DEVANAGARI = "SSTDevanagari"
DEVANAGARI_BOLD = "SSTDevanagari-Bold"
CJK = "SSTCJK"
SYMBOLS = "SSTSymbols"

# Every font is TrueType (glyf outlines): reportlab cannot embed CFF-flavoured OpenType.
FILES: dict[str, str] = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
    FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
    ARABIC_BOLD: "NotoSansArabic-Bold.ttf",
    DEVANAGARI: "NotoSansDevanagari-Regular.ttf",
    DEVANAGARI_BOLD: "NotoSansDevanagari-Bold.ttf",
    CJK: "WenQuanYiMicroHei-CJK.ttf",
    SYMBOLS: "Symbola-Emoji.ttf",
}

# Where each face looks, in order, for a character it has no glyph for. DejaVu's oblique faces lack
# Arabic and borrow the upright face of their weight; Noto Sans Arabic adds the Persian and Urdu
# letters DejaVu lacks.
_REGULAR_SCRIPTS = (ARABIC, DEVANAGARI, CJK, SYMBOLS)
_BOLD_SCRIPTS = (ARABIC_BOLD, DEVANAGARI_BOLD, CJK, SYMBOLS)
FALLBACKS: dict[str, tuple[str, ...]] = {
    FONT: _REGULAR_SCRIPTS,
    FONT_BOLD: (*_BOLD_SCRIPTS, FONT),
    FONT_ITALIC: (FONT, *_REGULAR_SCRIPTS),
    FONT_BOLD_ITALIC: (FONT_BOLD, *_BOLD_SCRIPTS, FONT),
}


_reportlab_to_unicode = ttfonts.makeToUnicodeCMap
_BEYOND_BMP = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, with characters beyond the BMP (emoji) written as UTF-16 surrogate
    pairs as the PDF standard says: reportlab writes their code points in five hex digits, which text
    extraction, search and screen readers reject, so the emoji would read back as nothing."""

    def utf16(match: re.Match[str]) -> str:
        return f"<{match[1]}> <{chr(int(match[2], 16)).encode('utf-16-be').hex().upper()}>"

    return _BEYOND_BMP.sub(utf16, _reportlab_to_unicode(fontname, subset))


@cache
def register_fonts() -> str:
    """Register the app's font family once; return the regular font's name."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    for name in FACES:
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", FILES[name]))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )
    return FONT


@cache
def coverage(name: str) -> frozenset[int]:
    """The code points font ``name`` has glyphs for (a script's font is read on first need)."""
    register_fonts()
    if name not in FACES:
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", FILES[name]))))
    font = pdfmetrics.getFont(name)
    return frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]


def main_coverage() -> frozenset[int]:
    return coverage(FONT)


def face_of(base: str, *, bold: bool = False, italic: bool = False) -> str:
    """The face text is set in: a style's font with a run's bold and italic added."""
    bold = bold or base in (FONT_BOLD, FONT_BOLD_ITALIC)
    italic = italic or base in (FONT_ITALIC, FONT_BOLD_ITALIC)
    return {(False, False): FONT, (True, False): FONT_BOLD, (False, True): FONT_ITALIC}.get(
        (bold, italic), FONT_BOLD_ITALIC
    )


@lru_cache(maxsize=8192)
def drawing_font(codepoint: int, face: str = FONT) -> str | None:
    """The font that draws ``codepoint`` in ``face``: the face itself, the first fallback that has
    it, or None when no font has it."""
    for name in (face, *FALLBACKS.get(face, FALLBACKS[FONT])):
        if codepoint in coverage(name):
            return name
    return None


def font_for(codepoint: int, face: str = FONT) -> str | None:
    """The font to switch to for ``codepoint`` in ``face``: None for the face itself (also when no
    font has it)."""
    found = drawing_font(codepoint, face)
    return None if found == face else found


def _invisible(codepoint: int) -> bool:
    """Format characters (joiners, bidi marks, soft hyphen) and variation selectors: they draw
    nothing, so a font without them loses nothing."""
    return (
        unicodedata.category(chr(codepoint)) == "Cf"
        or 0xFE00 <= codepoint <= 0xFE0F
        or 0xE0100 <= codepoint <= 0xE01EF
        or codepoint == 0x034F
    )


# The characters no font could draw, for the exports that are collecting them.
_collectors: ContextVar[tuple[MissingGlyphs, ...]] = ContextVar("missing_glyph_collectors", default=())

MAX_NAMED = 8


@dataclass
class MissingGlyphs:
    """Characters drawn while collecting that no shipped font has (each prints as an empty box)."""

    chars: set[str] = field(default_factory=set)

    def warnings(self) -> list[str]:
        if not self.chars:
            return []
        shown = sorted(self.chars)[:MAX_NAMED]
        names = ", ".join(f"“{c}” (U+{ord(c):04X} {unicodedata.name(c, 'unnamed')})" for c in shown)
        more = len(self.chars) - len(shown)
        if more:
            names += f" and {more} more"
        return [f"No font can print {names}: each shows as an empty box in the PDF."]


@contextmanager
def missing_glyphs() -> Iterator[MissingGlyphs]:
    """Collect the characters that print as boxes while documents are drawn inside the block."""
    found = MissingGlyphs()
    token = _collectors.set((*_collectors.get(), found))
    try:
        yield found
    finally:
        _collectors.reset(token)


def _printable(char: str) -> bool:
    code = ord(char)
    return not (code < 0x20 or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF))


def text_runs(line: str, face: str = FONT) -> list[tuple[str, str]]:
    """One line (already in visual order) cut into (font, text) runs that ``face`` can draw: each
    character in the first font that has it. A character no font has stays in ``face`` and is
    reported to ``missing_glyphs``; an invisible one no font has is left out; control characters
    and lone surrogates (no glyph, and they break PDF text) are left out."""
    runs: list[tuple[str, str]] = []
    chunk: list[str] = []
    chunk_font = face
    for char in line:
        if not _printable(char):
            continue
        code = ord(char)
        font = drawing_font(code, face)
        if font is None:
            if _invisible(code):
                continue
            for collector in _collectors.get():
                collector.chars.add(char)
            font = face
        if font != chunk_font and chunk:
            runs.append((chunk_font, "".join(chunk)))
            chunk.clear()
        chunk_font = font
        chunk.append(char)
    if chunk:
        runs.append((chunk_font, "".join(chunk)))
    return runs


_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


@cache
def _shapers() -> tuple[Callable[[str], str] | None, Callable[[str], str] | None]:
    """(Arabic reshaper, bidi reordering), each None when its library is not installed."""
    reshape: Callable[[str], str] | None = None
    try:
        from arabic_reshaper import ArabicReshaper

        reshape = ArabicReshaper(configuration={"delete_harakat": False}).reshape
    except ImportError:
        log.info("arabic-reshaper is not installed: Arabic letters are drawn unjoined")
    try:
        from bidi import get_display
    except ImportError:
        try:
            from bidi.algorithm import get_display  # python-bidi < 0.5
        except ImportError:
            log.info("python-bidi is not installed: right-to-left text is drawn left to right")
            return reshape, None

    def reorder(line: str) -> str:
        # The documents are English: a line mixing scripts keeps its left-to-right base direction.
        return get_display(line, base_dir="L")

    return reshape, reorder


def visual_line(line: str) -> str:
    """One line of text in the order reportlab must draw it: right-to-left runs reversed, Arabic
    letters in their joined forms. Lines without right-to-left text come back unchanged."""
    if not _RTL.search(line):
        return line
    reshape, reorder = _shapers()
    try:
        if reshape is not None and _ARABIC.search(line):
            line = reshape(line)
        if reorder is not None:
            line = reorder(line)
    except Exception as error:  # a shaping library failing must not lose the text
        log.warning("could not shape %r: %r", line[:40], error)
    return line


def para_text(text: str | None, face: str = FONT) -> str:
    """User text made safe for a reportlab Paragraph set in ``face`` (the style's font, with any
    ``<b>``/``<i>`` the text is wrapped in): escaped, line breaks kept, fonts switched per character."""
    if not text:
        return ""
    register_fonts()
    out: list[str] = []
    for index, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        if index:
            out.append("<br/>")
        for font, chunk in text_runs(visual_line(line), face):
            # A <font> tag resets bold and italic to the named font's own, so a run in another font
            # names the exact face it is drawn in.
            out.append(escape(chunk) if font == face else f'<font name="{font}">{escape(chunk)}</font>')
    return "".join(out)


def paragraph(text: str | None, style: ParagraphStyle, *, bullet: str | None = None) -> Paragraph:
    """A Paragraph of user text in ``style``, each character in a font that draws it in the style's face."""
    return Paragraph(para_text(text, style.fontName), style, bulletText=bullet)


def draw_text(
    canvas: Canvas, x: float, y: float, text: str, face: str, size: float, *, align: str = "left"
) -> None:
    """One line of user text drawn straight on a page (running headers, stand-in pages), with the
    same fonts per character as ``para_text``. ``align``: "left", "centre" or "right" of ``x``."""
    register_fonts()
    runs = text_runs(visual_line(text), face)
    width = sum(pdfmetrics.stringWidth(chunk, font, size) for font, chunk in runs)
    x -= {"centre": width / 2, "right": width}.get(align, 0.0)
    for font, chunk in runs:
        canvas.setFont(font, size)
        canvas.drawString(x, y, chunk)
        x += pdfmetrics.stringWidth(chunk, font, size)
    canvas.setFont(face, size)
