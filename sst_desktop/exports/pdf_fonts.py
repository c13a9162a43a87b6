"""Fonts and safe text for every PDF the application writes.

reportlab's ``Paragraph`` parses markup, so every user text goes through ``para_text``: it escapes
``& < >``, keeps line breaks, and switches to a fallback font for characters the app's own font
(DejaVu Sans, shipped in ``resources/fonts``) cannot draw, when a system font that can is found.

reportlab draws characters one by one, left to right. A line holding right-to-left text (Arabic,
Hebrew) is therefore put in visual order first (python-bidi), and Arabic letters take their joined
forms (arabic-reshaper). Both are optional: without them the letters are drawn unjoined, never lost.
A long right-to-left paragraph that wraps reads its lines top to bottom in logical order.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from sst_desktop.paths import resource

log = logging.getLogger(__name__)

FONT = "SSTSans"
FONT_BOLD = "SSTSans-Bold"
FONT_ITALIC = "SSTSans-Italic"
FONT_BOLD_ITALIC = "SSTSans-BoldItalic"

# TrueType fonts (reportlab cannot embed CFF-based OpenType) that cover scripts DejaVu lacks.
FALLBACK_CANDIDATES: tuple[str, ...] = (
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansBengali-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansSymbols-Regular.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSerif.ttf",
    "/usr/share/fonts/truetype/unifont/unifont.ttf",
)


@dataclass(frozen=True)
class FallbackFont:
    name: str
    coverage: frozenset[int]


@cache
def register_fonts() -> str:
    """Register the app's font family once; return the regular font's name."""
    files = {
        FONT: "DejaVuSans.ttf",
        FONT_BOLD: "DejaVuSans-Bold.ttf",
        FONT_ITALIC: "DejaVuSans-Oblique.ttf",
        FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    }
    for name, filename in files.items():
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )
    return FONT


@cache
def main_coverage() -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(FONT)
    return frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]


@cache
def fallback_fonts() -> tuple[FallbackFont, ...]:
    """System fonts that can draw what DejaVu cannot, in order of preference."""
    found: list[FallbackFont] = []
    for index, candidate in enumerate(FALLBACK_CANDIDATES):
        path = Path(candidate)
        if not path.is_file():
            continue
        name = f"SSTFallback{index}"
        try:
            font = (
                TTFont(name, str(path), subfontIndex=0) if path.suffix == ".ttc" else TTFont(name, str(path))
            )
        except (TTFError, OSError, ValueError, KeyError) as error:
            log.info("fallback font %s not usable: %s", path, error)
            continue
        pdfmetrics.registerFont(font)
        found.append(FallbackFont(name, frozenset(font.face.charToGlyph)))
    return tuple(found)


def font_for(codepoint: int) -> str | None:
    """The font to draw ``codepoint`` with: None for the main font (also when no font has it)."""
    if codepoint in main_coverage() or codepoint < 0x20:
        return None
    for fallback in fallback_fonts():
        if codepoint in fallback.coverage:
            return fallback.name
    return None


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


def para_text(text: str | None) -> str:
    """User text made safe for a reportlab Paragraph: escaped, line breaks kept, fonts switched per script."""
    if not text:
        return ""
    register_fonts()
    out: list[str] = []
    run: list[str] = []
    run_font: str | None = None

    def flush() -> None:
        if not run:
            return
        chunk = escape("".join(run))
        out.append(chunk if run_font is None else f'<font name="{run_font}">{chunk}</font>')
        run.clear()

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for char in "\n".join(visual_line(line) for line in lines):
        if char == "\n":
            flush()
            out.append("<br/>")
            continue
        code = ord(char)
        if code < 0x20 or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
            continue  # control characters and lone surrogates have no glyph and break PDF text
        font = font_for(code)
        if font != run_font:
            flush()
            run_font = font
        run.append(char)
    flush()
    return "".join(out)
