"""A workbook's cell values, streamed, within fixed limits: for reading files from outside.

openpyxl reads a workbook's whole shared-string table into memory before the first cell: a 401 KB
file holding one 400 MB string took 4.7 GB here. This reader checks the sizes the zip declares for
its parts (``zipfile`` never unpacks more than that), then streams each part through expat and stops
as soon as a limit is passed, so memory stays bounded whatever the file holds:

- ``MAX_PART_BYTES`` unpacked for a sheet, ``MAX_STRINGS_BYTES`` for the shared-string table (kept in
  memory), ``MAX_WORKBOOK_BYTES`` for all parts together;
- ``MAX_CELL_CHARS`` in one cell: Excel's own limit (32,767 characters).

It also keeps what openpyxl's values-only mode loses: a formula whose result was never saved (a
workbook written by a program that does not calculate) reads as ``UNKNOWN``, not as an empty cell.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

MAX_CELL_CHARS = 32_767
MAX_PART_BYTES = 512 * 1024 * 1024
MAX_STRINGS_BYTES = 128 * 1024 * 1024
MAX_WORKBOOK_BYTES = 1024 * 1024 * 1024
CHUNK = 64 * 1024
_CELL = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class WorkbookError(ValueError):
    """The file is not a workbook this reader can read, or passes a limit. The message is a predicate
    ("is not an Excel workbook…"): put the file's name before it."""


class _Unknown:
    """The value of a formula cell whose result the file does not hold."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = _Unknown()


@dataclass(frozen=True)
class Sheet:
    title: str
    part: str  # the zip member holding its cells
    state: str  # "visible", "hidden" or "veryHidden"


def column_letter(index: int) -> str:
    """ "A" for 0, "AA" for 26."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index - 1


