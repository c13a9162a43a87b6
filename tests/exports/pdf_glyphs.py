"""What a PDF really draws: each character shown, in which embedded font, with which glyph.

A character a font lacks is drawn as glyph 0 (``.notdef``, an empty box) and reads back as NUL. Text
extraction alone would miss a glyph that is there but empty, so this reads the fonts themselves:
every text-showing operator's codes are looked up in the embedded subset's own ``cmap`` (code → glyph)
and its ``ToUnicode`` map (code → character), and the glyph's outline is checked with fontTools.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject

_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


@dataclass(frozen=True)
class Drawn:
    font: str  # the embedded font's name without its subset tag: "DejaVuSans-Oblique"
    char: str  # what the code stands for (ToUnicode); "\x00" for glyph 0
    glyph: str  # the glyph's name in the subset; ".notdef" is the empty box
    contours: int  # outline contours (0 for an empty glyph such as a space)

    @property
    def is_box(self) -> bool:
        return self.glyph == ".notdef" or self.char == "\x00"

    @property
    def is_blank(self) -> bool:
        """A visible character (letter, digit, mark, symbol, punctuation) drawn with no outline."""
        visible = unicodedata.category(self.char)[0] in "LNSP"
        return visible and self.contours == 0


@dataclass
class _Font:
    name: str
    glyph_of: dict[int, str]
    contours: dict[str, int]
    chars: dict[int, str]


def _font(resource: DictionaryObject) -> _Font:
    name = str(resource.get("/BaseFont", "?")).lstrip("/").split("+")[-1]
    glyph_of: dict[int, str] = {}
    contours: dict[str, int] = {}
    descriptor = resource.get("/FontDescriptor")
    if descriptor is not None and "/FontFile2" in descriptor.get_object():
        data = descriptor.get_object()["/FontFile2"].get_object().get_data()
        font = TTFont(io.BytesIO(data))
        table = font["cmap"].getcmap(1, 0) or font["cmap"].getcmap(3, 1)
        glyph_of = dict(table.cmap) if table is not None else {}
        glyf = font["glyf"]
        contours = {g: glyf[g].numberOfContours for g in set(glyph_of.values())}
    chars: dict[int, str] = {}
    if "/ToUnicode" in resource:
        cmap = resource["/ToUnicode"].get_object().get_data()
        for code, text in _BFCHAR.findall(cmap[cmap.find(b"beginbfchar") :]):
            chars[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
    return _Font(name, glyph_of, contours, chars)


def drawn(pdf: bytes | Path) -> Iterator[Drawn]:
    """Every character shown on every page, in drawing order."""
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        fonts = {key: _font(ref.get_object()) for key, ref in resources.get("/Font", {}).get_object().items()}
        current: _Font | None = None
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                current = fonts.get(operands[0])
            elif operator in (b"Tj", b"'", b'"', b"TJ") and current is not None and current.glyph_of:
                parts = operands[-1] if operator == b"TJ" else [operands[-1]]
                for part in parts:
                    if isinstance(part, (int, float)):
                        continue
                    for code in bytes(part.original_bytes if hasattr(part, "original_bytes") else part):
                        glyph = current.glyph_of.get(code, ".notdef")
                        yield Drawn(
                            current.name,
                            current.chars.get(code, "\x00"),
                            glyph,
                            current.contours.get(glyph, 0),
                        )


def boxes(pdf: bytes | Path) -> list[Drawn]:
    """Characters drawn as empty boxes or as blank glyphs."""
    return [d for d in drawn(pdf) if d.is_box or d.is_blank]
