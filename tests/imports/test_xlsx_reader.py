"""The streaming workbook reader on workbooks written by hand, as other programs write them."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from sst_desktop.imports.action_rows import parse_sheet_date
from sst_desktop.imports.xlsx_reader import UNKNOWN, WorkbookError, XlsxReader, column_letter

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def workbook(path: Path, sheet: str, strings: str = "", *, date1904: bool = False) -> Path:
    """A minimal workbook: one sheet (``sheet`` is its sheetData), with prefixes as some tools write."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="r1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            f'<x:workbook xmlns:x="{MAIN}" xmlns:r="{RELS}"><x:workbookPr date1904="{int(date1904)}"/>'
            '<x:sheets><x:sheet name="Action log" sheetId="1" r:id="rId1"/>'
            '<x:sheet name="Mark" sheetId="2" state="veryHidden" r:id="rId2"/></x:sheets></x:workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/a.xml"/>'
            f'<Relationship Id="rId2" Type="{RELS}/worksheet" Target="/xl/worksheets/b.xml"/>'
            f'<Relationship Id="rId3" Type="{RELS}/sharedStrings" Target="strings.xml"/></Relationships>',
        )
        z.writestr(
            "xl/worksheets/a.xml",
            f'<x:worksheet xmlns:x="{MAIN}"><x:sheetData>{sheet}</x:sheetData></x:worksheet>',
        )
        z.writestr("xl/worksheets/b.xml", f'<worksheet xmlns="{MAIN}"><sheetData/></worksheet>')
        z.writestr("xl/strings.xml", f'<x:sst xmlns:x="{MAIN}">{strings}</x:sst>')
    return path


def test_cells_of_every_kind(tmp_path: Path) -> None:
    strings = (
        "<x:si><x:t>Open</x:t></x:si>"
        "<x:si><x:r><x:t>Rich </x:t></x:r><x:r><x:t>text</x:t></x:r><x:rPh><x:t>ルビ</x:t></x:rPh></x:si>"
    )
    cells = (
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c>'
        '<x:c r="D1"><x:v>44812</x:v></x:c><x:c r="E1"><x:v>2.5</x:v></x:c><x:c r="F1" t="b"><x:v>1</x:v></x:c>'
        '<x:c r="G1" t="inlineStr"><x:is><x:t>inline</x:t></x:is></x:c>'
        '<x:c r="H1"><x:f>TODAY()</x:f></x:c><x:c r="I1"><x:f>A1</x:f><x:v>45000</x:v></x:c>'
        '<x:c r="J1" t="str"><x:f>A1</x:f><x:v>Open</x:v></x:c><x:c r="K1" t="e"><x:v>#N/A</x:v></x:c></x:row>'
        '<x:row r="5"><x:c r="AA5" t="inlineStr"><x:is><x:t>far</x:t></x:is></x:c></x:row>'
        '<x:row r="6"><x:c r="A6"/></x:row>'
    )
    with XlsxReader(workbook(tmp_path / "w.xlsx", cells, strings)) as reader:
        assert [(s.title, s.state) for s in reader.sheets] == [
            ("Action log", "visible"),
            ("Mark", "veryHidden"),
        ]
        rows = list(reader.rows(reader.sheets[0]))
        assert list(reader.rows(reader.sheets[1])) == []
    first = rows[0][1]
    assert rows[0][0] == 1
    assert first == ["Open", None, "Rich text", 44812, 2.5, True, "inline", UNKNOWN, 45000, "Open", "#N/A"]
    assert rows[1] == (5, [None] * 26 + ["far"])
    assert len(rows) == 2  # a row of empty cells is no row


def test_dates_of_a_1904_workbook(tmp_path: Path) -> None:
    with XlsxReader(workbook(tmp_path / "mac.xlsx", "", date1904=True)) as reader:
        assert reader.date1904
    assert parse_sheet_date(43350, date1904=True) == parse_sheet_date(44812)


@pytest.mark.parametrize(
    "build",
    [
        lambda p: p.write_bytes(b"not a zip"),
        lambda p: zipfile.ZipFile(p, "w").writestr("readme.txt", "hello"),
        lambda p: workbook(p, '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c>'),  # cut short
    ],
)
def test_what_is_not_a_readable_workbook_says_so(tmp_path: Path, build) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.xlsx"
    build(path)
    with (
        pytest.raises(WorkbookError, match=r"is not an Excel workbook|is damaged"),
        XlsxReader(path) as reader,
    ):
        for sheet in reader.sheets:
            list(reader.rows(sheet))


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]