class XlsxReader:
    """An open workbook: ``sheets``, ``date1904``, and ``rows(sheet)``. Use as a context manager."""

    def __init__(self, path: Path) -> None:
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            raise WorkbookError("is not an Excel workbook (.xlsx), or it is damaged") from error
        try:
            self._check_sizes()
            self._workbook_part = self._office_document()
            self.sheets, self.date1904, strings_part = self._read_workbook()
            self._strings_part = strings_part
            self._strings: list[str] | None = None
        except BaseException:
            self._zip.close()
            raise

    def __enter__(self) -> XlsxReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    # The parts --------------------------------------------------------------------------------
    def _check_sizes(self) -> None:
        infos = self._zip.infolist()
        total = sum(info.file_size for info in infos)
        if total > MAX_WORKBOOK_BYTES:
            raise WorkbookError(
                f"unpacks to {total / 2**20:,.0f} MB, more than an action log ever holds "
                f"({MAX_WORKBOOK_BYTES / 2**20:,.0f} MB)"
            )
        for info in infos:
            limit = MAX_STRINGS_BYTES if info.filename.endswith("sharedStrings.xml") else MAX_PART_BYTES
            if info.file_size > limit:
                raise WorkbookError(
                    f"has a part ({info.filename}) that unpacks to {info.file_size / 2**20:,.0f} MB, more than an "
                    f"action log ever holds ({limit / 2**20:,.0f} MB)"
                )

    def _member(self, name: str) -> str | None:
        names = {n.casefold(): n for n in self._zip.namelist()}
        return names.get(name.lstrip("/").casefold())

    def _parse(
        self,
        part: str,
        start: Callable[..., None],
        end: Callable[..., None] | None = None,
        text: Callable[..., None] | None = None,
    ) -> None:
        """Stream ``part`` through expat, calling the handlers with local element names."""
        parser = expat.ParserCreate(namespace_separator="}")
        parser.buffer_text = True
        parser.StartElementHandler = lambda name, attrs: start(name.rsplit("}", 1)[-1], attrs)
        if end is not None:
            parser.EndElementHandler = lambda name: end(name.rsplit("}", 1)[-1])
        if text is not None:
            parser.CharacterDataHandler = text
        try:
            with self._zip.open(part) as stream:
                while chunk := stream.read(CHUNK):
                    parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except expat.ExpatError as error:
            raise WorkbookError(f"is damaged: its part {part} cannot be read ({error})") from error
        except (zipfile.BadZipFile, EOFError, OSError) as error:
            raise WorkbookError(f"is damaged ({error})") from error

    def _relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type, zip member) for ``part``."""
        folder, name = posixpath.split(part)
        rels = self._member(posixpath.join(folder, "_rels", f"{name}.rels"))
        found: dict[str, tuple[str, str]] = {}
        if rels is None:
            return found

        def start(tag: str, attrs: dict[str, str]) -> None:
            if tag == "Relationship" and attrs.get("TargetMode") != "External":
                target = attrs.get("Target", "")
                member = (
                    target.lstrip("/")
                    if target.startswith("/")
                    else posixpath.normpath(posixpath.join(folder, target))
                )
                found[attrs.get("Id", "")] = (attrs.get("Type", ""), member)

        self._parse(rels, start)
        return found

    def _office_document(self) -> str:
        for kind, member in self._relationships("").values():
            if kind.endswith("/officeDocument") and self._member(member):
                return self._member(member)  # type: ignore[return-value]
        fallback = self._member("xl/workbook.xml")
        if fallback is None:
            raise WorkbookError("is not an Excel workbook (.xlsx): it has no workbook part")
        return fallback

    def _read_workbook(self) -> tuple[list[Sheet], bool, str | None]:
        relations = self._relationships(self._workbook_part)
        sheets: list[Sheet] = []
        flags = {"date1904": False}

        def start(tag: str, attrs: dict[str, str]) -> None:
            if tag == "workbookPr":
                flags["date1904"] = attrs.get("date1904", "").lower() in ("1", "true")
            elif tag == "sheet":
                relation = attrs.get(f"{_REL}}}id") or attrs.get("r:id", "")
                kind, member = relations.get(relation, ("", ""))
                found = self._member(member) if kind.endswith("/worksheet") else None
                if found is not None:
                    sheets.append(Sheet(attrs.get("name", ""), found, attrs.get("state", "visible")))

        self._parse(self._workbook_part, start)
        strings = next((m for kind, m in relations.values() if kind.endswith("/sharedStrings")), None)
        return (
            sheets,
            flags["date1904"],
            self._member(strings) if strings else self._member("xl/sharedStrings.xml"),
        )

    def _shared_strings(self) -> list[str]:
        if self._strings is None:
            self._strings = _StringTable(self).read(self._strings_part) if self._strings_part else []
        return self._strings

    # Cells ------------------------------------------------------------------------------------
    def rows(self, sheet: Sheet) -> Iterator[tuple[int, list[object]]]:
        """(row number, values by column) for every row that has cells, in file order. A value is
        str, int, float, bool, None (empty) or ``UNKNOWN`` (a formula with no saved result)."""
        cells = _CellReader(self, sheet)
        parser = expat.ParserCreate(namespace_separator="}")
        parser.buffer_text = True
        parser.StartElementHandler = cells.start
        parser.EndElementHandler = cells.end
        parser.CharacterDataHandler = cells.text
        try:
            with self._zip.open(sheet.part) as stream:
                while chunk := stream.read(CHUNK):
                    parser.Parse(chunk, False)
                    yield from cells.take()
            parser.Parse(b"", True)
        except expat.ExpatError as error:
            raise WorkbookError(f"is damaged: its sheet “{sheet.title}” cannot be read ({error})") from error
        except (zipfile.BadZipFile, EOFError, OSError) as error:
            raise WorkbookError(f"is damaged ({error})") from error
        yield from cells.take()


class _Text:
    """Character data of one element, refused once it passes ``MAX_CELL_CHARS``."""

    def __init__(self, where: Callable[[], str]) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.where = where

    def add(self, data: str) -> None:
        self.size += len(data)
        if self.size > MAX_CELL_CHARS:
            raise WorkbookError(
                f"holds more than {MAX_CELL_CHARS:,} characters in {self.where()}, more than a spreadsheet "
                "cell can hold"
            )
        self.parts.append(data)

    def value(self) -> str:
        text = "".join(self.parts)
        self.parts, self.size = [], 0
        return text


class _StringTable:
    """The shared-string table: each ``<si>``'s text runs joined (phonetic guides left out)."""

    def __init__(self, reader: XlsxReader) -> None:
        self.reader = reader
        self.strings: list[str] = []
        self.text = _Text(lambda: f"shared text number {len(self.strings) + 1}")
        self.depth_t = 0
        self.phonetic = 0

    def read(self, part: str) -> list[str]:
        self.reader._parse(part, self.start, self.end, self.data)
        return self.strings

    def start(self, tag: str, _attrs: dict[str, str]) -> None:
        if tag == "rPh":
            self.phonetic += 1
        elif tag == "t" and not self.phonetic:
            self.depth_t += 1

    def end(self, tag: str) -> None:
        if tag == "rPh":
            self.phonetic -= 1
        elif tag == "t" and not self.phonetic:
            self.depth_t -= 1
        elif tag == "si":
            self.strings.append(self.text.value())

    def data(self, data: str) -> None:
        if self.depth_t:
            self.text.add(data)


class _CellReader:
    """expat handlers turning ``<row>``/``<c>`` elements into rows of values."""

    def __init__(self, reader: XlsxReader, sheet: Sheet) -> None:
        self.reader = reader
        self.sheet = sheet
        self.done: list[tuple[int, list[object]]] = []
        self.row: list[object] | None = None
        self.row_number = 0
        self.column = 0
        self.kind = ""
        self.ref = ""
        self.formula = False
        self.value: str | None = None
        self.in_v = self.in_t = self.phonetic = 0
        self.chars = _Text(
            lambda: (
                f"cell {self.ref or column_letter(self.column) + str(self.row_number)} of sheet “{sheet.title}”"
            )
        )

    def take(self) -> list[tuple[int, list[object]]]:
        done, self.done = self.done, []
        return done

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = name.rsplit("}", 1)[-1]
        if tag == "row":
            self.row_number = int(attrs["r"]) if attrs.get("r", "").isdigit() else self.row_number + 1
            self.row, self.column = [], 0
        elif tag == "c":
            self.ref = attrs.get("r", "")
            match = _CELL.match(self.ref)
            if match:
                self.column = _column_index(match.group(1))
            self.kind, self.formula, self.value = attrs.get("t", "n"), False, None
        elif tag == "f":
            self.formula = True
        elif tag == "v":
            self.in_v = 1
        elif tag == "rPh":
            self.phonetic += 1
        elif tag == "t" and not self.phonetic:
            self.in_t = 1

    def end(self, name: str) -> None:
        tag = name.rsplit("}", 1)[-1]
        if tag in ("v", "is"):
            self.value = self.chars.value() if tag == "v" or self.value is None else self.value
            self.in_v = 0
        elif tag == "t":
            self.in_t = 0
        elif tag == "rPh":
            self.phonetic -= 1
        elif tag == "c" and self.row is not None:
            value = self._cell_value()
            while len(self.row) < self.column:
                self.row.append(None)
            self.row.append(value)
            self.column = len(self.row)
        elif tag == "row" and self.row is not None:
            if any(v is not None for v in self.row):
                self.done.append((self.row_number, self.row))
            self.row = None

    def text(self, data: str) -> None:
        if self.in_v or (self.in_t and not self.phonetic):
            self.chars.add(data)

    def _cell_value(self) -> object:
        raw = self.value if self.value is not None else self.chars.value() or None
        if self.kind == "inlineStr":
            return raw or None
        if raw in (None, ""):
            return UNKNOWN if self.formula else None
        if self.kind == "s":
            strings = self.reader._shared_strings()
            index = int(raw) if raw.isdigit() else -1
            return strings[index] if 0 <= index < len(strings) else None
        if self.kind == "b":
            return raw.strip() in ("1", "true")
        if self.kind in ("str", "e", "d"):
            return raw
        try:
            number = float(raw)
        except ValueError:
            return raw
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
